from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "essaim.insight"
    label = "insight"
    default_auto_field = "django.db.models.BigAutoField"
