"""Money in the books: Indonesian rupiah as Decimal, never float."""

from __future__ import annotations

from decimal import Decimal

from beancount.core.amount import Amount

IDR = "IDR"
ZERO = Decimal(0)


def idr(value: int | str | Decimal) -> Amount:
    """An IDR amount; refuses floats so that no binary fraction reaches the books."""
    if isinstance(value, float):
        raise TypeError("money must not be a float")
    return Amount(Decimal(value), IDR)


def is_whole_rupiah(number: Decimal) -> bool:
    return number == number.to_integral_value()


def format_idr(number: Decimal) -> str:
    """Rp 1.234.567 (the Indonesian grouping) for messages; reports use Babel."""
    sign = "-" if number < 0 else ""
    whole = f"{abs(number):,.0f}".replace(",", ".")
    return f"{sign}Rp {whole}"
