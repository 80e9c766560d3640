"""The dataset: figures of many reports in SQLite, with ingest, queries, trends and consistency checks."""
