-- Casetrail schema, version 1: cases, proceedings, courts, docket events,
-- parties, judges, counsel, notes, tags and the activity log.
-- Migrations are append-only: never edit this file once released; add a new one.

CREATE TABLE courts (
    id          TEXT PRIMARY KEY,             -- courts-db id: nysd, ca2, scotus
    name        TEXT NOT NULL,
    short_name  TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('trial','bankruptcy','appellate','supreme','legislature','other')),
    system      TEXT NOT NULL,                -- federal, state:NY, foreign, legislative
    appeals_to  TEXT REFERENCES courts(id)
);

CREATE TABLE cases (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    summary     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE proceedings (
    id                 INTEGER PRIMARY KEY,
    case_id            INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    court_id           TEXT NOT NULL REFERENCES courts(id),
    docket_number      TEXT NOT NULL CHECK (length(trim(docket_number)) > 0),
    caption            TEXT NOT NULL DEFAULT '',
    opened_on          TEXT,
    closed_on          TEXT,
    appeal_from        INTEGER REFERENCES proceedings(id) ON DELETE SET NULL,
    appeal_from_event  INTEGER REFERENCES events(id) ON DELETE SET NULL,
    UNIQUE (case_id, court_id, docket_number)
);
CREATE INDEX proceedings_case ON proceedings(case_id);

-- Other numbers a docket goes by (13 Mag. 2814 = 1:13-mj-02814 = M9-150).
CREATE TABLE docket_aliases (
    proceeding_id  INTEGER NOT NULL REFERENCES proceedings(id) ON DELETE CASCADE,
    docket_number  TEXT NOT NULL,
    PRIMARY KEY (proceeding_id, docket_number)
);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    proceeding_id  INTEGER NOT NULL REFERENCES proceedings(id) ON DELETE CASCADE,
    -- YYYY-MM-DD, or YYYY-MM when only the month is known; sorts as text.
    date           TEXT NOT NULL CHECK (
                       date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
                    OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind           TEXT NOT NULL,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description    TEXT NOT NULL DEFAULT '',
    entry          TEXT,
    outcome        TEXT,
    side           TEXT CHECK (side IN ('petitioner','respondent','neither')),
    -- Stays: when and by which event the stay was lifted.
    stay_lifted_on TEXT,
    stay_lifted_by INTEGER REFERENCES events(id) ON DELETE SET NULL,
    source         TEXT NOT NULL DEFAULT '',
    certainty      TEXT NOT NULL DEFAULT 'confirmed'
                   CHECK (certainty IN ('confirmed','likely','inferred','unverified')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX events_proceeding_date ON events(proceeding_id, date);

CREATE TABLE parties (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    kind  TEXT NOT NULL CHECK (kind IN ('person','organization','government','group'))
);

CREATE TABLE proceeding_parties (
    proceeding_id  INTEGER NOT NULL REFERENCES proceedings(id) ON DELETE CASCADE,
    party_id       INTEGER NOT NULL REFERENCES parties(id),
    role           TEXT NOT NULL,
    PRIMARY KEY (proceeding_id, party_id, role)
);

CREATE TABLE event_parties (
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    party_id  INTEGER NOT NULL REFERENCES parties(id),
    role      TEXT NOT NULL,
    position  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, party_id, role)
);
CREATE INDEX event_parties_party ON event_parties(party_id);

CREATE TABLE judges (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    court_id  TEXT REFERENCES courts(id)
);

CREATE TABLE proceeding_judges (
    proceeding_id  INTEGER NOT NULL REFERENCES proceedings(id) ON DELETE CASCADE,
    judge_id       INTEGER NOT NULL REFERENCES judges(id),
    role           TEXT NOT NULL CHECK (role IN ('presiding','panel','author','concurring','dissenting')),
    PRIMARY KEY (proceeding_id, judge_id, role)
);

CREATE TABLE event_judges (
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    judge_id  INTEGER NOT NULL REFERENCES judges(id),
    role      TEXT NOT NULL CHECK (role IN ('presiding','panel','author','concurring','dissenting')),
    PRIMARY KEY (event_id, judge_id, role)
);

CREATE TABLE counsel (
    id             INTEGER PRIMARY KEY,
    proceeding_id  INTEGER NOT NULL REFERENCES proceedings(id) ON DELETE CASCADE,
    party_id       INTEGER NOT NULL REFERENCES parties(id),
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    firm           TEXT NOT NULL DEFAULT '',
    UNIQUE (proceeding_id, party_id, name)
);

-- Notes attach to exactly one thing. Documents arrive with the import migration,
-- so document notes keep the id without a foreign key until then.
CREATE TABLE notes (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER REFERENCES cases(id) ON DELETE CASCADE,
    proceeding_id  INTEGER REFERENCES proceedings(id) ON DELETE CASCADE,
    event_id       INTEGER REFERENCES events(id) ON DELETE CASCADE,
    document_id    INTEGER,
    body           TEXT NOT NULL CHECK (length(trim(body)) > 0),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK ((case_id IS NOT NULL) + (proceeding_id IS NOT NULL)
         + (event_id IS NOT NULL) + (document_id IS NOT NULL) = 1)
);

CREATE TABLE tags (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)
);

CREATE TABLE taggings (
    tag_id       INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    case_id      INTEGER REFERENCES cases(id) ON DELETE CASCADE,
    event_id     INTEGER REFERENCES events(id) ON DELETE CASCADE,
    document_id  INTEGER,
    CHECK ((case_id IS NOT NULL) + (event_id IS NOT NULL) + (document_id IS NOT NULL) = 1)
);
CREATE UNIQUE INDEX taggings_case ON taggings(tag_id, case_id) WHERE case_id IS NOT NULL;
CREATE UNIQUE INDEX taggings_event ON taggings(tag_id, event_id) WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX taggings_document ON taggings(tag_id, document_id) WHERE document_id IS NOT NULL;

-- The activity log is append-only: an operation log a later sync can replay.
CREATE TABLE activity (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('create','update','delete')),
    entity     TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,
    changes    TEXT NOT NULL   -- JSON: {"field": [old, new]}
);
CREATE INDEX activity_entity ON activity(entity, entity_id);

CREATE TRIGGER activity_no_update BEFORE UPDATE ON activity
BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END;
CREATE TRIGGER activity_no_delete BEFORE DELETE ON activity
BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END;
