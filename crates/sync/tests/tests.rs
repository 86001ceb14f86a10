//! The server side against a real PostgreSQL: each test starts its own
//! throwaway cluster (`casetrail_fixtures::cluster`, about a second), so
//! tests run in parallel without meeting; without PostgreSQL they are
//! reported skipped. Walls are checked by logging in as each person with
//! the real `psql`, not only through this crate.

mod firm;

mod access;
mod desktops;
mod init;
mod tls;
mod walls;
