//! TLS with libpq's `sslmode` meanings, against a cluster that takes TCP
//! connections only with TLS (a self-signed certificate for localhost).

use casetrail_fixtures::cluster::{Cluster, Missing, ADMIN_PASSWORD};
use casetrail_fixtures::skip;
use casetrail_sync::{Error, Server};

#[test]
fn verify_full_checks_the_certificate_and_the_host() {
    let pg = match Cluster::start_tls() {
        Ok(pg) => pg,
        Err(Missing(why)) => skip!("{why}"),
    };
    let root = format!("sslrootcert={}", pg.server_cert().display());
    let url = |host: &str, query: &str| pg.tcp_url(host, "postgres", ADMIN_PASSWORD, query);

    // Trusted and for this host: connects, and init works over it.
    let mut server =
        Server::connect(&url("localhost", &format!("sslmode=verify-full&{root}"))).unwrap();
    server.init().unwrap();
    // The chain is right but the name is not the certificate's.
    let err = Server::connect(&url("127.0.0.1", &format!("sslmode=verify-full&{root}")))
        .err()
        .expect("127.0.0.1 is not the certificate's name");
    assert!(matches!(err, Error::Tls { .. }), "{err:?}");
    // verify-ca does not check the name.
    Server::connect(&url("127.0.0.1", &format!("sslmode=verify-ca&{root}"))).unwrap();
    // Without the root, a self-signed certificate is not trusted.
    let err = Server::connect(&url("localhost", "sslmode=verify-full"))
        .err()
        .expect("not trusted");
    assert!(matches!(err, Error::Tls { .. }), "{err:?}");
    assert!(err.is_user_error());
}

#[test]
fn require_encrypts_without_checking_and_disable_is_refused_by_this_server() {
    let pg = match Cluster::start_tls() {
        Ok(pg) => pg,
        Err(Missing(why)) => skip!("{why}"),
    };
    let url = |query: &str| pg.tcp_url("127.0.0.1", "postgres", ADMIN_PASSWORD, query);
    Server::connect(&url("sslmode=require")).unwrap();
    Server::connect(&url("sslmode=prefer")).unwrap();
    // The server takes TCP only with TLS (pg_hba.conf: hostssl).
    let err = Server::connect(&url("sslmode=disable"))
        .err()
        .expect("refused");
    assert!(matches!(err, Error::Auth { .. }), "{err:?}");
    assert!(err.to_string().contains("no encryption"), "{err}");
}
