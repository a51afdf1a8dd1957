from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "essaim.realtime"
    label = "realtime"
