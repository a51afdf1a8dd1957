"""Settings → two-factor authentication: turn it on with an authenticator app, see and renew
the recovery codes, turn it off. The rules are :mod:`essaim.accounts.twofactor`."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from essaim.accounts import twofactor
from essaim.core.errors import EssaimError
from essaim.core.errors import PermissionDenied as Refused
from essaim.visibility import may_administer

from .common import web_view


@web_view(methods=("GET", "POST"))
def two_factor(request):
    user = request.user
    context: dict = {"enabled": twofactor.is_enabled(user),
                     "required": twofactor.is_required(user), "current": "settings"}
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        code = request.POST.get("code", "")
        try:
            if action == "start":
                twofactor.do_start_enrolment(user)
            elif action == "confirm":
                context["codes"] = twofactor.do_confirm_enrolment(user, code)
                context["enabled"] = True
                messages.success(request, _("Two-factor authentication is on."))
            elif action == "regenerate":
                context["codes"] = twofactor.do_regenerate_recovery_codes(user, code)
            elif action == "disable":
                twofactor.do_disable(user, code)
                messages.success(request, _("Two-factor authentication is off."))
                return redirect("web:settings_two_factor")
        except EssaimError as exc:
            context["error"], status = exc.message, exc.status
    if not context["enabled"]:
        from essaim.accounts.models import TwoFactor

        pending = TwoFactor.objects.filter(user=user, confirmed_at__isnull=True).first()
        if pending is not None:
            uri = twofactor.provisioning_uri(user, pending)
            context.update({"pending": pending, "uri": uri,
                            "qr": mark_safe(twofactor.qr_svg(uri))})  # noqa: S308 - segno SVG
    else:
        context["codes_left"] = twofactor.recovery_codes_left(user)
    return render(request, "web/settings_two_factor.html", context, status=status)


@web_view(methods=("POST",))
def requirement(request):
    """Administrators: who must use two-factor authentication."""
    if not may_administer(request.user):
        raise Refused(_("Only administrators can change the sign-in rules."))
    twofactor.do_set_requirement(request.user, request.POST.get("require_two_factor", ""))
    messages.success(request, _("Sign-in rules saved."))
    return redirect("web:manage")
