import contextlib
import io

import pytest
from django.db import transaction

from essaim.cli import main


@pytest.fixture(scope="module")
def _seeded_company(django_db_setup, django_db_blocker):
    """A small synthetic company (50 people, 300 posts, seed 1), seeded once per module.

    Seeded inside a transaction that is rolled back after the module's last test: each test
    runs in a savepoint of it (``db``), so none sees another's changes and nothing is left.
    On-commit work (fan-out into home timelines) runs at once, as in every other test.
    """
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(transaction, "on_commit",
                      lambda func, using=None, robust=False: func())
        with transaction.atomic():
            with contextlib.redirect_stdout(io.StringIO()):
                assert main(["seed", "--users", "50", "--posts", "300", "--seed", "1"]) == 0
            yield
            transaction.set_rollback(True)


@pytest.fixture
def seeded(_seeded_company, db):
    """The module's seeded company, for one test."""
