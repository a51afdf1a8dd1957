from django.apps import AppConfig
from django.db.models.signals import pre_save


def _refuse_control_characters(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures load as they are
        return
    from .text import check_model_text

    check_model_text(instance)


class CoreConfig(AppConfig):
    name = "essaim.core"
    label = "core"

    def ready(self):
        for model in self.apps.get_models():
            if model.__module__.startswith("essaim."):
                pre_save.connect(_refuse_control_characters, sender=model,
                                 dispatch_uid=f"essaim-text-{model._meta.label}")
