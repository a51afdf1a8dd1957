"""What the company posted over the last weeks: posts, threads, relays, quotes, likes, bookmarks.

The generator walks forward in time, day by day, and yields posts in chunks so that a million of
them never sit in memory at once. Every choice comes from one ``random.Random``: the same seed
gives the same texts, authors and interactions (dates follow the moment of seeding).
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from essaim.importers.company import PostRow
from essaim.posts.models import Visibility

from . import data, texts
from .graph import WeightedPicker
from .people import Person, allocate

DAY_WEIGHTS_WEEKDAY, DAY_WEIGHTS_WEEKEND = 1.0, 0.12
HOUR_WEIGHTS = (0, 0, 0, 0, 0, 0, 0.1, 0.4, 1.0, 1.6, 1.6, 1.3, 0.8, 1.0, 1.5, 1.5, 1.3, 1.0,
                0.6, 0.3, 0.2, 0.1, 0.05, 0)
KIND_WEIGHTS = (("original", 0.62), ("reply", 0.24), ("relay", 0.11), ("quote", 0.03))
RECENT_WINDOW = 400


@dataclass(eq=False)
class Seeded:
    """A generated post and what later choices need to know about it."""

    row: PostRow
    author: int  # index into everyone
    kind: str
    mentioned: tuple[int, ...] = ()
    serial: int = 0


class Slots(dict):
    """Template fillings computed only when a template asks for them."""

    def __init__(self, gen: ContentGenerator, author: int, extra: dict | None = None):
        super().__init__(extra or {})
        self.gen, self.author, self.mentioned = gen, author, []

    def __missing__(self, key: str) -> str:
        rng, person = self.gen.rng, self.gen.everyone[self.author]
        if key == "colleague":
            other = self.gen.colleague_of(self.author, exclude=set(self.mentioned))
            if other is None:
                return "l'équipe" if rng.random() < 0.5 else "the team"
            self.mentioned.append(other)
            return "@" + self.gen.everyone[other].username
        values = {
            "product": lambda: rng.choice(texts.PRODUCTS),
            "client": lambda: rng.choice(texts.CLIENTS),
            "event": lambda: rng.choice(texts.EVENTS),
            "city": lambda: rng.choice([c for c, _w in data.LOCATIONS[:-1]]),
            "skill": lambda: rng.choice(person.skills or ("python", "excel", "gestion de projet")),
            "n": lambda: str(rng.randint(2, 12)),
            "pct": lambda: str(rng.randint(3, 40)),
            "link": lambda: "https://" + rng.choice(texts.LINK_PATHS).format(
                slug=rng.choice(texts.LINK_SLUGS)),
        }
        return values[key]() if key in values else "{" + key + "}"


class ContentGenerator:
    def __init__(self, rng: random.Random, everyone: Sequence[Person],
                 follows: Sequence[tuple[int, int]], end: datetime, days: int = 60):
        self.rng, self.everyone, self.end, self.days = rng, everyone, end, days
        # Dates come from their own generator: what is written never depends on the date.
        self.clock = random.Random(rng.random())
        self.followers: list[list[int]] = [[] for _p in everyone]
        self.following: list[list[int]] = [[] for _p in everyone]
        for a, b in follows:
            self.followers[b].append(a)
            self.following[a].append(b)
        index = {p.username: i for i, p in enumerate(everyone)}
        self.delegates = {i: [index[d] for d in p.delegates if d in index]
                          for i, p in enumerate(everyone) if p.official}
        posters = [i for i, p in enumerate(everyone) if not p.official or self.delegates[i]]
        self.authors = WeightedPicker(posters, [everyone[i].activity for i in posters])
        self.contacts = self._guest_contacts(index)
        self.recent: deque[Seeded] = deque(maxlen=RECENT_WINDOW)
        self.relayed: set[tuple[int, int]] = set()
        self.serial = 0

    def _guest_contacts(self, index: dict[str, int]) -> dict[int, int]:
        sales = [i for i, p in enumerate(self.everyone) if p.department == "Ventes"]
        sales = sales or [i for i, p in enumerate(self.everyone) if not p.is_guest
                          and not p.official]
        contacts = {}
        for i, p in enumerate(self.everyone):
            if p.is_guest and sales:
                contacts[i] = index["sofia"] if p.username == "guest" and "sofia" in index \
                    else self.rng.choice(sales)
        return contacts

    # --- choosing people -------------------------------------------------------------

    def colleague_of(self, author: int, exclude: set[int]) -> int | None:
        person = self.everyone[author]
        if person.is_guest:
            return self.contacts.get(author)
        pool = [i for i in self.following[author]
                if not self.everyone[i].official and i not in exclude]
        return self.rng.choice(pool) if pool else None

    def _actor_for(self, target: Seeded) -> int | None:
        """Someone who can see ``target`` and would plausibly react to it."""
        visibility = target.row.visibility
        if visibility == Visibility.DIRECT:
            pool = [i for i in target.mentioned if i != target.author]
            return self.rng.choice(pool) if pool else None
        pool = self.followers[target.author]
        return self.rng.choice(pool) if pool else None

    # --- time ------------------------------------------------------------------------

    def _moments(self, total: int) -> Iterator[datetime]:
        start = (self.end - timedelta(days=self.days)).replace(hour=0, minute=0, second=0,
                                                                microsecond=0)
        days = [start + timedelta(days=d) for d in range(self.days + 1)]
        weights = [DAY_WEIGHTS_WEEKEND if d.weekday() >= 5 else DAY_WEIGHTS_WEEKDAY
                   for d in days]
        hours = list(range(24))
        for day, count in zip(days, allocate(total, weights), strict=True):
            moments = []
            for _n in range(count):
                hour = self.clock.choices(hours, HOUR_WEIGHTS)[0]
                moment = day + timedelta(hours=hour, seconds=self.clock.randrange(3600))
                if moment >= self.end:  # today: only until now
                    span = max(1, int((self.end - day).total_seconds()))
                    moment = day + timedelta(seconds=self.clock.randrange(span))
                moments.append(moment)
            yield from sorted(moments)

    # --- posts -----------------------------------------------------------------------

    def chunks(self, total: int, size: int = 10_000) -> Iterator[list[Seeded]]:
        kinds, weights = zip(*KIND_WEIGHTS, strict=True)
        chunk: list[Seeded] = []
        for when in self._moments(total):
            kind = self.rng.choices(kinds, weights)[0] if self.recent else "original"
            seeded = getattr(self, f"_{kind}")(when) or self._original(when)
            self.serial += 1
            seeded.serial = self.serial
            seeded.row.salt = self.serial
            if seeded.kind != "relay":
                self.recent.append(seeded)
            chunk.append(seeded)
            if len(chunk) >= size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _pick_template(self, templates, author: int):
        lang = "en" if self.rng.random() < self.everyone[author].english else "fr"
        matching = [t for t in templates if t[0] == lang] or list(templates)
        return self.rng.choice(matching)

    def _fill(self, author: int, templates, extra: dict | None = None) -> tuple[str, str, list]:
        lang, template = self._pick_template(templates, author)
        slots = Slots(self, author, extra)
        text = template.format_map(slots)
        if self.rng.random() < 0.15:
            text += " #" + self.rng.choice(texts.TAGS)
        return text, lang, slots.mentioned

    def _row(self, author: int, when: datetime, text: str, lang: str, visibility: str,
             **refs) -> PostRow:
        return PostRow(author_id=self.everyone[author].id, created_at=when, text=text,
                       language=lang, visibility=visibility, **refs)

    def _original(self, when: datetime) -> Seeded:
        author = self.authors.pick(self.rng)
        person = self.everyone[author]
        if person.official:
            return self._official(author, when)
        if person.is_guest:
            text, lang, mentioned = self._fill(author, texts.GUEST_POSTS)
            return Seeded(self._row(author, when, text, lang, Visibility.DIRECT), author,
                          "original", tuple(mentioned))
        roll = self.rng.random()
        if roll < 0.07:
            templates, visibility = texts.FOLLOWERS_ONLY, Visibility.FOLLOWERS
        elif roll < 0.09:
            templates, visibility = texts.DIRECT_POSTS, Visibility.DIRECT
        elif roll < 0.12:
            templates, visibility = texts.PUBLIC_POSTS, Visibility.PUBLIC
        elif roll < 0.80:
            templates = texts.DEPARTMENT_POSTS.get(person.department, texts.GENERAL_POSTS)
            visibility = Visibility.COMPANY
        else:
            templates, visibility = texts.GENERAL_POSTS, Visibility.COMPANY
        text, lang, mentioned = self._fill(author, templates)
        if visibility == Visibility.DIRECT and not mentioned:
            visibility = Visibility.FOLLOWERS
        return Seeded(self._row(author, when, text, lang, visibility), author, "original",
                      tuple(mentioned))

    def _official(self, author: int, when: datetime) -> Seeded:
        templates = texts.OFFICIAL_POSTS.get(self.everyone[author].username,
                                             texts.OFFICIAL_POSTS["news"])
        text, lang, mentioned = self._fill(author, templates)
        visibility = Visibility.PUBLIC if self.rng.random() < 0.15 else Visibility.COMPANY
        row = self._row(author, when, text, lang, visibility)
        row.posted_by_id = self.everyone[self.rng.choice(self.delegates[author])].id
        return Seeded(row, author, "original", tuple(mentioned))

    def _target(self, *, shareable: bool) -> Seeded | None:
        for _attempt in range(3):
            back = min(int(self.rng.expovariate(1 / 40)), len(self.recent) - 1)
            target = self.recent[-1 - back]
            if not shareable:
                return target
            if target.kind != "reply" and target.row.visibility in (Visibility.PUBLIC,
                                                                    Visibility.COMPANY):
                return target
        return None

    def _reply(self, when: datetime) -> Seeded | None:
        target = self._target(shareable=False)
        actor = self._actor_for(target) if target else None
        if actor is None:
            return None
        author_handle = "@" + self.everyone[target.author].username
        text, lang, mentioned = self._fill(actor, texts.REPLIES, {"author": author_handle})
        if author_handle not in text:
            text = f"{author_handle} {text}"
        others = [i for i in target.mentioned if i not in (actor, target.author)]
        if target.row.visibility == Visibility.DIRECT and others:
            text = " ".join("@" + self.everyone[i].username for i in others) + " " + text
        mentioned = tuple(dict.fromkeys([target.author, *others, *mentioned]))
        row = self._row(actor, when, text, lang, target.row.visibility, in_reply_to=target.row)
        return Seeded(row, actor, "reply", mentioned)

    def _relay(self, when: datetime) -> Seeded | None:
        target = self._target(shareable=True)
        actor = self._actor_for(target) if target else None
        if actor is None or (actor, target.serial) in self.relayed:
            return None
        self.relayed.add((actor, target.serial))
        row = PostRow(author_id=self.everyone[actor].id, created_at=when,
                      visibility=target.row.visibility, relay_of=target.row)
        return Seeded(row, actor, "relay")

    def _quote(self, when: datetime) -> Seeded | None:
        target = self._target(shareable=True)
        actor = self._actor_for(target) if target else None
        if actor is None:
            return None
        text, lang, mentioned = self._fill(actor, texts.QUOTES)
        row = self._row(actor, when, text, lang, Visibility.COMPANY, quote_of=target.row)
        return Seeded(row, actor, "quote", tuple(mentioned))

    # --- likes and bookmarks ---------------------------------------------------------

    def marks(self, chunk: list[Seeded]) -> tuple[list, list]:
        """(likes, bookmarks) for a chunk of posts, as (person index, post, moment) triples."""
        likes, bookmarks = [], []
        for seeded in chunk:
            if seeded.kind == "relay":
                continue
            audience = self._audience(seeded)
            if not audience:
                continue
            mean = 1.5 * (4 if self.everyone[seeded.author].official else 1)
            mean *= 0.4 if seeded.kind == "reply" else 1
            count = min(int(self.rng.expovariate(1 / mean)), len(audience))
            for person in self.rng.sample(audience, count):
                likes.append((person, seeded.row, self._later(seeded.row.created_at)))
            if self.rng.random() < 0.03:
                person = self.rng.choice(audience)
                bookmarks.append((person, seeded.row, self._later(seeded.row.created_at)))
        return likes, bookmarks

    def _audience(self, seeded: Seeded) -> list[int]:
        if seeded.row.visibility == Visibility.DIRECT:
            return [i for i in seeded.mentioned if i != seeded.author]
        return self.followers[seeded.author]

    def _later(self, moment: datetime) -> datetime:
        return min(moment + timedelta(hours=self.clock.expovariate(1 / 4)), self.end)
