from collections.abc import Mapping

import pytest

import orgmodel as om
from orgmodel.vocabulary import DEFAULT_VOCABULARY, Axis, Lean, Tag, Vocabulary

# The terms of the background note, each with the way it must lean.
NOTE_TERMS = [
    ("vision", {Lean.STRATEGIC}),
    ("strategy", {Lean.STRATEGIC}),
    ("long_term_planning", {Lean.STRATEGIC}),
    ("governance", {Lean.STRATEGIC}),
    ("business_development", {Lean.STRATEGIC, Lean.EXTERNAL}),
    ("sales", {Lean.EXTERNAL}),
    ("marketing", {Lean.EXTERNAL}),
    ("client_relationships", {Lean.EXTERNAL}),
    ("investor_relations", {Lean.STRATEGIC, Lean.EXTERNAL}),
    ("supplier_relationships", {Lean.EXTERNAL}),
    ("fundraising", {Lean.STRATEGIC, Lean.EXTERNAL}),
    ("operations", {Lean.OPERATIONAL, Lean.INTERNAL}),
    ("execution", {Lean.OPERATIONAL}),
    ("process_improvement", {Lean.OPERATIONAL, Lean.INTERNAL}),
    ("efficiency", {Lean.OPERATIONAL, Lean.INTERNAL}),
    ("logistics", {Lean.OPERATIONAL}),
    ("coordination", {Lean.OPERATIONAL, Lean.INTERNAL}),
    ("internal_communication", {Lean.INTERNAL}),
    ("department_management", {Lean.OPERATIONAL, Lean.INTERNAL}),
    ("collaboration", {Lean.INTERNAL}),
]


def test_at_least_thirty_tags():
    """The default vocabulary has at least 30 tags."""
    assert len(DEFAULT_VOCABULARY) >= 30


@pytest.mark.parametrize(("name", "leans"), NOTE_TERMS)
def test_terms_of_the_note(name, leans):
    """Every term of the background note is a tag leaning the way the note says."""
    assert DEFAULT_VOCABULARY[name].leans == frozenset(leans)


def test_every_tag_is_well_formed():
    """Names are snake_case keys, every tag leans somewhere and is described."""
    for name, tag in DEFAULT_VOCABULARY.items():
        assert tag.name == name
        assert tag.leans
        assert tag.description


def test_both_sides_of_both_axes_are_covered():
    """There are tags on each side of the focus and orientation axes."""
    covered = {lean for tag in DEFAULT_VOCABULARY.values() for lean in tag.leans}
    assert covered == set(Lean)


@pytest.mark.parametrize(
    ("lean", "axis", "partner_side"),
    [
        (Lean.STRATEGIC, Axis.FOCUS, True),
        (Lean.OPERATIONAL, Axis.FOCUS, False),
        (Lean.EXTERNAL, Axis.ORIENTATION, True),
        (Lean.INTERNAL, Axis.ORIENTATION, False),
    ],
)
def test_lean_axis_and_side(lean, axis, partner_side):
    """Each lean lies on one axis and one side of it."""
    assert lean.axis is axis
    assert lean.partner_side is partner_side


def test_leans_toward():
    """Tag.leans_toward tells whether a tag leans a given way."""
    tag = DEFAULT_VOCABULARY["business_development"]
    assert tag.leans_toward(Lean.EXTERNAL)
    assert not tag.leans_toward(Lean.INTERNAL)


def test_vocabulary_is_a_read_only_mapping():
    """A Vocabulary is a Mapping without item assignment."""
    assert isinstance(DEFAULT_VOCABULARY, Mapping)
    assert "strategy" in DEFAULT_VOCABULARY
    assert "nonsense" not in DEFAULT_VOCABULARY
    with pytest.raises(TypeError):
        DEFAULT_VOCABULARY["x"] = Tag("x", {Lean.INTERNAL})  # type: ignore[index]
    with pytest.raises(KeyError):
        _ = DEFAULT_VOCABULARY["nonsense"]


def test_extend_adds_without_changing_the_original():
    """extend returns a larger vocabulary; the default is unchanged."""
    before = len(DEFAULT_VOCABULARY)
    bigger = DEFAULT_VOCABULARY.extend([Tag("pitching", {Lean.EXTERNAL}, "pitches")])
    assert len(bigger) == before + 1
    assert len(DEFAULT_VOCABULARY) == before
    assert "pitching" not in DEFAULT_VOCABULARY


def test_extend_replaces_a_tag_of_the_same_name():
    """A custom tag with a default tag's name replaces it."""
    replaced = DEFAULT_VOCABULARY.extend([Tag("sales", {Lean.INTERNAL}, "internal sales ops")])
    assert replaced["sales"].leans == frozenset({Lean.INTERNAL})
    assert len(replaced) == len(DEFAULT_VOCABULARY)


def test_vocabularies_are_hashable_and_comparable():
    """Equal vocabularies are equal and hash alike."""
    a = Vocabulary({"x": Tag("x", {Lean.INTERNAL})})
    b = Vocabulary({"x": Tag("x", {Lean.INTERNAL})})
    assert a == b
    assert hash(a) == hash(b)


@pytest.mark.parametrize("name", ["Client", "two words", "", "1st", "dash-ed", 5])
def test_tag_names_are_snake_case(name):
    """Tag names must be lower_snake_case."""
    with pytest.raises(ValueError, match="lower_snake_case"):
        Tag(name, {Lean.EXTERNAL})


@pytest.mark.parametrize(
    "leans",
    [
        set(),
        {Lean.STRATEGIC, Lean.OPERATIONAL},
        {Lean.EXTERNAL, Lean.INTERNAL},
        {"external"},
    ],
)
def test_tag_leans_are_checked(leans):
    """A tag leans at least one way, at most one way per axis, with Lean values."""
    with pytest.raises(ValueError, match="'leans'"):
        Tag("x", leans)


def test_organisation_vocabulary_includes_custom_tags():
    """Organization.vocabulary is the default one extended with custom_tags."""
    plain = om.Organization(name="x")
    assert plain.vocabulary is DEFAULT_VOCABULARY
    tag = Tag("deal_origination", {Lean.STRATEGIC, Lean.EXTERNAL}, "originates deals")
    org = om.Organization(name="x", custom_tags=[tag])
    assert org.vocabulary["deal_origination"] == tag
    assert len(org.vocabulary) == len(DEFAULT_VOCABULARY) + 1
