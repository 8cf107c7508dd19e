"""How reports write money, numbers, percentages and dates.

Money is always written the Indonesian way ("Rp 1.234.567"), in both languages, by the one
rupiah formatter (ledger.money.format_idr): the amounts must read exactly as on the bank
statements and receipts they are checked against, and as the findings and Fava write them.
Counts, dates and percentages go through Babel and follow the report's language.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from ledger import i18n
from ledger.money import format_idr
from reports.pdf import labels

MONEY_LOCALE = "id_ID"
LOCALES = {"id": "id_ID", "en": "en_GB"}


class Fmt:
    """Formatting and labels for one report language ("id" or "en")."""

    def __init__(self, lang: str = "id") -> None:
        if lang not in LOCALES:
            raise ValueError(f"language {lang!r}: choose one of {', '.join(LOCALES)}")
        self.lang = lang
        self.locale = LOCALES[lang]

    def money(self, number: Decimal | int | None) -> str:
        """Rp 1.234.567 (whole rupiah; -Rp 1.234.567 for a negative amount)."""
        if number is None:
            return "-"
        return format_idr(number)

    def count(self, number: int) -> str:
        return str(format_decimal(number, locale=MONEY_LOCALE))

    def percent(self, ratio: Decimal | None) -> str:
        """A ratio as a percentage with one decimal (87,3% in Indonesian, 87.3% in English)."""
        if ratio is None:
            return "-"
        return str(format_percent(Decimal(ratio), format="#,##0.0%", locale=self.locale))

    def points(self, percent: Decimal | None) -> str:
        """A figure already in percent (the engine's realisation %: 87.3) written as 87,3%."""
        return self.percent(None if percent is None else Decimal(percent) / 100)

    def realisation(self, percent: Decimal | None, overspent: Decimal = Decimal(0)) -> str:
        """The realisation %, not capped, with the overspend beside it when there is one:
        "103,8% (lebih Rp 109.000)"."""
        text = self.points(percent)
        if overspent > 0:
            text += " " + self("overspent-note", amount=self.money(overspent))
        return text

    def date(self, day: datetime.date | None) -> str:
        if day is None:
            return "-"
        return str(format_date(day, "d MMM yyyy", locale=self.locale))

    def long_date(self, day: datetime.date) -> str:
        return str(format_date(day, "long", locale=self.locale))

    def status(self, code: str) -> str:
        """A disbursement row's status in words (one spelling everywhere: ledger/i18n.py)."""
        return i18n.status_label(code, self.lang)

    def kind(self, code: str) -> str:
        """A finding kind in words (ledger/i18n.py)."""
        return i18n.kind_label(code, self.lang)

    def __call__(self, key: str, **values: object) -> str:
        """The label `key` in this report's language."""
        return labels.text(key, self.lang, **values)
