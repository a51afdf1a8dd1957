"""Back office for accounts: people, departments, organisations, skills (staff only)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from essaim.core.errors import EssaimError

from .actions import check_username, do_create_user, do_deactivate_user, do_reactivate_user
from .models import Department, Organisation, Skill, User


class AccountCreationForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ("username", "email", "display_name", "department")

    def clean_username(self):
        try:
            return check_username(self.cleaned_data.get("username"))
        except EssaimError as exc:
            raise forms.ValidationError(exc.message) from exc

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip()
        if email and User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("This e-mail address is already used."))
        return email


class AccountChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User


@admin.register(User)
class AccountAdmin(UserAdmin):
    form = AccountChangeForm
    add_form = AccountCreationForm
    list_display = ("username", "name", "email", "kind", "department", "is_active", "is_staff",
                    "last_active_at")
    list_filter = ("kind", "department", "is_active", "is_staff", "is_official", "organisation")
    search_fields = ("username", "email", "display_name", "first_name", "last_name", "job_title")
    list_select_related = ("department",)
    ordering = ("username",)
    filter_horizontal = ("skills", "delegates", "groups", "user_permissions")
    readonly_fields = ("last_login", "date_joined", "last_active_at")
    actions = ("deactivate", "reactivate")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Profile"), {"fields": ("display_name", "first_name", "last_name", "email", "job_title",
                                   "department", "location", "languages", "skills", "bio",
                                   "avatar", "locale")}),
        (_("Kind of account"), {"fields": ("kind", "organisation")}),
        (_("Official account"), {"fields": ("is_official", "delegates")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups",
                                       "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined", "last_active_at")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",),
                "fields": ("username", "email", "display_name", "department", "usable_password",
                           "password1", "password2")}),
    )

    @admin.display(description=_("name"))
    def name(self, obj):
        return obj.name

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "delegates":
            kwargs["queryset"] = User.objects.filter(kind=User.Kind.EMPLOYEE, is_active=True)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            self._create(request, obj, form)
            return
        if "is_active" in form.changed_data:
            wanted = obj.is_active
            obj.is_active = not wanted  # the action below makes the change and its effects
            super().save_model(request, obj, form, change)
            (do_reactivate_user if wanted else do_deactivate_user)(obj)
            return
        super().save_model(request, obj, form, change)

    def _create(self, request, obj, form):
        data = form.cleaned_data
        password = data.get("password1") if data.get("usable_password", True) else None
        user, _password = do_create_user(
            data["username"], password=password, email=data.get("email") or "",
            name=data.get("display_name") or "", department=data.get("department"),
            validate=False)
        if not password:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        obj.pk = obj.id = user.pk
        obj.username = user.username
        obj._state.adding = False

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)

    @admin.action(description=_("Deactivate the selected accounts"))
    def deactivate(self, request, queryset):
        count = 0
        for user in queryset.filter(is_active=True).exclude(pk=request.user.pk):
            do_deactivate_user(user)
            count += 1
        self.message_user(request, ngettext("%(n)d account deactivated.",
                                            "%(n)d accounts deactivated.", count) % {"n": count},
                          messages.SUCCESS)

    @admin.action(description=_("Reactivate the selected accounts"))
    def reactivate(self, request, queryset):
        count = 0
        for user in queryset.filter(is_active=False):
            do_reactivate_user(user)
            count += 1
        self.message_user(request, ngettext("%(n)d account reactivated.",
                                            "%(n)d accounts reactivated.", count) % {"n": count},
                          messages.SUCCESS)


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "people")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(people_count=Count("members"))

    @admin.display(description=_("people"), ordering="people_count")
    def people(self, obj):
        return obj.people_count


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "guest_count")
    list_filter = ("kind",)
    search_fields = ("name",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(guests_count=Count("guests"))

    @admin.display(description=_("guests"), ordering="guests_count")
    def guest_count(self, obj):
        return obj.guests_count


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ("name", "people")
    search_fields = ("name",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(people_count=Count("users"))

    @admin.display(description=_("people"), ordering="people_count")
    def people(self, obj):
        return obj.people_count
