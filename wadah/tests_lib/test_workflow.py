"""The one transition rule: a move TRANSITIONS does not list is refused with the labels of both statuses."""

import pytest
from django.core.exceptions import ValidationError

from complaints.models import Complaint
from fieldreports.models import FieldReport
from registry.models import Ormas
from services.models import Application
from supervision.models import Case
from wadah.lib.workflow import InvalidTransition, Workflow, can_move_to, check_move


def test_can_move_to_reads_the_table():
    table = {"a": {"b"}, "b": set()}
    assert can_move_to(table, "a", "b")
    assert not can_move_to(table, "b", "a")
    assert not can_move_to(table, "unknown", "a")


@pytest.mark.parametrize("model", [Ormas, Application, Case, Complaint, FieldReport])
def test_every_workflow_model_uses_the_shared_rule(model):
    assert issubclass(model, Workflow)


def test_check_move_refuses_with_both_labels():
    case = Case(status=Case.Status.CLOSED)
    with pytest.raises(InvalidTransition) as error:
        check_move(case, Case.Status.OPENED, "%(old)s → %(new)s")
    assert isinstance(error.value, ValidationError)
    assert error.value.messages == [f"{Case.Status.CLOSED.label} → {Case.Status.OPENED.label}"]
    check_move(Case(status=Case.Status.OPENED), Case.Status.CLOSED, "unused")
