from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "essaim.posts"
    label = "posts"
