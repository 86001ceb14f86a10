//! `init`: the schema, roles and policies once; again, nothing; a newer
//! schema refused.

use casetrail_fixtures::cluster_or_skip;
use casetrail_sync::{Error, SCHEMA_VERSION};

use crate::firm::admin;

#[test]
fn init_creates_the_schema_once_and_a_second_run_changes_nothing() {
    let pg = cluster_or_skip!();
    let mut server = admin(&pg);
    assert_eq!(server.schema_version().unwrap(), None);
    let first = server.init().unwrap();
    assert_eq!((first.from, first.to), (0, SCHEMA_VERSION));
    assert_eq!(first.applied, ["server"]);
    let schema = |pg: &casetrail_fixtures::cluster::Cluster| {
        pg.psql_ok(
            "postgres",
            casetrail_fixtures::cluster::ADMIN_PASSWORD,
            "SELECT string_agg(x, ',' ORDER BY x) FROM (
               SELECT c.relname || ':' || c.relrowsecurity || c.relforcerowsecurity AS x
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'casetrail' AND c.relkind = 'r'
               UNION ALL SELECT 'policy:' || tablename || '.' || policyname FROM pg_policies WHERE schemaname = 'casetrail'
               UNION ALL SELECT 'role:' || rolname FROM pg_roles WHERE rolname LIKE 'casetrail%'
               UNION ALL SELECT 'migration:' || version || name FROM casetrail.schema_migrations) s",
        )
    };
    let before = schema(&pg);
    for table in [
        "cases",
        "case_access",
        "operations",
        "blobs",
        "case_blobs",
        "access_log",
    ] {
        assert!(
            before.contains(&format!("{table}:truetrue")),
            "RLS enabled and forced on {table}: {before}"
        );
    }
    for role in ["casetrail_user", "casetrail_admin", "casetrail_owner"] {
        assert!(before.contains(&format!("role:{role}")), "{before}");
    }

    let again = admin(&pg).init().unwrap();
    assert_eq!((again.from, again.to), (SCHEMA_VERSION, SCHEMA_VERSION));
    assert!(again.applied.is_empty());
    assert_eq!(schema(&pg), before);
    assert_eq!(server.schema_version().unwrap(), Some(SCHEMA_VERSION));
}

#[test]
fn a_schema_newer_than_this_build_is_refused() {
    let pg = cluster_or_skip!();
    let mut server = admin(&pg);
    server.init().unwrap();
    pg.psql_ok(
        "postgres",
        casetrail_fixtures::cluster::ADMIN_PASSWORD,
        "INSERT INTO casetrail.schema_migrations (version, name) VALUES (999, 'from the future')",
    );
    let err = admin(&pg).init().unwrap_err();
    assert!(
        matches!(err, Error::SchemaNewer { server: 999, build } if build == SCHEMA_VERSION),
        "{err:?}"
    );
    assert!(err.is_user_error());
    let err = admin(&pg).add_user("dave", None).unwrap_err();
    assert!(matches!(err, Error::SchemaNewer { .. }), "{err:?}");
}

#[test]
fn a_closed_port_and_a_wrong_password_are_clear_errors() {
    let pg = cluster_or_skip!();
    let port = casetrail_fixtures::cluster::free_port();
    let err = casetrail_sync::Server::connect(&format!(
        "postgres://postgres:pw@127.0.0.1:{port}/postgres?connect_timeout=5"
    ))
    .err()
    .expect("nothing listens there");
    assert!(matches!(err, Error::Unreachable { .. }), "{err:?}");
    assert!(
        err.to_string().contains(&format!("127.0.0.1:{port}")),
        "{err}"
    );
    assert!(!err.to_string().contains("pw@"), "{err}");

    let err = casetrail_sync::Server::connect(&pg.url("postgres", Some("not-it")))
        .err()
        .expect("a wrong password");
    assert!(matches!(err, Error::Auth { .. }), "{err:?}");
    assert!(!err.to_string().contains("not-it"), "{err}");
    assert!(err.is_user_error());
}

/// The server schema as `pg_dump` prints it (no data).
fn dump(pg: &casetrail_fixtures::cluster::Cluster) -> String {
    let out = std::process::Command::new(pg.program("pg_dump"))
        .args(["--schema-only", "--schema=casetrail", "--no-comments", "-h"])
        .arg(pg.socket_dir())
        .args(["-p", &pg.port().to_string(), "-U", "postgres", "postgres"])
        .env("PGPASSWORD", casetrail_fixtures::cluster::ADMIN_PASSWORD)
        .output()
        .expect("run pg_dump");
    assert!(
        out.status.success(),
        "{}",
        casetrail_fixtures::cluster::text(&out)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn every_earlier_server_schema_upgrades_to_what_a_fresh_init_makes() {
    let pg = cluster_or_skip!();
    admin(&pg).init().unwrap();
    let fresh = dump(&pg);
    assert!(
        fresh.contains("CREATE TABLE casetrail.operations"),
        "{fresh}"
    );
    drop(pg);
    // Each released schema before this build's, upgraded by `init`.
    let released = casetrail_sync::migrate::MIGRATIONS;
    for &(from, _, _) in &released[..released.len() - 1] {
        let pg = cluster_or_skip!();
        let mut server = admin(&pg);
        assert_eq!(server.init_to(from).unwrap().to, from);
        let up = server.init().unwrap();
        assert_eq!((up.from, up.to), (from, SCHEMA_VERSION));
        assert_eq!(dump(&pg), fresh, "upgraded from {from}");
    }
}
