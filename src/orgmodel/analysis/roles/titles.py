"""The title lexicon: job titles read as a seniority and functions, kept as data.

A job title says what someone does before any responsibility is tagged: "Chief
Operating Officer" is a C-level title in operations, "Partner, Head of Tax" a
partner heading a practice, "Warehouse & Logistics Manager" a manager in the supply
chain.  :class:`TitleLexicon` holds the phrases that say so — one
:class:`TitleTerm` each — and :meth:`TitleLexicon.parse` reads a title into a
:class:`ParsedTitle`.  The same lexicon reads unit names ("People Ops", "Client
Services") and declared unit functions.

How a title is read:

1. It is cut into segments at commas, parentheses, slashes and spaced dashes, and
   each segment is cut at "to" or "for" (``BREAK`` terms): "Assistant to the
   Managing Partner" is an assistant.
2. Each segment is read left to right, the longest phrase first, so "business
   development" wins over "development", "HR business partner" is not a partner and
   "practice operations" is operations.
3. ``PRACTICE`` terms ("consulting", "advisory", "practice") make their segment
   client work (``DELIVERY``), its other functions only the practice's subject:
   "Partner, Operations Consulting" runs a client practice, not the firm's
   operations.  ``FORMER`` terms ("retired", "former") void the whole title (a past
   role); ``SALARIED`` terms ("salaried", "non-equity") mark a partner title that
   carries no stake.

The phrases themselves are data, in :mod:`.lexicon` (``DEFAULT_TITLES``),
extensible like the vocabulary: :meth:`TitleLexicon.extend` returns a larger
lexicon, used through ``ClassifierConfig(titles=...)``.

Examples
--------
>>> from orgmodel.analysis.roles.lexicon import DEFAULT_TITLES
>>> parsed = DEFAULT_TITLES.parse("CTO & Co-founder")
>>> parsed.seniority, [f.value for f in parsed.functions]
(<Seniority.CHIEF: 'chief'>, ['technology'])
>>> [s.value for s in parsed.seniorities]
['chief', 'founder']
>>> DEFAULT_TITLES.parse("Partner, Operations Consulting").functions
(<JobFunction.DELIVERY: 'delivery'>,)
>>> DEFAULT_TITLES.parse("PA to the Managing Partner").seniority
<Seniority.ASSISTANT: 'assistant'>
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping

import attrs

__all__ = [
    "JobFunction",
    "ParsedTitle",
    "Seniority",
    "TermKind",
    "TitleLexicon",
    "TitleTerm",
]


class Seniority(enum.Enum):
    """How senior a title is, highest first (declaration order is the rank)."""

    CHIEF = "chief"
    """C-level: chief executive, COO, CFO, CTO ..."""
    PRESIDENT = "president"
    MANAGING_DIRECTOR = "managing-director"
    """Managing director or general manager."""
    PARTNER = "partner"
    PRINCIPAL = "principal"
    FOUNDER = "founder"
    """Founder or owner."""
    BOARD = "board"
    """Chair, non-executive director, trustee."""
    VICE_PRESIDENT = "vice-president"
    """VP, SVP, EVP."""
    DIRECTOR = "director"
    HEAD = "head"
    MANAGER = "manager"
    LEAD = "lead"
    """Team lead, supervisor."""
    INDIVIDUAL = "individual"
    """An individual contributor: the default."""
    ASSISTANT = "assistant"
    TRAINEE = "trainee"


class JobFunction(enum.Enum):
    """What a title's or a unit's work is about."""

    EXECUTIVE = "executive"
    """Running the whole organisation (chief executive, managing director)."""
    STRATEGY = "strategy"
    GOVERNANCE = "governance"
    OPERATIONS = "operations"
    FINANCE = "finance"
    PEOPLE = "people"
    """People and HR."""
    TECHNOLOGY = "technology"
    """IT and technology."""
    ENGINEERING = "engineering"
    """Building the product: engineering, software, design."""
    FACILITIES = "facilities"
    LEGAL = "legal"
    """Legal and compliance."""
    QUALITY = "quality"
    SUPPLY_CHAIN = "supply-chain"
    PRODUCTION = "production"
    KNOWLEDGE = "knowledge"
    ADMINISTRATION = "administration"
    DELIVERY = "delivery"
    """Delivering client work: a practice, consulting, delivery."""
    CLIENT_SERVICE = "client-service"
    SALES = "sales"
    MARKETING = "marketing"
    BUSINESS_DEVELOPMENT = "business-development"
    INVESTOR_RELATIONS = "investor-relations"
    REGULATORY_AFFAIRS = "regulatory-affairs"
    """Dealing with regulators and government."""


class TermKind(enum.Enum):
    """What a term does to the title it appears in."""

    ROLE = "role"
    """Gives a seniority and/or functions (the common case)."""
    PRACTICE = "practice"
    """Client work: the functions in its segment are a practice's subject matter."""
    FORMER = "former"
    """A past role: its segment gives nothing."""
    SALARIED = "salaried"
    """A partner title that carries no stake ("salaried", "non-equity")."""
    BREAK = "break"
    """The rest of the segment names someone else ("to", "for")."""


def _phrase(value: str) -> str:
    return " ".join(_tokens(value))


def _seniorities(value: Iterable[Seniority]) -> tuple[Seniority, ...]:
    return tuple(value)


def _functions(value: Iterable[JobFunction]) -> tuple[JobFunction, ...]:
    return tuple(value)


@attrs.frozen
class TitleTerm:
    """One phrase of the lexicon and what it says.

    Attributes
    ----------
    phrase : str
        Words as they appear in titles, matched case-insensitively and whole.
    seniorities : tuple of Seniority
        The seniorities the phrase names (usually one or none).
    functions : tuple of JobFunction
        The functions the phrase names.
    kind : TermKind
        What the term does to its title (default ``ROLE``).

    Examples
    --------
    >>> TitleTerm("Rainmaker", functions=[JobFunction.BUSINESS_DEVELOPMENT]).phrase
    'rainmaker'
    """

    phrase: str = attrs.field(converter=_phrase)
    seniorities: tuple[Seniority, ...] = attrs.field(
        default=(), converter=_seniorities, kw_only=True
    )
    functions: tuple[JobFunction, ...] = attrs.field(default=(), converter=_functions, kw_only=True)
    kind: TermKind = attrs.field(default=TermKind.ROLE, kw_only=True)

    @phrase.validator
    def _check_phrase(self, _attribute: object, value: str) -> None:
        if not value:
            msg = "'phrase' must contain a word (got an empty phrase)"
            raise ValueError(msg)


@attrs.frozen
class ParsedTitle:
    """What a title says: its seniorities, functions and partner standing.

    Attributes
    ----------
    seniorities : tuple of Seniority
        Every seniority named, in order of rank (highest first).
    functions : tuple of JobFunction
        Every function named, in the order read.
    salaried : bool
        The title says the partner standing carries no stake ("Salaried Partner").
    """

    seniorities: tuple[Seniority, ...] = ()
    functions: tuple[JobFunction, ...] = ()
    salaried: bool = False

    @property
    def seniority(self) -> Seniority:
        """The highest seniority named, or ``INDIVIDUAL``."""
        return self.seniorities[0] if self.seniorities else Seniority.INDIVIDUAL

    @property
    def suggests_owner(self) -> bool:
        """Whether the title reads as an owner's: partner, founder or owner, not salaried."""
        owners = (Seniority.PARTNER, Seniority.FOUNDER)
        return not self.salaried and any(s in owners for s in self.seniorities)


_TOKEN = re.compile(r"\w+(?:[-&]\w+)*")
_SEGMENT = re.compile(r"[,;:()\[\]/|]| [-–—] ")
_RANK = {s: k for k, s in enumerate(Seniority)}


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def _to_terms(value: Mapping[str, TitleTerm]) -> dict[str, TitleTerm]:
    return dict(value)


@attrs.frozen
class TitleLexicon:
    """Phrases that give titles and unit names a seniority and functions.

    Examples
    --------
    >>> from orgmodel.analysis.roles.lexicon import DEFAULT_TITLES
    >>> lexicon = DEFAULT_TITLES.extend([TitleTerm("rainmaker", functions=[JobFunction.SALES])])
    >>> lexicon.parse("Chief Rainmaker").functions
    (<JobFunction.SALES: 'sales'>,)
    >>> DEFAULT_TITLES.parse("Chief Rainmaker").functions
    ()
    >>> len(DEFAULT_TITLES) > 150
    True
    """

    _terms: Mapping[str, TitleTerm] = attrs.field(alias="terms", converter=_to_terms)
    _longest: int = attrs.field(init=False, repr=False, eq=False)
    _cache: dict[str, ParsedTitle] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        longest = max((len(p.split()) for p in self._terms), default=1)
        object.__setattr__(self, "_longest", longest)
        object.__setattr__(self, "_cache", {})

    def __len__(self) -> int:
        return len(self._terms)

    def __contains__(self, phrase: object) -> bool:
        return isinstance(phrase, str) and _phrase(phrase) in self._terms

    def __hash__(self) -> int:
        return hash(frozenset(self._terms.items()))

    def extend(self, terms: Iterable[TitleTerm]) -> TitleLexicon:
        """Return a lexicon with *terms* added; a term of the same phrase is replaced."""
        merged = dict(self._terms)
        merged.update((t.phrase, t) for t in terms)
        return TitleLexicon(merged)

    def parse(self, text: str) -> ParsedTitle:
        """Read *text* (a title, a unit name or a unit function); see the module doc.

        Examples
        --------
        >>> from orgmodel.analysis.roles.lexicon import DEFAULT_TITLES
        >>> p = DEFAULT_TITLES.parse("Salaried Partner, Strategy")
        >>> p.seniority.value, [f.value for f in p.functions], p.salaried, p.suggests_owner
        ('partner', ['strategy'], True, False)
        >>> DEFAULT_TITLES.parse("Founding Partner (retired)").seniorities
        ()
        """
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self._parse(text)
        return found

    def _parse(self, text: str) -> ParsedTitle:
        seniorities: dict[Seniority, None] = {}
        functions: dict[JobFunction, None] = {}
        salaried = False
        for segment in _SEGMENT.split(text):
            terms = self._terms_of(_tokens(segment))
            kinds = {t.kind for t in terms}
            if TermKind.FORMER in kinds:  # a past role: the title says nothing now
                return ParsedTitle()
            salaried = salaried or TermKind.SALARIED in kinds
            if TermKind.PRACTICE in kinds:  # client work: its subjects are not functions
                functions[JobFunction.DELIVERY] = None
            for term in terms:
                seniorities.update(dict.fromkeys(term.seniorities))
                if TermKind.PRACTICE not in kinds:
                    functions.update(dict.fromkeys(term.functions))
        ranked = tuple(sorted(seniorities, key=_RANK.__getitem__))
        return ParsedTitle(ranked, tuple(functions), salaried)

    def _terms_of(self, tokens: list[str]) -> list[TitleTerm]:
        """Return the terms of one segment, longest phrase first, up to a ``BREAK``."""
        out: list[TitleTerm] = []
        i, n, terms = 0, len(tokens), self._terms
        while i < n:
            for size in range(min(self._longest, n - i), 0, -1):
                term = terms.get(" ".join(tokens[i : i + size]))
                if term is not None:
                    break
            else:
                i += 1
                continue
            if term.kind is TermKind.BREAK:
                break
            out.append(term)
            i += size
        return out
