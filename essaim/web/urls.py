from django.urls import path

from . import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("company/", views.company, name="company"),
    path("tags/<str:name>/", views.hashtag, name="hashtag"),
    path("@<str:username>/", views.profile, name="profile"),
    path("posts/<int:post_id>/", views.thread, name="thread"),
]
