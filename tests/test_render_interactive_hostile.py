"""Hostile text in the data stays text: no script from the data runs, in the page or inline.

Every name, title, unit and the organisation's name below tries to run script
(``onerror`` handlers, a closing ``</script>``, a ``javascript:`` URL, quotes that
would end an attribute) or to turn text around (a right-to-left override). Each try
would set ``window.__pwned``; the tests load the page, search, open panels and
export SVG, then check that it is unset, that no element the data names exists,
and that every text reads back exactly as written.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest
from selenium.webdriver.common.by import By

import orgmodel as om
from browser import chrome, errors, open_page, wait_for

__all__ = ["chrome"]

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180), pytest.mark.xdist_group("browser")]

HOSTILE = {
    "img": '<img src=x onerror="window.__pwned=1">',
    "script": "</script><script>window.__pwned=2</script>",
    "quotes": """Ann "the boss" O'Hara' onload='window.__pwned=3""",
    "rtl": "Bob \u202eevil\u202c Ray",
    "svg": '<svg onload="window.__pwned=4"><script>window.__pwned=5</script></svg>',
    "link": '<a href="javascript:window.__pwned=6">click</a>',
    "entity": "&lt;b&gt; &amp; {{ x }} ${x} \\u003cscript\\u003e",
}


def hostile_org() -> om.Organization:
    names = list(HOSTILE.items())
    people = [
        om.Person(
            "boss",
            HOSTILE["img"],
            title=HOSTILE["script"],
            unit="u",
            employment=om.Employment.PARTNER,
        )
    ]
    people.append(om.Person("script", HOSTILE["script"], title=HOSTILE["rtl"], manager="boss"))
    people += [
        om.Person(key, text, title=HOSTILE["quotes"], unit="u", manager="script", dotted=["boss"])
        for key, text in names[2:]
    ]
    return om.Organization(
        name=HOSTILE["script"] + HOSTILE["img"],
        people=people,
        units=[om.Unit("u", HOSTILE["svg"])],
    )


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "hostile.html"
    om.interactive_chart(hostile_org(), show_dotted=True).save(path)
    return path


def pwned(driver: Any) -> Any:
    return driver.execute_script("return window.__pwned === undefined ? null : window.__pwned")


def exercise(driver: Any) -> str:
    """Search, open every panel, export SVG: everything that shows text."""
    for key in ["boss", *list(HOSTILE)[1:]]:
        assert driver.execute_script("return window.orgmodelChart.select(arguments[0])", key)
    driver.find_element(By.ID, "om-q").send_keys("script")
    wait_for(lambda: driver.find_element(By.ID, "om-hits").text, "the search")
    svg: str = driver.execute_script("return window.orgmodelChart.toSVG()")
    return svg


def test_no_script_from_the_data_runs_in_the_page(chrome, hostile_page):
    """Loading, searching, opening panels and exporting run nothing from the data."""
    open_page(chrome, hostile_page)
    exercise(chrome)
    assert pwned(chrome) is None
    for tag in ("img", "svg", "a", "iframe"):
        assert chrome.find_elements(By.TAG_NAME, tag) == [], tag
    assert len(chrome.find_elements(By.TAG_NAME, "script")) == 2  # the data and the page's own
    assert errors(chrome) == []


@pytest.mark.parametrize("key", [k for k in HOSTILE if k != "img"])
def test_hostile_names_read_back_exactly_in_the_panel(chrome, hostile_page, key):
    """The panel shows each name as the exact text, right-to-left override included."""
    open_page(chrome, hostile_page)
    chrome.execute_script("window.orgmodelChart.select(arguments[0])", key)
    shown = chrome.find_element(By.CSS_SELECTOR, "#om-panel .om-name")
    assert chrome.execute_script("return arguments[0].textContent", shown) == HOSTILE[key]
    assert chrome.execute_script("return getComputedStyle(arguments[0]).unicodeBidi", shown) in {
        "isolate",
        "plaintext",
    }


def test_title_and_heading_are_text(chrome, hostile_page):
    """The document title and the heading carry the organisation's name as text."""
    open_page(chrome, hostile_page)
    assert chrome.title == HOSTILE["script"] + HOSTILE["img"]
    heading = chrome.find_element(By.ID, "om-title")
    assert chrome.execute_script("return arguments[0].textContent", heading) == chrome.title


def test_svg_export_carries_hostile_text_as_text(chrome, hostile_page):
    """The exported SVG parses, has no element from the data, and holds the exact texts."""
    open_page(chrome, hostile_page)
    chrome.execute_script("window.orgmodelChart.fit()")
    svg = chrome.execute_script("return window.orgmodelChart.toSVG()")
    tree = ET.fromstring(svg.split("\n", 1)[1])  # noqa: S314 - our own output
    tags = {element.tag.rsplit("}", 1)[-1] for element in tree.iter()}
    assert tags <= {"svg", "title", "rect", "g", "polyline", "path", "text"}
    texts = {t.text for t in tree.iter("{http://www.w3.org/2000/svg}text")}
    assert HOSTILE["rtl"] in texts


def test_no_script_from_the_data_runs_inline_in_a_notebook_frame(chrome, tmp_path):
    """The notebook display (an iframe srcdoc) runs nothing from the data either."""
    chart = om.interactive_chart(hostile_org(), show_dotted=True)
    host = tmp_path / "host.html"
    host.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>host</title></head><body>"
        + chart._repr_html_()
        + "</body></html>",
        encoding="utf-8",
    )
    chrome.get_log("browser")
    chrome.get(host.as_uri())
    frame = wait_for(lambda: chrome.find_elements(By.TAG_NAME, "iframe"), "the frame")[0]
    assert frame.get_attribute("sandbox") == "allow-scripts allow-downloads"
    chrome.switch_to.frame(frame)
    try:
        wait_for(
            lambda: chrome.execute_script(
                "return !!window.orgmodelChart && window.orgmodelChart.stats.paints > 0"
            ),
            "the chart inside the frame",
        )
        exercise(chrome)
        assert pwned(chrome) is None
        assert chrome.find_elements(By.TAG_NAME, "img") == []
    finally:
        chrome.switch_to.default_content()
    assert pwned(chrome) is None
    assert errors(chrome) == []
