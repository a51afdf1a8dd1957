from django.apps import AppConfig


class FiltersConfig(AppConfig):
    name = "essaim.filters"
    label = "filters"
    default_auto_field = "django.db.models.BigAutoField"
