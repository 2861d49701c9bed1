"""Stakes for the classifier: materiality on every measure, one comparison, no quadratic."""

import pytest

import orgmodel as om
from orgmodel.analysis.ownership.lookthrough import look_through
from orgmodel.analysis.roles import holdings as holdings_module

P, E = om.Person, om.Entity
L = om.RoleLabel


def share(x) -> om.Share:
    return om.Share.exact(x)


def one_holder(stake: om.Stake, *, kind=om.EntityKind.COMPANY, entities=()) -> om.Organization:
    """A firm 'co' in which 'p' (strategic, external work) holds *stake*."""
    return om.Organization(
        name="x",
        focal_entity="co",
        entities=[E("co", "Co", kind=kind), *entities],
        people=[P("p", "P", responsibilities=["strategy", "client_relationships"])],
        stakes=[stake],
    )


@pytest.mark.parametrize(
    "value",
    [0.05 - 5e-10, 0.05 - 1e-13, 0.05, 0.05 + 1e-13, 0.049, 0.051],
)
def test_label_and_sentence_agree_at_the_threshold(value):
    """The label and the 'below the threshold' sentence rest on one comparison."""
    a = om.classify(one_holder(om.Stake("p", "co", share(value))))["p"]
    below = "below the 5% materiality threshold" in a.evidence[0].text
    assert below is not a.material
    assert (a.label is L.PARTNER_LIKE) is a.material


def test_five_percent_less_a_hair_is_below():
    """5% - 5e-10 is below the threshold: neither, and the sentence says so (issue 9)."""
    a = om.classify(one_holder(om.Stake("p", "co", share(0.05 - 5e-10))))["p"]
    assert a.label is L.NEITHER
    assert a.evidence[0].text.endswith("below the 5% materiality threshold")


def test_products_of_shares_reach_the_threshold():
    """Half of a holding that owns 10% is 5%: float noise does not make it a token."""
    org = om.Organization(
        name="x",
        focal_entity="co",
        entities=[E("co", "Co"), E("h", "Hold")],
        people=[P("p", "P", responsibilities=["strategy"])],
        stakes=[om.Stake("p", "h", share(0.5)), om.Stake("h", "co", share(0.1))],
    )
    assert om.classify(org)["p"].material


@pytest.mark.parametrize(
    ("stake", "text"),
    [
        (om.Stake("p", "co", share(0.02), voting=share(0.12)),
         "holds 2% of Co, with 12% of its votes"),
        (om.Stake("p", "co", share(0.03), profit_share=share(0.06)),
         "takes 6% of the profits of Co"),
        (om.Stake("p", "co", share(0.08)), "holds 8% of Co"),
    ],
)  # fmt: skip
def test_every_measure_of_a_stake_can_make_it_count(stake, text):
    """Capital, votes or profits at the threshold make the stake count."""
    a = om.classify(one_holder(stake))["p"]
    assert a.material
    assert a.label is L.PARTNER_LIKE
    assert text in [e.text for e in a.evidence]


@pytest.mark.parametrize(
    ("kind", "profit", "material"),
    [
        (om.EntityKind.LLP, share(0.04), True),
        (om.EntityKind.PARTNERSHIP, share(0.01), True),
        (om.EntityKind.COMPANY, share(0.04), False),
        (om.EntityKind.LLP, None, False),  # capital only: judged on size
        (om.EntityKind.LLP, share(0.0), False),  # no share of the profits
    ],
)
def test_profit_sharing_member_of_a_partnership_counts_whatever_the_size(kind, profit, material):
    """An equity member of an LLP or partnership who shares profits holds a stake that counts."""
    a = om.classify(one_holder(om.Stake("p", "co", share(0.03), profit_share=profit), kind=kind))
    assert a["p"].material is material


def test_partnership_rule_is_configurable():
    """With no partnership kinds, a 3% member is judged on size alone."""
    org = one_holder(
        om.Stake("p", "co", share(0.03), profit_share=share(0.04)), kind=om.EntityKind.LLP
    )
    config = om.ClassifierConfig(partnership_kinds=frozenset())
    assert not om.classify(org, config=config)["p"].material


def test_corporate_member_shares_profits_through_its_owner():
    """A member holding through a company of their own shares the LLP's profits too."""
    org = om.Organization(
        name="x",
        focal_entity="co",
        entities=[E("co", "Co LLP", kind=om.EntityKind.LLP), E("h", "P Ltd")],
        people=[P("p", "P", responsibilities=["client_relationships"])],
        stakes=[om.Stake("p", "h", share(1.0)),
                om.Stake("h", "co", share(0.02), profit_share=share(0.03))],
    )  # fmt: skip
    a = om.classify(org)["p"]
    assert a.material
    assert "takes 3% of the profits of Co LLP" in [e.text for e in a.evidence]


def test_token_stake_leans_to_the_coo_side():
    """A 1% stake points the COO's way by the part of the threshold it is short of."""
    first = om.classify(one_holder(om.Stake("p", "co", share(0.01))))["p"].evidence[0]
    assert first.points is om.Direction.COO
    assert first.weight == pytest.approx(0.8)


def test_bad_partnership_kinds_are_a_clear_error():
    """partnership_kinds takes EntityKind values."""
    with pytest.raises(om.OrgModelError, match="'partnership_kinds' must be a set of EntityKind"):
        om.ClassifierConfig(partnership_kinds=["llp"])  # type: ignore[list-item]


# -- no focal entity: one block solve per measure, never one per entity ----------


def spy(monkeypatch) -> list[int]:
    """Record the number of targets of every look-through the classifier asks for."""
    calls: list[int] = []
    real = look_through

    def counting(org, entities, **options):
        calls.append(len(list(entities)))
        return real(org, entities, **options)

    monkeypatch.setattr(holdings_module, "look_through", counting)
    return calls


def operating_entities(n: int) -> om.Organization:
    """*n* operating companies, each held by its own owner through a holding company."""
    return om.Organization(
        name="group",
        people=[P(f"p{i}", f"P{i}", responsibilities=["strategy"]) for i in range(n)],
        entities=[E(f"op{i}", f"Op {i}") for i in range(n)]
        + [E(f"h{i}", f"Hold {i}") for i in range(n)],
        stakes=[om.Stake(f"p{i}", f"h{i}", share(1.0)) for i in range(n)]
        + [om.Stake(f"h{i}", f"op{i}", share(0.4), voting=share(0.5)) for i in range(n)],
    )


def test_operating_entities_are_looked_through_in_one_solve_per_measure(monkeypatch):
    """200 operating entities: one look-through per measure, each of all 200."""
    calls = spy(monkeypatch)
    roles = om.classify(operating_entities(200))
    assert calls == [200, 200]  # capital and votes; no profit shares recorded
    assert roles["p7"].stake == pytest.approx(0.4)
    assert roles["p7"].evidence[0].text == "holds 40% of Op 7 through Hold 7, with 50% of its votes"


def ring(n: int) -> om.Organization:
    """*n* entities each holding 30% of the next, each held 70% by its own person."""
    return om.Organization(
        name="ring",
        people=[P(f"p{i}", f"P{i}", responsibilities=["strategy"]) for i in range(n)],
        entities=[E(f"e{i}", f"E{i}") for i in range(n)],
        stakes=[om.Stake(f"e{i}", f"e{(i + 1) % n}", share(0.3)) for i in range(n)]
        + [om.Stake(f"p{i}", f"e{i}", share(0.7)) for i in range(n)],
    )


def test_ring_without_operating_entity_is_judged_on_direct_stakes(monkeypatch):
    """A ring of cross-holdings with no focal entity needs no look-through, and says so."""
    calls = spy(monkeypatch)
    roles = om.classify(ring(50))
    assert calls == []
    assert roles["p3"].evidence[0].text == "holds 70% of E3"
    assert [w.code for w in roles.warnings] == [om.ProblemCode.NO_FOCAL_ENTITY]


@pytest.mark.slow
def test_large_ring_is_classified_in_linear_work(monkeypatch):
    """20,000 cross-held entities (half an hour if each were looked through) need no solve."""
    calls = spy(monkeypatch)
    roles = om.classify(ring(20_000))
    assert calls == []
    assert sum(a.label is L.PARTNER_LIKE for a in roles.values()) == 20_000


def test_ring_above_an_operating_entity_is_looked_through_once(monkeypatch):
    """When the ring holds an operating company, that company alone is looked through."""
    base = ring(300)
    org = om.Organization(
        name="ring",
        people=base.people,
        entities=[*base.entities, E("op", "OpCo")],
        stakes=[*base.stakes, om.Stake("e0", "op", share(1.0))],
    )
    calls = spy(monkeypatch)
    roles = om.classify(org)
    assert calls == [1]
    assert roles["p0"].evidence[0].text.startswith("holds 70% of OpCo through E0")
