"""The ``orgmodel`` command line: each command is a thin call into the library.

Exit status is 0 when all is well, 1 when the input has problems (they are printed
to standard error as one block, each with its place in the file) and 2 for usage
errors (a missing file, a bad option).  Heavy dependencies (networkx, scipy, numpy,
graphviz) are imported inside the commands that need them, so ``orgmodel --help``
answers at once.

Examples
--------
>>> from click.testing import CliRunner
>>> result = CliRunner().invoke(main, ["schema"])
>>> result.exit_code, result.output.lstrip()[:1]
(0, '{')
"""

from __future__ import annotations

from orgmodel.cli.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, main
from orgmodel.cli.inputs import FORMATS

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "FORMATS", "main"]
