from ninja import NinjaAPI

api = NinjaAPI(title="Essaim API", version="1", urls_namespace="essaim-api")
