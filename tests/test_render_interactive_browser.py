"""The interactive chart in a real browser: what a reader sees and can do.

Headless Chromium (Debian's, through chromedriver) loads the saved page from disk
with no network, and the tests act as a reader does — type in the search box,
click a box, click the tag under a manager, drag, scroll, press keys — then check
the page's state, its panel text, its console and a screenshot.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import orgmodel as om
from browser import chrome, count_colour, errors, open_page, screenshot, wait_for
from orgmodel.render._style import ROLE_SWATCHES

__all__ = ["chrome"]

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180), pytest.mark.xdist_group("browser")]

HIGHLIGHT = "#E69F00"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def acme_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "acme.html"
    om.interactive_chart(om.example(), show_dotted=False).save(path)
    return path


@pytest.fixture
def page(chrome, acme_page):
    open_page(chrome, acme_page)
    return chrome


def api(driver: Any, call: str, *args: Any) -> Any:
    return driver.execute_script(f"return window.orgmodelChart.{call};", *args)


def click_at(driver: Any, x: float, y: float) -> None:
    """Click the page at viewport coordinates (x, y), as a mouse does."""
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(round(x), round(y)).click()  # type: ignore[no-untyped-call]
    actions.perform()


def test_page_loads_and_paints_boxes_without_console_errors(page):
    """The page paints every role colour it uses, and nothing reaches the console."""
    assert api(page, "count") == 39
    image = screenshot(page)
    for label in ("partner-like", "coo-like", "hybrid", "neither"):
        assert count_colour(image, ROLE_SWATCHES[label].fill) > 500, label
    legend = page.find_element(By.ID, "om-legend").text
    assert "Partner-like (4)" in legend
    assert "COO-like (2)" in legend
    assert errors(page) == []


def test_search_highlights_match_and_chain_and_moves_there(page):
    """Typing a name highlights the match and its chain to the top, centred in view."""
    box = page.find_element(By.ID, "om-q")
    box.send_keys("Legal Project")
    wait_for(lambda: page.find_element(By.ID, "om-hits").text == "1 of 1", "the match count")
    assert api(page, "current()") == "noah"
    noah = api(page, "person('noah')")
    assert noah["matched"]
    assert [api(page, f"person('{p}').chain") for p in ("sam", "alice", "carol")] == [
        True,
        True,
        False,
    ]
    where = api(page, "screenBox('noah')")
    stage = page.find_element(By.ID, "om-stage").rect
    centre_x, centre_y = where["x"] + where["width"] / 2, where["y"] + where["height"] / 2
    assert abs(centre_x - (stage["x"] + stage["width"] / 2)) < 5
    assert abs(centre_y - (stage["y"] + stage["height"] / 2)) < 5
    image = screenshot(page)
    frame = (
        int(where["x"] - 3),
        int(where["y"] - 3),
        int(where["x"] + where["width"] + 3),
        int(where["y"] + where["height"] + 3),
    )
    assert count_colour(image, HIGHLIGHT, frame) > 2 * (where["width"] + where["height"])
    assert errors(page) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [("chloé", ["chloe"]), ("HEAD OF TAX", ["dev"]), ("frank", ["frank"]), ("zzz", [])],
)
def test_search_by_name_title_or_id(page, query, expected):
    """Search matches names, titles and ids, ignoring case."""
    assert api(page, "search(arguments[0])", query) == len(expected)
    assert api(page, "matches()") == expected
    hits = page.find_element(By.ID, "om-hits").text
    assert hits == ("no match" if not expected else f"1 of {len(expected)}")


def test_enter_steps_through_matches(page):
    """Enter moves to the next match, Shift+Enter back."""
    box = page.find_element(By.ID, "om-q")
    box.send_keys("associate", Keys.ENTER)
    first = api(page, "current()")
    box.send_keys(Keys.ENTER)
    second = api(page, "current()")
    assert first != second
    assert page.find_element(By.ID, "om-hits").text.startswith("2 of ")
    box.send_keys(Keys.SHIFT, Keys.ENTER)
    assert api(page, "current()") == first


def test_collapse_and_expand_by_clicking_the_tag(page):
    """Clicking the tag under a manager hides the team (counted on the tag), again shows it."""
    api(page, "centre('carol', 1)")
    where = api(page, "screenBox('carol')")
    click_at(page, where["toggleX"], where["toggleY"])
    carol = api(page, "person('carol')")
    assert carol["collapsed"]
    assert api(page, "person('frank').hidden")
    assert api(page, "person('diana').hidden")
    visible = api(page, "visible()")
    assert "frank" not in visible
    assert "carol" in visible
    svg = api(page, "toSVG()")
    assert ">+12</text>" in svg  # Carol hides Frank, Hannah, Ivan, Julia and their 8 reports
    click_at(page, where["toggleX"], where["toggleY"])
    assert not api(page, "person('carol').collapsed")
    assert not api(page, "person('diana').hidden")
    assert errors(page) == []


def test_collapse_keeps_inner_collapsed_teams_closed(page):
    """Expanding a team again leaves a team inside it that was collapsed closed."""
    api(page, "toggle('frank')")
    api(page, "toggle('carol')")
    api(page, "toggle('carol')")
    assert api(page, "person('hannah').hidden") is False
    assert api(page, "person('diana').hidden") is True


def test_clicking_a_person_opens_the_panel_with_evidence(page):
    """The panel shows title, unit, stake, label, reason and every piece of evidence."""
    api(page, "centre('alice', 1)")
    where = api(page, "screenBox('alice')")
    click_at(page, where["x"] + where["width"] / 2, where["y"] + 12)
    panel = wait_for(lambda: page.find_element(By.ID, "om-panel"), "the panel")
    wait_for(panel.is_displayed, "the panel to open")
    text = panel.text
    alice = om.classify(om.example())["alice"]
    for expected in (
        "Alice Smith",
        "Managing Partner",
        "Executive Office",
        "30% of Acme Partners LLP",
        "partner-like",
        alice.reason,
        f"Evidence ({len(alice.evidence)})",
    ):
        assert expected in text, expected
    for evidence in alice.evidence:
        assert evidence.text in text
    page.find_element(By.CSS_SELECTOR, "#om-panel .om-close").click()
    assert not page.find_element(By.ID, "om-panel").is_displayed()


def test_panel_links_to_manager(page):
    """The manager's name in the panel opens the manager's panel."""
    api(page, "select('noah')")
    page.find_element(By.CSS_SELECTOR, "#om-panel button.om-link").click()
    assert "Partner, Practice Operations" in page.find_element(By.ID, "om-panel").text


def test_headcounts_on_manager_boxes(page):
    """A manager's box says how many report directly and how many are below in all."""
    api(page, "fit()")
    svg = api(page, "toSVG()")
    assert ">8 direct · 38 total</text>" in svg  # Alice
    assert ">4 direct · 12 total</text>" in svg  # Carol
    assert api(page, "person('carol')")["direct"] == 4


def test_dotted_lines_on_demand(page):
    """Dotted lines are drawn only once the check box is ticked, in their own colour."""
    api(page, "fit()")
    assert "#009E73" not in api(page, "toSVG()")
    page.find_element(By.ID, "om-dotted").click()
    svg = api(page, "toSVG()")
    assert svg.count('stroke="#009E73"') == 3
    page.find_element(By.ID, "om-dotted").click()
    assert "#009E73" not in api(page, "toSVG()")


def test_pan_and_zoom_with_mouse_and_keys(page):
    """Dragging pans, the wheel zooms, arrow keys pan and + zooms in."""
    canvas = page.find_element(By.ID, "om-canvas")
    before = api(page, "view()")
    ActionChains(page).move_to_element(canvas).click_and_hold().move_by_offset(
        120, 40
    ).release().perform()
    moved = api(page, "view()")
    assert round(moved["tx"] - before["tx"]) == 120
    assert round(moved["ty"] - before["ty"]) == 40
    ActionChains(page).scroll_to_element(canvas).scroll_from_origin(
        ScrollOrigin.from_element(canvas),
        0,
        -300,
    ).perform()
    zoomed = wait_for(lambda: api(page, "view()")["s"] > moved["s"] and api(page, "view()"), "zoom")
    canvas.send_keys(Keys.ARROW_LEFT)
    assert api(page, "view()")["tx"] > zoomed["tx"]
    scale = api(page, "view()")["s"]
    canvas.send_keys("+")
    assert api(page, "view()")["s"] > scale
    assert errors(page) == []


@pytest.mark.parametrize(
    ("wheel", "moved", "zoomed"),
    [
        ({"deltaX": 30, "deltaY": 0}, (-30, 0), False),  # a trackpad's sideways swipe
        ({"deltaX": 0, "deltaY": 12.5}, (0, -12.5), False),  # a trackpad's two-finger scroll
        ({"deltaX": 0, "deltaY": -8, "ctrlKey": True}, (0, 0), True),  # a pinch
        ({"deltaX": 0, "deltaY": -100}, (0, 0), True),  # a mouse wheel notch
    ],
)
def test_trackpad_pans_and_pinch_zooms(page, wheel, moved, zoomed):
    """Two-finger swipes pan by their distance; pinches and wheel notches zoom."""
    before = api(page, "view()")
    page.execute_script(
        "var c = document.getElementById('om-canvas'); var r = c.getBoundingClientRect();"
        " var init = Object.assign({deltaMode: 0, bubbles: true, cancelable: true,"
        " clientX: r.left + r.width / 2, clientY: r.top + r.height / 2}, arguments[0]);"
        " c.dispatchEvent(new WheelEvent('wheel', init));",
        wheel,
    )
    after = wait_for(lambda: (v := api(page, "view()")) != before and v, "the view to change")
    assert (after["s"] > before["s"]) is zoomed
    if not zoomed:
        assert after["tx"] - before["tx"] == pytest.approx(moved[0])
        assert after["ty"] - before["ty"] == pytest.approx(moved[1])


def test_download_current_view_as_svg_and_png(page):
    """The SVG and PNG buttons download the current view; the SVG is well-formed."""
    api(page, "fit()")
    page.find_element(By.ID, "om-svg").click()
    svg_file = wait_for(lambda: api(page, "lastDownload"), "the SVG download")
    assert svg_file["name"] == "Acme-Partners-LLP.svg"
    assert svg_file["type"] == "image/svg+xml"
    tree = ET.fromstring(api(page, "toSVG()").split("\n", 1)[1])  # noqa: S314 - our own output
    texts = {t.text for t in tree.iter(f"{SVG}text")}
    assert {"Alice Smith", "Carol Nguyen", "Zoë Clarke"} <= texts
    page.find_element(By.ID, "om-png").click()
    png = wait_for(
        lambda: (d := api(page, "lastDownload")) and d["type"] == "image/png" and d, "the PNG"
    )
    assert png["name"] == "Acme-Partners-LLP.png"
    assert png["size"] > 10_000


def test_vacancies_drawn_as_vacancies(chrome, tmp_path):
    """A vacant post is drawn with a dashed border and says so; it has no label."""
    org = om.Organization(
        name="Small",
        people=[
            om.Person("ann", "Ann Lee", title="Director"),
            om.Person("tbh", "To be hired", title="Head of Sales", manager="ann", vacant=True),
            om.Person("bob", "Bob Ray", title="Analyst", manager="ann"),
        ],
    )
    path = tmp_path / "vacant.html"
    om.interactive_chart(org).save(path)
    open_page(chrome, path)
    assert api(chrome, "person('tbh')")["vacant"]
    assert api(chrome, "person('tbh')")["label"] == ""
    assert api(chrome, "person('ann')")["open"] == 1
    assert api(chrome, "person('ann')")["direct"] == 1
    svg = api(chrome, "toSVG()")
    assert 'stroke-dasharray="5 3"' in svg
    assert ">Vacant</text>" in svg
    assert "1 direct · 1 total · 1 vacant" in svg
    api(chrome, "select('tbh')")
    assert "Vacant post — To be hired" in chrome.find_element(By.ID, "om-panel").text
    assert errors(chrome) == []


def test_draws_only_what_is_in_view(chrome, tmp_path):
    """Of 3,000 people only the boxes in view are drawn; fitted to the window, all of them."""
    people = [om.Person("p0", "Top")]
    people += [
        om.Person(f"p{i}", f"Person {i}", manager=f"p{(i - 1) // 6}") for i in range(1, 3000)
    ]
    path = tmp_path / "big.html"
    om.interactive_chart(om.Organization(name="Big", people=people), color_by="none").save(path)
    open_page(chrome, path)
    api(chrome, "centre('p0', 1)")
    near = api(chrome, "stats.drawn")
    assert 0 < near < 100
    api(chrome, "fit()")
    assert api(chrome, "stats.drawn") == 3000
    assert errors(chrome) == []
