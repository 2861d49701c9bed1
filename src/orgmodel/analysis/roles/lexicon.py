"""The built-in title lexicon: the phrases that give job titles and unit names meaning.

Every row below is data: phrases (separated by ``;``), the seniorities they name and
the functions they name.  :class:`~orgmodel.analysis.roles.titles.TitleLexicon`
reads titles with them (longest phrase first); ``docs/classification.md`` explains
how.  Extend the lexicon with :meth:`TitleLexicon.extend
<orgmodel.analysis.roles.titles.TitleLexicon.extend>` rather than editing it.

Examples
--------
>>> DEFAULT_TITLES.parse("VP, Operations & Supply Chain").functions
(<JobFunction.OPERATIONS: 'operations'>, <JobFunction.SUPPLY_CHAIN: 'supply-chain'>)
>>> sorted(lean.value for lean in FUNCTION_LEANS[JobFunction.BUSINESS_DEVELOPMENT])
['external', 'strategic']
"""

from __future__ import annotations

from collections.abc import Mapping

from orgmodel.analysis.roles.titles import (
    JobFunction,
    Seniority,
    TermKind,
    TitleLexicon,
    TitleTerm,
)
from orgmodel.model.vocabulary import Lean

__all__ = ["DEFAULT_TITLES", "FUNCTION_LEANS", "SENIORITY_LEANS"]

_S, _O, _E, _I = Lean.STRATEGIC, Lean.OPERATIONAL, Lean.EXTERNAL, Lean.INTERNAL

#: The leans of each function, as the vocabulary's tags lean (a function without
#: leans is recorded but points nowhere).
FUNCTION_LEANS: Mapping[JobFunction, frozenset[Lean]] = {
    JobFunction.EXECUTIVE: frozenset({_S}),
    JobFunction.STRATEGY: frozenset({_S}),
    JobFunction.GOVERNANCE: frozenset({_S}),
    JobFunction.OPERATIONS: frozenset({_O, _I}),
    JobFunction.FINANCE: frozenset({_O, _I}),
    JobFunction.PEOPLE: frozenset({_O, _I}),
    JobFunction.TECHNOLOGY: frozenset({_O, _I}),
    JobFunction.ENGINEERING: frozenset({_O}),
    JobFunction.FACILITIES: frozenset({_O, _I}),
    JobFunction.LEGAL: frozenset({_O, _I}),
    JobFunction.QUALITY: frozenset({_O, _I}),
    JobFunction.SUPPLY_CHAIN: frozenset({_O, _I}),
    JobFunction.PRODUCTION: frozenset({_O, _I}),
    JobFunction.KNOWLEDGE: frozenset({_I}),
    JobFunction.ADMINISTRATION: frozenset({_O, _I}),
    JobFunction.DELIVERY: frozenset({_O, _E}),
    JobFunction.CLIENT_SERVICE: frozenset({_O, _E}),
    JobFunction.SALES: frozenset({_E}),
    JobFunction.MARKETING: frozenset({_E}),
    JobFunction.BUSINESS_DEVELOPMENT: frozenset({_S, _E}),
    JobFunction.INVESTOR_RELATIONS: frozenset({_S, _E}),
    JobFunction.REGULATORY_AFFAIRS: frozenset({_E}),
}

#: The leans a seniority carries by itself: partners, founders and board members
#: take part in the organisation's strategic decisions (the note's partner).
SENIORITY_LEANS: Mapping[Seniority, frozenset[Lean]] = {
    Seniority.PARTNER: frozenset({_S}),
    Seniority.FOUNDER: frozenset({_S}),
    Seniority.BOARD: frozenset({_S}),
}


_C, _P_, _MD = Seniority.CHIEF, Seniority.PRESIDENT, Seniority.MANAGING_DIRECTOR
_PA, _PR, _FO, _BO = Seniority.PARTNER, Seniority.PRINCIPAL, Seniority.FOUNDER, Seniority.BOARD
_VP, _DI, _HE, _MA = Seniority.VICE_PRESIDENT, Seniority.DIRECTOR, Seniority.HEAD, Seniority.MANAGER
_LE, _IN, _AS, _TR = Seniority.LEAD, Seniority.INDIVIDUAL, Seniority.ASSISTANT, Seniority.TRAINEE
F = JobFunction

# (phrases, seniorities, functions): each phrase of a row means the same.
_ROLES: tuple[tuple[str, tuple[Seniority, ...], tuple[JobFunction, ...]], ...] = (
    # the top and C-level
    ("chief", (_C,), ()),
    ("ceo; chief executive; chief executive officer", (_C,), (F.EXECUTIVE,)),
    ("coo", (_C,), (F.OPERATIONS,)),
    ("cfo", (_C,), (F.FINANCE,)),
    ("cto; cio; ciso", (_C,), (F.TECHNOLOGY,)),
    ("cmo", (_C,), (F.MARKETING,)),
    ("chro", (_C,), (F.PEOPLE,)),
    ("cro; cco", (_C,), (F.SALES,)),
    ("clo", (_C,), (F.LEGAL,)),
    ("cpo; cso; cdo", (_C,), ()),
    ("chief of staff", (_HE,), ()),
    ("president", (_P_,), (F.EXECUTIVE,)),
    ("vice president; vp; svp; evp; avp; senior vice president", (_VP,), ()),
    ("executive vice president; assistant vice president", (_VP,), ()),
    ("managing director; md; geschäftsführer; geschäftsführerin", (_MD,), (F.EXECUTIVE,)),
    ("directeur général; director general; country manager", (_MD,), (F.EXECUTIVE,)),
    ("general manager; gm", (_MD,), (F.OPERATIONS,)),
    # partners, founders, owners, the board
    ("partner; equity partner; senior partner; name partner", (_PA,), ()),
    ("managing partner", (_PA,), (F.EXECUTIVE,)),
    ("operating partner", (_PA,), (F.OPERATIONS,)),
    ("founding partner", (_PA, _FO), ()),
    ("business partner", (_IN,), ()),
    ("hr business partner; people business partner", (_IN,), (F.PEOPLE,)),
    ("finance business partner", (_IN,), (F.FINANCE,)),
    ("principal", (_PR,), ()),
    ("product owner; process owner; service owner; data owner", (_IN,), ()),
    ("founder; co-founder; cofounder; owner; co-owner; proprietor", (_FO,), ()),
    ("chair; chairman; chairwoman; chairperson; board member; trustee", (_BO,), ()),
    ("non-executive; non-executive director; non-executive chairman; ned", (_BO,), ()),
    ("non-executive chair; independent director", (_BO,), ()),
    ("executive chairman; executive chair", (_BO,), (F.EXECUTIVE,)),
    # the line
    ("director; associate director; executive director", (_DI,), ()),
    ("head", (_HE,), ()),
    ("manager; assistant manager", (_MA,), ()),
    ("lead; leader; team lead; team leader; supervisor; foreman", (_LE,), ()),
    ("assistant; pa; secretary; receptionist; clerk", (_AS,), ()),
    ("executive assistant; personal assistant; administrative assistant", (_AS,), ()),
    ("trainee; apprentice; intern; graduate", (_TR,), ()),
    # functions
    ("operations; ops; operating; operational; business operations", (), (F.OPERATIONS,)),
    ("corporate services; shared services; back office; resources", (), (F.OPERATIONS,)),
    ("practice operations; practice support; practice management", (), (F.OPERATIONS,)),
    ("finance; financial; accounts; accounting; accountant; bookkeeper", (), (F.FINANCE,)),
    ("bookkeeping; payroll; treasury; controller; fp&a; billing", (), (F.FINANCE,)),
    ("credit control; accounts payable; accounts receivable", (), (F.FINANCE,)),
    ("hr; human resources; people; people ops; people operations", (), (F.PEOPLE,)),
    ("talent; recruiting; recruitment; recruiter; training; learning", (), (F.PEOPLE,)),
    (
        "volunteering; personnel; learning & development; organisational development",
        (),
        (F.PEOPLE,),
    ),
    ("it; information technology; technology; digital; systems", (), (F.TECHNOLOGY,)),
    ("service desk; information systems; infrastructure; it support", (), (F.TECHNOLOGY,)),
    ("engineering; engineer; software; developer; development; front-end", (), (F.ENGINEERING,)),
    ("design; designer; software development", (), (F.ENGINEERING,)),
    ("facilities; facility; estates; workplace; maintenance", (), (F.FACILITIES,)),
    ("office manager; facilities manager", (_MA,), (F.FACILITIES,)),
    ("legal; counsel; general counsel; compliance; company secretary", (), (F.LEGAL,)),
    ("internal audit", (), (F.LEGAL,)),
    ("quality; qa; quality assurance; quality control; qc; qhse; hse", (), (F.QUALITY,)),
    ("health & safety; health safety; inspector", (), (F.QUALITY,)),
    ("supply chain; logistics; warehouse; warehousing; transport", (), (F.SUPPLY_CHAIN,)),
    ("distribution; purchasing; procurement; buyer; inventory; fleet", (), (F.SUPPLY_CHAIN,)),
    ("delivery driver; driver", (), (F.SUPPLY_CHAIN,)),
    ("production; manufacturing; plant; workshop; factory; assembly", (), (F.PRODUCTION,)),
    ("machine operator; machinist", (), (F.PRODUCTION,)),
    ("knowledge; knowledge management; library", (), (F.KNOWLEDGE,)),
    ("administration; admin; administrator", (), (F.ADMINISTRATION,)),
    ("delivery; service delivery; client delivery", (), (F.DELIVERY,)),
    ("customer service; customer services; customer support; customer success", (), ()),
    ("client service; client services; account management; account manager", (), ()),
    ("account director; client director; client partner", (), ()),
    ("service centre; service center; customer care", (), ()),
    ("sales; selling; inside sales; sales development; commercial; revenue", (), (F.SALES,)),
    ("account executive; key account manager; estimator; estimating; retail", (), (F.SALES,)),
    ("marketing; brand; communications; comms; public relations; pr", (), (F.MARKETING,)),
    ("business development; bd; new business; partnerships; alliances", (), ()),
    ("investor relations; ir; fundraising; fundraiser; income generation", (), ()),
    ("capital markets", (), (F.INVESTOR_RELATIONS,)),
    ("strategy; strategic; corporate development; corporate strategy", (), (F.STRATEGY,)),
    ("governance; board", (), (F.GOVERNANCE,)),
    ("regulatory affairs; regulation; regulatory; public affairs", (), ()),
    ("government relations", (), (F.REGULATORY_AFFAIRS,)),
)

# Rows above whose functions are given here, to keep the lines short.
_FUNCTION_OF = {
    "customer service": F.CLIENT_SERVICE,
    "client service": F.CLIENT_SERVICE,
    "service centre": F.CLIENT_SERVICE,
    "account director": F.CLIENT_SERVICE,
    "business development": F.BUSINESS_DEVELOPMENT,
    "investor relations": F.INVESTOR_RELATIONS,
    "regulatory affairs": F.REGULATORY_AFFAIRS,
}

_OTHER: tuple[tuple[str, TermKind], ...] = (
    ("practice; consulting; consultancy; advisory", TermKind.PRACTICE),
    ("retired; former; emeritus; ex; outgoing", TermKind.FORMER),
    ("salaried; non-equity; fixed-share; income partner", TermKind.SALARIED),
    ("to; for; reporting to; on behalf of", TermKind.BREAK),
)


def _default_terms() -> list[TitleTerm]:
    terms: list[TitleTerm] = []
    for phrases, seniorities, functions in _ROLES:
        names = [p.strip() for p in phrases.split(";")]
        given = functions or ((_FUNCTION_OF[names[0]],) if names[0] in _FUNCTION_OF else ())
        terms.extend(TitleTerm(p, seniorities=seniorities, functions=given) for p in names)
    for phrases, kind in _OTHER:
        terms.extend(TitleTerm(p.strip(), kind=kind) for p in phrases.split(";"))
    # "income partner" is a salaried partner's title: both a partner and no stake
    terms.append(TitleTerm("income partner", seniorities=[_PA], kind=TermKind.SALARIED))
    return terms


#: The built-in lexicon; ``docs/classification.md`` lists what it reads.
DEFAULT_TITLES = TitleLexicon({t.phrase: t for t in _default_terms()})
