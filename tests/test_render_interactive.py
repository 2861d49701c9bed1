"""The interactive chart's page and data, read without a browser."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import pytest

import orgmodel as om
from orgmodel.render.interactive._data import FORMAT_VERSION
from orgmodel.render.interactive._html import page_script

P = om.Person


def data_of(chart: om.InteractiveChart) -> dict[str, Any]:
    """The JSON the page embeds."""
    found = re.search(
        r'<script id="om-data" type="application/json">(.*?)</script>', chart.html, re.DOTALL
    )
    assert found is not None
    parsed: dict[str, Any] = json.loads(found.group(1))
    return parsed


def person(data: dict[str, Any], pid: str) -> dict[str, Any]:
    strings = data["strings"]
    index = [strings[k] for k in data["id"]].index(pid)
    return {
        key: data[key][index]
        for key in ("parent", "size", "kind", "direct", "total", "open", "vacant", "level")
    } | {"name": strings[data["name"][index]], "index": index}


@pytest.fixture(scope="module")
def acme():
    return om.interactive_chart(om.example())


def test_page_is_self_contained(acme):
    """No CDN, no fetch: nothing in the page points outside it, and the policy forbids it."""
    page = acme.html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "fetch(" not in page
    assert "XMLHttpRequest" not in page
    assert "import(" not in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    rules = dict(rule.strip().split(" ", 1) for rule in policy.group(1).split(";"))
    assert rules["default-src"] == "'none'"
    assert rules["script-src"].startswith("'sha256-")
    assert "connect-src" not in rules  # falls back to default-src 'none'


def test_positions_come_from_the_tidy_layout(acme):
    """Box centres are the static tidy chart's (the page does not lay out trees)."""
    data = data_of(acme)
    chart = om.org_chart(om.example(), layout="tidy").source
    alice = re.search(r'n_alice \[.*?pos="([\d.-]+),([\d.-]+)!"', chart)
    assert alice is not None
    x = data["x"][person(data, "alice")["index"]]
    # Page boxes carry a headcount line, so widths differ; the top stays centred over
    # the same tree: compare the order of the top's reports instead of raw numbers.
    assert x > 0
    kids = [i for i, up in enumerate(data["parent"]) if up == person(data, "alice")["index"]]
    xs = [data["x"][i] for i in kids if data["kind"][i] == 1]
    assert xs == sorted(xs)
    assert data["version"] == FORMAT_VERSION


def test_headcounts_direct_and_total(acme):
    """Each manager carries their direct reports and everyone below."""
    data = data_of(acme)
    assert (person(data, "alice")["direct"], person(data, "alice")["total"]) == (8, 38)
    assert (person(data, "carol")["direct"], person(data, "carol")["total"]) == (4, 12)
    assert (person(data, "frank")["direct"], person(data, "frank")["total"]) == (3, 3)
    assert person(data, "zoe")["total"] == 0


def test_subtrees_are_contiguous_with_their_sizes(acme):
    """Each person's subtree is the range after them, as long as the chart says."""
    data = data_of(acme)
    parent = data["parent"]
    for index, size in enumerate(data["size"]):
        inside = set(range(index, index + size))
        for other in range(index + 1, len(parent)):
            up = parent[other]
            if up in inside:
                assert other in inside
    assert person(data, "carol")["size"] == 13


def test_evidence_is_the_classifiers(acme):
    """The panel's evidence is exactly what om.classify says, item by item."""
    data = data_of(acme)
    strings = data["strings"]
    index = person(data, "carol")["index"]
    items = [json.loads(strings[k]) for k in data["evidenceSets"][data["evidence"][index]]]
    carol = om.classify(om.example())["carol"]
    assert [i["text"] for i in items] == [e.text for e in carol.evidence]
    assert strings[data["reason"][index]] == carol.reason
    assert strings[data["label"][index]] == "coo-like"


def test_vacancy_is_open_headcount_and_unclassified():
    """A vacant post counts as open, not as a person, and has no label."""
    org = om.Organization(
        name="x",
        people=[
            P("a", "Ann"),
            P("v", "Vacant", title="Head of Sales", manager="a", vacant=True),
            P("b", "Bob", manager="v"),
        ],
    )
    data = data_of(om.interactive_chart(org))
    assert person(data, "a")["direct"] == 0
    assert person(data, "a")["total"] == 1
    assert person(data, "a")["open"] == 1
    assert person(data, "v")["vacant"] == 1
    assert data["strings"][data["label"][person(data, "v")["index"]]] == ""


@pytest.mark.parametrize(
    ("options", "people"),
    [({}, 39), ({"root": "carol"}, 13), ({"depth": 1}, 9), ({"root": "carol", "depth": 1}, 5)],
)
def test_root_and_depth_mirror_org_chart(options, people):
    """root= and depth= choose the same people as org_chart."""
    chart = om.interactive_chart(om.example(), **options)
    assert chart.people == people
    static = om.org_chart(om.example(), **options).source
    assert len(re.findall(r"^\tn_\w+ \[", static, flags=re.MULTILINE)) == people


@pytest.mark.parametrize("color_by", ["role", "employment", "unit", "none"])
def test_colour_by_gives_a_legend(color_by):
    """Every colouring but none has a legend with counts that add up to everyone."""
    data = data_of(om.interactive_chart(om.example(), color_by=color_by))
    if color_by == "none":
        assert data["legend"] == []
    else:
        assert sum(entry["count"] for entry in data["legend"]) == 39


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"color_by": "colour"}, "color_by"),
        ({"depth": -1}, "depth"),
        ({"percent_digits": 9}, "percent_digits"),
        ({"height": 10}, "height"),
        ({"root": "carl"}, "did you mean 'carol'"),
    ],
)
def test_bad_options_are_clear_errors(options, message):
    """Bad options raise orgmodel errors that name the option."""
    with pytest.raises(om.OrgModelError, match=message):
        om.interactive_chart(om.example(), **options)


def test_script_closing_text_cannot_end_the_data():
    """A name holding </script> is written as \\u003c/script> inside the data."""
    org = om.Organization(name="x", people=[P("a", "</script><script>alert(1)</script>")])
    page = om.interactive_chart(org).html
    assert page.count("</script>") == 2  # the data's and the page script's own
    assert "\\u003c/script\\u003e" in page


def test_lone_surrogates_become_replacement_characters(tmp_path):
    """Text Python holds but UTF-8 cannot carry is shown as U+FFFD; the file is written."""
    org = om.Organization(name="x", people=[P("a", "bad \udc80 name")])
    path = om.interactive_chart(org).save(tmp_path / "x.html")
    assert "bad \ufffd name" in path.read_text(encoding="utf-8")


def test_save_writes_html_atomically(acme, tmp_path):
    """save() writes the page and leaves nothing else behind."""
    out = acme.save(tmp_path / "acme.html")
    assert out.read_text(encoding="utf-8") == acme.html
    assert [p.name for p in tmp_path.iterdir()] == ["acme.html"]


@pytest.mark.parametrize("name", ["chart.svg", "chart", "chart.html.txt"])
def test_save_refuses_other_extensions(acme, tmp_path, name):
    """save() writes .html or .htm only, and says so."""
    with pytest.raises(om.ValidationError, match=r"\.html or \.htm"):
        acme.save(tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_notebook_display_is_a_sandboxed_srcdoc_iframe(acme):
    """_repr_html_ is an iframe whose srcdoc is the whole page, escaped as an attribute."""
    shown = acme._repr_html_()
    found = re.fullmatch(
        r'<iframe srcdoc="([^"]*)" title="[^"]*" sandbox="([^"]*)".*</iframe>', shown
    )
    assert found is not None
    assert html.unescape(found.group(1)) == acme.html
    assert found.group(2) == "allow-scripts allow-downloads"


def test_render_writes_an_interactive_chart(acme, tmp_path):
    """om.render_chart(chart, path) writes an interactive chart as its page."""
    assert om.render_chart(acme, tmp_path / "a.html").read_text(encoding="utf-8") == acme.html


def test_same_organisation_same_page():
    """The page is deterministic: the same input gives the same bytes."""
    assert om.interactive_chart(om.example()).html == om.interactive_chart(om.example()).html


@pytest.mark.parametrize(
    "api",
    [
        "fetch(",
        "XMLHttpRequest",
        "WebSocket",
        "EventSource",
        "sendBeacon",
        "eval(",
        "new Function",
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        'setAttribute("on',
    ],
)
def test_script_reaches_no_network_and_writes_no_markup(api):
    """The page's script calls nothing that loads from a network or parses markup."""
    assert api not in page_script()


def test_script_is_its_parts_in_one_function():
    """The script parts are joined in order inside one strict-mode function."""
    script = page_script()
    assert script.count('"use strict";') == 1
    assert script.index('(function () {\n  "use strict";') < script.index("— The data")
    assert script.rstrip().endswith("})();")
    positions = [script.index(f"— {part}") for part in ("The data", "Drawing", "Moving")]
    assert positions == sorted(positions)
