"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "ormas.created": _("Entered in the registry"),
        "ormas.updated": _("Data corrected"),
        "ormas.status_changed": _("Status changed"),
        "ormas.imported": _("Imported from a spreadsheet"),
        "chapter.created": _("Chapter added"),
        "chapter.updated": _("Chapter corrected"),
        "board_member.added": _("Board member seated"),
        "board_member.ended": _("Board member left"),
        "person.updated": _("Person's details corrected"),
        "person.nik_viewed": _("Full NIK viewed"),
        "person.nik_searched": _("Registry searched by NIK"),
        "document.added": _("Document added"),
        "document.archived": _("Document archived"),
    }
)
