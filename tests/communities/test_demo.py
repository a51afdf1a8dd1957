"""The demo seed brings communities of each kind, with their artefacts and two guests."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from essaim import visibility as policy
from essaim.cli import _logins_table, main
from essaim.communities.models import Community, Rsvp
from essaim.communities.queries import my_communities


def test_the_demo_seeds_communities_of_each_kind_with_their_artefacts(db, capsys):
    assert main(["seed", "--users", "50", "--posts", "100", "--seed", "1"]) == 0
    tender = Community.objects.get(template="tender")
    assert tender.deadline is not None and tender.files.count() == 3
    assert tender.files.get(name="Chiffrage.csv").versions_count == 2
    assert tender.tasks.filter(assignee__isnull=False).count() >= 3
    event = Community.objects.get(template="event").events.get()
    assert event.rsvps.filter(answer=Rsvp.Answer.GOING).count() >= 3
    ideas = Community.objects.get(template="interest").ideas.all()
    assert ideas.count() >= 8 and sum(i.votes_count for i in ideas) > 20
    assert {i.status for i in ideas} == {"new", "review", "accepted", "done", "declined"}
    assert Community.objects.filter(kind="secret").exists()
    external = Community.objects.get(kind="external")
    guests = get_user_model().objects.filter(community_memberships__community=external,
                                             kind="guest")
    assert set(guests.values_list("username", flat=True)) == {"guest", "client"}
    for guest in guests:
        assert list(my_communities(guest)) == [external]
        assert list(policy.visible_communities(guest)) == [external]
    assert "client" in _logins_table()
