-- Casetrail schema, version 6: saved searches and the hits the user has seen.
-- Append-only: never edit once released; add a new migration.

CREATE TABLE saved_searches (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    -- What the user typed; rebuilt into an FTS5 query on every run.
    query       TEXT NOT NULL CHECK (length(trim(query)) > 0),
    -- Only hits in this case, when set.
    case_id     INTEGER REFERENCES cases(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    -- When its hits were last marked seen.
    seen_at     TEXT
);

-- The hits of a saved search the user has seen, by key: `page:<document>:<page>`
-- or `event:<event>`. A hit whose key is missing here is new.
CREATE TABLE saved_search_seen (
    saved_search_id  INTEGER NOT NULL REFERENCES saved_searches(id) ON DELETE CASCADE,
    hit_key          TEXT NOT NULL,
    PRIMARY KEY (saved_search_id, hit_key)
) WITHOUT ROWID;
