"""Synthetic Companies House PSC snapshots shaped like the register, for the benchmarks.

:func:`generate` writes *lines* JSON lines in the snapshot's documented shape (the
fields of the data product's individual, corporate-entity, legal-person,
super-secure, statement and exemptions records, each line as long as the real ones:
an address, name elements, a date of birth) with the structure of the register:

* most companies (about two thirds) have one to three individual PSCs whose bands
  add up to at most 100%, some with a right to appoint the board or significant
  influence, a few with control only;
* about a fifth belong to groups: a top company held by individuals, then two to
  five levels of subsidiaries, each held by its parent as a corporate PSC (75% or
  more, or 50–75% beside an individual), some parents holding dozens;
* some are held by companies registered abroad (their registration numbers look
  like UK ones and must not be linked), by legal persons, through trusts, jointly
  (two PSCs of 75% or more each), by super-secure PSCs, or are LLPs with the LLP
  natures of control; a few pairs of companies hold each other (cycles);
* some PSCs have ceased, some companies have only a statement, a few an exemption;
  the file ends with the snapshot's totals line.

Nothing in it is register data: names, numbers and addresses are drawn from small
made-up lists.

Examples
--------
>>> import tempfile, pathlib, json
>>> path = pathlib.Path(tempfile.mkdtemp()) / "psc.txt"
>>> generate(path, 200)
>>> lines = path.read_text().splitlines()
>>> len(lines), json.loads(lines[-1])["data"]["kind"]
(201, 'totals#persons-of-significant-control-snapshot')
"""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path
from typing import Any

__all__ = ["generate"]

_FORENAMES = [
    "Amelia",
    "Oliver",
    "Isla",
    "George",
    "Ava",
    "Noah",
    "Mia",
    "Arthur",
    "Ivy",
    "Muhammad",
    "Freya",
    "Leo",
    "Lily",
    "Harry",
    "Florence",
    "Oscar",
    "Grace",
    "Archie",
    "Sophia",
    "Jack",
    "Priya",
    "Tomasz",
    "Aisling",
    "Rhys",
    "Morag",
    "Eilidh",
]
_SURNAMES = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Jackson",
    "Clarke",
    "Khan",
    "Nowak",
    "Murphy",
    "Campbell",
    "Stewart",
    "Hughes",
    "Edwards",
    "Lewis",
    "Morgan",
]
_TOWNS = (
    ("London", "Greater London", "EC1A", "England"),
    ("Leeds", "West Yorkshire", "LS1", "England"),
    ("Bristol", "Avon", "BS1", "England"),
    ("Cardiff", "South Glamorgan", "CF10", "Wales"),
    ("Glasgow", "Lanarkshire", "G1", "Scotland"),
    ("Belfast", "County Antrim", "BT1", "Northern Ireland"),
    ("Manchester", "Greater Manchester", "M1", "England"),
    ("Norwich", "Norfolk", "NR1", "England"),
)
_STREETS = ("High Street", "Station Road", "Church Lane", "Mill Road", "Queens Way", "Park Row")
_ABROAD = (
    ("Jersey", "Jersey Financial Services Commission", "Companies (Jersey) Law 1991"),
    ("Netherlands", "Kamer van Koophandel", "Dutch Civil Code"),
    ("Ireland", "Companies Registration Office", "Companies Act 2014"),
    ("United States", "Delaware Division of Corporations", "Delaware General Corporation Law"),
    ("Cayman Islands", "Registrar of Companies", "Companies Act (Revised)"),
)
_MINISTERS = (
    "The Secretary Of State For Business And Trade",
    "The Secretary Of State For Transport",
    "The Welsh Ministers",
)
_BANDS = ("25-to-50-percent", "50-to-75-percent", "75-to-100-percent")
_PLANS = (  # bands of one to three individual PSCs of one company
    ("75-to-100-percent",),
    ("50-to-75-percent", "25-to-50-percent"),
    ("25-to-50-percent", "25-to-50-percent"),
    ("25-to-50-percent", "25-to-50-percent", "25-to-50-percent"),
    ("50-to-75-percent",),
    ("25-to-50-percent",),
)
_STATEMENTS = (
    "no-individual-or-entity-with-signficant-control",
    "psc-exists-but-not-identified",
    "steps-to-find-psc-not-yet-completed",
)
_DEPTHS = (2, 2, 2, 3, 3, 4, 5)


class _Writer:
    def __init__(self, out: Any, rng: random.Random, limit: int) -> None:  # noqa: ANN401
        self.out = out
        self.rng = rng
        self.limit = limit
        self.lines = 0
        self.counts = {"psc": 0, "statements": 0, "exemptions": 0}
        self.numbers = iter(rng.sample(range(1, 15_999_999), k=limit + 10))
        self.last = "00000001"  # the company made last

    @property
    def full(self) -> bool:
        return self.lines >= self.limit

    def number(self, prefix: str = "") -> str:
        n = next(self.numbers)
        self.last = f"{prefix}{n % 10 ** (8 - len(prefix)):0{8 - len(prefix)}d}"
        return self.last

    def emit(self, company: str, data: dict[str, Any], what: str = "psc") -> None:
        if self.full:
            return
        self.out.write(json.dumps({"company_number": company, "data": data}) + "\n")
        self.lines += 1
        self.counts[what] += 1

    def token(self) -> str:
        return base64.urlsafe_b64encode(self.rng.randbytes(20)).decode()[:27]

    def address(self) -> dict[str, str]:
        town, region, code, country = self.rng.choice(_TOWNS)
        premises = str(self.rng.randrange(1, 200))
        return {
            "address_line_1": self.rng.choice(_STREETS),
            "country": country,
            "locality": town,
            "postal_code": f"{code} {self.rng.randrange(1, 9)}{self.rng.choice('ABDEFGHJ')}Z",
            "premises": premises,
            "region": region,
        }

    def common(self, company: str, kind: str, path: str, natures: list[str]) -> dict[str, Any]:
        rng = self.rng
        return {
            "address": self.address(),
            "etag": rng.randbytes(20).hex(),
            "kind": kind,
            "links": {
                "self": f"/company/{company}/persons-with-significant-control/{path}/{self.token()}"
            },
            "natures_of_control": natures,
            "notified_on": f"{rng.randrange(2016, 2025)}-{rng.randrange(1, 13):02d}-"
            f"{rng.randrange(1, 29):02d}",
        }

    def individual(
        self, company: str, natures: list[str], *, ceased: bool = False, beneficial: bool = False
    ) -> None:
        rng = self.rng
        forename, middle, surname = (
            rng.choice(_FORENAMES),
            rng.choice(_FORENAMES),
            rng.choice(_SURNAMES),
        )
        title = rng.choice(("Mr", "Mrs", "Ms", "Dr", "Miss"))
        kind = (
            "individual-beneficial-owner"
            if beneficial
            else "individual-person-with-significant-control"
        )
        data = self.common(company, kind, "individual", natures)
        data |= {
            "country_of_residence": rng.choice(("England", "Wales", "Scotland", "United Kingdom")),
            "date_of_birth": {"month": rng.randrange(1, 13), "year": rng.randrange(1940, 2000)},
            "name": f"{title} {forename} {middle} {surname}",
            "name_elements": {
                "forename": forename,
                "middle_name": middle,
                "surname": surname,
                "title": title,
            },
            "nationality": rng.choice(("British", "British", "Irish", "Polish", "Indian")),
        }
        if ceased:
            data["ceased_on"] = "2021-03-31"
        self.emit(company, data)

    def corporate(self, company: str, parent: str, natures: list[str], *, abroad: bool) -> None:
        data = self.common(
            company, "corporate-entity-person-with-significant-control", "corporate-entity", natures
        )
        if abroad:
            country, register, law = self.rng.choice(_ABROAD)
            ident = {
                "country_registered": country,
                "legal_authority": law,
                "legal_form": "Limited Company",
                "place_registered": register,
                "registration_number": parent.lstrip("0")[:7],
            }
        else:
            ident = {
                "country_registered": self.rng.choice(("England", "England And Wales", "Wales")),
                "legal_authority": "Companies Act 2006",
                "legal_form": "Private Limited Company",
                "place_registered": "Companies House",
                "registration_number": parent if self.rng.random() < 0.8 else parent.lstrip("0"),
            }
        data |= {"identification": ident, "name": f"{parent} Holdings Limited"}
        self.emit(company, data)

    def legal_person(self, company: str, natures: list[str]) -> None:
        data = self.common(
            company, "legal-person-person-with-significant-control", "legal-person", natures
        )
        data |= {
            "identification": {"legal_authority": "Statute", "legal_form": "Government"},
            "name": self.rng.choice(_MINISTERS),
        }
        self.emit(company, data)

    def super_secure(self, company: str) -> None:
        self.emit(
            company,
            {
                "ceased": False,
                "description": "super-secure-persons-with-significant-control",
                "etag": self.rng.randbytes(20).hex(),
                "kind": "super-secure-person-with-significant-control",
                "links": {
                    "self": f"/company/{company}/persons-with-significant-control/super-secure/"
                    f"{self.token()}"
                },
            },
        )

    def statement(self, company: str, code: str) -> None:
        self.emit(
            company,
            {
                "etag": self.rng.randbytes(20).hex(),
                "kind": "persons-with-significant-control-statement",
                "links": {
                    "self": f"/company/{company}/persons-with-significant-control-statements/"
                    f"{self.token()}"
                },
                "notified_on": "2017-06-30",
                "statement": code,
            },
            "statements",
        )

    def exemption(self, company: str) -> None:
        self.emit(
            company,
            {
                "etag": self.rng.randbytes(20).hex(),
                "exemptions": {
                    "psc_exempt_as_trading_on_uk_regulated_market": {
                        "exemption_type": "psc-exempt-as-trading-on-uk-regulated-market",
                        "items": [{"exempt_from": "2021-01-01"}],
                    }
                },
                "kind": "exemptions",
                "links": {"self": f"/company/{company}/exemptions"},
            },
            "exemptions",
        )


def _natures(band: str, rng: random.Random, *, llp: bool = False) -> list[str]:
    if llp:
        out = [
            f"right-to-share-surplus-assets-{band}-limited-liability-partnership",
            f"voting-rights-{band}-limited-liability-partnership",
        ]
        if rng.random() < 0.3:
            out.append("right-to-appoint-and-remove-members-limited-liability-partnership")
        return out
    out = [f"ownership-of-shares-{band}", f"voting-rights-{band}"]
    roll = rng.random()
    if roll < 0.15:
        out.append("right-to-appoint-and-remove-directors")
    elif roll < 0.2:
        out.append("significant-influence-or-control")
    return out


def _owned_by_people(w: _Writer, company: str, *, llp: bool = False) -> None:
    rng = w.rng
    if rng.random() < 0.03:
        w.individual(company, ["significant-influence-or-control"])
        return
    for band in rng.choice(_PLANS):
        w.individual(company, _natures(band, rng, llp=llp))
    if rng.random() < 0.08:
        w.individual(company, _natures(rng.choice(_BANDS), rng), ceased=True)


def _group(w: _Writer) -> None:
    rng = w.rng
    top = w.number()
    _owned_by_people(w, top)
    level = [top]
    for _ in range(rng.choice(_DEPTHS) - 1):
        below = []
        for parent in level:
            roll = rng.random()
            children = 1 if roll < 0.6 else rng.randrange(2, 4) if roll < 0.97 else 25
            for _ in range(children):
                child = w.number()
                if rng.random() < 0.75:
                    w.corporate(child, parent, _natures("75-to-100-percent", rng), abroad=False)
                else:
                    w.corporate(child, parent, _natures("50-to-75-percent", rng), abroad=False)
                    w.individual(child, _natures("25-to-50-percent", rng))
                below.append(child)
        level = below[:30]


def _cycle(w: _Writer) -> None:
    rng = w.rng
    a, b = w.number(), w.number()
    if rng.random() < 0.5:
        w.corporate(a, b, _natures("50-to-75-percent", rng), abroad=False)
        w.individual(a, _natures("25-to-50-percent", rng))
        w.corporate(b, a, _natures("25-to-50-percent", rng), abroad=False)
        w.individual(b, _natures("50-to-75-percent", rng))
    else:  # each holding a majority of the other: a circle with no top
        w.corporate(a, b, _natures("75-to-100-percent", rng), abroad=False)
        w.corporate(b, a, _natures("75-to-100-percent", rng), abroad=False)


def _one(w: _Writer) -> None:  # noqa: C901, PLR0912 - one branch per shape of company
    rng = w.rng
    roll = rng.random()
    if roll < 0.66:
        _owned_by_people(w, w.number())
    elif roll < 0.72:
        _group(w)
    elif roll < 0.75:
        # its number abroad is that of a UK company of the snapshot: no link to it
        parent = w.last
        w.corporate(w.number(), parent, _natures("75-to-100-percent", rng), abroad=True)
    elif roll < 0.755:
        w.legal_person(w.number(), _natures("75-to-100-percent", rng))
    elif roll < 0.785:
        _owned_by_people(w, w.number("OC"), llp=True)
    elif roll < 0.80:
        company = w.number("SC")
        w.individual(
            company,
            [
                "ownership-of-shares-75-to-100-percent-as-trust",
                "significant-influence-or-control-as-trust",
            ],
        )
    elif roll < 0.805:
        company = w.number()
        w.individual(company, _natures("75-to-100-percent", rng))
        w.individual(company, _natures("75-to-100-percent", rng))
    elif roll < 0.8055:
        w.super_secure(w.number())
    elif roll < 0.807:
        _cycle(w)
    elif roll < 0.85:
        w.statement(w.number(), rng.choice(_STATEMENTS))
    elif roll < 0.851:
        company = w.number()
        w.exemption(company)
        w.statement(company, "psc-exists-but-not-identified")
    elif roll < 0.853:
        company = w.number("OE")
        w.individual(
            company,
            [
                "ownership-of-shares-more-than-25-percent-registered-overseas-entity",
                "voting-rights-more-than-25-percent-registered-overseas-entity",
            ],
            beneficial=True,
        )
    else:
        _owned_by_people(w, w.number())


def generate(path: Path, lines: int, seed: int = 12) -> dict[str, int]:
    """Write a synthetic snapshot of *lines* records (and a totals line) to *path*.

    Returns the counts of PSC, statement and exemption records written.
    """
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        w = _Writer(out, rng, lines)
        while not w.full:
            _one(w)
        totals = {
            "kind": "totals#persons-of-significant-control-snapshot",
            "persons_of_significant_control_count": w.counts["psc"],
            "statements_count": w.counts["statements"],
            "exemptions_count": w.counts["exemptions"],
            "generated_at": "2026-01-01T06:00:00Z",
        }
        out.write(json.dumps({"data": totals}) + "\n")
    return w.counts
