"""Who acts like a partner and who like a COO — and the evidence for each label.

The background note separates the two along three axes: **ownership** (a partner
shares ownership; a COO is an employee with no stake), **focus** (strategic against
operational) and **orientation** (external against internal).  :func:`classify`
reads evidence for each axis off the model — look-through stakes, responsibility
tags, external relationships, the reporting lines and units someone oversees,
``employment`` and the title (both weak) — and turns it into a partner score, a COO
score and a :class:`RoleLabel`:

- **partner-like** needs a *material* stake (5% of the focal entity by default,
  held directly or through holding entities) and strategic or external evidence;
- **COO-like** is a senior operational leader without a material stake;
- **hybrid** is a material stake with a strong COO side (an operating partner);
- everyone else — most people — is **neither**.

``docs/classification.md`` gives the formulas and the reasoning for every default.

Examples
--------
>>> import orgmodel as om
>>> org = om.Organization(
...     name="Tiny LLP",
...     people=[
...         om.Person("ann", "Ann", responsibilities=["strategy", "client_relationships"]),
...         om.Person("bob", "Bob", manager="ann"),
...     ],
...     entities=[om.Entity("tiny", "Tiny LLP")],
...     stakes=[om.Stake("ann", "tiny", om.Share.exact(1.0))],
... )
>>> roles = om.classify(org)
>>> roles["ann"].label, roles["bob"].label
(<RoleLabel.PARTNER_LIKE: 'partner-like'>, <RoleLabel.NEITHER: 'neither'>)
>>> print(roles["ann"].reason)
partner-like: holds 100% of Tiny LLP; strategic work: strategy; leads the organisation from the top
"""

from __future__ import annotations

from orgmodel.analysis.roles.config import ClassifierConfig
from orgmodel.analysis.roles.frame import classification_frame
from orgmodel.analysis.roles.lexicon import DEFAULT_TITLES
from orgmodel.analysis.roles.records import (
    Basis,
    Classification,
    Direction,
    Evidence,
    EvidenceSource,
    RoleAssessment,
    RoleLabel,
)
from orgmodel.analysis.roles.score import classify
from orgmodel.analysis.roles.titles import (
    JobFunction,
    ParsedTitle,
    Seniority,
    TermKind,
    TitleLexicon,
    TitleTerm,
)

__all__ = [
    "DEFAULT_TITLES",
    "Basis",
    "Classification",
    "ClassifierConfig",
    "Direction",
    "Evidence",
    "EvidenceSource",
    "JobFunction",
    "ParsedTitle",
    "RoleAssessment",
    "RoleLabel",
    "Seniority",
    "TermKind",
    "TitleLexicon",
    "TitleTerm",
    "classification_frame",
    "classify",
]
