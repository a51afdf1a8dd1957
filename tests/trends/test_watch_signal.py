"""A weak signal can be watched in one click: the watch then gathers its new posts."""

from __future__ import annotations

import html
import re

from django.test import Client

from essaim.posts.actions import do_create_post
from essaim.watches.models import Watch, WatchMatch
from tests.trends.test_signals import SAID


def test_a_weak_signal_is_watched_from_its_card_and_gathers_new_posts(crowd, say, refresh):
    for i, text in enumerate(SAID):
        say(crowd[i], text, hours_ago=30 - i * 4)
    refresh()
    client = Client()
    client.force_login(crowd[7])
    page = client.get("/signals/").content.decode()
    form = page.split("Watch this signal")[0].rsplit("<form", 1)[1]
    query = html.unescape(re.search(r'name="query" value="([^"]*)"', form).group(1))
    assert "hydrog" in query
    assert client.post("/watches/", {"query": query, "delivery": "instant"}).status_code == 302
    watch = Watch.objects.get(owner=crowd[7])
    post = do_create_post(crowd[8], "Encore une étude sur l'hydrogène vert", rate_limit=False)
    assert list(WatchMatch.objects.filter(watch=watch).values_list("post_id", flat=True)) \
        == [post.id]
