"""Reports and what moderators decide: anyone reports what they can see; administrators,
moderators (the "moderator" group) and, for their community's content, its owners and
animators handle them. Every step is audit-logged; reporter and author are told."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim import audit
from essaim import visibility as policy
from essaim.core import ratelimit
from essaim.core.errors import NotFound, PermissionDenied, ValidationFailed

from .models import Report

MODERATOR_GROUP = "moderator"
MAX_COMMENT = 1000
MAX_REASON = 1000


def may_moderate(user, report: Report | None = None) -> bool:
    """Administrators and moderators everywhere; a community's owners and animators for
    reports about posts in their community."""
    if not policy.may_administer(user) and not (
            user is not None and user.is_authenticated and user.is_active
            and not user.is_guest and user.groups.filter(name=MODERATOR_GROUP).exists()):
        if report is None or report.community_id is None:
            return False
        from essaim.communities.queries import role_of

        return role_of(user, report.community_id) in ("owner", "animator")
    return True


def moderated_reports(user):
    """The queue ``user`` may handle."""
    if policy.may_administer(user) or (user.is_authenticated and user.groups.filter(
            name=MODERATOR_GROUP).exists()):
        return Report.objects.all()
    from essaim.communities.models import Membership

    rooms = Membership.objects.filter(user_id=user.id, role__in=("owner", "animator"))\
        .values("community_id")
    return Report.objects.filter(community_id__in=rooms)


def _category(value) -> str:
    value = (value or "other").strip().lower()
    if value not in Report.Category.values:
        raise ValidationFailed(_("Unknown category: choose one of %(list)s.")
                               % {"list": ", ".join(Report.Category.values)}, field="category")
    return value


def do_report(reporter, *, post_id=None, username: str | None = None, category="other",
              comment: str = "", rule_ids=()) -> Report:
    """Report a post (or reply) or an account; reporting the same open thing again adds to
    the same report. What the reporter cannot see cannot be reported (404)."""
    if not reporter.is_authenticated:
        raise PermissionDenied(_("Sign in to report."))
    category = _category(category)
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT:
        raise ValidationFailed(_("The comment is too long (%(n)d characters at most).")
                               % {"n": MAX_COMMENT}, field="comment")
    post = None
    if post_id not in (None, ""):
        post = policy.access_post(reporter, post_id)
        account = post.author
    elif username:
        account = policy.access_account(reporter, username)
    else:
        raise ValidationFailed(_("Say what you report: a post or an account."))
    if account.pk == reporter.pk:
        raise ValidationFailed(_("You cannot report yourself."))
    ratelimit.hit("report", str(reporter.pk), "ESSAIM_RATE_REPORT")
    rules = [str(r) for r in rule_ids or []][:20]
    with transaction.atomic():
        existing = Report.objects.select_for_update().filter(
            reporter=reporter, account=account, post=post, status=Report.Status.OPEN).first()
        if existing is not None:  # the same thing again: one report, the comments joined
            if comment and comment not in existing.comment:
                existing.comment = f"{existing.comment}\n{comment}".strip()[:4 * MAX_COMMENT]
            existing.rule_ids = sorted(set(existing.rule_ids) | set(rules))
            existing.save(update_fields=["comment", "rule_ids"])
            audit.record(reporter, "report.update", target=existing,
                         after={"comment": existing.comment})
            return existing
        report = Report.objects.create(
            reporter=reporter, post=post, account=account, category=category,
            comment=comment, rule_ids=rules, post_text=post.text if post else "",
            community_id=post.community_id if post else None)
        audit.record(reporter, "report.create", target=report,
                     after={"category": category, "post": post.pk if post else None,
                            "account": account.username})
    return report


def access_report(user, report_id) -> Report:
    try:
        report = Report.objects.select_related("post", "account", "reporter").get(
            pk=int(report_id))
    except (TypeError, ValueError, Report.DoesNotExist):
        raise NotFound(_("This report does not exist.")) from None
    if not may_moderate(user, report):
        raise PermissionDenied(_("Only moderators handle reports."))
    return report


def do_resolve(moderator, report_id, action: str, reason: str) -> Report:
    """Dismiss, hide the content, delete it, or warn its author; always with a reason."""
    from essaim.notifications.actions import do_notify
    from essaim.notifications.models import Notification
    from essaim.posts.models import Post

    report = access_report(moderator, report_id)
    if report.status != Report.Status.OPEN:
        raise ValidationFailed(_("This report is already resolved."))
    if action not in Report.Outcome.values:
        raise ValidationFailed(_("Choose what to do: %(list)s.")
                               % {"list": ", ".join(Report.Outcome.values)}, field="action")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(_("Give a reason: the author is told."), field="reason")
    if len(reason) > MAX_REASON:
        raise ValidationFailed(_("The reason is too long (%(n)d characters at most).")
                               % {"n": MAX_REASON}, field="reason")
    if action in ("hide", "delete") and report.post_id is None:
        raise ValidationFailed(_("This report is about an account: there is no content to "
                                 "hide or delete."), field="action")
    with transaction.atomic():
        post = report.post
        # Every open report on the same content is settled by the same decision.
        same = Report.objects.filter(pk__in=list(Report.objects.filter(
            status=Report.Status.OPEN, account=report.account, post_id=report.post_id)
            .values_list("pk", flat=True)))
        if action == "hide":
            Post.objects.filter(pk=post.pk).update(hidden_at=timezone.now())
        elif action == "delete":
            from essaim.posts.actions.compose import remove_post

            remove_post(post)
        now = timezone.now()
        reporters = list(same.values_list("reporter_id", flat=True))
        same.update(status=Report.Status.RESOLVED, resolved_at=now, resolved_by=moderator,
                    outcome=action, reason=reason)
        report.refresh_from_db()
        audit.record(moderator, f"moderation.{action}", target=report,
                     after={"reason": reason, "post": report.post_id or None,
                            "account": report.account.username})
        from django.contrib.auth import get_user_model

        for reporter in get_user_model().objects.filter(pk__in=reporters):
            do_notify(reporter, None, Notification.Kind.REPORT, subject=str(
                Report.Outcome(action).label), link="/notifications/")
        if action != "dismiss":
            do_notify(report.account, None, Notification.Kind.MODERATION,
                      subject=reason[:200], link="/about/rules/")
    return report
