from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "essaim.media"
    label = "media"
