"""Bank statement layouts: each module reads one layout into an importers.statement.Statement."""
