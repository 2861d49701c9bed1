"""Loading and saving organisations: orgmodel's formats, and the data people have.

orgmodel's own formats — YAML, JSON, CSV, BODS and GraphML — are described in
``docs/file-format.md`` (DESIGN §3).  Tables of people as HR systems and org-chart
tools export them (CSV, TSV, Excel: :mod:`orgmodel.io.tables`), directory dumps
(SCIM, Microsoft Graph, Google Directory, LDIF: :mod:`orgmodel.io.directories`) and
UK government organograms are read too, their columns found by themselves
(``docs/bring-your-own-data.md``).  Every loader
reports **every** problem it finds in one :class:`~orgmodel.ValidationError`, each
with its place (``people[3].manager (line 14)``, ``people.csv:14, column
manager_id``); whatever is wrong with a file, the caller gets an
:class:`~orgmodel.OrgModelError`.  Files are written atomically.

Examples
--------
>>> import orgmodel as om
>>> org = om.loads(
...     '''
... organization: Acme
... people:
...   - {id: ann, name: Ann Lee, title: Managing Partner, employment: partner}
...   - {id: bob, name: Bob Roe, title: COO, manager: ann}
... ''',
...     format="yaml",
... )
>>> org.person("bob").manager
'ann'
>>> om.loads(om.dumps(org, format="json"), format="json") == org
True
"""

from __future__ import annotations

from orgmodel.io._api import Format, dump, dumps, load, loads
from orgmodel.io._mapping import organization_from_data, organization_to_data

__all__ = [
    "Format",
    "dump",
    "dumps",
    "load",
    "loads",
    "organization_from_data",
    "organization_to_data",
]
