"""Problems as records (public home; defined in :mod:`orgmodel.model.problems`).

Examples
--------
>>> from orgmodel.problems import ProblemCode
>>> ProblemCode("duplicate-id")
<ProblemCode.DUPLICATE_ID: 'duplicate-id'>
"""

from __future__ import annotations

from orgmodel.model.problems import Problem, ProblemCode, Severity

__all__ = ["Problem", "ProblemCode", "Severity"]
