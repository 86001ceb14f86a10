-- The user's settings (the deadline warning window…), one row per key.
-- Values are text; the store parses and validates them, and falls back to the
-- default when a key is absent.

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
