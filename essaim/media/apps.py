from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_delete


def _delete_files(sender, instance, **kwargs):
    """An attachment's files leave the disk once its deletion (or its post's) is committed."""
    names = [(field.storage, field.name) for field in (instance.file, instance.preview)
             if field.name]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])


class MediaConfig(AppConfig):
    name = "essaim.media"
    label = "media"

    def ready(self):
        post_delete.connect(_delete_files, sender=self.get_model("MediaAttachment"),
                            dispatch_uid="essaim-media-files")
