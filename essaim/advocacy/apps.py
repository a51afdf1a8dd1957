from django.apps import AppConfig


class AdvocacyConfig(AppConfig):
    name = "essaim.advocacy"
    label = "advocacy"
    default_auto_field = "django.db.models.BigAutoField"
