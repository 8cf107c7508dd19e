"""aidledger's Fava extension: the treasurer's and companions' pages over the reconciliation.

Switched on in main.beancount by `custom "fava-extension" "reports.fava_ext"`. Four pages, each
a thin FavaExtensionBase subclass (one sidebar entry each) rendering the engine's output (see
reports/fava_ext/view.py); labels in Indonesian, or English when the books set Fava's
`language` option to "en". docs/fava.md describes what each page shows.
"""

from __future__ import annotations

from reports.fava_ext import base as _base


class AidOverview(_base.AidPage):
    """Program overview by funder, cohort and skill group."""

    page = "AidOverview"


class AidDisbursements(_base.AidPage):
    """Each disbursement batch and each participant's status in it."""

    page = "AidDisbursements"


class AidParticipant(_base.AidPage):
    """One participant: plan against purchases, savings, findings, journal and documents."""

    page = "AidParticipant"


class AidFindings(_base.AidPage):
    """Findings, filterable by kind, severity and companion."""

    page = "AidFindings"
