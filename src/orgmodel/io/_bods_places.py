"""Where a problem is in a BODS document: the statement, its id and the field.

The statement reader and the interest reader locate problems by the statement's
place (``statements[3].recordDetails.interests[0].share``); problems the model finds
in the records built are pointed back at the statement they came from
(:func:`translate`); and every location finally names the statement by its
``statementId`` (:func:`identified`), as a YAML location names its line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from orgmodel.io._bods_values import shown
from orgmodel.model.problems import Problem

__all__ = ["identified", "translate"]

_FIELD_PATHS = {
    "holder": "recordDetails.interestedParty",
    "entity": "recordDetails.subject",
    "share": "recordDetails.interests",
    "voting": "recordDetails.interests",
    "profit_share": "recordDetails.interests",
    "id": "recordId",
    "name": "recordDetails",
    "attributes": "recordDetails",
}


def translate(problem: Problem, where: dict[str, list[str]]) -> Problem:
    """Point a problem found in the built model back at the statement it came from."""
    head, _, rest = problem.location.partition("[")
    if head not in where or "]" not in rest:
        return problem
    number, _, tail = rest.partition("]")
    if not number.isdigit() or int(number) >= len(where[head]):
        return problem
    field = tail.lstrip(".").split(".", 1)[0]
    path = _FIELD_PATHS.get(field, "")
    location = where[head][int(number)] + (f".{path}" if path else "")
    return attrs.evolve(problem, location=location)


def identified(problems: Iterable[Problem], statements: list[Any]) -> list[Problem]:
    """Add the ``statementId`` of the statement each problem is in to its location."""
    out = []
    for problem in problems:
        head, _, rest = problem.location.partition("[")
        number = rest.partition("]")[0]
        if head == "statements" and number.isdigit() and int(number) < len(statements):
            statement = statements[int(number)]
            sid = None
            if isinstance(statement, Mapping):
                sid = statement.get("statementId", statement.get("statementID"))
            if isinstance(sid, str) and sid:
                location = f"{problem.location} (statement {shown(sid)})"
                out.append(attrs.evolve(problem, location=location))
                continue
        out.append(problem)
    return out
