"""Who works at the demo company: account rows drawn from ``data``, deterministic for a seed."""

from __future__ import annotations

import random
import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from essaim.importers.company import UserRow

from . import data


@dataclass
class Person:
    """One account of the generated company, with what the other generators need to know."""

    username: str
    display_name: str
    department: str = ""
    job_title: str = ""
    location: str = ""
    languages: str = ""
    skills: tuple[str, ...] = ()
    bio: str = ""
    english: float = 0.2  # how likely a post of theirs is in English
    activity: float = 1.0  # relative posting rate
    bridge: bool = False  # follows and is followed across departments
    manager: bool = False
    admin: bool = False
    guest_of: str = ""
    official: bool = False
    delegates: tuple[str, ...] = ()
    id: int = 0  # set once imported

    @property
    def is_guest(self) -> bool:
        return bool(self.guest_of)


def ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", folded.lower())


def _unique_username(first: str, last: str, taken: set[str]) -> str:
    base = f"{ascii_slug(first)}.{ascii_slug(last)}"[:26].strip(".")
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}{n}"
    taken.add(name)
    return name


def allocate(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` by ``weights`` (largest remainders), deterministically."""
    raw = [total * w / sum(weights) for w in weights]
    counts = [int(x) for x in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (counts[i] - raw[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _persona(p: data.Persona) -> Person:
    return Person(
        username=p.username, display_name=p.display_name, department=p.department,
        job_title=p.job_title, location=p.location, languages=p.languages,
        skills=p.skills, bio=p.bio, english=p.english,
        activity=3.0, bridge=p.bridge, admin=p.admin, guest_of=p.guest_of,
        manager=p.username == "camille",
    )


def _employee(rng: random.Random, department: data.Department, manager: bool,
              taken: set[str]) -> Person:
    international = rng.random() < data.INTERNATIONAL_SHARE
    firsts = data.INTERNATIONAL_FIRST if international else data.FRENCH_FIRST
    lasts = data.INTERNATIONAL_LAST if international else data.FRENCH_LAST
    first, last = rng.choice(firsts), rng.choice(lasts)
    skills = tuple(rng.sample(department.skills, k=min(len(department.skills),
                                                       rng.randint(2, 4))))
    location = rng.choices([c for c, _w in data.LOCATIONS], [w for _c, w in data.LOCATIONS])[0]
    english = 0.7 if international else 0.15
    if department.name == "R&D":
        english += 0.15
    return Person(
        username=_unique_username(first, last, taken), display_name=f"{first} {last}",
        department=department.name,
        job_title=rng.choice(department.manager_titles if manager else department.titles),
        location=location, languages=_languages(rng, last, international), skills=skills,
        bio=_bio(rng, skills, location), english=min(english, 0.9),
        activity=0.1 if rng.random() < 0.2 else min(rng.paretovariate(1.6), 12.0),
        manager=manager,
    )


def _languages(rng: random.Random, last: str, international: bool) -> str:
    spoken = ["français", "anglais"]
    if international:
        native = data.LANGUAGES_INTL.get(last, "anglais")
        spoken = [native, "anglais"] + (["français"] if rng.random() < 0.6 else [])
    elif rng.random() < 0.35:
        spoken.append(rng.choice(data.LANGUAGES_FR[2:]))
    return ", ".join(dict.fromkeys(spoken))


def _bio(rng: random.Random, skills: tuple[str, ...], city: str) -> str:
    line = rng.choice(data.BIO_LINES)
    return line.format(skill=rng.choice(skills), city=city, years=rng.randint(3, 15))


def _guest(rng: random.Random, organisation: str, taken: set[str]) -> Person:
    first, last = rng.choice(data.FRENCH_FIRST), rng.choice(data.FRENCH_LAST)
    return Person(username=_unique_username(first, last, taken),
                  display_name=f"{first} {last}", job_title=f"Consultant, {organisation}",
                  location=rng.choice(["Nantes", "Lille", "Paris"]), languages="français",
                  guest_of=organisation, activity=0.3)


def make_people(rng: random.Random, count: int) -> list[Person]:
    """``count`` people: the demo personas first, then employees and a few external guests."""
    people = [_persona(p) for p in data.PERSONAS]
    taken = {p.username for p in people} | {o.username for o in data.OFFICIALS}
    guests = max(0, round(count * data.GUEST_SHARE) - 1)
    employees = max(0, count - len(people) - guests)
    sizes = allocate(employees, [d.weight for d in data.DEPARTMENTS])
    for department, size in zip(data.DEPARTMENTS, sizes, strict=True):
        managers = max(1, size // 12) if size else 0
        for i in range(size):
            person = _employee(rng, department, i < managers, taken)
            person.bridge = rng.random() < 0.04
            people.append(person)
    for i in range(guests):
        organisation = data.GUEST_ORGANISATIONS[i % len(data.GUEST_ORGANISATIONS)][0]
        people.append(_guest(rng, organisation, taken))
    return people


def make_officials(people: list[Person]) -> list[Person]:
    """The official accounts, with their delegates (Camille for news, the RH managers…)."""
    officials = []
    for official in data.OFFICIALS:
        delegates = [p.username for p in people
                     if p.department == official.delegate_department and p.manager]
        delegates += [pe.username for pe in data.PERSONAS if official.username in pe.delegate_of]
        officials.append(Person(
            username=official.username, display_name=official.display_name,
            bio=official.bio, official=True,
            delegates=tuple(dict.fromkeys(delegates)), activity=4.0, english=0.1,
        ))
    return officials


def user_rows(rng: random.Random, people: list[Person], now: datetime) -> list[UserRow]:
    kinds = dict(data.GUEST_ORGANISATIONS)
    rows = []
    for p in people:
        domain = f"{ascii_slug(p.guest_of)}.example" if p.guest_of else data.EMAIL_DOMAIN
        rows.append(UserRow(
            username=p.username, display_name=p.display_name, email=f"{p.username}@{domain}",
            department=p.department, job_title=p.job_title, location=p.location,
            languages=p.languages, bio=p.bio, skills=list(p.skills), guest_of=p.guest_of,
            organisation_kind=kinds.get(p.guest_of, "other"), admin=p.admin,
            is_official=p.official, delegates=list(p.delegates),
            date_joined=now - timedelta(days=rng.randint(70, 8 * 365)),
            last_active_at=last_active(p.username, now),
        ))
    return rows


def last_active(username: str, now: datetime) -> datetime:
    """Nine people in ten used Essaim in the last week; the others have been away a month or
    more (fan-out skips them until they return). Derived from the name, not the generator,
    so that everything else a seed makes stays the same."""
    mark = zlib.crc32(username.encode())
    if mark % 10 == 0:
        return now - timedelta(days=30 + mark % 300)
    return now - timedelta(minutes=mark % (7 * 24 * 60))
