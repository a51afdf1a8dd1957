"""Ambassadors: the tracked link, the Share menu, campaigns, the Amplify page, reach, the
maturity dashboard and its CSV export."""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.advocacy import actions, crawlers, queries
from essaim.advocacy import policy as advocacy_policy
from essaim.advocacy.models import Campaign, Network
from essaim.core.errors import ValidationFailed
from essaim.posts.queries import hydrate

from .auth import client_ip
from .common import done, web_view

VISITOR_COOKIE = "essaim_v"


@web_view(login=False, methods=("GET", "HEAD"))
def share_link(request, code):
    """``/s/<code>``: count the visit (or the crawler's preview) and open the public post."""
    link = actions.access_link(code)
    network = request.GET.get("via", "")
    kind = crawlers.classify(request.method, request.headers)
    from django.utils import timezone

    visitor = request.COOKIES.get(VISITOR_COOKIE, "")[:64] or actions.visitor_hash(
        client_ip(request), request.headers.get("User-Agent", ""), timezone.localdate())
    actions.do_record_visit(link, kind=kind, visitor=visitor, network=network,
                            ip=client_ip(request))
    campaign = Campaign.objects.filter(post_id=link.post_id).values_list("name", flat=True)\
        .first()
    utm = {"utm_source": network if network in Network.values else "link",
           "utm_medium": "essaim", "utm_campaign": campaign or "share"}
    from essaim.articles.models import Article

    page = "web:article" if Article.objects.filter(post_id=link.post_id).exists() \
        else "web:thread"
    response = HttpResponseRedirect(f"{reverse(page, args=[link.post_id])}?{urlencode(utm)}")
    response["Cache-Control"] = "no-store"
    if kind == "visit" and VISITOR_COOKIE not in request.COOKIES:
        response.set_cookie(VISITOR_COOKIE, visitor, max_age=365 * 86400, httponly=True,
                            samesite="Lax", secure=request.is_secure())
    return response


@web_view(methods=("GET",))
def share_menu(request, post_id):
    """The Share menu of a public post: networks and the personal link to copy."""
    post = advocacy_policy.access_shareable(request.user, post_id)
    link = actions.do_get_share_link(request.user, post.id)
    context = {"post": post, "link": link, "url": actions.link_url(link),
               "networks": [n for n in Network if n != Network.COPY],
               "suggested": {n: actions.suggested_text(post, n) for n in Network.values},
               "may_campaign": advocacy_policy.may_run_campaign(request.user, post)}
    template = "web/advocacy/share_menu.html" if request.htmx else "web/advocacy/share.html"
    return render(request, template, context)


@web_view(methods=("POST",))
def share(request, post_id, network):
    """One click on a network: record the share and go to the network's share page."""
    _link, target = actions.do_share(request.user, post_id, network)
    if network == Network.COPY:
        return done(request, _("Your link is copied: %(url)s") % {"url": target})
    return HttpResponseRedirect(target)


@web_view(methods=("GET", "POST"))
def campaign(request, post_id):
    post = advocacy_policy.access_shareable(request.user, post_id)
    existing = Campaign.objects.filter(post=post).first()
    if request.method == "POST":
        try:
            days = int(request.POST.get("days") or 14)
        except ValueError as exc:
            raise ValidationFailed(_("Give the campaign's length in days."),
                                   field="days") from exc
        if request.POST.get("end"):
            actions.do_end_campaign(request.user, post.id)
            return done(request, _("The campaign has ended."), fallback="web:amplify")
        texts = {n: request.POST.get(f"text_{n}", "") for n in Network.values
                 if n != Network.COPY}
        texts["default"] = request.POST.get("text_default", "")
        actions.do_start_campaign(request.user, post.id, name=request.POST.get("name", ""),
                                  texts=texts, days=days)
        return done(request, _("The post is now on the Amplify page."), fallback="web:amplify")
    if not advocacy_policy.may_run_campaign(request.user, post):
        from essaim.core.errors import PermissionDenied

        raise PermissionDenied(_("Only the communication team and the official account's "
                                 "delegates can ask to amplify a post."))
    return render(request, "web/advocacy/campaign.html", {
        "post": post, "campaign": existing, "card": hydrate(request.user, [post])[0],
        "networks": [n for n in Network if n != Network.COPY]})


@web_view()
def amplify(request):
    advocacy_policy.check_amplify(request.user)
    campaigns = [c for c in queries.active_campaigns()
                 if policy.can_see_post(request.user, c.post)]
    cards = {card.post.id: card for card in hydrate(request.user, [c.post for c in campaigns])}
    links = queries.my_links(request.user, [c.post_id for c in campaigns])
    items = [{"campaign": c, "card": cards.get(c.post_id), "link": links.get(c.post_id)}
             for c in campaigns]
    from essaim.advocacy.models import AdvocacyProfile
    from essaim.advocacy.tasks import digest_soon

    digest_soon()
    profile = AdvocacyProfile.objects.filter(user_id=request.user.id).first()
    return render(request, "web/advocacy/amplify.html", {
        "items": items, "networks": [n for n in Network if n != Network.COPY],
        "badge": queries.has_badge(request.user),
        "weekly_digest": profile is None or profile.weekly_digest})


@web_view(methods=("POST",))
def weekly_digest(request):
    from essaim.advocacy.digest import do_set_weekly_digest

    advocacy_policy.check_amplify(request.user)
    do_set_weekly_digest(request.user, request.POST.get("on") == "1")
    return done(request, _("Your choice is saved."), fallback="web:amplify")


@web_view(methods=("POST",))
def badge(request):
    actions.do_set_badge(request.user, request.POST.get("show") == "1")
    return done(request, _("Your choice is saved."), fallback="web:amplify")


@web_view()
def reach(request, post_id):
    post = advocacy_policy.access_reach(request.user, post_id)
    return render(request, "web/advocacy/reach.html", {
        "post": post, "reach": queries.reach(post),
        "card": hydrate(request.user, [post])[0]})


def _days(request) -> int:
    raw = request.GET.get("days") or "30"
    try:
        days = int(raw)
    except ValueError as exc:
        raise ValidationFailed(_("days must be a whole number from 1 to 365.")) from exc
    if not 1 <= days <= 365:
        raise ValidationFailed(_("days must be a whole number from 1 to 365."))
    return days


@web_view()
def dashboard(request):
    advocacy_policy.check_dashboard(request.user)
    days = _days(request)
    data = queries.advocacy(days)
    weeks = [row["week"] for row in data["by_week"]]
    over_time = {"kind": "line", "x": weeks, "series": [
        {"name": _("Ambassadors"), "values": [r["ambassadors"] for r in data["by_week"]]},
        {"name": _("Internal impressions"), "values": [r["internal"] for r in data["by_week"]]},
        {"name": _("External impressions"), "values": [r["external"] for r in data["by_week"]]},
    ]}
    departments = {"kind": "bar", "x": [r["department"] for r in data["by_department"]],
                   "series": [{"name": _("Participation rate (%)"),
                               "values": [round(r["participation_rate"] * 100, 1)
                                          for r in data["by_department"]]}]}
    return render(request, "web/advocacy/dashboard.html", {
        "data": data, "days": days, "over_time": over_time, "departments": departments})


@web_view()
def dashboard_csv(request):
    advocacy_policy.check_dashboard(request.user)
    data = queries.advocacy(_days(request))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="advocacy.csv"'
    writer = csv.writer(response)
    writer.writerow(["week", "ambassadors", "internal_impressions", "external_impressions"])
    for row in data["by_week"]:
        writer.writerow([row["week"], row["ambassadors"], row["internal"], row["external"]])
    writer.writerow([])
    writer.writerow(["department", "employees", "ambassadors", "participation_rate"])
    for row in data["by_department"]:
        writer.writerow([row["department"], row["employees"], row["ambassadors"],
                         row["participation_rate"]])
    return response


@web_view(login=False)
def preview_image(request, post_id):
    """The unfurl image of a public post (other posts are not found, whoever asks)."""
    from django.contrib.auth.models import AnonymousUser

    from essaim.advocacy import preview
    from essaim.articles.models import Article

    post = policy.access_post(AnonymousUser(), post_id)  # public posts only
    article = Article.objects.filter(post_id=post.id).only("title", "summary").first()
    text = f"{article.title}\n\n{article.summary}" if article else post.text
    png = preview.render(post.author.name, text)
    return HttpResponse(png, content_type="image/png",
                        headers={"Cache-Control": "public, max-age=3600"})


def public_profile(request, username):
    """An official account's profile for visitors who are not signed in: its public posts,
    with OpenGraph metadata. Other accounts send the visitor to sign in."""
    from django.contrib.auth.models import AnonymousUser
    from django.shortcuts import redirect

    from essaim.core.errors import NotFound
    from essaim.timelines import queries as timelines

    from .common import cursor_from, render_feed

    try:
        account = advocacy_policy.access_public_profile(username)
    except NotFound:
        return redirect(f"{reverse('web:login')}?next={request.path}")
    page = timelines.profile(AnonymousUser(), account, cursor_from(request),
                             exclude_replies=True)
    return render_feed(request, "web/advocacy/public_profile.html", page,
                       {"account": account})


@web_view(login=False)
def profile_preview(request, username):
    """The unfurl image of an official account's public profile."""
    from essaim.advocacy import preview

    account = advocacy_policy.access_public_profile(username)
    text = account.bio or _("Official account on Essaim")
    png = preview.render(account.name, text)
    return HttpResponse(png, content_type="image/png",
                        headers={"Cache-Control": "public, max-age=3600"})
