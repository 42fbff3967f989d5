"""ImportBatch.TRANSITIONS is the whole truth: every listed move has an action, and no action moves elsewhere."""

import itertools

import pytest
from django.core.exceptions import ValidationError

from imports import actions
from imports.actions import ACTION_FOR
from imports.models import ImportBatch, ImportRow
from imports.tests.helpers import ormas_row, upload, xlsx_bytes
from registry.models import Ormas
from wadah.lib.workflow import InvalidTransition

pytestmark = pytest.mark.django_db
S = ImportBatch.Status
ALL_PAIRS = list(itertools.product(S.values, repeat=2))
ALLOWED = [(a, b) for a, b in ALL_PAIRS if b in ImportBatch.TRANSITIONS[a]]


def test_it_lists_a_rule_for_every_status():
    assert set(ImportBatch.TRANSITIONS) == set(S.values)
    assert not ImportBatch.TRANSITIONS[S.DONE]


def test_it_has_exactly_one_action_per_listed_transition():
    assert set(ACTION_FOR) == set(ALLOWED)


def _at(status: str, user) -> ImportBatch:
    """A batch of one good row, analysed (so a commit has work to do), then forced to `status`."""
    data = xlsx_bytes([ormas_row(1, "Ikatan Uji Transisi", village="Langkai")])
    batch = actions.create_batch(by=user, upload=upload(data), kind="xlsx")
    actions.start_analysis(batch, mapping=batch.mapping, default_region=None)
    actions.analyse(batch)
    ImportBatch.objects.filter(pk=batch.pk).update(status=status)
    batch.refresh_from_db()
    return batch


def _call(action, batch: ImportBatch, user) -> None:
    if action is actions.start_analysis:
        action(batch, mapping=batch.mapping, default_region=None)
    elif action in (actions.fail_analysis, actions.return_to_review):
        action(batch, reason="Alasan uji")
    elif action is actions.commit:
        action(batch, user)
    else:  # analyse, request_commit
        action(batch)


@pytest.mark.parametrize(("old", "new"), ALLOWED)
def test_it_performs_every_listed_transition(province_officer, old, new):
    batch = _at(old, province_officer)
    _call(ACTION_FOR[(old, new)], batch, province_officer)
    assert ImportBatch.objects.get(pk=batch.pk).status == new == batch.status


@pytest.mark.parametrize("action", sorted(set(ACTION_FOR.values()), key=lambda f: f.__name__), ids=lambda f: f.__name__)
def test_it_never_lets_an_action_leave_the_transitions(province_officer, action):
    """Each action, tried from every status it is not listed for, is refused and changes nothing."""
    sources = {old for (old, _new), fn in ACTION_FOR.items() if fn is action}
    for status in set(S.values) - sources:
        batch = _at(status, province_officer)
        with pytest.raises(InvalidTransition):
            _call(action, batch, province_officer)
        assert ImportBatch.objects.get(pk=batch.pk).status == status
    assert not Ormas.objects.exists()


def test_a_stale_copy_cannot_move_the_batch_again(province_officer):
    """A double click on "Import": the second request read the batch before the first moved it."""
    batch = _at(S.READY, province_officer)
    stale = ImportBatch.objects.get(pk=batch.pk)
    actions.request_commit(batch)
    with pytest.raises(InvalidTransition):
        actions.request_commit(stale)


def test_decisions_only_while_in_review(province_officer):
    batch = _at(S.COMMITTING, province_officer)
    row = batch.rows.get()
    with pytest.raises(ValidationError):
        actions.decide_rows(batch, {row.pk: ImportRow.Action.SKIP})
    with pytest.raises(ValidationError):
        actions.skip_errors(batch)
    assert batch.rows.get().action == ImportRow.Action.CREATE


def test_a_commit_needs_every_row_decided(province_officer):
    batch = _at(S.READY, province_officer)
    batch.rows.update(action="")
    with pytest.raises(ValidationError):
        actions.request_commit(batch)
    assert ImportBatch.objects.get(pk=batch.pk).status == S.READY
