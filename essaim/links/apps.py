from django.apps import AppConfig


class LinksConfig(AppConfig):
    name = "essaim.links"
    label = "links"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals

        signals.connect()
