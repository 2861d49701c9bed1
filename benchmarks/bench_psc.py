"""Companies House PSC snapshots at register scale: streaming load and beneficial owners.

Generates a synthetic snapshot of N lines (default 100k and 1M; the real register
has about six million): 70% of lines are individuals with ownership bands, 25%
corporate PSCs whose registration number is another company of the snapshot
(realistic chains: holding companies two to four deep, some groups holding many
subsidiaries), 5% ceased PSCs and statements.  It measures, in one run:

* ``json.loads`` of every line alone (the baseline any reader must pay);
* ``read_psc`` of the same file (target: within 4x the baseline; peak RSS under
  4 GiB; near-linear growth from 100k to 1M);
* the beneficial owners of every company under ``uk-psc`` (``look_through`` with
  the majority-chain rule over all companies at once; target within 2x the load).

Run: ``PYTHONPATH=src python benchmarks/bench_psc.py [100k 1M]``.  Each size runs
in a fresh process so peak memory is its own.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import format_bytes, format_table, parse_sizes, report_child, run_child

_BANDS = ["25-to-50-percent", "50-to-75-percent", "75-to-100-percent"]


def generate(path: Path, lines: int, seed: int = 12) -> None:
    """Write a synthetic snapshot of *lines* PSC lines to *path*."""
    rng = random.Random(seed)
    # one to three PSCs a company, with bands whose lower bounds add up to at most 100%
    plans = [
        ["75-to-100-percent"],
        ["50-to-75-percent", "25-to-50-percent"],
        ["25-to-50-percent", "25-to-50-percent"],
        ["25-to-50-percent"] * 3,
    ]
    order: list[tuple[int, str]] = []
    company = 0
    while len(order) < lines:
        order.extend((company, band) for band in rng.choice(plans))
        company += 1
    with path.open("w", encoding="utf-8") as out:
        for i, (company, band) in enumerate(order[:lines]):
            number = f"{company:08d}"
            roll = rng.random()
            natures = [f"ownership-of-shares-{band}", f"voting-rights-{band}"]
            if rng.random() < 0.1:
                natures.append("significant-influence-or-control")
            data: dict[str, object] = {
                "etag": f"{i:040x}",
                "notified_on": "2016-04-06",
                "natures_of_control": natures,
            }
            if roll < 0.70:
                data |= {
                    "kind": "individual-person-with-significant-control",
                    "name": f"Person {i}",
                    "links": {
                        "self": f"/company/{number}/persons-with-significant-control/individual/p{i}"
                    },
                    "nationality": "British",
                    "date_of_birth": {"year": 1960 + i % 40, "month": 1 + i % 12},
                }
            elif roll < 0.95:
                # a parent further up the register: chains, and groups with many subsidiaries
                parent = (
                    company + 1 + (rng.randrange(50) if rng.random() < 0.8 else rng.randrange(5000))
                )
                data |= {
                    "kind": "corporate-entity-person-with-significant-control",
                    "name": f"Holding {parent} Ltd",
                    "links": {
                        "self": f"/company/{number}/persons-with-significant-control/corporate-entity/c{i}"
                    },
                    "identification": {
                        "registration_number": f"{parent:08d}",
                        "country_registered": "England",
                    },
                }
            elif roll < 0.98:
                data |= {
                    "kind": "individual-person-with-significant-control",
                    "name": f"Former {i}",
                    "links": {
                        "self": f"/company/{number}/persons-with-significant-control/individual/f{i}"
                    },
                    "ceased_on": "2020-01-01",
                }
            else:
                data = {
                    "kind": "persons-with-significant-control-statement",
                    "statement": "no-individual-or-entity-with-signficant-control",
                    "notified_on": "2016-04-06",
                }
            out.write(json.dumps({"company_number": number, "data": data}) + "\n")


def child(size: int) -> None:
    """Measure one size in this process and print the JSON line."""
    import orgmodel as om
    from orgmodel.io._psc import read_psc

    folder = Path(tempfile.mkdtemp())
    path = folder / "psc.txt"
    generate(path, size)
    start = time.perf_counter()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            json.loads(line)
    parse = time.perf_counter() - start
    start = time.perf_counter()
    org = read_psc(path)
    load = time.perf_counter() - start
    companies = [e.id for e in org.entities if e.id.startswith("GB-COH-")]
    start = time.perf_counter()
    found = om.look_through(org, companies, rule="majority-chain", measure="share", regime="uk-psc")
    people = {p.id for p in org.people}
    owners = sum(
        1 for shares in found.values() for h, s in shares.items() if h in people and s.upper > 0.25
    )
    owners_time = time.perf_counter() - start
    report_child(
        {
            "lines": size,
            "stakes": len(org.stakes),
            "parse": parse,
            "load": load,
            "owners": owners_time,
            "owner_rows": owners,
        }
    )


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        child(int(argv[1]))
        return
    sizes = parse_sizes(argv[0] if argv else "100k,1M")
    rows = []
    for size in sizes:
        r = run_child(Path(__file__), ["--child", str(size)])
        rows.append(
            [
                f"{r['lines']:,}",
                f"{r['stakes']:,}",
                f"{r['parse']:.2f} s",
                f"{r['load']:.2f} s ({r['load'] / r['parse']:.1f}x)",
                f"{r['owners']:.2f} s ({r['owners'] / r['load']:.2f}x load)",
                format_bytes(r["peak_rss"]),
            ]
        )
    print(
        format_table(
            [
                "lines",
                "stakes",
                "json.loads",
                "read_psc",
                "uk-psc owners, all companies",
                "peak RSS",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
