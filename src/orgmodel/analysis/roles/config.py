"""The configuration of the role classifier: weights, thresholds and the title lexicon.

``docs/classification.md`` gives the reasoning for every default, and the corpus
accuracy they reach.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

import attrs

from orgmodel.analysis.roles.lexicon import DEFAULT_TITLES
from orgmodel.analysis.roles.titles import TitleLexicon
from orgmodel.model import EntityKind
from orgmodel.model.exceptions import OrgModelError

__all__ = ["ClassifierConfig"]


def _fraction(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        msg = f"'{attribute.name}' must be a number between 0 and 1 (got {value!r})"
        raise OrgModelError(msg)


def _positive_fraction(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    _fraction(instance, attribute, value)
    if value == 0:
        msg = f"'{attribute.name}' must be above 0 (got {value!r})"
        raise OrgModelError(msg)


def _weight(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        msg = f"'{attribute.name}' must be a finite number of at least 0 (got {value!r})"
        raise OrgModelError(msg)


def _positive(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    _weight(instance, attribute, value)
    if value == 0:
        msg = f"'{attribute.name}' must be above 0 (got {value!r})"
        raise OrgModelError(msg)


def _count_at_least(minimum: int) -> Callable[[object, attrs.Attribute[int], int], None]:
    def check(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            msg = f"'{attribute.name}' must be an integer of at least {minimum} (got {value!r})"
            raise OrgModelError(msg)

    return check


def _kinds(value: Iterable[EntityKind]) -> frozenset[EntityKind]:
    return frozenset(value)


def _entity_kinds(
    _instance: object, attribute: attrs.Attribute[frozenset[EntityKind]], value: object
) -> None:
    if not isinstance(value, frozenset) or not all(isinstance(k, EntityKind) for k in value):
        msg = f"'{attribute.name}' must be a set of EntityKind values (got {value!r})"
        raise OrgModelError(msg)


def _lexicon(_instance: object, attribute: attrs.Attribute[TitleLexicon], value: object) -> None:
    if not isinstance(value, TitleLexicon):
        msg = f"'{attribute.name}' must be a TitleLexicon (got {type(value).__name__})"
        raise OrgModelError(msg)


@attrs.frozen(kw_only=True)
class ClassifierConfig:
    """Weights and thresholds of the role classifier, with documented defaults.

    ``docs/classification.md`` gives the reasoning for every default.  All fields are
    keyword-only; change one with :func:`attrs.evolve` or by passing it.

    Attributes
    ----------
    materiality : float
        The look-through share of capital, of votes or of profits (lower bound of a
        range) that makes a stake count: 5%.  Below it a stake is a token.
    partnership_kinds : frozenset of EntityKind
        The legal forms whose profit-sharing members hold a stake that counts
        whatever its size (``LLP`` and ``PARTNERSHIP``); empty to judge them on
        size alone.
    partner_threshold, coo_threshold : float
        The partner score (0.5) and COO score (0.55) a label needs.
    passive_score : float
        The partner score of a material holder with no strategic or external
        evidence at all (0.3): weakly partner-like, under the threshold.
    damping : float
        Added to the evidence on an axis before taking its balance (2.0), so a
        single fact does not put anyone at the end of an axis.
    stake_weight, no_stake_weight : float
        A material stake (2.0) and holding no stake at all (1.0), on ownership; a
        token stake points the COO's way by ``no_stake_weight`` times the part of the
        threshold it is short of.
    profit_share_weight, liability_weight : float
        A share of profits (0.5) and unlimited liability (0.5), on ownership.
    employment_weight, title_weight : float
        ``employment`` (partner or member, employee) and what a title says of
        ownership ("Partner", "Founder"; "Salaried Partner" the other way): weak
        (0.25 each).
    title_function_weight : float
        Each lean of each function a title names (0.75): "Chief Operating Officer"
        is operational and internal work, "Sales Director" external.
    title_seniority_weight : float
        The strategic lean of a partner's, founder's or board member's title (1.0).
    titles : TitleLexicon
        The lexicon that reads titles, unit names and unit functions.
    unit_weight : float
        Heading a unit whose function is client-facing (external) or internal
        (0.5), read from its declared function or else its name.
    tag_weight : float
        Each lean of each responsibility tag (1.0).
    relationship_weight : float
        Each external relationship (0.5), up to ``relationship_cap`` per kind (4).
    top_weight : float
        Leading the organisation from the top: strategic (1.0).
    under_top_weight : float
        Reporting directly to the top: operational (0.75).
    oversight_weight : float
        Overseeing ``several`` managers or unit heads, declared or inferred:
        operational (1.0).
    units_weight : float
        Spanning ``several`` internal units: internal (1.0).
    several : int
        How many units, heads or areas make "several" (3); two count half.
    coo_ownership, coo_focus, coo_orientation, coo_seniority : float
        The shares of the COO score (0.15, 0.3, 0.2, 0.35): no stake, operational
        focus, internal focus and seniority.
    seniority_under_top : float
        The part of seniority that sitting directly under the top gives (0.3); the
        rest comes from the breadth of what they oversee.

    Examples
    --------
    >>> ClassifierConfig().materiality
    0.05
    >>> ClassifierConfig(materiality=0.01).materiality
    0.01
    >>> ClassifierConfig(materiality=5)
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.OrgModelError: 'materiality' must be a number between 0 and 1 (got 5)
    """

    materiality: float = attrs.field(default=0.05, validator=_positive_fraction)
    partnership_kinds: frozenset[EntityKind] = attrs.field(
        default=frozenset({EntityKind.LLP, EntityKind.PARTNERSHIP}),
        converter=_kinds,
        validator=_entity_kinds,
    )
    partner_threshold: float = attrs.field(default=0.5, validator=_fraction)
    coo_threshold: float = attrs.field(default=0.55, validator=_fraction)
    passive_score: float = attrs.field(default=0.3, validator=_fraction)
    damping: float = attrs.field(default=2.0, validator=_positive)
    stake_weight: float = attrs.field(default=2.0, validator=_weight)
    no_stake_weight: float = attrs.field(default=1.0, validator=_weight)
    profit_share_weight: float = attrs.field(default=0.5, validator=_weight)
    liability_weight: float = attrs.field(default=0.5, validator=_weight)
    employment_weight: float = attrs.field(default=0.25, validator=_weight)
    title_weight: float = attrs.field(default=0.25, validator=_weight)
    title_function_weight: float = attrs.field(default=0.75, validator=_weight)
    title_seniority_weight: float = attrs.field(default=1.0, validator=_weight)
    titles: TitleLexicon = attrs.field(default=DEFAULT_TITLES, validator=_lexicon)
    unit_weight: float = attrs.field(default=0.5, validator=_weight)
    tag_weight: float = attrs.field(default=1.0, validator=_weight)
    relationship_weight: float = attrs.field(default=0.5, validator=_weight)
    relationship_cap: int = attrs.field(default=4, validator=_count_at_least(1))
    top_weight: float = attrs.field(default=1.0, validator=_weight)
    under_top_weight: float = attrs.field(default=0.75, validator=_weight)
    oversight_weight: float = attrs.field(default=1.0, validator=_weight)
    units_weight: float = attrs.field(default=1.0, validator=_weight)
    several: int = attrs.field(default=3, validator=_count_at_least(2))
    coo_ownership: float = attrs.field(default=0.15, validator=_weight)
    coo_focus: float = attrs.field(default=0.3, validator=_weight)
    coo_orientation: float = attrs.field(default=0.2, validator=_weight)
    coo_seniority: float = attrs.field(default=0.35, validator=_weight)
    seniority_under_top: float = attrs.field(default=0.3, validator=_fraction)

    def __attrs_post_init__(self) -> None:
        total = self.coo_ownership + self.coo_focus + self.coo_orientation + self.coo_seniority
        if total <= 0:
            msg = "the COO score shares (coo_ownership, coo_focus, ...) must not all be 0"
            raise OrgModelError(msg)
