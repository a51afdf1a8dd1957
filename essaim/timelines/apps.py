from django.apps import AppConfig


class TimelinesConfig(AppConfig):
    name = "essaim.timelines"
    label = "timelines"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .broadcasters import forget_broadcasters
        from .models import Broadcaster

        post_save.connect(forget_broadcasters, sender=Broadcaster, dispatch_uid="broadcasters")
        post_delete.connect(forget_broadcasters, sender=Broadcaster,
                            dispatch_uid="broadcasters-deleted")
