"""PDF reports (reportlab platypus): a shared document frame and one module per report kind.

Report modules present figures; they compute none. Figures come from reports.figures, which
is the one place that asks the reconciliation engine and ledger/ for them.
"""
