"""Excel workbooks: sheets, formulas as cached values, and damaged or hostile files."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

import openpyxl
import pytest
from click.testing import CliRunner

import orgmodel as om
from orgmodel.cli import main

HR: list[list[object]] = [
    ["Employee ID", "Full Name", "Job Title", "Department", "Manager Email", "Work Email", "FTE"],
    [1001, "Ann Lee", "Chief Executive", "Executive", None, "ann@acme.test", 1],
    [1002, "Bo Chen", "Finance Director", "Finance", "ann@acme.test", "bo@acme.test", 1],
    [1003, "Cy Dane", "Accountant", "Finance", "bo@acme.test", "cy@acme.test", 0.6],
]


def workbook(*sheets: tuple[str, Sequence[Sequence[object]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def hr_xlsx(tmp_path):
    path = tmp_path / "hr.xlsx"
    path.write_bytes(workbook(("Staff", HR), ("Notes", [["written by HR"]])))
    return path


def test_first_sheet_by_default(hr_xlsx):
    """An .xlsx file is read from its first sheet, columns detected."""
    org = om.load(hr_xlsx)
    assert {p.id: p.manager for p in org.people} == {"1001": None, "1002": "1001", "1003": "1002"}
    assert [u.id for u in org.units] == ["Executive", "Finance"]
    assert org.person("1003").attributes["fte"] == 0.6


def test_named_sheet(tmp_path):
    """sheet= reads the named sheet."""
    path = tmp_path / "hr.xlsx"
    path.write_bytes(workbook(("Notes", [["read me"]]), ("Staff", HR)))
    assert len(om.load(path, sheet="Staff").people) == 3


def test_unknown_sheet_lists_the_sheets(hr_xlsx):
    """A sheet the workbook lacks is reported with its sheets and a did-you-mean."""
    with pytest.raises(om.ValidationError, match="'Staff', 'Notes' — did you mean 'Staff'"):
        om.load(hr_xlsx, sheet="Staf")


def test_sheet_option_only_for_workbooks(tmp_path):
    """sheet= on a CSV file is an OptionError."""
    (tmp_path / "x.csv").write_text("id,name\n1,A\n", encoding="utf-8")
    with pytest.raises(om.OptionError, match="sheet= applies to xlsx"):
        om.load(tmp_path / "x.csv", sheet="Staff")


def test_loads_takes_workbook_bytes(hr_xlsx):
    """loads() reads a workbook's bytes; text is refused with a hint."""
    assert len(om.loads(hr_xlsx.read_bytes(), format="xlsx").people) == 3
    with pytest.raises(om.OrgModelError, match="binary"):
        om.loads("Employee ID,Name", format="xlsx")


def _with_sheet_xml(data: bytes, edit) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = edit(content)
            target.writestr(info, content)
    return out.getvalue()


def test_formula_is_read_as_its_cached_value(tmp_path):
    """A formula cell reads as the value Excel cached, never the formula or its result."""
    data = workbook(("Staff", [["Employee ID", "Name", "FTE"], [1, "Ann", "=0.5*2"]]))
    # Put a cached value beside the formula, as Excel does when it saves.
    data = _with_sheet_xml(data, lambda x: x.replace(b"<f>0.5*2</f><v />", b"<f>0.5*2</f><v>7</v>"))
    path = tmp_path / "f.xlsx"
    path.write_bytes(data)
    assert om.load(path).person("1").attributes["fte"] == 7


def test_formula_without_cached_value_is_empty(tmp_path):
    """A formula Excel never computed reads as an empty cell, not as its text."""
    path = tmp_path / "f.xlsx"
    path.write_bytes(workbook(("Staff", [["Employee ID", "Name", "FTE"], [1, "Ann", "=1+1"]])))
    assert "fte" not in om.load(path).person("1").attributes


def test_problem_locates_the_sheet_row(tmp_path):
    """A bad manager is reported at the sheet's row and the column's header."""
    rows = [*HR[:3], [1003, "Cy Dane", "Accountant", "Finance", "nobody@acme.test", "c@a.t", 1]]
    path = tmp_path / "hr.xlsx"
    path.write_bytes(workbook(("Staff", rows)))
    with pytest.raises(om.ValidationError) as info:
        om.load(path)
    assert info.value.problems[0].location == "hr.xlsx:4, column Manager Email"


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("data", "fragment", "code"),
    [
        (b"not a workbook at all", "not an Excel workbook", om.ProblemCode.SYNTAX_ERROR),
        (b"PK\x03\x04" + b"\x00" * 40, "not an Excel workbook", om.ProblemCode.SYNTAX_ERROR),
        (
            OLE2 + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le"),
            "password-protected",
            om.ProblemCode.SYNTAX_ERROR,
        ),
        (OLE2 + b"\x00" * 64, "old .xls workbook", om.ProblemCode.SYNTAX_ERROR),
        (_zip({"hello.txt": b"hi"}), "not a readable Excel workbook", om.ProblemCode.SYNTAX_ERROR),
        (
            _zip({"[Content_Types].xml": b'<!DOCTYPE x [<!ENTITY a "b">]><x/>'}),
            "declares XML entities",
            om.ProblemCode.UNSAFE_INPUT,
        ),
        (
            _zip({"xl/worksheets/sheet1.xml": b"\x00" * (8 << 20)}),
            "zip bomb",
            om.ProblemCode.UNSAFE_INPUT,
        ),
    ],
    ids=["text", "truncated-zip", "encrypted", "xls", "zip-not-xlsx", "entities", "bomb"],
)
def test_bad_workbook_is_a_validation_error(tmp_path, data, fragment, code):
    """Damaged, encrypted, old and hostile workbooks are ValidationErrors, never raw ones."""
    path = tmp_path / "bad.xlsx"
    path.write_bytes(data)
    with pytest.raises(om.ValidationError, match=fragment) as info:
        om.load(path)
    assert info.value.problems[0].code is code


def test_damaged_sheet_part_is_a_validation_error(tmp_path):
    """A sheet whose XML is broken is reported, not raised from openpyxl."""
    data = _with_sheet_xml(workbook(("Staff", HR)), lambda x: x[: len(x) // 2])
    path = tmp_path / "bad.xlsx"
    path.write_bytes(data)
    with pytest.raises(om.ValidationError):
        om.load(path)


def test_organogram_workbook_pairs_its_sheets(tmp_path):
    """An organogram workbook's senior and junior sheets are read together."""
    senior: list[list[object]] = [
        ["Post Unique Reference", "Name", "Job Title", "Unit", "Reports to Senior Post", "FTE"],
        ["P1", "Ann Lee", "Permanent Secretary", "Office", "XX", 1],
        ["P2", "Vacant", "Director", "Finance", "P1", 1],
    ]
    junior: list[list[object]] = [
        ["Reporting Senior Post", "Grade", "Generic Job Title", "Number of Posts in FTE"],
        ["P2", "HEO", "Finance Officer", 4.5],
    ]
    path = tmp_path / "organogram.xlsx"
    path.write_bytes(
        workbook(
            ("Notes", [["how to"]]),
            ("(final data) senior", senior),
            ("(final data) junior", junior),
        )
    )
    org = om.load(path)
    assert [p.id for p in org.people if p.vacant] == ["P2"]
    assert org.person("P2").attributes["junior_fte"] == 4.5


def test_cli_convert_workbook_to_yaml(hr_xlsx, tmp_path):
    """`orgmodel convert hr.xlsx firm.yaml` writes what om.load reads."""
    target = tmp_path / "firm.yaml"
    result = CliRunner().invoke(main, ["convert", str(hr_xlsx), str(target)])
    assert result.exit_code == 0, result.output
    assert om.load(target) == om.load(hr_xlsx)
    assert "columns-detected" in result.stderr


def test_cli_column_option(tmp_path):
    """--column FIELD=HEADER overrides detection on the command line."""
    path = tmp_path / "export.csv"
    path.write_text("Key,Who,Boss Email,Email\n1,Ann,,a@x.t\n2,Bo,a@x.t,b@x.t\n", encoding="utf-8")
    target = tmp_path / "firm.yaml"
    result = CliRunner().invoke(
        main,
        [
            "convert",
            str(path),
            str(target),
            "--column",
            "id=Key",
            "--column",
            "name=Who",
            "--column",
            "manager=Boss Email",
        ],
    )
    assert result.exit_code == 0, result.output
    assert om.load(target).person("2").manager == "1"


def test_cli_bad_column_option_is_a_usage_error(tmp_path):
    """--column without '=' is a usage error."""
    path = tmp_path / "export.csv"
    path.write_text("id,name\n1,A\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path), "--column", "manager"])
    assert result.exit_code == 2


def test_cli_classify_export(tmp_path):
    """`orgmodel classify export.csv` classifies an HR export as it is."""
    path = tmp_path / "export.csv"
    path.write_text(
        "Employee ID,Full Name,Job Title,Reports To,Department\n"
        "1,Ann Lee,Managing Partner,,Executive\n"
        "2,Bo Chen,Chief Operating Officer,Ann Lee,Operations\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["classify", str(path)])
    assert result.exit_code == 0, result.output
    assert "Bo Chen" in result.stdout


def test_cli_strict_validation_ignores_the_detection_note(tmp_path):
    """`validate --strict` of a clean HR export exits 0: the detection note is no problem."""
    path = tmp_path / "export.csv"
    path.write_text("Employee ID,Full Name,Reports To\n1,Ann Lee,\n2,Bo Chen,1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--strict", str(path)])
    assert result.exit_code == 0, result.output
    assert "columns-detected" in result.stderr
