from django.urls import path

from .views import auth, lists, me, people, posts, timelines

app_name = "web"

urlpatterns = [
    path("", timelines.home, name="home"),
    path("home/new/", timelines.new_posts, name="new_posts"),
    path("login/", auth.login_view, name="login"),
    path("logout/", auth.logout_view, name="logout"),
    path("company/", timelines.company, name="company"),
    path("tags/<str:name>/", timelines.hashtag, name="hashtag"),
    path("tags/<str:name>/follow/", timelines.hashtag_follow, name="hashtag_follow"),
    path("bookmarks/", timelines.bookmarks, name="bookmarks"),
    # Posts
    path("compose/", posts.compose, name="compose"),
    path("posts/<int:post_id>/", posts.thread, name="thread"),
    path("posts/<int:post_id>/like/", posts.toggle, {"action": "like"}, name="like"),
    path("posts/<int:post_id>/relay/", posts.toggle, {"action": "relay"}, name="relay"),
    path("posts/<int:post_id>/bookmark/", posts.toggle, {"action": "bookmark"},
         name="bookmark"),
    path("posts/<int:post_id>/pin/", posts.toggle, {"action": "pin"}, name="pin"),
    path("posts/<int:post_id>/reply-policy/", posts.reply_policy, name="reply_policy"),
    path("posts/<int:post_id>/edit/", posts.edit, name="edit"),
    path("posts/<int:post_id>/history/", posts.history, name="history"),
    path("posts/<int:post_id>/delete/", posts.delete, name="delete"),
    # People
    path("people/", people.directory, name="directory"),
    path("@<str:username>/", people.profile, name="profile"),
    path("@<str:username>/follow/", people.follow, name="follow"),
    path("@<str:username>/mute/", people.mute, name="mute"),
    path("@<str:username>/block/", people.block, name="block"),
    # Lists
    path("lists/", lists.index, name="lists"),
    path("lists/<int:list_id>/", lists.detail, name="list"),
    path("lists/<int:list_id>/rename/", lists.rename, name="list_rename"),
    path("lists/<int:list_id>/delete/", lists.delete, name="list_delete"),
    path("lists/<int:list_id>/members/", lists.add_member, name="list_add"),
    path("lists/<int:list_id>/members/<str:username>/remove/", lists.remove_member,
         name="list_remove"),
    # Me
    path("notifications/", me.notifications, name="notifications"),
    path("notifications/read/", me.notifications_read, name="notifications_read"),
    path("settings/", me.settings_page, name="settings"),
    path("settings/profile/", me.settings_profile, name="settings_profile"),
    path("settings/avatar/", me.settings_avatar, name="settings_avatar"),
    path("settings/language/", me.settings_language, name="settings_language"),
]
