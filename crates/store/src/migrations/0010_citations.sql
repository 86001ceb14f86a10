-- Casetrail schema, version 10: what each document cites, page by page.
-- One row per citation as printed; `key` is the citation normalised
-- ("556 U.S. 662", "556 U.S. at 678", "Id.", "42 U.S.C. § 1983"), `authority` the
-- authority it cites (a full citation's own key or its parallel group's first;
-- for short forms, Id. and supra the key of the citation they refer to; NULL
-- when that is not found). Written with the document's pages at import, and
-- again by `casetrail redetect`.
-- Append-only: never edit once released; add a new migration.

CREATE TABLE citations (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    -- Position in the document's list, in reading order (0-based).
    seq          INTEGER NOT NULL CHECK (seq >= 0),
    page         INTEGER NOT NULL CHECK (page >= 1),
    -- Byte offsets in the page's text.
    start        INTEGER NOT NULL CHECK (start >= 0),
    "end"        INTEGER NOT NULL CHECK ("end" >= start),
    kind         TEXT NOT NULL CHECK (kind IN ('case','short_case','id','supra','statute',
                                               'regulation','public_law','rule')),
    text         TEXT NOT NULL,
    key          TEXT NOT NULL,
    authority    TEXT,
    pin          TEXT,
    name         TEXT,
    court        TEXT,
    year         INTEGER,
    -- `seq` of the citation this one refers to, and of its parallel group's first.
    antecedent   INTEGER,
    parallel     INTEGER,
    UNIQUE (document_id, seq)
);
CREATE INDEX citations_authority ON citations(authority);
CREATE INDEX citations_key ON citations(key);

-- Which version of detection last read the document (`casetrail_detect::VERSION`):
-- `casetrail redetect` redoes the documents an older version read. 0: before citations.
ALTER TABLE documents ADD COLUMN detected_version INTEGER NOT NULL DEFAULT 0;
