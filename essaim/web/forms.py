"""Forms of the web interface: they parse input; the actions validate and write."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from essaim import visibility as policy
from essaim.accounts.models import Department
from essaim.posts.models import ReplyPolicy, Visibility

VISIBILITY_CHOICES = [
    (Visibility.COMPANY, _("Company")),
    (Visibility.PUBLIC, _("Public")),
    (Visibility.FOLLOWERS, _("Followers only")),
    (Visibility.DIRECT, _("Mentioned only")),
]
POLL_DURATIONS = [
    (3600, _("1 hour")),
    (86400, _("1 day")),
    (3 * 86400, _("3 days")),
    (7 * 86400, _("7 days")),
]
REPLY_CHOICES = [
    (ReplyPolicy.EVERYONE, _("Anyone can reply")),
    (ReplyPolicy.FOLLOWING, _("People I follow")),
    (ReplyPolicy.MENTIONED, _("Mentioned people")),
    (ReplyPolicy.NOBODY, _("Nobody (closed)")),
]


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("Username or e-mail"), max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True,
                                      "autocapitalize": "none", "spellcheck": "false"}))
    password = forms.CharField(
        label=_("Password"), strip=False, max_length=1024,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class ComposeForm(forms.Form):
    text = forms.CharField(label=_("Your post"), required=False, strip=False,
                           widget=forms.Textarea(attrs={"rows": 4}))
    spoiler_text = forms.CharField(label=_("Content warning (optional)"), required=False,
                                   max_length=200)
    visibility = forms.ChoiceField(label=_("Who can see it"), choices=VISIBILITY_CHOICES,
                                   initial=Visibility.COMPANY)
    reply_policy = forms.ChoiceField(label=_("Who can reply"), choices=REPLY_CHOICES,
                                     initial=ReplyPolicy.EVERYONE)
    author = forms.TypedChoiceField(label=_("Post as"), required=False, coerce=int,
                                    empty_value=None)
    in_reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput)
    quote_of = forms.IntegerField(required=False, widget=forms.HiddenInput)
    image_description = forms.CharField(label=_("Image description (for screen readers)"),
                                        required=False, max_length=1500)
    poll_options = forms.CharField(label=_("Poll options, one per line"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    poll_expires_in = forms.TypedChoiceField(label=_("Poll closes in"), coerce=int,
                                             choices=POLL_DURATIONS, initial=86400,
                                             required=False, empty_value=86400)
    poll_multiple = forms.BooleanField(label=_("Several answers allowed"), required=False)
    scheduled_at = forms.CharField(label=_("Publish on"), required=False, max_length=40)
    # minutes to add to the browser's local time to get UTC (JavaScript's getTimezoneOffset)
    scheduled_offset = forms.IntegerField(required=False, min_value=-900, max_value=900,
                                          widget=forms.HiddenInput)

    def scheduled_time(self):
        """The chosen publication time, made aware with the browser's offset (UTC without)."""
        from datetime import UTC, timedelta

        from django.utils.dateparse import parse_datetime

        raw = (self.cleaned_data.get("scheduled_at") or "").strip()
        if not raw:
            return None
        when = parse_datetime(raw)
        if when is None:
            return raw  # the action says what is wrong with it
        if when.tzinfo is None:
            offset = self.cleaned_data.get("scheduled_offset") or 0
            when = (when + timedelta(minutes=offset)).replace(tzinfo=UTC)
        return when

    def poll(self) -> dict | None:
        """The poll the person asked for (None without options), for the compose action."""
        data = self.cleaned_data
        options = [line.strip() for line in (data.get("poll_options") or "").splitlines()
                   if line.strip()]
        if not options:
            return None
        return {"options": options, "expires_in": data.get("poll_expires_in"),
                "multiple": bool(data.get("poll_multiple"))}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:  # only what the policy lets this person publish with
            allowed = policy.visibilities_for(user)
            self.fields["visibility"].choices = [
                (value, label) for value, label in VISIBILITY_CHOICES if value in allowed]
            if user.is_guest:
                self.fields["visibility"].initial = Visibility.DIRECT
        officials = list(user.official_accounts.filter(is_active=True, is_official=True)
                         .order_by("username")) if user is not None else []
        self.official_accounts = officials
        choices = [("", _("As myself"))] if user else []
        choices += [(a.id, _("As %(name)s") % {"name": a.name}) for a in officials]
        self.fields["author"].choices = choices


class EditPostForm(forms.Form):
    text = forms.CharField(label=_("Text"), required=False, strip=False,
                           widget=forms.Textarea(attrs={"rows": 6}))
    spoiler_text = forms.CharField(label=_("Content warning (optional)"), required=False,
                                   max_length=200)


class ReplyPolicyForm(forms.Form):
    reply_policy = forms.ChoiceField(label=_("Who can reply"), choices=REPLY_CHOICES)


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Display name"), required=False, max_length=100)
    job_title = forms.CharField(label=_("Job title"), required=False, max_length=120)
    department = forms.ModelChoiceField(label=_("Department"), required=False,
                                        queryset=Department.objects.all(),
                                        empty_label=_("No department"))
    location = forms.CharField(label=_("Location"), required=False, max_length=120)
    languages = forms.CharField(label=_("Languages you speak"), required=False, max_length=200,
                                help_text=_("Separated by commas, e.g. French, English."))
    skills = forms.CharField(label=_("Skills"), required=False, max_length=2000,
                             help_text=_("Separated by commas, e.g. python, negotiation."))
    bio = forms.CharField(label=_("About you"), required=False, max_length=1000,
                          widget=forms.Textarea(attrs={"rows": 4}))


class AvatarForm(forms.Form):
    avatar = forms.FileField(
        label=_("Profile picture"),
        help_text=_("JPEG, PNG, GIF or WebP. It is cropped to a square."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}))


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Interface language"), choices=settings.LANGUAGES)


class ListForm(forms.Form):
    title = forms.CharField(label=_("List name"), max_length=100)


class ListMemberForm(forms.Form):
    username = forms.CharField(label=_("Add a person by username"), max_length=150)


class DirectoryForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    department = forms.ModelChoiceField(label=_("Department"), required=False,
                                        queryset=Department.objects.all(),
                                        empty_label=_("All departments"))
    skill = forms.CharField(label=_("Skill"), required=False, max_length=60)
