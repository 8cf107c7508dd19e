"""Import diagnostics in the treasurer's language: Indonesian by default, English with `--lang en`
or $AIDLEDGER_LANG=en.

A message is written once, in English, as a `str.format` template; `tr()` gives it in the
language in force, from the Indonesian catalogue below (a template missing there stays English,
which a test keeps from happening for the spreadsheet readers' messages).
"""

from __future__ import annotations

from ledger import i18n

BELOW_TOTAL = "this row below the total row at {total_row} looks like data; move it above the total"

INDONESIAN: dict[str, str] = {
    # the import pipeline (importers/pipeline.py)
    "already in the books ({key})": "sudah ada di buku ({key})",
    "ambiguous layout: several importers recognise it ({names})": (
        "tata letak ganda: beberapa pembaca mengenalinya ({names})"
    ),
    "unknown layout: no importer recognises this file's header": (
        "tata letak tidak dikenal: tidak ada pembaca yang mengenali judul kolom berkas ini"
    ),
    "the PDF is truncated (no end-of-file marker)": "PDF terpotong (tanpa penanda akhir berkas)",
    "the PDF is password-protected; give the password with --password": (
        "PDF ini dilindungi kata sandi; berikan kata sandinya dengan --password"
    ),
    "cannot decrypt this PDF ({reason})": "PDF ini tidak bisa dibuka sandinya ({reason})",
    "the XLSX workbook is damaged or truncated": "buku kerja XLSX rusak atau terpotong",
    "line {line}: {reason}": "baris {line}: {reason}",
    "sheet {sheet}: {reason}": "sheet {sheet}: {reason}",
    "no such file": "berkas tidak ada",
    # bank statements (importers/bank/, importers/booking.py)
    "the books have no account-salt setting": "buku tidak punya pengaturan account-salt",
    "no readable account number on the statement ({reason})": (
        "nomor rekening pada rekening koran tidak terbaca ({reason})"
    ),
    "{code} has no open {account} in the books": "{code} tidak punya akun {account} yang terbuka di buku",
    "page 1 prints the numbers of several registered accounts": (
        "halaman 1 memuat nomor beberapa rekening yang terdaftar"
    ),
    "a debit or credit amount is negative": "nominal debet atau kredit negatif",
    "no printed balance on the line and no opening balance to start the chain from": (
        "baris ini tanpa saldo tercetak dan tidak ada saldo awal untuk memulai rantai saldo"
    ),
    "balance chain broken on this day": "rantai saldo putus pada hari ini",
    "the statement has no lines and no period": "rekening koran tanpa baris dan tanpa periode",
    "both debit ({debit}) and credit ({credit}) on one line": (
        "debet ({debit}) dan kredit ({credit}) pada satu baris"
    ),
    "cannot read the file ({reason})": "berkas tidak bisa dibaca ({reason})",
    "the file is empty": "berkas kosong",
    "not a PDF file": "bukan berkas PDF",
    "damaged or truncated PDF ({reason})": "PDF rusak atau terpotong ({reason})",
    "the PDF has no text (a scan or an empty document)": (
        "PDF tidak berisi teks (hasil pindaian atau dokumen kosong)"
    ),
    "wrong password for this PDF": "kata sandi PDF ini salah",
    "the PDF is password-protected; give the password": (
        "PDF ini dilindungi kata sandi; berikan kata sandinya"
    ),
    "no transaction table: no line on page 1 names a date, a description, amounts and a balance "
    "(Tanggal, Keterangan, Debet/Kredit or Nominal, Saldo)": (
        "tidak ada tabel transaksi: tidak ada baris di halaman 1 yang menyebut tanggal, keterangan, "
        "nominal dan saldo (Tanggal, Keterangan, Debet/Kredit atau Nominal, Saldo)"
    ),
    "a transaction line after the end of the table: {text!r}": (
        "baris transaksi sesudah akhir tabel: {text!r}"
    ),
    "{what}: unreadable debit/credit mark {mark!r}": "{what}: tanda debet/kredit tidak terbaca {mark!r}",
    "{what}: unreadable amount {text!r} (expected a number, signed or marked D/K)": (
        "{what}: nominal tidak terbaca {text!r} (diharapkan angka, bertanda +/- atau D/K)"
    ),
    "{key} column is empty: neither {debit} nor {credit} is printed": (
        "kolom {key} kosong: {debit} maupun {credit} tidak tercetak"
    ),
    "the amount column ({label}) is empty": "kolom nominal ({label}) kosong",
    "{what}: {text!r} has no year and the header prints no period": (
        "{what}: {text!r} tanpa tahun dan kepala rekening koran tidak mencetak periode"
    ),
    "the {key} total is printed twice with different amounts: "
    "{first} ({first_at}) and {second} ({second_at})": (
        "total {key} tercetak dua kali dengan nilai berbeda: {first} ({first_at}) dan {second} ({second_at})"
    ),
    "a line the table layout does not explain: {text!r}": ("baris yang tidak sesuai susunan tabel: {text!r}"),
    "balance column is empty": "kolom saldo kosong",
    "row number {printed!r}, expected {number}": "nomor baris {printed!r}, seharusnya {number}",
    "not a {bank} statement": "bukan rekening koran {bank}",
    "dated {date}, outside the printed period {start} - {end}": (
        "bertanggal {date}, di luar periode yang tercetak {start} - {end}"
    ),
    "dated {date}, after the day of import ({latest}); a tolerance is set by the books' {setting} setting": (
        "bertanggal {date}, sesudah hari impor ({latest}); toleransi diatur dengan pengaturan buku {setting}"
    ),
    "account number {masked} belongs to nobody in the books "
    "(no participant record or institution account carries its hash)": (
        "nomor rekening {masked} bukan milik siapa pun di buku "
        "(tidak ada data peserta atau rekening lembaga yang memuat hash-nya)"
    ),
    "no account number: no header label (No. Rekening, Account No., ...) and none of the "
    "{count} numbers on page 1 is an account registered in the books": (
        "tidak ada nomor rekening: tidak ada label di kepala (No. Rekening, Account No., ...) dan tidak satu "
        "pun dari {count} nomor di halaman 1 adalah rekening yang terdaftar di buku"
    ),
    "balance chain broken: {running} + {credit} - {debit} = {expected}, "
    "but the line prints {printed} (a line is missing or misread)": (
        "rantai saldo putus: {running} + {credit} - {debit} = {expected}, tetapi baris ini mencetak "
        "{printed} (ada baris yang hilang atau salah terbaca)"
    ),
    "the printed opening balance {opening} does not lead to this line's balance {balance}": (
        "saldo awal yang tercetak {opening} tidak menghasilkan saldo baris ini {balance}"
    ),
    "the lines end at {closing} but the printed closing balance is {printed} "
    "(a line is missing or misread)": (
        "baris-baris berakhir di {closing}, tetapi saldo akhir yang tercetak {printed} "
        "(ada baris yang hilang atau salah terbaca)"
    ),
    "the printed total {label} is {printed} but the lines add up to {actual}": (
        "total {label} yang tercetak {printed}, tetapi jumlah baris-barisnya {actual}"
    ),
    "debit": "debet",
    "credit": "kredit",
    "page {page} of the file prints {text!r}, but the file has {count} pages "
    "(a page is missing, added or out of order)": (
        "halaman {page} berkas ini mencetak {text!r}, tetapi berkas ini berisi {count} halaman "
        "(ada halaman yang hilang, berlebih atau tidak urut)"
    ),
    "the statement prints {printed} lines but {read} were read": (
        "rekening koran mencetak {printed} baris, tetapi yang terbaca {read}"
    ),
    "dated {date}, before {account} was opened ({opened})": (
        "bertanggal {date}, sebelum {account} dibuka ({opened})"
    ),
    "dated {date}, before the line above it ({previous}): lines out of date order": (
        "bertanggal {date}, sebelum baris di atasnya ({previous}): urutan tanggal tidak runtut"
    ),
    # reading the file (importers/tables.py)
    "not a regular file (a folder, device, pipe or link to one): only plain files are read": (
        "bukan berkas biasa (folder, perangkat, pipa, atau tautan ke salah satunya): "
        "hanya berkas biasa yang dibaca"
    ),
    "the file is {size} bytes, above the limit of {limit} (set {env} to raise it)": (
        "ukuran berkas {size} byte, melebihi batas {limit} (atur {env} untuk menaikkannya)"
    ),
    "more than {limit} rows in sheet {sheet!r} (the limit; set {env} to raise it)": (
        "lebih dari {limit} baris di lembar {sheet!r} (batasnya; atur {env} untuk menaikkannya)"
    ),
    "the XLSX workbook is password-protected: save a copy without the password and import that": (
        "buku kerja XLSX ini dilindungi kata sandi: simpan salinan tanpa kata sandi lalu impor salinan itu"
    ),
    "an Excel 97-2003 workbook (.xls): save it as .xlsx and import that": (
        "buku kerja Excel 97-2003 (.xls): simpan sebagai .xlsx lalu impor berkas itu"
    ),
    "not a readable XLSX workbook ({reason})": "bukan buku kerja XLSX yang bisa dibaca ({reason})",
    "neither UTF-8 nor Windows text (save the CSV as UTF-8)": "bukan teks UTF-8 maupun teks Windows "
    "(simpan CSV sebagai UTF-8)",
    "not a readable CSV file ({reason})": "bukan berkas CSV yang bisa dibaca ({reason})",
    "not a spreadsheet (.xlsx or .csv expected, got {suffix})": (
        "bukan lembar kerja (diharapkan .xlsx atau .csv, bukan {suffix})"
    ),
    "no {kind} table (header with {headers}, ...) found": (
        "tidak ada tabel {kind} (baris judul dengan {headers}, ...)"
    ),
    "sheet {sheet!r}: no {kind} header in its first {rows} rows": (
        "lembar {sheet!r}: tidak ada baris judul {kind} di {rows} baris pertamanya"
    ),
    "sheet {sheet!r} is hidden": "lembar {sheet!r} tersembunyi",
    "{count} row(s) below the table (signatures, notes) not read": (
        "{count} baris di bawah tabel (tanda tangan, catatan) tidak dibaca"
    ),
    "{count} row(s) below the total row (signatures, notes) not read": (
        "{count} baris di bawah baris jumlah (tanda tangan, catatan) tidak dibaca"
    ),
    "the total row says {total}, but the rows above add up to {sum}": (
        "baris jumlah menulis {total}, tetapi baris-baris di atasnya berjumlah {sum}"
    ),
    BELOW_TOTAL: (
        "baris ini di bawah baris jumlah ({total_row}) tampak berisi data; pindahkan ke atas baris jumlah"
    ),
    "{count} errors; the first {shown}:": "{count} kesalahan; {shown} yang pertama:",
    "... and {count} more": "... dan {count} lagi",
    # cells
    "{value!r} is an uncomputed formula ({formula}): open the file in Excel or LibreOffice and "
    "save it, or type the value": (
        "{value!r} adalah rumus yang belum dihitung ({formula}): buka berkas di Excel atau LibreOffice "
        "lalu simpan, atau ketik nilainya"
    ),
    "uncomputed formula {formula}: open the file in Excel or LibreOffice and save it, or type the value": (
        "rumus {formula} belum dihitung: buka berkas di Excel atau LibreOffice lalu simpan, "
        "atau ketik nilainya"
    ),
    "expected a number, got {value!r}": "diharapkan angka, bukan {value!r}",
    "unreadable amount {value!r}": "jumlah uang {value!r} tidak terbaca",
    "unreadable date {value!r}": "tanggal {value!r} tidak terbaca",
    "invalid date {value!r}: no such day": "tanggal {value!r} tidak ada di kalender",
    "ambiguous date {value!r}: no other date of the sheet says whether the day or the month comes "
    "first; write it with the month's name: {iso} or {named}": (
        "tanggal {value!r} bermakna ganda: tidak ada tanggal lain di lembar ini yang menunjukkan "
        "hari atau bulan lebih dulu; tulis dengan nama bulannya: {iso} atau {named}"
    ),
    "empty": "kosong",
    "{reason}": "{reason}",
    "in the future ({date})": "tanggal di masa depan ({date})",
    "before {code} joined on {joined} ({date})": "sebelum {code} masuk pada {joined} ({date})",
    "must be a positive whole rupiah amount, got {amount}": "harus rupiah bulat positif, bukan {amount}",
    "must be a whole rupiah amount of 0 or more, got {amount}": (
        "harus rupiah bulat 0 atau lebih, bukan {amount}"
    ),
    "{value!r} has fewer than 6 digits": "{value!r} kurang dari 6 angka",
    # participants, lists, plans, receipts
    "participant {code} is listed twice (also at {other})": (
        "peserta {code} tercantum dua kali (juga di {other})"
    ),
    "participant {code} is not registered (import the participant register first)": (
        "peserta {code} belum terdaftar (impor daftar peserta lebih dulu)"
    ),
    "participant {code} is not registered in the books": "peserta {code} belum terdaftar di pembukuan",
    "NIK must be 16 digits (got {count} characters)": "NIK harus 16 angka (terisi {count} karakter)",
    "another account's passbook in the same file": "buku tabungan rekening lain di berkas yang sama",
    # progress visits
    "a second visit of {code} on {date} (also at {other})": (
        "kunjungan kedua {code} pada {date} (juga di {other})"
    ),
    "Status Usaha {value!r} is not one of berjalan, berkembang, berhenti sementara, berhenti "
    "(running, growing, paused, closed)": (
        "Status Usaha {value!r} bukan salah satu dari berjalan, berkembang, berhenti sementara, berhenti"
    ),
    "{label} {value} is not a whole rupiah": "{label} {value} bukan rupiah bulat",
    "{label} must not be negative (got {value})": "{label} tidak boleh negatif (terisi {value})",
    "Pendamping {value!r} is not a companion declared in the books": (
        "Pendamping {value!r} bukan pendamping yang tercatat di pembukuan"
    ),
    "Tenaga Kerja {value!r} is not a whole number of people": (
        "Tenaga Kerja {value!r} bukan jumlah orang yang bulat"
    ),
    "saved as a number, and Excel keeps 15 digits: format the column as Text, type it again": (
        "tersimpan sebagai angka, dan Excel hanya menyimpan 15 angka: jadikan kolom ini Teks, "
        "lalu ketik ulang"
    ),
    "account number of {code} is also given for {other} (at {where})": (
        "nomor rekening {code} juga dipakai untuk {other} (di {where})"
    ),
    "account number of {code} is already registered to {other}": (
        "nomor rekening {code} sudah terdaftar atas nama peserta {other}"
    ),
    "{code} joined on {joined}, after this disbursement ({date})": (
        "{code} masuk pada {joined}, sesudah penyaluran ini ({date})"
    ),
    "batch {batch!r} must not contain ':'": "batch {batch!r} tidak boleh memuat ':'",
    "Jumlah (amount) is empty, and Volume x Harga Satuan cannot give it": (
        "Jumlah kosong, dan Volume x Harga Satuan tidak bisa menggantikannya"
    ),
    "give both Volume and Harga Satuan (unit price), or neither": (
        "isi Volume dan Harga Satuan sekaligus, atau kosongkan keduanya"
    ),
    "Jumlah {amount} is not Volume x Harga Satuan ({volume} x {price} = {product})": (
        "Jumlah {amount} tidak sama dengan Volume x Harga Satuan ({volume} x {price} = {product})"
    ),
    "Jumlah {amount} is not a whole rupiah": "Jumlah {amount} bukan rupiah bulat",
    "Jumlah must be more than 0 (got {amount})": "Jumlah harus lebih dari 0 (terisi {amount})",
    "line {no} of {code} is given twice (also at {other})": (
        "baris {no} milik {code} tercantum dua kali (juga di {other})"
    ),
    "{code}'s approved plan has no line {line} (lines: {known})": (
        "RAB {code} yang disetujui tidak punya baris {line} (baris yang ada: {known})"
    ),
    "Meterai must be ya or tidak (got {value!r})": "Meterai harus ya atau tidak (terisi {value!r})",
    "Berkas {name!r}: no such file beside the spreadsheet": (
        "Berkas {name!r}: tidak ada berkas itu di samping lembar kerja"
    ),
    "Berkas {name!r} points outside the spreadsheet's folder: only files in its folder and "
    "subfolders are read": (
        "Berkas {name!r} menunjuk ke luar folder lembar kerja: hanya berkas di folder itu dan "
        "subfoldernya yang dibaca"
    ),
    "Berkas {name!r} is not a regular file": "Berkas {name!r} bukan berkas biasa",
    "Berkas {name!r} is {size} bytes, above the limit of {limit}": (
        "Berkas {name!r} berukuran {size} byte, melebihi batas {limit}"
    ),
    "{value!r} cannot be made into an account name": "{value!r} tidak bisa dijadikan nama akun",
}


def tr(template: str, **values: object) -> str:
    """`template` filled in, in the language of $AIDLEDGER_LANG (Indonesian unless "en")."""
    chosen = i18n.default_language()
    text = INDONESIAN.get(template, template) if chosen == "id" else template
    return text.format(**values)
