-- Casetrail schema, version 4: prefix indexes for full-text search.
-- A prefix query ("jur*") had to merge the lists of every indexed word that starts
-- with it, on each query; FTS5's prefix option also indexes the first 2 and 3
-- characters of every word, so prefixes of that length read one list. Longer
-- prefixes still work, as before. The indexes are recreated (FTS5 cannot add the
-- option in place) with the same columns, content tables, tokenizer and triggers,
-- and rebuilt from the text they index.
-- Append-only: never edit once released; add a new migration.

DROP TRIGGER pages_fts_insert;
DROP TRIGGER pages_fts_delete;
DROP TRIGGER pages_fts_update;
DROP TABLE pages_fts;

CREATE VIRTUAL TABLE pages_fts USING fts5(
    text,
    content = 'pages',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
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

DROP TRIGGER events_fts_insert;
DROP TRIGGER events_fts_delete;
DROP TRIGGER events_fts_update;
DROP TABLE events_fts;

CREATE VIRTUAL TABLE events_fts USING fts5(
    title,
    description,
    content = 'events',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
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

INSERT INTO pages_fts (pages_fts) VALUES ('rebuild');
INSERT INTO events_fts (events_fts) VALUES ('rebuild');
