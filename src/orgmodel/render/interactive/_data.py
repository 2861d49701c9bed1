"""The data an interactive chart embeds: positions from the tidy layout, and the text.

Everything the page shows is computed here, in Python: box positions and sizes
(from :func:`~orgmodel.render._tidy_chart.tidy_geometry`, the layout the static
charts use), dotted-line routes, colours, headcounts, stakes and the evidence behind
every role label. The page only draws.

The data is columnar (one list per field, indexed by the person's position in the
chart's depth-first order, so every subtree is a contiguous range) and every text is
stored once in a string table, since titles, units and evidence sentences repeat
across a large organisation.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from orgmodel.model import Organization, Person
from orgmodel.model.share import Share
from orgmodel.render._boxes import Box, Colouring, role_key
from orgmodel.render._percent import format_share
from orgmodel.render._plan import ChartPlan
from orgmodel.render._style import (
    DOTTED_COLOUR,
    NO_COLOUR,
    ROLE_SWATCHES,
    STAKE_BADGE,
    VACANT,
    Swatch,
    text_em,
)
from orgmodel.render._tidy_chart import INDENT_PT, dotted_routes, tidy_geometry

__all__ = ["FORMAT_VERSION", "LINES", "page_data"]

FORMAT_VERSION = 1
"""The version of the embedded data; the page's script refuses another."""

# Line heights and font sizes (points) of a box on the page; the script uses these.
LINES = {"pad": 7.0, "name": 15.0, "title": 13.5, "unit": 12.5, "count": 13.0, "badge": 17.0}
_NAME_PT, _TITLE_PT, _UNIT_PT = 11.0, 10.0, 9.0
_MIN_WIDTH = 130.0
_SIDE_PAD = 22.0
_KIND = {"top": 0, "row": 1, "column": 2, "assistant": 3}


class _Strings:
    """A table of distinct strings; each string is stored once, referred to by index."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {"": 0}
        self.table: list[str] = [""]

    def __call__(self, text: str) -> int:
        if not text.isascii():
            # Lone surrogates cannot be written as UTF-8: show the replacement character.
            text = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)  # noqa: PLR2004
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.table)
            self.table.append(text)
        return found


def _one_line(text: str) -> str:
    """*text* on one line: line breaks and runs of spaces become one space."""
    return text if text.isprintable() and "  " not in text else " ".join(text.split())


def page_data(
    org: Organization,
    plan: ChartPlan,
    colours: Colouring,
    *,
    roles: Mapping[str, object] | None,
    stakes: Mapping[str, Share],
    digits: int,
    title: str,
) -> dict[str, Any]:
    """Return the page's data for the people of *plan* (see the module docstring)."""
    people = plan.people
    units = {u.id: u.name for u in org.units}
    counts = _headcounts(org)
    boxes = {
        p.id: _box(
            p,
            units.get(p.unit or "", ""),
            staked=p.id in stakes,
            has_team=bool(counts[0].get(p.id) or counts[2].get(p.id)),
        )
        for p in people
    }
    geometry = tidy_geometry(plan, boxes, connectors=False) if people else None
    centre = geometry.centre if geometry else {}
    level_height = geometry.level_height if geometry else 0.0
    legend, colour_of = _legend(colours, people)
    strings = _Strings()
    columns = _columns(
        plan,
        boxes=boxes,
        centre=centre,
        level_height=level_height,
        units=units,
        colour_of=colour_of,
        counts=counts,
        strings=strings,
        stakes=stakes,
        digits=digits,
    )
    assess = _Assessments(roles, strings)
    for name, values in zip(
        ("label", "reason", "evidence"), zip(*(assess(p) for p in people), strict=True), strict=True
    ):
        columns[name] = list(values)
    position = {p.id: i for i, p in enumerate(people)}
    spines = [
        [position[pid], round(centre[pid][0] - INDENT_PT - boxes[pid].width / 2.0, 1)]
        for kids in plan.column.values()
        for pid in kids
    ]
    routes = dotted_routes(plan, boxes, centre, level_height) if geometry else {}
    dotted = [
        [position[m], position[r], [round(v, 1) for x, y in route for v in (x, -y)]]
        for (m, r), route in routes.items()
    ]
    focal = org.focal
    return {
        "version": FORMAT_VERSION,
        "heading": title,
        "count": len(people),
        "people": len(org.people),
        "levelHeight": round(level_height, 1),
        "lines": LINES,
        "strings": strings.table,
        "evidenceSets": assess.sets,
        "legend": legend,
        "vacantSwatch": _swatch(VACANT),
        "plainSwatch": _swatch(NO_COLOUR),
        "stakeSwatch": _swatch(STAKE_BADGE),
        "stakeOf": focal.name if focal is not None else "",
        "dottedColour": DOTTED_COLOUR,
        "roleSwatches": {key: _swatch(s) for key, s in ROLE_SWATCHES.items()},
        "spines": spines,
        "dotted": dotted,
        **columns,
    }


_COLUMNS = [
    "id",
    "name",
    "title",
    "unit",
    "colour",
    "parent",
    "size",
    "x",
    "level",
    "w",
    "h",
    "kind",
    "stake",
    "direct",
    "total",
    "open",
    "vacant",
]


def _columns(
    plan: ChartPlan,
    *,
    boxes: Mapping[str, Box],
    centre: Mapping[str, tuple[float, float]],
    level_height: float,
    units: Mapping[str, str],
    colour_of: Mapping[str, int],
    counts: tuple[dict[str, int], dict[str, int], dict[str, int]],
    strings: _Strings,
    stakes: Mapping[str, Share],
    digits: int,
) -> dict[str, list[Any]]:
    """One list per field of the people of *plan*, in chart order."""
    people = plan.people
    position = {p.id: i for i, p in enumerate(people)}
    kind = _kinds(plan)
    direct, total, open_posts = counts
    out: dict[str, list[Any]] = {key: [] for key in _COLUMNS}
    for person in people:
        pid = person.id
        box = boxes[pid]
        x, y = centre[pid]
        stake = stakes.get(pid)
        row = (
            strings(pid),
            strings(_one_line(person.name)),
            strings(_one_line(person.title or "")),
            strings(_one_line(units.get(person.unit or "", ""))),
            -1 if person.vacant else colour_of.get(pid, -1),
            position.get(person.manager, -1) if person.manager is not None else -1,
            1,
            round(x, 1),
            round(-y / level_height) if level_height else 0,
            round(box.width, 1),
            round(box.height, 1),
            kind.get(pid, _KIND["top"]),
            strings(format_share(stake, digits)) if stake else 0,
            direct.get(pid, 0),
            total.get(pid, 0),
            open_posts.get(pid, 0),
            1 if person.vacant else 0,
        )
        for key, value in zip(_COLUMNS, row, strict=True):
            out[key].append(value)
    size, parent = out["size"], out["parent"]
    for index in range(len(people) - 1, -1, -1):  # reports come after their manager
        if parent[index] >= 0:
            size[parent[index]] += size[index]
    return out


def _kinds(plan: ChartPlan) -> dict[str, int]:
    """How each person hangs from their manager: top, row, column or assistant."""
    kind = dict.fromkeys(plan.tops, _KIND["top"])
    for groups, name in (
        (plan.reports, "row"),
        (plan.column, "column"),
        (plan.assistants, "assistant"),
    ):
        for kids in groups.values():
            kind.update(dict.fromkeys(kids, _KIND[name]))
    return kind


def _swatch(swatch: Swatch) -> dict[str, str]:
    return {"fill": swatch.fill, "border": swatch.border, "label": swatch.label}


def _legend(
    colours: Colouring, people: tuple[Person, ...]
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Return the legend entries (with how many each covers) and each person's entry."""
    entry_of = {s: i for i, s in enumerate(colours.legend)}
    counts = [0] * len(colours.legend)
    colour_of: dict[str, int] = {}
    for person in people:
        if person.vacant:
            continue
        found = entry_of.get(colours.swatch(person.id))
        if found is not None:
            colour_of[person.id] = found
            counts[found] += 1
    legend = [{**_swatch(s), "count": counts[i]} for i, s in enumerate(colours.legend) if counts[i]]
    renumber = {}
    kept = 0
    for i in range(len(colours.legend)):
        if counts[i]:
            renumber[i] = kept
            kept += 1
    return legend, {pid: renumber[i] for pid, i in colour_of.items()}


class _Assessments:
    """Each person's label, reason and evidence as string-table indices.

    People in the same position (same title, unit and place in the tree) have equal
    evidence, so the sentences and lists are built once per distinct assessment.
    """

    def __init__(self, roles: Mapping[str, object] | None, strings: _Strings) -> None:
        self.roles = roles
        self.strings = strings
        self.sets: list[list[int]] = [[]]
        self._set_of: dict[tuple[int, ...], int] = {(): 0}
        self._item_of: dict[object, int] = {}
        self._done: dict[tuple[object, tuple[object, ...]], tuple[int, int, int]] = {}
        self._vacant = (0, strings("a vacant post is not classified"), 0)
        self._missing = (strings("neither") if roles is not None else 0, 0, 0)

    def __call__(self, person: Person) -> tuple[int, int, int]:
        """Return the indices of *person*'s label, one-line reason and evidence list."""
        if person.vacant:
            return self._vacant
        found = self.roles.get(person.id) if self.roles is not None else None
        if found is None:
            return self._missing
        evidence = tuple(getattr(found, "evidence", ()))
        label = role_key(found, person.id)
        key = (label, evidence)
        done = self._done.get(key)
        if done is None:
            reason = getattr(found, "reason", "")
            items = tuple(self._item(e) for e in evidence)
            number = self._set_of.get(items)
            if number is None:
                number = self._set_of[items] = len(self.sets)
                self.sets.append(list(items))
            done = self._done[key] = (self.strings(label), self.strings(str(reason)), number)
        return done

    def _item(self, evidence: object) -> int:
        found = self._item_of.get(evidence)
        if found is None:
            as_dict = (
                evidence.to_dict() if hasattr(evidence, "to_dict") else {"text": str(evidence)}
            )
            text = json.dumps(as_dict, ensure_ascii=False, sort_keys=True, default=str)
            found = self._item_of[evidence] = self.strings(text)
        return found


def _headcounts(
    org: Organization,
) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Direct reports, everyone below, and vacant posts below, of each manager.

    Counted over the whole organisation (not only the part charted), people only:
    a vacant post counts as an open post, not as a person.
    """
    direct: dict[str, int] = {}
    total: dict[str, int] = {}
    open_posts: dict[str, int] = {}
    below: dict[str, list[Person]] = {}
    for person in org.people:
        if person.manager is not None:
            below.setdefault(person.manager, []).append(person)
    order: list[Person] = []
    pending = list(org.roots)
    seen: set[str] = set()
    while pending:
        person = pending.pop()
        if person.id in seen:
            continue
        seen.add(person.id)
        order.append(person)
        pending.extend(below.get(person.id, ()))
    for person in reversed(order):
        kids = below.get(person.id, ())
        if not kids:
            continue
        direct[person.id] = sum(1 for k in kids if not k.vacant)
        total[person.id] = sum(total.get(k.id, 0) + (0 if k.vacant else 1) for k in kids)
        open_posts[person.id] = sum(open_posts.get(k.id, 0) + (1 if k.vacant else 0) for k in kids)
    return direct, total, open_posts


def _box(person: Person, unit: str, *, staked: bool, has_team: bool) -> Box:
    """Size *person*'s box for the page's lines: name, title, unit, headcount, stake."""
    name = "Vacant" if person.vacant else _one_line(person.name)
    width = text_em(name, bold=True) * _NAME_PT
    height = LINES["pad"] * 2 + LINES["name"]
    title = _one_line(person.title or "")
    if title:
        width = max(width, text_em(title) * _TITLE_PT)
        height += LINES["title"]
    if unit:
        width = max(width, text_em(_one_line(unit)) * _UNIT_PT)
        height += LINES["unit"]
    if has_team:
        height += LINES["count"]
    if staked:
        height += LINES["badge"]
    return Box("", NO_COLOUR, max(_MIN_WIDTH, width + _SIDE_PAD), height)
