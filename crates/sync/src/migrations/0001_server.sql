-- Casetrail's firm server, version 1: the case-scoped tables, the roles and
-- the row-level-security policies that make ethical walls.
--
-- Run once per database by `casetrail server init`, in one transaction, by an
-- administrator's connection (a superuser, or a role with CREATEROLE that
-- owns the database). Append-only: a change is a new numbered file.
--
-- Roles (cluster-wide, created when missing):
--   casetrail_owner  NOLOGIN: owns every object here; the SECURITY DEFINER
--                    functions run as it. Nobody logs in as it.
--   casetrail_user   NOLOGIN: every person's login role is a member; holds
--                    the table privileges, and the policies decide the rows.
--   casetrail_admin  NOLOGIN: its members grant and revoke on any case.
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'casetrail_owner') THEN
        CREATE ROLE casetrail_owner NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'casetrail_user') THEN
        CREATE ROLE casetrail_user NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'casetrail_admin') THEN
        CREATE ROLE casetrail_admin NOLOGIN;
    END IF;
    IF NOT pg_catalog.pg_has_role(current_user, 'casetrail_owner', 'MEMBER') THEN
        EXECUTE pg_catalog.format('GRANT casetrail_owner TO %I', current_user);
    END IF;
    IF NOT pg_catalog.pg_has_role(current_user, 'casetrail_admin', 'MEMBER') THEN
        EXECUTE pg_catalog.format('GRANT casetrail_admin TO %I', current_user);
    END IF;
END
$roles$;

CREATE SCHEMA casetrail AUTHORIZATION casetrail_owner;
REVOKE ALL ON SCHEMA casetrail FROM PUBLIC;
GRANT USAGE ON SCHEMA casetrail TO casetrail_user, casetrail_admin;

-- Everything below is created by, and so owned by, casetrail_owner.
SET LOCAL ROLE casetrail_owner;

-- The server schema's own version: one row per applied migration.
CREATE TABLE casetrail.schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by name NOT NULL DEFAULT session_user
);

-- A case as the server knows it: the desktop that first pushes it makes its
-- user the owner. Names need not be unique; the CLI accepts a unique one.
CREATE TABLE casetrail.cases (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (name <> ''),
    owner name NOT NULL DEFAULT current_user,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_name ON casetrail.cases (name);

-- Who may see a case: read, or read and write. Written only by the grant and
-- revoke functions (and for the owner when the case is created).
CREATE TABLE casetrail.case_access (
    case_id uuid NOT NULL REFERENCES casetrail.cases (id) ON DELETE CASCADE,
    role name NOT NULL,
    access text NOT NULL CHECK (access IN ('read', 'write')),
    granted_by name NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, role)
);
CREATE INDEX case_access_role ON casetrail.case_access (role, case_id);

-- The firm's merged log: one row per operation, as desktops push them.
-- `id` is the desktop's UUIDv7, so a retried push creates nothing twice;
-- `seq` is the server's order, the cursor a pull continues from.
CREATE TABLE casetrail.operations (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    case_id uuid NOT NULL REFERENCES casetrail.cases (id),
    author name NOT NULL DEFAULT current_user,
    hlc bigint NOT NULL CHECK (hlc >= 0),
    entity text NOT NULL,
    entity_id text NOT NULL,
    field text,
    old_value jsonb,
    new_value jsonb,
    pushed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX operations_case_seq ON casetrail.operations (case_id, seq);

-- Documents' bytes, content-addressed and stored once; a blob is reached
-- only through a case's link to it (and exists only with one: see below).
CREATE TABLE casetrail.blobs (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    bytes bytea NOT NULL,
    CHECK (sha256 = pg_catalog.encode(pg_catalog.sha256(bytes), 'hex'))
);
CREATE TABLE casetrail.case_blobs (
    case_id uuid NOT NULL REFERENCES casetrail.cases (id),
    sha256 text NOT NULL REFERENCES casetrail.blobs (sha256),
    PRIMARY KEY (case_id, sha256)
);
CREATE INDEX case_blobs_sha256 ON casetrail.case_blobs (sha256);

-- Every grant and revoke, in order; never updated.
CREATE TABLE casetrail.access_log (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id uuid NOT NULL REFERENCES casetrail.cases (id),
    role name NOT NULL,
    action text NOT NULL CHECK (action IN ('grant', 'revoke')),
    access text CHECK (access IN ('read', 'write')),
    by_role name NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX access_log_case ON casetrail.access_log (case_id, seq);

-- Row-level security on every table that holds case data, forced so that
-- the owner is bound too; casetrail_owner's own policies let the functions
-- below (which run as it) see and write every row.
ALTER TABLE casetrail.cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE casetrail.cases FORCE ROW LEVEL SECURITY;
ALTER TABLE casetrail.case_access ENABLE ROW LEVEL SECURITY;
ALTER TABLE casetrail.case_access FORCE ROW LEVEL SECURITY;
ALTER TABLE casetrail.operations ENABLE ROW LEVEL SECURITY;
ALTER TABLE casetrail.operations FORCE ROW LEVEL SECURITY;
ALTER TABLE casetrail.blobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE casetrail.blobs FORCE ROW LEVEL SECURITY;
ALTER TABLE casetrail.case_blobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE casetrail.case_blobs FORCE ROW LEVEL SECURITY;
ALTER TABLE casetrail.access_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE casetrail.access_log FORCE ROW LEVEL SECURITY;

CREATE POLICY owner_all ON casetrail.cases TO casetrail_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON casetrail.case_access TO casetrail_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON casetrail.operations TO casetrail_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON casetrail.blobs TO casetrail_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON casetrail.case_blobs TO casetrail_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON casetrail.access_log TO casetrail_owner USING (true) WITH CHECK (true);

-- A person sees their own access rows (administrators see all). This is the
-- one policy the others stand on, and it reads no other table.
CREATE POLICY own_access ON casetrail.case_access FOR SELECT TO casetrail_user
    USING (role = current_user OR pg_catalog.pg_has_role(current_user, 'casetrail_admin', 'MEMBER'));

-- A case is visible to its owner and to the roles on its access list; a
-- person creates cases only as their own.
CREATE POLICY listed ON casetrail.cases FOR SELECT TO casetrail_user
    USING (owner = current_user
        OR EXISTS (SELECT 1 FROM casetrail.case_access a
                   WHERE a.case_id = cases.id AND a.role = current_user));
CREATE POLICY create_own ON casetrail.cases FOR INSERT TO casetrail_user
    WITH CHECK (owner = current_user);

-- An operation is visible exactly when its case is; written only by a role
-- with write access to the case, as itself. No UPDATE or DELETE: the log only grows.
CREATE POLICY case_visible ON casetrail.operations FOR SELECT TO casetrail_user
    USING (EXISTS (SELECT 1 FROM casetrail.cases c WHERE c.id = operations.case_id));
CREATE POLICY case_writable ON casetrail.operations FOR INSERT TO casetrail_user
    WITH CHECK (author = current_user
        AND EXISTS (SELECT 1 FROM casetrail.case_access a
                    WHERE a.case_id = operations.case_id AND a.role = current_user
                      AND a.access = 'write'));

-- A case's links to blobs, and the blobs, follow the case.
CREATE POLICY case_visible ON casetrail.case_blobs FOR SELECT TO casetrail_user
    USING (EXISTS (SELECT 1 FROM casetrail.cases c WHERE c.id = case_blobs.case_id));
CREATE POLICY case_writable ON casetrail.case_blobs FOR INSERT TO casetrail_user
    WITH CHECK (EXISTS (SELECT 1 FROM casetrail.case_access a
                        WHERE a.case_id = case_blobs.case_id AND a.role = current_user
                          AND a.access = 'write'));
CREATE POLICY linked ON casetrail.blobs FOR SELECT TO casetrail_user
    USING (EXISTS (SELECT 1 FROM casetrail.case_blobs l WHERE l.sha256 = blobs.sha256));
CREATE POLICY writer_adds ON casetrail.blobs FOR INSERT TO casetrail_user
    WITH CHECK (EXISTS (SELECT 1 FROM casetrail.case_access a
                        WHERE a.role = current_user AND a.access = 'write'));

-- A case's access log is read by those who may read the case.
CREATE POLICY case_visible ON casetrail.access_log FOR SELECT TO casetrail_user
    USING (EXISTS (SELECT 1 FROM casetrail.cases c WHERE c.id = access_log.case_id));

-- The owner of a new case gets write access, logged like any grant.
CREATE FUNCTION casetrail.case_created() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
    INSERT INTO casetrail.case_access (case_id, role, access, granted_by)
        VALUES (NEW.id, NEW.owner, 'write', NEW.owner);
    INSERT INTO casetrail.access_log (case_id, role, action, access, by_role)
        VALUES (NEW.id, NEW.owner, 'grant', 'write', NEW.owner);
    RETURN NULL;
END
$fn$;
CREATE TRIGGER case_created AFTER INSERT ON casetrail.cases
    FOR EACH ROW EXECUTE FUNCTION casetrail.case_created();

-- The server never holds a row without its case: a blob must be linked to a
-- case by the end of the transaction that adds it.
CREATE FUNCTION casetrail.blob_linked() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM casetrail.case_blobs l WHERE l.sha256 = NEW.sha256) THEN
        RAISE EXCEPTION 'blob % is linked to no case', NEW.sha256
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$fn$;
CREATE CONSTRAINT TRIGGER blob_linked AFTER INSERT ON casetrail.blobs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION casetrail.blob_linked();

-- The case a CASE argument names (its id, or its unique name) among the cases
-- the caller (the session's login role) may manage: its own, or any for an
-- administrator. A case the caller may not manage is reported as not found
-- to them, so the name of a walled-off case is not confirmed.
CREATE FUNCTION casetrail.managed_case(p_case text, OUT id uuid, OUT name text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
    v_admin boolean := pg_has_role(session_user, 'casetrail_admin', 'MEMBER');
    v_found integer;
BEGIN
    SELECT count(*), min(c.id::text)::uuid, min(c.name) INTO v_found, id, name
        FROM casetrail.cases c
        WHERE (c.id::text = lower(p_case) OR c.name = p_case)
          AND (v_admin OR c.owner = session_user);
    IF v_found = 0 THEN
        IF v_admin THEN
            RAISE EXCEPTION 'no case % on the server', p_case USING ERRCODE = 'P0002';
        END IF;
        RAISE EXCEPTION 'you own no case % on the server; only its owner or an administrator may grant or revoke access', p_case
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_found > 1 THEN
        RAISE EXCEPTION '% cases on the server are named %; give its id', v_found, p_case
            USING ERRCODE = 'cardinality_violation';
    END IF;
END
$fn$;

-- Give a person read or write access to a case, logged. Returns false when
-- they already had exactly that access (nothing written).
CREATE FUNCTION casetrail.grant_access(p_case text, p_role name, p_access text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
    v_case uuid := (casetrail.managed_case(p_case)).id;
    v_owner name;
    v_old text;
BEGIN
    IF p_access NOT IN ('read', 'write') THEN
        RAISE EXCEPTION 'access must be read or write, not %', p_access USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role)
        OR NOT pg_has_role(p_role, 'casetrail_user', 'MEMBER') THEN
        RAISE EXCEPTION 'no Casetrail user % on the server (add them with casetrail server user add)', p_role
            USING ERRCODE = 'undefined_object';
    END IF;
    SELECT owner INTO v_owner FROM casetrail.cases WHERE id = v_case;
    IF p_role = v_owner THEN
        RAISE EXCEPTION '% owns this case; an owner always has write access', p_role USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT access INTO v_old FROM casetrail.case_access WHERE case_id = v_case AND role = p_role;
    IF v_old IS NOT DISTINCT FROM p_access THEN
        RETURN false;
    END IF;
    INSERT INTO casetrail.case_access (case_id, role, access, granted_by)
        VALUES (v_case, p_role, p_access, session_user)
        ON CONFLICT (case_id, role) DO UPDATE
        SET access = EXCLUDED.access, granted_by = EXCLUDED.granted_by, granted_at = now();
    INSERT INTO casetrail.access_log (case_id, role, action, access, by_role)
        VALUES (v_case, p_role, 'grant', p_access, session_user);
    RETURN true;
END
$fn$;

-- Take a person off a case, logged. Returns false when they were not on it.
CREATE FUNCTION casetrail.revoke_access(p_case text, p_role name) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
    v_case uuid := (casetrail.managed_case(p_case)).id;
    v_owner name;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role) THEN
        RAISE EXCEPTION 'no Casetrail user % on the server', p_role USING ERRCODE = 'undefined_object';
    END IF;
    SELECT owner INTO v_owner FROM casetrail.cases WHERE id = v_case;
    IF p_role = v_owner THEN
        RAISE EXCEPTION '% owns this case; an owner''s access cannot be revoked', p_role USING ERRCODE = 'invalid_parameter_value';
    END IF;
    DELETE FROM casetrail.case_access WHERE case_id = v_case AND role = p_role;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    INSERT INTO casetrail.access_log (case_id, role, action, access, by_role)
        VALUES (v_case, p_role, 'revoke', NULL, session_user);
    RETURN true;
END
$fn$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA casetrail FROM PUBLIC;
GRANT EXECUTE ON FUNCTION casetrail.managed_case(text), casetrail.grant_access(text, name, text),
    casetrail.revoke_access(text, name)
    TO casetrail_user, casetrail_admin;

GRANT SELECT ON casetrail.schema_migrations TO casetrail_user, casetrail_admin;
GRANT SELECT, INSERT ON casetrail.cases, casetrail.operations, casetrail.blobs, casetrail.case_blobs
    TO casetrail_user;
GRANT SELECT ON casetrail.case_access, casetrail.access_log TO casetrail_user;

RESET ROLE;
