"""The region-scope rule: a region lies within a scope when its code is the scope's or nests below it."""

import pytest

from regions.models import Region
from regions.scope import within, within_q


@pytest.mark.parametrize(
    ("code", "scope", "inside"),
    [
        ("62", "62", True),
        ("62.71", "62", True),
        ("62.71.01.1001", "62.71", True),
        ("62.71", "62.71", True),
        ("62.02", "62.71", False),  # a neighbouring regency
        ("62.71", "62.7", False),  # a prefix that is not a whole code level
        ("62", "62.71", False),  # the province is not inside its regency
        ("63.71", "62", False),
        ("", "62", False),
        (None, "62", False),
        ("62.71", None, False),  # no scope: nothing is inside it
        ("62.71", "", False),
    ],
)
def test_within(code, scope, inside):
    assert within(code, scope) is inside


def test_the_query_form_says_the_same_as_the_python_form(db):
    for scope in ("62", "62.71", "62.71.01", "62.7"):
        expected = {code for code in Region.objects.values_list("code", flat=True) if within(code, scope)}
        assert set(Region.objects.filter(within_q("code", scope)).values_list("code", flat=True)) == expected
