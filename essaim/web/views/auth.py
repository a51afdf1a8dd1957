"""Signing in and out."""

from __future__ import annotations

from django.contrib.auth import authenticate, login, logout
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

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
                login(request, user)
                ratelimit.reset("login", key, "ESSAIM_RATE_LOGIN")
                return redirect(_next(request))
            error = _("This username or e-mail and password do not match. "
                      "Check them and try again.")
    elif request.method == "POST":
        error = _("Enter your username or e-mail and your password.")
    return render(request, "web/login.html",
                  {"form": form, "error": error, "next": _next(request)}, status=status)


@web_view(login=False, methods=("POST",))
def logout_view(request):
    logout(request)
    return redirect("web:login")
