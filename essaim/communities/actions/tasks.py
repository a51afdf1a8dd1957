"""Task lists and tasks: assignees are members, due dates, status; reminders when due."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core.errors import PermissionDenied, ValidationFailed
from essaim.notifications.models import Notification

from ..access import member_for_writing
from ..models import Membership, Task, TaskList
from ..models.community import MODERATING_ROLES
from .communities import check_text
from .notify import notify

_UNSET = object()


def check_assignee(community, assignee):
    if assignee is None:
        return None
    if not Membership.objects.filter(community=community, user=assignee,
                                     user__is_active=True).exists():
        raise ValidationFailed(_("A task can only be assigned to a member of the community "
                                 "(%(name)s is not one).") % {"name": assignee.name},
                               field="assignee")
    return assignee


def check_due_date(value):
    if value in (None, ""):
        return None
    if not isinstance(value, date):
        raise ValidationFailed(_("Enter a valid due date."), field="due_date")
    return value


def do_create_task_list(user, community, name: str) -> TaskList:
    member_for_writing(user, community)
    name = check_text(name, 120, "name")
    if not name:
        raise ValidationFailed(_("A task list needs a name."), field="name")
    return TaskList.objects.create(community=community, name=name, created_by=user)


def do_create_task(user, task_list: TaskList, title: str, *, description: str = "",
                   assignee=None, due_date=None) -> Task:
    community = task_list.community
    member_for_writing(user, community)
    title = check_text(title, 200, "title")
    if not title:
        raise ValidationFailed(_("A task needs a title."), field="title")
    assignee = check_assignee(community, assignee)
    with transaction.atomic():
        task = Task.objects.create(community=community, task_list=task_list, title=title,
                                   description=check_text(description, 2000, "description"),
                                   assignee=assignee, due_date=check_due_date(due_date),
                                   created_by=user)
        if assignee is not None:
            notify(assignee, Notification.Kind.TASK, community, actor=user, subject=title)
    return task


def do_update_task(user, task: Task, *, title=None, description=None, assignee=_UNSET,
                   due_date=_UNSET, status=None) -> Task:
    member_for_writing(user, task.community)
    changed = []
    if title is not None:
        task.title = check_text(title, 200, "title") or task.title
        changed.append("title")
    if description is not None:
        task.description = check_text(description, 2000, "description")
        changed.append("description")
    newly_assigned = None
    if assignee is not _UNSET:
        assignee = check_assignee(task.community, assignee)
        if assignee is not None and assignee.id != task.assignee_id:
            newly_assigned = assignee
        task.assignee = assignee
        changed.append("assignee")
    if due_date is not _UNSET:
        task.due_date = check_due_date(due_date)
        task.due_notified_on = None
        changed += ["due_date", "due_notified_on"]
    if status is not None:
        _set_status(task, status)
        changed += ["status", "done_at"]
    with transaction.atomic():
        if changed:
            task.save(update_fields=changed)
        if newly_assigned is not None:
            notify(newly_assigned, Notification.Kind.TASK, task.community, actor=user,
                   subject=task.title)
    return task


def _set_status(task: Task, status: str) -> None:
    if status not in Task.Status.values:
        raise ValidationFailed(_("Unknown status."), field="status")
    task.status = status
    task.done_at = timezone.now() if status == Task.Status.DONE else None


def do_set_task_status(user, task: Task, status: str) -> Task:
    return do_update_task(user, task, status=status)


def do_delete_task(user, task: Task) -> None:
    membership = member_for_writing(user, task.community)
    if membership.role not in MODERATING_ROLES and task.created_by_id != user.id:
        raise PermissionDenied(_("Only the task's creator or an animator can delete it."))
    task.delete()


def do_remind_due_tasks(today: date | None = None) -> int:
    """Notify assignees of open tasks due today or tomorrow, once per due date."""
    today = today or timezone.localdate()
    due = Task.objects.filter(assignee__isnull=False, due_notified_on__isnull=True,
                              due_date__lte=today + timedelta(days=1),
                              due_date__gte=today, community__archived_at__isnull=True
                              ).exclude(status=Task.Status.DONE).select_related(
        "assignee", "community")
    count = 0
    for task in due:
        claimed = Task.objects.filter(pk=task.pk, due_notified_on__isnull=True).update(
            due_notified_on=today)
        if claimed and Membership.objects.filter(community=task.community,
                                                 user=task.assignee).exists():
            notify(task.assignee, Notification.Kind.TASK_DUE, task.community,
                   subject=task.title)
            count += 1
    return count
