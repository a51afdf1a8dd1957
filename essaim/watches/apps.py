from django.apps import AppConfig


class WatchesConfig(AppConfig):
    name = "essaim.watches"
    label = "watches"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import matching

        matching.connect()
