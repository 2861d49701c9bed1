"""The JSON Schema (draft 2020-12) of the orgmodel file format, shipped with the package.

The schema describes the YAML and JSON files :func:`orgmodel.load` reads: every key,
every enumeration, and the forms a share may take (``0.4``, ``"40%"``, ``"25-50%"``,
``{minimum: 0.25, maximum: 0.5}``).  Editors use it for completion and checking;
``orgmodel schema`` prints it.

The loader checks more than a schema can say (references, cycles, shares that add up
to more than 100%), so a file that passes the schema may still fail to load.

Examples
--------
>>> import orgmodel as om
>>> schema = om.json_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> sorted(schema["properties"])[:3]
['entities', 'focal_entity', 'lines']
"""

from __future__ import annotations

import copy
import functools
import json
from importlib import resources
from typing import Any

__all__ = ["SCHEMA_FILE", "json_schema", "schema_text"]

#: The file name of the schema inside the ``orgmodel.schema`` package.
SCHEMA_FILE = "organization.schema.json"


@functools.cache
def schema_text() -> str:
    """Return the schema as the JSON text shipped in the package.

    Returns
    -------
    str
        The schema document, formatted for reading.

    Examples
    --------
    >>> from orgmodel.schema import schema_text
    >>> schema_text().lstrip().startswith("{")
    True
    """
    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


@functools.cache
def _parsed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(schema_text())
    return data


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of the orgmodel file format as a fresh dictionary.

    Returns
    -------
    dict
        A draft 2020-12 schema; a new copy on every call, so callers may change it.

    Examples
    --------
    >>> import orgmodel as om
    >>> om.json_schema()["$defs"]["entity"]["properties"]["kind"]["enum"]
    ['company', 'partnership', 'llp', 'fund', 'trust', 'arrangement', 'other']
    """
    return copy.deepcopy(_parsed())
