"""Public functions given something that is not an Organization say so clearly."""

from __future__ import annotations

import pytest

import orgmodel as om

_ENTITY = ("acme",)
_FUNCTIONS = [
    ("classify", ()),
    ("collaboration", ()),
    ("org_health", ()),
    ("beneficial_owners", _ENTITY),
    ("cap_table", _ENTITY),
    ("controllers", _ENTITY),
    ("effective_ownership", _ENTITY),
    ("look_through", _ENTITY),
    ("ownership_cycles", ()),
    ("banzhaf", _ENTITY),
    ("shapley_shubik", _ENTITY),
    ("to_networkx", ()),
    ("org_chart", ()),
    ("ownership_chart", _ENTITY),
    ("render_org_chart", ("chart.dot",)),
    ("render_ownership_chart", ("chart.dot",)),
    ("dump", ("firm.yaml",)),
]


@pytest.mark.parametrize(("name", "args"), _FUNCTIONS)
@pytest.mark.parametrize("given", [None, "firm.yaml", {"people": []}])
def test_wrong_argument_is_a_clear_error(name, args, given, tmp_path, monkeypatch):
    """Each public function taking an organisation refuses anything else by name."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(om.ValidationError, match=rf"{name}\(\) needs an Organization") as info:
        getattr(om, name)(given, *args)
    assert info.value.problems[0].code is om.ProblemCode.WRONG_TYPE
    assert list(tmp_path.iterdir()) == []


def test_dumps_refuses_a_non_organization():
    """dumps names itself too."""
    with pytest.raises(om.ValidationError, match=r"dumps\(\) needs an Organization"):
        om.dumps(None, format="json")  # type: ignore[arg-type]
