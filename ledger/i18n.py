"""Messages meant for the treasurer, companions and auditors: Indonesian first, English available.

Each message has a stable key; `text(key, lang, **values)` fills it in. The language comes from
the caller (a plugin's configuration, the CLI's --lang, $AIDLEDGER_LANG), defaulting to "id".
"""

from __future__ import annotations

import os

LANGUAGES = ("id", "en")
ENV_LANG = "AIDLEDGER_LANG"

MESSAGES: dict[str, dict[str, str]] = {
    # importing: the books' lock and what an interrupted import left (importers/pipeline.py)
    "import.waiting-lock": {
        "id": "menunggu kunci buku yang dipegang impor lain ({holder})",
        "en": "waiting for the books' lock held by another import ({holder})",
    },
    "import.removed-temporaries": {
        "id": "{count} berkas sementara dari impor yang terputus dihapus",
        "en": "removed {count} temporary file(s) left by an interrupted import",
    },
    "unregistered-participant": {
        "id": "Akun {account} milik peserta {participant} yang belum terdaftar "
        '(tidak ada custom "participant" "{participant}")',
        "en": "Account {account} belongs to participant {participant}, who is not registered "
        '(no custom "participant" "{participant}")',
    },
    "cross-participant": {
        "id": "Transaksi ini memindahkan uang antar peserta ({participants}); "
        "dana tiap peserta harus tetap di akunnya sendiri",
        "en": "This transaction moves money between participants ({participants}); "
        "each participant's money must stay in her own accounts",
    },
    "purchase-without-receipt": {
        "id": "Pembelian ke {account} tanpa nomor nota (metadata receipt)",
        "en": "Purchase posted to {account} has no receipt number (metadata receipt)",
    },
    "after-closure": {
        "id": "Entri untuk peserta {participant} bertanggal {date}, sesudah akunnya ditutup pada {closed}",
        "en": "Entry for participant {participant} dated {date}, after her accounts were closed on {closed}",
    },
    "finer-than-sen": {
        "id": "Jumlah {amount} lebih kecil dari satu sen: rupiah paling banyak dua angka desimal",
        "en": "Amount {amount} is finer than a sen: rupiah have at most two decimals",
    },
    "open-without-companion": {
        "id": "Akun bantuan {account} dibuka tanpa pendamping: peserta {participant} "
        "tidak punya pendamping yang terdaftar{detail}",
        "en": "Aid account {account} opened without a companion: participant {participant} "
        "has no registered companion{detail}",
    },
    "unknown-record": {
        "id": 'Peserta {participant} merujuk {kind} "{code}" yang tidak terdaftar',
        "en": 'Participant {participant} refers to {kind} "{code}", which is not declared',
    },
    "aid-currency": {
        "id": "Akun bantuan {account} hanya memakai IDR, bukan {currency}",
        "en": "Aid account {account} holds IDR only, not {currency}",
    },
    "bank-line-without-source": {
        "id": "Mutasi buku tabungan {account} tanpa asal (metadata source): "
        "setiap mutasi harus bisa ditelusuri ke rekening koran",
        "en": "Savings-book movement on {account} has no origin (metadata source): "
        "every movement must trace back to a statement",
    },
    "disbursement-not-credited": {
        "id": "Bantuan {component} batch {batch} sebesar {amount} tercatat pada {date}, "
        "belum masuk ke buku tabungan setelah {days} hari",
        "en": "Aid {component} of batch {batch}, {amount}, listed on {date}, "
        "not credited to the savings book after {days} days",
    },
    "disbursement-amount-mismatch": {
        "id": "Bantuan {component} batch {batch}: tercatat {listed}, masuk ke buku tabungan {credited} "
        "pada {date} (selisih {difference}, termasuk potongan)",
        "en": "Aid {component} of batch {batch}: listed {listed}, credited {credited} on {date} "
        "(difference {difference}, deductions included)",
    },
    "credit-without-disbursement": {
        "id": "Setoran bantuan {amount} pada {date} tidak dijelaskan oleh daftar nominatif mana pun",
        "en": "Aid credit of {amount} on {date} is explained by no disbursement list",
    },
    "duplicate-disbursement": {
        "id": "Peserta tercatat dua kali untuk {component} dalam batch {batch} ({amount})",
        "en": "Participant listed twice for {component} in batch {batch} ({amount})",
    },
    # findings of plans and receipts (ledger/reconcile/plans.py); values: participant, date, amount
    "unclassified-bank-line": {
        "id": "Mutasi buku tabungan {amount} ({code} {description}) belum dikenal tabel aturan; "
        "dicatat di akun Suspense sampai jenisnya diputuskan",
        "en": "Savings-book line of {amount} ({code} {description}) is not known to the rule table; "
        "booked to Suspense until its kind is decided",
    },
    # business progress after the aid (ledger/reconcile/progress.py)
    "progress-visit-overdue": {
        "id": "Kunjungan perkembangan bulan ke-{months} (jatuh tempo {date}, {months} bulan sesudah "
        "modal usaha {start}) belum dilakukan; terlambat {days} hari",
        "en": "Progress visit of month {months} (due {date}, {months} months after the modal usaha "
        "of {start}) not made; {days} days late",
    },
    "business-stopped": {
        "id": "Kunjungan terakhir pada {date} ({companion_code}) mencatat usaha berhenti: {note}",
        "en": "The latest visit on {date} ({companion_code}) records the business as stopped: {note}",
    },
    "unplanned-purchase": {
        "id": "Pembelian {amount} (nota {receipt}, {shop}) tanpa baris RAB yang disetujui (No RAB: {line})",
        "en": "Purchase of {amount} (receipt {receipt}, {shop}) names no approved plan line (line: {line})",
    },
    "overspent-plan-line": {
        "id": "Baris RAB {line} dibelanjakan {spent} dari rencana {planned}: lebih {amount}",
        "en": "Plan line {line}: {spent} spent against {planned} planned, {amount} over",
    },
    "unrealised-plan-line": {
        "id": "Baris RAB {line} ({description}, {amount}) belum dibeli {days} hari sesudah pencairan",
        "en": "Plan line {line} ({description}, {amount}) not bought {days} days after the withdrawal",
    },
    "unreceipted-withdrawal": {
        "id": "Uang tunai {amount} yang ditarik sejak {date} belum didukung nota ({days} hari)",
        "en": "Cash of {amount} withdrawn since {date} is not covered by receipts ({days} days)",
    },
    "purchase-before-approval": {
        "id": "Pembelian {amount} untuk baris RAB {line} pada {date}, sebelum disetujui pada {approved}",
        "en": "Purchase of {amount} for plan line {line} on {date}, before its approval on {approved}",
    },
    "duplicate-receipt": {
        "id": "Nota {receipt} dari {shop} ({amount}) sudah dipakai oleh {other} pada {other_date}",
        "en": "Receipt {receipt} of {shop} ({amount}) was already used by {other} on {other_date}",
    },
    "missing-meterai": {
        "id": "Nota {receipt} dari {shop} senilai {amount} (di atas Rp 5.000.000) tanpa meterai",
        "en": "Receipt {receipt} of {shop} for {amount} (above Rp 5.000.000) has no meterai stamp",
    },
    "category-mismatch": {
        "id": "Pembelian {amount} untuk baris RAB {line} dicatat sebagai {booked}, "
        "padahal kategori RAB-nya {planned}",
        "en": "Purchase of {amount} for plan line {line} is booked as {booked}, "
        "but the plan line's category is {planned}",
    },
    # `aidledger import`'s report of each file (the reasons come from the importers)
    "import-wrote": {
        "id": "{path} ({importer}): dibaca {read}, ditulis {written}, dilewati {skipped}",
        "en": "{path} ({importer}): read {read}, wrote {written}, skipped {skipped}",
    },
    "import-would-write": {
        "id": "{path} ({importer}): dibaca {read}, akan ditulis {written}, dilewati {skipped}",
        "en": "{path} ({importer}): read {read}, would write {written}, skipped {skipped}",
    },
    "import-archived": {"id": ", diarsipkan sebagai {path}", "en": ", archived as {path}"},
    "import-skipped": {"id": "  dilewati {location}: {reason}", "en": "  skipped {location}: {reason}"},
    "import-note": {"id": "  catatan {location}: {note}", "en": "  note {location}: {note}"},
    "import-error": {"id": "kesalahan: {error}", "en": "error: {error}"},
}


def default_language() -> str:
    lang = os.environ.get(ENV_LANG, "id")
    return lang if lang in LANGUAGES else "id"


def text(key: str, lang: str | None = None, **values: object) -> str:
    catalogue = MESSAGES[key]
    return catalogue.get(lang or default_language(), catalogue["id"]).format(**values)


# --- words for codes: one spelling of each everywhere (Fava pages, PDFs, command line) ---------
# The codes (finding kinds, severities, disbursement statuses) stay in JSON and CSV output; what
# people read shows these words. A finding kind without a label here fails a test.

KIND_LABELS: dict[str, tuple[str, str]] = {
    "unplanned-purchase": ("Pembelian di luar RAB", "Unplanned purchase"),
    "overspent-plan-line": ("Realisasi melebihi RAB", "Plan line overspent"),
    "unrealised-plan-line": ("Pos RAB belum direalisasi", "Plan line not realised"),
    "unreceipted-withdrawal": ("Penarikan tanpa nota", "Withdrawal without receipts"),
    "purchase-before-approval": ("Pembelian sebelum RAB disetujui", "Purchase before approval"),
    "duplicate-receipt": ("Nota ganda", "Duplicate receipt"),
    "missing-meterai": ("Nota tanpa meterai", "Receipt without meterai"),
    "category-mismatch": ("Kategori tidak sesuai RAB", "Category differs from plan"),
    "disbursement-not-credited": ("Bantuan belum masuk rekening", "Disbursement not credited"),
    "disbursement-amount-mismatch": ("Jumlah kredit berbeda", "Credited amount differs"),
    "credit-without-disbursement": ("Kredit tanpa daftar penyaluran", "Credit without disbursement"),
    "duplicate-disbursement": ("Penyaluran ganda", "Duplicate disbursement"),
    "unclassified-bank-line": ("Mutasi bank belum dikenali", "Unclassified bank line"),
    "progress-visit-overdue": ("Kunjungan perkembangan terlambat", "Progress visit overdue"),
    "business-stopped": ("Usaha berhenti", "Business stopped"),
}

SEVERITY_LABELS: dict[str, tuple[str, str]] = {
    "error": ("Kesalahan", "Error"),
    "warning": ("Peringatan", "Warning"),
}

STATUS_LABELS: dict[str, tuple[str, str]] = {
    "credited": ("Sudah masuk rekening", "Credited"),
    "pending": ("Dalam proses", "Pending"),
    "not-credited": ("Belum masuk rekening", "Not credited"),
    "mismatch": ("Jumlah berbeda", "Amount differs"),
    "duplicate": ("Tercatat ganda", "Listed twice"),
}


def word(table: dict[str, tuple[str, str]], code: str, lang: str | None = None) -> str:
    """The word for `code` in `lang` (default: $AIDLEDGER_LANG, then Indonesian); the code
    itself when the table has none."""
    pair = table.get(code)
    if pair is None:
        return code
    return pair[1] if (lang or default_language()) == "en" else pair[0]


def kind_label(kind: str, lang: str | None = None) -> str:
    return word(KIND_LABELS, kind, lang)


def severity_label(severity: str, lang: str | None = None) -> str:
    return word(SEVERITY_LABELS, severity, lang)


def status_label(status: str, lang: str | None = None) -> str:
    return word(STATUS_LABELS, status, lang)
