from django.apps import AppConfig


class TrendsConfig(AppConfig):
    name = "essaim.trends"
    label = "trends"
    default_auto_field = "django.db.models.BigAutoField"
