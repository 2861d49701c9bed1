"""The interactive org chart in headless Chromium: opening, searching, expanding.

Usage::

    python benchmarks/bench_browser.py                 # 1k, 10k and 100k people
    python benchmarks/bench_browser.py --quick         # 1k only
    python benchmarks/bench_browser.py --sizes 10k,50k

For every size one synthetic firm (the one ``bench_render.py`` draws) is written as
an interactive page (``om.interactive_chart(...).save``) and opened from disk in
Debian's headless Chromium through chromedriver. The page reports, in milliseconds
since navigation started, when its first paint was done (the wall clock from
WebDriver's ``get`` until the page says so is shown beside it); a search for a person
deep in the tree (the first search also builds the search index) and collapsing
and expanding the top manager's whole team are timed inside the page, each
including the repaint. The baseline, measured in the same run, is a page holding
only the organisation's JSON dump (``om.dumps(org, format="json")``) that parses
it: the ratio says what drawing costs beyond reading the data. Sizes are compared
with the same JSON dump.

Targets at 100,000 people: open and paint ≤ 3 s, search ≤ 200 ms, expand or
collapse ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

import orgmodel as om  # noqa: E402
from _common import format_seconds, format_size, format_table, parse_sizes  # noqa: E402
from bench_render import synthetic_firm  # noqa: E402
from browser import start_chrome  # noqa: E402 - tests/browser.py: the system Chromium

TARGETS = {"open": 3.0, "search": 0.2, "toggle": 0.1}
_BASELINE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>JSON</title></head>
<body><script id="d" type="application/json">{data}</script><script>
var t = JSON.parse(document.getElementById("d").textContent);
document.documentElement.setAttribute("data-ready", String(performance.now()));
</script></body></html>"""


def _wait(driver: Any, script: str, timeout: float = 120.0) -> Any:  # noqa: ANN401
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.02)
    msg = f"timed out after {timeout} s waiting for: {script}"
    raise TimeoutError(msg)


def measure(driver: Any, count: int, folder: Path) -> dict[str, float]:  # noqa: ANN401
    """Write the page for *count* people, open it, and time what a reader does."""
    org = synthetic_firm(count)
    started = time.perf_counter()
    roles = om.classify(org)
    page = om.interactive_chart(org, roles=roles)
    build = time.perf_counter() - started
    path = page.save(folder / f"chart-{count}.html")
    dump = om.dumps(org, format="json")
    baseline = folder / f"json-{count}.html"
    escaped = dump.replace("<", "\\u003c")
    baseline.write_text(_BASELINE.format(data=escaped), encoding="utf-8")
    driver.get(baseline.as_uri())
    parse_ms = float(_wait(driver, "return document.documentElement.getAttribute('data-ready')"))
    wall = time.perf_counter()
    driver.get(path.as_uri())
    _wait(driver, "return window.orgmodelChart && window.orgmodelChart.stats.paints > 0")
    wall = time.perf_counter() - wall
    first_paint = driver.execute_script("return window.orgmodelChart.stats.firstPaint")
    last = f"Person {count - 1}"
    search = driver.execute_script(
        "var t = performance.now(); var k = window.orgmodelChart.search(arguments[0]);"
        " return [performance.now() - t, k, window.orgmodelChart.current()];",
        last,
    )
    if search[1] < 1:
        msg = f"the search for {last!r} found nothing"
        raise RuntimeError(msg)
    toggle = driver.execute_script(
        "var c = window.orgmodelChart; var t0 = performance.now(); c.toggle('p0', false);"
        " var t1 = performance.now(); c.toggle('p0', true); var t2 = performance.now();"
        " return [t1 - t0, t2 - t1];"
    )
    return {
        "people": count,
        "build": build,
        "page_bytes": len(page.html.encode("utf-8")),
        "json_bytes": len(dump.encode("utf-8")),
        "open": first_paint / 1000.0,
        "open_wall": wall,
        "baseline": parse_ms / 1000.0,
        "search": search[0] / 1000.0,
        "collapse": toggle[0] / 1000.0,
        "expand": toggle[1] / 1000.0,
    }


def _verdict(value: float, target: float) -> str:
    return f"{format_seconds(value)} ({value / target:.2f}× target)"


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="1k people only")
    parser.add_argument("--sizes", type=parse_sizes, help="comma-separated, e.g. 1k,10k,100k")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([1_000] if args.quick else [1_000, 10_000, 100_000])
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    driver = start_chrome()
    rows = []
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="orgmodel-bench-") as folder:
            for count in sizes:
                found = measure(driver, count, Path(folder))
                results.append(found)
                rows.append(
                    [
                        format_size(count),
                        format_seconds(found["build"]),
                        f"{found['page_bytes'] / 2**20:.1f} MiB",
                        f"{found['json_bytes'] / 2**20:.1f} MiB",
                        f"{found['page_bytes'] / found['json_bytes']:.2f}×",
                        (
                            _verdict(found["open"], TARGETS["open"])
                            + f", wall {format_seconds(found['open_wall'])}"
                        ),
                        (
                            f"{format_seconds(found['baseline'])} "
                            f"({found['open'] / found['baseline']:.1f}×)"
                        ),
                        _verdict(found["search"], TARGETS["search"]),
                        _verdict(found["collapse"], TARGETS["toggle"]),
                        _verdict(found["expand"], TARGETS["toggle"]),
                    ]
                )
                print(f"  measured {count:,} people", file=sys.stderr, flush=True)
    finally:
        driver.quit()
    headers = [
        "people",
        "build (Python)",
        "page",
        "JSON dump",
        "page / JSON",
        "open + paint",
        "JSON.parse page (open / it)",
        "search",
        "collapse",
        "expand",
    ]
    print(format_table(headers, rows))
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
