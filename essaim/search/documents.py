"""What each kind of object is indexed under: its terms, analysed by :mod:`essaim.text`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Model, Prefetch, QuerySet

from essaim.communities.models import Community, Idea, Link, SharedFile
from essaim.posts.models import Post
from essaim.text import index_terms, languages_for

from .models import Document, Kind


def analysed(text: str, language: str | None = None) -> tuple[str, str]:
    """(terms joined by spaces, the language code or "" when both are indexed)."""
    if not text.strip():
        return "", ""
    languages = languages_for(text, language)
    if len(languages) == 1:
        return " ".join(index_terms(text, languages[0])), languages[0]
    streams: list[list[str]] = []
    for lang in languages:  # ambiguous: each language's forms (as index_terms does)
        terms = index_terms(text, lang)
        if terms not in streams:
            streams.append(terms)
    return " ".join(t for s in streams for t in s), ""


def _names(text: str) -> str:
    """Names, titles and tags: indexed in both languages' forms."""
    return " ".join(index_terms(text.replace("_", " "))) if text.strip() else ""


def _post_docs(posts: Iterable[Post]) -> list[Document]:
    docs = []
    for post in posts:
        parts = [post.spoiler_text, post.text]
        poll = getattr(post, "poll", None)
        if poll is not None:
            parts.extend(o.title for o in poll.options.all())
        parts.extend(m.description for m in post.media_attachments.all() if m.description)
        body, language = analysed("\n".join(p for p in parts if p), post.language or None)
        docs.append(Document(kind=Kind.POST, object_id=post.id, head="", body=body,
                             language=language, created_at=post.created_at))
    return docs


def _post_rows(ids: list[int]) -> QuerySet:
    return (Post.objects.filter(pk__in=ids, relay_of__isnull=True)
            .select_related("poll")
            .prefetch_related("media_attachments", "poll__options"))


def _account_rows(ids: list[int]) -> QuerySet:
    from essaim.accounts.models import Skill

    return (get_user_model().objects.filter(pk__in=ids).select_related("department")
            .prefetch_related(Prefetch("skills", queryset=Skill.objects.only("id", "name"))))


def _account_docs(users) -> list[Document]:
    docs = []
    for user in users:
        skills = " ".join(s.name for s in user.skills.all())
        head = _names(" ".join([user.display_name, user.username.replace(".", " "),
                                user.job_title, skills]))
        department = user.department.name if user.department_id else ""
        body, _lang = analysed("\n".join(
            p for p in (department, user.bio, user.location, user.languages) if p))
        docs.append(Document(kind=Kind.ACCOUNT, object_id=user.id, head=head, body=body,
                             language="", created_at=user.date_joined))
    return docs


def _community_docs(rows) -> list[Document]:
    return [Document(kind=Kind.COMMUNITY, object_id=c.id,
                     head=_names(f"{c.name} {c.tags.replace(',', ' ')}"),
                     body=analysed(c.description)[0], created_at=c.created_at)
            for c in rows]


def _file_docs(rows) -> list[Document]:
    docs = []
    for f in rows:
        extracted = getattr(f, "search_text", None)
        text = "\n".join(p for p in (f.description, extracted.text if extracted else "") if p)
        body, language = analysed(text)
        docs.append(Document(kind=Kind.FILE, object_id=f.id,
                             head=_names(f.name.replace(".", " ")), body=body,
                             language=language, created_at=f.updated_at))
    return docs


def _file_rows(ids: list[int]) -> QuerySet:
    from .models import FileText

    return SharedFile.objects.filter(pk__in=ids).prefetch_related(
        Prefetch("search_text", queryset=FileText.objects.only("file_id", "text")))


def _idea_docs(rows) -> list[Document]:
    docs = []
    for idea in rows:
        body, language = analysed(f"{idea.description}\n{idea.origin}")
        docs.append(Document(kind=Kind.IDEA, object_id=idea.id, head=_names(idea.title),
                             body=body, language=language, created_at=idea.created_at))
    return docs


def _link_docs(rows) -> list[Document]:
    docs = []
    for link in rows:
        body, language = analysed(f"{link.description}\n{link.url}")
        docs.append(Document(kind=Kind.LINK, object_id=link.id,
                             head=_names(f"{link.title} {link.tags.replace(',', ' ')}"),
                             body=body, language=language, created_at=link.created_at))
    return docs


@dataclass(frozen=True)
class Source:
    """How to find the objects of one kind and turn them into documents."""

    model: type[Model]
    rows: Callable[[list[int]], QuerySet]
    build: Callable[..., list[Document]]

    def all_ids(self) -> QuerySet:
        qs = self.model._default_manager.all()
        if self.model is Post:
            qs = qs.filter(relay_of__isnull=True)
        return qs.order_by("pk").values_list("pk", flat=True)


def _plain(model):
    return lambda ids: model._default_manager.filter(pk__in=ids)


SOURCES: dict[str, Source] = {
    Kind.POST: Source(Post, _post_rows, _post_docs),
    Kind.ACCOUNT: Source(get_user_model(), _account_rows, _account_docs),
    Kind.COMMUNITY: Source(Community, _plain(Community), _community_docs),
    Kind.FILE: Source(SharedFile, _file_rows, _file_docs),
    Kind.IDEA: Source(Idea, _plain(Idea), _idea_docs),
    Kind.LINK: Source(Link, _plain(Link), _link_docs),
}


def build(kind: str, ids: list[int]) -> list[Document]:
    source = SOURCES[kind]
    return source.build(source.rows(ids))
