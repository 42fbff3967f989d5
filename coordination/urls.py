from django.urls import path

from coordination import attendance_views as av
from coordination import follow_views as fv
from coordination import views as v

app_name = "coordination"
urlpatterns = [
    path("", v.home, name="home"),
    path("tim/baru/", v.team_create, name="team-create"),
    path("tim/<int:pk>/", v.team_detail, name="team-detail"),
    path("tim/<int:pk>/sk/", v.roster_add, name="roster-add"),
    path("tim/<int:pk>/sk/<int:number>/", v.roster_detail, name="roster-detail"),
    path("tim/<int:pk>/sk/<int:number>/hapus/<int:member_pk>/", v.roster_member_remove, name="roster-member-remove"),
    path("tim/<int:pk>/rapat/baru/", v.meeting_create, name="meeting-create"),
    path("tim/<int:team_pk>/kesepahaman/baru/", fv.protocol_create, name="protocol-create"),
    path("ormas/", v.ormas_options, name="ormas-options"),
    path("rapat/<int:pk>/", v.meeting_detail, name="meeting-detail"),
    path("rapat/<int:pk>/buka/", v.meeting_open, name="meeting-open"),
    path("rapat/<int:pk>/batal/", v.meeting_cancel, name="meeting-cancel"),
    path("rapat/<int:pk>/undangan/", v.invite_add, name="invite-add"),
    path("rapat/<int:pk>/undangan/kirim/", v.invitations_send, name="invitations-send"),
    path("rapat/<int:pk>/agenda/", v.agenda_add, name="agenda-add"),
    path("rapat/<int:pk>/hadir/", v.attendance_add, name="attendance-add"),
    path("rapat/<int:pk>/hadir/<int:row_pk>/hapus/", v.attendance_remove, name="attendance-remove"),
    path("rapat/<int:pk>/hadir.pdf", v.attendance_download, name="attendance-pdf"),
    # Attendance by QR on the secretariat's phone (works offline; static/js/checkin.js) and the passes.
    path("rapat/<int:pk>/hadir/pindai/", av.checkin_page, name="checkin"),
    path("rapat/<int:pk>/hadir/daftar/", av.checkin_roster, name="checkin-roster"),
    path("rapat/<int:pk>/hadir/kirim/", av.checkin_sync, name="checkin-sync"),
    path("rapat/<int:pk>/hadir/catat/", av.checkin_tick, name="checkin-tick"),
    path("rapat/<int:pk>/kartu-hadir/", av.passes_page, name="passes"),
    path("rapat/<int:pk>/kartu-hadir/<str:key>.svg", av.pass_qr, name="pass-qr"),
    path("rapat/<int:pk>/notulen/", v.minutes, name="minutes"),
    path("rapat/<int:pk>/notulen/simpan-otomatis/", v.minutes_autosave, name="minutes-autosave"),
    path("rapat/<int:pk>/notulen/simpan/", v.minutes_save, name="minutes-save"),
    path("rapat/<int:pk>/notulen/setujui/", v.minutes_approve, name="minutes-approve"),
    path("rapat/<int:pk>/notulen/koreksi/", v.minutes_correct, name="minutes-correct"),
    path("rapat/<int:pk>/notulen.pdf", v.minutes_download, name="minutes-pdf"),
    path("rapat/<int:pk>/agenda/<int:item_pk>/keputusan/", v.decision_add, name="decision-add"),
    path("rapat/<int:pk>/keputusan/<int:decision_pk>/tindak-lanjut/", v.action_item_add, name="action-item-add"),
    path("rapat/<int:pk>/keputusan/<int:decision_pk>/langkah-kasus/", v.decision_case_step, name="decision-step"),
    path("tindak-lanjut/", fv.agency_items, name="agency-items"),
    path("tindak-lanjut/<int:pk>/", fv.item_detail, name="item-detail"),
    path("tindak-lanjut/<int:pk>/selesai/", fv.item_close, name="item-close"),
    path("tindak-lanjut/<int:pk>/kemajuan/", fv.item_progress, name="item-progress"),
    path("tindak-lanjut/<int:pk>/batal/", fv.item_cancel, name="item-cancel"),
    path("tindak-lanjut/<int:pk>/bukti/", fv.item_evidence, name="item-evidence"),
    path("kesepahaman/<int:pk>/", fv.protocol_detail, name="protocol-detail"),
    path("kesepahaman/<int:pk>/pasal/", fv.protocol_clause, name="protocol-clause"),
    path("kesepahaman/<int:pk>/usulkan/", fv.protocol_propose, name="protocol-propose"),
    path("kesepahaman/<int:pk>/setujui/", fv.protocol_endorse, name="protocol-endorse"),
    path("kesepahaman/<int:pk>/pasal/<int:clause_pk>/rujuk/", fv.protocol_cite, name="protocol-cite"),
]
