import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "essaim.config.settings")
django_application = get_asgi_application()


async def application(scope, receive, send):
    """Django for HTTP; the streaming WebSocket in front of it; a no-op lifespan."""
    if scope["type"] == "websocket":
        from essaim.mastodon_api.websocket import route

        if not await route(scope, receive, send):
            await receive()
            await send({"type": "websocket.close", "code": 4004})
        return
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    await django_application(scope, receive, send)
