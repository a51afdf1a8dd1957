"""Link preview cards: fetched in the background from public web servers only, shown under the
post on the web and as Mastodon's ``card``, gone with the post."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client

from essaim.links.fetch import Refused, address_refusal, fetch_page
from essaim.links.models import LinkCard, PostLink
from essaim.oauth.actions import do_issue_token
from essaim.posts.actions import do_create_post, do_delete_post, do_edit_post

PAGE = b"""<!doctype html><html><head><meta charset="utf-8">
<title>Fallback title</title>
<meta property="og:title" content="Hydrogen plant opens &amp; hires">
<meta property="og:description" content="The new plant in Lyon will run on green hydrogen.">
<meta property="og:site_name" content="Industry News">
<meta property="og:image" content="https://cdn.example.com/plant.jpg">
</head><body><script>alert(1)</script>""" + b"x" * 5000 + b"</body></html>"


class _Site(BaseHTTPRequestHandler):
    redirect_to = ""

    def do_GET(self):  # noqa: N802 - the standard library's name
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", self.server.redirect_to)
            self.end_headers()
            return
        if self.path == "/data.json":
            body, kind = b'{"a": 1}', "application/json"
        else:
            body, kind = PAGE, "text/html; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.redirect_to = ""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def previews(settings, site):
    """Previews on, with the test's own loopback server allowed (never allowed otherwise)."""
    settings.ESSAIM_LINK_PREVIEWS = True
    settings.ESSAIM_LINK_PREVIEW_ALLOW_LOOPBACK = True
    settings.ESSAIM_LINK_PREVIEW_PORTS = (80, 443, site.server_address[1])
    return f"http://127.0.0.1:{site.server_address[1]}"


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1",
                                     "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
                                     "::1", "fe80::1", "fc00::1", "::ffff:10.0.0.1",
                                     "2002:0a00:0001::1", "64:ff9b::a00:1"])
def test_private_loopback_link_local_and_reserved_addresses_are_refused(address):
    assert address_refusal(address) == "private-address"


def test_public_addresses_are_allowed():
    assert address_refusal("93.184.216.34") is None
    assert address_refusal("2606:2800:220:1:248:1893:25c8:1946") is None


def test_the_loopback_server_is_refused_when_not_explicitly_allowed(site, settings):
    settings.ESSAIM_LINK_PREVIEW_PORTS = (80, 443, site.server_address[1])
    with pytest.raises(Refused, match="private-address"):
        fetch_page(f"http://127.0.0.1:{site.server_address[1]}/page")


def test_a_name_that_resolves_to_a_private_address_is_refused(monkeypatch):
    def fake(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port))]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with pytest.raises(Refused, match="private-address"):
        fetch_page("https://intranet.example.com/")


def test_a_redirect_to_a_private_address_is_refused(previews, site):
    site.redirect_to = "http://169.254.169.254/latest/meta-data/"
    with pytest.raises(Refused, match="private-address"):
        fetch_page(f"{previews}/redirect")


def test_other_ports_user_names_and_schemes_are_refused(previews):
    for url in ("http://127.0.0.1:1/", "http://user:pw@127.0.0.1/", "ftp://example.com/",
                "file:///etc/passwd"):
        with pytest.raises(Refused):
            fetch_page(url)


def test_a_page_that_is_not_html_gives_no_card(previews):
    with pytest.raises(Refused, match="not-html"):
        fetch_page(f"{previews}/data.json")


def test_a_post_with_a_link_gets_its_card_on_the_web_and_in_apps(previews, alice, bob, client):
    post = do_create_post(alice, f"Read this: {previews}/news/plant", visibility="company")
    card = LinkCard.objects.get()
    assert card.title == "Hydrogen plant opens & hires"
    assert card.site_name == "Industry News"
    _token, raw = do_issue_token(bob, "read")
    status = Client(headers={"Authorization": f"Bearer {raw}"}).get(
        f"/api/v1/statuses/{post.id}").json()
    assert status["card"]["title"] == "Hydrogen plant opens & hires"
    assert status["card"]["type"] == "link" and status["card"]["provider_name"] == "Industry News"
    assert status["card"]["image"] == "https://cdn.example.com/plant.jpg"
    client.force_login(bob)
    html = client.get(f"/posts/{post.id}/").content.decode()
    assert 'class="link-card"' in html and "Hydrogen plant opens &amp; hires" in html
    assert "alert(1)" not in html
    native = client.get(f"/api/essaim/v1/posts/{post.id}").json()
    assert native["card"]["site_name"] == "Industry News"


def test_previews_are_off_by_default(settings, site, alice):
    settings.ESSAIM_LINK_PREVIEW_ALLOW_LOOPBACK = True
    settings.ESSAIM_LINK_PREVIEW_PORTS = (80, 443, site.server_address[1])
    do_create_post(alice, f"http://127.0.0.1:{site.server_address[1]}/page")
    assert not LinkCard.objects.exists()


def test_deleting_or_editing_away_the_link_leaves_no_card_behind(previews, alice):
    first = do_create_post(alice, f"{previews}/a")
    second = do_create_post(alice, f"{previews}/b")
    assert LinkCard.objects.count() == 2
    do_delete_post(alice, first.id)
    do_edit_post(alice, second.id, "No link any more")
    assert not LinkCard.objects.exists() and not PostLink.objects.exists()
