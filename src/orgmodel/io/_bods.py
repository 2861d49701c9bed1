"""Beneficial Ownership Data Standard (BODS): the ownership part, read and written.

:func:`from_bods` reads a BODS 0.2, 0.3 or 0.4 document (a JSON array of person,
entity and relationship statements) into an :class:`~orgmodel.model.Organization`;
:func:`to_bods` writes BODS 0.4 back, and :func:`bods_export` says as well what BODS
could not carry.  ``docs/bods.md`` documents the mapping: what is read, what is kept
and what an export leaves out.
"""

from __future__ import annotations

from orgmodel.io._bods_read import BODS_VERSION, from_bods, is_bods
from orgmodel.io._bods_write import BodsExport, bods_export, to_bods, warn_unwritten

__all__ = [
    "BODS_VERSION",
    "BodsExport",
    "bods_export",
    "from_bods",
    "is_bods",
    "to_bods",
    "warn_unwritten",
]
