"""Back office for posts: read, search, and delete through the same action as authors."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from essaim.core.errors import NotFound

from .actions import do_delete_post
from .models import Hashtag, Post, Visibility

PRIVATE_FIELDS = ("text", "spoiler_text")


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    """Posts are changed by their authors only; staff can read them and delete them."""

    list_display = ("id", "author", "excerpt", "kind", "visibility", "created_at", "likes_count")
    list_filter = ("visibility", "created_at")
    search_fields = ("text", "author__username", "author__display_name")
    list_select_related = ("author",)
    date_hierarchy = "created_at"
    ordering = ("-id",)
    fields = ("id", "author", "posted_by", "text", "visibility", "reply_policy", "in_reply_to",
              "relay_of", "quote_of", "spoiler_text", "created_at", "edited_at", "pinned_at",
              "replies_count", "relays_count", "likes_count", "quotes_count")
    readonly_fields = fields
    show_full_result_count = False

    @admin.display(description=_("text"))
    def excerpt(self, obj):
        if obj.relay_of_id:
            return _("(relay of %(id)s)") % {"id": obj.relay_of_id}
        if obj.visibility == Visibility.DIRECT:
            return _("(mentioned people only: not shown)")
        return Truncator(obj.text).chars(80)

    def get_fields(self, request, obj=None):
        """A direct post's words are for the people it mentions, not for administrators."""
        if obj is not None and obj.visibility == Visibility.DIRECT:
            return tuple(f for f in self.fields if f not in PRIVATE_FIELDS)
        return self.fields

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def get_search_results(self, request, queryset, search_term):
        """Searching words finds no direct post (its author's name still does)."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            by_author = Q(author__username__icontains=search_term) | Q(
                author__display_name__icontains=search_term)
            found = found.exclude(Q(visibility=Visibility.DIRECT) & ~by_author)
        return found, duplicates

    @admin.display(description=_("kind"))
    def kind(self, obj):
        if obj.relay_of_id:
            return _("relay")
        if obj.in_reply_to_id:
            return _("reply")
        if obj.quote_of_id:
            return _("quote")
        return _("post")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        try:
            do_delete_post(request.user, obj.pk)
        except NotFound:
            pass  # already gone (a relay deleted with its original)

    def delete_queryset(self, request, queryset):
        for pk in list(queryset.values_list("pk", flat=True)):
            try:
                do_delete_post(request.user, pk)
            except NotFound:
                continue  # a relay already deleted with its original


@admin.register(Hashtag)
class HashtagAdmin(admin.ModelAdmin):
    list_display = ("display", "name", "created_at")
    search_fields = ("name",)
    readonly_fields = ("name", "display", "created_at")

    def has_add_permission(self, request):
        return False
