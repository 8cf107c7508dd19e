"""The extension's labels, Indonesian first and English: Fava has no Indonesian translation of
its own, so these pages carry theirs (the books' `language` Fava option "en" switches them)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # page titles (the sidebar)
    "AidOverview": ("Ikhtisar Bantuan", "Aid overview"),
    "AidDisbursements": ("Penyaluran Bantuan", "Disbursements"),
    "AidParticipant": ("Peserta", "Participant"),
    "AidFindings": ("Temuan", "Findings"),
    "AidProgress": ("Perkembangan Usaha", "Business Progress"),
    # business progress (issue 11)
    "milestone": ("Tahap (bulan)", "Milestone (months)"),
    "visited": ("Dikunjungi", "Visited"),
    "running": ("Berjalan", "Running"),
    "success_rate": ("Tingkat keberhasilan", "Success rate"),
    "median_omzet": ("Median omzet/bulan", "Median turnover/month"),
    "median_laba": ("Median laba/bulan", "Median profit/month"),
    "by_milestone": ("Per tahap kunjungan", "By milestone"),
    "visits": ("Kunjungan", "Visits"),
    "visit_status": ("Status usaha", "Business status"),
    "omzet": ("Omzet/bulan", "Turnover/month"),
    "laba": ("Laba/bulan", "Profit/month"),
    "note": ("Catatan", "Note"),
    "progress_rate_note": (
        "Tingkat keberhasilan = usaha berjalan atau berkembang dibagi usaha yang dikunjungi.",
        "Success rate = businesses running or growing over businesses visited.",
    ),
    # columns and words
    "funder": ("Sumber dana", "Funder"),
    "cohort": ("Angkatan", "Cohort"),
    "group": ("Kelompok keterampilan", "Skill group"),
    "participants": ("Peserta", "Participants"),
    "participant": ("Peserta", "Participant"),
    "granted": ("Dialokasikan", "Granted"),
    "credited": ("Masuk ke buku tabungan", "Credited"),
    "withdrawn": ("Ditarik", "Withdrawn"),
    "receipted": ("Didukung nota", "Receipted"),
    "cash_uncovered": ("Tunai belum didukung nota", "Cash not yet covered"),
    "open_findings": ("Temuan terbuka", "Open findings"),
    "total": ("Jumlah", "Total"),
    "as_of": ("Per tanggal", "As of"),
    "as_of_time_filter": (
        "akhir filter waktu Fava; angka sesudah tanggal itu tidak dihitung",
        "the end of Fava's time filter; nothing after that day is counted",
    ),
    "as_of_today": (
        "hari ini; pilih periode di filter waktu Fava untuk membaca per tanggal lain",
        "today; choose a period in Fava's time filter to read the books as of another day",
    ),
    "batch": ("Batch", "Batch"),
    "date": ("Tanggal", "Date"),
    "component": ("Komponen", "Component"),
    "listed": ("Tercatat", "Listed"),
    "credit_date": ("Tanggal masuk", "Credited on"),
    "status": ("Status", "Status"),
    "companion": ("Pendamping", "Companion"),
    "kind": ("Jenis", "Kind"),
    "severity": ("Tingkat", "Severity"),
    "amount": ("Jumlah", "Amount"),
    "message": ("Keterangan", "Message"),
    "where": ("Lokasi", "Where"),
    "all": ("Semua", "All"),
    "filter": ("Saring", "Filter"),
    "none": ("Tidak ada", "None"),
    "plan": ("Rencana anggaran belanja (RAB)", "Purchase plan (RAB)"),
    "line": ("No", "No"),
    "description": ("Uraian", "Description"),
    "category": ("Kategori", "Category"),
    "planned": ("Rencana", "Planned"),
    "actual": ("Realisasi", "Actual"),
    "difference": ("Selisih", "Difference"),
    "purchases": ("Nota", "Receipts"),
    "plan_total": ("Total RAB", "Plan total"),
    "unplanned": ("Di luar RAB", "Unplanned"),
    "realisation": ("Realisasi %", "Realisation %"),
    "over_by": ("lebih", "over by"),
    "savings_balance": ("Saldo buku tabungan", "Savings balance"),
    "min_balance": ("Saldo minimum", "Minimum balance"),
    "available": ("Dapat ditarik", "Available"),
    "journal": ("Jurnal akun-akunnya", "Journal of her accounts"),
    "documents": ("Dokumen (rekening koran, nota)", "Documents (statements, receipts)"),
    "her_findings": ("Temuan", "Findings"),
    "disbursements_of": ("Penyaluran", "Disbursements"),
    "choose_participant": ("Pilih peserta", "Choose a participant"),
    "unknown_participant": ("Peserta tidak dikenal", "Unknown participant"),
    "rows": ("Baris", "Rows"),
    "by": ("Menurut", "By"),
    "fava_filter_note": (
        "Filter akun/lanjutan Fava aktif: hanya peserta yang entrinya lolos filter ditampilkan; "
        "angka tiap peserta tetap dari semua entrinya sampai tanggal di atas.",
        "Fava's account/advanced filter is active: only participants with entries it keeps are "
        "shown; each one's figures still come from all her entries up to the date above.",
    ),
    "numbers_from_engine": (
        "Angka dari mesin rekonsiliasi yang sama dengan `aidledger reconcile`.",
        "Figures from the same reconciliation engine as `aidledger reconcile`.",
    ),
}


def label(key: str, lang: str) -> str:
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]
