"""beangulp importers: bank statements (one module per layout), spreadsheets the companions fill in."""
