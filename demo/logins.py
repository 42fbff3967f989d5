"""The demo logins and their one password: what seed_demo creates and prints, and what the README lists."""

from accounts.models import Role

DEMO_PASSWORD = "Wadah-Demo-2026"
# (username, name, role, office region, agency abbreviation)
STAFF = [
    ("admin", "Admin Sistem", Role.ADMIN, "62", None),
    ("pimpinan", "Kepala Badan (demo)", Role.LEADER, "62", None),
    ("petugas.provinsi", "Petugas Provinsi (demo)", Role.OFFICER, "62", None),
    ("petugas.palangkaraya", "Petugas Kota Palangka Raya (demo)", Role.OFFICER, "62.71", None),
    # Decides and signs the Palangka Raya office's sanction steps (a petugas only drafts them).
    ("pimpinan.palangkaraya", "Kepala Kesbangpol Kota Palangka Raya (demo)", Role.LEADER, "62.71", None),
    ("petugas.kotim", "Petugas Kotawaringin Timur (demo)", Role.OFFICER, "62.02", None),
    ("polda", "Anggota Tim Terpadu Polda (demo)", Role.AGENCY_MEMBER, None, "Polda"),
]
# Created with the demo applications (demo/services.py): an Ormas account, logged in as its secretary.
ORMAS_ACCOUNT = "sekretariat"
# Created with the demo cases (demo/supervision.py): a BINDA member, to see the compartments from the other side.
BINDA = "binda"
# Created with the demo rosters (demo/coordination.py): a Polres member, to see an agency's action items.
POLRES = "polres.palangkaraya"
# Created with the demo opportunities (demo/opportunities.py): an offering partner (a company's CSR programme).
PARTNER = "mitra.csr"
