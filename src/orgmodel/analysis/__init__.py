"""Analyses of an :class:`~orgmodel.model.Organization`, one topic module each.

The topic modules (for example :mod:`orgmodel.analysis.ownership`) are imported
explicitly; their public names are also re-exported from :mod:`orgmodel`.
"""

from __future__ import annotations

__all__: list[str] = []
