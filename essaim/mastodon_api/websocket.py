"""The WebSocket at ``/api/v1/streaming``: a small ASGI application in front of Django.

Clients authenticate with ``access_token`` in the query string, a bearer ``Authorization``
header, or the ``Sec-WebSocket-Protocol`` header (as Mastodon's web client does), then send
``{"type": "subscribe", "stream": "user"}`` (with ``tag`` or ``list`` where needed) and
``{"type": "unsubscribe", ...}``. Each event arrives as
``{"stream": [...], "event": "update", "payload": "<JSON text>"}``.
"""

from __future__ import annotations

import asyncio
import json
import logging
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from django.utils.translation import gettext as _

from essaim.core.errors import EssaimError
from essaim.realtime.broker import broker

from . import streaming

logger = logging.getLogger(__name__)
PATHS = {"/api/v1/streaming", "/api/v1/streaming/"}


def _headers(scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _credentials(scope) -> tuple[str | None, str | None]:
    """(raw token, subprotocol to echo when the token came as one)."""
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    headers = _headers(scope)
    if query.get("access_token"):
        return query["access_token"][0], None
    scheme, _sep, value = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip(), None
    protocol = headers.get("sec-websocket-protocol", "").split(",")[0].strip()
    return (protocol or None), (protocol or None)


def _authenticate(raw: str | None):
    from essaim.oauth.auth import authenticate_token

    if raw is None:
        return None, None, True
    token = authenticate_token(raw)
    if token is None:
        return None, None, False
    return token, token.user, True


class Connection:
    def __init__(self, scope, receive, send, token, viewer):
        self.scope, self.receive, self.send = scope, receive, send
        self.token, self.viewer = token, viewer
        headers = _headers(scope)
        host = headers.get("host") or "localhost"
        secure = scope.get("scheme") == "wss" or headers.get("x-forwarded-proto") == "https"
        self.request = streaming.StreamRequest(host, secure)
        self.subscription = broker().subscription()
        self.streams: dict[tuple, streaming.Stream] = {}

    async def send_json(self, data: dict) -> None:
        await self.send({"type": "websocket.send", "text": json.dumps(data)})

    async def subscribe(self, name: str, params: dict) -> None:
        try:
            stream = await sync_to_async(streaming.open_stream)(self.token, self.viewer, name,
                                                                params)
        except EssaimError as exc:
            await self.send_json({"error": exc.message, "status": exc.status})
            return
        self.streams[stream.key] = stream
        await self.subscription.subscribe(*stream.channels)

    async def unsubscribe(self, name: str, params: dict) -> None:
        tag = (params.get("tag") or "").lstrip("#").lower() or None
        key = tuple(x for x in (name, tag or params.get("list")) if x)
        stream = self.streams.pop(tuple(str(x) for x in key), None)
        if stream is None:
            return
        still = {c for s in self.streams.values() for c in s.channels}
        gone = [c for c in stream.channels if c not in still]
        if gone:
            await self.subscription.unsubscribe(*gone)

    async def read_loop(self) -> None:
        while True:
            message = await self.receive()
            if message["type"] == "websocket.disconnect":
                return
            if message["type"] != "websocket.receive":
                continue
            try:
                data = json.loads(message.get("text") or message.get("bytes") or "{}")
            except ValueError:
                await self.send_json({"error": _("Invalid JSON"), "status": 400})
                continue
            if not isinstance(data, dict):
                continue
            params = {"tag": data.get("tag"), "list": data.get("list")}
            if data.get("type") == "subscribe":
                await self.subscribe(str(data.get("stream", "")), params)
            elif data.get("type") == "unsubscribe":
                await self.unsubscribe(str(data.get("stream", "")), params)

    async def send_loop(self) -> None:
        while True:
            item = await self.subscription.get(timeout=15.0)
            if item is None:
                continue
            channel, message = item
            for stream in list(self.streams.values()):
                if channel not in stream.channels:
                    continue
                rendered = await sync_to_async(streaming.render)(stream, channel, message,
                                                                 self.request)
                if rendered is not None:
                    await self.send_json({"stream": stream.label, "event": rendered[0],
                                          "payload": rendered[1]})

    async def run(self) -> None:
        tasks = [asyncio.ensure_future(self.read_loop()), asyncio.ensure_future(self.send_loop())]
        try:
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await self.subscription.close()


async def streaming_websocket(scope, receive, send) -> None:
    message = await receive()
    if message["type"] != "websocket.connect":
        return
    raw, protocol = _credentials(scope)
    token, viewer, valid = await sync_to_async(_authenticate)(raw)
    if not valid:
        await send({"type": "websocket.close", "code": 4001})  # refused before the upgrade
        return
    accept = {"type": "websocket.accept"}
    if protocol:
        accept["subprotocol"] = protocol
    await send(accept)
    connection = Connection(scope, receive, send, token, viewer)
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    if query.get("stream"):
        await connection.subscribe(query["stream"][0], {"tag": query.get("tag", [None])[0],
                                                        "list": query.get("list", [None])[0]})
    await connection.run()


async def route(scope, receive, send) -> bool:
    """Serve a WebSocket if it is ours; False lets the caller refuse it."""
    if scope.get("path") in PATHS:
        await streaming_websocket(scope, receive, send)
        return True
    return False
