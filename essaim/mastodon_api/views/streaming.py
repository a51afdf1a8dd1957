"""Server-Sent Events at ``/api/v1/streaming/...`` (async views; run under the ASGI server).

A comment line goes out every 15 seconds so that proxies and clients keep the connection.
"""

from __future__ import annotations

import asyncio
import logging

from asgiref.sync import sync_to_async
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from essaim.core.errors import EssaimError
from essaim.realtime.broker import broker

from .. import streaming
from ..http import CORS_HEADERS, Unauthorized, bearer_token, error_response

logger = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 15.0


def _open(request, name: str):
    """Authenticate (token, or the web UI's session) and check the subscription."""
    from essaim.oauth.auth import authenticate_token

    raw = bearer_token(request)
    token = viewer = None
    if raw:
        token = authenticate_token(raw)
        if token is None:
            raise Unauthorized(_("The access token is invalid"))
        viewer = token.user
    else:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_active:
            viewer = user
    params = {"tag": request.GET.get("tag"), "list": request.GET.get("list")}
    return streaming.open_stream(token, viewer, name, params)


async def _events(subscription, stream, request):
    try:
        yield ":)\n\n"
        while True:
            try:
                item = await subscription.get(timeout=HEARTBEAT_SECONDS)
            except ConnectionError:  # the broker went away: end, and let the client reconnect
                return
            if item is None:
                yield ":thump\n\n"
                continue
            rendered = await sync_to_async(streaming.render)(stream, *item, request)
            if rendered is not None:
                yield streaming.sse_frame(*rendered)
    finally:
        try:
            await asyncio.shield(subscription.close())
        except Exception:  # closing a dead connection: nothing left to do
            logger.debug("Closing a stream subscription failed", exc_info=True)


def _with_cors(response):
    for key, value in CORS_HEADERS.items():
        response.headers.setdefault(key, value)
    return response


async def _stream(request, name: str):
    if request.method == "OPTIONS":
        return _with_cors(HttpResponse(status=200))
    if request.method != "GET":
        return _with_cors(error_response(405, _("Method not allowed")))
    await request.auser()  # the session user, loaded outside the event loop's thread
    try:
        stream = await sync_to_async(_open)(request, name)
    except EssaimError as exc:
        return _with_cors(error_response(exc.status, exc.message))
    subscription = broker().subscription()
    try:
        await subscription.subscribe(*stream.channels)
    except (ConnectionError, OSError) as exc:
        logger.warning("Cannot open a stream: %s", exc)
        await subscription.close()
        return _with_cors(error_response(503, _("Streaming is unavailable, try again later.")))
    response = StreamingHttpResponse(_events(subscription, stream, request),
                                     content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return _with_cors(response)


@csrf_exempt
async def sse(request, path: str = ""):
    """``/api/v1/streaming/<path>``, or ``/api/v1/streaming?stream=<name>``."""
    path = path.strip("/")
    name = streaming.SSE_PATHS.get(path) if path else request.GET.get("stream", "")
    if name is None:
        return _with_cors(error_response(404, _("Unknown stream type")))
    return await _stream(request, name)


@csrf_exempt
def health(request):
    return _with_cors(HttpResponse("OK", content_type="text/plain"))
