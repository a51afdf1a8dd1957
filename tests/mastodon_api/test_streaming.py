"""Streaming: which events each stream sends to whom, over SSE and the WebSocket."""

from __future__ import annotations

import asyncio
import json

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.test import AsyncClient

from essaim.graph.actions import do_add_to_list, do_create_list, do_follow
from essaim.mastodon_api import streaming
from essaim.oauth.actions import do_issue_token
from essaim.posts.actions import do_create_post, do_like
from essaim.realtime import channels
from essaim.realtime.broker import reset_broker


@pytest.fixture(autouse=True)
def _in_process_broker(settings):
    settings.ESSAIM_REALTIME_BROKER = "essaim.realtime.broker.inprocess.InProcessBroker"
    reset_broker()
    yield
    reset_broker()


def _request():
    return streaming.StreamRequest("testserver", False)


def _render(stream, channel, event, post_or_id, **extra):
    message = {"event": event, "id": str(getattr(post_or_id, "id", post_or_id)), **extra}
    return streaming.render(stream, channel, message, _request())


def test_the_user_stream_renders_updates_and_notifications_for_its_viewer(alice, bob):
    stream = streaming.open_stream(None, alice, "user", {})
    post = do_create_post(bob, "Hello @alice")
    event, payload = _render(stream, channels.user(alice.id), "update", post)
    assert event == "update" and json.loads(payload)["id"] == str(post.id)
    note = alice.notifications.get()
    event, payload = _render(stream, channels.user(alice.id), "notification", note)
    assert event == "notification" and json.loads(payload)["type"] == "mention"
    only_notes = streaming.open_stream(None, alice, "user:notification", {})
    assert _render(only_notes, channels.user(alice.id), "update", post) is None


def test_the_public_stream_is_the_company_flow_and_refused_to_outsiders(alice, guest):
    from essaim.core.errors import EssaimError

    for viewer, status in ((guest, 403), (None, 401)):
        with pytest.raises(EssaimError) as caught:
            streaming.open_stream(None, viewer, "public:local", {})
        assert caught.value.status == status


def test_a_hashtag_stream_never_shows_a_guest_internal_posts(alice, guest):
    internal = do_create_post(alice, "Internal #plans")
    public = do_create_post(alice, "Public #plans", visibility="public")
    stream = streaming.open_stream(None, guest, "hashtag", {"tag": "plans"})
    channel = channels.hashtag("plans")
    assert _render(stream, channel, "update", internal) is None
    assert _render(stream, channel, "update", public)[0] == "update"
    assert _render(stream, channel, "delete", internal.id, visibility="company") is None
    assert _render(stream, channel, "delete", public.id,
                   visibility="public") == ("delete", str(public.id))


def test_hashtag_and_list_streams_follow_their_timelines(alice, bob, carol):
    tagged = do_create_post(bob, "About #design")
    reply = do_create_post(carol, "Reply to bob", in_reply_to=tagged)
    hashtag = streaming.open_stream(None, alice, "hashtag", {"tag": "#Design"})
    assert hashtag.channels == [channels.hashtag("design")]
    assert _render(hashtag, channels.hashtag("design"), "update", tagged)[0] == "update"
    team = do_create_list(alice, "Team")
    do_add_to_list(alice, team.id, [carol])
    listed = streaming.open_stream(None, alice, "list", {"list": str(team.id)})
    assert _render(listed, channels.account_list(team.id), "update", reply) is None
    own = do_create_post(carol, "Carol alone")
    assert _render(listed, channels.account_list(team.id), "update", own)[0] == "update"


def test_the_direct_stream_sends_conversations(alice, bob):
    post = do_create_post(alice, "Just for you @bob", visibility="direct")
    stream = streaming.open_stream(None, bob, "direct", {})
    event, payload = _render(stream, channels.direct(bob.id), "update", post)
    assert event == "conversation"
    assert json.loads(payload)["last_status"]["id"] == str(post.id)


def test_it_refuses_streams_it_cannot_open(alice, bob):
    from essaim.core.errors import EssaimError

    token, _raw = do_issue_token(alice, "read:notifications")
    team = do_create_list(bob, "Bob's")
    refusals = [(None, None, "user", {}, 401), (token, alice, "public", {}, 403),
                (None, alice, "hashtag", {}, 422), (None, alice, "list", {"list": team.id}, 404),
                (None, alice, "nonsense", {}, 404)]
    for token_, viewer, name, params, status in refusals:
        with pytest.raises(EssaimError) as caught:
            streaming.open_stream(token_, viewer, name, params)
        assert caught.value.status == status, name


async def _next_event(chunks, timeout: float = 1.0) -> str:
    while True:
        chunk = (await asyncio.wait_for(anext(chunks), timeout)).decode()
        if not chunk.startswith(":"):
            return chunk


def test_the_sse_endpoint_streams_a_new_post_within_a_second(alice, bob):
    do_follow(alice, bob)
    _token, raw = do_issue_token(alice, "read")

    async def scenario():
        client = AsyncClient()
        response = await client.get("/api/v1/streaming/user", {"access_token": raw})
        assert response.status_code == 200
        assert response["Content-Type"] == "text/event-stream"
        chunks = aiter(response.streaming_content)
        assert (await anext(chunks)).decode().startswith(":")
        post = await sync_to_async(do_create_post)(bob, "Live!")
        update = await _next_event(chunks)
        await sync_to_async(do_like)(bob, (await sync_to_async(
            do_create_post)(alice, "Mine")).id)
        mine = await _next_event(chunks)
        notification = await _next_event(chunks)
        await chunks.aclose()
        return post, update, mine, notification

    post, update, mine, notification = async_to_sync(scenario)()
    event, data = update.strip().split("\n")
    assert event == "event: update" and json.loads(data[len("data: "):])["id"] == str(post.id)
    assert mine.startswith("event: update") and notification.startswith("event: notification")


def test_the_sse_endpoint_answers_json_errors(alice):
    _token, raw = do_issue_token(alice, "write")
    _token, reader = do_issue_token(alice, "read")

    async def scenario():
        client = AsyncClient()
        return [await client.get("/api/v1/streaming/user", {"access_token": "wrong"}),
                await client.get("/api/v1/streaming/user", headers={
                    "Authorization": f"Bearer {raw}"}),
                await client.get("/api/v1/streaming/hashtag", {"access_token": reader}),
                await client.get("/api/v1/streaming/nowhere"),
                await client.get("/api/v1/streaming/health")]

    bad, scope, tagless, unknown, health = async_to_sync(scenario)()
    assert (bad.status_code, scope.status_code, unknown.status_code) == (401, 403, 404)
    assert tagless.status_code == 422 and "error" in bad.json()
    assert health.content == b"OK"


class FakeSocket:
    """Drives the ASGI WebSocket application in-process."""

    def __init__(self, query: str = "", headers=()):
        self.scope = {"type": "websocket", "path": "/api/v1/streaming",
                      "query_string": query.encode(), "headers": [
                          (k.encode(), v.encode()) for k, v in [("host", "testserver"),
                                                                *headers]]}
        self.incoming: asyncio.Queue = asyncio.Queue()
        self.outgoing: asyncio.Queue = asyncio.Queue()

    async def receive(self):
        return await self.incoming.get()

    async def send(self, message):
        await self.outgoing.put(message)

    async def next_message(self, timeout: float = 1.0):
        return await asyncio.wait_for(self.outgoing.get(), timeout)


def test_the_websocket_subscribes_and_streams_within_a_second(alice, bob):
    from essaim.config.asgi import application

    do_follow(alice, bob)
    _token, raw = do_issue_token(alice, "read")

    async def scenario():
        socket = FakeSocket(headers=[("sec-websocket-protocol", raw)])
        server = asyncio.ensure_future(application(socket.scope, socket.receive, socket.send))
        await socket.incoming.put({"type": "websocket.connect"})
        accepted = await socket.next_message()
        await socket.incoming.put({"type": "websocket.receive", "text": json.dumps(
            {"type": "subscribe", "stream": "hashtag", "tag": "Ops"})})
        await socket.incoming.put({"type": "websocket.receive", "text": json.dumps(
            {"type": "subscribe", "stream": "user"})})
        await asyncio.sleep(0.1)
        post = await sync_to_async(do_create_post)(bob, "Deploy done #ops")
        frames = [json.loads((await socket.next_message())["text"]) for _ in range(2)]
        await socket.incoming.put({"type": "websocket.receive", "text": json.dumps(
            {"type": "unsubscribe", "stream": "user"})})
        await socket.incoming.put({"type": "websocket.receive", "text": json.dumps(
            {"type": "subscribe", "stream": "list", "list": "12345"})})
        refused = json.loads((await socket.next_message())["text"])
        await socket.incoming.put({"type": "websocket.disconnect", "code": 1000})
        await asyncio.wait_for(server, 2)
        return accepted, post, frames, refused

    accepted, post, frames, refused = async_to_sync(scenario)()
    assert accepted == {"type": "websocket.accept", "subprotocol": raw}
    assert sorted(f["stream"][0] for f in frames) == ["hashtag", "user"]
    assert {f["event"] for f in frames} == {"update"}
    assert all(json.loads(f["payload"])["id"] == str(post.id) for f in frames)
    assert [f["stream"] for f in frames if f["stream"][0] == "hashtag"] == [["hashtag", "ops"]]
    assert refused["status"] == 404


def test_the_websocket_refuses_a_bad_token_before_accepting(db):
    from essaim.config.asgi import application

    async def scenario():
        socket = FakeSocket(query="access_token=nope&stream=user")
        await socket.incoming.put({"type": "websocket.connect"})
        await application(socket.scope, socket.receive, socket.send)
        return await socket.next_message()

    assert async_to_sync(scenario)() == {"type": "websocket.close", "code": 4001}


def test_the_web_ui_session_can_listen_to_the_user_stream(alice, bob):
    do_follow(alice, bob)

    async def scenario():
        client = AsyncClient()
        await client.aforce_login(alice)
        response = await client.get("/api/v1/streaming/user")
        chunks = aiter(response.streaming_content)
        await anext(chunks)
        post = await sync_to_async(do_create_post)(bob, "For the web UI")
        frame = await _next_event(chunks)
        await chunks.aclose()
        return response.status_code, post, frame

    status, post, frame = async_to_sync(scenario)()
    assert status == 200 and frame.startswith("event: update") and str(post.id) in frame
