//! A docket's entries onto the proceeding's events: added, changed (both
//! texts kept, what a person changed left alone) or unchanged.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use serde_json::json;

use super::SourceInfo;
use crate::sql::{params, RowExt};
use crate::{activity, Result, Writer};
use casetrail_docket::{classify, Docket, DocketFormat, Entry};
use casetrail_model::{
    Certainty, EntryStatus, EventDate, EventId, EventKind, ImportedEntry, NewsChange, Operation,
    Proceeding,
};

/// What the merge did.
pub(super) struct Merged {
    pub entries: Vec<ImportedEntry>,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
}

/// An entry already on record, with the event it became.
struct OnRecord {
    event_id: EventId,
    court_text: String,
    written_title: String,
    written_kind: String,
    written_date: String,
    date_filed: NaiveDate,
    format: String,
    title: String,
    kind: EventKind,
    date: String,
    description: String,
}

/// The key an entry keeps across imports: its number, or for an unnumbered
/// entry its date and a hash of its text.
pub(super) fn entry_key(e: &Entry) -> String {
    match e
        .number
        .as_deref()
        .map(number_key)
        .filter(|n| !n.is_empty())
    {
        Some(n) => format!("n:{n}"),
        None => format!(
            "u:{}:{:016x}",
            e.date_filed,
            fnv(&squash(&e.description).to_lowercase())
        ),
    }
}

/// "Doc. 47", "ECF No. 47", "47" → "47".
fn number_key(n: &str) -> String {
    let l = n.trim().to_ascii_lowercase();
    let l = [
        "ecf no.", "ecf no", "dkt. no.", "dkt.", "doc. no.", "doc.", "doc", "no.",
    ]
    .iter()
    .find_map(|p| l.strip_prefix(p))
    .unwrap_or(&l)
    .trim();
    l.trim_start_matches('0').to_owned()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn title_for(e: &Entry) -> String {
    let t = classify::title(&e.description);
    match (t.is_empty(), &e.number) {
        (false, _) => t,
        (true, Some(n)) => format!("Docket entry {n}"),
        (true, None) => "Docket entry".to_owned(),
    }
}

/// Whether an RSS summary may stand in for a fuller text already on record.
fn is_summary(new: DocketFormat, old_format: &str) -> bool {
    new == DocketFormat::PacerRss && old_format != DocketFormat::PacerRss.as_str()
}

pub(super) fn merge(
    w: &mut Writer<'_>,
    p: &Proceeding,
    docket: &Docket,
    source: &SourceInfo,
) -> Result<Merged> {
    let mut on_record = load(w, p)?;
    let mut typed = typed_by_hand(w, p)?;
    let mut merged = Merged {
        entries: Vec::with_capacity(docket.entries.len()),
        added: 0,
        updated: 0,
        unchanged: 0,
    };
    let mut seen: HashMap<String, u32> = HashMap::new();
    for e in &docket.entries {
        let mut key = entry_key(e);
        let n = seen.entry(key.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            key = format!("{key}#{n}");
        }
        let status = if let Some(old) = on_record.remove(&key) {
            update(w, e, &old, source)?
        } else if let Some(event) = e
            .number
            .as_deref()
            .map(number_key)
            .and_then(|n| typed.remove(&n))
        {
            adopt(w, p, e, &key, event, source)?
        } else {
            add(w, p, e, &key, source)?;
            EntryStatus::Added
        };
        match status {
            EntryStatus::Added => merged.added += 1,
            EntryStatus::Updated => merged.updated += 1,
            EntryStatus::Unchanged => merged.unchanged += 1,
        }
        merged.entries.push(ImportedEntry {
            number: e.number.clone(),
            date_filed: e.date_filed,
            description: e.description.clone(),
            status,
        });
    }
    Ok(merged)
}

fn load(w: &Writer<'_>, p: &Proceeding) -> Result<HashMap<String, OnRecord>> {
    let mut stmt = w.tx.prepare_cached(
        "SELECT d.entry_key, d.event_id, d.court_text, d.written_title, d.written_kind,
                d.written_date, d.date_filed, d.format, e.title, e.kind, e.date, e.description
         FROM docket_entries d JOIN events e ON e.id = d.event_id
         WHERE d.proceeding_id = ?1",
    )?;
    let rows = stmt.query_map(params![p.id], |r| {
        Ok((
            r.col::<_, String>(0)?,
            OnRecord {
                event_id: r.col(1)?,
                court_text: r.col(2)?,
                written_title: r.col(3)?,
                written_kind: r.col(4)?,
                written_date: r.col(5)?,
                date_filed: r.col(6)?,
                format: r.col(7)?,
                title: r.col(8)?,
                kind: r.col(9)?,
                date: r.col(10)?,
                description: r.col(11)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Numbered events a person logged on this proceeding, by entry number.
fn typed_by_hand(w: &Writer<'_>, p: &Proceeding) -> Result<HashMap<String, (EventId, String)>> {
    let mut stmt = w.tx.prepare_cached(
        "SELECT e.id, e.entry, e.description FROM events e
         WHERE e.proceeding_id = ?1 AND e.entry IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM docket_entries d WHERE d.event_id = e.id)
         ORDER BY e.id",
    )?;
    let rows = stmt.query_map(params![p.id], |r| {
        Ok((
            r.col::<_, EventId>(0)?,
            r.col::<_, String>(1)?,
            r.col::<_, String>(2)?,
        ))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (id, entry, description) = row?;
        out.entry(number_key(&entry)).or_insert((id, description));
    }
    Ok(out)
}

fn news(
    w: &Writer<'_>,
    event: EventId,
    change: NewsChange,
    old: Option<&str>,
    new: &str,
    source: &SourceInfo,
) -> Result<()> {
    w.tx.prepare_cached(
        "INSERT INTO docket_news (event_id, change, old_text, new_text, source_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![event, change, old, new, source.id])?;
    Ok(())
}

fn add(w: &Writer<'_>, p: &Proceeding, e: &Entry, key: &str, source: &SourceInfo) -> Result<()> {
    let (kind, outcome) = classify::classify(&e.description);
    let title = title_for(e);
    let date = EventDate::day(e.date_filed);
    let now = Utc::now();
    w.tx.prepare_cached(
        "INSERT INTO events (proceeding_id, date, kind, title, description, entry, outcome,
                             source, certainty, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
    )?
    .execute(params![
        p.id,
        date,
        kind,
        title,
        e.description,
        e.number.as_deref().map(str::trim).filter(|n| !n.is_empty()),
        outcome,
        source.label,
        Certainty::Confirmed,
        now
    ])?;
    let event = EventId(w.tx.last_insert_rowid());
    record_entry(
        w,
        p,
        e,
        key,
        event,
        (&title, kind, &date.to_string()),
        source,
    )?;
    news(w, event, NewsChange::Added, None, &e.description, source)?;
    activity::record(
        &w.tx,
        w.actor,
        Operation::Create,
        "event",
        event.0,
        json!({
            "proceeding_id": [null, p.id], "date": [null, date], "kind": [null, kind],
            "title": [null, title], "outcome": [null, outcome], "entry": [null, e.number],
            "source": [null, source.label],
        }),
    )?;
    Ok(())
}

/// Keep the court's record of an entry beside its event; `written` is what
/// the import put in the event (empty for an event a person typed: never
/// overwritten).
fn record_entry(
    w: &Writer<'_>,
    p: &Proceeding,
    e: &Entry,
    key: &str,
    event: EventId,
    written: (&str, EventKind, &str),
    source: &SourceInfo,
) -> Result<()> {
    let kind = if written.0.is_empty() {
        ""
    } else {
        written.1.as_str()
    };
    w.tx.prepare_cached(
        "INSERT INTO docket_entries (event_id, proceeding_id, entry_key, number, date_filed, date_entered,
             court_text, written_title, written_kind, written_date, document_ids, format, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        event,
        p.id,
        key,
        e.number,
        e.date_filed,
        e.date_entered,
        e.description,
        written.0,
        kind,
        written.2,
        serde_json::to_string(&e.document_ids).unwrap_or_else(|_| "[]".into()),
        source.format.as_str(),
        source.id
    ])?;
    Ok(())
}

/// An event a person logged with this entry's number becomes the entry's
/// event; its fields stay as typed, the court's text is kept beside it.
fn adopt(
    w: &Writer<'_>,
    p: &Proceeding,
    e: &Entry,
    key: &str,
    (event, typed): (EventId, String),
    source: &SourceInfo,
) -> Result<EntryStatus> {
    record_entry(w, p, e, key, event, ("", EventKind::Entry, ""), source)?;
    activity::record(
        &w.tx,
        w.actor,
        Operation::Update,
        "event",
        event.0,
        json!({"docket_entry": [null, {"number": e.number, "court_text": e.description}], "source": [null, source.label]}),
    )?;
    if squash(&typed) == squash(&e.description) {
        return Ok(EntryStatus::Unchanged);
    }
    news(
        w,
        event,
        NewsChange::Updated,
        Some(&typed),
        &e.description,
        source,
    )?;
    Ok(EntryStatus::Updated)
}

fn update(w: &Writer<'_>, e: &Entry, old: &OnRecord, source: &SourceInfo) -> Result<EntryStatus> {
    if is_summary(source.format, &old.format) {
        return Ok(EntryStatus::Unchanged);
    }
    let same_text = squash(&old.court_text) == squash(&e.description);
    if same_text && old.date_filed == e.date_filed {
        return Ok(EntryStatus::Unchanged);
    }
    let (kind, outcome) = classify::classify(&e.description);
    let title = title_for(e);
    let date = EventDate::day(e.date_filed).to_string();
    // Each field moves only while it still holds what an import wrote.
    let set_description = old.description == old.court_text;
    let set_title = !old.written_title.is_empty() && old.title == old.written_title;
    let set_kind = !old.written_kind.is_empty() && old.kind.as_str() == old.written_kind;
    let set_date = !old.written_date.is_empty() && old.date == old.written_date;
    w.tx.prepare_cached(
        "UPDATE events SET
            description = CASE WHEN ?2 THEN ?3 ELSE description END,
            title = CASE WHEN ?4 THEN ?5 ELSE title END,
            kind = CASE WHEN ?6 THEN ?7 ELSE kind END,
            outcome = CASE WHEN ?6 THEN ?8 ELSE outcome END,
            date = CASE WHEN ?9 THEN ?10 ELSE date END,
            updated_at = ?11
         WHERE id = ?1",
    )?
    .execute(params![
        old.event_id,
        set_description,
        e.description,
        set_title,
        title,
        set_kind,
        kind,
        outcome,
        set_date,
        date,
        Utc::now()
    ])?;
    w.tx.prepare_cached(
        "UPDATE docket_entries SET court_text = ?2, date_filed = ?3, date_entered = ?4,
             document_ids = ?5, format = ?6, updated_by = ?7,
             written_title = CASE WHEN ?8 THEN ?9 ELSE written_title END,
             written_kind = CASE WHEN ?10 THEN ?11 ELSE written_kind END,
             written_date = CASE WHEN ?12 THEN ?13 ELSE written_date END
         WHERE event_id = ?1",
    )?
    .execute(params![
        old.event_id,
        e.description,
        e.date_filed,
        e.date_entered,
        serde_json::to_string(&e.document_ids).unwrap_or_else(|_| "[]".into()),
        source.format.as_str(),
        source.id,
        set_title,
        title,
        set_kind,
        kind.as_str(),
        set_date,
        date
    ])?;
    news(
        w,
        old.event_id,
        NewsChange::Updated,
        Some(&old.court_text),
        &e.description,
        source,
    )?;
    activity::record(
        &w.tx,
        w.actor,
        Operation::Update,
        "event",
        old.event_id.0,
        json!({
            "court_text": [old.court_text, e.description],
            "date_filed": [old.date_filed, e.date_filed],
            "kept_as_typed": {
                "description": !set_description, "title": !set_title, "kind": !set_kind, "date": !set_date,
            },
            "source": [null, source.label],
        }),
    )?;
    Ok(EntryStatus::Updated)
}
