"""Statement dates checked against sense before anything is booked (issue 14).

- Every line lies inside the period the statement prints (when it prints one): a line outside
  it is a misread date or a page of another statement.
- Nothing is dated after the day of import: a bank does not print tomorrow's transactions.
  The books' setting `statement-future-days` (in `custom "settings"`, default 0) allows a
  tolerance, for a clock or time zone that runs ahead. The day of import is today, or
  `AIDLEDGER_TODAY` (YYYY-MM-DD) when re-importing archived files as of an earlier day or
  running the simulated year's tests.

Each refusal names the page and line.
"""

from __future__ import annotations

import datetime
import os

from importers.messages import tr
from importers.statement import Statement
from importers.tables import InputError
from ledger.records import Program

FUTURE_SETTING = "statement-future-days"
TODAY_VARIABLE = "AIDLEDGER_TODAY"


def import_day() -> datetime.date:
    """Today, or the day `AIDLEDGER_TODAY` names."""
    text = os.environ.get(TODAY_VARIABLE, "").strip()
    if not text:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise InputError(TODAY_VARIABLE, f"not a date (YYYY-MM-DD): {text!r}") from None


def future_tolerance(program: Program) -> int:
    """The books' `statement-future-days` setting: days a line may lie after the day of import."""
    value = program.settings.get(FUTURE_SETTING, 0)
    try:
        days = int(str(value))
    except ValueError:
        raise InputError(
            "settings", f"{FUTURE_SETTING} must be a whole number of days, not {value!r}"
        ) from None
    if days < 0:
        raise InputError("settings", f"{FUTURE_SETTING} must not be negative ({days})")
    return days


def latest_allowed(program: Program, today: datetime.date | None = None) -> datetime.date:
    return (today or import_day()) + datetime.timedelta(days=future_tolerance(program))


def check_dates(statement: Statement, latest: datetime.date) -> None:
    """Refuse, naming the line, a line outside the printed period or dated after `latest`."""
    start, end = statement.period_start, statement.period_end
    for line in statement.lines:
        here = f"{statement.path}:{line.location}"
        if start is not None and end is not None and not start <= line.date <= end:
            raise InputError(
                here,
                tr(
                    "dated {date}, outside the printed period {start} - {end}",
                    date=line.date,
                    start=start,
                    end=end,
                ),
            )
        if line.date > latest:
            raise InputError(
                here,
                tr(
                    "dated {date}, after the day of import ({latest}); "
                    "a tolerance is set by the books' {setting} setting",
                    date=line.date,
                    latest=latest,
                    setting=FUTURE_SETTING,
                ),
            )
