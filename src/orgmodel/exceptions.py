"""The exceptions orgmodel raises (public home; defined in :mod:`orgmodel.model.exceptions`).

Examples
--------
>>> from orgmodel.exceptions import OrgModelError, ValidationError
>>> issubclass(ValidationError, OrgModelError)
True
"""

from __future__ import annotations

from orgmodel.model.exceptions import (
    FileAccessError,
    GraphvizNotFoundError,
    OptionError,
    OrgModelError,
    RenderError,
    ShareError,
    SingularOwnershipError,
    UnknownReferenceError,
    ValidationError,
)

__all__ = [
    "FileAccessError",
    "GraphvizNotFoundError",
    "OptionError",
    "OrgModelError",
    "RenderError",
    "ShareError",
    "SingularOwnershipError",
    "UnknownReferenceError",
    "ValidationError",
]
