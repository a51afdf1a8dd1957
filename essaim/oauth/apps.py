from django.apps import AppConfig


class OauthConfig(AppConfig):
    name = "essaim.oauth"
    label = "oauth"
