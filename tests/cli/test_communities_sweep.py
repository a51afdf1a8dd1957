from datetime import timedelta

from django.utils import timezone

from essaim.cli import main
from essaim.communities.actions.communities import do_create_community
from essaim.communities.models import Community


def test_the_sweep_command_archives_communities_past_their_deadline(alice, capsys):
    community = do_create_community(alice, "AO Métropole", kind="open",
                                    deadline=timezone.now() + timedelta(days=1))
    Community.objects.filter(pk=community.pk).update(deadline=timezone.now() - timedelta(hours=1))
    assert main(["communities", "sweep"]) == 0
    assert "Archived 1 communities" in capsys.readouterr().out
    community.refresh_from_db()
    assert community.archived_at is not None
