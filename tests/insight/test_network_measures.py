"""Each person's measures equal networkx's on the whole network, and mean what they say."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from essaim.insight import network


def _whole(days=90):
    return network.graph(network.undirected(network.directed_weights(days)))


def test_constraint_and_effective_size_equal_networkx_on_the_whole_network(planted):
    g = _whole()
    constraint = nx.constraint(g, weight="weight")
    size = nx.effective_size(g, weight="weight")
    for person in g.nodes:
        m = network.measures(person, 90)
        assert m.constraint == pytest.approx(constraint[person], abs=1e-6)
        assert m.effective_size == pytest.approx(size[person], abs=1e-6)
        assert m.ties == g.degree(person)


def test_the_broker_between_silos_is_the_least_constrained_and_the_most_diverse(planted):
    broker = planted["broker"]
    everyone = [p for people in planted["silos"].values() for p in people]
    measures = {p.id: network.measures(p.id, 90) for p in everyone}
    mine = measures[broker.id]
    assert mine.constraint == min(m.constraint for m in measures.values())
    assert mine.diversity == max(m.diversity for m in measures.values())
    assert mine.departments == 3
    assert mine.brokerage["liaison"] == 2  # Sales → broker → Support and back
    assert mine.brokerage["representative"] > 0  # R&D colleague → broker → another silo


def test_diversity_is_the_entropy_in_bits_of_tie_weight_over_groups(make_user, tie):
    me = make_user("me", department="R&D")
    a = make_user("a", department="R&D")
    b = make_user("b", department="Sales")
    guest = make_user("g", guest_of="Acme Corp")
    tie(me, a, 2)
    tie(b, me, 1)
    tie(me, guest, 1, kind="mention")
    m = network.measures(me.id, 90)
    shares = [0.5, 0.25, 0.25]  # R&D 2, Sales 1, Acme (its own group) 1
    assert m.diversity == pytest.approx(-sum(p * math.log2(p) for p in shares), abs=1e-6)
    assert m.ties == 3 and m.departments == 2


def _dept(make_user, name, dept):
    return make_user(name, department=dept)


def test_each_brokerage_role_is_counted_as_gould_and_fernandez_define_it(make_user, tie):
    b = _dept(make_user, "b", "B")
    same_b = _dept(make_user, "b2", "B")
    other_b = _dept(make_user, "b3", "B")
    a1, c1 = _dept(make_user, "a1", "A"), _dept(make_user, "c1", "A")
    x, y = _dept(make_user, "x", "X"), _dept(make_user, "y", "Y")
    tie(same_b, b)
    tie(b, other_b)  # coordinator: B → B → B
    tie(a1, b)
    tie(b, c1)  # itinerant: A → B → A
    # gatekeeper: A → B → B (a1 → b → other_b); representative: B → B → A (same_b → b → c1)
    tie(x, b)
    tie(b, y)  # liaison: X → B → Y
    roles = network.measures(b.id, 90).brokerage
    groups = {"b2": "B", "a1": "A", "x": "X"}, {"b3": "B", "c1": "A", "y": "Y"}
    expected = {"coordinator": 0, "itinerant": 0, "gatekeeper": 0, "representative": 0,
                "liaison": 0}
    for ga in groups[0].values():
        for gc in groups[1].values():
            if ga == gc == "B":
                expected["coordinator"] += 1
            elif ga == gc:
                expected["itinerant"] += 1
            elif gc == "B":
                expected["gatekeeper"] += 1
            elif ga == "B":
                expected["representative"] += 1
            else:
                expected["liaison"] += 1
    assert {k: roles[k] for k in expected} == expected == {
        "coordinator": 1, "itinerant": 1, "gatekeeper": 2, "representative": 2, "liaison": 3}
    assert roles["total"] == 9


def test_a_two_path_closed_by_a_direct_tie_is_no_brokerage(make_user, tie):
    a, b, c = (make_user(n, department=d) for n, d in (("a", "A"), ("b", "B"), ("c", "C")))
    tie(a, b)
    tie(b, c)
    assert network.measures(b.id, 90).brokerage["liaison"] == 1
    tie(a, c)
    assert network.measures(b.id, 90).brokerage["liaison"] == 0


def test_a_person_with_no_ties_gets_nulls_and_a_reason(make_user):
    m = network.measures(make_user("alone").id, 90)
    assert m.ties == 0 and m.constraint is None and m.diversity is None and m.reason


def test_deactivated_people_and_old_interactions_drop_out(make_user, tie):
    me, gone, old = (make_user(n, department="R&D") for n in ("me", "gone", "old"))
    tie(me, gone)
    tie(me, old, days_ago=40)
    gone.is_active = False
    gone.save()
    assert network.measures(me.id, 90).ties == 1
    assert network.measures(me.id, 30).ties == 0
