from django.apps import AppConfig


class TimelinesConfig(AppConfig):
    name = "essaim.timelines"
    label = "timelines"
