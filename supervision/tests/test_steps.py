"""The case page's step table and the model's transition table describe the same ladder: every transition of
Case.TRANSITIONS has a step on the page that performs its action (actions.ACTION_FOR), and every step stands for
transitions the table lists and the action it performs."""

from supervision import actions
from supervision.models import Case
from supervision.steps import STEP_ACTIONS, StepAction

S = Case.Status
TRANSITIONS = {(old, new) for old, targets in Case.TRANSITIONS.items() for new in targets}


def _moves(step: StepAction) -> set[tuple[str, str]]:
    """The transitions a step offers: from its source statuses (any, by default) to one of its targets."""
    sources = step.sources or tuple(S.values)
    return {(old, new) for old in sources for new in step.targets if (old, new) in TRANSITIONS}


def test_every_transition_has_a_step_and_an_action():
    assert set(actions.ACTION_FOR) == TRANSITIONS
    offered = {move for step in STEP_ACTIONS.values() for move in _moves(step)}
    assert offered == TRANSITIONS, f"no step on the case page for {sorted(TRANSITIONS - offered)}"


def test_every_step_performs_the_action_of_its_transitions():
    for slug, step in STEP_ACTIONS.items():
        moves = _moves(step)
        assert moves, f"step {slug} stands for no transition of Case.TRANSITIONS"
        for move in moves:
            assert actions.ACTION_FOR[move] is step.performs, f"{slug}: {move} is done by {actions.ACTION_FOR[move]}"


def test_every_step_source_and_target_is_a_status():
    for slug, step in STEP_ACTIONS.items():
        assert set(step.targets) <= set(S.values), slug
        assert set(step.sources) <= set(S.values), slug
