-- Dockets imported from the court's own data (PACER, CourtListener,
-- supremecourt.gov): where each record came from, the court's text of every
-- entry beside the event it became, what is new since the user last looked,
-- and an appeal's originating court and docket.

-- One row per docket file imported (or tried with --dry-run: those roll back).
CREATE TABLE docket_sources (
    id           INTEGER PRIMARY KEY,
    file_name    TEXT NOT NULL,
    format       TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    imported_at  TEXT NOT NULL
);

-- The court's record of one entry. `entry_key` is `n:<number>` for numbered
-- entries and `u:<date>:<hash of the text>` for unnumbered ones.
CREATE TABLE docket_entries (
    event_id        INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    proceeding_id   INTEGER NOT NULL REFERENCES proceedings(id) ON DELETE CASCADE,
    entry_key       TEXT NOT NULL,
    number          TEXT,
    date_filed      TEXT NOT NULL,
    date_entered    TEXT,
    -- The court's text as last imported, and the event fields the import
    -- last wrote: a field that no longer matches was changed by a person and
    -- is never overwritten.
    court_text      TEXT NOT NULL,
    written_title   TEXT NOT NULL,
    written_kind    TEXT NOT NULL,
    written_date    TEXT NOT NULL,
    document_ids    TEXT NOT NULL DEFAULT '[]',
    format          TEXT NOT NULL,
    created_by      INTEGER NOT NULL REFERENCES docket_sources(id),
    updated_by      INTEGER REFERENCES docket_sources(id),
    UNIQUE (proceeding_id, entry_key)
);

-- What is new: entries an import added or changed, until the user looks.
CREATE TABLE docket_news (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    change      TEXT NOT NULL CHECK (change IN ('added', 'updated')),
    old_text    TEXT,
    new_text    TEXT NOT NULL,
    source_id   INTEGER NOT NULL REFERENCES docket_sources(id),
    seen_at     TEXT
);
CREATE INDEX docket_news_event ON docket_news(event_id);
CREATE INDEX docket_news_unseen ON docket_news(seen_at) WHERE seen_at IS NULL;

-- The docket's facts beyond the proceeding's own columns, and for an appeal
-- the court and docket it came from (how appeals are found, in either order).
CREATE TABLE docket_details (
    proceeding_id         INTEGER PRIMARY KEY REFERENCES proceedings(id) ON DELETE CASCADE,
    assigned_to           TEXT,
    referred_to           TEXT,
    nature_of_suit        TEXT,
    cause                 TEXT,
    jury_demand           TEXT,
    origin_court_id       TEXT,
    origin_court_name     TEXT,
    origin_docket_number  TEXT,
    -- The keys of the origin's docket numbers (crate docket's number::keys): |21-55085|21-55145|
    origin_docket_key     TEXT,
    origin_judgment_on    TEXT,
    source_id             INTEGER REFERENCES docket_sources(id)
);
CREATE INDEX docket_details_origin ON docket_details(origin_court_id, origin_docket_key);

-- Counsel as dockets print them: contact lines and roles ("LEAD ATTORNEY").
ALTER TABLE counsel ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE counsel ADD COLUMN roles TEXT NOT NULL DEFAULT '';
