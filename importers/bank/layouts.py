"""Statement layouts as data: the words banks print, not procedures.

One generic reader (importers/bank/reader.py) reads every statement PDF. What differs between
banks, and between one bank's layouts, is written here as data:

- `COLUMNS`: every heading that names a table column, per column key, in Indonesian, English
  and the bilingual forms banks print ("Tanggal / Date").
- `FIELDS`: the header labels of the account number, the period and the product.
- `SUMMARY`: the labels of printed totals (opening and closing balance, total debit and credit,
  number of lines), wherever they stand: a box, a labelled line, a row of the table.
- `LAYOUTS`: each known bank layout: how to recognise it from the text above its table (never
  from transaction text), what its columns must include, its amount grouping, and whether its
  dates may leave out the year.

A new bank, or a bank's new wording, is an entry here with a sample file and a golden.
A statement that no layout describes is still read, by the same reader, as "generic".
"""

from __future__ import annotations

from dataclasses import dataclass

# column key -> headings that name it (matched on letters, digits, "&" and brackets, any case)
COLUMNS: dict[str, tuple[str, ...]] = {
    "date": (
        "Tanggal Transaksi",
        "Tanggal & Waktu",
        "Tanggal dan Waktu",
        "Tgl Transaksi",
        "Tgl Trans",
        "Tanggal Posting",
        "Tanggal Valuta",
        "Tanggal",
        "Tgl",
        "Tgl.",
        "Transaction Date",
        "Posting Date",
        "Date & Time",
        "Date",
    ),
    "description": (
        "Uraian Transaksi",
        "Rincian Transaksi",
        "Keterangan Transaksi",
        "Keterangan",
        "Uraian",
        "Rincian",
        "Deskripsi",
        "Transaction Description",
        "Transaction Details",
        "Description",
        "Details",
        "Remarks",
    ),
    "debit": (
        "Mutasi Debet",
        "Mutasi Debit",
        "Debet",
        "Debit",
        "Penarikan",
        "Pengeluaran",
        "Dana Keluar",
        "Withdrawal",
        "Withdrawals",
    ),
    "credit": (
        "Mutasi Kredit",
        "Kredit",
        "Credit",
        "Setoran",
        "Pemasukan",
        "Dana Masuk",
        "Deposit",
        "Deposits",
    ),
    "amount": ("Nominal", "Mutasi", "Jumlah", "Amount", "Transaction Amount"),
    "dk": ("D/K", "DB/CR", "D/C", "Db/Cr", "Dr/Cr", "D / K"),
    "balance": ("Saldo", "Balance", "Saldo Akhir", "Running Balance"),
    "teller": ("Teller (User ID)", "Teller", "User ID", "Kode Teller"),
    "branch": ("Kode Cabang", "Cabang", "Branch", "Cbg"),
    "reference": (
        "No. Referensi",
        "No Referensi",
        "Nomor Referensi",
        "Referensi",
        "No. Ref",
        "Reference",
        "Ref",
    ),
    "no": ("No", "No."),
}

# columns a heading row must have to be one: a date, a description, a balance, and amounts
REQUIRED = ("date", "description", "balance")
TEXT_COLUMNS = ("description", "teller", "branch", "reference")  # may wrap onto following lines
MONEY_COLUMNS = ("debit", "credit", "amount", "balance")

FIELDS: dict[str, tuple[str, ...]] = {
    "account": (
        "Nomor Rekening / Account Number",
        "No. Rekening / Account No.",
        "Nomor Rekening",
        "No. Rekening",
        "No Rekening",
        "No. Rek",
        "No Rek",
        "Account Number",
        "Account No.",
        "Account No",
    ),
    "period": (
        "Periode Transaksi",
        "Periode Laporan",
        "Periode Mutasi",
        "Periode",
        "Statement Period",
        "Transaction Period",
        "Period",
    ),
    "product": (
        "Nama Produk",
        "Jenis Produk",
        "Jenis Tabungan",
        "Produk",
        "Product Name",
        "Product",
    ),
}

SUMMARY: dict[str, tuple[str, ...]] = {
    "opening": (
        "Saldo Awal Periode",
        "Saldo Awal",
        "Saldo Sebelumnya",
        "Opening Balance",
        "Beginning Balance",
        "Previous Balance",
    ),
    "closing": (
        "Saldo Akhir Periode",
        "Saldo Akhir",
        "Closing Balance",
        "Ending Balance",
    ),
    "debit": (
        "Total Transaksi Debet",
        "Total Transaksi Debit",
        "Total Mutasi Debet",
        "Total Mutasi Debit",
        "Mutasi Debet",
        "Mutasi Debit",
        "Total Debet",
        "Total Debit",
        "Total Pengeluaran",
        "Total Penarikan",
        "Dana Keluar",
        "Mutasi DB",
        "Mutasi DR",
        "Total Debit Transaction",
        "Total Debits",
        "Total Withdrawals",
    ),
    "credit": (
        "Total Transaksi Kredit",
        "Total Mutasi Kredit",
        "Mutasi Kredit",
        "Total Kredit",
        "Total Pemasukan",
        "Total Setoran",
        "Dana Masuk",
        "Mutasi CR",
        "Total Credit Transaction",
        "Total Credit",
        "Total Credits",
        "Total Deposits",
    ),
    "count": (
        "Jumlah Transaksi",
        "Banyaknya Transaksi",
        "Jumlah Mutasi",
        "Number of Transactions",
        "Total Transactions",
    ),
}

# the first text of a table row that holds totals by column ("Total | 4.511.000 | 4.701.958")
TOTAL_ROW = ("Total", "Jumlah", "Total Mutasi", "Grand Total")


@dataclass(frozen=True)
class Layout:
    """A bank's layout: how it is recognised and what its reading may assume.

    `marks`: texts (compared on letters and digits only, lower case) of which one must be
    printed above the table on page 1: the bank's name or the statement's title. `words`:
    whole words that count as marks (a bank's short name: "BNI"). `requires`: column keys the
    heading must have; `excludes`: keys it must not have (they tell a bank's layouts apart).
    `locale`: "id" (1.234.567,00) or "en" (1,234,567.00); "" to tell from the amounts.
    `year_in_dates`: True when a row's named-month date must print its year ("1 Jan" is then
    refused as a misprint); otherwise, and for dd/MM, the year comes from the printed period.
    """

    layout: str
    variant: str
    bank: str
    marks: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    locale: str = ""
    year_in_dates: bool = False
    description: str = ""

    @property
    def name(self) -> str:
        return f"{self.layout}/{self.variant}" if self.variant else self.layout


_BRI_MARKS = ("laporantransaksifinansial", "bankrakyatindonesia", "bankbri")
_BNI_MARKS = ("banknegaraindonesia", "wondrbybni")
_MANDIRI_MARKS = ("bankmandiri", "livinbymandiri")

LAYOUTS: tuple[Layout, ...] = (
    Layout(
        "bri-pdf",
        "",
        "BRI",
        marks=_BRI_MARKS,
        words=("bri", "brimo"),
        requires=("debit", "credit"),
        locale="en",
        description='BRI "Laporan Transaksi Finansial" (BRImo / IBBIZ): split Debet/Kredit, 0.00 unused',
    ),
    Layout(
        "bni-pdf",
        "wondr",
        "BNI",
        marks=_BNI_MARKS,
        words=("bni",),
        requires=("amount",),
        locale="en",
        description='BNI wondr "Laporan Mutasi Rekening": signed whole rupiah, time under the date',
    ),
    Layout(
        "bni-pdf",
        "old",
        "BNI",
        marks=_BNI_MARKS,
        words=("bni",),
        requires=("debit", "credit"),
        locale="en",
        description="older BNI statement: Tgl Trans, Uraian, Debet, Kredit, Saldo",
    ),
    Layout(
        "mandiri-pdf",
        "livin",
        "Mandiri",
        marks=_MANDIRI_MARKS,
        words=("mandiri",),
        requires=("amount", "no"),
        locale="id",
        year_in_dates=True,
        description="Mandiri Livin' e-Statement: numbered rows, signed 1.234.567,00",
    ),
    Layout(
        "mandiri-pdf",
        "old",
        "Mandiri",
        marks=_MANDIRI_MARKS,
        words=("mandiri",),
        excludes=("no",),
        locale="en",
        description="older Mandiri account statement: dd/MM dates, 1,234.56 D debits, bilingual",
    ),
)

# what a statement no layout describes is read as: any bank, everything told from the page
GENERIC = Layout("pdf-generic", "", "", description="generic reader: columns found by their headings")
