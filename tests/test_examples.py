import pytest

import orgmodel as om


def test_example_is_the_firm_in_examples_folder():
    """om.example() loads the same file as examples/acme-partners.yaml."""
    assert om.example() == om.load("examples/acme-partners.yaml")


def test_example_has_every_archetype():
    """The bundled firm has 40 people, a holding company, dotted lines and relationships."""
    org = om.example()
    assert len(org.people) == 40
    assert not org.warnings
    assert any(s.holder == "as-holdings" for s in org.stakes)
    assert sum(len(p.dotted) for p in org.people) >= 2
    kinds = {r.kind for r in org.relationships}
    assert {om.RelationshipKind.CLIENT, om.RelationshipKind.INVESTOR} <= kinds


def test_unknown_example_suggests_the_name():
    """A misspelt example name is an UnknownReferenceError with a suggestion."""
    with pytest.raises(om.UnknownReferenceError, match="did you mean 'acme-partners'"):
        om.example("acme-partner")
