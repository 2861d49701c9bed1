"""Directory dumps given to :func:`orgmodel.load`, detected by their content.

SCIM 2.0 Users (:mod:`~orgmodel.io.directories.scim`), Microsoft Graph users with
``manager`` expanded (:mod:`~orgmodel.io.directories.msgraph`), Google Directory
users (:mod:`~orgmodel.io.directories.google`) as JSON, and LDIF
(:mod:`~orgmodel.io.directories.ldif`).  Each becomes a roster, built like any
table of people.
"""

from __future__ import annotations

from orgmodel.io._roster import build_roster
from orgmodel.io.directories.google import is_google, read_google
from orgmodel.io.directories.ldif import is_ldif, read_ldif
from orgmodel.io.directories.msgraph import is_graph, read_graph
from orgmodel.io.directories.scim import is_scim, read_scim
from orgmodel.model import Organization

__all__ = ["is_directory", "is_ldif", "read_directory", "read_ldif_text"]


def is_directory(data: object) -> bool:
    """Whether the JSON *data* is a directory dump orgmodel reads."""
    return is_scim(data) or is_graph(data) or is_google(data)


def read_directory(data: object, source: str) -> Organization:
    """Read the JSON directory dump *data* (see :func:`is_directory`)."""
    if is_scim(data):
        roster = read_scim(data, source)
    elif is_graph(data):
        roster = read_graph(data, source)
    else:
        roster = read_google(data, source)
    return build_roster(roster)


def read_ldif_text(text: str, source: str) -> Organization:
    """Read an LDIF dump's text."""
    file = source.rsplit("/", 1)[-1] if not source.startswith("<") else "dump.ldif"
    return build_roster(read_ldif(text, source, file))
