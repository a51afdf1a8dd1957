"""Writing articles: Markdown rendered and sanitised, limits, covers, the announcement."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings

from essaim.articles import markdown
from essaim.articles.actions import do_create_article, do_edit_article
from essaim.core.errors import PermissionDenied, ValidationFailed
from essaim.posts.models import Post

from .conftest import BODY, image_upload


def test_markdown_keeps_headings_lists_links_and_images():
    html = markdown.render(BODY + "\n![chart](https://example.org/c.png)\n")
    assert "<h1>Why hydrogen</h1>" in html and "<h2>What changes</h2>" in html
    assert "<li>cleaner trucks</li>" in html and "<strong>new plant</strong>" in html
    assert 'href="https://example.org/report"' in html and 'rel="nofollow' in html
    assert '<img src="https://example.org/c.png" alt="chart">' in html


def test_markdown_drops_scripts_handlers_and_javascript_links():
    html = markdown.render('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n'
                           "[click](javascript:alert(1)) ![x](javascript:alert(2))")
    assert "<script" not in html
    assert not re.search(r"<[^>]*onerror", html)
    assert 'href="javascript' not in html and 'src="javascript' not in html


def test_an_article_is_announced_by_a_post_carrying_its_title(public_article, news):
    post = Post.objects.get(pk=public_article.post_id)
    assert post.text == "Hydrogen in Lyon"
    assert post.author_id == news.id and post.visibility == "public"
    assert public_article.summary.startswith("Why hydrogen Our new plant opens in Lyon.")


def test_an_article_needs_a_title_and_a_body(alice):
    with pytest.raises(ValidationFailed, match="title"):
        do_create_article(alice, "  ", "Body")
    with pytest.raises(ValidationFailed, match="empty"):
        do_create_article(alice, "Title", "   ")


@override_settings(ESSAIM_ARTICLE_MAX_CHARS=100)
def test_an_article_longer_than_the_limit_is_refused_with_its_length(alice):
    with pytest.raises(ValidationFailed, match="at most 100 characters .this one has 150"):
        do_create_article(alice, "Long", "x" * 150)


def test_a_long_title_is_refused(alice):
    with pytest.raises(ValidationFailed, match="200"):
        do_create_article(alice, "t" * 201, "Body")


def test_a_cover_becomes_the_announcements_image(alice):
    article = do_create_article(alice, "With a cover", "Body", visibility="public",
                                cover=image_upload())
    assert article.cover is not None and article.cover.post_id == article.post_id
    assert (article.cover.width, article.cover.height) == (1200, 630)


@override_settings(ESSAIM_ARTICLE_COVER_MAX_BYTES=1000)
def test_an_oversized_cover_is_refused_before_anything_is_written(alice):
    with pytest.raises(ValidationFailed, match="cover image is too large"):
        do_create_article(alice, "Big cover", "Body", cover=image_upload((800, 800)))
    assert not Post.objects.filter(text="Big cover").exists()


def test_a_cover_that_is_not_an_image_is_refused(alice):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationFailed, match="not an image"):
        do_create_article(alice, "Bad cover", "Body",
                          cover=SimpleUploadedFile("c.png", b"not an image"))


@pytest.mark.parametrize("visibility", ["company", "public"])
def test_a_guest_cannot_publish_an_article_to_the_company_or_in_public(guest, visibility):
    with pytest.raises(PermissionDenied, match="External guests"):
        do_create_article(guest, "From outside", "Hello", visibility=visibility)
    assert not Post.objects.filter(text="From outside").exists()


def test_a_guest_publishes_an_article_in_their_community(guest, atlas):
    article = do_create_article(guest, "From the client", "Hello", community=atlas)
    assert article.post.visibility == "community"


def test_only_a_member_can_publish_an_article_in_a_community(bob, atlas):
    with pytest.raises(PermissionDenied):
        do_create_article(bob, "Not mine", "Body", community=atlas)


def test_a_community_article_has_the_community_visibility(community_article, atlas):
    assert community_article.post.community_id == atlas.id
    assert community_article.post.visibility == "community"


def test_the_reply_policy_is_the_posts(alice):
    article = do_create_article(alice, "Closed", "Body", reply_policy="nobody")
    assert article.post.reply_policy == "nobody"


def test_a_delegate_edits_the_official_article_and_the_announcement_follows(
        public_article, alice):
    article = do_edit_article(alice, public_article.post_id, title="Hydrogen in Lyon, updated",
                              body="## New\n\nText")
    assert article.html.startswith("<h2>New</h2>") and article.updated_at is not None
    assert Post.objects.get(pk=article.post_id).text == "Hydrogen in Lyon, updated"


def test_someone_else_cannot_edit_an_article(public_article, bob):
    with pytest.raises(PermissionDenied):
        do_edit_article(bob, public_article.post_id, title="Mine now", body="x")


def test_deleting_the_announcement_deletes_the_article(public_article, alice):
    from essaim.articles.models import Article
    from essaim.posts.actions import do_delete_post

    do_delete_post(alice, public_article.post_id)
    assert not Article.objects.filter(pk=public_article.pk).exists()
