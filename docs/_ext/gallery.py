"""Render the charts of the documentation's gallery into ``docs/_generated/``.

Run at the start of every Sphinx build, so the pictures always match the code.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orgmodel as om

__all__ = ["GALLERY", "render_gallery"]

EXAMPLES = Path(__file__).resolve().parents[1] / "_examples"


def _large_company(size: int = 600) -> om.Organization:
    """Return a synthetic company: a CEO, six directors, teams of five to nine below."""
    people = [om.Person("ceo", "Chief Executive", title="CEO", unit=None)]
    spans = (6, 9, 5, 7, 8, 6, 9)
    queue, made = ["ceo"], 0
    while queue and made < size - 1:
        manager = queue.pop(0)
        for _ in range(spans[made % len(spans)]):
            made += 1
            if made >= size:
                break
            pid = f"p{made}"
            title = "Director" if manager == "ceo" else "Team member"
            people.append(om.Person(pid, f"Person {made}", title=title, manager=manager))
            queue.append(pid)
    return om.Organization(name=f"A company of {size} people", people=people)


def _acme_chart(path: Path) -> None:
    om.render_org_chart(om.example(), path)


def _acme_operations(path: Path) -> None:
    om.render_org_chart(om.example(), path, root="carol", depth=2, title="Operations at Acme")


def _acme_ownership(path: Path) -> None:
    om.render_ownership_chart(om.example(), path)


def _atlas_ownership(path: Path) -> None:
    org = om.load(EXAMPLES / "atlas.yaml")
    om.render_ownership_chart(org, path, entity="atlas-logistics", show_look_through=True)


def _firm_by_unit(path: Path) -> None:
    om.render_org_chart(om.load(EXAMPLES / "firm.yaml"), path, color_by="unit")


def _large(path: Path) -> None:
    om.render_org_chart(_large_company(), path, color_by="none", legend=False)


#: File name → function that draws it.
GALLERY: dict[str, Callable[[Path], None]] = {
    "acme-org-chart.svg": _acme_chart,
    "acme-operations.svg": _acme_operations,
    "acme-ownership.svg": _acme_ownership,
    "atlas-ownership.svg": _atlas_ownership,
    "firm-by-unit.svg": _firm_by_unit,
    "large-company.svg": _large,
}


def render_gallery(out_dir: Path) -> list[Path]:
    """Draw every chart of :data:`GALLERY` into *out_dir*; return the files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, draw in GALLERY.items():
        draw(out_dir / name)
        written.append(out_dir / name)
    return written
