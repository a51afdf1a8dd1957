from django.apps import AppConfig


class MastodonApiConfig(AppConfig):
    name = "essaim.mastodon_api"
    label = "mastodon_api"

    def ready(self) -> None:
        from . import signals

        signals.connect()
