from django.apps import AppConfig


class PollsConfig(AppConfig):
    name = "essaim.polls"
    label = "polls"
