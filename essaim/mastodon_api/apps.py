from django.apps import AppConfig


class MastodonApiConfig(AppConfig):
    name = "essaim.mastodon_api"
    label = "mastodon_api"
