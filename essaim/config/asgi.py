import contextlib
import os
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import ThreadSensitiveContext
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "essaim.config.settings")
django_application = get_asgi_application()


class RequestLanes:
    """The threads that run requests' synchronous code (middleware, views, the ORM).

    Django's default gives each request a new thread. Python runs one thread at a time, and a
    thread that hands the interpreter over for a query waits to get it back while the others
    compute: under load, requests spend more time waiting than working, and each new thread
    opens its own database connection. Here a process has ``ESSAIM_WEB_THREADS`` long-lived
    threads; each request goes to the least busy one and queues there. Async code (streaming)
    is not held up: only its synchronous calls queue.
    """

    def __init__(self, count: int):
        self.executors = [ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"request-{i}")
                          for i in range(count)]
        self.waiting = [0] * count

    @contextlib.asynccontextmanager
    async def lane(self):
        index = min(range(len(self.waiting)), key=self.waiting.__getitem__)
        self.waiting[index] += 1
        try:
            async with ThreadSensitiveContext(executor=self.executors[index]):
                yield
        finally:
            self.waiting[index] -= 1


def _lanes() -> RequestLanes | None:
    from django.conf import settings

    count = settings.ESSAIM_WEB_THREADS
    return RequestLanes(count) if count > 0 else None


lanes = _lanes()


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
                from essaim.posts.tasks import start_clock

                start_clock()  # scheduled posts publish on time, browsing or not
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if lanes is None:
        await django_application(scope, receive, send)
        return
    async with lanes.lane():
        await django_application(scope, receive, send)
