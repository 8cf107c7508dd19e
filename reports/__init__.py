"""Outputs: PDF reports (reportlab), the Fava extension, the generated audit ledger."""
