//! This desktop's hybrid logical clock and its operation ids.
//!
//! The clock is 64 bits: physical milliseconds << 16 | a counter. Each local
//! operation takes a value above both the wall clock and every value issued
//! or seen before (pulled operations advance it), so an edit made after
//! seeing another always orders after it, whatever the machines' clocks say.

use rusqlite::Connection;

use crate::Result;

fn wall() -> i64 {
    chrono::Utc::now().timestamp_millis().max(0) << 16
}

/// The next clock value for an operation made here.
pub(crate) fn tick(conn: &Connection) -> Result<i64> {
    let last: i64 = conn.query_row("SELECT hlc FROM sync_clock WHERE id = 1", [], |r| r.get(0))?;
    let next = wall().max(last + 1);
    conn.execute("UPDATE sync_clock SET hlc = ?1 WHERE id = 1", [next])?;
    Ok(next)
}

/// Advance past a clock value seen on a pulled operation.
pub(crate) fn observe(conn: &Connection, hlc: i64) -> Result<()> {
    conn.execute(
        "UPDATE sync_clock SET hlc = max(hlc, ?1) WHERE id = 1",
        [hlc],
    )?;
    Ok(())
}

/// A new UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then the version,
/// then 74 random bits from SQLite's generator.
pub(crate) fn uuid_v7(conn: &Connection) -> Result<String> {
    let random: Vec<u8> = conn.query_row("SELECT randomblob(10)", [], |r| r.get(0))?;
    let ms = chrono::Utc::now().timestamp_millis().max(0) as u64;
    let mut b = [0u8; 16];
    b[..6].copy_from_slice(&ms.to_be_bytes()[2..]);
    b[6] = 0x70 | (random[0] & 0x0f);
    b[7] = random[1];
    b[8] = 0x80 | (random[2] & 0x3f);
    b[9..].copy_from_slice(&random[3..10]);
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    ))
}
