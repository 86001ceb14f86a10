-- Casetrail schema, version 5: highlights (a passage of a document page with an
-- optional note, stored with its page and its rectangles normalised to the page),
-- and full-text search over highlights and over notes.
-- Append-only: never edit once released; add a new migration.

CREATE TABLE highlights (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page         INTEGER NOT NULL CHECK (page >= 1),
    -- JSON array of {"x","y","w","h"}, each between 0 and 1 (checked by the core).
    rects        TEXT NOT NULL CHECK (json_valid(rects) AND json_array_length(rects) >= 1),
    quote        TEXT NOT NULL CHECK (length(trim(quote)) > 0),
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX highlights_document ON highlights(document_id, page);

-- Same tokenizer and prefix indexes as pages_fts and events_fts (0004); external
-- content kept in step by triggers.
CREATE VIRTUAL TABLE highlights_fts USING fts5(
    quote,
    note,
    content = 'highlights',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights BEGIN
    INSERT INTO highlights_fts (rowid, quote, note) VALUES (new.id, new.quote, new.note);
END;
CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights BEGIN
    INSERT INTO highlights_fts (highlights_fts, rowid, quote, note)
    VALUES ('delete', old.id, old.quote, old.note);
END;
CREATE TRIGGER highlights_fts_update AFTER UPDATE OF quote, note ON highlights BEGIN
    INSERT INTO highlights_fts (highlights_fts, rowid, quote, note)
    VALUES ('delete', old.id, old.quote, old.note);
    INSERT INTO highlights_fts (rowid, quote, note) VALUES (new.id, new.quote, new.note);
END;

CREATE VIRTUAL TABLE notes_fts USING fts5(
    body,
    content = 'notes',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF body ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO notes_fts (rowid, body) VALUES (new.id, new.body);
END;

-- Index the notes written before this migration.
INSERT INTO notes_fts (notes_fts) VALUES ('rebuild');
