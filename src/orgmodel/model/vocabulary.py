"""The responsibility vocabulary: tags that say what a member does, mapped to the axes.

The background note separates partners from COOs along three axes (DESIGN §1).
Ownership is read off stakes; the other two — *strategic vs operational* focus and
*external vs internal* focus — are read off the responsibility tags people carry.
Each tag leans one or both ways: ``business_development`` is strategic and external,
``process_improvement`` is operational and internal.

Files may add tags of their own under a top-level ``vocabulary:`` key; in Python,
:meth:`Vocabulary.extend` returns a larger vocabulary.  Unknown tags are kept on the
person and reported as warnings (``unknown-tag``), never dropped.

Examples
--------
>>> from orgmodel.model.vocabulary import DEFAULT_VOCABULARY, Lean
>>> sorted(lean.value for lean in DEFAULT_VOCABULARY["business_development"].leans)
['external', 'strategic']
>>> Lean.OPERATIONAL.axis
<Axis.FOCUS: 'focus'>
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Mapping

import attrs

__all__ = ["DEFAULT_VOCABULARY", "Axis", "Lean", "Tag", "Vocabulary"]


class Axis(enum.Enum):
    """The three axes of the background note along which partners and COOs differ."""

    OWNERSHIP = "ownership"
    """Ownership and accountability: a stake, profit share and liability, or none."""
    FOCUS = "focus"
    """Strategic (vision, long-term planning) against operational (day-to-day running)."""
    ORIENTATION = "orientation"
    """External (clients, investors, suppliers) against internal (coordination)."""


class Lean(enum.Enum):
    """The way a responsibility tag points on its axis."""

    STRATEGIC = "strategic"
    OPERATIONAL = "operational"
    EXTERNAL = "external"
    INTERNAL = "internal"

    @property
    def axis(self) -> Axis:
        """The axis this lean lies on."""
        if self in (Lean.STRATEGIC, Lean.OPERATIONAL):
            return Axis.FOCUS
        return Axis.ORIENTATION

    @property
    def partner_side(self) -> bool:
        """Whether this lean is the partner's side of its axis (strategic, external)."""
        return self in (Lean.STRATEGIC, Lean.EXTERNAL)


_TAG_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _check_name(_instance: object, _attribute: object, value: str) -> None:
    if not isinstance(value, str) or not _TAG_NAME.match(value):
        msg = f"'name' must be lower_snake_case such as 'client_relationships' (got {value!r})"
        raise ValueError(msg)


def _check_leans(_instance: object, _attribute: object, value: frozenset[Lean]) -> None:
    if not value or not all(isinstance(lean, Lean) for lean in value):
        msg = f"'leans' must be a non-empty set of Lean values (got {value!r})"
        raise ValueError(msg)
    if {Lean.STRATEGIC, Lean.OPERATIONAL} <= value or {Lean.EXTERNAL, Lean.INTERNAL} <= value:
        msg = f"'leans' cannot point both ways on one axis (got {sorted(v.value for v in value)})"
        raise ValueError(msg)


def _to_leans(value: Iterable[Lean]) -> frozenset[Lean]:
    return frozenset(value)


@attrs.frozen
class Tag:
    """A responsibility tag and the way it leans on the focus and orientation axes.

    Attributes
    ----------
    name : str
        ``lower_snake_case`` tag as written in files.
    leans : frozenset of Lean
        One lean per axis at most; a tag may lean on one axis only.
    description : str
        What the tag means, for the docs and for evidence sentences.

    Examples
    --------
    >>> Tag("pitching", frozenset({Lean.EXTERNAL}), "pitches for new work").name
    'pitching'
    """

    name: str = attrs.field(validator=_check_name)
    leans: frozenset[Lean] = attrs.field(converter=_to_leans, validator=_check_leans)
    description: str = ""

    def leans_toward(self, lean: Lean) -> bool:
        """Whether the tag leans toward *lean*."""
        return lean in self.leans


def _to_tag_dict(value: Mapping[str, Tag]) -> dict[str, Tag]:
    return dict(value)


@attrs.frozen
class Vocabulary(Mapping[str, Tag]):
    """An immutable mapping from tag name to :class:`Tag`.

    Examples
    --------
    >>> vocab = DEFAULT_VOCABULARY.extend([Tag("pitching", {Lean.EXTERNAL})])
    >>> "pitching" in vocab, "pitching" in DEFAULT_VOCABULARY
    (True, False)
    >>> len(DEFAULT_VOCABULARY) >= 30
    True
    """

    _tags: Mapping[str, Tag] = attrs.field(alias="tags", converter=_to_tag_dict)

    def __getitem__(self, name: str) -> Tag:
        return self._tags[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tags)

    def __len__(self) -> int:
        return len(self._tags)

    def __hash__(self) -> int:
        return hash(frozenset(self._tags.items()))

    def extend(self, tags: Iterable[Tag]) -> Vocabulary:
        """Return a vocabulary with *tags* added; a tag of the same name is replaced."""
        merged = dict(self._tags)
        merged.update((tag.name, tag) for tag in tags)
        return Vocabulary(merged)


_S, _O, _E, _I = Lean.STRATEGIC, Lean.OPERATIONAL, Lean.EXTERNAL, Lean.INTERNAL

_DEFAULT_TAGS: tuple[tuple[str, frozenset[Lean], str], ...] = (
    # strategic and external: the partner's work with the world outside
    ("business_development", frozenset({_S, _E}), "wins new business and markets"),
    ("fundraising", frozenset({_S, _E}), "raises capital from investors"),
    ("investor_relations", frozenset({_S, _E}), "keeps the investors informed and on side"),
    ("mergers_and_acquisitions", frozenset({_S, _E}), "buys, sells and merges businesses"),
    ("partnerships", frozenset({_S, _E}), "builds alliances with other firms"),
    ("public_relations", frozenset({_S, _E}), "represents the firm to the public and press"),
    # strategic only
    ("vision", frozenset({_S}), "sets where the organisation is going"),
    ("strategy", frozenset({_S}), "decides how it gets there"),
    ("long_term_planning", frozenset({_S}), "plans years ahead"),
    ("governance", frozenset({_S}), "sits on and answers to the governing bodies"),
    ("mission", frozenset({_S}), "keeps the organisation true to its purpose"),
    ("growth_strategy", frozenset({_S}), "chooses where to grow"),
    ("risk_oversight", frozenset({_S}), "owns the organisation's appetite for risk"),
    ("thought_leadership", frozenset({_S, _E}), "shapes the field through ideas and writing"),
    # external only
    ("sales", frozenset({_E}), "sells to clients"),
    ("marketing", frozenset({_E}), "markets the firm and its services"),
    ("client_relationships", frozenset({_E}), "owns relationships with clients"),
    ("supplier_relationships", frozenset({_E}), "owns relationships with suppliers"),
    ("regulatory_relations", frozenset({_E}), "deals with regulators"),
    ("client_service", frozenset({_E, _O}), "delivers the work clients buy"),
    ("procurement", frozenset({_E, _O}), "buys from suppliers day to day"),
    # operational and internal: the COO's work inside the organisation
    ("operations", frozenset({_O, _I}), "runs the day-to-day operations"),
    ("execution", frozenset({_O}), "turns plans into delivered results"),
    ("process_improvement", frozenset({_O, _I}), "streamlines how work is done"),
    ("efficiency", frozenset({_O, _I}), "raises productivity and cuts waste"),
    ("logistics", frozenset({_O}), "moves goods, people and equipment"),
    ("coordination", frozenset({_O, _I}), "coordinates work across departments"),
    ("internal_communication", frozenset({_I}), "keeps departments informed of each other"),
    ("department_management", frozenset({_O, _I}), "manages one or more departments"),
    ("resource_allocation", frozenset({_O, _I}), "allocates budgets, people and equipment"),
    ("quality_assurance", frozenset({_O, _I}), "keeps the work to standard"),
    ("project_management", frozenset({_O, _I}), "runs projects to time and budget"),
    ("budgeting", frozenset({_O, _I}), "draws up and tracks the budgets"),
    ("compliance", frozenset({_O, _I}), "keeps the organisation within the rules"),
    ("facilities", frozenset({_O, _I}), "runs offices and buildings"),
    ("it_operations", frozenset({_O, _I}), "keeps the systems running"),
    ("human_resources", frozenset({_O, _I}), "hires, develops and supports staff"),
    ("recruiting", frozenset({_O, _I}), "hires staff"),
    ("finance_operations", frozenset({_O, _I}), "runs accounting, billing and payroll"),
    ("performance_management", frozenset({_O, _I}), "tracks and improves performance"),
    ("collaboration", frozenset({_I}), "gets departments working together"),
    ("training", frozenset({_I}), "trains and develops staff"),
    ("knowledge_management", frozenset({_I}), "keeps what the firm knows findable"),
)

#: The built-in vocabulary; see the docs' *Concepts* page for the table.
DEFAULT_VOCABULARY = Vocabulary({name: Tag(name, leans, d) for name, leans, d in _DEFAULT_TAGS})
