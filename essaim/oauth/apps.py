from django.apps import AppConfig


class OauthConfig(AppConfig):
    name = "essaim.oauth"
    label = "oauth"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from .models import AccessToken

        def forget(sender, instance, **kwargs):
            from .auth import forget_tokens

            forget_tokens([instance.token_hash])

        post_delete.connect(forget, sender=AccessToken, dispatch_uid="token-cache",
                            weak=False)
