"""A watch gathers the new posts its query matches, and only those its owner may see."""

from __future__ import annotations

import pytest

from essaim.notifications.models import Notification
from essaim.watches.matching import WatchIndex

pytestmark = pytest.mark.django_db


def test_a_watch_on_a_word_gathers_new_posts_in_any_inflection(alice, bob, say, watch,
                                                               gathered):
    w = watch(alice, "salon")
    first = say(bob, "Les salons de printemps approchent")
    say(bob, "Rien à voir ici")
    second = say(bob, "Qui vient au Salon ?")
    assert gathered(w) == [second.id, first.id]


def test_a_watch_gathers_only_posts_that_appear_after_it(alice, bob, say, watch, gathered):
    say(bob, "Un salon passé")
    w = watch(alice, "salon")
    assert gathered(w) == []


def test_a_phrase_watch_needs_the_words_in_order(alice, bob, say, watch, gathered):
    w = watch(alice, '"appel d\'offres"')
    say(bob, "Une offre et un appel, pas dans l'ordre : offres appel")
    hit = say(bob, "Nouvel appel d'offres de la région")
    assert gathered(w) == [hit.id]


def test_excluded_words_and_filters_are_honoured(alice, bob, make_user, say, watch, gathered):
    carol = make_user("carol", name="Carol")
    w = watch(alice, "salon -annulé from:@bob")
    say(bob, "Le salon est annulé")
    say(carol, "Le salon commence")
    hit = say(bob, "Le salon commence")
    assert gathered(w) == [hit.id]


def test_a_hashtag_watch_gathers_the_tag_but_not_a_tag_inside_a_link(alice, bob, say, watch,
                                                                     gathered):
    w = watch(alice, "#vivatech")
    say(bob, "Voir https://example.org/page#vivatech pour le plan")
    hit = say(bob, "On se retrouve à #VivaTech ?")
    assert gathered(w) == [hit.id]


def test_a_word_watch_never_fires_on_a_tag_inside_a_link(alice, bob, say, watch, gathered):
    w = watch(alice, "vivatech")
    say(bob, "Voir https://example.org/page#vivatech pour le plan")
    assert gathered(w) == []


def test_a_watch_on_a_person_gathers_what_they_post(alice, bob, say, watch, gathered):
    w = watch(alice, "from:@bob")
    hit = say(bob, "Bonjour à tous")
    assert gathered(w) == [hit.id]


def test_a_watch_on_a_list_follows_its_members_even_added_later(alice, bob, make_user, say,
                                                                watch, gathered):
    from essaim.graph.actions import do_add_to_list, do_create_list

    carol = make_user("carol", name="Carol")
    clients = do_create_list(alice, "Clients")
    do_add_to_list(alice, clients.id, [bob])
    w = watch(alice, 'list:"clients"')
    first = say(bob, "Un mot")
    do_add_to_list(alice, clients.id, [carol])
    second = say(carol, "Un autre mot")
    assert gathered(w) == [second.id, first.id]


def test_one_never_gathers_ones_own_posts(alice, say, watch, gathered):
    w = watch(alice, "salon")
    say(alice, "Mon salon")
    assert gathered(w) == []


def test_a_followers_only_post_is_gathered_only_for_followers(alice, bob, make_user, say,
                                                              watch, gathered):
    from essaim.graph.actions import do_follow

    carol = make_user("carol", name="Carol")
    do_follow(carol, bob)
    mine, hers = watch(alice, "salon"), watch(carol, "salon")
    post = say(bob, "Salon privé", visibility="followers")
    assert gathered(mine) == [] and gathered(hers) == [post.id]


def test_community_posts_are_gathered_only_for_members(alice, bob, make_user, say, watch,
                                                       gathered):
    from tests.communities.conftest import build_community

    carol = make_user("carol", name="Carol")
    deal = build_community(bob, "Client Horizon", kind="external", members=[carol])
    outsider, member = watch(alice, "cahier"), watch(carol, "cahier")
    post = say(bob, "Le cahier des charges avance", community=deal)
    assert gathered(outsider) == [] and gathered(member) == [post.id]


def test_an_instant_watch_notifies_its_owner_with_the_post(alice, bob, say, watch):
    w = watch(alice, "salon")
    post = say(bob, "Le salon ouvre")
    note = Notification.objects.get(recipient=alice, kind="watch")
    assert note.post_id == post.id and note.link == f"/watches/{w.id}/"


def test_a_watch_without_instant_delivery_does_not_notify(alice, bob, say, watch, gathered):
    w = watch(alice, "salon", delivery="daily")
    say(bob, "Le salon ouvre")
    assert len(gathered(w)) == 1
    assert not Notification.objects.filter(recipient=alice, kind="watch").exists()


def test_an_edit_that_adds_the_word_gathers_the_post(alice, bob, say, watch, gathered):
    from essaim.posts.actions import do_edit_post

    w = watch(alice, "salon")
    post = say(bob, "Un événement")
    do_edit_post(bob, post.id, text="Un salon")
    assert gathered(w) == [post.id]


def test_a_deactivated_owners_watches_gather_nothing(alice, bob, say, watch, gathered):
    from essaim.accounts.actions import do_deactivate_user

    w = watch(alice, "salon")
    do_deactivate_user(alice)
    say(bob, "Le salon ouvre")
    assert gathered(w) == []


def test_the_index_names_only_watches_whose_anchor_the_post_holds():
    index = WatchIndex.build([(1, {"terms": [" salon "]}), (2, {"terms": [" appel offr "]}),
                              (3, {"tags": ["vivatech"]}), (4, {"authors": [7]}),
                              (5, {"communities": [9]}), (6, {})], {})
    assert index.candidates("nouvel appel offr region") == {2, 6}
    assert index.candidates("salonn") == {6}
    assert index.candidates("", tags=["VivaTech"], author_id=7, community_id=9) == {3, 4, 5, 6}


def test_watching_a_signal_gathers_its_phrasings_in_both_languages(alice, bob, say, watch,
                                                                   gathered):
    from essaim.watches.actions import signal_query

    query = signal_query("term", "hydrogène vert", ["green hydrogen"])
    assert query == '"hydrogène vert" OR "green hydrogen"'
    w = watch(alice, query)
    french = say(bob, "Atelier hydrogène vert jeudi")
    english = say(bob, "Our first quote for green hydrogen supply")
    say(bob, "L'hydrogène gris coûte moins cher")
    assert gathered(w) == [english.id, french.id]
    assert signal_query("tag", "SalonIndustrie") == "#SalonIndustrie"
