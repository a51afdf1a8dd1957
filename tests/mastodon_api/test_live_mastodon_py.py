"""Mastodon.py, the Python client library, against a live Essaim."""

from __future__ import annotations

import io
import re
import threading
import time
import warnings
from html import unescape

import pytest
import requests
from mastodon import Mastodon, StreamListener
from PIL import Image

from .live import PASSWORD

SCOPES = ["read", "write", "follow", "push"]
OOB = "urn:ietf:wg:oauth:2.0:oob"


class Collector(StreamListener):
    def __init__(self):
        super().__init__()
        self.updates: list = []
        self.notifications: list = []
        self.arrived = threading.Event()

    def on_update(self, status):
        self.updates.append(status)
        self.arrived.set()

    def on_notification(self, notification):
        self.notifications.append(notification)
        self.arrived.set()


@pytest.fixture(scope="module")
def app(live_essaim):
    return Mastodon.create_app("Essaim tests", scopes=SCOPES, api_base_url=live_essaim.url,
                               redirect_uris="urn:ietf:wg:oauth:2.0:oob")


def _login(live_essaim, app, username: str) -> Mastodon:
    client_id, client_secret = app
    api = Mastodon(client_id=client_id, client_secret=client_secret,
                   api_base_url=live_essaim.url)
    api.log_in(username, PASSWORD, scopes=SCOPES, allow_http=True)
    return api


@pytest.fixture(scope="module")
def alice(live_essaim, app):
    return _login(live_essaim, app, "alice")


@pytest.fixture(scope="module")
def bob(live_essaim, app):
    return _login(live_essaim, app, "bob")


@pytest.fixture(autouse=True)
def _no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def test_it_logs_in_with_a_password_and_reads_the_instance(alice, live_essaim):
    me = alice.me()
    assert me.username == "alice" and me.acct == "alice"
    assert alice.retrieve_mastodon_version() == "4.3.0"
    assert alice.instance_v2().api_versions.mastodon >= 2
    assert {f.name for f in me.fields} >= {"Department"}


def _hidden_fields(html: str) -> dict[str, str]:
    fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)
    return {name: unescape(value) for name, value in fields}


def test_it_logs_in_through_the_consent_page_with_an_authorisation_code(live_essaim, app):
    client_id, client_secret = app
    api = Mastodon(client_id=client_id, client_secret=client_secret,
                   api_base_url=live_essaim.url)
    url = api.auth_request_url(scopes=SCOPES, redirect_uris=OOB, allow_http=True)
    browser = requests.Session()
    login = browser.get(url)  # signed out: the web UI's login page, coming back here after
    assert "/login/" in login.url
    consent = browser.post(login.url, data={
        **_hidden_fields(login.text), "username": "carol", "password": PASSWORD,
        "csrfmiddlewaretoken": browser.cookies["csrftoken"]})
    assert "/oauth/authorize" in consent.url and "Essaim tests" in consent.text
    shown = browser.post(consent.url.split("?")[0], data={
        **_hidden_fields(consent.text), "decision": "approve",
        "csrfmiddlewaretoken": browser.cookies["csrftoken"]})
    code = re.search(r'value="([^"]+)" class="oauth-code"', shown.text).group(1)
    api.log_in(code=code, redirect_uri=OOB, scopes=SCOPES, allow_http=True)
    assert api.me().username == "carol"


def test_it_posts_follows_and_pages_the_home_timeline(alice, bob):
    bob_account = alice.account_lookup("bob")
    relationship = alice.account_follow(bob_account.id)
    assert relationship.following
    posted = [bob.status_post(f"Update number {i}", visibility="unlisted") for i in range(5)]
    page = alice.timeline_home(limit=2)
    assert [s.id for s in page] == [posted[4].id, posted[3].id]
    older = alice.fetch_next(page)
    assert [s.id for s in older] == [posted[2].id, posted[1].id]
    newer = alice.fetch_previous(older)
    assert [s.id for s in newer] == [posted[4].id, posted[3].id]
    assert posted[0].visibility == "unlisted"


def test_it_favourites_reblogs_and_notifies(alice, bob):
    status = bob.status_post("Who wants coffee? #breaks", visibility="public")
    assert alice.status_favourite(status.id).favourited
    reblog = alice.status_reblog(status.id)
    assert reblog.reblog.id == status.id
    kinds = {n.type for n in bob.notifications(limit=10)}
    assert {"favourite", "reblog"} <= kinds
    assert alice.status(status.id).reblogs_count == 1
    assert [a.username for a in bob.status_favourited_by(status.id)] == ["alice"]


def test_it_searches_accounts_hashtags_and_statuses(alice, bob):
    bob.status_post("The quarterly figures are in #finance", visibility="unlisted")
    result = alice.search_v2("finance")
    assert [t.name for t in result.hashtags] == ["finance"]
    assert any("quarterly figures" in s.content for s in result.statuses)
    assert [a.username for a in alice.search_v2("car", result_type="accounts").accounts] == \
        ["carol"]


def test_it_manages_lists(alice, bob):
    bob_account = alice.account_lookup("bob")
    created = alice.list_create("Team")
    alice.list_accounts_add(created.id, [bob_account.id])
    assert [a.username for a in alice.list_accounts(created.id)] == ["bob"]
    status = bob.status_post("For the team list", visibility="unlisted")
    assert status.id in [s.id for s in alice.timeline_list(created.id)]
    alice.list_accounts_delete(created.id, [bob_account.id])
    alice.list_delete(created.id)
    assert created.id not in [lst.id for lst in alice.lists()]


def test_it_uploads_an_image_and_posts_it(alice):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 120, 200)).save(buffer, format="PNG")
    media = alice.media_post(buffer.getvalue(), mime_type="image/png",
                             description="A blue rectangle")
    status = alice.status_post("With a picture", media_ids=[media.id])
    attachment = status.media_attachments[0]
    assert attachment.type == "image" and attachment.description == "A blue rectangle"
    assert attachment.meta.original.width == 64


def test_it_creates_a_poll_and_votes(alice, bob):
    poll = alice.make_poll(["Tea", "Coffee"], expires_in=3600)
    status = alice.status_post("Tea or coffee?", poll=poll)
    voted = bob.poll_vote(status.poll.id, [1])
    assert voted.voted and voted.own_votes == [1]
    assert [o.votes_count for o in voted.options] == [0, 1]


def _wait_for(collector: Collector, status_id, timeout: float = 1.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(u.id == status_id for u in collector.updates):
            return time.monotonic()
        collector.arrived.wait(0.05)
        collector.arrived.clear()
    raise AssertionError(f"no update for {status_id} within {timeout}s: {collector.updates}")


def test_it_streams_a_new_post_over_server_sent_events_within_a_second(alice, bob):
    collector = Collector()
    handle = alice.stream_user(collector, run_async=True, reconnect_async=False)
    try:
        time.sleep(0.3)  # let the subscription settle
        status = bob.status_post("Streaming over SSE", visibility="unlisted")
        _wait_for(collector, status.id)
    finally:  # closing waits for the next heartbeat: let it finish in the background
        threading.Thread(target=handle.close, daemon=True).start()


def test_it_streams_a_new_post_over_the_websocket_within_a_second(alice, bob):
    collector = Collector()
    handle = alice.stream_open_websocket()
    try:
        alice.stream_user(collector, websocket_handle=handle)
        time.sleep(0.3)
        status = bob.status_post("Streaming over the WebSocket", visibility="unlisted")
        _wait_for(collector, status.id)
    finally:
        handle.close()


def test_it_schedules_a_post_and_manages_filters(alice, bob):
    from datetime import UTC, datetime, timedelta

    when = datetime.now(UTC) + timedelta(hours=2)
    scheduled = alice.status_post("See you tomorrow", scheduled_at=when)
    assert scheduled.params.text == "See you tomorrow"
    assert [s.id for s in alice.scheduled_statuses()] == [scheduled.id]
    alice.scheduled_status_delete(scheduled)
    assert alice.scheduled_statuses() == []

    created = alice.create_filter_v2("Sport", ["home", "public"], "warn",
                                     keywords_attributes=[{"keyword": "finale",
                                                           "whole_word": True}])
    assert [k.keyword for k in created.keywords] == ["finale"]
    bob.status_post("La finale ce soir", visibility="public")
    timeline = alice.timeline_public()
    caught = next(s for s in timeline if "finale" in s.content)
    assert caught.filtered[0].filter.title == "Sport"
    assert caught.filtered[0].keyword_matches == ["finale"]
    alice.delete_filter_v2(created)
    assert alice.filters_v2() == []
