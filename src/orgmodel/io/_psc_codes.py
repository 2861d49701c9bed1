"""The codes of the Companies House PSC data: natures of control, kinds and numbers.

Every nature of control Companies House publishes (its ``psc_descriptions.yml``
enumeration) is one entry of :data:`NATURES`, built from the statutory wording: a
measure (shares, votes, a right to surplus assets), a band or a right of control,
and *how* it is held — directly, or through a trust or a firm that the register
does not name (``-as-trust``, ``-as-firm``; for overseas entities also
``-as-control-over-trust`` / ``-as-control-over-firm``).  ``docs/psc.md`` lists
them all with what each becomes.

The bands are those of the Register of People with Significant Control Regulations
2016, Schedule 1 Part 1 (the enumeration's short descriptions use the same words):
"more than 25% but not more than 50%" ``(25-50]%``, "more than 50% but less than
75%" ``(50-75)%``, "75% or more" ``[75-100]%``; overseas entities' "more than 25%"
is ``>25%`` (``(25-100]%``).

Examples
--------
>>> n = NATURES["voting-rights-50-to-75-percent-as-trust"]
>>> n.measure, str(n.band), n.held
(<Measure.VOTING: 'voting'>, '(50–75)%', <Held.TRUST: 'trust'>)
>>> NATURES["significant-influence-or-control"].control
<Control.SIGNIFICANT_INFLUENCE: 'significant_influence'>
>>> company_number(" sc 1234 "), company_number("5498655"), company_number("HRB 1234")
('SC001234', '05498655', None)
"""

from __future__ import annotations

import enum
import re

import attrs

from orgmodel.model import Control, Share

__all__ = [
    "BANDS",
    "EXEMPTIONS",
    "KINDS",
    "NATURES",
    "STATEMENTS",
    "UK_COUNTRIES",
    "Held",
    "Kind",
    "Measure",
    "Nature",
    "company_number",
    "is_uk_register",
]


class Measure(enum.Enum):
    """What a nature of control measures."""

    SHARE = "share"  # shares, or an LLP's or partnership's right to its surplus assets
    VOTING = "voting"
    CONTROL = "control"  # a right of control, no figure
    NOMINEE = "nominee"  # an overseas entity holding UK land as nominee: no figure


class Held(enum.Enum):
    """How a PSC holds what a nature of control describes."""

    DIRECT = "direct"
    TRUST = "trust"  # as a trustee, or with control over the trustees
    FIRM = "firm"  # as a member of a firm that is not a legal person
    CONTROL_OVER_TRUST = "control-over-trust"
    CONTROL_OVER_FIRM = "control-over-firm"


class Kind(enum.Enum):
    """What one line of a snapshot is."""

    INDIVIDUAL = "individual"
    CORPORATE = "corporate"
    LEGAL_PERSON = "legal-person"
    SUPER_SECURE = "super-secure"
    STATEMENT = "statement"
    EXEMPTIONS = "exemptions"
    TOTALS = "totals"


#: Each ``data.kind`` of the snapshot (PSCs, and beneficial owners of overseas entities).
KINDS: dict[str, Kind] = {
    "individual-person-with-significant-control": Kind.INDIVIDUAL,
    "individual-beneficial-owner": Kind.INDIVIDUAL,
    "corporate-entity-person-with-significant-control": Kind.CORPORATE,
    "corporate-entity-beneficial-owner": Kind.CORPORATE,
    "legal-person-person-with-significant-control": Kind.LEGAL_PERSON,
    "legal-person-beneficial-owner": Kind.LEGAL_PERSON,
    "super-secure-person-with-significant-control": Kind.SUPER_SECURE,
    "super-secure-beneficial-owner": Kind.SUPER_SECURE,
    "persons-with-significant-control-statement": Kind.STATEMENT,
    "exemptions": Kind.EXEMPTIONS,
    "totals#persons-of-significant-control-snapshot": Kind.TOTALS,
}


@attrs.frozen
class Nature:
    """What one nature of control code says.

    Attributes
    ----------
    code : str
        The code as published.
    measure : Measure
        What it measures.
    band : Share or None
        The statutory band, for shares, votes and surplus assets.
    control : Control or None
        The right of control, for board appointment and significant influence.
    held : Held
        Directly, or through a trust or a firm.
    """

    code: str
    measure: Measure
    band: Share | None = None
    control: Control | None = None
    held: Held = Held.DIRECT


#: The statutory bands, by the part of the code that names them.
BANDS: dict[str, Share] = {
    "25-to-50-percent": Share.between(0.25, 0.5, lower_open=True),
    "50-to-75-percent": Share.between(0.5, 0.75, lower_open=True, upper_open=True),
    "75-to-100-percent": Share.between(0.75, 1.0),
}
_MORE_THAN_25 = Share.between(0.25, 1.0, lower_open=True)
_HELD = {"": Held.DIRECT, "-as-trust": Held.TRUST, "-as-firm": Held.FIRM}
_OVERSEAS_HELD = {
    **_HELD,
    "-as-control-over-trust": Held.CONTROL_OVER_TRUST,
    "-as-control-over-firm": Held.CONTROL_OVER_FIRM,
}
_ROE = "-registered-overseas-entity"
_LLP = "-limited-liability-partnership"


def _natures() -> dict[str, Nature]:
    out: dict[str, Nature] = {}

    def add(code: str, measure: Measure, held: Held, **what: object) -> None:
        out[code] = Nature(code, measure, held=held, **what)  # type: ignore[arg-type]

    for band_code, band in BANDS.items():
        for suffix, held in _HELD.items():
            add(f"ownership-of-shares-{band_code}{suffix}", Measure.SHARE, held, band=band)
            add(f"voting-rights-{band_code}{suffix}", Measure.VOTING, held, band=band)
            add(f"voting-rights-{band_code}{suffix}{_LLP}", Measure.VOTING, held, band=band)
            # a right to the surplus assets is an LLP's or partnership's economic share
            surplus = f"right-to-share-surplus-assets-{band_code}{suffix}{_LLP}"
            add(surplus, Measure.SHARE, held, band=band)
            partnership = f"part-right-to-share-surplus-assets-{band_code}{suffix}"
            add(partnership, Measure.SHARE, held, band=band)
    board, influence = Control.BOARD_APPOINTMENT, Control.SIGNIFICANT_INFLUENCE
    for suffix, held in _HELD.items():
        add(f"right-to-appoint-and-remove-directors{suffix}", Measure.CONTROL, held, control=board)
        members = f"right-to-appoint-and-remove-members{suffix}{_LLP}"
        add(members, Measure.CONTROL, held, control=board)
        add(f"right-to-appoint-and-remove-person{suffix}", Measure.CONTROL, held, control=board)
        add(f"significant-influence-or-control{suffix}", Measure.CONTROL, held, control=influence)
        llp = f"significant-influence-or-control{suffix}{_LLP}"
        add(llp, Measure.CONTROL, held, control=influence)
    for suffix, held in _OVERSEAS_HELD.items():
        shares = f"ownership-of-shares-more-than-25-percent{suffix}{_ROE}"
        add(shares, Measure.SHARE, held, band=_MORE_THAN_25)
        votes = f"voting-rights-more-than-25-percent{suffix}{_ROE}"
        add(votes, Measure.VOTING, held, band=_MORE_THAN_25)
        sic = f"significant-influence-or-control{suffix}{_ROE}"
        add(sic, Measure.CONTROL, held, control=influence)
        directors = f"right-to-appoint-and-remove-directors{suffix}{_ROE}"
        add(directors, Measure.CONTROL, held, control=board)
    for whom in ("person", "another-entity"):
        for where in ("england-wales", "scotland", "northern-ireland"):
            add(f"registered-owner-as-nominee-{whom}-{where}{_ROE}", Measure.NOMINEE, Held.DIRECT)
    return out


#: Every nature of control code, and what it says.
NATURES: dict[str, Nature] = _natures()

#: The statements a company makes in place of naming a PSC (``data.statement``).
STATEMENTS = frozenset(
    {
        "no-individual-or-entity-with-signficant-control",  # sic: Companies House's spelling
        "psc-exists-but-not-identified",
        "psc-details-not-confirmed",
        "steps-to-find-psc-not-yet-completed",
        "psc-contacted-but-no-response",
        "psc-has-failed-to-confirm-changed-details",
        "restrictions-notice-issued-to-psc",
        "no-individual-or-entity-with-signficant-control-partnership",
        "psc-exists-but-not-identified-partnership",
        "psc-details-not-confirmed-partnership",
        "steps-to-find-psc-not-yet-completed-partnership",
        "psc-contacted-but-no-response-partnership",
        "psc-has-failed-to-confirm-changed-details-partnership",
        "restrictions-notice-issued-to-psc-partnership",
        "all-beneficial-owners-identified",
        "no-beneficial-owner-identified",
        "at-least-one-beneficial-owner-unidentified",
        "information-not-provided-for-at-least-one-beneficial-owner",
        "at-least-one-beneficial-owner-unidentified-and-information-not-provided-for-at-least-one-beneficial-owner",
        "nobody-has-become-or-ceased-to-be-a-beneficial-owner",
        "somebody-has-become-or-ceased-to-be-a-beneficial-owner",
        "no-change-beneficial-owner-relevant-period",
        "change-beneficial-owner-relevant-period",
        "no-trust-involved-relevant-period",
        "trust-involved-relevant-period",
        "no-change-beneficiary-relevant-period",
        "change-beneficiary-relevant-period",
    }
)

#: The exemptions from keeping a PSC register (``exemptions.*.exemption_type``).
EXEMPTIONS = frozenset(
    {
        "psc-exempt-as-trading-on-regulated-market",
        "psc-exempt-as-shares-admitted-on-market",
        "psc-exempt-as-trading-on-uk-regulated-market",
        "psc-exempt-as-trading-on-eu-regulated-market",
        "disclosure-transparency-rules-chapter-five-applies",
    }
)

#: ``country_registered`` values (lower case) that mean a UK register.
UK_COUNTRIES = frozenset(
    {
        "england",
        "wales",
        "scotland",
        "northern ireland",
        "england and wales",
        "england & wales",
        "united kingdom",
        "uk",
        "u.k.",
        "great britain",
        "gb",
        "britain",
    }
)
_NUMBER = re.compile(r"([A-Z]{0,2})(\d{1,8})", re.ASCII)
_NUMBER_LENGTH = 8


def company_number(text: str) -> str | None:
    """Return *text* as an 8-character Companies House number, or ``None`` if it is none.

    Spaces are dropped and letters upper-cased; the digits after an optional
    two-letter prefix (``SC``, ``NI``, ``OC``, ``OE``, ...) are padded with zeros to
    eight characters in all, as Companies House writes them.
    """
    if (
        len(text) == _NUMBER_LENGTH
        and text.isascii()
        and (text.isdigit() or (text[:2].isalpha() and text[:2].isupper() and text[2:].isdigit()))
    ):
        return text  # already as Companies House writes it
    cleaned = text.replace(" ", "").upper()
    found = _NUMBER.fullmatch(cleaned)
    if found is None:
        return None
    prefix, digits = found.groups()
    width = _NUMBER_LENGTH - len(prefix)
    if len(digits) > width:
        return None
    return prefix + digits.zfill(width)


def is_uk_register(country: object, place: object) -> bool:
    """Whether a corporate PSC's ``country_registered``/``place_registered`` say UK.

    Both missing counts as UK (a UK company's PSC statement usually names
    Companies House, and nothing else keeps a register of these numbers).

    Examples
    --------
    >>> is_uk_register("England And Wales", None), is_uk_register(None, "Companies House")
    (True, True)
    >>> is_uk_register("Jersey", "Jersey Financial Services Commission")
    False
    """
    if isinstance(place, str) and "companies house" in place.lower():
        return True
    if isinstance(country, str) and country.strip():
        return " ".join(country.lower().split()) in UK_COUNTRIES
    return not (isinstance(place, str) and place.strip())
