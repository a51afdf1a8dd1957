"""Companies whose interactions are written straight into the count tables, or as posts."""

from __future__ import annotations

import random

import pytest
from django.utils import timezone

from essaim.insight.models import Interaction


@pytest.fixture
def tie():
    """tie(a, b, n=1, kind="reply", days_ago=1): a acted on b n times."""
    def write(a, b, n=1, kind="reply", days_ago=1):
        day = (timezone.now() - timezone.timedelta(days=days_ago)).date()
        row, created = Interaction.objects.get_or_create(
            day=day, source=a, target=b, kind=kind, defaults={"count": n})
        if not created:
            row.count += n
            row.save()

    return write


@pytest.fixture
def planted(make_user, tie):
    """Three silos of six (R&D, Sales, Support) talking inside, one broker in R&D who also
    talks with one person of each other silo, and a department of three (Legal)."""
    rng = random.Random(4)
    silos = {}
    for dept in ("R&D", "Sales", "Support"):
        silos[dept] = [make_user(f"{dept[:3].lower().replace('&', '')}{i}", department=dept)
                       for i in range(6)]
    legal = [make_user(f"legal{i}", department="Legal") for i in range(3)]
    for people in silos.values():
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                if rng.random() < 0.8:
                    tie(a, b, rng.randint(1, 4))
                    if rng.random() < 0.5:
                        tie(b, a, rng.randint(1, 3), kind="like")
    broker = silos["R&D"][0]
    for dept in ("Sales", "Support"):
        tie(silos[dept][1], broker, 2)
        tie(broker, silos[dept][2], 3, kind="mention")
    tie(legal[0], legal[1], 2)
    return {"silos": silos, "broker": broker, "legal": legal}
