"""Forms of the community pages: they parse input; the actions validate and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from essaim.communities.models import Community, Event, Idea, Rsvp, Task

from .dates import LocalDateField, LocalDateTimeField
from .people_picker import PeoplePickerInput

KIND_HELP = {
    Community.Kind.OPEN: _("Any employee can join."),
    Community.Kind.CLOSED: _("Anyone can see it exists; joining needs an animator's approval."),
    Community.Kind.SECRET: _("Invisible except to its members; join by invitation."),
    Community.Kind.EXTERNAL: _("May include external guests; its posts are for its members."),
}
TEMPLATE_HELP = {
    "": _("Start from a blank community."),
    Community.Template.TENDER: _("Deadline, a bid documents folder, a task list with owners "
                                 "and a go / no-go decision."),
    Community.Template.EVENT: _("Date, place or online link, agenda and RSVPs."),
    Community.Template.INTEREST: _("The idea box comes first."),
}
TIMEZONES = ["Europe/Paris", "UTC", "Europe/London", "Europe/Berlin", "Europe/Madrid",
             "Europe/Rome", "America/New_York", "America/Montreal", "America/Los_Angeles",
             "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney"]


class CommunityForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    template = forms.ChoiceField(label=_("Template"), required=False,
                                 choices=Community.Template.choices)
    kind = forms.ChoiceField(label=_("Who can join"), choices=Community.Kind.choices,
                             required=False)
    description = forms.CharField(label=_("Description"), required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    tags = forms.CharField(label=_("Tags"), required=False, max_length=300,
                           help_text=_("Separated by commas."))
    deadline = LocalDateTimeField(label=_("Deadline (optional)"), required=False, help_text=_(
        "The community archives itself then; animators get a reminder three days before."))


class CommunityPostForm(forms.Form):
    text = forms.CharField(label=_("Your post"), required=False, strip=False,
                           widget=forms.Textarea(attrs={"rows": 3}))
    question = forms.BooleanField(label=_("This is a question"), required=False)
    poll_options = forms.CharField(label=_("Poll options (one per line, optional)"),
                                   required=False, widget=forms.Textarea(attrs={"rows": 2}))
    poll_expires_in = forms.TypedChoiceField(
        label=_("Poll closes in"), required=False, coerce=int, empty_value=86400,
        choices=[(3600, _("1 hour")), (86400, _("1 day")), (3 * 86400, _("3 days")),
                 (7 * 86400, _("7 days"))])
    poll_multiple = forms.BooleanField(label=_("Several choices allowed"), required=False)
    in_reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput)


class InviteForm(forms.Form):
    who = forms.CharField(label=_("Username or e-mail address"), max_length=254)
    organisation = forms.CharField(label=_("Organisation (for people outside the company)"),
                                   required=False, max_length=150)


class GuestSignupForm(forms.Form):
    username = forms.CharField(label=_("Choose a username"), max_length=30)
    name = forms.CharField(label=_("Your name"), max_length=100, required=False)
    password = forms.CharField(label=_("Choose a password"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete":
                                                                 "new-password"}))


class LinkForm(forms.Form):
    url = forms.CharField(label=_("Address"), max_length=2000)
    title = forms.CharField(label=_("Title"), required=False, max_length=200)
    description = forms.CharField(label=_("Description"), required=False, max_length=1000)
    tags = forms.CharField(label=_("Tags"), required=False, max_length=300)


class IdeaForm(forms.Form):
    title = forms.CharField(label=_("Your idea in a sentence"), max_length=200)
    description = forms.CharField(label=_("Details"), required=False, max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    author = forms.CharField(label=_("Whose idea is it? (if not yours)"), required=False,
                             max_length=150, widget=PeoplePickerInput(
                                 attrs={"placeholder": _("Type a name")}))
    origin = forms.CharField(label=_("Where does it come from?"), required=False,
                             max_length=200)


class IdeaStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Idea.Status.choices)


class TaskForm(forms.Form):
    task_list = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("New task"), max_length=200)
    assignee = forms.CharField(label=_("Assignee"), required=False, max_length=150)
    due_date = LocalDateField(label=_("Due date"), required=False)


class TaskUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Task.Status.choices, required=False)
    assignee = forms.CharField(label=_("Assignee"), required=False, max_length=150)


class EventForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(label=_("Ends (optional)"), required=False)
    timezone = forms.ChoiceField(label=_("Timezone"), choices=[(t, t) for t in TIMEZONES])
    place = forms.CharField(label=_("Place"), required=False, max_length=200)
    online_url = forms.CharField(label=_("Online link"), required=False, max_length=500)
    description = forms.CharField(label=_("Description"), required=False, max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    agenda = forms.CharField(label=_("Agenda"), required=False, max_length=4000,
                             widget=forms.Textarea(attrs={"rows": 3}))


class RsvpForm(forms.Form):
    answer = forms.ChoiceField(choices=Rsvp.Answer.choices)


def first_error(form) -> str:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        return f"{label}: {errors[0]}" if label else str(errors[0])
    return str(_("Check the form and try again."))


__all__ = ["CommunityForm", "CommunityPostForm", "EventForm", "GuestSignupForm", "IdeaForm",
           "IdeaStatusForm", "InviteForm", "LinkForm", "RsvpForm", "TaskForm", "TaskUpdateForm",
           "first_error", "Event"]
