from hypothesis import given, settings

import orgmodel as om
from strategies import organizations, ownership_networks


@given(organizations())
@settings(max_examples=50)
def test_organizations_are_valid(org):
    """Every generated organisation passes validation and rebuilds equal to itself."""
    assert isinstance(org, om.Organization)
    assert (
        om.Organization(
            name=org.name,
            people=org.people,
            entities=org.entities,
            units=org.units,
            stakes=org.stakes,
            relationships=org.relationships,
            focal_entity=org.focal_entity,
            custom_tags=org.custom_tags,
        )
        == org
    )


@given(ownership_networks(acyclic=True))
@settings(max_examples=30)
def test_acyclic_networks_have_no_entity_cycles(org):
    """With acyclic=True, no entity holds an entity created after it."""
    order = {e.id: i for i, e in enumerate(org.entities)}
    for s in org.stakes:
        if s.holder in order:
            assert order[s.holder] > order[s.entity]
