import pytest

from audit.models import Entry, ImmutableEntryError
from wadah.testing import make_ormas


@pytest.fixture
def entry(db):
    make_ormas()
    return Entry.objects.get(action="ormas.created")


def test_it_refuses_to_save_an_entry_again(entry):
    entry.action = "ormas.forged"
    with pytest.raises(ImmutableEntryError):
        entry.save()


def test_it_refuses_to_delete_an_entry(entry):
    with pytest.raises(ImmutableEntryError):
        entry.delete()
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_it_refuses_bulk_update_and_delete(entry):
    with pytest.raises(ImmutableEntryError):
        Entry.objects.filter(pk=entry.pk).update(action="ormas.forged")
    with pytest.raises(ImmutableEntryError):
        Entry.objects.all().delete()
    entry.refresh_from_db()
    assert entry.action == "ormas.created"
