"""Bank statement layouts, each read into an importers.statement.Statement: statement PDFs of
Indonesian banks, one parser module per bank (bri, bni, mandiri), passbook transcriptions
(passbook) and bank profiles (profile)."""
