"""Seeding: the same seed gives the same company, and it refuses what it cannot seed."""

from django.contrib.auth import get_user_model
from django.core.management import call_command

from essaim.cli import main
from essaim.graph.models import Follow
from essaim.posts.models import Post


def _snapshot() -> tuple:
    people = sorted(get_user_model().objects.values_list(
        "username", "display_name", "department__name", "job_title", "kind"))
    texts = sorted(Post.objects.values_list("text", flat=True))
    follows = sorted(Follow.objects.values_list("follower__username", "followee__username"))
    return people, texts, follows


def _seed(seed: int) -> tuple:
    """Seed a fresh database (committed for real, so that it can be emptied again)."""
    call_command("flush", interactive=False, verbosity=0)
    assert main(["seed", "--users", "50", "--posts", "300", "--seed", str(seed)]) == 0
    return _snapshot()


def test_the_same_seed_gives_the_same_company_and_another_seed_another(transactional_db,
                                                                        capsys):
    first = _seed(1)
    assert len(first[0]) == 52  # 50 people and the two official accounts
    assert len(first[1]) >= 300
    assert _seed(1) == first
    assert _seed(2)[1] != first[1]


def test_it_refuses_to_seed_a_database_that_has_accounts(make_user, capsys):
    make_user("someone")
    assert main(["seed", "--users", "50", "--posts", "10"]) == 1
    assert "empty database" in capsys.readouterr().err
    assert get_user_model().objects.count() == 1


def test_it_refuses_a_company_too_small_for_the_demo_logins(db, capsys):
    assert main(["seed", "--users", "3", "--posts", "10"]) == 1
    assert "number of users" in capsys.readouterr().err
