from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "essaim.posts"
    label = "posts"

    def ready(self) -> None:
        from . import cache

        cache.connect()
