"""Sphinx configuration for the orgmodel documentation (MyST Markdown, furo theme)."""

from __future__ import annotations

import doctest
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE / "_ext"))

import orgmodel  # noqa: E402 - the path above makes it importable from a source tree

project = "orgmodel"
author = "The orgmodel engineers"
copyright = "2026, The orgmodel engineers"
release = orgmodel.__version__
version = release

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "orgmodel_docs",
]

source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "_examples", "_generated", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]

# The example notebooks are rendered with their outputs, executed afresh at every
# build (a failing cell fails the build), so every chart in them shows on the site.
# They live in examples/ (stored without outputs); each build copies them here.
NOTEBOOKS = HERE / "notebooks"
NOTEBOOKS.mkdir(exist_ok=True)
for _old in NOTEBOOKS.glob("*.ipynb"):
    _old.unlink()
for _notebook in sorted((HERE.parent / "examples").glob("*.ipynb")):
    shutil.copyfile(_notebook, NOTEBOOKS / _notebook.name)
nb_execution_mode = "force"
nb_execution_timeout = 300
nb_execution_raise_on_error = True
nb_execution_in_temp = True  # files the notebooks write go to a scratch folder
nb_merge_streams = True
myst_heading_anchors = 3

autosummary_generate = True
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_numpy_docstring = True
napoleon_google_docstring = False
napoleon_use_ivar = True
napoleon_use_rtype = False

# Code on the pages is written in ```{doctest} blocks and run by `sphinx-build -b doctest`.
# Docstring examples in the API reference are run by pytest --doctest-modules instead.
doctest_test_doctest_blocks = ""
doctest_global_setup = f"""
import os as _os
import shutil as _shutil
import tempfile as _tempfile
from pathlib import Path as _Path

import orgmodel as om

_HOME = _os.getcwd()


def _scratch(*names):
    # Run the page's examples in a fresh directory holding copies of docs/_examples files.
    where = _tempfile.mkdtemp(prefix="orgmodel-docs-")
    for name in names:
        _shutil.copy(_Path({str(HERE / "_examples")!r}) / name, where)
    _os.chdir(where)
"""
doctest_global_cleanup = "_os.chdir(_HOME)"
doctest_default_flags = (
    doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1
)

html_theme = "furo"
html_title = f"orgmodel {release}"
html_static_path: list[str] = []
