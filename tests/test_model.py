import math
import sys
from typing import Any

import attrs
import pytest

import orgmodel as om
from orgmodel.problems import ProblemCode, Severity

P = om.Person


def _org(**kwargs: Any) -> om.Organization:
    kwargs.setdefault("name", "Acme")
    return om.Organization(**kwargs)


def _problems(**kwargs: Any) -> tuple[om.Problem, ...]:
    with pytest.raises(om.ValidationError) as info:
        _org(**kwargs)
    return info.value.problems


def _codes(**kwargs: Any) -> list[tuple[str, str]]:
    return [(p.code.value, p.location) for p in _problems(**kwargs)]


def _firm(**changes: Any) -> om.Organization:
    fields: dict[str, Any] = {
        "name": "Acme Partners LLP",
        "people": [
            P("alice", "Alice Smith", title="Managing Partner", employment=om.Employment.PARTNER),
            P("bob", "Bob Jones", title="COO", manager="alice", unit="ops"),
            P("carol", "Carol King", title="Head of IT", manager="bob", unit="ops"),
        ],
        "entities": [
            om.Entity("acme", "Acme Partners LLP", kind=om.EntityKind.LLP),
            om.Entity("alice-holdco", "AS Holdings Ltd"),
        ],
        "units": [om.Unit("ops", "Operations", function="operations", head="bob")],
        "stakes": [
            om.Stake("alice", "alice-holdco", om.Share.exact(1.0)),
            om.Stake("alice-holdco", "acme", om.Share.exact(1.0)),
        ],
        "focal_entity": "acme",
    }
    fields.update(changes)
    return om.Organization(**fields)


# -- a valid organisation -----------------------------------------------------------


def test_valid_firm_builds_without_warnings():
    """A consistent firm builds and has no warnings."""
    org = _firm()
    assert org.warnings == ()
    assert org.focal is not None
    assert org.focal.id == "acme"
    assert [p.id for p in org.roots] == ["alice"]


def test_records_are_frozen():
    """Records cannot be changed after they are built."""
    org = _firm()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        org.people[0].name = "Eve"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        org.name = "Other"  # type: ignore[misc]


def test_iterables_are_stored_as_tuples():
    """Lists given for records and tags are stored as tuples."""
    org = _org(people=[P("a", "A", dotted=[], responsibilities=["strategy"])])
    assert isinstance(org.people, tuple)
    assert org.people[0].responsibilities == ("strategy",)


def test_equal_organisations_compare_equal():
    """Two builds from the same records are equal; a changed attribute is not."""
    assert _firm() == _firm()
    changed = _firm(people=[P("alice", "Alice Smith", attributes={"x": 1})], units=[])
    assert changed != _firm(people=[P("alice", "Alice Smith")], units=[])


def test_lines_lists_solid_then_dotted():
    """Organization.lines lists each person's solid line, then their dotted ones."""
    org = _org(
        people=[
            P("a", "A"),
            P("b", "B", manager="a"),
            P("c", "C", manager="a", dotted=["b"]),
        ]
    )
    assert [str(line) for line in org.lines] == [
        "b → a (solid)",
        "c → a (solid)",
        "c → b (dotted)",
    ]


def test_summary_counts():
    """summary() counts each kind of record."""
    summary = _firm().summary()
    assert summary == {
        "people": 3,
        "entities": 2,
        "units": 1,
        "stakes": 2,
        "relationships": 0,
        "reporting lines": 2,
        "warnings": 0,
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [("id", 5), ("name", None), ("title", 3), ("manager", 1.0), ("dotted", [1])],
)
def test_person_field_types(field, value):
    """A person field of the wrong type is a TypeError naming the field."""
    fields = {"id": "a", "name": "A", field: value}
    with pytest.raises(TypeError, match=f"'{field}' must be"):
        P(**fields)


@pytest.mark.parametrize(
    ("make", "field", "member"),
    [
        (lambda v: P("a", "A", employment=v), "employment", om.Employment.PARTNER),
        (lambda v: om.Entity("e", "E", kind=v), "kind", om.EntityKind.LLP),
        (
            lambda v: om.Stake("a", "e", om.Share.exact(0.1), liability=v),
            "liability",
            om.Liability.UNLIMITED,
        ),
        (lambda v: om.ReportingLine("a", "b", kind=v), "kind", om.LineKind.DOTTED),
        (lambda v: om.Relationship("a", v, "c"), "kind", om.RelationshipKind.CLIENT),
    ],
)
def test_enum_fields_take_the_member_or_its_value(make, field, member):
    """An enum field takes its member or the member's string value, and holds the member."""
    assert getattr(make(member), field) is member
    assert getattr(make(member.value), field) is member


@pytest.mark.parametrize("value", ["partnr", 3, None])
def test_enum_field_with_a_bad_value_lists_the_allowed_ones(value):
    """Anything else is an OptionError listing the allowed values, with a did-you-mean."""
    with pytest.raises(om.OptionError, match="'employment' must be one of 'partner', ") as err:
        P("a", "A", employment=value)
    assert isinstance(err.value, ValueError)
    assert ("did you mean 'partner'?" in str(err.value)) == (value == "partnr")


# -- problem codes ------------------------------------------------------------------


def test_duplicate_id_across_kinds():
    """Ids are unique across people, entities and units; both places are named."""
    problems = _problems(
        people=[P("ops", "Olly"), P("bob", "Bob"), P("bob", "Bobby")],
        units=[om.Unit("ops", "Operations")],
    )
    assert [(p.code.value, p.location) for p in problems] == [
        ("duplicate-id", "people[2].id"),
        ("duplicate-id", "units[0].id"),
    ]
    assert "people[1] and people[2]" in problems[0].message
    assert "people[0] and units[0]" in problems[1].message


def test_duplicate_id_three_times():
    """An id used three times is reported twice, each against its first use."""
    problems = _problems(people=[P("a", "A"), P("a", "B"), P("a", "C")])
    assert [p.message for p in problems] == [
        "id 'a' is used twice: people[0] and people[1]",
        "id 'a' is used twice: people[0] and people[2]",
    ]


@pytest.mark.parametrize(
    "bad_id", ["", " bob", "bob ", "bo\nb", "tab\there", "\x00", "ext:globex", "ext:"]
)
def test_bad_id(bad_id):
    """Empty ids, surrounding spaces, control characters and the ext: prefix are bad."""
    assert _codes(people=[P(bad_id, "X")]) == [("bad-id", "people[0].id")]


@pytest.mark.parametrize("good_id", ["bob", "Bob Jones", "josé", "a.b-c_d", "x:y", "extra"])
def test_good_ids(good_id):
    """Inner spaces, other scripts and punctuation are fine."""
    assert _org(people=[P(good_id, "X")]).person(good_id).id == good_id


def test_unknown_manager_with_suggestion():
    """A misspelt manager is an unknown-reference with a did-you-mean."""
    (problem,) = _problems(people=[P("bob", "Bob"), P("carol", "Carol", manager="bbo")])
    assert problem.code is ProblemCode.UNKNOWN_REFERENCE
    assert problem.location == "people[1].manager"
    assert problem.message == "unknown person 'bbo' as manager of 'carol' — did you mean 'bob'?"
    assert problem.severity is Severity.ERROR


def test_unknown_reference_without_a_close_match():
    """With nothing close, there is no suggestion."""
    (problem,) = _problems(people=[P("bob", "Bob"), P("carol", "Carol", manager="zzzzzz")])
    assert "did you mean" not in problem.message


def test_manager_of_the_wrong_kind():
    """A manager id that names a unit says what it is."""
    (problem,) = _problems(
        people=[P("bob", "Bob", manager="ops")], units=[om.Unit("ops", "Operations")]
    )
    assert problem.message == "'ops' as manager of 'bob' is a unit, not a person"


@pytest.mark.parametrize(
    ("changes", "location", "fragment"),
    [
        (
            {"people": [P("bob", "Bob", unit="opps")], "units": [om.Unit("ops", "Ops")]},
            "people[0].unit",
            "unknown unit 'opps' for 'bob' — did you mean 'ops'?",
        ),
        (
            {"people": [P("bob", "Bob"), P("cy", "Cy", dotted=["bobb"])]},
            "people[1].dotted[0]",
            "unknown person 'bobb' as dotted-line manager of 'cy' — did you mean 'bob'?",
        ),
        (
            {"units": [om.Unit("ops", "Ops", parent="exc"), om.Unit("exec", "Exec")]},
            "units[0].parent",
            "unknown unit 'exc' as parent of 'ops' — did you mean 'exec'?",
        ),
        (
            {"people": [P("carol", "Carol")], "units": [om.Unit("ops", "Ops", head="carl")]},
            "units[0].head",
            "unknown person 'carl' as head of 'ops' — did you mean 'carol'?",
        ),
        (
            {
                "people": [P("alice", "Alice")],
                "entities": [om.Entity("acme", "Acme")],
                "stakes": [om.Stake("alcie", "acme", om.Share.exact(0.5))],
            },
            "stakes[0].holder",
            "unknown holder 'alcie' of a stake in 'acme' — did you mean 'alice'?",
        ),
        (
            {
                "people": [P("alice", "Alice")],
                "entities": [om.Entity("acme", "Acme")],
                "stakes": [om.Stake("alice", "acmee", om.Share.exact(0.5))],
            },
            "stakes[0].entity",
            "unknown entity 'acmee' held by 'alice' — did you mean 'acme'?",
        ),
        (
            {
                "people": [P("alice", "Alice")],
                "relationships": [
                    om.Relationship("alise", om.RelationshipKind.CLIENT, "Globex Corp")
                ],
            },
            "relationships[0].person",
            "unknown person 'alise' in a relationship with 'Globex Corp' — did you mean 'alice'?",
        ),
        (
            {"entities": [om.Entity("acme", "Acme"), om.Entity("b", "B")], "focal_entity": "acm"},
            "focal_entity",
            "unknown entity 'acm' as focal_entity — did you mean 'acme'?",
        ),
    ],
)
def test_unknown_references(changes, location, fragment):
    """Every kind of reference is checked, located and gets a suggestion."""
    (problem,) = _problems(**changes)
    assert problem.code is ProblemCode.UNKNOWN_REFERENCE
    assert problem.location == location
    assert problem.message == fragment


def test_unit_cannot_hold_a_stake():
    """A unit named as a stake holder is reported as such."""
    (problem,) = _problems(
        units=[om.Unit("ops", "Ops")],
        entities=[om.Entity("acme", "Acme")],
        stakes=[om.Stake("ops", "acme", om.Share.exact(0.1))],
    )
    assert problem.message == "'ops' is a unit; only people and entities hold stakes"


def test_self_manager():
    """A person who is their own manager is self-manager, solid or dotted."""
    problems = _problems(people=[P("bob", "Bob", manager="bob"), P("cy", "Cy", dotted=["cy"])])
    assert [(p.code.value, p.location) for p in problems] == [
        ("self-manager", "people[0].manager"),
        ("self-manager", "people[1].dotted[0]"),
    ]
    assert problems[0].message == "'bob' is their own manager"


def test_reporting_cycle_names_the_whole_cycle():
    """A cycle is reported once, starting at its first person, closing the loop."""
    people = [
        P("ceo", "CEO"),
        P("dan", "Dan", manager="erin"),
        P("bob", "Bob", manager="carol"),
        P("carol", "Carol", manager="dan"),
        P("erin", "Erin", manager="bob"),
        P("frank", "Frank", manager="bob"),
    ]
    (problem,) = _problems(people=people)
    assert problem.code is ProblemCode.REPORTING_CYCLE
    assert problem.location == "people[1].manager"
    assert problem.message == "reporting cycle: dan → erin → bob → carol → dan"


def test_two_reporting_cycles():
    """Separate cycles are reported separately."""
    people = [P("a", "A", manager="b"), P("b", "B", manager="a")]
    people += [P("c", "C", manager="d"), P("d", "D", manager="e"), P("e", "E", manager="c")]
    messages = [p.message for p in _problems(people=people)]
    assert messages == ["reporting cycle: a → b → a", "reporting cycle: c → d → e → c"]


def test_dotted_lines_do_not_make_cycles():
    """Dotted lines may point anywhere; only solid lines form a chain of command."""
    org = _org(people=[P("a", "A", dotted=["b"]), P("b", "B", manager="a")])
    assert org.person("a").dotted == ("b",)


def test_duplicate_line():
    """A dotted line to one's solid manager, or the same dotted line twice, is reported."""
    problems = _problems(
        people=[P("a", "A"), P("b", "B"), P("c", "C", manager="a", dotted=["a", "b", "b"])]
    )
    assert [(p.code.value, p.location) for p in problems] == [
        ("duplicate-line", "people[2].dotted[0]"),
        ("duplicate-line", "people[2].dotted[2]"),
    ]
    assert problems[0].message == "'c' reports to 'a' twice; keep one line"


def test_unit_cycle():
    """Units nesting in a cycle, or in themselves, are unit-cycle."""
    problems = _problems(
        units=[
            om.Unit("tax", "Tax", parent="advisory"),
            om.Unit("advisory", "Advisory", parent="tax"),
            om.Unit("solo", "Solo", parent="solo"),
        ]
    )
    assert [(p.code.value, p.location) for p in problems] == [
        ("unit-cycle", "units[2].parent"),
        ("unit-cycle", "units[0].parent"),
    ]
    assert problems[1].message == "units nest in a cycle: tax → advisory → tax"


def test_share_overflow():
    """Stakes in one entity adding up to over 100% are share-overflow."""
    (problem,) = _problems(
        people=[P("a", "A"), P("b", "B")],
        entities=[om.Entity("acme", "Acme")],
        stakes=[
            om.Stake("a", "acme", om.Share.parse("60%")),
            om.Stake("b", "acme", om.Share.parse("50%")),
        ],
    )
    assert problem.code is ProblemCode.SHARE_OVERFLOW
    assert problem.location == "stakes[0].share"
    assert problem.message == "stakes in 'acme' add up to 110% (share), over 100%"


def test_share_overflow_counts_lower_bounds():
    """Ranges overflow only when their lower bounds do; the message says so."""
    people = [P("a", "A"), P("b", "B")]
    entities = [om.Entity("acme", "Acme")]
    fits = [
        om.Stake("a", "acme", om.Share.parse("25-50%")),
        om.Stake("b", "acme", om.Share.parse("50-75%")),
    ]
    assert _org(people=people, entities=entities, stakes=fits).stakes == tuple(fits)
    over = [
        om.Stake("a", "acme", om.Share.parse("60-70%")),
        om.Stake("b", "acme", om.Share.parse("45-50%")),
    ]
    (problem,) = _problems(people=people, entities=entities, stakes=over)
    assert problem.message == (
        "stakes in 'acme' add up to 105% (share) counting the lower bounds of ranges, over 100%"
    )


@pytest.mark.parametrize("measure", ["voting", "profit_share"])
def test_vote_and_profit_overflow(measure):
    """Votes and profit shares are checked like shares."""
    extra: dict[str, Any] = {measure: om.Share.exact(0.7)}
    stakes = [
        om.Stake("a", "acme", om.Share.exact(0.5), **extra),
        om.Stake("b", "acme", om.Share.exact(0.5), **extra),
    ]
    problems = _problems(
        people=[P("a", "A"), P("b", "B")], entities=[om.Entity("acme", "Acme")], stakes=stakes
    )
    assert [(p.code.value, p.location) for p in problems] == [
        ("share-overflow", f"stakes[0].{measure}")
    ]


def test_shares_summing_to_one_in_floating_point_do_not_overflow():
    """Ten stakes of 10% sum to 0.9999… or 1.0000…1 and are fine."""
    people = [P(f"p{i}", f"P{i}", employment=om.Employment.NONE) for i in range(10)]
    stakes = [om.Stake(f"p{i}", "acme", om.Share.exact(0.1)) for i in range(10)]
    assert math.fsum([0.1] * 10) == 1.0
    assert sum([0.1] * 10) != 1.0
    org = _org(people=people, entities=[om.Entity("acme", "Acme")], stakes=stakes)
    assert org.warnings == ()


def test_self_holding():
    """An entity holding a stake in itself is self-holding."""
    problems = _problems(
        entities=[om.Entity("acme", "Acme")],
        stakes=[om.Stake("acme", "acme", om.Share.exact(0.1))],
    )
    assert [(p.code.value, p.location) for p in problems] == [("self-holding", "stakes[0]")]
    assert problems[0].message == "entity 'acme' holds a stake in itself"


def test_blank_counterparty():
    """A relationship needs a counterparty name."""
    problems = _problems(
        people=[P("a", "A")],
        relationships=[om.Relationship("a", om.RelationshipKind.CLIENT, "  ")],
    )
    assert [(p.code.value, p.location) for p in problems] == [
        ("bad-id", "relationships[0].counterparty")
    ]


def _cycle() -> dict[str, Any]:
    loop: dict[str, Any] = {}
    loop["self"] = loop
    return loop


def _doubling(levels: int) -> list[Any]:
    value: list[Any] = ["leaf"]
    for _ in range(levels):
        value = [value, value]
    return value


def _nested(levels: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(levels - 1):
        value = {"d": value}
    return value


@pytest.mark.parametrize(
    ("attributes", "why"),
    [
        ({"when": object}, "is not a JSON value"),
        ({"n": math.nan}, "nan is not a finite number"),
        ({"n": [1, math.inf]}, "inf is not a finite number"),
        ({"nested": {1: "one"}}, "key 1 is not a string"),
        ({"t": (1, 2)}, "(a tuple) is not a JSON value"),
        ({"s": {1, 2}}, "(a set) is not a JSON value"),
        (_cycle(), "contains itself (a cycle)"),
        ({"x": [[_cycle()]]}, "contains itself (a cycle)"),
        ({"x": _doubling(60)}, "expand to more than 1,000,000"),
        (_nested(65), "nest deeper than 64 levels"),
        ({"big": 10**4301}, "more than 4,300 digits"),
        ({"big": -(16**4000)}, "more than 4,300 digits"),
    ],
)
def test_attributes_must_be_json(attributes, why):
    """Free attributes must be JSON values every file can hold, checked all the way down.

    Cycles, exponential sharing, deep nesting and huge integers are found fast.
    """
    (problem,) = _problems(people=[P("a", "A", attributes=attributes)])
    assert problem.code is ProblemCode.WRONG_TYPE
    assert problem.location == "people[0].attributes"
    assert why in problem.message


@pytest.mark.parametrize(
    "attributes",
    [
        {},
        {"email": "a@example.com"},
        {"n": 1, "f": 2.5, "b": True, "none": None},
        {"deep": [{"x": [1, {"y": "z"}]}]},
    ],
)
def test_json_attributes_are_accepted(attributes):
    """JSON-compatible attributes are kept as they are."""
    assert _org(people=[P("a", "A", attributes=attributes)]).person("a").attributes == attributes


@pytest.mark.parametrize(
    "attributes",
    [_nested(64), {"x": _doubling(18)}, {"big": 10**4299}, {"a": (shared := [1, 2]), "b": shared}],
)
def test_attributes_within_the_limits_are_kept(attributes):
    """Nesting to 64 levels, sharing within a million values and 4,300 digits are fine."""
    assert _org(people=[P("a", "A", attributes=attributes)]).person("a").attributes is not None


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"people": [1]}, [("wrong-type", "people[0]")]),
        (
            {"people": [P("a", "A"), "b"], "units": [None]},
            [("wrong-type", "people[1]"), ("wrong-type", "units[0]")],
        ),
        ({"people": None}, [("wrong-type", "people")]),
        ({"entities": 3}, [("wrong-type", "entities")]),
        ({"stakes": "ann holds 40%"}, [("wrong-type", "stakes")]),
        ({"name": None}, [("wrong-type", "name")]),
        ({"focal_entity": 7}, [("wrong-type", "focal_entity")]),
        ({"custom_tags": [{"name": "x"}]}, [("wrong-type", "custom_tags[0]")]),
    ],
)
def test_records_of_the_wrong_type_are_problems(fields, expected):
    """Records and fields of the wrong type are listed as problems, not raw exceptions."""
    assert _codes(**fields) == expected


@pytest.mark.parametrize("group", ["entities", "units", "stakes", "relationships"])
def test_attributes_checked_on_every_record(group):
    """Attributes of entities, units, stakes and relationships are checked too."""
    bad = {"x": math.nan}
    fields = {
        "people": [P("a", "A")],
        "entities": [om.Entity("acme", "Acme", attributes=bad if group == "entities" else {})],
        "units": [om.Unit("ops", "Ops", attributes=bad if group == "units" else {})],
        "stakes": [
            om.Stake("a", "acme", om.Share.exact(1), attributes=bad if group == "stakes" else {})
        ],
        "relationships": [
            om.Relationship(
                "a",
                om.RelationshipKind.CLIENT,
                "Globex",
                attributes=bad if group == "relationships" else {},
            )
        ],
    }
    assert _codes(**fields) == [("wrong-type", f"{group}[0].attributes")]


def test_every_problem_in_one_error():
    """A model with many problems reports them all in one ValidationError."""
    problems = _problems(
        people=[
            P("alice", "Alice"),
            P("alice", "Alice again"),
            P("bob", "Bob", manager="bob"),
            P("carol", "Carol", manager="dave", unit="finance"),
            P("ext:x", "X", attributes={"n": math.inf}),
        ],
        entities=[om.Entity("acme", "Acme")],
        units=[om.Unit("a", "A", parent="a")],
        stakes=[
            om.Stake("acme", "acme", om.Share.exact(0.5)),
            om.Stake("alice", "acme", om.Share.exact(0.7)),
        ],
    )
    codes = {p.code.value for p in problems}
    assert codes == {
        "duplicate-id",
        "self-manager",
        "unknown-reference",
        "bad-id",
        "unit-cycle",
        "self-holding",
        "wrong-type",
    }
    assert len(problems) == 8


def test_validation_error_message_lists_every_problem():
    """The exception text has a count and one line per problem."""
    with pytest.raises(om.ValidationError) as info:
        _org(people=[P("a", "A", manager="x"), P("b", "B", manager="y")])
    text = str(info.value)
    assert text.startswith("2 problems:\n")
    assert text.count("\n  - ") == 2
    assert isinstance(info.value, om.OrgModelError)
    assert isinstance(info.value, ValueError)


@pytest.mark.slow
def test_many_errors_stay_fast_and_suggestions_stop():
    """Thousands of unknown references are all reported; suggestions stop after a while."""
    people = [P(f"p{i}", "P") for i in range(3000)]
    people += [P(f"q{i}", "Q", manager=f"x{i}") for i in range(3000)]
    problems = _problems(people=people)
    assert len(problems) == 3000
    assert "did you mean" not in problems[-1].message


# -- warnings -----------------------------------------------------------------------


def _warning_codes(org: om.Organization) -> list[str]:
    return [w.code.value for w in org.warnings]


def test_several_roots_warning():
    """More than one person at the top is a warning naming them."""
    org = _org(people=[P("a", "A"), P("b", "B"), P("c", "C", manager="a")])
    (warning,) = org.warnings
    assert warning.code is ProblemCode.SEVERAL_ROOTS
    assert warning.severity is Severity.WARNING
    assert "2 people have no manager ('a', 'b')" in warning.message


def test_several_roots_lists_at_most_five():
    """A long list of roots is cut short."""
    org = _org(people=[P(f"p{i}", "P") for i in range(8)])
    assert "8 people have no manager ('p0', 'p1', 'p2', 'p3', 'p4', ...)" in (
        org.warnings[0].message
    )


def test_outside_investors_are_not_roots():
    """A person with employment none and no reports is outside the chart."""
    org = _org(
        people=[P("a", "A"), P("ivy", "Ivy", employment=om.Employment.NONE)],
        entities=[om.Entity("acme", "Acme")],
        stakes=[
            om.Stake("a", "acme", om.Share.exact(0.9)),
            om.Stake("ivy", "acme", om.Share.exact(0.1)),
        ],
    )
    assert [p.id for p in org.roots] == ["a"]
    assert org.warnings == ()


def test_unknown_tag_warning_with_suggestion():
    """An unknown responsibility is kept and warned about, with a did-you-mean."""
    org = _org(people=[P("a", "A", responsibilities=["strategy", "stratgy"])])
    (warning,) = org.warnings
    assert warning.code is ProblemCode.UNKNOWN_TAG
    assert warning.location == "people[0].responsibilities[1]"
    assert "did you mean 'strategy'?" in warning.message
    assert org.person("a").responsibilities == ("strategy", "stratgy")


def test_custom_tags_are_known():
    """A tag added through custom_tags is not warned about."""
    tag = om.Tag("pitching", {om.Lean.EXTERNAL}, "pitches for new work")
    org = _org(people=[P("a", "A", responsibilities=["pitching"])], custom_tags=[tag])
    assert org.warnings == ()
    assert org.vocabulary["pitching"] is tag
    assert "pitching" not in om.DEFAULT_VOCABULARY


def test_unallocated_shares_warning():
    """An entity whose recorded stakes fall short of 100% is warned about."""
    org = _org(
        people=[P("a", "A")],
        entities=[om.Entity("acme", "Acme")],
        stakes=[om.Stake("a", "acme", om.Share.parse("60%"))],
    )
    (warning,) = org.warnings
    assert warning.code is ProblemCode.UNALLOCATED_SHARES
    assert warning.location == "entities[0]"
    assert "40% of 'acme' is held by nobody" in warning.message


def test_ranges_reaching_one_are_not_unallocated():
    """Upper bounds that can reach 100% raise no warning."""
    org = _org(
        people=[P("a", "A")],
        entities=[om.Entity("acme", "Acme")],
        stakes=[om.Stake("a", "acme", om.Share.parse("75-100%"))],
    )
    assert org.warnings == ()


def test_no_focal_entity_warning():
    """Several entities and no focal entity is a warning; focal is then None."""
    org = _org(entities=[om.Entity("a", "A"), om.Entity("b", "B")])
    assert _warning_codes(org) == ["no-focal-entity"]
    assert org.focal is None
    assert _org(entities=[om.Entity("a", "A"), om.Entity("b", "B")], focal_entity="b").focal


def test_all_warnings_together():
    """Every warning is collected, none stops the build."""
    org = _org(
        people=[P("a", "A", responsibilities=["nonsense"]), P("b", "B")],
        entities=[om.Entity("e", "E"), om.Entity("f", "F")],
        stakes=[om.Stake("a", "e", om.Share.exact(0.5))],
    )
    assert _warning_codes(org) == [
        "several-roots",
        "unknown-tag",
        "unallocated-shares",
        "no-focal-entity",
    ]


def test_warnings_are_not_part_of_equality():
    """Warnings are computed; they do not affect equality."""
    org = _org(people=[P("a", "A"), P("b", "B")])
    assert org == _org(people=[P("a", "A"), P("b", "B")])
    assert org.warnings


# -- look-ups -----------------------------------------------------------------------


def test_lookups():
    """person, entity, unit and node find records by id."""
    org = _firm()
    assert org.person("bob").title == "COO"
    assert org.entity("acme").kind is om.EntityKind.LLP
    assert org.unit("ops").head == "bob"
    assert org.node("acme") is org.entity("acme")
    assert "bob" in org
    assert "nobody" not in org


@pytest.mark.parametrize(
    ("method", "key", "message"),
    [
        ("person", "bbo", "unknown person 'bbo' — did you mean 'bob'?"),
        ("person", "acme", "unknown person 'acme' ('acme' is an entity)"),
        ("entity", "acm", "unknown entity 'acm' — did you mean 'acme'?"),
        ("entity", "ops", "unknown entity 'ops' ('ops' is a unit)"),
        ("unit", "opps", "unknown unit 'opps' — did you mean 'ops'?"),
        ("unit", "bob", "unknown unit 'bob' ('bob' is a person)"),
        ("node", "carl", "unknown id 'carl' — did you mean 'carol'?"),
        ("node", "zzzzzz", "unknown id 'zzzzzz'"),
    ],
)
def test_unknown_lookups(method, key, message):
    """A failed look-up raises UnknownReferenceError (a KeyError) with a clear message."""
    org = _firm()
    with pytest.raises(om.UnknownReferenceError) as info:
        getattr(org, method)(key)
    assert str(info.value) == message
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, om.OrgModelError)


def test_focal_entity_of_one_entity():
    """With one entity and no focal_entity, that entity is the focal one."""
    assert _org(entities=[om.Entity("solo", "Solo")]).focal == om.Entity("solo", "Solo")
    assert _org().focal is None


# -- scale --------------------------------------------------------------------------


@pytest.mark.slow
def test_deep_chain_validates_without_recursion():
    """A 100,000-deep reporting chain validates (iteratively) and has one root."""
    depth = 100_000
    assert depth > sys.getrecursionlimit()
    people = [P("p0", "P0")]
    people += [P(f"p{i}", f"P{i}", manager=f"p{i - 1}") for i in range(1, depth)]
    org = _org(people=people)
    assert [p.id for p in org.roots] == ["p0"]
    assert len(org.lines) == depth - 1


@pytest.mark.slow
def test_deep_cycle_is_found():
    """A 100,000-long reporting cycle is found and named by its length and its ends."""
    depth = 100_000
    people = [P(f"p{i}", "P", manager=f"p{(i + 1) % depth}") for i in range(depth)]
    (problem,) = _problems(people=people)
    assert problem.code is ProblemCode.REPORTING_CYCLE
    assert problem.message == (
        "reporting cycle of 100,000 people: p0 → p1 → p2 → p3 → p4 → … "
        "→ p99997 → p99998 → p99999 → p0"
    )


@pytest.mark.slow
def test_deep_unit_nesting():
    """A deeply nested unit tree validates; a deep unit cycle is found."""
    units = [om.Unit("u0", "U")]
    units += [om.Unit(f"u{i}", "U", parent=f"u{i - 1}") for i in range(1, 50_000)]
    assert len(_org(units=units).units) == 50_000
    looped = [om.Unit("u0", "U", parent="u49999"), *units[1:]]
    assert [p.code.value for p in _problems(units=looped)] == ["unit-cycle"]
