"""Articles: writing one, its own page (public ones readable without signing in), editing."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from essaim import visibility as policy
from essaim.advocacy.impressions import note_shown
from essaim.articles import actions
from essaim.articles.access import access_article, access_own_article, may_edit
from essaim.core.errors import EssaimError, NotFound
from essaim.posts.queries import hydrate

from ..forms import REPLY_CHOICES, VISIBILITY_CHOICES
from .common import web_view


class ArticleForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=actions.TITLE_MAX)
    body = forms.CharField(
        label=gettext_lazy("Article (Markdown: # headings, - lists, [links](https://…), "
                           "![images](https://…))"), strip=False,
        widget=forms.Textarea(attrs={"rows": 18}))
    cover = forms.ImageField(label=gettext_lazy("Cover image (optional)"), required=False)
    visibility = forms.ChoiceField(label=gettext_lazy("Who can see it"),
                                   choices=VISIBILITY_CHOICES, initial="company")
    reply_policy = forms.ChoiceField(label=gettext_lazy("Who can reply"), choices=REPLY_CHOICES,
                                     initial="everyone")
    author = forms.TypedChoiceField(label=gettext_lazy("Publish as"), required=False,
                                    coerce=int, empty_value=None)
    community = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = policy.visibilities_for(user)  # only what the policy lets them publish with
        self.fields["visibility"].choices = [
            (value, label) for value, label in VISIBILITY_CHOICES if value in allowed]
        if user.is_guest:
            self.fields["visibility"].initial = "direct"
        self.official_accounts = list(user.official_accounts.filter(
            is_active=True, is_official=True).order_by("username"))
        self.fields["author"].choices = [("", _("As myself"))] + [
            (a.id, _("As %(name)s") % {"name": a.name}) for a in self.official_accounts]
        self.fields["cover"].widget.attrs["accept"] = "image/jpeg,image/png,image/gif,image/webp"


class ArticleEditForm(forms.Form):
    title = ArticleForm.base_fields["title"]
    body = ArticleForm.base_fields["body"]


def _community(user, slug: str):
    return policy.access_community(user, slug) if slug else None


@web_view(methods=("GET", "POST"))
def create(request):
    user = request.user
    slug = request.POST.get("community") or request.GET.get("community") or ""
    if request.method == "GET":
        form = ArticleForm(user=user, initial={"community": slug})
        return _form_page(request, form, _community(user, slug))
    form = ArticleForm(request.POST, request.FILES, user=user)
    if not form.is_valid():
        return _form_page(request, form, None, status=422)
    data = form.cleaned_data
    try:
        community = _community(user, data["community"])
        author = next((a for a in form.official_accounts if a.id == data["author"]), None)
        article = actions.do_create_article(
            user, data["title"], data["body"], visibility=data["visibility"],
            reply_policy=data["reply_policy"], community=community, author=author,
            cover=data.get("cover"))
    except EssaimError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return _form_page(request, form, None, status=exc.status)
    messages.success(request, _("Your article is published."))
    return redirect("web:article", article.post_id)


def _form_page(request, form, community, status=200):
    return render(request, "web/articles/form.html",
                  {"form": form, "community": community, "editing": False}, status=status)


@web_view(login=False)
def detail(request, post_id):
    viewer = request.user
    try:
        article = access_article(viewer, post_id)
    except NotFound:
        if not viewer.is_authenticated:
            return redirect(f"{reverse('web:login')}?next={request.path}")
        raise
    card = hydrate(viewer, [article.post])[0]
    note_shown(viewer, [article.post])
    return render(request, "web/articles/article.html", {
        "article": article, "focus_card": card, "card": card,
        "may_edit": viewer.is_authenticated and may_edit(viewer, article)})


@web_view(methods=("GET", "POST"))
def edit(request, post_id):
    article = access_own_article(request.user, post_id)
    if request.method == "GET":
        form = ArticleEditForm(initial={"title": article.title, "body": article.body})
        return render(request, "web/articles/form.html", {"form": form, "editing": True,
                                                          "article": article})
    form = ArticleEditForm(request.POST)
    status = 422
    if form.is_valid():
        try:
            actions.do_edit_article(request.user, article.post_id,
                                    title=form.cleaned_data["title"],
                                    body=form.cleaned_data["body"])
        except EssaimError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            status = exc.status
        else:
            messages.success(request, _("Your article is updated."))
            return redirect("web:article", article.post_id)
    return render(request, "web/articles/form.html",
                  {"form": form, "editing": True, "article": article}, status=status)
