-- The tally dataset (SQLite). One row per input file in `documents`; its figures, entities, quotes and
-- recommendations in child tables, replaced together in one transaction when the file changes.
-- Column names follow the figures contract (shared/spec/figures.md), nested fields flattened with "_".
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,          -- the file, as a POSIX path
    sha256 TEXT,                        -- of the file's bytes; NULL if it could not be read
    format TEXT,                        -- pdf, docx, html, txt, md
    language TEXT,                      -- en, ar
    pages INTEGER,
    title TEXT,
    publisher TEXT,
    published TEXT,                     -- ISO date
    period_start TEXT,
    period_end TEXT,
    regions TEXT NOT NULL DEFAULT '[]', -- JSON array of canonical region names
    warnings TEXT NOT NULL DEFAULT '[]',-- JSON array of strings
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    error TEXT,                         -- one-line message when status = 'failed'
    ingested_at TEXT NOT NULL,          -- ISO timestamp (UTC)
    tally_version TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS figures (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,          -- order within the document
    metric TEXT NOT NULL,
    "group" TEXT,
    count INTEGER NOT NULL,
    qualifier TEXT NOT NULL,
    perpetrator TEXT,
    target TEXT,
    period_start TEXT,
    period_end TEXT,
    location TEXT,
    evidence_text TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence_page INTEGER
);

CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    canonical TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    speaker TEXT,
    role TEXT,
    text TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS recommendations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    addressee TEXT,
    text TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS figures_document ON figures(document_id);
CREATE INDEX IF NOT EXISTS figures_metric ON figures(metric, "group", perpetrator);
CREATE INDEX IF NOT EXISTS figures_period ON figures(period_start, period_end);
CREATE INDEX IF NOT EXISTS entities_document ON entities(document_id);
CREATE INDEX IF NOT EXISTS quotes_document ON quotes(document_id);
CREATE INDEX IF NOT EXISTS recommendations_document ON recommendations(document_id);
