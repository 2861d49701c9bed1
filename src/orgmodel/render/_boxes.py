"""What each org-chart box says and what colour it is.

A box shows the name (bold), the title, the unit and optionally a stake badge. Its
size is estimated from the text, so that the tidy-tree layout can place boxes before
Graphviz measures them; both layouts use the same sizes, so charts look alike.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from orgmodel.model import Organization, Person
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode
from orgmodel.model.share import Share
from orgmodel.render._percent import DEFAULT_DIGITS, format_share
from orgmodel.render._style import (
    EMPLOYMENT_SWATCHES,
    NO_COLOUR,
    ROLE_SWATCHES,
    STAKE_BADGE,
    UNIT_SWATCHES,
    ColorBy,
    Swatch,
    html_text,
    text_em,
)

__all__ = ["NOTE_COLOUR", "Box", "Colouring", "colouring", "make_box", "role_key"]

NOTE_COLOUR = "#0B5C8F"
"""The colour of a note line in a box (the org book's page references)."""

# Font sizes of the three lines; widths are estimated generously (text_em), so that
# Graphviz never needs to grow a box the tidy layout has placed.
_NAME_PT = 11.0
_TITLE_PT = 10.0
_UNIT_PT = 9.0
_PAD_PT = 22.0
MIN_WIDTH_PT = 130.0
_NAME_LINE_PT = 15.0
_TITLE_LINE_PT = 13.5
_UNIT_LINE_PT = 12.5
_BADGE_PT = 17.0
_VPAD_PT = 12.0


@attrs.frozen
class Box:
    """One person's box: label markup, colours and size in points."""

    label: str
    swatch: Swatch
    width: float
    height: float
    vacant: bool = False


@attrs.frozen
class Colouring:
    """The colour key of every person on a chart and the legend entries in order."""

    key: dict[str, object]
    legend: tuple[Swatch, ...]
    swatches: Mapping[object, Swatch]

    def swatch(self, person_id: str) -> Swatch:
        """Return the swatch of *person_id*."""
        return self.swatches.get(self.key.get(person_id), NO_COLOUR)


def role_key(value: object, person_id: str) -> str:
    """Return the role-label value (``"partner-like"`` ...) of a classification entry.

    Accepts a role assessment (anything with a ``label``), a role label enum or its
    string value.

    Examples
    --------
    >>> role_key("coo-like", "bob")
    'coo-like'
    >>> role_key("boss", "bob")
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ValidationError: 1 problem:
      - roles['bob']: unknown role label 'boss' — use one of 'partner-like', 'coo-like', ...
    """
    label = getattr(value, "label", value)
    text = getattr(label, "value", label)
    if isinstance(text, str) and text in ROLE_SWATCHES:
        return text
    allowed = ", ".join(repr(k) for k in ROLE_SWATCHES)
    msg = f"unknown role label {text!r} — use one of {allowed}"
    raise ValidationError([Problem(ProblemCode.UNKNOWN_VALUE, f"roles[{person_id!r}]", msg)])


def colouring(
    org: Organization,
    people: tuple[Person, ...],
    color_by: ColorBy,
    roles: Mapping[str, object] | None,
) -> Colouring:
    """Choose each person's colour key and the legend for *color_by*."""
    key: dict[str, object] = {}
    swatches: dict[object, Swatch]
    if color_by is ColorBy.ROLE:
        if roles is None:
            msg = "colouring by role needs the role classification (pass roles=...)"
            raise ValidationError([Problem(ProblemCode.MISSING_KEY, "roles", msg)])
        for person in people:
            if person.vacant:  # drawn as a vacancy: never classified, in no role's count
                continue
            found = roles.get(person.id)
            key[person.id] = "neither" if found is None else role_key(found, person.id)
        swatches = {k: ROLE_SWATCHES[k] for k in ROLE_SWATCHES}
    elif color_by is ColorBy.EMPLOYMENT:
        key = {p.id: p.employment for p in people}
        swatches = {k: EMPLOYMENT_SWATCHES[k] for k in EMPLOYMENT_SWATCHES}
    elif color_by is ColorBy.UNIT:
        swatches = {}
        for index, unit in enumerate(org.units):
            fill, border = UNIT_SWATCHES[index % len(UNIT_SWATCHES)]
            swatches[unit.id] = Swatch(fill, border, unit.name)
        swatches[None] = Swatch("#FFFFFF", "#8C8C8C", "No unit")
        key = {p.id: p.unit for p in people}
    else:
        return Colouring(key={}, legend=(), swatches={})
    used = set(key.values())
    legend = tuple(s for k, s in swatches.items() if k in used)
    return Colouring(key=key, legend=legend, swatches=swatches)


def make_box(
    person: Person,
    unit_name: str,
    swatch: Swatch,
    stake: Share | None,
    *,
    note: str = "",
    digits: int = DEFAULT_DIGITS,
) -> Box:
    """Return the box for *person*: an HTML-like label with every text escaped.

    The lines are plain HTML-like text (bold name, title, grey unit, and an optional
    blue *note* such as a page reference); only a box with a stake badge needs a
    table, which Graphviz lays out more slowly. A vacant post says "Vacant" where the
    name would be (the name, often a placeholder, follows in brackets).

    Examples
    --------
    >>> import orgmodel as om
    >>> box = make_box(om.Person("a", "A <b>", title="CEO"), "", NO_COLOUR, None)
    >>> box.label
    '<<FONT POINT-SIZE="11"><B>A &lt;b&gt;</B></FONT><BR/>CEO>'
    >>> box.width >= MIN_WIDTH_PT
    True
    """
    name = _vacant_name(person) if person.vacant else person.name
    face = "I" if person.vacant else "B"
    lines = [f'<FONT POINT-SIZE="11"><{face}>{html_text(name)}</{face}></FONT>']
    width = text_em(name, bold=True) * _NAME_PT
    height = _VPAD_PT + _NAME_LINE_PT * _line_count(name)
    if person.title:
        lines.append(html_text(person.title))
        width = max(width, text_em(person.title) * _TITLE_PT)
        height += _TITLE_LINE_PT * _line_count(person.title)
    if unit_name:
        lines.append(f'<FONT POINT-SIZE="9" COLOR="#4D4D4D">{html_text(unit_name)}</FONT>')
        width = max(width, text_em(unit_name) * _UNIT_PT)
        height += _UNIT_LINE_PT * _line_count(unit_name)
    if note:
        lines.append(f'<FONT POINT-SIZE="9" COLOR="{NOTE_COLOUR}">{html_text(note)}</FONT>')
        width = max(width, text_em(note) * _UNIT_PT)
        height += _UNIT_LINE_PT * _line_count(note)
    if stake is None:
        label = f"<{'<BR/>'.join(lines)}>"
        return Box(label, swatch, max(MIN_WIDTH_PT, width + _PAD_PT), height, person.vacant)
    badge = (
        f'<TABLE BORDER="1" STYLE="rounded" COLOR="{STAKE_BADGE.border}" '
        f'BGCOLOR="{STAKE_BADGE.fill}" CELLBORDER="0" CELLPADDING="1" CELLSPACING="0">'
        f'<TR><TD><FONT POINT-SIZE="9">stake {html_text(format_share(stake, digits))}</FONT>'
        "</TD></TR></TABLE>"
    )
    rows = "".join(f"<TR><TD>{line}</TD></TR>" for line in [*lines, badge])
    label = f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">{rows}</TABLE>>'
    return Box(label, swatch, max(MIN_WIDTH_PT, width + _PAD_PT), height + _BADGE_PT, person.vacant)


def _vacant_name(person: Person) -> str:
    placeholder = person.name.strip().lower() in {"", "vacant", "vacancy", "tbh", "tbd", "open"}
    return "Vacant" if placeholder else f"Vacant ({person.name})"


def _line_count(text: str) -> int:
    return text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
