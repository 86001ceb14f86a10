-- Exports: the database's own identity, and what each calendar event looked
-- like when it was last exported.
-- Append-only: never edit once released; add a new migration.

-- One row: a random identity made once per database, the right-hand side of
-- every calendar UID (deadline-7@<identity>.casetrail), so two databases never
-- give a calendar the same UID for different records. A copied file keeps it,
-- as it keeps the records.
CREATE TABLE database_identity (
    id  TEXT PRIMARY KEY CHECK (length(id) = 32)
);
INSERT INTO database_identity (id) VALUES (lower(hex(randomblob(16))));

-- Each calendar event (by UID) as last exported: its fingerprint (day, time,
-- summary, status) and its SEQUENCE, which rises when the fingerprint changes.
CREATE TABLE calendar_exports (
    uid          TEXT PRIMARY KEY,
    fingerprint  TEXT NOT NULL,
    sequence     INTEGER NOT NULL CHECK (sequence >= 0),
    exported_at  TEXT NOT NULL
);
