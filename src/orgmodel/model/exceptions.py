"""The exceptions orgmodel raises; :class:`OrgModelError` is the root of them all.

A subclass also inherits the matching builtin where there is one, so code that
already catches ``KeyError`` or ``OSError`` keeps working, as networkx and attrs do.

Examples
--------
>>> from orgmodel.model.exceptions import OrgModelError, ValidationError
>>> from orgmodel.model.problems import Problem, ProblemCode
>>> err = ValidationError([Problem(ProblemCode.DUPLICATE_ID, "people[1].id", "'bob' twice")])
>>> isinstance(err, OrgModelError), len(err.problems)
(True, 1)
"""

from __future__ import annotations

from collections.abc import Iterable

from orgmodel.model.problems import Problem

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


class OrgModelError(Exception):
    """The root of every error orgmodel raises on purpose."""


class ValidationError(OrgModelError, ValueError):
    """An organisation or an input file has problems; :attr:`problems` lists every one.

    Parameters
    ----------
    problems : iterable of Problem
        The problems found, in the order they were found.
    source : str, optional
        The file or document they were found in, for the message.
    """

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''}"
        if source:
            head += f" in {source}"
        lines = [f"{head}:", *(f"  - {p}" for p in self.problems)]
        super().__init__("\n".join(lines))


class OptionError(OrgModelError, ValueError):
    """An option that names a choice (a rule, regime, layout, format ...) is not one of them.

    The message lists the allowed values, with a did-you-mean where one is close.
    """


class ShareError(OrgModelError, ValueError):
    """A share, vote or profit share is not a fraction (or range of fractions) in [0, 1]."""


class SingularOwnershipError(OrgModelError, ValueError):
    """A group of entities owns itself wholly, so its ownership cannot be looked through.

    Attributes
    ----------
    cycle : tuple of str
        The ids of one cycle of holdings inside the group, in order.
    """

    def __init__(self, message: str, cycle: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.cycle: tuple[str, ...] = tuple(cycle)


class UnknownReferenceError(OrgModelError, KeyError):
    """An id was looked up that the organisation does not have."""

    def __str__(self) -> str:
        # KeyError would show the repr of the message; show the message itself.
        return str(self.args[0]) if self.args else ""


class FileAccessError(OrgModelError, OSError):
    """A file could not be read or written (missing, a directory, no permission)."""


class GraphvizNotFoundError(OrgModelError, RuntimeError):
    """The Graphviz executables are needed to render a file but are not on ``PATH``."""


class RenderError(OrgModelError, RuntimeError):
    """Graphviz failed to render a diagram."""


class OrgModelWarning(UserWarning):
    """The root of every warning orgmodel gives: the result is usable, but say so."""


class BodsExportWarning(OrgModelWarning):
    """A BODS export left out parts of the organisation that BODS cannot carry.

    Attributes
    ----------
    unwritten : tuple of str
        One sentence per kind of thing left out ("2 units", "4 reporting lines" ...).
    """

    def __init__(self, unwritten: Iterable[str]) -> None:
        self.unwritten: tuple[str, ...] = tuple(unwritten)
        super().__init__(
            "BODS cannot carry, so this export leaves out: " + "; ".join(self.unwritten)
        )

    def __reduce__(self) -> tuple[type[BodsExportWarning], tuple[tuple[str, ...]]]:
        return (type(self), (self.unwritten,))


class DeclaredFigureWarning(OrgModelWarning):
    """A declared indirect holding disagrees with the figure its chain in the file gives."""


class PscJointWarning(OrgModelWarning):
    """Some companies' PSCs hold more than 100% between them: read as joint holders."""


# Shown and pickled under their public home, as numpy's ``set_module`` does: a
# traceback reads ``orgmodel.exceptions.ValidationError``, the name users import.
for _cls in (
    OrgModelError,
    ValidationError,
    OptionError,
    ShareError,
    SingularOwnershipError,
    UnknownReferenceError,
    FileAccessError,
    GraphvizNotFoundError,
    RenderError,
    OrgModelWarning,
    BodsExportWarning,
    DeclaredFigureWarning,
    PscJointWarning,
):
    _cls.__module__ = "orgmodel.exceptions"
del _cls
