"""The signed-in person's own pages: notifications and settings."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from essaim.accounts import actions as account_actions
from essaim.core.errors import EssaimError
from essaim.graph import queries as graph_queries
from essaim.notifications import queries as notification_queries
from essaim.notifications.actions import do_mark_read
from essaim.watches.queries import watches_of

from ..forms import AvatarForm, LanguageForm, ProfileForm
from .common import cursor_from, done, web_view, with_params


@web_view()
def notifications(request):
    cursor = cursor_from(request)
    items = notification_queries.page(request.user, cursor)
    more = with_params(request, max_id=items[-1].id) if len(items) >= cursor.limit else None
    template = "web/notifications.html"
    if request.htmx and request.GET.get("partial") == "feed":
        template = "web/partials/notification_page.html"
    return render(request, template, {"items": items, "next_url": more})


@web_view(methods=("POST",))
def notifications_read(request):
    up_to = request.POST.get("up_to", "")
    # Only what the page showed (newer ones stay unread); anything unparsable means "all".
    valid = up_to.isascii() and up_to.isdigit() and len(up_to) <= 18
    count = do_mark_read(request.user, int(up_to) if valid else None)
    if request.htmx:
        # The page stays as it was read; only the unread badge in the menu goes away.
        return HttpResponse('<span id="unread-badge" hx-swap-oob="delete"></span>'
                            '<span id="unread-label" hx-swap-oob="delete"></span>')
    if count:
        return done(request, _("All notifications are marked as read."), "web:notifications")
    return done(request, None, "web:notifications")


def _profile_initial(user) -> dict:
    return {
        "display_name": user.display_name, "job_title": user.job_title,
        "department": user.department_id, "location": user.location,
        "languages": user.languages, "bio": user.bio,
        "skills": ", ".join(s.name for s in user.skills.all()),
    }


def _settings_page(request, *, profile_form=None, avatar_form=None, status=200):
    user = request.user
    User = get_user_model()
    language = user.locale or translation.get_language() or settings.LANGUAGE_CODE
    context = {
        "profile_form": profile_form or ProfileForm(initial=_profile_initial(user)),
        "avatar_form": avatar_form or AvatarForm(),
        "language_form": LanguageForm(initial={"language": language.split("-")[0]}),
        "muted": User.objects.filter(id__in=graph_queries.muted_ids(user)).order_by("username"),
        "blocked": User.objects.filter(id__in=graph_queries.blocked_by_me_ids(user))
        .order_by("username"),
        "watches": watches_of(user),
        "exports": list(user.data_exports.order_by("-requested_at")[:3]),
    }
    return render(request, "web/settings.html", context, status=status)


@web_view()
def settings_page(request):
    return _settings_page(request)


@web_view(methods=("POST",))
def settings_profile(request):
    form = ProfileForm(request.POST)
    if not form.is_valid():
        return _settings_page(request, profile_form=form, status=422)
    data = form.cleaned_data
    try:
        account_actions.do_update_profile(
            request.user, display_name=data["display_name"], bio=data["bio"],
            job_title=data["job_title"], location=data["location"],
            languages=data["languages"],
            department_id=data["department"].id if data["department"] else "",
            skills=[s for s in data["skills"].split(",") if s.strip()])
    except EssaimError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return _settings_page(request, profile_form=form, status=exc.status)
    messages.success(request, _("Your profile is updated."))
    return redirect("web:settings")


@web_view(methods=("POST",))
def settings_avatar(request):
    form = AvatarForm(request.POST, request.FILES)
    if not form.is_valid():
        return _settings_page(request, avatar_form=form, status=422)
    try:
        account_actions.do_set_avatar(request.user, form.cleaned_data["avatar"])
    except EssaimError as exc:
        form.add_error("avatar", exc.message)
        return _settings_page(request, avatar_form=form, status=exc.status)
    messages.success(request, _("Your new profile picture is in place."))
    return redirect("web:settings")


@web_view(methods=("POST",))
def settings_language(request):
    form = LanguageForm(request.POST)
    if not form.is_valid():
        raise EssaimError(_("Choose one of the offered languages."), field="language")
    language = form.cleaned_data["language"]
    account_actions.do_set_locale(request.user, language)
    translation.activate(language)
    messages.success(request, _("The interface language is changed."))
    response = redirect("web:settings")
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language,
                        max_age=settings.LANGUAGE_COOKIE_AGE, samesite="Lax",
                        secure=settings.SESSION_COOKIE_SECURE)
    return response
