"""orgmodel: who owns, who runs and who reports to whom in an organisation.

Examples
--------
>>> import orgmodel as om
>>> org = om.Organization(name="Tiny", people=[om.Person("ann", "Ann")])
>>> org.summary()["people"]
1
"""

from __future__ import annotations

import importlib as _importlib
from importlib.metadata import PackageNotFoundError as _PackageNotFoundError
from importlib.metadata import version as _version
from typing import TYPE_CHECKING

from orgmodel.exceptions import (
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
from orgmodel.model import (
    Employment,
    Entity,
    EntityKind,
    Liability,
    LineKind,
    Organization,
    Person,
    Relationship,
    RelationshipKind,
    ReportingLine,
    Share,
    Stake,
    Unit,
)
from orgmodel.problems import Problem, ProblemCode, Severity
from orgmodel.schema import json_schema
from orgmodel.vocabulary import DEFAULT_VOCABULARY, Axis, Lean, Tag, Vocabulary

if TYPE_CHECKING:
    from orgmodel.analysis.collaboration import (
        CollaborationSummary,
        Counterpart,
        LinkKind,
        PartnerLinks,
        collaboration,
    )
    from orgmodel.analysis.ownership import (
        BeneficialOwner,
        CapTable,
        CapTableRow,
        Controller,
        HolderShare,
        Measure,
        OwnershipPath,
        OwnershipRule,
        PathStep,
        PowerMethod,
        Regime,
        Unallocated,
        banzhaf,
        beneficial_owners,
        cap_table,
        controllers,
        effective_ownership,
        look_through,
        ownership_cycles,
        shapley_shubik,
    )
    from orgmodel.analysis.roles import (
        DEFAULT_TITLES,
        Basis,
        Classification,
        ClassifierConfig,
        Direction,
        Evidence,
        EvidenceSource,
        JobFunction,
        ParsedTitle,
        RoleAssessment,
        RoleLabel,
        Seniority,
        TermKind,
        TitleLexicon,
        TitleTerm,
        classification_frame,
        classify,
    )
    from orgmodel.analysis.structure import (
        OrgHealth,
        org_health,
    )
    from orgmodel.examples import (
        example,
        example_names,
    )
    from orgmodel.graph import (
        EdgeKind,
        NodeKind,
        from_networkx,
        to_networkx,
    )
    from orgmodel.io import (
        Format,
        dump,
        dumps,
        load,
        loads,
    )
    from orgmodel.render import (
        ColorBy,
        InteractiveChart,
        Layout,
        OrgChartOptions,
        OwnershipChartOptions,
        interactive_chart,
        org_chart,
        ownership_chart,
        render_chart,
        render_org_book,
        render_org_chart,
        render_ownership_chart,
    )

#: Names whose modules need networkx, numpy, scipy, graphviz or PyYAML: imported
#: on first use, so ``import orgmodel`` (and ``orgmodel --help``) stays fast.
_LAZY: dict[str, str] = {
    "CollaborationSummary": "orgmodel.analysis.collaboration",
    "Counterpart": "orgmodel.analysis.collaboration",
    "LinkKind": "orgmodel.analysis.collaboration",
    "PartnerLinks": "orgmodel.analysis.collaboration",
    "collaboration": "orgmodel.analysis.collaboration",
    "BeneficialOwner": "orgmodel.analysis.ownership",
    "CapTable": "orgmodel.analysis.ownership",
    "CapTableRow": "orgmodel.analysis.ownership",
    "Controller": "orgmodel.analysis.ownership",
    "HolderShare": "orgmodel.analysis.ownership",
    "Measure": "orgmodel.analysis.ownership",
    "OwnershipPath": "orgmodel.analysis.ownership",
    "OwnershipRule": "orgmodel.analysis.ownership",
    "PathStep": "orgmodel.analysis.ownership",
    "PowerMethod": "orgmodel.analysis.ownership",
    "Regime": "orgmodel.analysis.ownership",
    "Unallocated": "orgmodel.analysis.ownership",
    "banzhaf": "orgmodel.analysis.ownership",
    "beneficial_owners": "orgmodel.analysis.ownership",
    "cap_table": "orgmodel.analysis.ownership",
    "controllers": "orgmodel.analysis.ownership",
    "effective_ownership": "orgmodel.analysis.ownership",
    "look_through": "orgmodel.analysis.ownership",
    "ownership_cycles": "orgmodel.analysis.ownership",
    "shapley_shubik": "orgmodel.analysis.ownership",
    "DEFAULT_TITLES": "orgmodel.analysis.roles",
    "Basis": "orgmodel.analysis.roles",
    "Classification": "orgmodel.analysis.roles",
    "ClassifierConfig": "orgmodel.analysis.roles",
    "Direction": "orgmodel.analysis.roles",
    "Evidence": "orgmodel.analysis.roles",
    "EvidenceSource": "orgmodel.analysis.roles",
    "RoleAssessment": "orgmodel.analysis.roles",
    "RoleLabel": "orgmodel.analysis.roles",
    "TitleLexicon": "orgmodel.analysis.roles",
    "TitleTerm": "orgmodel.analysis.roles",
    "JobFunction": "orgmodel.analysis.roles",
    "ParsedTitle": "orgmodel.analysis.roles",
    "Seniority": "orgmodel.analysis.roles",
    "TermKind": "orgmodel.analysis.roles",
    "classification_frame": "orgmodel.analysis.roles",
    "classify": "orgmodel.analysis.roles",
    "OrgHealth": "orgmodel.analysis.structure",
    "org_health": "orgmodel.analysis.structure",
    "example": "orgmodel.examples",
    "example_names": "orgmodel.examples",
    "EdgeKind": "orgmodel.graph",
    "NodeKind": "orgmodel.graph",
    "from_networkx": "orgmodel.graph",
    "to_networkx": "orgmodel.graph",
    "Format": "orgmodel.io",
    "dump": "orgmodel.io",
    "dumps": "orgmodel.io",
    "load": "orgmodel.io",
    "loads": "orgmodel.io",
    "ColorBy": "orgmodel.render",
    "InteractiveChart": "orgmodel.render",
    "Layout": "orgmodel.render",
    "OrgChartOptions": "orgmodel.render",
    "OwnershipChartOptions": "orgmodel.render",
    "interactive_chart": "orgmodel.render",
    "org_chart": "orgmodel.render",
    "ownership_chart": "orgmodel.render",
    "render_chart": "orgmodel.render",
    "render_org_book": "orgmodel.render",
    "render_org_chart": "orgmodel.render",
    "render_ownership_chart": "orgmodel.render",
}

try:
    __version__ = _version("orgmodel")
except _PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "DEFAULT_TITLES",
    "DEFAULT_VOCABULARY",
    "Axis",
    "Basis",
    "BeneficialOwner",
    "CapTable",
    "CapTableRow",
    "Classification",
    "ClassifierConfig",
    "CollaborationSummary",
    "ColorBy",
    "Controller",
    "Counterpart",
    "Direction",
    "EdgeKind",
    "Employment",
    "Entity",
    "EntityKind",
    "Evidence",
    "EvidenceSource",
    "FileAccessError",
    "Format",
    "GraphvizNotFoundError",
    "HolderShare",
    "InteractiveChart",
    "JobFunction",
    "Layout",
    "Lean",
    "Liability",
    "LineKind",
    "LinkKind",
    "Measure",
    "NodeKind",
    "OptionError",
    "OrgChartOptions",
    "OrgHealth",
    "OrgModelError",
    "Organization",
    "OwnershipChartOptions",
    "OwnershipPath",
    "OwnershipRule",
    "ParsedTitle",
    "PartnerLinks",
    "PathStep",
    "Person",
    "PowerMethod",
    "Problem",
    "ProblemCode",
    "Regime",
    "Relationship",
    "RelationshipKind",
    "RenderError",
    "ReportingLine",
    "RoleAssessment",
    "RoleLabel",
    "Seniority",
    "Severity",
    "Share",
    "ShareError",
    "SingularOwnershipError",
    "Stake",
    "Tag",
    "TermKind",
    "TitleLexicon",
    "TitleTerm",
    "Unallocated",
    "Unit",
    "UnknownReferenceError",
    "ValidationError",
    "Vocabulary",
    "__version__",
    "banzhaf",
    "beneficial_owners",
    "cap_table",
    "classification_frame",
    "classify",
    "collaboration",
    "controllers",
    "dump",
    "dumps",
    "effective_ownership",
    "example",
    "example_names",
    "from_networkx",
    "interactive_chart",
    "json_schema",
    "load",
    "loads",
    "look_through",
    "org_chart",
    "org_health",
    "ownership_chart",
    "ownership_cycles",
    "render_chart",
    "render_org_book",
    "render_org_chart",
    "render_ownership_chart",
    "shapley_shubik",
    "to_networkx",
]


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'orgmodel' has no attribute {name!r}"
        raise AttributeError(msg)
    found = _importlib.import_module(module)
    # ``om.render`` is also the subpackage ``orgmodel.render``, which forwards calls to
    # the function: give the package, so that ``import orgmodel.render`` keeps working.
    value = found if module == f"orgmodel.{name}" else getattr(found, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # Public names only: the modules of the package and helpers imported above stay out.
    return sorted(__all__)
