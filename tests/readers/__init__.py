"""Tests of the input readers (text, Markdown, HTML, PDF, DOCX)."""
