"""Reach of one post and the company's advocacy maturity (reads only; callers ask the policy).

Definitions (docs/advocacy.md):
* internal views: distinct colleagues shown the post, per person and day (``PostView``);
* external visits: distinct visitors opening a tracked link, per visitor and day; previews are
  crawler fetches (LinkedInBot, Slackbot…), counted apart;
* ambassadors: distinct employees who relayed or shared an official account's post in the
  period; participation rate = ambassadors ÷ employees (active, non-official);
* impressions: internal = internal views of official posts, external = external visits to
  tracked links of official posts, both in the period;
* earned media value = (internal + external impressions) ÷ 1000 × ESSAIM_EMV_CPM
  + external visits × ESSAIM_EMV_CPC.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone

from essaim.posts.models import Post

from .models import AdvocacyProfile, PostView, Share, ShareLink, Visit

MIN_GROUP = 5


def min_group() -> int:
    return max(MIN_GROUP, int(getattr(settings, "ESSAIM_INSIGHT_MIN_GROUP", MIN_GROUP)))


def reach(post: Post) -> dict:
    relays = Post.objects.filter(relay_of_id=post.id, author__is_active=True)
    shares = Share.objects.filter(link__post_id=post.id)
    by_network = dict(shares.values_list("network").annotate(n=Count("id")).order_by())
    visits = Counter(dict(Visit.objects.filter(link__post_id=post.id).values_list("kind")
                          .annotate(n=Count("id")).order_by()))
    return {
        "relays": relays.count(),
        "relayers": relays.values("author_id").distinct().count(),
        "sharers": shares.values("link__sharer_id").distinct().count(),
        "shares_by_network": by_network,
        "internal_views": PostView.objects.filter(post_id=post.id)
        .values("user_id").distinct().count(),
        "external_visits": visits.get("visit", 0),
        "previews": visits.get("preview", 0),
    }


def seen_by(post_ids: list[int]) -> dict[int, int]:
    """Distinct colleagues shown each post ("seen by N colleagues")."""
    if not post_ids:
        return {}
    rows = (PostView.objects.filter(post_id__in=post_ids).values_list("post_id")
            .annotate(n=Count("user_id", distinct=True)).order_by())
    return dict(rows)


def _employees():
    return get_user_model().objects.filter(kind="employee", is_active=True, is_official=False)


def _week(day: date) -> str:
    monday = day - timedelta(days=day.weekday())
    return monday.isoformat()


def advocacy(days: int) -> dict:
    today = timezone.localdate()
    since_day = today - timedelta(days=days - 1)
    since = timezone.now() - timedelta(days=days)
    official_posts = Post.objects.filter(author__is_official=True, relay_of__isnull=True)
    employees = {uid: dept for uid, dept in _employees().values_list("id", "department__name")}

    acts: list[tuple[int, date]] = []  # (ambassador, day) from relays and shares
    for uid, when in (Post.objects.filter(relay_of__in=official_posts, created_at__gte=since)
                      .values_list("author_id", "created_at")):
        acts.append((uid, timezone.localdate(when)))
    for uid, when in (Share.objects.filter(link__post__in=official_posts, created_at__gte=since)
                      .values_list("link__sharer_id", "created_at")):
        acts.append((uid, timezone.localdate(when)))
    acts = [(uid, day) for uid, day in acts if uid in employees]
    ambassadors = {uid for uid, _day in acts}

    views = list(PostView.objects.filter(post__in=official_posts, day__gte=since_day)
                 .values_list("post_id", "day"))
    visits = list(Visit.objects.filter(link__post__in=official_posts, day__gte=since_day)
                  .values_list("link__post_id", "day", "kind"))
    internal = len(views)
    external = sum(1 for _p, _d, kind in visits if kind == "visit")
    previews = sum(1 for _p, _d, kind in visits if kind == "preview")
    cpm = float(getattr(settings, "ESSAIM_EMV_CPM", 8.0))
    cpc = float(getattr(settings, "ESSAIM_EMV_CPC", 1.5))
    emv = round((internal + external) / 1000 * cpm + external * cpc, 2)
    return {
        "days": days, "since": since_day.isoformat(),
        "employees": len(employees), "ambassadors": len(ambassadors),
        "participation_rate": round(len(ambassadors) / len(employees), 4) if employees else 0.0,
        "impressions": {"internal": internal, "external": external},
        "previews": previews,
        "by_department": _by_department(employees, ambassadors),
        "by_week": _by_week(since_day, today, acts, views, visits),
        "top_posts": _top_posts(views, visits),
        "earned_media_value": emv,
        "earned_media_value_basis": {"cpm": cpm, "cpc": cpc,
                                     "currency": getattr(settings, "ESSAIM_EMV_CURRENCY", "EUR")},
        "listed_ambassadors": _listed(ambassadors),
    }


def _by_department(employees: dict[int, str | None], ambassadors: set[int]) -> list[dict]:
    """Departments of at least ``min_group()`` employees; the smaller ones merged as Other."""
    sizes = Counter(employees.values())
    groups: dict[str, list[int]] = defaultdict(list)
    for uid, dept in employees.items():
        name = dept if dept and sizes[dept] >= min_group() else None
        groups[name or ""].append(uid)
    out = []
    for name, members in groups.items():
        if len(members) < min_group():
            continue  # an "Other" too small to show is not shown
        count = sum(1 for uid in members if uid in ambassadors)
        out.append({"department": name or "Other", "other": not name,
                    "employees": len(members), "ambassadors": count,
                    "participation_rate": round(count / len(members), 4)})
    out.sort(key=lambda row: (row["other"], -row["participation_rate"], row["department"]))
    return out


def _by_week(since_day, today, acts, views, visits) -> list[dict]:
    weeks: dict[str, dict] = {}
    day = since_day
    while day <= today:
        weeks.setdefault(_week(day), {"week": _week(day), "ambassadors": set(),
                                      "internal": 0, "external": 0})
        day += timedelta(days=1)
    for uid, day in acts:
        if _week(day) in weeks:
            weeks[_week(day)]["ambassadors"].add(uid)
    for _post, day in views:
        if _week(day) in weeks:
            weeks[_week(day)]["internal"] += 1
    for _post, day, kind in visits:
        if kind == "visit" and _week(day) in weeks:
            weeks[_week(day)]["external"] += 1
    return [{**row, "ambassadors": len(row["ambassadors"])} for row in weeks.values()]


def _top_posts(views, visits, limit: int = 5) -> list[dict]:
    internal = Counter(post for post, _day in views)
    external = Counter(post for post, _day, kind in visits if kind == "visit")
    ranked = sorted(set(internal) | set(external),
                    key=lambda p: (-(internal[p] + external[p]), -p))[:limit]
    texts = dict(Post.objects.filter(id__in=ranked).values_list("id", "text"))
    shares = dict(Share.objects.filter(link__post_id__in=ranked).values_list("link__post_id")
                  .annotate(n=Count("id")).order_by())
    relays = dict(Post.objects.filter(id__in=ranked).values_list("id", "relays_count"))
    return [{"id": str(p), "text": (texts.get(p) or "")[:140], "relays": relays.get(p, 0),
             "shares": shares.get(p, 0), "internal_views": internal[p],
             "external_visits": external[p]} for p in ranked]


def _listed(ambassadors: set[int]) -> list[dict]:
    """Ambassadors who chose to show their badge; nobody else is ever named."""
    opted = AdvocacyProfile.objects.filter(user_id__in=ambassadors, show_badge=True)\
        .select_related("user")
    return sorted(({"username": p.user.username, "name": p.user.name} for p in opted),
                  key=lambda row: row["username"])


def active_campaigns():
    now = timezone.now()
    from .models import Campaign

    return (Campaign.objects.filter(starts_at__lte=now, ends_at__gt=now,
                                    post__author__is_active=True, post__visibility="public")
            .select_related("post", "post__author").order_by("-starts_at"))


def my_links(viewer, post_ids) -> dict[int, ShareLink]:
    return {link.post_id: link for link in
            ShareLink.objects.filter(sharer_id=viewer.id, post_id__in=post_ids)}


def has_badge(user) -> bool:
    return AdvocacyProfile.objects.filter(user_id=user.id, show_badge=True).exists()
