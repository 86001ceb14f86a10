-- Casetrail schema, version 12: the activity log becomes the sync log.
-- Every operation from here on carries a global id (UUIDv7), its author,
-- a hybrid logical clock, its case's global id, its entity's global id and
-- a replayable payload; cases get a global id; the desktop remembers its
-- firm server (URL and user, never a password), its push and pull cursors
-- and the conflicts merges found. Append-only: never edit once released.

-- A case's global id: a random UUID, minted for every case, old or new.
ALTER TABLE cases ADD COLUMN uuid TEXT;
UPDATE cases SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
    || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX cases_uuid ON cases(uuid);
CREATE TRIGGER cases_uuid AFTER INSERT ON cases WHEN NEW.uuid IS NULL
BEGIN
    UPDATE cases SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
        || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
        || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
    WHERE id = NEW.id;
END;

-- The global ids of every other synced row (proceedings, events, notes):
-- minted when the row is created here, or taken from the operation that
-- created it elsewhere. A row may answer to more than one: the same docket
-- opened in the same case on two desktops is one proceeding; its own id is
-- its first.
CREATE TABLE sync_ids (
    uuid      TEXT PRIMARY KEY,
    entity    TEXT NOT NULL,
    local_id  INTEGER NOT NULL
);
CREATE INDEX sync_ids_local ON sync_ids(entity, local_id);

-- The log's sync columns; NULL on entries from before this version and on
-- entries of things that do not sync (settings, saved searches, documents).
ALTER TABLE activity ADD COLUMN op_id TEXT;        -- UUIDv7
ALTER TABLE activity ADD COLUMN author TEXT;       -- server user; NULL: this desktop's, before it connected
ALTER TABLE activity ADD COLUMN hlc INTEGER;       -- physical ms << 16 | counter
ALTER TABLE activity ADD COLUMN case_uuid TEXT;
ALTER TABLE activity ADD COLUMN entity_uuid TEXT;
ALTER TABLE activity ADD COLUMN payload TEXT;      -- JSON {"field": [old, new]}, references as global ids
ALTER TABLE activity ADD COLUMN pulled INTEGER NOT NULL DEFAULT 0;
-- A client never applies an operation twice: an operation's id is here once.
CREATE UNIQUE INDEX activity_op_id ON activity(op_id) WHERE op_id IS NOT NULL;
CREATE INDEX activity_entity_uuid ON activity(entity_uuid, hlc) WHERE entity_uuid IS NOT NULL;

-- This desktop's clock: the last HLC issued or seen.
CREATE TABLE sync_clock (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    hlc  INTEGER NOT NULL
);
INSERT INTO sync_clock (id, hlc) VALUES (1, 0);

-- The firm server this database is tied to (at most one), and how far the
-- local log has been pushed (an activity id).
CREATE TABLE sync_server (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    url             TEXT NOT NULL,
    user            TEXT NOT NULL,
    connected_at    TEXT NOT NULL,
    pushed_through  INTEGER NOT NULL DEFAULT 0
);

-- How far each server case has been pulled (the server's seq).
CREATE TABLE sync_cursors (
    case_uuid  TEXT PRIMARY KEY,
    seq        INTEGER NOT NULL
);

-- Conflicts found while applying pulled operations.
CREATE TABLE sync_conflicts (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    case_uuid    TEXT NOT NULL,
    entity       TEXT NOT NULL,
    entity_uuid  TEXT NOT NULL,
    field        TEXT,              -- NULL: the entity was deleted
    kept         TEXT NOT NULL,     -- JSON
    lost         TEXT NOT NULL,     -- JSON
    kept_op      TEXT NOT NULL,
    lost_op      TEXT NOT NULL,
    kept_author  TEXT NOT NULL,
    lost_author  TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0
);
