"""What the pages, the API and the exports read: a person's own network, and aggregates for
administrators and analysts (groups of at least ``ESSAIM_INSIGHT_MIN_GROUP`` people only)."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core.errors import ValidationFailed

from . import network
from .models import Activity

OTHER = "Other"
EXTERNAL = "External"


def min_group() -> int:
    return max(5, int(getattr(settings, "ESSAIM_INSIGHT_MIN_GROUP", 5)))


def check_days(days) -> int:
    try:
        value = int(days if days not in (None, "") else network.DEFAULT_DAYS)
    except (TypeError, ValueError):
        value = -1
    if not network.MIN_DAYS <= value <= network.MAX_DAYS:
        raise ValidationFailed(_("The window is a number of days from %(low)d to %(high)d.")
                               % {"low": network.MIN_DAYS, "high": network.MAX_DAYS},
                               field="days")
    return value


def my_network(user, days: int, now=None) -> dict:
    """The person's own measures: only ever computed for, and shown to, that person."""
    m = network.measures(user.id, days, now)
    scout = network.scout_score(user.id, days, now)
    connector = network.connector_score(user.id, days, now)
    return {
        "ties": m.ties, "departments": m.departments, "diversity": m.diversity,
        "constraint": m.constraint, "effective_size": m.effective_size,
        "brokerage": m.brokerage, "scout": scout, "connector": connector,
        "window_days": days,
        "is_scout": scout >= network.SCOUT_BITS, "is_connector":
            connector >= network.CONNECTOR_CARRIES,
        "thresholds": {"scout": round(network.SCOUT_BITS, 6),
                       "connector": network.CONNECTOR_CARRIES},
        "reason": m.reason or None,
        "by_department": _named_groups(m.by_group),
    }


def _named_groups(by_group: dict) -> list[dict]:
    """The person's tie weight per group, with names (their own ties: they know them)."""
    from essaim.accounts.models import Department, Organisation

    dept = {f"dept:{d.id}": d.name for d in Department.objects.all()}
    orgs = {f"org:{o.id}": o.name for o in Organisation.objects.all()}
    rows = [{"group": dept.get(k) or orgs.get(k) or _("No department"), "weight": w,
             "external": k.startswith("org:")} for k, w in by_group.items()]
    return sorted(rows, key=lambda r: (-r["weight"], r["group"]))


def _department_labels() -> tuple[dict[int, str], dict[str, int]]:
    """Each active person's label for aggregates: their department when it has at least the
    minimum number of people, else "Other"; every external guest is "External"."""
    people = list(get_user_model().objects.filter(is_active=True).values(
        "id", "kind", "department__name"))
    sizes = Counter(p["department__name"] for p in people
                    if p["kind"] != "guest" and p["department__name"])
    least = min_group()
    label = {}
    for p in people:
        if p["kind"] == "guest":
            label[p["id"]] = EXTERNAL
        elif p["department__name"] and sizes[p["department__name"]] >= least:
            label[p["id"]] = p["department__name"]
        else:
            label[p["id"]] = OTHER
    members = Counter(label.values())
    return label, dict(members)


def departments(days: int, now=None) -> list[dict]:
    """Members, internal and external tie weight and Krackhardt's E-I index per department;
    groups under the minimum are merged into "Other" (and left out if still too small)."""
    label, members = _department_labels()
    internal: Counter = Counter()
    external: Counter = Counter()
    for (u, v), w in network.undirected(network.directed_weights(days, now)).items():
        lu, lv = label.get(u), label.get(v)
        if lu is None or lv is None:
            continue
        if lu == lv:
            internal[lu] += w
        else:
            external[lu] += w
            external[lv] += w
    least = min_group()
    items = []
    for name in sorted(members, key=lambda n: (n in (OTHER, EXTERNAL), n)):
        if members[name] < least:
            continue
        i, e = internal[name], external[name]
        items.append({"department": name, "members": members[name], "internal": i,
                      "external": e, "ei_index": round((e - i) / (e + i), 6) if e + i else None})
    return items


def matrix(days: int, now=None) -> dict:
    """The department × department interaction matrix (tie weight, both directions)."""
    label, members = _department_labels()
    least = min_group()
    names = [n for n in sorted(members, key=lambda n: (n in (OTHER, EXTERNAL), n))
             if members[n] >= least]
    index = {n: i for i, n in enumerate(names)}
    z = [[0] * len(names) for _ in names]
    for (u, v), w in network.undirected(network.directed_weights(days, now)).items():
        a, b = index.get(label.get(u, "")), index.get(label.get(v, ""))
        if a is None or b is None:
            continue
        z[a][b] += w
        if a != b:
            z[b][a] += w
    bridges = sum(z[a][b] > 0 for a in range(len(names)) for b in range(a + 1, len(names)))
    return {"departments": names, "weights": z, "bridges": bridges, "window_days": days}


def adoption(period: str = "week", count: int = 12, now=None) -> list[dict]:
    """Active people per week or month: contributors (posting, replying, reacting) from the
    count tables; readers (signed in, nothing written) for the current period only, from the
    last activity date (reading is not recorded day by day)."""
    if period not in ("week", "month"):
        raise ValidationFailed(_("The period is week or month."), field="period")
    if not 1 <= count <= 104:
        raise ValidationFailed(_("Ask for 1 to 104 periods."), field="count")
    today = (now or timezone.now()).date()
    starts = []
    start = today - timedelta(days=today.weekday()) if period == "week" else today.replace(
        day=1)
    for _i in range(count):
        starts.append(start)
        start = start - timedelta(days=7) if period == "week" else (
            start - timedelta(days=1)).replace(day=1)
    starts.reverse()
    User = get_user_model()
    items = []
    for i, begin in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else today + timedelta(days=1)
        rows = Activity.objects.filter(day__gte=begin, day__lt=end, user__is_active=True)\
            .values("user_id").annotate(p=Sum("posts"), r=Sum("replies"), x=Sum("reactions"))
        contributors = {r["user_id"] for r in rows}
        item = {"period": begin.isoformat(), "contributors": len(contributors),
                "posting": sum(1 for r in rows if r["p"]),
                "replying": sum(1 for r in rows if r["r"]),
                "reacting": sum(1 for r in rows if r["x"]),
                "posts": sum(r["p"] for r in rows), "replies": sum(r["r"] for r in rows),
                "reactions": sum(r["x"] for r in rows), "readers": None, "active": None}
        if i + 1 == len(starts):
            signed_in = set(User.objects.filter(is_active=True, last_active_at__date__gte=begin)
                            .values_list("id", flat=True))
            item["readers"] = len(signed_in - contributors)
            item["active"] = len(signed_in | contributors)
        items.append(item)
    return items


def suggestions(user, days: int, limit: int = 5, now=None) -> dict:
    """People outside the person's usual groups, and communities they are not in, who talk
    about the person's subjects (their hashtags of the window): what would widen the network.
    Only people and posts the person may see."""
    from essaim import visibility
    from essaim.posts.models import Post

    start = (now or timezone.now()) - timedelta(days=days)
    tags = list(Post.objects.filter(author=user, created_at__gte=start)
                .values_list("hashtags__id", flat=True).exclude(hashtags__id=None)
                .annotate(n=Count("id")).order_by("-n")[:10])
    if not tags:
        return {"people": [], "communities": [], "subjects": []}
    m = network.measures(user.id, days, now)
    usual = set(m.by_group) | {network.groups([user.id]).get(user.id)}
    talk = visibility.visible_posts(user, Post.objects.filter(
        hashtags__id__in=tags, created_at__gte=start, relay_of=None).exclude(author=user))
    by_author = Counter(talk.values_list("author_id", flat=True))
    group = network.groups(by_author)
    visible = {u.id: u for u in visibility.visible_accounts(
        user, get_user_model().objects.filter(id__in=list(by_author), is_active=True))
        .select_related("department")}
    people = [visible[a] for a, _n in by_author.most_common()
              if a in visible and group.get(a) not in usual][:limit]
    member_of = set(visibility.member_community_ids(user))
    rooms = Counter(talk.exclude(community=None).values_list("community_id", flat=True))
    from essaim.communities.models import Community

    communities = [c for c in visibility.visible_communities(
        user, Community.objects.filter(id__in=list(rooms))) if c.id not in member_of][:limit]
    from essaim.posts.models import Hashtag

    subjects = list(Hashtag.objects.filter(id__in=tags).values_list("display", flat=True))
    return {"people": people, "communities": communities, "subjects": subjects}


def scores_over_time(user, steps: int = 4, step_days: int = 30, now=None) -> list[dict]:
    """Scout and connector scores for successive windows ending now, a month ago, …"""
    now = now or timezone.now()
    out = []
    for i in reversed(range(steps)):
        end = now - timedelta(days=i * step_days)
        out.append({"end": end.date().isoformat(),
                    "scout": network.scout_score(user.id, step_days, end),
                    "connector": network.connector_score(user.id, step_days, end)})
    return out
