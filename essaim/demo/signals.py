"""A weak signal and a trend for the demo: green hydrogen, new these last days and picked up
across departments, in French and English; and the #SalonIndustrie everyone talks about today.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model

from essaim.importers.company import PostRow, do_import_posts

SIGNAL = [
    "Premier essai d'électrolyse pour l'hydrogène vert sur le site de Lyon, résultats prometteurs",
    "Green hydrogen keeps coming up with our industrial customers, anyone following it?",
    "On regarde l'hydrogène vert pour les chariots de l'entrepôt : qui a des retours ?",
    "Our purchasing team got a first quote for green hydrogen supply",
    "L'hydrogène vert était le sujet du déjeuner avec le client Horizon",
    "Reading the report on green hydrogen costs, the curve is impressive",
    "Petite veille : trois concurrents annoncent des projets d'hydrogène vert",
    "Could green hydrogen fit our 2027 energy plan? Happy to share notes",
    "Atelier hydrogène vert jeudi, ouvert à tous les services",
    "Finance view on green hydrogen: subsidies change the numbers a lot",
    "Les pompiers du site demandent une formation sécurité hydrogène vert",
    "Green hydrogen pilot: the legal team is checking the permits",
    "Nos commerciaux entendent parler d'hydrogène vert à chaque rendez-vous",
    "Marketing idea: a short video about our green hydrogen tests",
]
TREND = [
    "Qui vient au #SalonIndustrie demain ? Rendez-vous au stand B12",
    "Le stand du #SalonIndustrie est monté, merci à toute l'équipe",
    "Great first day at #SalonIndustrie, lots of visitors",
    "Je passe au #SalonIndustrie cet après-midi",
    "Les badges du #SalonIndustrie sont à l'accueil",
    "#SalonIndustrie : la démo du jumeau de ligne attire du monde",
    "Photos du #SalonIndustrie dans le dossier partagé",
    "Merci aux visiteurs du #SalonIndustrie !",
]


def _people(count: int, rng: random.Random) -> list:
    """Ordinary employees spread over departments (one or two per department first)."""
    User = get_user_model()
    found = list(User.objects.filter(kind="employee", is_active=True, is_official=False,
                                     department__isnull=False, is_staff=False)
                 .order_by("id").values_list("id", "department_id"))
    by_department: dict[int, list[int]] = {}
    for user_id, department in found:
        by_department.setdefault(department, []).append(user_id)
    chosen: list[int] = []
    while len(chosen) < count and any(by_department.values()):
        for members in by_department.values():
            if members and len(chosen) < count:
                chosen.append(members.pop(rng.randrange(len(members))))
    return chosen


def seed_signals(now: datetime, seed: int = 13) -> int:
    """Write the posts of the demo's weak signal and trend; returns how many."""
    rng = random.Random(seed)
    people = _people(len(SIGNAL) + len(TREND), rng)
    if len(people) < len(SIGNAL) + len(TREND):
        return 0
    rows = []
    for i, text in enumerate(SIGNAL):  # one post every ~4 hours, faster towards now
        hours = 56 * (1 - (i / len(SIGNAL)) ** 0.7) + 1
        rows.append(PostRow(author_id=people[i], text=text,
                            created_at=now - timedelta(hours=hours, minutes=rng.randrange(50))))
    for i, text in enumerate(TREND):
        rows.append(PostRow(author_id=people[len(SIGNAL) + i], text=text,
                            created_at=now - timedelta(hours=rng.uniform(0.5, 10))))
    return len(do_import_posts(rows))


def seed_signal_subscribers(now: datetime, usernames=("alex",)) -> int:
    """Demo readers of "Signals this week", served this week's (after the refresh)."""
    from essaim.trends.actions import do_subscribe_signals
    from essaim.trends.weekly import do_deliver_weekly_signals

    for user in get_user_model().objects.filter(username__in=usernames, is_active=True):
        do_subscribe_signals(user)
    return do_deliver_weekly_signals(now=now)["sent"]
