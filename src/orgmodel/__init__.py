"""orgmodel: who owns, who runs and who reports to whom in an organisation.

Examples
--------
>>> import orgmodel as om
>>> org = om.Organization(name="Tiny", people=[om.Person("ann", "Ann")])
>>> org.summary()["people"]
1
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from orgmodel._share import Share
from orgmodel.analysis.collaboration import (
    CollaborationSummary,
    Counterpart,
    LinkKind,
    PartnerLinks,
    collaboration,
)
from orgmodel.analysis.ownership import (
    BeneficialOwner,
    Measure,
    OwnershipPath,
    OwnershipRule,
    PathStep,
    Regime,
    beneficial_owners,
    effective_ownership,
    look_through,
    ownership_cycles,
)
from orgmodel.analysis.roles import (
    ClassifierConfig,
    Direction,
    Evidence,
    EvidenceSource,
    RoleAssessment,
    RoleLabel,
    classification_frame,
    classify,
)
from orgmodel.analysis.structure import OrgHealth, org_health
from orgmodel.exceptions import (
    FileAccessError,
    GraphvizNotFoundError,
    OrgModelError,
    RenderError,
    ShareError,
    SingularOwnershipError,
    UnknownReferenceError,
    ValidationError,
)
from orgmodel.graph import EdgeKind, NodeKind, from_networkx, to_networkx
from orgmodel.io import Format, dump, dumps, load, loads
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
    Stake,
    Unit,
)
from orgmodel.problems import Problem, ProblemCode, Severity
from orgmodel.render import (
    ColorBy,
    Layout,
    org_chart,
    ownership_chart,
    render_org_chart,
    render_ownership_chart,
)
from orgmodel.vocabulary import DEFAULT_VOCABULARY, Axis, Lean, Tag, Vocabulary

try:
    __version__ = version("orgmodel")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "DEFAULT_VOCABULARY",
    "Axis",
    "BeneficialOwner",
    "ClassifierConfig",
    "CollaborationSummary",
    "ColorBy",
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
    "Layout",
    "Lean",
    "Liability",
    "LineKind",
    "LinkKind",
    "Measure",
    "NodeKind",
    "OrgHealth",
    "OrgModelError",
    "Organization",
    "OwnershipPath",
    "OwnershipRule",
    "PartnerLinks",
    "PathStep",
    "Person",
    "Problem",
    "ProblemCode",
    "Regime",
    "Relationship",
    "RelationshipKind",
    "RenderError",
    "ReportingLine",
    "RoleAssessment",
    "RoleLabel",
    "Severity",
    "Share",
    "ShareError",
    "SingularOwnershipError",
    "Stake",
    "Tag",
    "Unit",
    "UnknownReferenceError",
    "ValidationError",
    "Vocabulary",
    "__version__",
    "beneficial_owners",
    "classification_frame",
    "classify",
    "collaboration",
    "dump",
    "dumps",
    "effective_ownership",
    "from_networkx",
    "load",
    "loads",
    "look_through",
    "org_chart",
    "org_health",
    "ownership_chart",
    "ownership_cycles",
    "render_org_chart",
    "render_ownership_chart",
    "to_networkx",
]
