"""The reconciliation engine: plain functions from the books' entries to findings and summaries.

Issue 4 (plans and receipts) and issue 5 (disbursements) add their rule modules here; the CLI
(`aidledger reconcile`), the Fava extension and the PDF reports call only this package.
"""
