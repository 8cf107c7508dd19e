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


def format_idr(number: Decimal | int, *, symbol: bool = True, sen: bool = False) -> str:
    """The one rupiah formatter (messages, findings, reports, Fava, the command line):
    "Rp 1.234.567", "-Rp 1.234.567", the Indonesian grouping in every language, as statements
    and receipts print it; an amount with sen shows both sen digits, "Rp 80.000.000,50", as
    the bank printed it (a difference of half a rupiah is not written "Rp 0").

    `symbol=False`: the bare number, "1.234.567" (a column headed Rp, a cell quoted back).
    `sen=True`: the number's own decimal places instead of rounding, "1.250.000,5" (a typed or
    printed amount quoted back exactly in a message, so a sen is never hidden).
    """
    sign = "-" if number < 0 else ""
    places = "" if sen else ".0f" if number == int(number) else ".2f"
    digits = f"{abs(number):,{places}}"
    digits = digits.replace(",", "_").replace(".", ",").replace("_", ".")
    return f"{sign}Rp {digits}" if symbol else f"{sign}{digits}"
