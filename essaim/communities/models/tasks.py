from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaim.core.ids import snowflake

User = settings.AUTH_USER_MODEL


class TaskList(models.Model):
    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    community = models.ForeignKey("communities.Community", on_delete=models.CASCADE,
                                  related_name="task_lists")
    name = models.CharField(max_length=120)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name


class Task(models.Model):
    class Status(models.TextChoices):
        TODO = "todo", _("To do")
        DOING = "doing", _("In progress")
        DONE = "done", _("Done")

    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    community = models.ForeignKey("communities.Community", on_delete=models.CASCADE,
                                  related_name="tasks")
    task_list = models.ForeignKey(TaskList, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=2000, blank=True)
    assignee = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="community_tasks")
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.TODO)
    done_at = models.DateTimeField(null=True, blank=True)
    due_notified_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["status", "due_date", "id"]
        indexes = [models.Index(fields=["assignee", "status"])]

    @property
    def is_overdue(self) -> bool:
        return (self.due_date is not None and self.status != self.Status.DONE
                and self.due_date < timezone.localdate())
