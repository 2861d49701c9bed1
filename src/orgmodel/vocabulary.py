"""The responsibility vocabulary (public home; defined in :mod:`orgmodel.model.vocabulary`).

Examples
--------
>>> from orgmodel.vocabulary import DEFAULT_VOCABULARY
>>> "strategy" in DEFAULT_VOCABULARY
True
"""

from __future__ import annotations

from orgmodel.model.vocabulary import DEFAULT_VOCABULARY, Axis, Lean, Tag, Vocabulary

__all__ = ["DEFAULT_VOCABULARY", "Axis", "Lean", "Tag", "Vocabulary"]
