from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from essaim.core.ids import snowflake

User = settings.AUTH_USER_MODEL


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    COMPANY = "company", _("Company")
    FOLLOWERS = "followers", _("Followers")
    DIRECT = "direct", _("Mentioned only")
    COMMUNITY = "community", _("Community members")


class ReplyPolicy(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    FOLLOWING = "following", _("People I follow")
    MENTIONED = "mentioned", _("Mentioned people")
    NOBODY = "nobody", _("Nobody (comments closed)")


class Hashtag(models.Model):
    name = models.CharField(max_length=100, unique=True)  # lower-case, without '#'
    display = models.CharField(max_length=100)  # as first written
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"#{self.display}"


class Post(models.Model):
    """A short message, a reply, a relay (repost) or a quote-relay."""

    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="posts")
    posted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The delegate who wrote a post for an official account.",
    )
    text = models.TextField(blank=True)
    html = models.TextField(blank=True)
    language = models.CharField(max_length=8, blank=True)
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.COMPANY
    )
    reply_policy = models.CharField(
        max_length=10, choices=ReplyPolicy.choices, default=ReplyPolicy.EVERYONE
    )
    in_reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    in_reply_to_account = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    thread_root = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="thread_posts"
    )
    relay_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="relays"
    )
    quote_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    community = models.ForeignKey(
        "communities.Community", null=True, blank=True, on_delete=models.CASCADE,
        related_name="posts", help_text="Set for posts in a community (visibility: community).",
    )
    sensitive = models.BooleanField(default=False)
    spoiler_text = models.CharField(max_length=200, blank=True)
    hashtags = models.ManyToManyField(Hashtag, blank=True, related_name="posts")
    mentions = models.ManyToManyField(User, blank=True, related_name="mentioned_in")
    created_at = models.DateTimeField(db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    pinned_at = models.DateTimeField(null=True, blank=True)
    # Hidden by a moderator: gone from every read path (the visibility policy), kept for the
    # record of the report.
    hidden_at = models.DateTimeField(null=True, blank=True)
    replies_count = models.PositiveIntegerField(default=0)
    relays_count = models.PositiveIntegerField(default=0)
    likes_count = models.PositiveIntegerField(default=0)
    quotes_count = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["author", "-id"]),
            models.Index(fields=["visibility", "-id"]),
            models.Index(fields=["relay_of", "author"]),
            models.Index(fields=["thread_root", "id"]),
            models.Index(fields=["community", "-id"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "relay_of"], condition=models.Q(relay_of__isnull=False),
                name="uniq_relay",
            )
        ]

    def __str__(self) -> str:
        return f"{self.author_id}:{self.id}"

    @property
    def is_relay(self) -> bool:
        return self.relay_of_id is not None

    @property
    def is_reply(self) -> bool:
        return self.in_reply_to_id is not None


class PostEdit(models.Model):
    """A previous version of a post, kept when it is edited."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="edits")
    text = models.TextField()
    html = models.TextField()
    spoiler_text = models.CharField(max_length=200, blank=True)
    sensitive = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]


class Like(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="likes")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="likes")
    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "post"], name="uniq_like")]


class Bookmark(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="bookmarks")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="bookmarks")
    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "post"], name="uniq_bookmark")]


class ScheduledPost(models.Model):
    """A post to publish later: what to publish (the compose action's arguments) and when."""

    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="scheduled_posts")
    scheduled_at = models.DateTimeField()
    params = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)  # a publisher took it
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    error = models.CharField(max_length=300, blank=True)  # why it could not be published

    class Meta:
        indexes = [models.Index(fields=["claimed_at", "scheduled_at"],
                                name="scheduled_due")]
