"""Extraction: read reports (text, HTML, PDF, DOCX) and find the figures they state."""
