"""The region-scope rule, the authorisation rule of the whole system, written once.

Kemendagri codes nest as dotted prefixes (62 ⊃ 62.71 ⊃ 62.71.01 ⊃ 62.71.01.1001). A region lies within a scope
when its code is the scope's code or starts with the scope's code and a dot; the dot keeps 62.7 from claiming
62.71. A user's scope is a region code (accounts.User.scope_code); every query and every permission check that
asks "is this inside the user's region" goes through `within` (one object) or `within_q` (a queryset filter).
"""

from django.db.models import Q


def within(code: str | None, scope: str | None) -> bool:
    """Does the region `code` lie within the region `scope` (itself or anywhere below it)? Empty answers no."""
    if not code or not scope:
        return False
    return code == scope or code.startswith(scope + ".")


def within_q(field: str, scope: str) -> Q:
    """The same rule as a filter: rows whose region code in `field` (a lookup such as "region_id" or "office__region__code") lies
    within `scope`. An exact match plus a prefix match, both served by the code's b-tree/trigram indexes."""
    return Q(**{field: scope}) | Q(**{f"{field}__startswith": scope + "."})
