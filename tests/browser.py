"""Driving the system Chromium (Debian's ``chromium`` + ``chromium-driver``) with Selenium.

Nothing is downloaded: the driver and browser are the ones ``./dev setup`` installs
(``/usr/bin/chromedriver``, ``/usr/bin/chromium``), and Selenium Manager is kept
offline. Every wait is bounded, so a broken page fails a test instead of hanging it.
"""

from __future__ import annotations

import io
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

INSTALL = "run ./dev setup (it installs Debian's chromium and chromium-driver)"
WIDTH, HEIGHT = 1280, 860
PAGE_TIMEOUT = 30  # seconds for a page to load
WAIT = 10.0  # seconds for a condition on the page


# Where Homebrew's casks put the browsers on macOS (not on PATH).
MAC_APPS = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)


def _find(*names: str, apps: tuple[str, ...] = ()) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    for app in apps:
        if os.access(app, os.X_OK):
            return app
    msg = f"none of {', '.join(names)} is on PATH — {INSTALL}"
    raise RuntimeError(msg)


def start_chrome() -> Any:
    """Start headless Chromium through chromedriver, with console logging on."""
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager download
    from selenium import webdriver  # noqa: PLC0415 - only the browser tests need it
    from selenium.webdriver.chrome.service import Service  # noqa: PLC0415

    options = webdriver.ChromeOptions()
    options.binary_location = _find("chromium", "chromium-browser", "google-chrome", apps=MAC_APPS)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--no-first-run",
        f"--window-size={WIDTH},{HEIGHT}",
        "--force-device-scale-factor=1",
        "--lang=en-GB",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(_find("chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(PAGE_TIMEOUT)
    driver.set_script_timeout(PAGE_TIMEOUT)
    return driver


@pytest.fixture(scope="module")
def chrome() -> Iterator[Any]:
    """One headless Chromium for the tests of a module."""
    driver = start_chrome()
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(condition: Callable[[], Any], what: str, timeout: float = WAIT) -> Any:
    """Poll *condition* until it returns something truthy; fail after *timeout* seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def open_page(driver: Any, path: Path) -> None:
    """Load *path* and wait until the chart has painted once."""
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(path.as_uri())
    wait_for(
        lambda: driver.execute_script(
            "return document.documentElement.getAttribute('data-ready') === '1'"
            " && window.orgmodelChart.stats.paints > 0"
        ),
        "the chart's first paint",
    )


def errors(driver: Any) -> list[str]:
    """Console messages at warning level or worse since the last call."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] in {"SEVERE", "WARNING"}]


def screenshot(driver: Any) -> Any:
    """The viewport as an RGB Pillow image."""
    from PIL import Image  # noqa: PLC0415

    return Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")


def hex_rgb(colour: str) -> tuple[int, int, int]:
    """``"#D4E6F4"`` → ``(212, 230, 244)``."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def count_colour(image: Any, colour: str, box: tuple[int, int, int, int] | None = None) -> int:
    """How many pixels of *image* (inside *box*, if given) are within 6 of *colour*."""
    want = hex_rgb(colour)
    region = image.crop(box) if box is not None else image
    return sum(
        count
        for count, pixel in region.getcolors(maxcolors=1 << 24)
        if max(abs(a - b) for a, b in zip(pixel, want, strict=True)) <= 6
    )
