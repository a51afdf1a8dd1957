import pytest

from essaim.cli import main


@pytest.fixture
def seeded(db, capsys):
    """A small synthetic company: 50 people, 300 posts, seed 1."""
    assert main(["seed", "--users", "50", "--posts", "300", "--seed", "1"]) == 0
    capsys.readouterr()
