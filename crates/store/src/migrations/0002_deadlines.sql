-- Deadlines on cases: derived from a docket event and a rule, or entered by
-- hand. `due` is the date that counts: the court-ordered date when there is
-- one, else the computed date, else the date entered. `computation` keeps the
-- engine's JSON ({"due","rule","steps"}) so every date explains itself.

CREATE TABLE deadlines (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    proceeding_id  INTEGER REFERENCES proceedings(id) ON DELETE CASCADE,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    rule           TEXT,
    part           TEXT,
    us_party       INTEGER NOT NULL DEFAULT 0 CHECK (us_party IN (0, 1)),
    service        TEXT,
    court_id       TEXT,
    trigger_event  INTEGER REFERENCES events(id) ON DELETE SET NULL,
    trigger_date   TEXT,
    computed_due   TEXT,
    computation    TEXT,
    ordered_due    TEXT,
    ordered_note   TEXT NOT NULL DEFAULT '',
    due            TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status         TEXT NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open','done','missed','superseded')),
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK ((rule IS NULL) = (computed_due IS NULL))
);
CREATE INDEX deadlines_case_due ON deadlines(case_id, due);
CREATE INDEX deadlines_trigger ON deadlines(trigger_event);
