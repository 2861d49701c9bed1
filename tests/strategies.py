"""Hypothesis strategies for random valid organisations and ownership networks.

Every strategy here builds organisations that pass validation, so tests can assume
``Organization(...)`` succeeds and look at what they are about.
"""

from __future__ import annotations

import enum
import string
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

import orgmodel as om
from orgmodel.vocabulary import DEFAULT_VOCABULARY

__all__ = [
    "HOSTILE_WORDS",
    "attribute_values",
    "classify_or_skip",
    "edit_ops",
    "hostile_ids",
    "hostile_organizations",
    "hostile_texts",
    "ids",
    "job_titles",
    "json_values",
    "organizations",
    "ownership_networks",
    "shares",
]

_ID_ALPHABET = string.ascii_letters + string.digits + "-_."

#: Plain ASCII ids, the common case.
simple_ids = st.text(_ID_ALPHABET, min_size=1, max_size=8)

#: Ids that also use other scripts, inner spaces and punctuation.
ids = st.one_of(
    simple_ids,
    st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=8).filter(
        lambda s: s == s.strip() and not s.startswith("ext:")
    ),
)

#: Display text: any printable text, newlines and quotes included.
texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)

#: Text that has broken a reader or a writer somewhere: what each format treats
#: specially (YAML's numbers, booleans and nulls; CSV's quotes, separators and
#: formula leaders; XML's markup, carriage returns and the characters it cannot
#: hold), terminal escapes, bidirectional controls and the ends of Unicode.
HOSTILE_WORDS = (
    "010", "0x1F", "0b101", "0o17", "1_000", "1:30", "+5", "-0", "1e3", ".inf", ".nan",
    "yes", "No", "on", "OFF", "~", "null", "Null", "true", "- x", ": x", "? x", "#x",
    "&a", "*a", "!tag", "|", ">", "%YAML", "---", "...", "'", '"', '""', "''",
    '=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
    "'=x", "''=x", "a,b", 'say "hi"', "a;b", "[1]", '["a"]', "{}", '{"a": 1}', ":json",
    "\r", "\n", "\r\n", "a\rb", "\x00", "\x07", "\x0b", "\x1b[2J", "\x1b]0;t\x07",
    "\x7f", "\x85", "\x9b", "\u2028", "\u202e", "\ufeff", "\ufffe", "\uffff", "\U0010ffff",
    "<a>", "&amp;", "]]>", "<!ENTITY x>", "\\u0041", "\\", "ext:x", " ", "  padded  ",
)  # fmt: skip

#: Display text mixing those words with any other characters but lone surrogates.
hostile_texts = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE_WORDS),
        st.text(st.characters(exclude_categories=["Cs"]), max_size=4),
    ),
    max_size=4,
).map("".join)

#: Ids as hostile as validation allows: no control characters, spaces only inside.
hostile_ids = st.one_of(
    ids,
    st.sampled_from(HOSTILE_WORDS).filter(
        lambda s: s == s.strip() and s and s.isprintable() and not s.startswith("ext:")
    ),
)


def json_values(
    text: st.SearchStrategy[str], integers: st.SearchStrategy[int]
) -> st.SearchStrategy[Any]:
    """JSON-compatible values made of *text* and *integers*, nested a little."""
    scalars = st.one_of(
        st.none(), st.booleans(), integers, st.floats(allow_nan=False, allow_infinity=False), text
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(text, inner, max_size=3)
        ),
        max_leaves=6,
    )


#: JSON-compatible attribute values, nested a little.
attribute_values = json_values(texts, st.integers(-(2**53), 2**53))

#: Attribute values with hostile text in keys and values (and big integers).
hostile_attribute_values = json_values(hostile_texts, st.integers(-(10**300), 10**300))


def attribute_maps(
    values: st.SearchStrategy[Any] = attribute_values,
) -> st.SearchStrategy[dict[str, Any]]:
    """Attribute dictionaries with identifier-like keys."""
    keys = st.text(string.ascii_lowercase + "_", min_size=1, max_size=8)
    return st.dictionaries(keys, values, max_size=3)


def shares(max_total: float = 1.0, *, ranges: bool = True) -> st.SearchStrategy[om.Share]:
    """Exact shares (and ranges, when *ranges*) whose lower bound is at most *max_total*."""
    exact = st.floats(0.0, max_total).map(om.Share.exact)
    if not ranges:
        return exact
    ranged = st.tuples(st.floats(0.0, max_total), st.floats(0.0, 1.0)).map(
        lambda t: om.Share.between(t[0], max(t[0], min(1.0, t[0] + t[1] * (1.0 - t[0]))))
    )
    return st.one_of(exact, ranged, ranged.flatmap(_open_ends))


def _members(kind: type[enum.Enum], allowed: bool) -> st.SearchStrategy[list[Any]]:  # noqa: FBT001
    """Up to two distinct members of *kind*, or none when not *allowed*."""
    if not allowed:
        return st.just([])
    return st.lists(st.sampled_from(kind), unique=True, max_size=2)


def _open_ends(share: om.Share) -> st.SearchStrategy[om.Share]:
    """*share* with each end open or closed (closed when the range is a point)."""
    if share.is_exact:
        return st.just(share)
    return st.builds(
        om.Share.between,
        st.just(share.lower),
        st.just(share.upper),
        lower_open=st.booleans(),
        upper_open=st.booleans(),
    )


@st.composite
def _split(draw: st.DrawFn, count: int, *, ranges: bool, whole: bool = True) -> list[om.Share]:
    """*count* shares whose lower bounds sum to at most 1 (below 1 unless *whole*)."""
    weights = draw(st.lists(st.integers(1, 100), min_size=count, max_size=count))
    total = draw(st.sampled_from([0.5, 0.9, 1.0] if whole else [0.5, 0.9]))
    out = []
    for w in weights:
        low = total * w / sum(weights) * (1 - 1e-12)
        if ranges and draw(st.booleans()):
            out.append(om.Share.between(low, min(1.0, low + draw(st.floats(0.0, 0.3)))))
        else:
            out.append(om.Share.exact(low))
    return out


#: Job titles and unit names as HR exports write them, for the classifier's tests.
job_titles = st.sampled_from(
    [
        "", "Chief Executive Officer", "Chief Operating Officer", "CFO", "CTO & Co-founder",
        "Managing Partner", "Partner", "Salaried Partner", "Partner, Head of Tax",
        "Operating Partner", "Founder", "General Manager", "VP Sales", "Sales Director",
        "Head of Business Development", "Head of Finance", "Operations", "Facilities",
        "People Ops", "Client Services", "Marketing", "Engineer", "Executive Assistant",
        "Non-Executive Director", "Founding Partner (retired)", "HR Business Partner",
    ]
)  # fmt: skip


@st.composite
def organizations(
    draw: st.DrawFn,
    *,
    max_people: int = 12,
    max_entities: int = 4,
    max_units: int = 4,
    id_strategy: st.SearchStrategy[str] = ids,
    text_strategy: st.SearchStrategy[str] = texts,
    attributes: st.SearchStrategy[dict[str, Any]] | None = None,
    ranges: bool = True,
    registers: bool = True,
    cross_holdings: bool = True,
    title_strategy: st.SearchStrategy[str] | None = None,
    vacancies: bool = True,
) -> om.Organization:
    """Random valid organisations: a reporting forest, units, entities, stakes, relationships.

    Parameters
    ----------
    max_people, max_entities, max_units : int
        Upper bounds on the number of each record.
    id_strategy, text_strategy : strategy
        Where ids and display texts come from (narrow them for formats with limits).
    attributes : strategy, optional
        Attribute maps; defaults to :func:`attribute_maps`.
    ranges : bool
        Whether shares may be ranges.
    registers : bool
        Whether stakes may carry what registers declare: control, roles in
        arrangements, declared indirect holdings (off for look-through properties,
        which those change by design).
    cross_holdings : bool
        Whether entities may hold each other in cycles.
    title_strategy : strategy, optional
        Where job titles and unit names come from; *text_strategy* by default
        (:data:`job_titles` gives ones the classifier's lexicon reads).
    vacancies : bool
        Whether some people may be vacant posts (which hold no stake and no
        relationship).
    """
    attrs_st = attributes if attributes is not None else attribute_maps()
    titles_st = title_strategy if title_strategy is not None else text_strategy
    n_people = draw(st.integers(0, max_people))
    n_entities = draw(st.integers(0, max_entities))
    n_units = draw(st.integers(0, max_units))
    all_ids = draw(
        st.lists(
            id_strategy,
            min_size=n_people + n_entities + n_units,
            max_size=n_people + n_entities + n_units,
            unique=True,
        )
    )
    person_ids = all_ids[:n_people]
    entity_ids = all_ids[n_people : n_people + n_entities]
    unit_ids = all_ids[n_people + n_entities :]

    units = []
    for i, uid in enumerate(unit_ids):
        parent = draw(st.none() | st.sampled_from(unit_ids[:i])) if i else None
        head = draw(st.none() | st.sampled_from(person_ids)) if person_ids else None
        units.append(
            om.Unit(
                uid,
                draw(titles_st),
                function=draw(text_strategy),
                parent=parent,
                head=head,
                attributes=draw(attrs_st),
            )
        )

    tags = st.sampled_from([*sorted(DEFAULT_VOCABULARY), "unknown_tag", "pitching"])
    people = []
    vacant: set[str] = set()
    if vacancies and person_ids:
        vacant.update(draw(st.lists(st.sampled_from(person_ids), unique=True, max_size=2)))
    filled = [p for p in person_ids if p not in vacant]  # vacancies hold no stake
    for i, pid in enumerate(person_ids):
        manager = draw(st.none() | st.sampled_from(person_ids[:i])) if i else None
        others = [p for p in person_ids if p not in (pid, manager)]
        dotted = draw(st.lists(st.sampled_from(others), unique=True, max_size=2)) if others else []
        people.append(
            om.Person(
                pid,
                draw(text_strategy),
                title=draw(titles_st),
                employment=draw(st.sampled_from(om.Employment)),
                unit=draw(st.none() | st.sampled_from(unit_ids)) if unit_ids else None,
                manager=manager,
                dotted=dotted,
                responsibilities=draw(st.lists(tags, unique=True, max_size=4)),
                vacant=pid in vacant,
                attributes=draw(attrs_st),
            )
        )

    entities = [
        om.Entity(
            eid,
            draw(text_strategy),
            kind=draw(st.sampled_from(om.EntityKind)),
            attributes=draw(attrs_st),
        )
        for eid in entity_ids
    ]

    stakes = []
    for j, eid in enumerate(entity_ids):
        holders_pool = filled + [
            e for k, e in enumerate(entity_ids) if k != j and (cross_holdings or k > j)
        ]
        if not holders_pool:
            continue
        holders = draw(st.lists(st.sampled_from(holders_pool), unique=True, max_size=3))
        if not holders:
            continue
        # An entity held only by entities keeps some equity outside the network, so
        # a cycle of holdings can never own itself wholly (the system stays solvable).
        whole = any(h in filled for h in holders)
        split = draw(_split(len(holders), ranges=ranges, whole=whole))
        votes = draw(_split(len(holders), ranges=ranges, whole=whole))
        for holder, share, vote in zip(holders, split, votes, strict=True):
            stakes.append(
                om.Stake(
                    holder,
                    eid,
                    share,
                    voting=draw(st.none() | st.just(vote)),
                    profit_share=draw(st.none() | st.just(share)),
                    liability=draw(st.none() | st.sampled_from(om.Liability)),
                    control=draw(_members(om.Control, registers)),
                    roles=draw(_members(om.Role, registers)),
                    attributes=draw(attrs_st),
                )
            )
        if registers and draw(st.booleans()):  # a declared indirect holding, beside the rest
            stakes.append(
                om.Stake(
                    draw(st.sampled_from(filled or holders)),  # a vacancy holds nothing
                    eid,
                    draw(shares(ranges=ranges)),
                    indirect=True,
                )
            )

    relationships = [
        om.Relationship(
            draw(st.sampled_from(filled)),
            draw(st.sampled_from(om.RelationshipKind)),
            draw(text_strategy.filter(lambda s: bool(s.strip()))),
            attributes=draw(attrs_st),
        )
        for _ in range(draw(st.integers(0, 3) if filled else st.just(0)))
    ]

    custom = draw(
        st.lists(
            st.builds(
                om.Tag,
                st.sampled_from(["pitching", "mentoring", "deal_origination"]),
                st.sampled_from(
                    [{om.Lean.EXTERNAL}, {om.Lean.STRATEGIC, om.Lean.EXTERNAL}, {om.Lean.INTERNAL}]
                ),
                text_strategy,
            ),
            unique_by=lambda t: t.name,
            max_size=2,
        )
    )

    return om.Organization(
        name=draw(text_strategy),
        people=people,
        entities=entities,
        units=units,
        stakes=stakes,
        relationships=relationships,
        focal_entity=draw(st.none() | st.sampled_from(entity_ids)) if entity_ids else None,
        custom_tags=custom,
    )


@st.composite
def ownership_networks(
    draw: st.DrawFn,
    *,
    max_people: int = 5,
    max_entities: int = 6,
    acyclic: bool = False,
    ranges: bool = False,
) -> om.Organization:
    """Organisations of holders and entities only: for look-through and control tests.

    With *acyclic*, entity ``k`` only holds entities created before it, so there are
    no cross-holdings; otherwise cycles may occur.  An entity held only by entities
    has at most 90% of its equity recorded, so with exact shares no group of
    entities is wholly owned by itself.  Upper bounds of ranges carry no such promise.
    """
    return draw(
        organizations(
            max_people=max_people,
            max_entities=max_entities,
            max_units=0,
            id_strategy=simple_ids,
            attributes=st.just({}),
            ranges=ranges,
            cross_holdings=not acyclic,
            registers=False,
            vacancies=False,
        )
    )


def hostile_organizations(**options: Any) -> st.SearchStrategy[om.Organization]:
    """Valid organisations whose ids, texts and attributes are as hostile as allowed."""
    keys = st.one_of(st.sampled_from(HOSTILE_WORDS), st.text(max_size=6).filter(bool))
    options.setdefault("id_strategy", hostile_ids)
    options.setdefault("text_strategy", hostile_texts)
    options.setdefault("attributes", st.dictionaries(keys, hostile_attribute_values, max_size=3))
    return organizations(**options)


def edit_ops(alphabet: str) -> st.SearchStrategy[list[tuple[int, int, int, str]]]:
    """One to four edits for ``fuzz_corpus.mutate``, inserting text from *alphabet*."""
    return st.lists(
        st.tuples(
            st.integers(0, 6),
            st.integers(0, 1 << 20),
            st.integers(0, 40),
            st.text(alphabet, max_size=6),
        ),
        min_size=1,
        max_size=4,
    )


def classify_or_skip(org: om.Organization) -> om.Classification:
    """Classify a generated organisation; skip one whose entities hold each other wholly.

    Such an organisation cannot be looked through (``SingularOwnershipError``), so
    a property about labels says nothing of it.
    """
    try:
        return om.classify(org)
    except om.SingularOwnershipError:
        assume(False)
        raise
