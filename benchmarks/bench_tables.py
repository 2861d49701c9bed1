"""Benchmark: reading the data people have — an HR export in CSV, and an Excel sheet.

For each size, the same synthetic people (``generate.py``) are written twice:

* in **orgmodel's own CSV layout**: ``people.csv`` (``id, name, title, manager_id,
  unit, email``) with ``units.csv`` beside it — the baseline;
* as an **HR export**: ``Employee ID, Full Name, Job Title, Department, Manager
  Email, Work Email``, whose managers are e-mail addresses: columns detected,
  managers resolved by e-mail, departments made into units.

Each is loaded with ``om.load`` in fresh processes that alternate, ``--repeat``
times, keeping the best time, so that load from other work on a shared machine falls
on both alike.  Target: the HR export within **1.5×** the own layout at 1M people,
and near-linear growth from 100k to 1M.

For ``--xlsx`` sizes (100k by default) the HR export is also written as an ``.xlsx``
workbook and ``om.load`` is measured beside **openpyxl** reading the same sheet into
lists (read-only mode, values only) — the floor any reader built on openpyxl has.

Last, the **zip-bomb defence**: a workbook whose sheet would unpack to 1 GiB of XML
(about 1 MiB packed) is given to ``om.load``; the table shows how long refusing it
takes and the peak memory of that process, beside a process that only imports
orgmodel.

Usage::

    python benchmarks/bench_tables.py                      # 100k and 1M; xlsx at 100k
    python benchmarks/bench_tables.py --quick              # 10k; xlsx at 10k
    python benchmarks/bench_tables.py --sizes 100k --xlsx 50k
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
import warnings
import zipfile
from pathlib import Path
from typing import Any

import openpyxl

import orgmodel as om
from _common import (
    format_bytes,
    format_seconds,
    format_size,
    format_table,
    parse_sizes,
    report_child,
    run_child,
)
from generate import synthetic_spec

HERE = Path(__file__).resolve()
TARGET = 1.5
_HR_HEADER = ("Employee ID", "Full Name", "Job Title", "Department", "Manager Email", "Work Email")
_BOMB_BYTES = 1 << 30


# -- the files --------------------------------------------------------------------------


def _export_rows(size: int, seed: int) -> list[list[str]]:
    spec = synthetic_spec(size, seed=seed)
    ids, managers, emails = spec.ids, spec.managers, spec.emails
    return [
        [
            ids[i],
            spec.names[i],
            spec.titles[i],
            spec.units[i],
            emails[managers[i]] if managers[i] >= 0 else "",
            emails[i],
        ]
        for i in range(size)
    ]


def write_files(size: int, folder: Path, *, seed: int) -> tuple[Path, Path]:
    """Write the own layout and the HR export of *size* people; return both paths."""
    spec = synthetic_spec(size, seed=seed)
    n = size  # the members; the generator's outside investors are left out
    ids, managers, emails = spec.ids, spec.managers, spec.emails
    folder.mkdir(parents=True, exist_ok=True)
    own = folder / "people.csv"
    with own.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "title", "manager_id", "unit", "email"])
        for i in range(n):
            boss = ids[managers[i]] if managers[i] >= 0 else ""
            writer.writerow([ids[i], spec.names[i], spec.titles[i], boss, spec.units[i], emails[i]])
    with (folder / "units.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name"])
        writer.writerows([u, u] for u in sorted(set(spec.units[:n])))
    export = folder / "hr-export.csv"
    with export.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(_HR_HEADER)
        writer.writerows(_export_rows(size, seed))
    return own, export


def write_workbook(size: int, path: Path, *, seed: int) -> Path:
    """Write the HR export of *size* people as one sheet of an .xlsx workbook."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Staff")
    sheet.append(list(_HR_HEADER))
    for row in _export_rows(size, seed):
        sheet.append(row)
    book.save(path)
    return path


def write_bomb(path: Path) -> Path:
    """Write a workbook whose sheet would unpack to 1 GiB of XML (about 1 MiB packed)."""
    chunk = b" " * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for _ in range(_BOMB_BYTES // len(chunk)):
                part.write(chunk)
    return path


def _paths(folder: Path, size: int) -> tuple[Path, Path]:
    where = folder / format_size(size)
    return where / "people.csv", where / "hr-export.csv"


def write_all(
    folder: Path, sizes: list[int], xlsx_sizes: list[int], seed: int, *, bomb: bool
) -> dict[str, Any]:
    """Write every file the measurements read (run in a process of its own)."""
    for size in sizes:
        write_files(size, folder / format_size(size), seed=seed)
    for size in xlsx_sizes:
        write_workbook(size, folder / f"hr-{format_size(size)}.xlsx", seed=seed)
    started = time.perf_counter()
    if bomb:
        write_bomb(folder / "bomb.xlsx")
    return {"bomb_seconds": time.perf_counter() - started}


# -- what the child processes run -----------------------------------------------------


def _load(path: Path) -> om.Organization:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return om.load(path)


def _openpyxl_lists(path: Path) -> list[list[object]]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def child(kind: str, path: Path) -> dict[str, Any]:
    """Run one measurement: load *path* the way *kind* says; return the time."""
    start = time.perf_counter()
    if kind == "openpyxl":
        count = len(_openpyxl_lists(path)) - 1
    elif kind == "bomb":
        try:
            om.load(path)
        except om.ValidationError as err:
            count = len(err.problems)
        else:
            msg = "the zip bomb was not refused"
            raise RuntimeError(msg)
    elif kind == "import":
        count = 0
    else:
        org = _load(path)
        count = len(org.people)
    return {"seconds": time.perf_counter() - start, "count": count}


# -- the parent: measure and print ----------------------------------------------------


def _best(kind: str, path: Path, repeat: int) -> dict[str, Any]:
    runs = [run_child(HERE, ["--child", kind, "--path", str(path)]) for _ in range(repeat)]
    return {
        "seconds": min(r["seconds"] for r in runs),
        "peak_rss": max(r["peak_rss"] for r in runs),
        "count": runs[0]["count"],
    }


def measure_csv(size: int, own: Path, export: Path, *, repeat: int) -> dict[str, Any]:
    """Measure both CSV loads of *size* people, alternating fresh processes."""
    runs: dict[str, list[dict[str, Any]]] = {"own": [], "export": []}
    for _ in range(repeat):
        runs["own"].append(_best("own", own, 1))
        runs["export"].append(_best("export", export, 1))
    best = {k: min(v, key=lambda r: r["seconds"]) for k, v in runs.items()}
    return {"size": size, "own": best["own"], "export": best["export"]}


def measure_xlsx(size: int, path: Path, *, repeat: int) -> dict[str, Any]:
    """Measure om.load of the workbook beside openpyxl reading its sheet into lists."""
    runs: dict[str, list[dict[str, Any]]] = {"ours": [], "openpyxl": []}
    for _ in range(repeat):
        runs["ours"].append(_best("xlsx", path, 1))
        runs["openpyxl"].append(_best("openpyxl", path, 1))
    best = {k: min(v, key=lambda r: r["seconds"]) for k, v in runs.items()}
    return {"size": size, **best, "bytes": path.stat().st_size}


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def _pair(label: str, ours: dict[str, Any], name: str, base: dict[str, Any]) -> list[list[str]]:
    """Two rows: the time of *ours* beside *base*, then their peak memory."""
    return [
        [
            label,
            format_seconds(ours["seconds"]),
            name,
            format_seconds(base["seconds"]),
            _ratio(ours["seconds"], base["seconds"]),
        ],
        [
            "    peak memory",
            format_bytes(ours["peak_rss"]),
            "",
            format_bytes(base["peak_rss"]),
            _ratio(ours["peak_rss"], base["peak_rss"]),
        ],
    ]


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0915 - one report, top to bottom
    """Measure and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100k,1M", help="people per CSV file")
    parser.add_argument("--xlsx", default="100k", help="rows per workbook")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="10k people; a smoke run")
    parser.add_argument("--no-bomb", action="store_true", help="skip the zip-bomb row")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--write-into", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        report_child(child(args.child, args.path))
        return 0
    sizes = [10_000] if args.quick else parse_sizes(args.sizes)
    xlsx_sizes = [10_000] if args.quick else parse_sizes(args.xlsx)
    if args.write_into:
        report_child(
            write_all(args.write_into, sizes, xlsx_sizes, args.seed, bomb=not args.no_bomb)
        )
        return 0
    with tempfile.TemporaryDirectory(prefix="orgmodel-bench-tables-") as tmp:
        folder = Path(tmp)
        # The files are written by a process of their own: a child's peak memory counts
        # its parent's memory at the fork, so the measuring parent stays small.
        written = run_child(
            HERE,
            [
                "--write-into",
                str(folder),
                "--sizes",
                ",".join(map(str, sizes)),
                "--xlsx",
                ",".join(map(str, xlsx_sizes)),
                "--seed",
                str(args.seed),
                *(["--no-bomb"] if args.no_bomb else []),
            ],
        )
        files = {s: _paths(folder, s) for s in sizes}
        workbooks = {s: folder / f"hr-{format_size(s)}.xlsx" for s in xlsx_sizes}
        bomb_path = None if args.no_bomb else folder / "bomb.xlsx"
        if bomb_path is not None:
            print(
                f"(wrote a {bomb_path.stat().st_size / 2**20:.1f} MiB workbook unpacking to "
                f"1 GiB in {written['bomb_seconds']:.1f} s)",
                file=sys.stderr,
            )
        results = [measure_csv(s, *files[s], repeat=args.repeat) for s in sizes]
        books = [measure_xlsx(s, workbooks[s], repeat=args.repeat) for s in xlsx_sizes]
        bomb = base = None
        if bomb_path is not None:
            bomb = _best("bomb", bomb_path, args.repeat)
            base = _best("import", bomb_path, args.repeat)
    table: list[list[str]] = []
    for r in results:
        size = format_size(r["size"])
        label = f"{size}  HR export, e-mail managers (CSV)"
        table += _pair(label, r["export"], "own CSV layout", r["own"])
    for b in books:
        size = format_size(b["size"])
        table += _pair(
            f"{size}  .xlsx with om.load", b["ours"], "openpyxl into lists", b["openpyxl"]
        )
    if bomb is not None and base is not None:
        table.append(
            [
                "zip bomb (1 GiB sheet) refused",
                format_seconds(bomb["seconds"]),
                "import orgmodel only",
                "",
                "",
            ]
        )
        table.append(
            [
                "  peak memory",
                format_bytes(bomb["peak_rss"]),
                "",
                format_bytes(base["peak_rss"]),
                _ratio(bomb["peak_rss"], base["peak_rss"]),
            ]
        )
    print(format_table(["step", "orgmodel", "baseline", "time/mem", "ratio"], table))
    print()
    growth: list[list[str]] = []
    previous = None
    for r in results:
        per = r["export"]["seconds"] / r["size"] * 1e6
        own_per = r["own"]["seconds"] / r["size"] * 1e6
        grow = "-"
        if previous is not None:
            before = previous["export"]["seconds"] / previous["size"]
            grow = f"{(r['export']['seconds'] / r['size']) / before:.2f}"
        growth.append([format_size(r["size"]), f"{per:.2f}", f"{own_per:.2f}", grow])
        previous = r
    print(
        format_table(
            ["people", "HR export µs/person", "own layout µs/person", "growth vs linear"], growth
        )
    )
    last = results[-1]
    ratio = last["export"]["seconds"] / last["own"]["seconds"]
    verdict = "met" if ratio <= TARGET else "MISSED"
    print(
        f"\nat {format_size(last['size'])}: the HR export loads in {ratio:.2f}x the time of "
        f"the own layout (target {TARGET:g}x): {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
