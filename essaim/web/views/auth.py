"""Signing in and out."""

from __future__ import annotations

import time

from django.contrib.auth import authenticate, get_user_model, login, logout
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from essaim.accounts import twofactor
from essaim.accounts.backends import login_rate_key
from essaim.core import ratelimit
from essaim.core.errors import RateLimited

from ..forms import LoginForm
from .common import is_safe, web_view


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    return target if is_safe(request, target) else "/"


@web_view(login=False, methods=("GET", "POST"))
def login_view(request):
    if request.user.is_authenticated:
        return redirect(_next(request))
    form = LoginForm(request.POST or None)
    error, status = None, 200
    if request.method == "POST" and form.is_valid():
        ident = form.cleaned_data["username"]
        key = login_rate_key(client_ip(request), ident)
        try:
            ratelimit.hit("login", key, "ESSAIM_RATE_LOGIN")
        except RateLimited as exc:
            error, status = exc.message, 429
        else:
            user = authenticate(request, username=ident,
                                password=form.cleaned_data["password"])
            if user is not None:
                ratelimit.reset("login", key, "ESSAIM_RATE_LOGIN")
                if twofactor.is_enabled(user) and not twofactor.is_trusted_device(
                        user, request.COOKIES.get(twofactor.COOKIE)):
                    request.session[PENDING] = {"user": user.id, "backend": user.backend,
                                                "at": time.time(), "next": _next(request)}
                    return redirect("web:login_two_factor")
                login(request, user)
                return redirect(_next(request))
            error = _("This username or e-mail and password do not match. "
                      "Check them and try again.")
    elif request.method == "POST":
        error = _("Enter your username or e-mail and your password.")
    return render(request, "web/login.html",
                  {"form": form, "error": error, "next": _next(request)}, status=status)


PENDING = "two_factor_pending"
PENDING_SECONDS = 300


@web_view(login=False, methods=("GET", "POST"))
def login_two_factor(request):
    """The second step of a sign-in: a code from the authenticator app, or a recovery code."""
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return redirect("web:login")
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    if user is None:
        request.session.pop(PENDING, None)
        return redirect("web:login")
    error, status = None, 200
    if request.method == "POST":
        try:
            ok = twofactor.do_verify(user, request.POST.get("code", ""))
        except RateLimited as exc:
            error, status = exc.message, 429
        else:
            if ok:
                request.session.pop(PENDING, None)
                login(request, user, backend=pending["backend"])
                response = redirect(pending.get("next") or "/")
                if request.POST.get("remember") == "on":
                    response.set_cookie(
                        twofactor.COOKIE, twofactor.do_remember_device(user),
                        max_age=twofactor.REMEMBER_DAYS * 86400, httponly=True,
                        secure=request.is_secure(), samesite="Lax")
                return response
            error, status = _("This code does not match. Type the six digits your app shows "
                              "now, or one of your recovery codes."), 400
    return render(request, "web/login_two_factor.html", {"error": error}, status=status)


@web_view(login=False, methods=("POST",))
def logout_view(request):
    logout(request)
    return redirect("web:login")
