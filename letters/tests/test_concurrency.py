"""Parallel approvals on PostgreSQL: every thread its own connection, numbers 1..n exactly once, none lost."""

import io
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction

from accounts.models import Office
from letters.models import Letter, NumberSequence
from letters.tests.test_issue import issue
from regions.models import Region

BASE_DIR = Path(__file__).resolve().parents[2]
THREADS = 8

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL (SQLite serialises writers anyway); run with DATABASE_URL=postgres://…",
    ),
]


@pytest.fixture
def office(transactional_db) -> Office:
    """Reference data again: a transactional test starts from (and leaves) an empty database."""
    quiet = io.StringIO()
    if not Region.objects.exists():
        call_command("load_regions", BASE_DIR / "data" / "wilayah_kalteng.csv", stdout=quiet)
    if not Office.objects.exists():
        call_command("setup_offices", stdout=quiet)
    return Office.objects.get(region_id="62.71")


class Rollback(Exception):
    pass


def run_in_threads(office: Office, *, roll_back: set[int] = frozenset()) -> list[BaseException]:  # type: ignore[assignment]
    """Start THREADS issuers at once; the ones in roll_back abort their transaction after issuing."""
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def work(index: int) -> None:
        try:
            barrier.wait()
            with transaction.atomic():
                issue(office, subject=f"Thread {index}")
                if index in roll_back:
                    raise Rollback
        except Rollback:
            pass
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_it_gives_parallel_approvals_numbers_without_duplicates_or_gaps(office):
    # No sequence row and no format yet: the threads also race to create both.
    assert not NumberSequence.objects.exists()
    assert run_in_threads(office) == []
    numbers = sorted(Letter.objects.filter(office=office).values_list("sequence", flat=True))
    assert numbers == list(range(1, THREADS + 1))
    assert len(set(Letter.objects.values_list("number", flat=True))) == THREADS
    assert NumberSequence.objects.get(office=office).last_number == THREADS


def test_it_does_not_consume_numbers_of_rolled_back_approvals(office):
    issue(office)  # the sequence row exists: the threads queue on its lock
    assert run_in_threads(office, roll_back={1, 4, 6}) == []
    numbers = sorted(Letter.objects.filter(office=office).values_list("sequence", flat=True))
    assert numbers == list(range(1, 1 + 1 + THREADS - 3))
