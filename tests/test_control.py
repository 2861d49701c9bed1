"""Control through majority-vote chains, and Banzhaf and Shapley–Shubik power."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orgmodel as om
from orgmodel import PowerMethod, Unallocated, banzhaf, controllers, shapley_shubik
from strategies import ownership_networks

Row = tuple[str, str, str] | tuple[str, str, str, str]


def build(rows: list[Row], *, people: tuple[str, ...] = ()) -> om.Organization:
    """An organisation from ``(holder, entity, share[, voting])`` rows.

    Ids starting with an upper-case letter are entities, the rest people.
    """
    ids = {r[0] for r in rows} | {r[1] for r in rows} | set(people)
    stakes = [
        om.Stake(
            r[0],
            r[1],
            om.Share.parse(r[2]),
            voting=om.Share.parse(r[3]) if len(r) == 4 else None,
        )
        for r in rows
    ]
    return om.Organization(
        name="t",
        people=[om.Person(i, i.title()) for i in sorted(ids) if not i[0].isupper()],
        entities=[om.Entity(i, i) for i in sorted(ids) if i[0].isupper()],
        stakes=stakes,
    )


def holders(org: om.Organization, entity: str) -> list[tuple[str, bool]]:
    return [(c.holder, c.certain) for c in controllers(org, entity)]


# -- control --------------------------------------------------------------------


def test_majority_chain_controls():
    """51% of a holding that holds 51% controls the bottom entity."""
    org = build([("ann", "H", "51%"), ("bob", "H", "49%"), ("H", "E", "51%"), ("cy", "E", "49%")])
    (found,) = controllers(org, "E")
    assert (found.holder, found.certain, found.chain) == ("ann", True, ("ann", "H", "E"))
    assert found.votes == om.Share.exact(0.51)
    assert found.via == ("H",)
    assert "Ann controls E" in found.explanation


def test_half_is_not_a_majority():
    """Exactly 50% does not control, directly or at any step of a chain."""
    assert controllers(build([("ann", "E", "50%"), ("bob", "E", "50%")]), "E") == ()
    org = build([("ann", "H", "50%"), ("bob", "H", "50%"), ("H", "E", "60%")])
    assert holders(org, "E") == [("H", True)]  # H is controlled by nobody
    assert "nobody controls H" in controllers(org, "E")[0].explanation


def test_votes_differ_from_shares():
    """Votes, not economic shares, decide control."""
    org = build([("ann", "E", "40%", "60%"), ("bob", "E", "60%", "40%")])
    assert holders(org, "E") == [("ann", True)]


def test_votes_fall_back_to_shares():
    """A stake without voting rights recorded votes with its share."""
    org = build([("ann", "E", "30%", "30%"), ("bob", "E", "70%")])
    assert holders(org, "E") == [("bob", True)]


def test_blocs_add_up_across_controlled_entities():
    """Two holdings with 30% each, both controlled by Ann, give her 60%."""
    org = build(
        [
            ("ann", "H1", "100%"),
            ("ann", "H2", "80%"),
            ("bob", "H2", "20%"),
            ("H1", "E", "30%"),
            ("H2", "E", "30%"),
            ("bob", "E", "40%"),
        ]
    )
    (found,) = controllers(org, "E")
    assert found.holder == "ann"
    assert found.votes == om.Share.exact(0.6)
    assert set(found.via) == {"H1", "H2"}


def test_nobody_controls():
    """Three minorities: no controller."""
    org = build([("ann", "E", "40%"), ("bob", "E", "35%"), ("cy", "E", "25%")])
    assert controllers(org, "E") == ()


@pytest.mark.parametrize(
    ("ann", "bob", "expected"),
    [
        ("55-70%", "10-20%", [("ann", True)]),
        ("40-60%", "10-20%", [("ann", False)]),
        ("30-60%", "30-60%", [("ann", False), ("bob", False)]),
        ("40-50%", "40-50%", []),
        ("45-55%", "45-55%", [("ann", False), ("bob", False)]),
    ],
)
def test_ranges_give_certain_or_possible_control(ann, bob, expected):
    """Certain control when the lower bound is a majority, possible when the upper is."""
    org = build([("ann", "E", ann), ("bob", "E", bob)])
    assert holders(org, "E") == expected


def test_possible_control_respects_the_others_lower_bounds():
    """Ann's upper bound is 70%, but Bob holds at least 60%: Ann cannot control."""
    org = build([("ann", "E", "0-70%"), ("bob", "E", "60-70%")])
    assert holders(org, "E") == [("bob", True)]


def test_possible_control_above_a_certain_one():
    """H certainly controls E; Ann may control H, so she may control E too."""
    org = build([("ann", "H", "40-60%"), ("bob", "H", "40%"), ("H", "E", "70%")])
    assert holders(org, "E") == [("H", True), ("ann", False)]


def test_control_loop_reports_the_nearest_member():
    """A and B hold 60% of each other: the one holding E controls it, in a loop."""
    rows: list[Row] = [("A", "B", "60%"), ("B", "A", "60%"), ("ann", "A", "40%")]
    rows_b: list[Row] = [*rows, ("ann", "B", "40%")]
    org = build([*rows_b, ("A", "E", "60%")])
    (found,) = controllers(org, "E")
    assert found.holder == "A"
    assert "loop" in found.explanation
    org = build([*rows_b, ("B", "E", "60%")])
    assert holders(org, "E") == [("B", True)]


@pytest.mark.parametrize("order", [0, 1])
def test_target_inside_a_control_loop(order):
    """A and B hold 60% of each other: asked about A, B controls it, in a loop."""
    rows: list[Row] = [
        ("A", "B", "60%"),
        ("B", "A", "60%"),
        ("ann", "A", "40%"),
        ("bob", "B", "40%"),
    ]
    org = build(rows if order else rows[::-1])
    (found,) = controllers(org, "A")
    assert (found.holder, found.certain, found.chain) == ("B", True, ("B", "A"))
    assert "loop" in found.explanation
    (found,) = controllers(org, "B")
    assert found.holder == "A"


def test_long_chain_is_iterative():
    """A 3,000-deep chain of majorities resolves without recursion."""
    depth = 3000
    rows: list[Row] = [("ann", "E0", "100%")]
    rows += [(f"E{k}", f"E{k + 1}", "60%") for k in range(depth)]
    (found,) = controllers(build(rows), f"E{depth}")
    assert found.holder == "ann"
    assert len(found.chain) == depth + 2


def test_unknown_entity():
    """Asking about an unknown entity is an UnknownReferenceError."""
    with pytest.raises(om.UnknownReferenceError, match="did you mean"):
        controllers(build([("ann", "Acme", "60%")]), "Acne")


def test_to_dict_is_plain():
    """to_dict gives JSON values."""
    (found,) = controllers(build([("ann", "E", "25-60%")]), "E")
    assert found.to_dict()["votes"] == {"minimum": 0.25, "maximum": 0.6}
    assert found.to_dict()["certain"] is False


# -- power indices -----------------------------------------------------------------


def game(weights: list[str]) -> om.Organization:
    return build([(f"p{i}", "E", w) for i, w in enumerate(weights)])


def approx(values: dict[str, float], expected: list[float], tol: float = 1e-9) -> bool:
    return all(
        math.isclose(v, e, abs_tol=tol) for v, e in zip(values.values(), expected, strict=True)
    )


@pytest.mark.parametrize("method", [PowerMethod.AUTO, PowerMethod.EXACT])
def test_textbook_50_49_1(method):
    """50/49/1: Banzhaf (3/5, 1/5, 1/5), Shapley–Shubik (2/3, 1/6, 1/6)."""
    org = game(["50%", "49%", "1%"])
    assert approx(banzhaf(org, "E", method=method), [3 / 5, 1 / 5, 1 / 5])
    assert approx(shapley_shubik(org, "E", method=method), [2 / 3, 1 / 6, 1 / 6])
    assert approx(banzhaf(org, "E", normalized=False), [3 / 4, 1 / 4, 1 / 4])


def test_enumeration_path_off_the_grid():
    """Votes off the ppm grid (thirds of 99%) use enumeration and stay exact."""
    third = 0.99 / 3
    org = build([(f"p{i}", "E", str(third)) for i in range(3)])
    assert approx(banzhaf(org, "E"), [1 / 3] * 3)
    assert approx(shapley_shubik(org, "E"), [1 / 3] * 3)
    org = build(
        [("p0", "E", repr(0.5 / 1.1)), ("p1", "E", repr(0.49 / 1.1)), ("p2", "E", repr(0.01 / 1.1))]
    )
    assert approx(banzhaf(org, "E"), [3 / 5, 1 / 5, 1 / 5])


@pytest.mark.parametrize("n", [2, 3, 5, 8])
def test_equal_weights_are_symmetric(n):
    """Equal holders have equal power."""
    org = game([f"{100 / n}%"] * n)
    for index in (banzhaf, shapley_shubik):
        assert approx(index(org, "E"), [1 / n] * n)


def test_dummy_player_has_no_power():
    """A holder who never swings has power 0: 60/30/10 with quota 50%."""
    org = game(["60%", "30%", "10%"])
    assert approx(banzhaf(org, "E"), [1, 0, 0])
    assert approx(shapley_shubik(org, "E"), [1, 0, 0])
    org = game(["40%", "30%", "29%", "1%"])  # 1% is a dummy, the rest are symmetric
    assert approx(shapley_shubik(org, "E"), [1 / 3, 1 / 3, 1 / 3, 0])


def test_quota_changes_the_game():
    """With a two-thirds quota, 50/49/1 needs 50 and 49 together: 50/50/0."""
    org = game(["50%", "49%", "1%"])
    assert approx(shapley_shubik(org, "E", quota=2 / 3), [1 / 2, 1 / 2, 0])


def test_unallocated_absent_or_float():
    """30/20 with 50% unallocated: absent → p0 decides; float → nobody can win."""
    org = game(["30%", "20%"])
    assert approx(banzhaf(org, "E"), [1, 0])
    assert approx(banzhaf(org, "E", unallocated=Unallocated.FLOAT), [0, 0])
    assert approx(shapley_shubik(org, "E", unallocated=Unallocated.FLOAT), [0, 0])


def brute(weights: list[float], quota: float) -> tuple[list[float], list[float]]:
    """Banzhaf (normalised) and Shapley–Shubik by listing coalitions and orders."""
    n = len(weights)
    line = quota * sum(weights) + 1e-9
    swings = [0] * n
    for mask in range(1 << n):
        total = sum(w for k, w in enumerate(weights) if mask >> k & 1)
        for i in range(n):
            if not mask >> i & 1 and total <= line < total + weights[i]:
                swings[i] += 1
    pivots = [0] * n
    orders = list(itertools.permutations(range(n)))
    for order in orders:
        running = 0.0
        for i in order:
            running += weights[i]
            if running > line:
                pivots[i] += 1
                break
    total_swings = sum(swings) or 1
    return [s / total_swings for s in swings], [p / len(orders) for p in pivots]


@settings(max_examples=40)
@given(
    st.lists(st.integers(0, 40), min_size=1, max_size=6),
    st.sampled_from([0.5, 0.6, 2 / 3]),
    st.booleans(),
)
def test_indices_match_brute_force(units, quota, off_grid):
    """Both exact paths agree with listing coalitions and orders; indices sum to 1."""
    scale = 0.97 / max(1, sum(units)) if off_grid else 0.01
    if sum(units) * 0.01 > 1:
        scale = 1 / sum(units)
    weights = [u * scale for u in units]
    org = build([(f"p{i}", "E", repr(w)) for i, w in enumerate(weights)])
    expected_bz, expected_ss = brute([float(repr(w)) for w in weights], quota)
    got_bz = banzhaf(org, "E", quota=quota)
    got_ss = shapley_shubik(org, "E", quota=quota)
    assert approx(got_bz, expected_bz, 1e-9)
    assert approx(got_ss, expected_ss, 1e-9)
    if any(expected_ss):
        assert math.isclose(sum(got_bz.values()), 1.0)
        assert math.isclose(sum(got_ss.values()), 1.0)


def test_monte_carlo_close_to_exact_on_25_holders():
    """Sampled indices are within 0.01 of the exact ones for 25 holders."""
    units = [12, 9, 8, 7, 6, 5, 5, 4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1]
    org = game([f"{u}%" for u in units])
    for index in (banzhaf, shapley_shubik):
        exact = index(org, "E", method=PowerMethod.EXACT)
        sampled = index(org, "E", method=PowerMethod.MONTE_CARLO, samples=100_000)
        assert max(abs(exact[k] - sampled[k]) for k in exact) < 0.01
        assert math.isclose(sum(exact.values()), 1.0)
        assert sampled == index(org, "E", method=PowerMethod.MONTE_CARLO, samples=100_000)


def test_many_holders_off_grid_fall_back_to_monte_carlo():
    """Thirty holders with votes off the grid are sampled; EXACT refuses clearly."""
    org = build([(f"p{i}", "E", repr(1 / 31 + i * 1e-9)) for i in range(30)])
    values = shapley_shubik(org, "E", samples=20_000)
    assert math.isclose(sum(values.values()), 1.0)
    assert all(abs(v - 1 / 30) < 0.01 for v in values.values())
    with pytest.raises(om.OrgModelError, match="MONTE_CARLO"):
        banzhaf(org, "E", method=PowerMethod.EXACT)


def test_no_holders_and_bad_options():
    """No holders → {}; a bad quota or option is a clear error."""
    org = om.Organization(name="t", entities=[om.Entity("E", "E")])
    assert banzhaf(org, "E") == {}
    assert shapley_shubik(org, "E") == {}
    with pytest.raises(om.ShareError, match="quota"):
        banzhaf(org, "E", quota=1.5)
    with pytest.raises(om.ShareError, match="quota"):
        banzhaf(org, "E", quota="half")  # type: ignore[arg-type]
    assert banzhaf(org, "E", method="exact") == {}
    with pytest.raises(om.OptionError, match=r"'method' must be one of .*did you mean 'exact'"):
        banzhaf(org, "E", method="exakt")
    with pytest.raises(om.OptionError, match="'unallocated'"):
        shapley_shubik(org, "E", unallocated="nowhere")
    with pytest.raises(om.OrgModelError, match="samples"):
        shapley_shubik(org, "E", samples=0)


# -- properties -------------------------------------------------------------------


def votes_of(org: om.Organization, holder: str, entity: str) -> om.Share | None:
    found = [s.voting or s.share for s in org.stakes if s.holder == holder and s.entity == entity]
    if not found:
        return None
    return om.Share(min(1.0, sum(v.lower for v in found)), min(1.0, sum(v.upper for v in found)))


@settings(max_examples=60)
@given(ownership_networks(ranges=True), st.data())
def test_controllers_are_consistent(org, data):
    """Every chain is made of real stakes, certain blocs are majorities, at most one is certain."""
    if not org.entities:
        return
    target = data.draw(st.sampled_from([e.id for e in org.entities]))
    found = controllers(org, target)
    assert sum(c.certain for c in found) <= 1
    assert len({c.holder for c in found}) == len(found)
    for c in found:
        assert c.entity == target
        assert c.chain[0] == c.holder
        assert c.chain[-1] == target
        assert c.holder != target
        for upper, lower in itertools.pairwise(c.chain):
            assert votes_of(org, upper, lower) is not None
        assert c.votes.upper > 0.5
        if c.certain:
            assert c.votes.lower > 0.5
    direct = {s.holder for s in org.stakes if s.entity == target}
    lows = [v.lower for h in direct if (v := votes_of(org, h, target)) is not None]
    if sum(lows) > 1 + 1e-9:
        return  # votes recorded for some, shares for others: more than 100% in all
    for holder in direct:
        votes = votes_of(org, holder, target)
        if votes is not None and votes.lower > 0.5 + 1e-9:
            # a direct majority means certain control, by the holder if a person
            assert found
            assert found[0].certain
            if isinstance(org.node(holder), om.Person):
                assert found[0].holder == holder


def test_more_than_sixty_holders_count_in_floating_point():
    """Past the 64-bit limit the exact count still runs: symmetric, a dummy, and vs sampling."""
    n = 61
    org = build([(f"p{i}", "E", repr(1 / n)) for i in range(n)])
    for index in (banzhaf, shapley_shubik):
        values = index(org, "E", method=PowerMethod.EXACT)
        assert approx(values, [1 / n] * n, 1e-12)
    rows: list[Row] = [("big", "E", "39%")]
    rows += [(f"p{i}", "E", "1%") for i in range(n)]
    rows.append(("zero", "E", "0%"))
    org = build(rows)
    for index in (banzhaf, shapley_shubik):
        exact = index(org, "E", method=PowerMethod.EXACT)
        sampled = index(org, "E", method=PowerMethod.MONTE_CARLO, samples=50_000)
        assert exact["zero"] == 0.0
        assert max(abs(exact[k] - sampled[k]) for k in exact) < 0.01
        assert math.isclose(sum(exact.values()), 1.0)


def test_enumeration_with_irrational_votes_matches_brute_force():
    """Votes with no small denominator are enumerated exactly (up to 20 holders)."""
    weights = [math.sqrt(k + 2) / 40 for k in range(9)]
    org = build([(f"p{i}", "E", repr(w)) for i, w in enumerate(weights)])
    expected_bz, expected_ss = brute([float(repr(w)) for w in weights], 0.5)
    assert approx(banzhaf(org, "E", method=PowerMethod.EXACT), expected_bz)
    assert approx(shapley_shubik(org, "E", method=PowerMethod.EXACT), expected_ss)
