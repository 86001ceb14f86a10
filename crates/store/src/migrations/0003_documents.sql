-- Casetrail schema, version 3: imported documents (court PDFs), their text per
-- page, and full-text search over page text and docket-event text.
-- Append-only: never edit once released; add a new migration.

-- The file itself lives content-addressed under the data directory
-- (documents/<first two hex digits of sha256>/<sha256>.pdf).
CREATE TABLE documents (
    id             INTEGER PRIMARY KEY,
    sha256         TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    original_name  TEXT NOT NULL,
    size_bytes     INTEGER NOT NULL CHECK (size_bytes >= 0),
    page_count     INTEGER NOT NULL CHECK (page_count >= 0),
    case_id        INTEGER REFERENCES cases(id) ON DELETE SET NULL,
    proceeding_id  INTEGER REFERENCES proceedings(id) ON DELETE SET NULL,
    event_id       INTEGER REFERENCES events(id) ON DELETE SET NULL,
    -- What metadata detection read from the first pages (JSON object).
    detected       TEXT NOT NULL DEFAULT '{}',
    -- OCR: not_needed, used, disabled, unavailable.
    ocr            TEXT NOT NULL,
    -- Repairs and remarks from extraction (JSON array of strings).
    warnings       TEXT NOT NULL DEFAULT '[]',
    imported_at    TEXT NOT NULL
);
CREATE INDEX documents_case ON documents(case_id);
CREATE INDEX documents_proceeding ON documents(proceeding_id);

CREATE TABLE pages (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number       INTEGER NOT NULL CHECK (number >= 1),
    status       TEXT NOT NULL CHECK (status IN ('text','ocr','empty','needs_ocr','failed')),
    failure      TEXT,
    text         TEXT NOT NULL DEFAULT '',
    UNIQUE (document_id, number)
);

-- Full-text search. External content: the text lives once, in pages and events;
-- the triggers below keep the indexes in step with every insert, update and delete.
CREATE VIRTUAL TABLE pages_fts USING fts5(
    text,
    content = 'pages',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER pages_fts_insert AFTER INSERT ON pages BEGIN
    INSERT INTO pages_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN
    INSERT INTO pages_fts (pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER pages_fts_update AFTER UPDATE OF text ON pages BEGIN
    INSERT INTO pages_fts (pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO pages_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE events_fts USING fts5(
    title,
    description,
    content = 'events',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, title, description)
    VALUES ('delete', old.id, old.title, old.description);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF title, description ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, title, description)
    VALUES ('delete', old.id, old.title, old.description);
    INSERT INTO events_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;

-- Index the events logged before this migration.
INSERT INTO events_fts (events_fts) VALUES ('rebuild');
