"""Run one case of the adversarial corpus and print its outcome as one line of JSON.

``python tests/hostile_runner.py CASE SCRATCH`` makes the case's input in the folder
SCRATCH, loads it (or runs it), and prints::

    {"outcome": "error", "type": "ValidationError", "codes": [...], "longest": N}
    {"outcome": "loaded", "ids": [...], "formats": {"yaml": "equal", "csv": "refused"}}

A format is ``"equal"`` when the organisation written in it reads back equal,
``"refused"`` when the writer refused with a ``ValidationError`` and left no file,
and ``"different"`` or ``"unreadable"`` otherwise.  Any exception that is not an
``OrgModelError`` is left to end the process with its traceback.
``tests/test_hostile.py`` runs it under a time and memory limit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

_NAMES = {"yaml": "firm.yaml", "json": "firm.json", "csv": "people.csv", "graphml": "firm.graphml"}


def _round_trip(org: Any, fmt: str, folder: Path) -> str:
    import orgmodel as om  # noqa: PLC0415

    folder.mkdir()
    path = folder / _NAMES[fmt]
    try:
        om.dump(org, path)
    except om.ValidationError:
        return "refused" if not any(folder.iterdir()) else "refused-but-left-files"
    try:
        again = om.load(path)
    except om.OrgModelError as err:
        return f"unreadable: {str(err)[:300]}"
    return "equal" if again == org else "different"


def run(name: str, scratch: Path) -> dict[str, Any]:
    """Run case *name* with its input made in *scratch*; return its outcome."""
    import orgmodel as om  # noqa: PLC0415
    from hostile_cases import CASES  # noqa: PLC0415
    from orgmodel.io import _files  # noqa: PLC0415

    _files.FIFO_WAIT = 2.0  # a silent FIFO is given up on sooner than in real use
    case = CASES[name]
    action = case.make(scratch)
    try:
        org = action() if callable(action) else om.load(action, format=case.format)
    except om.ValidationError as err:
        longest = max(len(str(p)) for p in err.problems)
        return {
            "outcome": "error",
            "type": "ValidationError",
            "codes": [p.code.value for p in err.problems],
            "longest": longest,
        }
    except om.OrgModelError as err:
        return {
            "outcome": "error",
            "type": type(err).__name__,
            "codes": [],
            "longest": len(str(err)),
        }
    formats = {fmt: _round_trip(org, fmt, scratch / f"out-{fmt}") for fmt in case.formats}
    return {"outcome": "loaded", "ids": [p.id for p in org.people], "formats": formats}


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], Path(sys.argv[2]))))  # noqa: T201
