-- Each applied migration is recorded by name as well as number, so a database
-- written by another build (a different migration under the same number, or
-- one this build does not know) is refused with the migration named, never
-- taken for up to date. The rows for migrations applied before this one are
-- filled in here (`applied_at` unknown); from this one on, the code records
-- each migration in the transaction that applies it.
CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    applied_at TEXT
);

INSERT INTO schema_migrations (version, name) VALUES
    (1, '0001_initial.sql'),
    (2, '0002_deadlines.sql'),
    (3, '0003_documents.sql'),
    (4, '0004_search_prefix.sql'),
    (5, '0005_highlights.sql'),
    (6, '0006_saved_searches.sql'),
    (7, '0007_settings.sql'),
    (8, '0008_exports.sql'),
    (9, '0009_dockets.sql'),
    (10, '0010_citations.sql'),
    (11, '0011_redactions.sql'),
    (12, '0012_sync.sql');
