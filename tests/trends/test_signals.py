"""The weak-signal detector: new subjects spreading, and what naive counting would flag."""

from __future__ import annotations

import json

import pytest

from essaim.cli import main
from essaim.trends import queries
from essaim.trends.models import COMPANY, Signal

SAID = [
    "Premier essai de l'hydrogène vert sur le site de Lyon",
    "Green hydrogen could power the new plant, says the pilot team",
    "Qui suit le dossier hydrogène vert côté achats ?",
    "Our suppliers ask about green hydrogen contracts",
    "L'hydrogène vert sera au programme du comité",
    "Budget request for the green hydrogen study sent",
]


def _terms(viewer=None):
    return [s.term for s in queries.signals(viewer, COMPANY, limit=10)]


def test_a_new_subject_picked_up_across_departments_is_a_signal(crowd, say, refresh):
    for i, text in enumerate(SAID):
        say(crowd[i], text, hours_ago=30 - i * 4)
    refresh()
    found = queries.signals(crowd[7], COMPANY, limit=10)
    assert found, "no signal"
    signal = found[0]
    everything = {signal.term, *signal.related}
    assert any("hydrog" in t for t in everything)
    assert signal.people == 6 and signal.departments == 4
    assert len(signal.samples) == 3


def test_phrasings_of_one_subject_make_one_signal(crowd, say, refresh):
    for i, text in enumerate(SAID):
        say(crowd[i], text, hours_ago=30 - i * 4)
    refresh()
    hydrogen = [s for s in queries.signals(crowd[7], COMPANY, limit=10)
                if any("hydrog" in t for t in [s.term, *s.related])]
    assert len(hydrogen) == 1
    assert {"green hydrogen", "hydrogène vert"} <= {hydrogen[0].term, *hydrogen[0].related}


def test_one_person_repeating_a_word_is_no_signal(crowd, say, refresh):
    for i in range(40):
        say(crowd[0], f"Ma recette de #kombucha maison, épisode {i}", hours_ago=40 - i)
    refresh()
    assert not [t for t in _terms(crowd[1]) if "kombucha" in t]


def test_an_announcement_answered_by_everyone_is_no_signal(crowd, say, refresh, make_user):
    news = make_user("news", name="Company news", department="Communication")
    announcement = say(news, "Lancement du programme Orion pour toute l'entreprise", hours_ago=20)
    for i, person in enumerate(crowd):
        say(person, "Bravo pour le programme Orion !", in_reply_to=announcement,
            hours_ago=19 - i)
    for person in crowd[:6]:
        say(person, "À lire : Lancement du programme Orion pour toute l'entreprise",
            hours_ago=10)
    refresh()
    assert not [t for t in _terms(crowd[1]) if "orion" in t]


def test_a_weekly_term_is_no_signal(crowd, say, refresh):
    for week in range(1, 5):
        for person in crowd[:8]:
            say(person, "Notre point hebdo commence", hours_ago=24 * 7 * week + 2)
    for person in crowd[:8]:
        say(person, "Notre point hebdo commence", hours_ago=2)
    refresh()
    assert not [t for t in _terms(crowd[1]) if "hebdo" in t]


def test_signals_are_ordered_best_first_in_the_api(crowd, say, refresh, client):
    for i, text in enumerate(SAID):
        say(crowd[i], text, hours_ago=30 - i * 4)
    refresh()
    client.force_login(crowd[8])
    items = client.get("/api/essaim/v1/signals", {"limit": 10}).json()["items"]
    assert items
    assert set(items[0]) == {"term", "related", "score", "first_seen", "posts", "people",
                             "departments", "samples"}
    assert [i["score"] for i in items] == sorted((i["score"] for i in items), reverse=True)
    assert all(isinstance(s, str) for s in items[0]["samples"])


def test_samples_are_only_posts_the_viewer_may_read(crowd, say, refresh, make_user):
    for i, text in enumerate(SAID):
        say(crowd[i], text, hours_ago=30 - i * 4)
    refresh()
    from essaim.graph.actions import do_block

    do_block(crowd[0], crowd[9])  # the first author blocks a reader
    signal = queries.signals(crowd[9], COMPANY, limit=1)[0]
    stored = Signal.objects.get(scope=COMPANY, rank=1)
    first_post = [p for p in stored.post_ids][-1]
    assert first_post not in {p.id for p in signal.samples}
    assert all(p.author_id != crowd[0].id for p in signal.samples)


def test_a_deactivated_persons_posts_stop_counting_at_the_next_refresh(crowd, say, refresh):
    for i, text in enumerate(SAID):
        say(crowd[i], text, hours_ago=30 - i * 4)
    refresh()
    before = queries.signals(crowd[9], COMPANY, limit=1)[0].people
    for person in crowd[:3]:
        person.is_active = False
        person.save(update_fields=["is_active"])
    refresh()
    after = [s for s in queries.signals(crowd[9], COMPANY, limit=10)
             if any("hydrog" in t for t in [s.term, *s.related])]
    assert before == 6
    assert after and after[0].people == 3


def test_the_command_line_prints_the_same_items_as_the_api(crowd, say, refresh, capsys,
                                                          client):
    for i, text in enumerate(SAID):
        say(crowd[i], text, hours_ago=30 - i * 4)
    refresh()
    assert main(["signals", "--json", "--limit", "5"]) == 0
    printed = json.loads(capsys.readouterr().out)
    client.force_login(crowd[8])
    api = client.get("/api/essaim/v1/signals", {"limit": 5}).json()
    assert [i["term"] for i in printed["items"]] == [i["term"] for i in api["items"]]
    assert printed["items"][0]["samples"] == api["items"][0]["samples"]
    assert main(["signals"]) == 0
    assert "hydrog" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["signals", "--limit", "0"], ["signals", "--limit", "x"]])
def test_the_command_line_refuses_a_bad_limit(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
