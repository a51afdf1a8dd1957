"""An article is the long form of a post: the post is its announcement in the flow.

The announcement carries everything the post machinery already knows (author, visibility,
reply policy, community, timelines, relays, likes, tracked links, reach); the article adds
the title, the Markdown body (and its sanitised HTML) and the cover image, which is the
announcement's first image so that it is served under the same visibility.
"""

from __future__ import annotations

from django.db import models


class Article(models.Model):
    post = models.OneToOneField("posts.Post", on_delete=models.CASCADE, primary_key=True,
                                related_name="article")
    title = models.CharField(max_length=200)
    body = models.TextField()  # Markdown, as written
    html = models.TextField()  # rendered and sanitised
    summary = models.CharField(max_length=300, blank=True)  # plain text, for cards and unfurls
    cover = models.ForeignKey("media.MediaAttachment", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.title
