"""Report files: PDF, Word, Excel and CSV, written from a ReportData."""
