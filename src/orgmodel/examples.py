"""Example organisations shipped inside the package.

Examples
--------
>>> import orgmodel as om
>>> org = om.example()
>>> org.name, len(org.people)
('Acme Partners LLP', 40)
>>> om.example_names()
('acme-partners',)
"""

from __future__ import annotations

from importlib import resources

from orgmodel._suggest import did_you_mean
from orgmodel.io import Format, loads
from orgmodel.model import Organization
from orgmodel.model.exceptions import UnknownReferenceError

__all__ = ["example", "example_names", "example_text"]

_PACKAGE = "orgmodel.data"


def example_names() -> tuple[str, ...]:
    """Return the names of the bundled examples, sorted.

    Examples
    --------
    >>> "acme-partners" in example_names()
    True
    """
    files = resources.files(_PACKAGE).iterdir()
    return tuple(sorted(f.name.removesuffix(".yaml") for f in files if f.name.endswith(".yaml")))


def example_text(name: str = "acme-partners") -> str:
    """Return the YAML source of the bundled example *name*.

    Raises
    ------
    UnknownReferenceError
        When there is no such example.

    Examples
    --------
    >>> example_text().splitlines()[0]
    '# Acme Partners LLP — a professional-services firm of 40 people, the example that'
    """
    names = example_names()
    if name not in names:
        msg = f"unknown example {name!r}{did_you_mean(name, names)}; choose from {', '.join(names)}"
        raise UnknownReferenceError(msg)
    return resources.files(_PACKAGE).joinpath(f"{name}.yaml").read_text(encoding="utf-8")


def example(name: str = "acme-partners") -> Organization:
    """Return the bundled example organisation *name* (default: the 40-person law firm).

    Acme Partners LLP has a managing partner holding through a personal holding
    company, equity partners, an operating partner, a hired COO with department
    heads, a salaried "Partner" running practice operations, associates, dotted
    lines, and client and investor relationships. The file is also in the
    repository as ``examples/acme-partners.yaml``.

    Examples
    --------
    >>> example().focal.name
    'Acme Partners LLP'
    """
    return loads(example_text(name), format=Format.YAML)
