from django.apps import AppConfig


class GraphConfig(AppConfig):
    name = "essaim.graph"
    label = "graph"
