"""Vacant posts are never classified: no assessment, no label, counted in no summary."""

from pathlib import Path

import pytest
from hypothesis import given, settings

import orgmodel as om
from strategies import classify_or_skip, organizations

P, U, E = om.Person, om.Unit, om.Entity
L = om.RoleLabel
ORGANOGRAM = Path(__file__).parent / "data" / "tables" / "organogram-2024-03-31-senior.csv"


def firm(**vacancy: object) -> om.Organization:
    """An owner at the top, a COO over two heads, and one vacant post (*vacancy* fields)."""
    post = {"title": "Head of Sales", "manager": "ceo", "unit": "sales", **vacancy}
    return om.Organization(
        name="Firm",
        entities=[E("co", "Co Ltd")],
        units=[U("sales", "Sales"), U("fin", "Finance"), U("it", "IT")],
        people=[
            P("ceo", "Cy", title="CEO & Founder", responsibilities=["strategy"]),
            P("coo", "Olu", title="Chief Operating Officer", manager="ceo"),
            P("fh", "Fay", title="Head of Finance", manager="coo", unit="fin"),
            P("ih", "Ian", title="Head of IT", manager="coo", unit="it"),
            P("v", "Vacant", vacant=True, **post),  # type: ignore[arg-type]
        ],
        stakes=[om.Stake("ceo", "co", om.Share.exact(1.0))],
    )


@pytest.mark.parametrize(
    "vacancy",
    [
        {},
        {"title": "Managing Partner", "responsibilities": ["strategy", "client_relationships"]},
        {"title": "Chief Operating Officer", "responsibilities": ["operations", "budgeting"]},
        {"title": "Operating Partner", "employment": om.Employment.PARTNER},
        {"manager": "coo", "title": "Head of Operations", "unit": "fin"},
    ],
    ids=["plain", "partner-profile", "coo-profile", "hybrid-profile", "inside-a-unit"],
)
def test_vacancy_has_no_assessment_whatever_the_post_says(vacancy):
    """However partner- or COO-like the post reads, a vacancy gets no entry and no label."""
    roles = om.classify(firm(**vacancy))
    assert "v" not in roles
    assert roles.vacancies == ("v",)
    assert list(roles) == ["ceo", "coo", "fh", "ih"]


def test_vacancies_are_listed_in_file_order():
    """Classification.vacancies names every vacant post once, in the file's order."""
    org = om.Organization(
        name="x",
        people=[P("z", "Vacant", vacant=True), P("a", "Ann"), P("m", "Vacant", vacant=True)],
    )
    roles = om.classify(org)
    assert roles.vacancies == ("z", "m")
    assert list(roles) == ["a"]


def test_no_vacancies_gives_an_empty_tuple():
    """An organisation with every post filled lists no vacancies."""
    assert om.classify(om.example()).vacancies == ()


def test_looking_up_a_vacancy_says_it_is_vacant():
    """roles[vacant id] raises a KeyError naming the post as vacant, not a bare id."""
    roles = om.classify(firm())
    with pytest.raises(KeyError, match="'v' is a vacant post: vacancies are not classified"):
        roles["v"]


def test_looking_up_an_unknown_id_is_a_plain_key_error():
    """An id that is no post at all raises the ordinary KeyError of a dict."""
    roles = om.classify(firm())
    with pytest.raises(KeyError) as caught:
        roles["nobody"]
    assert caught.value.args == ("nobody",)
    assert roles.get("v") is None


def test_vacancy_leaves_everyone_elses_labels_as_if_it_were_absent():
    """A vacant post changes no one's label: the same firm without the post labels alike."""
    with_post = om.classify(firm(title="Managing Partner", responsibilities=["strategy"]))
    org = firm()
    without = om.classify(om.Organization(
        name=org.name, entities=org.entities, units=org.units, stakes=org.stakes,
        people=[p for p in org.people if not p.vacant],
    ))  # fmt: skip
    assert {k: a.label for k, a in with_post.items()} == {k: a.label for k, a in without.items()}


@pytest.mark.filterwarnings("ignore::orgmodel.exceptions.DeclaredFigureWarning")  # random registers
@given(organizations(max_people=15))
@settings(max_examples=80)
def test_random_organisations_classify_exactly_the_filled_posts(org):
    """Every filled post has an assessment; no vacant post has one, and each is listed."""
    roles = classify_or_skip(org)
    assert list(roles) == [p.id for p in org.people if not p.vacant]
    assert roles.vacancies == tuple(p.id for p in org.people if p.vacant)


def test_organogram_vacancies_are_not_classified():
    """A UK organogram's "Vacant" posts are listed as vacancies, the rest classified."""
    org = om.load(ORGANOGRAM)
    roles = om.classify(org)
    assert roles.vacancies == ("DG002", "DD001")
    assert set(roles) == {p.id for p in org.people} - {"DG002", "DD001"}
    assert roles["DG001"].label is L.COO_LIKE  # Director General Operations, no owners
    assert not any(a.label in (L.PARTNER_LIKE, L.HYBRID) for a in roles.values())


def test_collaboration_accepts_a_classification_without_vacancies():
    """collaboration(org, roles=classify(org)) works when some posts are vacant."""
    org = firm(title="Managing Partner", responsibilities=["strategy"])
    summary = om.collaboration(org, roles=om.classify(org))
    assert "v" not in summary.operational
    assert [p.partner for p in summary.partners] == ["ceo"]


def test_classification_frame_has_no_vacancy_row():
    """The DataFrame has one row per assessed person, none for a vacant post."""
    pytest.importorskip("pandas")
    frame = om.classification_frame(firm())
    assert list(frame.index) == ["ceo", "coo", "fh", "ih"]


def test_chart_legend_counts_no_vacancy_as_neither():
    """Coloured by role, a vacancy is drawn as a vacancy, not as a 'Neither' member."""
    org = om.Organization(
        name="x",
        entities=[E("co", "Co")],
        people=[
            P("a", "Ann", responsibilities=["strategy", "client_relationships"]),
            P("v", "Vacant", manager="a", vacant=True),
        ],
        stakes=[om.Stake("a", "co", om.Share.exact(1.0))],
    )
    source = om.org_chart(org).source
    assert "Partner-like" in source
    assert "Neither" not in source
