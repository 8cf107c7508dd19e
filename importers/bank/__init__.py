"""Statement PDFs of Indonesian banks, one parser module per bank (bri, bni, mandiri)."""
