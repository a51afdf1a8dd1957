"""What a newcomer reads on the pages: French everywhere, sentences that read well."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from essaim.accounts.actions import do_set_locale, do_update_profile
from essaim.communities import actions
from essaim.notifications.models import Notification
from essaim.notifications.queries import unread_count
from essaim.posts.actions import do_create_post


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_communities_page_and_the_menu_speak_french(alice):
    do_set_locale(alice, "fr")
    html = signed_in(alice).get(reverse("web:communities")).content.decode()
    for text in ("Mes tâches", "Nouvelle communauté", "Vos communautés", "Découvrir",
                 "Rechercher par nom, description ou mot-clé", "Tous les types de communauté"):
        assert text in html, text
    for text in ("My tasks", "New community", "Your communities", "Discover",
                 "All kinds of community"):
        assert text not in html, text


def test_a_deadline_in_the_afternoon_is_not_followed_by_a_second_period(alice):
    deadline = (timezone.localtime() + timedelta(days=20)).replace(hour=13, minute=31)
    community = actions.do_create_community(alice, "Tender Metro", template="tender",
                                            deadline=deadline)
    html = signed_in(alice).get(reverse("web:community", args=[community.slug])).content.decode()
    assert "p.m.." not in html
    assert "1:31 p.m. — the community archives itself then." in html


def test_the_deadline_notice_reads_well_in_french(alice):
    do_set_locale(alice, "fr")
    deadline = (timezone.localtime() + timedelta(days=20)).replace(hour=13, minute=31)
    community = actions.do_create_community(alice, "Tender Metro", template="tender",
                                            deadline=deadline)
    html = signed_in(alice).get(reverse("web:community", args=[community.slug])).content.decode()
    assert "13:31 — la communauté s’archivera alors d’elle-même." in html


def test_following_a_hashtag_with_htmx_returns_the_count_and_the_button_together(alice):
    client = signed_in(alice)
    response = client.post(reverse("web:hashtag_follow", args=["atlas"]), {"on": "1"},
                           HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'id="hashtag-header"' in html
    assert "1 person follows this hashtag" in html
    assert 'aria-pressed="true"' in html
    page = client.get(reverse("web:hashtag", args=["atlas"])).content.decode()
    assert 'hx-target="#hashtag-header"' in page
    response = client.post(reverse("web:hashtag_follow", args=["atlas"]), {"on": "0"},
                           HTTP_HX_REQUEST="true")
    assert "0 people follow this hashtag" in response.content.decode()


def test_a_notification_about_an_older_post_is_dated_when_the_post_was_written(alice, bob):
    written = timezone.now() - timedelta(hours=2)
    post = do_create_post(bob, "@alice the plan is ready", created_at=written, rate_limit=False)
    notification = Notification.objects.get(recipient=alice, post=post)
    assert notification.created_at == written


def test_opening_the_notifications_page_reads_nothing_by_itself_but_asks_to_mark_them_read(
        alice, bob):
    first = do_create_post(bob, "@alice first", rate_limit=False)
    second = do_create_post(bob, "@alice second", rate_limit=False)
    client = signed_in(alice)
    html = client.get(reverse("web:notifications")).content.decode()
    assert unread_count(alice) == 2  # a GET never writes
    newest = Notification.objects.get(post=second)
    assert 'hx-trigger="load"' in html
    assert f'hx-post="{reverse("web:notifications_read")}"' in html
    assert f'"up_to": "{newest.id}"' in html
    assert Notification.objects.get(post=first).id < newest.id


def test_the_read_request_sent_on_load_clears_the_badge_and_keeps_newer_ones_unread(alice, bob):
    do_create_post(bob, "@alice seen", rate_limit=False)
    shown = Notification.objects.get(recipient=alice)
    do_create_post(bob, "@alice arrived after the page was drawn", rate_limit=False)
    client = signed_in(alice)
    response = client.post(reverse("web:notifications_read"), {"up_to": str(shown.id)},
                           HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<span id="unread-badge" hx-swap-oob="delete"></span>' in html
    assert unread_count(alice) == 1
    assert Notification.objects.get(pk=shown.pk).read_at is not None


def test_a_nonsense_read_marker_marks_everything_read_without_an_error(alice, bob):
    do_create_post(bob, "@alice one", rate_limit=False)
    response = signed_in(alice).post(reverse("web:notifications_read"),
                                     {"up_to": "9" * 40}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert unread_count(alice) == 0


def test_closing_comments_is_confirmed_as_replies_closed(alice):
    post = do_create_post(alice, "Read-only announcement", rate_limit=False)
    client = signed_in(alice)
    response = client.post(reverse("web:reply_policy", args=[post.id]),
                           {"reply_policy": "nobody"}, follow=True)
    html = response.content.decode()
    assert "Replies are now closed." in html
    assert "open to: Nobody" not in html


def test_a_closed_post_shows_a_disabled_reply_icon_not_a_link(alice, bob):
    post = do_create_post(alice, "No comments here", reply_policy="nobody", rate_limit=False)
    html = signed_in(bob).get(reverse("web:company")).content.decode()
    assert f'href="{reverse("web:thread", args=[post.id])}#reply"' not in html
    assert 'class="action action-reply is-disabled"' in html
    assert "Replies are closed (0 replies)" in html


def test_the_composer_shows_a_building_for_company_and_keeps_the_globe_for_public(alice):
    html = signed_in(alice).get(reverse("web:home")).content.decode()
    picker = html[html.index("data-visibility-picker"):]
    picker = picker[:picker.index("</label>")]
    company = ('<span class="picker-icon" data-visibility-icon="company">'
               '<svg class="icon icon-building"')
    public = ('<span class="picker-icon" data-visibility-icon="public" hidden>'
              '<svg class="icon icon-globe"')
    assert company in picker
    assert public in picker


def test_the_directory_filters_apply_on_change_and_without_javascript_too(alice, bob):
    html = signed_in(alice).get(reverse("web:directory")).content.decode()
    form = html[html.index('<form class="filters card"'):]
    form = form[:form.index(">")]
    assert 'hx-trigger="change, submit"' in form
    assert 'hx-select="#directory-results"' in form
    assert 'method="get"' in form  # the plain form still works
    assert 'id="directory-results"' in html
    response = signed_in(alice).get(reverse("web:directory"), {"department": bob.department_id},
                                    HTTP_HX_REQUEST="true")
    page = response.content.decode()
    results = page[page.index('id="directory-results"'):]
    assert "Bob Durand" in results and "Alice Martin" not in results


def test_a_skill_chip_filters_the_directory_and_keeps_the_other_filters(alice, bob, carol):
    do_update_profile(bob, skills=["branding"])
    do_update_profile(carol, skills=["branding", "python"])
    client = signed_in(alice)
    html = client.get(reverse("web:directory"),
                      {"department": carol.department_id}).content.decode()
    assert f'href="?department={carol.department_id}&amp;skill=python"' in html
    filtered = client.get(reverse("web:directory"),
                          {"department": carol.department_id, "skill": "python"}).content.decode()
    assert "Carol Petit" in filtered and "Bob Durand" not in filtered
    assert 'class="chip is-on"' in filtered
    assert f'href="?department={carol.department_id}" aria-current="true"' in filtered


def test_every_page_names_its_icon_and_favicon_ico_leads_to_it(alice, client):
    html = signed_in(alice).get(reverse("web:home")).content.decode()
    assert '<link rel="icon" href="/static/essaim/favicon.svg" type="image/svg+xml">' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/essaim/favicon.svg"
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert icon["Content-Type"].startswith("image/svg+xml")


def test_an_open_community_shows_the_company_building_not_the_public_globe(alice):
    community = actions.do_create_community(alice, "Running club", kind="open")
    html = signed_in(alice).get(reverse("web:community", args=[community.slug])).content.decode()
    badge = html[html.index('class="tag tag-kind-open"'):]
    badge = badge[:badge.index("</span>")]
    assert "icon-building" in badge
    assert "icon-globe" not in badge


def test_the_server_error_page_names_its_icon_too():
    from django.template.loader import render_to_string

    assert 'rel="icon" href="/static/essaim/favicon.svg"' in render_to_string("500.html")
