"""The classification as a pandas DataFrame: :func:`classification_frame`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from orgmodel.analysis.roles.records import RoleAssessment
from orgmodel.analysis.roles.score import classify
from orgmodel.model import Organization
from orgmodel.model.exceptions import OrgModelError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["classification_frame"]


def classification_frame(
    org_or_roles: Organization | Mapping[str, RoleAssessment],
) -> pd.DataFrame:
    """Return the classification as a pandas DataFrame, one row per person.

    Needs pandas, an optional extra: ``pip install orgmodel[pandas]``.

    Parameters
    ----------
    org_or_roles : Organization or dict of str to RoleAssessment
        An organisation (classified with the defaults) or the result of
        :func:`classify`.

    Returns
    -------
    pandas.DataFrame
        Indexed by person id, with the name, title, label, both scores, the three
        axis positions, the stake, whether it counts, the basis of the evidence
        (declared, inferred or mixed) and the one-line reason.

    Raises
    ------
    OrgModelError
        When pandas is not installed, or the argument is neither accepted type.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(name="x", people=[om.Person("ann", "Ann")])
    >>> frame = om.classification_frame(org)
    >>> frame.loc["ann", "label"], list(frame.columns)[:4]
    ('neither', ['name', 'title', 'label', 'partner_score'])
    """
    try:
        import pandas as pd  # noqa: PLC0415 - pandas is an optional extra
    except ImportError as err:
        msg = "classification_frame needs pandas: pip install orgmodel[pandas]"
        raise OrgModelError(msg) from err
    given: object = org_or_roles
    if isinstance(given, Organization):
        roles: Mapping[str, RoleAssessment] = classify(given)
    elif isinstance(given, Mapping) and all(isinstance(a, RoleAssessment) for a in given.values()):
        roles = given
    else:
        msg = (
            "classification_frame takes an Organization or the dict classify returns "
            f"(got {type(given).__name__})"
        )
        raise OrgModelError(msg)
    rows = [
        {
            "id": a.person.id,
            "name": a.person.name,
            "title": a.person.title,
            "label": a.label.value,
            "partner_score": a.partner_score,
            "coo_score": a.coo_score,
            "ownership": a.ownership,
            "focus": a.focus,
            "orientation": a.orientation,
            "stake": a.stake,
            "material": a.material,
            "basis": a.basis.value,
            "reason": a.reason,
        }
        for a in roles.values()
    ]
    columns = ["id", "name", "title", "label", "partner_score", "coo_score"]
    columns += ["ownership", "focus", "orientation", "stake", "material", "basis", "reason"]
    return pd.DataFrame(rows, columns=columns).set_index("id")
