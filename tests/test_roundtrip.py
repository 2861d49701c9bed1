"""Round trips are lossless: load → dump → load gives an equal organisation."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import orgmodel as om
from orgmodel.io import _csv, _csv_write, organization_from_data, organization_to_data
from strategies import organizations

# CSV text cells cannot hold NUL (the loader refuses NUL as the sign of a binary file;
# docs/file-format.md documents it), so the CSV tests draw texts without it.  Ids need
# no narrowing: the model already forbids control characters in them.
_csv_texts = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=20
)

_SETTINGS = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)


@given(organizations())
@_SETTINGS
def test_data_round_trip(org):
    """organization_to_data → organization_from_data gives an equal organisation."""
    assert organization_from_data(organization_to_data(org)) == org


@given(organizations())
@_SETTINGS
def test_yaml_text_round_trip(org):
    """dumps → loads (YAML) gives an equal organisation, and dumping again is stable."""
    text = om.dumps(org, format="yaml")
    again = om.loads(text, format="yaml")
    assert again == org
    assert om.dumps(again, format="yaml") == text


@given(organizations())
@_SETTINGS
def test_json_text_round_trip(org):
    """dumps → loads (JSON) gives an equal organisation, and dumping again is stable."""
    text = om.dumps(org, format="json")
    again = om.loads(text, format="json")
    assert again == org
    assert om.dumps(again, format="json") == text


@given(organizations(text_strategy=_csv_texts))
@_SETTINGS
def test_csv_tables_round_trip(org):
    """The CSV tables (people.csv and its siblings) read back to an equal organisation."""
    texts = _csv_write.tables(org)
    files = {kind: (f"{kind}.csv", text) for kind, text in texts.items()}
    again = _csv._load(files, "people.csv")
    assert again == org
    assert _csv_write.tables(again) == texts


@given(organizations(text_strategy=_csv_texts))
@settings(max_examples=15, deadline=None)
def test_csv_file_round_trip(org):
    """dump → load (CSV with sibling files on disk) gives an equal organisation."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.csv"
        om.dump(org, path)
        again = om.load(path)
        assert again == org
        om.dump(again, path)
        assert om.load(path) == org


@given(organizations(text_strategy=_csv_texts))
@settings(max_examples=10, deadline=None)
def test_csv_prefixed_files_round_trip(org):
    """A main file not called people.csv keeps its siblings under its own prefix."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "acme.csv"
        om.dump(org, path)
        assert om.load(path) == org
        assert all(p.name.startswith("acme.") for p in Path(folder).iterdir())


@given(organizations(max_entities=0, max_units=0, text_strategy=_csv_texts))
@settings(max_examples=30, deadline=None)
def test_csv_text_round_trip_for_people_only(org):
    """dumps(format='csv') → loads gives the people back when there is nothing else."""
    plain = om.Organization(name="", people=org.people)
    assert om.loads(om.dumps(plain, format="csv"), format="csv") == plain


@given(organizations(), st.sampled_from(["firm.yaml", "firm.yml", "firm.json", "people.csv"]))
@settings(max_examples=15, deadline=None)
def test_file_round_trip_every_suffix(org, name):
    """dump → load through a file gives an equal organisation for every suffix."""
    if name.endswith(".csv") and "\\u0000" in om.dumps(org, format="json"):
        return  # CSV cannot hold NUL (documented)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        om.dump(org, path)
        assert om.load(path) == org


def test_stale_sibling_is_emptied(tmp_path):
    """Dumping an organisation without stakes over one with stakes leaves no stale rows."""
    full = om.Organization(
        name="Acme",
        people=[om.Person("ann", "Ann")],
        entities=[om.Entity("acme", "Acme")],
        stakes=[om.Stake("ann", "acme", om.Share.exact(0.5))],
    )
    om.dump(full, tmp_path / "people.csv")
    bare = om.Organization(name="Acme", people=[om.Person("ann", "Ann")])
    om.dump(bare, tmp_path / "people.csv")
    assert om.load(tmp_path / "people.csv") == bare
    assert (tmp_path / "stakes.csv").read_text().strip() == (
        "holder,entity,share,voting,profit_share,liability,control,roles,indirect"
    )


def test_csv_cells_for_awkward_values(tmp_path):
    """Lists with ';', ranges, JSON attributes and reserved attribute names survive CSV."""
    org = om.Organization(
        name="Odd; Co",
        people=[
            om.Person("a;b", "A", attributes={"name": "alias", "age": 40, "note": ""}),
            om.Person("c", "C", dotted=["a;b"], responsibilities=["x y", "strategy"]),
        ],
        entities=[om.Entity("e", "E")],
        stakes=[
            om.Stake("a;b", "e", om.Share.between(0.25, 0.5)),
            om.Stake("c", "e", om.Share.between(1e-5, 0.1)),
        ],
    )
    om.dump(org, tmp_path / "people.csv")
    text = (tmp_path / "people.csv").read_text()
    assert "name:json" in text
    assert "age:json" in text
    assert "0.25-0.5" in (tmp_path / "stakes.csv").read_text()
    assert om.load(tmp_path / "people.csv") == org
