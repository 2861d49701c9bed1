import math
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import orgmodel as om
from orgmodel import Share, ShareError
from strategies import shares


@pytest.mark.parametrize(
    ("given_value", "lower", "upper"),
    [
        (0, 0.0, 0.0),
        (1, 1.0, 1.0),
        (0.4, 0.4, 0.4),
        (0.125, 0.125, 0.125),
        ("0.4", 0.4, 0.4),
        ("  0.4 ", 0.4, 0.4),
        ("+0.5", 0.5, 0.5),
        (".5", 0.5, 0.5),
        ("1e-1", 0.1, 0.1),
        ("40%", 0.4, 0.4),
        ("40 %", 0.4, 0.4),
        (" 12.5% ", 0.125, 0.125),
        ("0%", 0.0, 0.0),
        ("100%", 1.0, 1.0),
        ("25-50%", 0.25, 0.5),
        ("25%-50%", 0.25, 0.5),
        ("25 - 50 %", 0.25, 0.5),
        ("25–50%", 0.25, 0.5),
        ("25 to 50%", 0.25, 0.5),
        ("0.25-0.5", 0.25, 0.5),
        ("0.25 to 0.5", 0.25, 0.5),
        ("75-100%", 0.75, 1.0),
        ("40-40%", 0.4, 0.4),
        ({"minimum": 0.25, "maximum": 0.5}, 0.25, 0.5),
        ({"minimum": "25%", "maximum": "50%"}, 0.25, 0.5),
        ({"minimum": 0, "maximum": 1}, 0.0, 1.0),
        (Share(0.1, 0.2), 0.1, 0.2),
    ],
)
def test_parse_accepts(given_value, lower, upper):
    """Numbers, percentages, ranges and mappings parse to the right bounds."""
    share = Share.parse(given_value)
    assert share.lower == pytest.approx(lower)
    assert share.upper == pytest.approx(upper)


@pytest.mark.parametrize(
    ("given_value", "fragment"),
    [
        (40, 'write "40%" for 40 per cent'),
        (1.5, 'write "1.5%" for 1.5 per cent'),
        ("40", 'write "40%" for 40 per cent'),
        (150, "must be a fraction between 0 and 1 (got 150)"),
        (-0.1, "must be a fraction between 0 and 1 (got -0.1)"),
        (math.nan, "(got nan)"),
        (math.inf, "(got inf)"),
        ("150%", "must be at most 100%"),
        ("-5%", "must be a number in [0, 1]"),
        ("forty", "must be a number in [0, 1]"),
        ("", "must be a number in [0, 1]"),
        ("1/3", "must be a number in [0, 1]"),
        ("50-25%", "lower bound above its upper bound"),
        ("25%-0.5", "must be a number in [0, 1]"),
        ("25-150%", "must be at most 100%"),
        ({"minimum": 0.5}, "needs exactly the keys 'minimum' and 'maximum'"),
        ({"min": 0.1, "max": 0.2}, "needs exactly the keys 'minimum' and 'maximum'"),
        ({"minimum": 0.6, "maximum": 0.5}, "has minimum 0.6 above maximum 0.5"),
        ({"minimum": 2, "maximum": 3}, "'share.minimum' must be a fraction"),
        (True, "must be a number or a string"),
        (None, "must be a number or a string"),
        ([0.1, 0.2], "must be a number or a string"),
    ],
)
def test_parse_rejects(given_value, fragment):
    """Anything but a fraction in [0, 1] is a ShareError with a helpful message."""
    with pytest.raises(ShareError) as info:
        Share.parse(given_value)
    assert fragment in str(info.value)
    assert isinstance(info.value, om.OrgModelError)
    assert isinstance(info.value, ValueError)


def test_parse_names_the_field():
    """The name given to parse appears in the message."""
    with pytest.raises(ShareError, match="'voting' must be a fraction"):
        Share.parse(2.0, name="voting")


@pytest.mark.parametrize(
    ("lower", "upper"),
    [(-0.1, 0.5), (0.5, 1.1), (0.6, 0.5), (math.nan, 0.5), (0.1, math.inf)],
)
def test_constructor_checks_bounds(lower, upper):
    """Share(lower, upper) checks both bounds and their order."""
    with pytest.raises(ShareError):
        Share(lower, upper)


@pytest.mark.parametrize("bad", ["0.5", True, None])
def test_constructor_checks_types(bad):
    """Bounds must be numbers, not strings or booleans."""
    with pytest.raises(ShareError, match="must be a number"):
        Share(bad, 0.5)


def test_exact_and_range_properties():
    """is_exact, value, midpoint and str behave for both kinds."""
    exact = Share.exact(0.4)
    assert exact.is_exact
    assert exact.value == 0.4
    assert exact.midpoint == 0.4
    assert str(exact) == "40%"
    ranged = Share.between(0.25, 0.5)
    assert not ranged.is_exact
    assert ranged.midpoint == 0.375
    assert str(ranged) == "25–50%"
    with pytest.raises(ShareError, match="is a range"):
        _ = ranged.value


def test_exact_int_equals_float():
    """Share.exact(1) equals Share.exact(1.0)."""
    assert Share.exact(1) == Share.exact(1.0)
    assert hash(Share.exact(1)) == hash(Share.exact(1.0))


def test_to_data():
    """to_data gives a number for exact shares and a mapping for ranges."""
    assert Share.exact(0.4).to_data() == 0.4
    assert Share.between(0.1, 0.2).to_data() == {"minimum": 0.1, "maximum": 0.2}


@given(shares())
def test_to_data_round_trips(share):
    """parse(to_data()) gives the same share, exactly."""
    assert Share.parse(share.to_data()) == share


@given(st.floats(0.0, 1.0))
def test_parse_of_a_fraction_is_exact(value):
    """Any fraction in [0, 1] parses to itself, exactly."""
    assert Share.parse(value) == Share.exact(value)
    assert Share.parse(repr(value)).lower == value


@given(st.integers(0, 100), st.integers(0, 100))
def test_percentage_ranges(a, b):
    """'a-b%' parses to [a/100, b/100] when a <= b, and is refused otherwise."""
    text = f"{a}-{b}%"
    if a <= b:
        assert Share.parse(text) == Share.between(a / 100, b / 100)
    else:
        with pytest.raises(ShareError):
            Share.parse(text)


@given(st.one_of(st.text(max_size=12), st.floats(), st.integers(), st.none()))
def test_parse_never_raises_anything_else(value):
    """Whatever it is given, parse returns a Share or raises ShareError."""
    try:
        share = Share.parse(value)
    except ShareError:
        return
    assert 0.0 <= share.lower <= share.upper <= 1.0


@pytest.mark.parametrize("size", [9_990, 100_000])  # scanned; refused unscanned
@pytest.mark.parametrize(
    "pattern",
    [
        lambda n: " " * n + "x",
        lambda n: "1" + " " * n + "-",
        lambda n: "(" + "5" * n,
        lambda n: "25" + "%" * n,
    ],
)
def test_parse_is_linear_on_hostile_text(pattern, size):
    """The old regex's worst cases, near and past the length limit, are refused in time."""
    text = pattern(size)
    code = (
        "import sys, orgmodel as om\n"
        "try:\n    om.Share.parse(sys.stdin.read())\nexcept om.ShareError:\n    print('refused')\n"
    )
    done = subprocess.run(  # noqa: S603 - this interpreter on a fixed script
        [sys.executable, "-c", code],
        input=text,
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    )
    assert done.stdout.strip() == "refused"


@pytest.mark.parametrize("value", [10**400, "1e400", "1e400%", {"minimum": 10**400, "maximum": 1}])
def test_huge_numbers_are_share_errors(value):
    """Numbers too large for a float are a ShareError, never OverflowError."""
    with pytest.raises(ShareError):
        Share.parse(value)


@pytest.mark.parametrize(
    ("text", "share"),
    [
        (">25%", Share.between(0.25, 1.0, lower_open=True)),
        ("(25-50]%", Share.between(0.25, 0.5, lower_open=True)),
        ("[50-75)%", Share.between(0.5, 0.75, upper_open=True)),
        ("<50%", Share.between(0.0, 0.5, upper_open=True)),
        (">=25%", Share.between(0.25, 1.0)),
        ("(0.25-0.5]", Share.between(0.25, 0.5, lower_open=True)),
    ],
)
def test_band_notation(text, share):
    """The band notation gives open and closed ends, and str() reads back equal."""
    assert Share.parse(text) == share
    assert Share.parse(str(share)) == share
    assert Share.parse(share.notation(percent=False)) == share
