"""The exceptions orgmodel raises (public home; defined in :mod:`orgmodel.model.exceptions`).

Examples
--------
>>> from orgmodel.exceptions import OrgModelError, ValidationError
>>> issubclass(ValidationError, OrgModelError)
True
"""

from __future__ import annotations

from orgmodel.model.exceptions import (
    BodsExportWarning,
    DeclaredFigureWarning,
    FileAccessError,
    GraphvizNotFoundError,
    OptionError,
    OrgModelError,
    OrgModelWarning,
    PscJointWarning,
    RenderError,
    ShareError,
    SingularOwnershipError,
    UnknownReferenceError,
    ValidationError,
)

__all__ = [
    "BodsExportWarning",
    "DeclaredFigureWarning",
    "FileAccessError",
    "GraphvizNotFoundError",
    "OptionError",
    "OrgModelError",
    "OrgModelWarning",
    "PscJointWarning",
    "RenderError",
    "ShareError",
    "SingularOwnershipError",
    "UnknownReferenceError",
    "ValidationError",
]
