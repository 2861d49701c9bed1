"""HR exports and org-chart tools' tables: each dialect's sample file, sniffing, detection."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

import orgmodel as om
from orgmodel.analysis import structure

DATA = Path(__file__).parent / "data" / "tables"


def lines(org: om.Organization) -> dict[str, str | None]:
    """Each person's manager, by id."""
    return {p.id: p.manager for p in org.people}


def units(org: om.Organization) -> dict[str, str | None]:
    """Each unit's parent, by id."""
    return {u.id: u.parent for u in org.units}


# -- the dialects' sample files ------------------------------------------------------

VISIO = {
    "Helen Ashworth": None,
    "Marcus Webb": "Helen Ashworth",
    "Priya Nair": "Helen Ashworth",
    "Tom Okafor": "Helen Ashworth",
    "Jenny Liu": "Marcus Webb",
    "Sam Rivers": "Marcus Webb",
    "Dara Quinn": "Priya Nair",
    "Alex Kim": "Priya Nair",
    "Rosa Marin": "Tom Okafor",
    "Kofi Boateng": "Tom Okafor",
}
ORGCHART_NOW = {
    "100": None,
    "101": "100",
    "102": "100",
    "103": "100",
    "104": "102",
    "105": "102",
    "106": "103",
    "107": "102",
    "108": "105",
}
D3 = {
    "O-1": None,
    "O-2": "O-1",
    "O-3": "O-1",
    "O-4": "O-2",
    "O-5": "O-2",
    "O-6": "O-3",
    "O-7": "O-3",
}
BAMBOO = {"1": None, "2": "1", "3": "1", "4": "2", "5": "4", "6": "4", "7": "3"}
HIBOB = {
    "AX01": None,
    "AX02": "AX01",
    "AX03": "AX01",
    "AX04": "AX02",
    "AX05": "AX03",
    "AX06": "AX03",
}
ADP = {
    "G3X7KQ1": None,
    "G3X7KQ2": "G3X7KQ1",
    "G3X7KQ3": "G3X7KQ1",
    "G3X7KQ4": "G3X7KQ2",
    "G3X7KQ5": "G3X7KQ3",
    "G3X7KQ6": "G3X7KQ5",
}
ORGANOGRAM = {
    "PS001": None,
    "DG001": "PS001",
    "DG002": "PS001",
    "D001": "DG001",
    "D002": "DG001",
    "D003": "DG002",
    "DD001": "D001",
}

SAMPLES = [
    (
        "visio-org-chart-wizard.csv",
        VISIO,
        {"Executive": None, "Finance": None, "Operations": None, "Sales": None},
    ),
    (
        "orgchart-now.csv",
        ORGCHART_NOW,
        {"Executive": None, "Operations": None, "Finance": None},
    ),
    ("d3-org-chart.csv", D3, {}),
    (
        "bamboohr.csv",
        BAMBOO,
        {
            "Corporate": None,
            "Corporate > Leadership": "Corporate",
            "Product": None,
            "Product > Engineering": "Product",
            "Corporate > People": "Corporate",
            "Product > Engineering > Platform": "Product > Engineering",
        },
    ),
    ("hibob.csv", HIBOB, {"Management": None, "Finance": None, "Operations": None}),
    ("adp-workforce-now.csv", ADP, {"Executive": None, "Accounting": None, "Manufacturing": None}),
    (
        "organogram-2024-03-31-senior.csv",
        ORGANOGRAM,
        dict.fromkeys(
            [
                "Private Office",
                "Operations Group",
                "Policy Group",
                "Finance Directorate",
                "Digital Directorate",
                "Strategy Directorate",
            ]
        ),
    ),
]


@pytest.mark.parametrize(("file", "managers", "unit_parents"), SAMPLES)
def test_sample_loads_into_its_chart(file, managers, unit_parents):
    """Each sample loads without options into the people, lines and units it draws."""
    org = om.load(DATA / file)
    assert lines(org) == managers
    assert units(org) == unit_parents
    assert len(org.roots) == 1


@pytest.mark.parametrize("file", [s[0] for s in SAMPLES])
def test_sample_round_trips_through_yaml(file, tmp_path):
    """What a sample loads into is kept by orgmodel YAML."""
    org = om.load(DATA / file)
    om.dump(org, tmp_path / "firm.yaml")
    assert om.load(tmp_path / "firm.yaml") == org


@pytest.mark.parametrize("file", [s[0] for s in SAMPLES])
def test_sample_reports_what_it_detected(file):
    """The first warning says which column was read as what."""
    first = om.load(DATA / file).warnings[0]
    assert first.code is om.ProblemCode.COLUMNS_DETECTED
    assert "→ manager" in first.message


@pytest.mark.parametrize(
    ("file", "person", "name", "title", "unit"),
    [
        ("visio-org-chart-wizard.csv", "Alex Kim", "Alex Kim", "IT Manager", "Operations"),
        ("orgchart-now.csv", "107", "Lucy Grant", "Assistant to the COO", "Operations"),
        ("d3-org-chart.csv", "O-5", "Buchanan Steven", "Sales Representative", None),
        (
            "bamboohr.csv",
            "1",
            "Maggie Holloway",
            "Chief Executive Officer",
            "Corporate > Leadership",
        ),
        ("hibob.csv", "AX06", "Yuki Sato", "Logistics Coordinator", "Operations"),
        ("adp-workforce-now.csv", "G3X7KQ4", "Linda Brown", "Staff Accountant", "Accounting"),
    ],
)
def test_sample_people(file, person, name, title, unit):
    """Names (from first, preferred and last name too), titles and units are read."""
    found = om.load(DATA / file).person(person)
    assert (found.name, found.title, found.unit) == (name, title, unit)


def test_orgchart_now_assistants():
    """IsAssistant marks the assistants, as `assistant: true`."""
    org = om.load(DATA / "orgchart-now.csv")
    assert [p.id for p in org.people if p.attributes.get("assistant") is True] == ["101", "107"]


@pytest.mark.parametrize(
    ("file", "person", "employment", "raw"),
    [
        ("bamboohr.csv", "6", om.Employment.CONTRACTOR, None),
        ("bamboohr.csv", "7", om.Employment.EMPLOYEE, "Part-Time"),
        ("hibob.csv", "AX06", om.Employment.CONTRACTOR, "Freelancer"),
        ("adp-workforce-now.csv", "G3X7KQ6", om.Employment.CONTRACTOR, "Temporary"),
    ],
)
def test_employment_types(file, person, employment, raw):
    """Employment types map onto orgmodel's; the export's own word is kept when it differs."""
    found = om.load(DATA / file).person(person)
    assert found.employment is employment
    assert found.attributes.get("employment_type") == raw


def test_d3_keeps_its_other_columns():
    """d3-org-chart's extra columns are kept as attributes under their headers."""
    found = om.load(DATA / "d3-org-chart.csv").person("O-1")
    assert found.attributes["imageUrl"] == "https://example.test/img/1.jpg"
    assert found.attributes["location"] == "CEO office"


# -- the UK government organogram ----------------------------------------------------


@pytest.fixture(scope="module")
def organogram():
    return om.load(DATA / "organogram-2024-03-31-senior.csv")


def test_organogram_vacancies(organogram):
    """Vacant and Eliminated posts are vacancies with no name."""
    assert [(p.id, p.name) for p in organogram.people if p.vacant] == [("DG002", ""), ("DD001", "")]
    assert organogram.person("DD001").attributes["post_status"] == "eliminated"


def test_organogram_withheld_name(organogram):
    """N/D is a filled post whose holder is not named."""
    post = organogram.person("D002")
    assert (post.vacant, post.name, post.attributes["name_withheld"]) == (False, "", True)


def test_organogram_people_under_a_vacancy_report_to_it(organogram):
    """D003 reports to the vacant DG002 post."""
    assert organogram.person("D003").manager == "DG002"


def test_organogram_name_from_its_one_organisation(organogram):
    """One organisation in the file names the organisation rather than wrapping the units."""
    assert organogram.name == "Department for Example Affairs"


@pytest.mark.parametrize(
    ("post", "fte", "junior_fte", "rows"),
    [("PS001", 1.0, 3.5, 2), ("D001", 1.0, 8, 2), ("D002", 0.8, 12.5, 1), ("DG001", 1.0, None, 0)],
)
def test_organogram_fte(organogram, post, fte, junior_fte, rows):
    """Each senior post has its FTE, and the junior posts under it counted as FTE."""
    attributes = organogram.person(post).attributes
    assert attributes["fte"] == fte
    assert attributes.get("junior_fte") == junior_fte
    assert len(attributes.get("junior_posts", [])) == rows


def test_organogram_salary_cost(organogram):
    """Money columns are read as numbers."""
    assert organogram.person("D001").attributes["cost"] == 512000


def test_organogram_junior_file_alone_is_explained():
    """Loading the junior file says to load the senior one."""
    with pytest.raises(om.ValidationError, match="load the senior-posts file"):
        om.load(DATA / "organogram-2024-03-31-junior.csv")


def test_organogram_junior_post_with_unknown_senior(tmp_path):
    """A junior row under a senior post the senior file lacks is located."""
    for name in ("organogram-x-senior.csv", "organogram-x-junior.csv"):
        source = DATA / name.replace("x", "2024-03-31")
        (tmp_path / name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    junior = tmp_path / "organogram-x-junior.csv"
    junior.write_text(
        junior.read_text(encoding="utf-8").replace(",D003,", ",D099,"), encoding="utf-8"
    )
    with pytest.raises(om.ValidationError) as info:
        om.load(tmp_path / "organogram-x-senior.csv")
    (problem,) = info.value.problems
    assert problem.code is om.ProblemCode.UNKNOWN_REFERENCE
    assert problem.location == "organogram-x-junior.csv:7, column Reporting Senior Post"


def test_organogram_open_headcount(organogram):
    """The structure analyses count the organogram's vacancies as open headcount."""
    count = structure.headcount(organogram)
    assert (count.filled, count.open) == (5, 2)


# -- the three failures the issue names ----------------------------------------------


def test_department_column_yields_units():
    """`id,name,title,manager_id,department` gives one unit per department."""
    text = (
        "id,name,title,manager_id,department\n"
        "1,Ann,CEO,,Executive\n2,Bo,CFO,1,Finance\n3,Cy,Accountant,2,Finance\n"
    )
    org = om.loads(text, format="csv")
    assert units(org) == {"Executive": None, "Finance": None}
    assert [p.unit for p in org.people] == ["Executive", "Finance", "Finance"]


def test_unit_column_without_units_file_yields_units(tmp_path):
    """A `unit` column with no units.csv beside it makes the units from its values."""
    (tmp_path / "people.csv").write_text(
        "id,name,title,manager_id,unit\n1,Ann,CEO,,Executive\n2,Bo,CFO,1,Finance\n",
        encoding="utf-8",
    )
    assert units(om.load(tmp_path / "people.csv")) == {"Executive": None, "Finance": None}


def test_unit_column_with_units_file_refers_to_it(tmp_path):
    """With units.csv beside people.csv, `unit` holds ids from it (orgmodel's layout)."""
    (tmp_path / "people.csv").write_text("id,name,unit\n1,Ann,ex\n", encoding="utf-8")
    (tmp_path / "units.csv").write_text("id,name\nex,Executive\n", encoding="utf-8")
    org = om.load(tmp_path / "people.csv")
    assert (org.person("1").unit, org.unit("ex").name) == ("ex", "Executive")
    assert not org.warnings


def test_d3_layout_has_one_top():
    """The d3-org-chart layout yields one top and its reporting lines."""
    org = om.load(DATA / "d3-org-chart.csv")
    assert [p.id for p in org.roots] == ["O-1"]
    assert sum(p.manager is not None for p in org.people) == 6


# -- encodings and delimiters -------------------------------------------------------

PLAIN = "Employee ID,Name,Manager ID\n1,Zoë Ångström,\n2,Bo,1\n"


@pytest.mark.parametrize(
    "data",
    [
        PLAIN.encode(),
        codecs.BOM_UTF8 + PLAIN.encode(),
        PLAIN.replace(",", ";").encode(),
        PLAIN.replace(",", "\t").encode("utf-16"),
        PLAIN.replace(",", "\t").encode("utf-16-le"),
        ("sep=;\n" + PLAIN.replace(",", ";")).encode(),
        PLAIN.replace(",", "|").encode(),
        PLAIN.replace("\n", "\r\n").encode(),
    ],
    ids=["utf8", "bom", "semicolon", "utf16-tab", "utf16-no-bom", "sep-line", "pipe", "crlf"],
)
def test_encoding_and_delimiter_sniffed(tmp_path, data):
    """UTF-8 with or without BOM, UTF-16 as Excel writes it, and `;`, tab or `|`."""
    (tmp_path / "export.csv").write_bytes(data)
    org = om.load(tmp_path / "export.csv")
    assert lines(org) == {"1": None, "2": "1"}
    assert org.person("1").name == "Zoë Ångström"


def test_tsv_suffix(tmp_path):
    """A .tsv file is read with tabs."""
    (tmp_path / "export.tsv").write_text(PLAIN.replace(",", "\t"), encoding="utf-8")
    assert lines(om.load(tmp_path / "export.tsv")) == {"1": None, "2": "1"}


def test_loads_bytes_sniffs_utf16():
    """loads() takes the bytes of a table too."""
    org = om.loads(PLAIN.replace(",", "\t").encode("utf-16"), format="csv")
    assert lines(org) == {"1": None, "2": "1"}


def test_quoted_line_breaks_keep_the_line_numbers():
    """A problem is located at the line its row starts on, after a quoted line break."""
    text = 'Employee ID,Name,Reports To\n1,"Ann\nLee",\n2,Bo,9\n'
    with pytest.raises(om.ValidationError) as info:
        om.loads(text, format="csv")
    assert info.value.problems[0].location == "people.csv:4, column Reports To"


# -- managers resolved by what the column holds --------------------------------------


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("Manager ID", "1"),
        ("Manager Email", "ANN@acme.test"),
        ("Reports To", "Ann Lee"),
        ("Reports To", "  ann   lee "),
        ("Reports To", "Lee, Ann"),
        ("Manager", "cn=Ann Lee,ou=People,dc=acme,dc=test"),
    ],
)
def test_manager_resolved_by_what_it_holds(header, value):
    """Ids, e-mail addresses (any case), names (loosely) and DNs all find the manager."""
    text = (
        f"Employee ID,Name,Email,{header}\n"
        f'1,Ann Lee,ann@acme.test,\n2,Bo Chen,bo@acme.test,"{value}"\n'
    )
    assert om.loads(text, format="csv").person("2").manager == "1"


def test_dn_resolved_by_a_dn_column():
    """A DN matches a person's own DN column, whatever its case and spacing."""
    text = (
        "uid,cn,dn,manager\n"
        'ann,Ann Lee,"uid=ann,ou=People,dc=acme,dc=test",\n'
        'bo,Bo Chen,"uid=bo,ou=People,dc=acme,dc=test","UID=ann, OU=People, DC=acme, DC=test"\n'
    )
    org = om.loads(text, format="csv", columns={"id": "uid", "name": "cn"})
    assert org.person("bo").manager == "ann"


def test_ambiguous_name_is_an_unknown_reference():
    """Two people named Alex Kim: a manager named so is reported, with its row."""
    text = "Name,Employee ID,Reports To\nAlex Kim,1,\nAlex Kim,2,\nBo,3,Alex Kim\n"
    with pytest.raises(om.ValidationError) as info:
        om.loads(text, format="csv")
    (problem,) = info.value.problems
    assert problem.code is om.ProblemCode.UNKNOWN_REFERENCE
    assert problem.location == "people.csv:4, column Reports To"
    assert "ambiguous" in problem.message
    assert "'1', '2'" in problem.message


def test_unresolved_reference_has_row_column_and_hint():
    """A manager nobody matches is reported at its cell, with a did-you-mean."""
    text = (
        "Employee ID,Name,Email,Manager Email\n"
        "1,Ann,ann@acme.test,\n2,Bo,bo@acme.test,an@acme.test\n"
    )
    with pytest.raises(om.ValidationError) as info:
        om.loads(text, format="csv")
    (problem,) = info.value.problems
    assert problem.location == "people.csv:3, column Manager Email"
    assert "did you mean 'ann@acme.test'?" in problem.message


def test_several_problems_at_once():
    """Every bad row is reported in one error."""
    text = "Employee ID,Name,Reports To\n1,Ann,\n2,Bo,Zed\n3,Cy,Yan\n2,Di,\n"
    with pytest.raises(om.ValidationError) as info:
        om.loads(text, format="csv")
    codes = sorted(p.code.value for p in info.value.problems)
    assert codes == ["duplicate-id", "unknown-reference", "unknown-reference"]


def test_model_problems_are_located_at_their_cells():
    """A reporting cycle found by the model is shown at the file's row and column."""
    text = "Employee ID,Name,Manager ID\n1,Ann,2\n2,Bo,1\n"
    with pytest.raises(om.ValidationError) as info:
        om.loads(text, format="csv")
    assert info.value.problems[0].location == "people.csv:2, column Manager ID"


# -- columns: detection, overrides and what cannot be mapped -------------------------


def test_columns_override():
    """columns= names the header of a field when detection would pick another."""
    text = "Employee ID,Name,Manager ID,Supervisor Email,Email\n1,Ann,,,a@x.t\n2,Bo,,a@x.t,b@x.t\n"
    org = om.loads(text, format="csv", columns={"manager": "Supervisor Email"})
    assert org.person("2").manager == "1"


def test_columns_override_matches_loosely():
    """An override's header matches like detection does (case, spaces, punctuation)."""
    text = "Key,Who,Boss Key\n1,Ann,\n2,Bo,1\n"
    org = om.loads(text, format="csv", columns={"id": "key", "name": "WHO", "manager": "boss_key"})
    assert lines(org) == {"1": None, "2": "1"}


def test_columns_override_unknown_field():
    """An unknown field in columns= is an OptionError with a did-you-mean."""
    with pytest.raises(om.OptionError, match="did you mean 'manager'"):
        om.loads("id,name\n1,A\n", format="csv", columns={"manger": "boss"})


def test_columns_override_unknown_header():
    """A header given in columns= that the table lacks is reported with the headers found."""
    with pytest.raises(om.ValidationError, match=r"has no column 'Boss'.*'Manager'"):
        om.loads("id,name,Manager\n1,A,\n", format="csv", columns={"manager": "Boss"})


def test_columns_option_not_for_yaml():
    """columns= applies to tables only."""
    with pytest.raises(om.OptionError, match="columns= applies to csv, tsv, xlsx"):
        om.loads("people: []", format="yaml", columns={"id": "x"})


def test_unmappable_table_lists_headers_and_hints():
    """No column naming the people: the error lists the headers, what is missing, and hints."""
    with pytest.raises(om.ValidationError) as info:
        om.loads("Emplyee Idd,Shoe size\n1,9\n", format="csv")
    (problem,) = info.value.problems
    assert problem.code is om.ProblemCode.MISSING_KEY
    assert "'Emplyee Idd', 'Shoe size'" in problem.message
    assert "Missing: name (or first and last name), and an id" in problem.message
    assert "'Emplyee Idd': did you mean 'employee id'" in problem.message


def test_detected_columns_warning_lists_attributes():
    """The warning names each mapping and each column kept as a plain attribute."""
    org = om.loads("Employee ID,Name,Reports To,Desk\n1,Ann,,A4\n", format="csv")
    message = org.warnings[0].message
    assert "'Employee ID' → id" in message
    assert "kept as attributes: 'Desk'" in message


def test_best_synonym_wins():
    """Manager ID beats Manager Name when both are there; the other is kept."""
    text = "Employee ID,Name,Manager Name,Manager ID\n1,Ann,,\n2,Bo,Ann,1\n"
    org = om.loads(text, format="csv")
    assert org.person("2").manager == "1"
    assert org.person("2").attributes["Manager Name"] == "Ann"


def test_first_and_last_name():
    """Without a name column the name is the (preferred) first name and the last name."""
    text = (
        "Employee ID,First Name,Preferred Name,Last Name\n1,Margaret,Maggie,Holloway\n2,Bo,,Chen\n"
    )
    org = om.loads(text, format="csv")
    assert [p.name for p in org.people] == ["Maggie Holloway", "Bo Chen"]


def test_id_from_email_without_an_id_column():
    """With no id column, the e-mail address is the id."""
    text = "Name,Email,Manager Email\nAnn,ann@x.t,\nBo,bo@x.t,ann@x.t\n"
    assert lines(om.loads(text, format="csv")) == {"ann@x.t": None, "bo@x.t": "ann@x.t"}


@pytest.mark.parametrize(
    ("cell", "path"),
    [
        ("Operations / Facilities", ("Operations", "Operations > Facilities")),
        ("Operations > Facilities", ("Operations", "Operations > Facilities")),
        ("Operations>Facilities", ("Operations", "Operations > Facilities")),
        ("R&D/Labs", ("R&D/Labs",)),
    ],
)
def test_nested_departments(cell, path):
    """Nested paths make parent units; a slash without spaces stays in the name."""
    org = om.loads(f"id,name,department\n1,Ann,{cell}\n", format="csv")
    assert tuple(units(org)) == path
    assert org.person("1").unit == path[-1]


def test_vacant_name_and_vacant_column():
    """A name of Vacant, or a vacant/position-status column, makes a vacancy."""
    text = "Employee ID,Name,Position Status,Reports To\n1,Ann,Filled,\n2,Vacant,,1\n3,,Open,1\n"
    org = om.loads(text, format="csv")
    assert [p.id for p in org.people if p.vacant] == ["2", "3"]


def test_bad_vacant_cell_is_located():
    """A position status that is not yes or no is a wrong-type problem at its cell."""
    with pytest.raises(om.ValidationError) as info:
        om.loads("Employee ID,Name,Vacant\n1,Ann,perhaps\n", format="csv")
    assert info.value.problems[0].location == "people.csv:2, column Vacant"


def test_long_row_is_reported():
    """A row with more cells than the header is a syntax error at its line."""
    with pytest.raises(om.ValidationError) as info:
        om.loads("Employee ID,Name,Reports To\n1,Ann,,surplus\n", format="csv")
    assert info.value.problems[0].location == "people.csv:2"


def test_own_layout_still_reads_its_own_columns():
    """orgmodel's people.csv keeps its exact semantics (lists, :json attributes)."""
    text = "id,name,manager_id,dotted_manager_ids,age:json\na,A,,,41\nb,B,a,,\nc,C,a,b,\n"
    org = om.loads(text, format="csv")
    assert org.person("c").dotted == ("b",)
    assert org.person("a").attributes == {"age": 41}
    assert not org.warnings


def test_own_layout_with_attributes_named_like_fields_round_trips(tmp_path):
    """A people.csv orgmodel wrote is its own layout, whatever its attributes are called."""
    org = om.Organization(
        name="Acme",
        entities=[om.Entity("acme", "Acme")],
        people=[
            om.Person("a", "Ann", attributes={"employment_type": "Permanent", "manager": "x"}),
        ],
        stakes=[om.Stake("a", "acme", om.Share.exact(1.0))],
    )
    om.dump(org, tmp_path / "people.csv")
    assert om.load(tmp_path / "people.csv") == org


def test_siblings_mean_the_own_layout(tmp_path):
    """A stakes.csv beside people.csv makes it orgmodel's layout, read with its siblings."""
    (tmp_path / "people.csv").write_text("id,name,Department\na,Ann,Board\n", encoding="utf-8")
    (tmp_path / "entities.csv").write_text("id,name\nacme,Acme\n", encoding="utf-8")
    (tmp_path / "stakes.csv").write_text("holder,entity,share\na,acme,1\n", encoding="utf-8")
    org = om.load(tmp_path / "people.csv")
    assert (len(org.stakes), org.person("a").attributes) == (1, {"Department": "Board"})


def test_the_docs_print_the_synonym_table():
    """docs/bring-your-own-data.md lists exactly the synonyms the reader uses, in order."""
    from orgmodel.io.tables import SYNONYMS  # noqa: PLC0415 - the table under test

    text = (Path(__file__).parents[1] / "docs" / "bring-your-own-data.md").read_text("utf-8")
    rows = re.findall(r"^\| `(\w+)` \| [^|]+ \| (.+) \|$", text, flags=re.MULTILINE)
    documented = {field: tuple(re.findall(r"`([^`]+)`", names)) for field, names in rows}
    assert documented == {f.value: names for f, names in SYNONYMS.items()}
