"""Tables of people as people have them: CSV, TSV and Excel, columns found by themselves.

See docs/bring-your-own-data.md for the synonym table and what is detected.
"""

from __future__ import annotations

from orgmodel.io.tables._columns import SYNONYMS, Field
from orgmodel.io.tables._load import ReadOptions, read_csv_file, read_csv_text, read_xlsx

__all__ = ["SYNONYMS", "Field", "ReadOptions", "read_csv_file", "read_csv_text", "read_xlsx"]
