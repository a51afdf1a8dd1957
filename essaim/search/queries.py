"""The search read path: a parsed query, the engine's matches, and the visibility policy.

Every result (and every count) is narrowed to objects the viewer may see by the one policy
(:mod:`essaim.visibility`): the engine only knows terms.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.accounts.models import Department
from essaim.communities.models import Community, Idea, Link, SharedFile
from essaim.core.errors import NotFound, ValidationFailed
from essaim.posts.models import Hashtag, Post, Visibility
from essaim.text import fold

from .engine import search_engine
from .models import Kind
from .query import Filters, ParsedQuery, parse

TYPES = ("posts", "people", "communities", "files", "ideas", "questions", "links")
KIND_OF = {"posts": Kind.POST, "questions": Kind.POST, "people": Kind.ACCOUNT,
           "communities": Kind.COMMUNITY, "files": Kind.FILE, "ideas": Kind.IDEA,
           "links": Kind.LINK}
ORDERS = ("relevant", "newest")
MAX_LIMIT = 40
MAX_OFFSET = 10_000
# Results are counted exactly up to this many: past it, "1,000+" (each counted result goes
# through the visibility policy, so an exact count of a common word would cost the most).
COUNT_CAP = 1000


@dataclass
class SearchPage:
    type: str
    query: ParsedQuery
    items: list  # the objects, in order (Post, User, Community, SharedFile, Idea, Link)
    total: int  # how many the viewer may see in all (at most COUNT_CAP)
    offset: int
    next_offset: int | None
    total_capped: bool = False  # True: there are more than ``total``


def check_type(value: str | None) -> str:
    value = (value or "posts").lower()
    if value not in TYPES:
        raise ValidationFailed(_("Unknown type “%(type)s”: use one of %(types)s.")
                               % {"type": value, "types": ", ".join(TYPES)}, field="type")
    return value


def check_order(value: str | None) -> str:
    value = (value or "relevant").lower()
    if value not in ORDERS:
        raise ValidationFailed(_("Unknown order “%(order)s”: use relevant or newest.")
                               % {"order": value}, field="order")
    return value


def check_page(offset: int, limit: int) -> tuple[int, int]:
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationFailed(_("limit must be between 1 and %(max)d.") % {"max": MAX_LIMIT},
                               field="limit")
    if not 0 <= offset <= MAX_OFFSET:
        raise ValidationFailed(_("offset must be between 0 and %(max)d.")
                               % {"max": MAX_OFFSET}, field="offset")
    return offset, limit


# --- filters resolved for the viewer ----------------------------------------------------

def author_ids(viewer, usernames: list[str]) -> list[int]:
    User = get_user_model()
    found = []
    for name in usernames:
        if policy._is_member(viewer):
            account = policy.visible_accounts(viewer).filter(username__iexact=name).first()
        else:  # visitors only know the authors of public posts
            account = User.objects.filter(
                username__iexact=name, is_active=True,
                posts__visibility=Visibility.PUBLIC).first()
        if account is None:
            raise ValidationFailed(_("from: nobody called @%(name)s.") % {"name": name},
                                   field="q")
        found.append(account.id)
    return found


def community_ids(viewer, names: list[str]) -> list[int]:
    found = []
    for name in names:
        try:
            found.append(policy.access_community(viewer, name).pk)
            continue
        except NotFound:
            pass
        community = policy.visible_communities(viewer).filter(name__iexact=name).first()
        if community is None:
            raise ValidationFailed(_("in: no community “%(name)s” that you can see.")
                                   % {"name": name}, field="q")
        found.append(community.pk)
    return found


def list_ids(viewer, titles: list[str]) -> list[int]:
    """The viewer's own lists with these titles (case folded): ``list:`` is personal."""
    from essaim.graph.queries import lists_of

    found = []
    for title in titles:
        account_list = lists_of(viewer).filter(title__iexact=title).first() \
            if viewer is not None and viewer.is_authenticated else None
        if account_list is None:
            raise ValidationFailed(_("list: you have no list called “%(name)s”.")
                                   % {"name": title}, field="q")
        found.append(account_list.pk)
    return found


def _listed_authors(viewer, titles: list[str]):
    from essaim.graph.models import ListMember

    return ListMember.objects.filter(account_list_id__in=list_ids(viewer, titles)).values(
        "account_id")


def department_ids(names: list[str]) -> list[int]:
    found = []
    for name in names:
        department = Department.objects.filter(name__iexact=name).first()
        if department is None:
            raise ValidationFailed(_("dept: no department called “%(name)s”.")
                                   % {"name": name}, field="q")
        found.append(department.pk)
    return found


def _tag_ids(tags: list[str]) -> list[set[int]]:
    """For each #tag, the hashtags it names (case and accents folded)."""
    out = []
    for tag in tags:
        folded = fold(tag)
        out.append(set(Hashtag.objects.filter(Q(name=tag) | Q(name=folded))
                       .values_list("pk", flat=True)))
    return out


def _post_filters(viewer, f: Filters, questions: bool) -> Q:
    q = Q()
    if f.authors:
        q &= Q(author_id__in=author_ids(viewer, f.authors))
    if f.communities:
        q &= Q(community_id__in=community_ids(viewer, f.communities))
    if f.lists:
        q &= Q(author_id__in=_listed_authors(viewer, f.lists))
    if f.departments:
        q &= Q(author__department_id__in=department_ids(f.departments))
    for ids in _tag_ids(f.tags):
        q &= Q(pk__in=Post.hashtags.through.objects.filter(hashtag_id__in=ids)
               .values("post_id"))
    if "image" in f.has:
        q &= Q(pk__in=_media_post_ids("image"))
    if "file" in f.has:  # a community file shared in the post, or a file attached to it
        q &= Q(pk__in=SharedFile.posts.through.objects.values("post_id")) | Q(
            pk__in=_media_post_ids("file"))
    if "link" in f.has:
        q &= Q(text__icontains="http://") | Q(text__icontains="https://")
    if "poll" in f.has:
        q &= Q(poll__isnull=False)
    if questions or f.is_:
        q &= Q(question__isnull=False)
    if "unanswered" in f.is_:
        q &= Q(question__accepted_answer__isnull=True, replies_count=0)
    return q


def _media_post_ids(kind: str):
    from essaim.media.models import MediaAttachment

    return MediaAttachment.objects.filter(post__isnull=False, kind=kind).values("post_id")


def _artefact_filters(viewer, f: Filters, author_field: str) -> Q:
    q = Q()
    if f.authors:
        q &= Q(**{f"{author_field}__in": author_ids(viewer, f.authors)})
    if f.communities:
        q &= Q(community_id__in=community_ids(viewer, f.communities))
    if f.lists:
        q &= Q(**{f"{author_field}__in": _listed_authors(viewer, f.lists)})
    return q


def visible_objects(viewer, type_: str, f: Filters) -> QuerySet:
    """What ``viewer`` may see of one type, narrowed by the query's filters (the policy's
    querysets: nothing else decides)."""
    if type_ in ("posts", "questions"):
        return policy.visible_posts(viewer).filter(_post_filters(viewer, f, type_ == "questions"))
    if type_ == "people":
        qs = policy.visible_accounts(viewer)
        if f.departments:
            qs = qs.filter(department_id__in=department_ids(f.departments))
        if f.communities:
            qs = qs.filter(memberships__community_id__in=community_ids(viewer, f.communities))
        if f.lists:
            qs = qs.filter(pk__in=_listed_authors(viewer, f.lists))
        return qs
    if type_ == "communities":
        return policy.visible_communities(viewer)
    model, author_field = {"files": (SharedFile, "created_by_id"), "ideas": (Idea, "author_id"),
                           "links": (Link, "created_by_id")}[type_]
    return model.objects.filter(policy.community_content_filter(viewer)).filter(
        _artefact_filters(viewer, f, author_field))


def day_start(day) -> datetime:
    """Midnight UTC of a day: where ``before:`` and ``after:`` dates cut."""
    return datetime.combine(day, time.min, tzinfo=UTC)


def matching_documents(viewer, parsed: ParsedQuery, type_: str,
                       restrict: Q | None = None) -> QuerySet:
    """The index documents of ``type_`` that match and that ``viewer`` may see (narrowed
    further by ``restrict``, a condition on the objects)."""
    kind = KIND_OF[type_]
    docs = search_engine().matching(kind, parsed.groups, parsed.excluded)
    f = parsed.filters
    if f.lang and kind != Kind.ACCOUNT:
        docs = docs.filter(language=f.lang)
    if f.before and kind != Kind.ACCOUNT:
        docs = docs.filter(created_at__lt=day_start(f.before))
    if f.after and kind != Kind.ACCOUNT:
        docs = docs.filter(created_at__gte=day_start(f.after + timedelta(days=1)))
    visible = visible_objects(viewer, type_, f)
    if restrict is not None:
        visible = visible.filter(restrict)
    return docs.filter(Exists(visible.filter(pk=OuterRef("object_id"))))


def _load(type_: str, ids: list[int]) -> list:
    if type_ in ("posts", "questions"):
        qs = Post.objects.select_related("author", "author__department", "relay_of",
                                         "relay_of__author", "community")
    elif type_ == "people":
        qs = get_user_model().objects.select_related("department")
    elif type_ == "communities":
        qs = Community.objects.all()
    elif type_ == "files":
        qs = SharedFile.objects.select_related("community", "search_text")
    else:
        qs = {"ideas": Idea, "links": Link}[type_].objects.select_related("community")
    found = qs.in_bulk(ids)
    return [found[i] for i in ids if i in found]


def search(viewer, q: str | None, type_: str | None = "posts", *, order: str | None = None,
           offset: int = 0, limit: int = 20, prefix_last: bool = True,
           restrict: Q | None = None) -> SearchPage:
    """One page of results of a query for ``viewer``, with the count of all they may see."""
    type_ = check_type(type_)
    order = check_order(order)
    offset, limit = check_page(offset, limit)
    parsed = parse(q, prefix_last=prefix_last)
    docs = matching_documents(viewer, parsed, type_, restrict)
    if order == "relevant" and parsed.has_text:
        docs = docs.order_by("-score", "-created_at", "-object_id")
    else:
        docs = docs.order_by("-created_at", "-object_id")
    rows = [row[0] for row in docs.values_list("object_id", "score")[offset:offset + limit + 1]]
    more = len(rows) > limit
    rows = rows[:limit]
    capped = False
    if not more and (rows or not offset):
        total = offset + len(rows)
    else:
        total = docs.order_by()[:COUNT_CAP + 1].count()
        capped = total > COUNT_CAP
        total = max(min(total, COUNT_CAP), offset + len(rows))
    return SearchPage(type=type_, query=parsed, items=_load(type_, rows), total=total,
                      total_capped=capped,
                      offset=offset, next_offset=offset + limit if more else None)
