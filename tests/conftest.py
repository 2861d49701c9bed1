"""Shared fixtures, Hypothesis profiles, and which tests are slow.

``./dev test --fast`` (``pytest -m "not slow"``) leaves out the tests marked
``slow``: every Hypothesis test (marked here, so a new one is too), and by hand the
100,000-member and deep-structure tests and the notebook runs.  ``./dev test`` and
CI run everything.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# tests/ is not a package; make `import strategies` work under --import-mode=importlib.
sys.path.insert(0, str(Path(__file__).parent))

settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every Hypothesis test ``slow``: each runs tens to hundreds of examples."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.slow)
