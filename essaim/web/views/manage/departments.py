"""Administration of departments: list, create, rename, merge."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from essaim.accounts import queries as accounts
from essaim.accounts.actions import manage as actions
from essaim.core.errors import NotFound, ValidationFailed

from ..common import web_view
from .common import confirmation, confirmed, done


@web_view(methods=("GET", "POST"))
def departments(request):
    """``/manage/departments/``: each department with its people; a form to add one."""
    actions.check_admin(request.user)
    error, name = None, ""
    if request.method == "POST":
        name = request.POST.get("name", "")
        try:
            created = actions.do_admin_create_department(request.user, name)
        except ValidationFailed as exc:
            error = exc
        else:
            return done(request, _("The department %(name)s is created.")
                        % {"name": created.name}, "web:manage_departments")
    found = list(accounts.manage_departments(request.user))
    return render(request, "web/manage/departments.html",
                  {"departments": found, "error": error, "name": name},
                  status=error.status if error else 200)


@web_view(methods=("POST",))
def rename(request, department_id):
    department = actions.access_department(request.user, department_id)
    actions.do_rename_department(request.user, department, request.POST.get("name", ""))
    return done(request, _("The department is renamed %(name)s.") % {"name": department.name},
                "web:manage_departments")


@web_view(methods=("POST",))
def merge(request, department_id):
    """Move everyone into another department and delete this one, once confirmed."""
    source = actions.access_department(request.user, department_id)
    target_id = request.POST.get("into", "")
    if not target_id:
        raise ValidationFailed(_("Choose the department to merge into."), field="into")
    try:
        target = actions.access_department(request.user, target_id)
    except NotFound as exc:
        raise ValidationFailed(exc.message, field="into") from exc
    if source.pk == target.pk:
        raise ValidationFailed(_("Choose another department to merge into."), field="into")
    if not confirmed(request):
        return confirmation(
            request, title=_("Merge %(source)s into %(target)s")
            % {"source": source.name, "target": target.name},
            question=_("Everyone in %(source)s moves to %(target)s, then %(source)s is "
                       "deleted. This cannot be undone.")
            % {"source": source.name, "target": target.name},
            button=_("Merge"), cancel=reverse("web:manage_departments"),
            fields={"into": target.pk})
    moved = actions.do_merge_departments(request.user, source, target)
    message = ngettext("%(source)s is merged into %(target)s: %(n)s person moved.",
                       "%(source)s is merged into %(target)s: %(n)s people moved.", moved)
    return done(request, message % {"source": source.name, "target": target.name, "n": moved},
                "web:manage_departments")
