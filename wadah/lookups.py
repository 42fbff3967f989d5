"""`__in` on integer columns ignores values no column of that type can hold.

Django already answers `pk=99999999999999999999` with an empty result (IntegerFieldOverflow on exact, gt, lt…),
but not `pk__in=[99999999999999999999]`: SQLite raises OverflowError, so a ModelMultipleChoiceField (which checks
the chosen ids with `pk__in`) given such an id from a form or a query string answered 500. Such a value can never
match a row, so leaving it out changes no result; the form then says the choice is not valid.
"""

from typing import Any

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class InRange(In):
    lookup_name = "in"

    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int) or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
