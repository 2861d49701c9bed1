"""Beneficial owners under each regime, their paths, and circular holdings."""

from __future__ import annotations

import json

import pytest

import orgmodel as om
from _ownership_helpers import DEEP, build, deep_chain
from orgmodel.analysis.ownership import paths as _paths

NAMES = {"alice": "Alice", "hold": "AS Holdings Ltd", "acme": "Acme LLP", "bob": "Bob"}


def _owners(
    org: om.Organization, entity: str = "acme", **options: object
) -> dict[str, om.BeneficialOwner]:
    return {o.person: o for o in om.beneficial_owners(org, entity, **options)}  # type: ignore[arg-type]


def test_path_text_uses_names():
    """A path reads 'Alice → AS Holdings Ltd (100%) → Acme LLP (40%)'."""
    org = build(
        [("alice", "hold", 1.0), ("hold", "acme", 0.4), ("bob", "acme", 0.6)],
        people=["alice", "bob"],
        names=NAMES,
    )
    alice = _owners(org)["alice"]
    assert [str(p) for p in alice.paths] == ["Alice → AS Holdings Ltd (100%) → Acme LLP (40%)"]
    assert alice.paths[0].share.value == pytest.approx(0.4)
    assert alice.certain
    assert alice.paths_complete


# (regime, threshold comparison strict?): exactly 25% is in except under the UK PSC rule.
EXACTLY_25 = [(None, True), ("eu-amlr", True), ("us-cta", True), ("uk-psc", False)]


@pytest.mark.parametrize(("regime", "counts"), EXACTLY_25)
def test_exactly_25_percent_direct(regime, counts):
    """A direct holding of exactly 25% qualifies except under the UK PSC 'more than'."""
    org = build([("alice", "acme", 0.25), ("bob", "acme", 0.75)], people=["alice", "bob"])
    assert ("alice" in _owners(org, regime=regime)) is counts


@pytest.mark.parametrize(("regime", "counts"), EXACTLY_25)
def test_exactly_25_percent_through_a_chain(regime, counts):
    """50% of a holding that has 50%: exactly 25% multiplied; 0 under majority-chain."""
    org = build(
        [("alice", "hold", 0.5), ("bob", "hold", 0.5), ("hold", "acme", 0.5)],
        people=["alice", "bob"],
    )
    owners = _owners(org, regime=regime)
    assert ("alice" in owners) is counts
    if counts:
        assert owners["alice"].share.value == pytest.approx(0.25)


@pytest.mark.parametrize(
    ("regime", "expected"),
    [(None, 0.255), ("eu-amlr", 0.255), ("us-cta", 0.255), ("uk-psc", 0.5)],
)
def test_just_over_50_percent_is_a_majority(regime, expected):
    """51% of a holding with 50%: 25.5% multiplied; the UK PSC rule attributes all 50%."""
    org = build(
        [("alice", "hold", 0.51), ("bob", "hold", 0.49), ("hold", "acme", 0.5)],
        people=["alice", "bob"],
    )
    assert _owners(org, regime=regime)["alice"].share.value == pytest.approx(expected)


@pytest.mark.parametrize("regime", [None, "eu-amlr", "us-cta", "uk-psc"])
def test_exactly_50_percent_is_no_majority(regime):
    """Exactly 50% of a holding that has 60%: 30% multiplied, nothing under UK PSC."""
    org = build(
        [("alice", "hold", 0.5), ("bob", "hold", 0.5), ("hold", "acme", 0.6)],
        people=["alice", "bob"],
    )
    owners = _owners(org, regime=regime)
    if regime == "uk-psc":
        assert owners == {}
        chain = om.effective_ownership(org, "acme", rule="majority-chain")
        assert list(chain) == ["hold"]  # the chain stops at the holding: no majority
    else:
        assert owners["alice"].share.value == pytest.approx(0.3)


def test_uk_psc_paths_attribute_whole_holding():
    """Under UK PSC the path contributes the last holding whole."""
    org = build(
        [("alice", "hold", 0.6), ("bob", "hold", 0.4), ("hold", "acme", 0.3)],
        people=["alice", "bob"],
        names=NAMES,
    )
    alice = _owners(org, regime=om.Regime.UK_PSC)["alice"]
    assert alice.rule is om.OwnershipRule.MAJORITY_CHAIN
    assert [str(p) for p in alice.paths] == ["Alice → AS Holdings Ltd (60%) → Acme LLP (30%)"]
    assert alice.paths[0].share.value == pytest.approx(0.3)


def test_uk_psc_links_follow_votes():
    """Majority links are judged on votes where they are recorded."""
    org = om.Organization(
        name="v",
        people=[om.Person("alice", "Alice"), om.Person("bob", "Bob")],
        entities=[om.Entity("acme", "Acme"), om.Entity("hold", "Hold")],
        stakes=[
            om.Stake("alice", "hold", om.Share.exact(0.4), voting=om.Share.exact(0.7)),
            om.Stake("bob", "hold", om.Share.exact(0.6), voting=om.Share.exact(0.3)),
            om.Stake("hold", "acme", om.Share.exact(0.3)),
        ],
    )
    assert list(_owners(org, regime="uk-psc")) == ["alice"]


def test_two_paths_listed_largest_first():
    """Both paths of a person are listed, largest first."""
    org = build(
        [("alice", "acme", 0.1), ("alice", "hold", 0.6), ("hold", "acme", 0.5)],
        people=["alice"],
        names=NAMES,
    )
    alice = _owners(org)["alice"]
    assert alice.share.value == pytest.approx(0.4)
    assert [round(p.share.value, 6) for p in alice.paths] == [0.3, 0.1]


def test_ranges_definitely_and_possibly():
    """Lower bound over the threshold: definitely; only the upper bound: possibly."""
    org = build(
        [
            ("alice", "acme", om.Share.between(0.3, 0.4)),
            ("bob", "acme", om.Share.between(0.1, 0.3)),
        ],
        people=["alice", "bob"],
    )
    owners = om.beneficial_owners(org, "acme")
    assert [(o.person, o.certain) for o in owners] == [("alice", True), ("bob", False)]
    assert "possibly" in str(owners[1])


def test_entities_are_not_beneficial_owners():
    """An unowned entity at the top is no beneficial owner: only people are."""
    org = build([("fund", "acme", 0.6), ("alice", "acme", 0.4)], people=["alice"])
    assert [o.person for o in om.beneficial_owners(org, "acme")] == ["alice"]


def test_threshold_option():
    """A lower threshold lets smaller holders in."""
    org = build([("alice", "acme", 0.9), ("bob", "acme", 0.1)], people=["alice", "bob"])
    assert [o.person for o in om.beneficial_owners(org, "acme", threshold=0.1)] == [
        "alice",
        "bob",
    ]


@pytest.mark.parametrize("threshold", [-0.1, 1.5, float("nan"), "25%", True])
def test_bad_threshold(threshold):
    """A threshold that is not a fraction is an OrgModelError."""
    org = build([("alice", "acme", 1.0)], people=["alice"])
    with pytest.raises(om.OrgModelError, match="'threshold' must be a fraction"):
        om.beneficial_owners(org, "acme", threshold=threshold)


def test_bad_regime_lists_allowed():
    """An unknown regime lists the allowed ones."""
    org = build([("alice", "acme", 1.0)], people=["alice"])
    with pytest.raises(om.OrgModelError, match="'uk-psc', 'eu-amlr', 'us-cta'"):
        om.beneficial_owners(org, "acme", regime="uk")


def test_to_dict_is_json():
    """to_dict gives JSON-compatible data with the path texts."""
    org = build(
        [("alice", "hold", 1.0), ("hold", "acme", om.Share.between(0.3, 0.4))],
        people=["alice"],
        names=NAMES,
    )
    data = om.beneficial_owners(org, "acme", regime="us-cta")[0].to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["share"] == {"minimum": 0.3, "maximum": 0.4}
    assert data["regime"] == "us-cta"
    paths = data["paths"]
    assert isinstance(paths, list)
    assert paths[0]["text"] == "Alice → AS Holdings Ltd (100%) → Acme LLP (30–40%)"


def test_cross_holding_owner_share_and_simple_path():
    """Around a cross-holding the share counts every walk; the path list is simple."""
    org = build(
        [("a", "b", 0.1), ("b", "a", 0.4), ("pa", "a", 0.6), ("pb", "b", 0.9)],
        people=["pa", "pb"],
    )
    owners = _owners(org, "a")
    assert owners["pa"].share.value == pytest.approx(5 / 8)
    assert [str(p) for p in owners["pa"].paths] == ["Pa → A (60%)"]
    assert [str(p) for p in owners["pb"].paths] == ["Pb → B (90%) → A (40%)"]


def test_path_search_is_capped(monkeypatch):
    """Past the path limit the list is cut and marked incomplete; the share is not."""
    monkeypatch.setattr(_paths, "PATH_LIMIT", 2)
    stakes = [("alice", f"h{i}", 1.0) for i in range(5)]
    stakes += [(f"h{i}", "acme", 0.1) for i in range(5)]
    org = build(stakes, people=["alice"])
    alice = om.beneficial_owners(org, "acme")[0]
    assert alice.share.value == pytest.approx(0.5)
    assert len(alice.paths) == 2
    assert not alice.paths_complete


def test_path_search_budget(monkeypatch):
    """The search stops after its step budget."""
    monkeypatch.setattr(_paths, "SEARCH_LIMIT", 3)
    stakes = [(f"e{i + 1}", f"e{i}", 1.0) for i in range(10)]
    stakes.append(("alice", "e10", 1.0))
    org = build(stakes, people=["alice"])
    alice = om.beneficial_owners(org, "e0")[0]
    assert alice.share.value == 1.0
    assert alice.paths == ()
    assert not alice.paths_complete


@pytest.mark.slow
def test_deep_chain_paths_without_recursion():
    """A 100,000-deep chain is explained without recursion (majority chain in full)."""
    org = deep_chain()
    (ann,) = om.beneficial_owners(org, "e0", regime="uk-psc")
    assert len(ann.paths[0].steps) == DEEP + 1
    (ann,) = om.beneficial_owners(org, "e0")
    # the multiplicative path search stops at its budget; the share does not need it
    assert ann.share.value == 1.0
    assert not ann.paths_complete


def test_singular_cycle_is_an_error():
    """beneficial_owners reports a wholly self-owned ring like effective_ownership."""
    org = build([("a", "b", 1.0), ("b", "a", 1.0), ("a", "acme", 0.5)])
    with pytest.raises(om.SingularOwnershipError):
        om.beneficial_owners(org, "acme")


# -- cycles -------------------------------------------------------------------


def test_cycles_lists_components():
    """Two separate rings are two groups, in entity order; a chain is none."""
    org = build(
        [
            ("c", "d", 0.2),
            ("d", "e", 0.2),
            ("e", "c", 0.2),
            ("a", "b", 0.1),
            ("b", "a", 0.1),
            ("b", "x", 1.0),
        ],
        entities=["a", "b", "c", "d", "e", "x"],
    )
    assert om.ownership_cycles(org) == (("a", "b"), ("c", "d", "e"))


def test_no_cycles():
    """An acyclic organisation has no circular holdings."""
    org = build([("ann", "a", 1.0), ("a", "b", 1.0)], people=["ann"])
    assert om.ownership_cycles(org) == ()
    assert om.ownership_cycles(om.Organization(name="empty")) == ()


@pytest.mark.slow
def test_cycles_of_a_long_ring():
    """A 100,000-entity ring is one group, found without recursion."""
    n = 100_000
    org = om.Organization(
        name="ring",
        entities=[om.Entity(f"e{i}", f"E{i}") for i in range(n)],
        stakes=[om.Stake(f"e{i}", f"e{(i + 1) % n}", om.Share.exact(0.5)) for i in range(n)],
    )
    (ring,) = om.ownership_cycles(org)
    assert len(ring) == n


def test_two_majority_holders_give_a_range():
    """Votes over 100% give an entity two majority holders: neither is certain."""
    org = om.Organization(
        name="v",
        people=[om.Person("ann", "Ann"), om.Person("bob", "Bob")],
        entities=[om.Entity("acme", "Acme"), om.Entity("hold", "Hold")],
        stakes=[
            om.Stake("ann", "hold", om.Share.exact(0.3), voting=om.Share.exact(0.7)),
            om.Stake("bob", "hold", om.Share.exact(0.7)),  # its share stands in for votes
            om.Stake("hold", "acme", om.Share.exact(0.4)),
        ],
    )
    result = om.effective_ownership(org, "acme", rule="majority-chain")
    # either could be the top, or (with no majority) the holding itself
    assert result == {k: om.Share(0.0, 0.4) for k in ("ann", "bob", "hold")}
    assert [o.certain for o in om.beneficial_owners(org, "acme", regime="uk-psc")] == [
        False,
        False,
    ]
