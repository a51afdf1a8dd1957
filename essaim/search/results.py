"""Search results as plain data (the native API's items; the web templates use the same)."""

from __future__ import annotations

from django.urls import reverse

from .highlight import highlight
from .queries import SearchPage


def _community_ref(community) -> dict | None:
    if community is None:
        return None
    return {"slug": community.slug, "name": community.name}


def _item(type_: str, obj, parsed) -> dict:
    if type_ in ("posts", "questions"):
        return {"id": str(obj.id), "type": type_, "title": obj.author.name,
                "text": obj.text, "url": reverse("web:thread", args=[obj.id]),
                "created_at": obj.created_at, "highlight": highlight(obj.text, parsed),
                "community": _community_ref(obj.community)}
    if type_ == "people":
        text = " · ".join(p for p in (obj.job_title, obj.department.name
                                      if obj.department_id else "", obj.bio) if p)
        return {"id": str(obj.id), "type": type_, "title": obj.name, "text": text,
                "url": reverse("web:profile", args=[obj.username]),
                "created_at": obj.date_joined, "highlight": highlight(text, parsed),
                "community": None, "username": obj.username}
    if type_ == "communities":
        return {"id": str(obj.id), "type": type_, "title": obj.name,
                "text": obj.description, "url": reverse("web:community", args=[obj.slug]),
                "created_at": obj.created_at, "highlight": highlight(obj.description, parsed),
                "community": _community_ref(obj)}
    if type_ == "files":
        url = reverse("web:community_file", args=[obj.community.slug, obj.id])
        extracted = getattr(obj, "search_text", None)
        inside = "\n".join(p for p in (obj.description, extracted.text if extracted else "")
                            if p)
        return {"id": str(obj.id), "type": type_, "title": obj.name, "text": obj.description,
                "url": url, "created_at": obj.updated_at,
                "highlight": highlight(inside or obj.name, parsed),
                "community": _community_ref(obj.community)}
    if type_ == "ideas":
        url = reverse("web:community_idea", args=[obj.community.slug, obj.id])
        return {"id": str(obj.id), "type": type_, "title": obj.title, "text": obj.description,
                "url": url, "created_at": obj.created_at,
                "highlight": highlight(obj.description or obj.title, parsed),
                "community": _community_ref(obj.community)}
    return {"id": str(obj.id), "type": type_, "title": obj.title, "text": obj.description,
            "url": obj.url, "created_at": obj.created_at,
            "highlight": highlight(obj.description or obj.title, parsed),
            "community": _community_ref(obj.community)}


def items(page: SearchPage) -> list[dict]:
    return [_item(page.type, obj, page.query) for obj in page.items]
