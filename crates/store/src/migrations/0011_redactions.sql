-- Bad redactions: text a page still holds under a dark rectangle that was
-- meant to hide it, found on import (casetrail-extract's redaction check).
-- The rectangle is in points, origin at the top left of the page, y down.
CREATE TABLE bad_redactions (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page        INTEGER NOT NULL CHECK (page >= 1),
    x0          REAL NOT NULL,
    y0          REAL NOT NULL,
    x1          REAL NOT NULL,
    y1          REAL NOT NULL,
    text        TEXT NOT NULL
);

CREATE INDEX bad_redactions_by_document ON bad_redactions (document_id, page);
