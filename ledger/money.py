"""Money in the books: Indonesian rupiah as Decimal, never float."""

from __future__ import annotations

from decimal import Decimal

from beancount.core.amount import Amount

IDR = "IDR"
ZERO = Decimal(0)
SEN = Decimal("0.01")


def idr(value: int | str | Decimal) -> Amount:
    """An IDR amount; refuses floats so that no binary fraction reaches the books."""
    if isinstance(value, float):
        raise TypeError("money must not be a float")
    return Amount(Decimal(value), IDR)


def is_whole_rupiah(number: Decimal) -> bool:
    """What people type on the program's sheets: a fraction there is a misread separator."""
    return number == number.to_integral_value()


def is_rupiah_amount(number: Decimal) -> bool:
    """Whole rupiah or sen (two decimals): what banks print and the books accept."""
    hundredths = number.scaleb(2)
    return hundredths == hundredths.to_integral_value()


def format_idr(number: Decimal) -> str:
    """Rp 1.234.567 (the Indonesian grouping) for messages; reports use Babel."""
    sign = "-" if number < 0 else ""
    whole = f"{abs(number):,.0f}".replace(",", ".")
    return f"{sign}Rp {whole}"
