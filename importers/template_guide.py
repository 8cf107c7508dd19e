"""The words of the templates' "Petunjuk" sheet: Indonesian first, English with --lang en.

Per kind: a title, what the sheet is for, each column's meaning and an example value (together
one complete example row), and what happens when it is imported. The rules that hold for every
sheet, the labels and the drop-down messages are shared. Words only: the layout is
importers/template_book.py, the columns are the importers' own specs.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from importers.visit_columns import STATUSES

D = datetime.date

COMMON: dict[str, dict[str, str]] = {
    "sheet": {"id": "Petunjuk", "en": "Petunjuk"},  # one name: "Petunjuk" in both languages
    "col-column": {"id": "Kolom", "en": "Column"},
    "col-required": {"id": "Wajib diisi", "en": "Required"},
    "col-format": {"id": "Bentuk isian", "en": "What to type"},
    "col-meaning": {"id": "Artinya", "en": "Meaning"},
    "col-example": {"id": "Contoh", "en": "Example"},
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
    "format-date": {"id": "tanggal", "en": "date"},
    "format-money": {"id": "rupiah (angka)", "en": "rupiah (a number)"},
    "format-text": {"id": "teks", "en": "text"},
    "format-integer": {"id": "bilangan bulat", "en": "whole number"},
    "format-number": {"id": "angka", "en": "number"},
    "format-closed": {"id": "pilih dari daftar", "en": "pick from the list"},
    "format-open": {"id": "teks, atau pilih dari daftar", "en": "text, or pick from the list"},
    "format-formula": {
        "id": "rumus: Volume x Harga Satuan",
        "en": "formula: Volume x Unit Price",
    },
    "example-note": {
        "id": "Kolom Contoh di atas, dibaca dari atas ke bawah, adalah satu baris lengkap.",
        "en": "The Example column above, read top to bottom, is one complete row.",
    },
    "on-import-title": {"id": "Apa yang terjadi saat diimpor", "en": "What happens on import"},
    "rules-title": {"id": "Aturan untuk semua baris", "en": "Rules for every row"},
    "closed-list-error": {
        "id": "Isi {header} dengan salah satu pilihan dari daftar.",
        "en": "Fill {header} with one of the choices of the list.",
    },
    "closed-list-prompt": {
        "id": "Pilih dari daftar (nilai lain ditolak).",
        "en": "Pick from the list (other values are refused).",
    },
    "open-list-prompt": {
        "id": "Pilih dari daftar, atau ketik yang lain.",
        "en": "Pick from the list, or type another.",
    },
    "date-error": {
        "id": "{header}: ketik tanggal, mis. 12/10/2025 (hari/bulan/tahun).",
        "en": "{header}: type a date, e.g. 12/10/2025 (day/month/year).",
    },
    "integer-error": {
        "id": "{header}: ketik bilangan bulat, 0 atau lebih.",
        "en": "{header}: type a whole number, 0 or more.",
    },
    "unique-error": {
        "id": "{header} ini sudah ada di baris lain: setiap peserta satu baris saja.",
        "en": "This {header} is already on another row: one row per participant.",
    },
    "digits16-error": {
        "id": "{header} harus 16 angka.",
        "en": "{header} must be 16 digits.",
    },
    "plan-lines-title": {"id": "Baris RAB peserta (pilihan No RAB)", "en": "Her plan lines (No RAB choices)"},
    "unknown-participant": {
        "id": "peserta {codes} tidak terdaftar di buku {books} (terdaftar: {known})",
        "en": "participant {codes} is not registered in the books {books} (registered: {known})",
    },
    "unknown-companion": {
        "id": "pendamping {companion!r} tidak terdaftar di buku {books} (terdaftar: {known})",
        "en": "companion {companion!r} is not registered in the books {books} (registered: {known})",
    },
    "needs-books": {
        "id": "{option} memerlukan buku (--books atau $AIDLEDGER_BOOKS) untuk memeriksa kodenya",
        "en": "{option} needs the books (--books or $AIDLEDGER_BOOKS) to check the code",
    },
    "one-passbook": {
        "id": "satu berkas buku tabungan untuk satu peserta: beri satu --participant (diberi {count})",
        "en": "one passbook file per participant: give one --participant (got {count})",
    },
}

RULES = {
    "id": [
        "Jangan mengubah, menghapus atau memindahkan judul kolom: aidledger mengenali sheet dari judul "
        "kolomnya. Kolom yang tidak wajib boleh dibiarkan kosong.",
        "Tanggal diketik sebagai tanggal, hari/bulan/tahun (12/10/2025 atau 12 Oktober 2025); "
        "sel tanggal sudah berformat dd/mm/yyyy.",
        "Uang diketik sebagai angka saja, tanpa Rp dan tanpa titik (1250000); sel menampilkannya "
        "sebagai Rp 1.250.000. Rupiah bulat, tanpa sen.",
        "Kolom berdaftar pilihan: klik sel lalu pilih dari panahnya. Daftar tertutup (Kode Peserta, "
        "Meterai, Status Usaha, No RAB) tidak menerima nilai lain; daftar lain hanya saran.",
        "Baris kosong dilewati. Sheet Petunjuk ini dan sheet lain tanpa judul kolom ini tidak dibaca "
        "sebagai data.",
        "Bila ada baris yang salah, seluruh berkas ditolak dan semua baris yang salah disebut (sheet, "
        "baris, kolom, alasan); tidak ada yang tercatat. Perbaiki, lalu impor lagi.",
        "Sel wajib yang masih kosong pada baris yang sudah mulai diisi berwarna merah muda: "
        "lengkapi sebelum mengimpor.",
        "Mengimpor berkas yang sama dua kali tidak menambah apa pun.",
        "Buku hanya memakai kode peserta. Jangan menulis nama peserta di kolom mana pun selain "
        "register peserta.",
    ],
    "en": [
        "Do not change, delete or move the column headers: aidledger recognises the sheet by them. "
        "Columns that are not required may be left empty.",
        "Type dates as dates, day/month/year (12/10/2025 or 12 October 2025); date cells are "
        "formatted dd/mm/yyyy.",
        "Type money as a plain number, without Rp or dots (1250000); the cell shows Rp 1.250.000. "
        "Whole rupiah, no cents.",
        "Columns with a list: click the cell and pick from its arrow. Closed lists (Participant Code, "
        "Stamp Duty, Business Status, Plan Line) refuse other values; other lists only suggest.",
        "Blank rows are skipped. This Petunjuk sheet and other sheets without these headers are not "
        "read as data.",
        "When a row is wrong, the whole file is refused and every wrong row is named (sheet, row, "
        "column, reason); nothing is recorded. Fix them and import again.",
        "A required cell still empty on a row you have begun turns light red: fill it before importing.",
        "Importing the same file twice adds nothing.",
        "The books use participant codes only. Write no participant's name in any column except in "
        "the participant register.",
    ],
}

# kind -> title, purpose, on import (id/en), columns: key -> (id meaning, en meaning, example)
Texts = dict[str, Any]

KINDS: dict[str, Texts] = {
    "participants": {
        "required": (
            "code",
            "name",
            "group",
            "cohort",
            "companion",
            "funder",
            "bank",
            "account_number",
            "joined",
        ),
        "title": {"id": "Register peserta", "en": "Participant register"},
        "purpose": {
            "id": "Satu baris per peserta: kode, identitas (rahasia) dan data program.",
            "en": "One row per participant: code, identity (confidential) and program facts.",
        },
        "on_import": {
            "id": [
                "Nama, NIK, alamat, telepon dan nomor rekening disimpan terenkripsi di register "
                "identitas, tidak pernah di buku; buku memuat kode peserta dan empat digit terakhir "
                "rekening saja.",
                "Akun peserta (Transit, Tabungan, Kas) dibuka pada Tanggal Masuk. Pendamping, sumber "
                "dana dan angkatan yang baru pertama kali disebut ikut didaftarkan.",
                "Berkas ini memuat nama, jadi tidak diarsipkan ke dalam buku: simpan di tempat aman "
                "atau hapus setelah diimpor.",
            ],
            "en": [
                "Name, NIK, address, phone and account number are kept encrypted in the identity "
                "register, never in the books; the books hold the code and the account's last four "
                "digits only.",
                "Her accounts (Transit, Savings, Cash) open on the date joined. Companions, funders "
                "and cohorts named for the first time are declared too.",
                "This file holds names, so it is not archived into the books: keep it safe or delete "
                "it after the import.",
            ],
        },
        "columns": {
            "code": (
                "Kode peserta yang baru: P dan empat angka.",
                "The new participant's code: P and four digits.",
                "P0001",
            ),
            "name": (
                "Nama lengkap (hanya di register terenkripsi).",
                "Full name (encrypted register only).",
                "Sari Dewi",
            ),
            "nik": (
                "NIK, 16 angka (diketik sebagai teks).",
                "National ID, 16 digits (typed as text).",
                "1234567890123456",
            ),
            "address": ("Alamat tinggal.", "Home address.", "Jl. Melati No. 5"),
            "phone": ("Nomor telepon / HP.", "Phone number.", "081200000000"),
            "group": ("Kelompok keterampilan.", "Skill group.", "Tata Boga"),
            "cohort": ("Angkatan.", "Cohort.", "2026-A"),
            "companion": ("Kode atau nama pendamping.", "The companion's code or name.", "C01"),
            "funder": ("Sumber dana bantuannya.", "Who funds her aid.", "Kemensos"),
            "bank": ("Bank rekening tabungannya.", "Her savings account's bank.", "BRI"),
            "account_number": (
                "Nomor rekening tabungannya (diketik sebagai teks).",
                "Her savings account number (typed as text).",
                "123401000123501",
            ),
            "joined": ("Tanggal masuk program.", "Date she joined the program.", D(2026, 1, 5)),
            "product": ("Jenis tabungan (boleh kosong).", "Savings product (may be empty).", "Simpedes"),
            "min_balance": (
                "Saldo minimum rekening (boleh kosong: 0).",
                "The account's minimum balance (may be empty: 0).",
                25000,
            ),
        },
    },
    "disbursements": {
        "required": ("code", "funder", "component", "amount", "date", "batch"),
        "title": {"id": "Daftar nominatif penyaluran bantuan", "en": "Disbursement list"},
        "purpose": {
            "id": "Satu baris per penyaluran kepada satu peserta, seperti daftar nominatif "
            "dari pemberi dana.",
            "en": "One row per payment to one participant, as on the funder's list.",
        },
        "on_import": {
            "id": [
                "Setiap baris dicatat sebagai bantuan dalam perjalanan (Transit) peserta dari dana "
                "hibah Sumber Dana, dengan Batch dan Komponennya.",
                "Kredit bantuan pada rekening koran yang sudah diimpor dan tercatat sebagai setoran "
                "sendiri dipindahkan (reklasifikasi), tidak diubah.",
                "Peserta yang tercantum dua kali untuk komponen yang sama tetap dicatat dua kali dan "
                "muncul sebagai temuan. Berkas asli diarsipkan terenkripsi.",
            ],
            "en": [
                "Each row is booked as aid in transit (Transit) to her from the funder's grant, with "
                "its Batch and Component.",
                "Aid credits of statements already imported that were booked as her own deposits are "
                "reclassified, never edited.",
                "A participant listed twice for one component is booked twice and found as a "
                "duplicate. The original file is archived encrypted.",
            ],
        },
        "columns": {
            "code": ("Kode peserta penerima.", "The receiving participant's code.", "P0001"),
            "funder": ("Pemberi dana (kode atau nama).", "The funder (code or name).", "Kemensos"),
            "component": ("Komponen bantuan.", "Aid component.", "modal usaha"),
            "amount": ("Jumlah yang disalurkan.", "Amount paid.", 3000000),
            "date": ("Tanggal penyaluran.", "Date paid.", D(2026, 2, 10)),
            "batch": ("Batch / tahap penyaluran.", "Batch (tranche).", "B1"),
        },
    },
    "plan": {
        "required": ("code", "no", "description", "category", "amount", "approved_by", "approved"),
        "title": {"id": "Rencana Anggaran Biaya (RAB) peserta", "en": "Participant's plan (RAB)"},
        "purpose": {
            "id": "Satu baris per barang yang direncanakan dan disetujui. Satu sheet per peserta, "
            "atau satu daftar.",
            "en": "One row per planned and approved item. One sheet per participant, or one list.",
        },
        "on_import": {
            "id": [
                "Baris-baris satu peserta adalah seluruh RAB-nya: bila berbeda dari RAB yang sudah "
                "ada, menjadi revisi baru yang menggantikan yang lama (yang lama tetap tersimpan). "
                "Karena itu sheet ini sudah berisi RAB yang berlaku: tambahkan atau ubah baris, "
                "jangan hapus baris yang masih berlaku.",
                "Jumlah harus sama dengan Volume x Harga Satuan; bila dibiarkan berisi rumus, "
                "dihitung dari keduanya.",
                "Baris yang hanya berisi Kode Peserta dilewati.",
            ],
            "en": [
                "The rows of one participant are her whole plan: when they differ from her plan in "
                "the books they become a new revision superseding it (the old one is kept). So this "
                "sheet already holds her plan in force: add or change rows, do not delete lines that "
                "still hold.",
                "Amount must equal Volume x Unit Price; left as the formula, it is computed from them.",
                "Rows with only the Participant Code are skipped.",
            ],
        },
        "columns": {
            "code": ("Kode peserta pemilik RAB.", "The participant whose plan it is.", "P0001"),
            "no": (
                "Nomor baris RAB (1, 2, 3 ...), sekali per peserta.",
                "Plan line number, once per participant.",
                "1",
            ),
            "description": ("Nama barang.", "The item.", "Kompor gas dua tungku"),
            "category": (
                "Kategori barang (menjadi nama akun).",
                "Item category (names the account).",
                "Peralatan",
            ),
            "volume": ("Banyaknya.", "Quantity.", 2),
            "unit": ("Satuan.", "Unit.", "unit"),
            "unit_price": ("Harga satu satuan.", "Price of one unit.", 600000),
            "amount": (
                "Volume x Harga Satuan (rumus; boleh diketik).",
                "Volume x Unit Price (a formula; may be typed).",
                1200000,
            ),
            "approved_by": ("Pendamping yang menyetujui.", "The companion who approved it.", "C01"),
            "approved": ("Tanggal disetujui.", "Date approved.", D(2026, 2, 14)),
        },
    },
    "receipts": {
        "required": ("code", "date", "shop", "description", "amount"),
        "title": {"id": "Nota belanja peserta", "en": "Participant's receipts"},
        "purpose": {
            "id": "Satu baris per barang yang dibeli dengan kas bantuan, dari notanya.",
            "en": "One row per item bought with the aid cash, from its receipt.",
        },
        "on_import": {
            "id": [
                "Setiap baris adalah satu pembelian dari Kas peserta, dicatat ke akun barang sesuai "
                "Kategori, atau kategori baris RAB bila No RAB diisi.",
                "No RAB kosong berarti pembelian di luar RAB: tetap dicatat (tanpa No RAB dan tanpa "
                'Kategori: ke barang "Tanpa Kategori") dan muncul sebagai temuan pada rekonsiliasi. '
                "Jumlah negatif adalah pengembalian.",
                "Berkas: nama file foto/pindaian nota di folder yang sama dengan spreadsheet ini; "
                "diarsipkan terenkripsi.",
                "Baris yang hanya berisi Kode Peserta dilewati.",
            ],
            "en": [
                "Each row is one purchase from her Cash, booked to the goods account of its Category, "
                "or of its plan line when No RAB is given.",
                "An empty No RAB is an unplanned purchase: booked (with neither No RAB nor Category: "
                'to goods "Tanpa Kategori") and found by the reconciliation. A negative Amount is a '
                "return.",
                "File: the receipt photo's file name, in the spreadsheet's folder; archived encrypted.",
                "Rows with only the Participant Code are skipped.",
            ],
        },
        "columns": {
            "code": ("Kode peserta pembeli.", "The buying participant's code.", "P0001"),
            "date": ("Tanggal pada nota.", "The receipt's date.", D(2026, 2, 20)),
            "receipt": ("Nomor nota (boleh kosong).", "Receipt number (may be empty).", "NT-0012"),
            "shop": ("Nama toko.", "The shop.", "Toko Sumber Rejeki"),
            "description": ("Barang yang dibeli.", "The item bought.", "Kompor gas dua tungku"),
            "volume": ("Banyaknya.", "Quantity.", 2),
            "unit": ("Satuan.", "Unit.", "unit"),
            "unit_price": ("Harga satu satuan.", "Price of one unit.", 600000),
            "amount": (
                "Volume x Harga Satuan (rumus; boleh diketik).",
                "Volume x Unit Price (a formula; may be typed).",
                1200000,
            ),
            "plan_line": (
                "No baris RAB-nya (kosong: di luar RAB).",
                "Her plan line (empty: unplanned).",
                "1",
            ),
            "category": (
                "Kategori barang; kosong: kategori baris RAB-nya.",
                "Item category; empty: her plan line's.",
                "Peralatan",
            ),
            "meterai": ("Nota bermeterai? ya / tidak.", "Stamp duty on the receipt? ya / tidak.", "tidak"),
            "scan": ("Nama file foto nota.", "The receipt photo's file name.", "nota-0012.jpg"),
        },
    },
    "passbook": {
        "required": ("date", "code", "balance"),
        "title": {"id": "Salinan buku tabungan", "en": "Passbook transcription"},
        "purpose": {
            "id": "Satu baris per baris cetakan buku tabungan, persis seperti tercetak. Isi Bank, "
            "Produk dan No Rekening di atas tabel.",
            "en": "One row per printed passbook line, exactly as printed. Fill Bank, Product and "
            "Account Number above the table.",
        },
        "on_import": {
            "id": [
                "No Rekening dicocokkan dengan peserta (nomornya sendiri tidak disimpan di buku).",
                "Setiap saldo diperiksa: saldo sebelumnya + kredit - debet. Saldo yang tidak cocok "
                "menolak berkas dengan menyebut barisnya.",
                "Setiap baris menjadi satu transaksi pada Tabungan peserta; jenisnya (bantuan, "
                "penarikan, biaya admin, bunga, pajak) dikenali dari Sandi dan Keterangan. Berkas "
                "asli diarsipkan terenkripsi.",
            ],
            "en": [
                "The account number is matched to the participant (the number itself is not kept).",
                "Each balance is checked: previous balance + credit - debit. A balance that does not "
                "fit refuses the file naming its row.",
                "Each line becomes one transaction on her Savings; its kind (aid, withdrawal, fee, "
                "interest, tax) is recognised from the code and description. The original file is "
                "archived encrypted.",
            ],
        },
        "columns": {
            "no": ("Nomor urut (boleh kosong).", "Line number (may be empty).", 1),
            "date": ("Tanggal transaksi.", "Transaction date.", D(2026, 2, 12)),
            "code": ("Sandi transaksi seperti tercetak.", "The printed transaction code.", "TRF"),
            "description": (
                "Keterangan (boleh kosong).",
                "Description (may be empty).",
                "TRF BANTUAN KEMENSOS",
            ),
            "debit": ("Uang keluar.", "Money out.", None),
            "credit": ("Uang masuk.", "Money in.", 3000000),
            "balance": (
                "Saldo sesudah baris ini, seperti tercetak.",
                "Balance after the line, as printed.",
                3050000,
            ),
            "teller": ("Paraf/pengesahan teller (boleh kosong).", "Teller's initials (may be empty).", "T01"),
        },
    },
    "progress": {
        "required": ("code", "date", "status"),
        "title": {"id": "Kunjungan perkembangan usaha", "en": "Business progress visits"},
        "purpose": {
            "id": "Satu baris per kunjungan pendamping ke usaha peserta setelah bantuan.",
            "en": "One row per companion's visit to a participant's business after the aid.",
        },
        "on_import": {
            "id": [
                "Setiap baris dicatat pada peserta, bertanggal Tanggal Kunjungan, dengan Status Usaha "
                "dan angka-angkanya.",
                "Kunjungan dijadwalkan 1, 3, 6 dan 12 bulan setelah modal usaha pertama; kunjungan yang "
                "terlambat dan usaha yang berhenti muncul sebagai temuan.",
                "Berkas: foto usaha (boleh kosong) di folder yang sama; diarsipkan terenkripsi.",
                "Baris yang hanya berisi Kode Peserta (dan Pendamping) dilewati.",
            ],
            "en": [
                "Each row is recorded on the participant, dated the visit date, with the business "
                "status and its figures.",
                "Visits are due 1, 3, 6 and 12 months after her first business capital; overdue "
                "visits and stopped businesses are findings.",
                "File: a photo of the business (optional), in the same folder; archived encrypted.",
                "Rows with only the Participant Code (and Companion) are skipped.",
            ],
        },
        "columns": {
            "code": ("Kode peserta yang dikunjungi.", "The visited participant's code.", "P0001"),
            "date": ("Tanggal kunjungan.", "Date of the visit.", D(2026, 3, 15)),
            "status": (
                "Keadaan usaha: " + ", ".join(STATUSES) + ".",
                "Business status: berjalan (running), berkembang (growing), berhenti sementara "
                "(paused), berhenti (closed).",
                "berjalan",
            ),
            "omzet": ("Omzet (penjualan) sebulan terakhir.", "Revenue of the last month.", 2500000),
            "laba": ("Laba sebulan terakhir.", "Profit of the last month.", 750000),
            "assets": (
                "Nilai aset usaha sekarang (boleh kosong).",
                "Business assets now (may be empty).",
                4000000,
            ),
            "workers": ("Orang yang bekerja di usaha ini.", "People working in the business.", 1),
            "note": (
                "Catatan kunjungan (tanpa nama).",
                "Visit notes (no names).",
                "Jualan ramai saat akhir pekan",
            ),
            "companion": ("Kode atau nama pendamping.", "The companion's code or name.", "C01"),
            "scan": ("Nama file foto (boleh kosong).", "Photo file name (optional).", "kunjungan-p0001.jpg"),
        },
    },
}


@dataclass
class Guide:
    """The Petunjuk words of one kind in one language."""

    kind: str
    lang: str
    required_keys: frozenset[str] = frozenset()
    extra: tuple[str, list[Any]] | None = None  # an added section: title, lines or cell tuples
    _texts: Texts = field(init=False)

    def __post_init__(self) -> None:
        self._texts = KINDS[self.kind]
        self.lang = self.lang if self.lang in ("id", "en") else "id"

    def text(self, key: str, **values: Any) -> str:
        return COMMON[key][self.lang].format(**values)

    def title(self) -> str:
        return f"{self.text('sheet')}: {self._texts['title'][self.lang]}"

    def purpose(self) -> str:
        return str(self._texts["purpose"][self.lang])

    def meaning(self, key: str) -> str:
        column = self._texts["columns"].get(key)
        return str(column[0 if self.lang == "id" else 1]) if column else ""

    def example(self, key: str) -> Any:
        column = self._texts["columns"].get(key)
        return column[2] if column else None

    def required(self, key: str) -> bool:
        return key in self.required_keys

    def width(self, key: str, header: str) -> int:
        example = self.example(key)
        shown = len(str(example)) if example is not None and not isinstance(example, D) else 10
        return max(12, len(header) + 4, min(shown + 2, 40))

    def on_import(self) -> list[str]:
        return list(self._texts["on_import"][self.lang])

    def rules(self) -> list[str]:
        return list(RULES[self.lang])


def message(key: str, lang: str, **values: Any) -> str:
    """A template command's message (unknown participant or companion) in the user's language."""
    return COMMON[key][lang if lang in ("id", "en") else "id"].format(**values)
