from supervision import actions, compartments
from supervision.models import Case, CaseNote


def test_it_opens_a_case_with_a_reference(case):
    assert case.reference.startswith("KSS-")
    assert case.status == Case.Status.OPENED


def test_it_keeps_a_binda_note_from_polda_until_shared(case, city_officer, polda_member, binda_member):
    from accounts.models import Agency

    polda, binda = Agency.objects.get(abbreviation="Polda"), Agency.objects.get(abbreviation="BINDA")
    actions.add_member(case, polda, by=city_officer)
    actions.add_member(case, binda, by=city_officer)
    note = actions.add_note(case, by=binda_member, text="Sumber intel")
    assert not compartments.can_read(polda_member, note)
    assert compartments.can_read(city_officer, note)
    assert not compartments.readable(polda_member, CaseNote.objects.all()).exists()
    compartments.share(note, with_agency=polda, by=binda_member)
    assert compartments.can_read(polda_member, note)
    assert list(compartments.readable(polda_member, CaseNote.objects.all())) == [note]
