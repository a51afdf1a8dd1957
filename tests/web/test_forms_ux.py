"""Community forms a newcomer can use: dates in their format, folders that look like folders,
forms behind a button, and a task status changed in one click."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.communities import actions
from essaim.communities.models import Event, Task
from tests.communities.conftest import build_community

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, *args):
    return reverse(f"web:{name}", args=args)


@pytest.fixture
def atlas(alice, bob):
    return build_community(alice, "Project Atlas", members=[bob])


@pytest.fixture
def task(alice, atlas):
    task_list = actions.do_create_task_list(alice, atlas, "Launch")
    return actions.do_create_task(alice, task_list, "Price the offer")


def test_a_task_due_date_is_read_as_day_month_year(alice, atlas, signed_in):
    task_list = actions.do_create_task_list(alice, atlas, "Launch")
    response = signed_in(alice).post(url("community_tasks", atlas.slug), {
        "task_list": task_list.id, "title": "Legal review", "due_date": "03/02/2027"})
    assert response.status_code == 302
    assert Task.objects.get(title="Legal review").due_date == dt.date(2027, 2, 3)


def test_an_iso_due_date_is_read_too(alice, atlas, signed_in):
    task_list = actions.do_create_task_list(alice, atlas, "Launch")
    signed_in(alice).post(url("community_tasks", atlas.slug), {
        "task_list": task_list.id, "title": "Legal review", "due_date": "2027-02-03"})
    assert Task.objects.get(title="Legal review").due_date == dt.date(2027, 2, 3)


def test_a_malformed_date_gets_a_message_not_an_error_page(alice, atlas, signed_in):
    task_list = actions.do_create_task_list(alice, atlas, "Launch")
    client = signed_in(alice)
    response = client.post(url("community_tasks", atlas.slug), {
        "task_list": task_list.id, "title": "Legal review", "due_date": "31/02/2027"},
        follow=True)
    assert response.status_code == 200
    assert "for example 14/12/2026" in response.content.decode()
    assert not Task.objects.filter(title="Legal review").exists()


def test_an_event_start_is_read_as_day_month_year_with_its_time(alice, atlas, signed_in):
    year = timezone.now().year + 1
    response = signed_in(alice).post(url("community_events", atlas.slug), {
        "title": "Summer party", "starts_at": f"14/06/{year} 18:30",
        "timezone": "Europe/Paris"})
    assert response.status_code == 302
    event = Event.objects.get(title="Summer party")
    local = timezone.localtime(event.starts_at, dt.timezone(dt.timedelta(hours=2)))
    assert (local.year, local.month, local.day, local.hour, local.minute) == (year, 6, 14, 18, 30)


def test_date_fields_show_the_french_format_to_french_readers(alice, atlas, signed_in):
    actions.do_create_task_list(alice, atlas, "Launch")
    client = signed_in(alice, HTTP_ACCEPT_LANGUAGE="fr")
    tasks = client.get(url("community_tasks", atlas.slug)).content.decode()
    events = client.get(url("community_events", atlas.slug)).content.decode()
    assert 'type="date"' not in tasks and 'type="datetime-local"' not in events
    assert re.search(r'<input type="text" name="due_date"[^>]*placeholder="jj/mm/aaaa"', tasks)
    assert re.search(r'<input type="text" name="starts_at"[^>]*placeholder="jj/mm/aaaa hh:mm"',
                     events)


def test_date_fields_show_the_iso_format_to_english_readers(alice, atlas, signed_in):
    actions.do_create_task_list(alice, atlas, "Launch")
    tasks = signed_in(alice).get(url("community_tasks", atlas.slug)).content.decode()
    assert re.search(r'<input type="text" name="due_date"[^>]*placeholder="yyyy-mm-dd"', tasks)


def test_a_saved_deadline_is_shown_back_in_the_readers_format(alice, signed_in):
    deadline = timezone.now().replace(microsecond=0) + dt.timedelta(days=30)
    community = actions.do_create_community(alice, "Tender Lyon", deadline=deadline)
    page = signed_in(alice, HTTP_ACCEPT_LANGUAGE="fr").get(
        url("community_settings", community.slug)).content.decode()
    shown = timezone.localtime(deadline).strftime("%d/%m/%Y %H:%M")
    assert f'value="{shown}"' in page


def test_folders_have_a_folder_icon(alice, atlas, signed_in):
    actions.do_create_folder(alice, atlas, "Bid documents")
    page = signed_in(alice).get(url("community_files", atlas.slug)).content.decode()
    row = re.search(r"<li><a [^>]*\?folder=.*?</li>", page, flags=re.S).group(0)
    assert "icon-folder" in row and "icon-list" not in row


def test_new_event_and_new_idea_forms_wait_behind_a_button(alice, atlas, signed_in):
    client = signed_in(alice)
    for tab, label in (("community_events", "New event"), ("community_ideas", "Submit an idea")):
        page = client.get(url(tab, atlas.slug)).content.decode()
        found = re.search(r'<details class="disclosure[^"]*">\s*<summary[^>]*>(.*?)</summary>'
                          r'(.*?)</details>', page, flags=re.S)
        assert found, tab
        assert label in found.group(1) and "<form" in found.group(2)


def test_the_task_status_is_one_row_of_buttons_with_no_update_button(task, alice, atlas,
                                                                     signed_in):
    page = signed_in(alice).get(url("community_tasks", atlas.slug)).content.decode()
    row = re.search(rf'<li class="task[^"]*" id="task-{task.id}">.*?</li>', page,
                    flags=re.S).group(0)
    assert ">Update<" not in row and "<select" not in row
    assert len(re.findall(r'<button type="submit" name="status" value="', row)) == 3
    assert 'value="todo" class="segment" aria-pressed="true"' in row
    assert "hx-post=" in row


def test_a_status_button_changes_the_status_without_javascript(task, alice, atlas, signed_in):
    response = signed_in(alice).post(url("community_task_action", atlas.slug, task.id, "update"),
                                     {"status": "doing"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == "doing"


def test_a_status_button_through_htmx_swaps_the_tasks_row(task, alice, atlas, signed_in):
    response = signed_in(alice).post(url("community_task_action", atlas.slug, task.id, "update"),
                                     {"status": "done"}, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith(f'<li class="task task-done" id="task-{task.id}">')
    assert 'value="done" class="segment" aria-pressed="true"' in body
    assert "Task updated." in body
    task.refresh_from_db()
    assert task.status == "done"


def test_an_outsider_cannot_change_a_task_status(task, atlas, carol, signed_in):
    response = signed_in(carol).post(url("community_task_action", atlas.slug, task.id, "update"),
                                     {"status": "done"}, **HTMX)
    assert response.status_code in (403, 404)
    task.refresh_from_db()
    assert task.status == "todo"
