"""Administration of communities: look and search; changes go through the actions."""

from django.contrib import admin

from .models import Community, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ("user", "role", "follows", "joined_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "template", "members_count", "deadline", "archived_at")
    list_filter = ("kind", "template")
    search_fields = ("name", "description", "tags")
    readonly_fields = ("slug", "members_count", "created_by", "created_at", "reminder_sent_at",
                       "avatar", "cover")
    inlines = [MembershipInline]

    def has_add_permission(self, request):
        return False  # created by employees from the web UI or the API, through the actions

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # deleting a community removes files too: use the community's settings
