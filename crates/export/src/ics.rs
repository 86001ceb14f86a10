//! Calendars (RFC 5545) of deadlines and hearings.
//!
//! * Deadlines are all-day events (`DTSTART;VALUE=DATE`, `DTEND` the next
//!   day, `TRANSP:TRANSPARENT`); hearings, arguments and conferences are timed
//!   when their docket text gives a time of day (floating local time: the
//!   court's own clock), all-day otherwise. Events dated only to the month are
//!   left out: a calendar needs a day.
//! * Every event's UID comes from its record and the database's identity:
//!   `deadline-<id>@<database>.casetrail` or `event-<id>@<database>.casetrail`,
//!   so exporting again updates the user's calendar instead of duplicating,
//!   and two databases never collide.
//! * `SEQUENCE` is what the store says: it rises each time the event's
//!   [`CalendarEvent::fingerprint`] (day, time, summary, status) changes
//!   between exports.
//! * Status: an open deadline is `STATUS:CONFIRMED`; a done one keeps
//!   `CONFIRMED` with its summary prefixed "Done: "; a missed one "Missed: ";
//!   a superseded one is `STATUS:CANCELLED`. `X-CASETRAIL-STATUS` carries the
//!   word. Only open deadlines and hearings get a `VALARM`, `warning_days`
//!   before (the user's warning window; on the day when it is 0).
//! * `DESCRIPTION` holds the case, the proceeding, where the date comes from,
//!   the rule's citation and every step of the computation.

mod clock;
mod lines;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::record::{CalendarSource, Hearing};
use casetrail_deadline::{DeadlineEntry, DeadlineStatus};
use casetrail_model::EventKind;
pub use clock::time_in;
pub use lines::{escape, fold_into};

/// When an event starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// All day.
    Day(NaiveDate),
    /// At a time of day, floating (local to the court).
    At(NaiveDateTime),
}

/// `STATUS` of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Confirmed,
    Cancelled,
}

/// One `VEVENT`, before it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEvent {
    pub uid: String,
    pub start: Start,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub status: Status,
    /// The record's own status word (`X-CASETRAIL-STATUS`).
    pub record_status: String,
    /// Days before the start to remind, if at all.
    pub alarm_days: Option<u32>,
    /// Set by the store from what it last exported.
    pub sequence: u32,
}

impl CalendarEvent {
    /// What a calendar program would show as changed: when SEQUENCE must rise.
    pub fn fingerprint(&self) -> String {
        let start = match self.start {
            Start::Day(d) => d.to_string(),
            Start::At(t) => t.to_string(),
        };
        format!("{start}\n{}\n{:?}", self.summary, self.status)
    }
}

/// The events of a calendar: every deadline, and every hearing known to the day.
pub fn events(source: &CalendarSource) -> Vec<CalendarEvent> {
    let deadlines = source.deadlines.iter().map(|d| deadline_event(source, d));
    let hearings = source
        .hearings
        .iter()
        .filter_map(|h| hearing_event(source, h));
    deadlines.chain(hearings).collect()
}

/// Whether an event of this kind belongs in a calendar as a hearing.
pub fn is_hearing(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Hearing | EventKind::Argument | EventKind::Conference
    )
}

fn uid(what: &str, id: i64, database: &str) -> String {
    format!("{what}-{id}@{database}.casetrail")
}

fn deadline_event(source: &CalendarSource, entry: &DeadlineEntry) -> CalendarEvent {
    let d = &entry.deadline;
    let (prefix, status) = match d.status {
        DeadlineStatus::Open => ("", Status::Confirmed),
        DeadlineStatus::Done => ("Done: ", Status::Confirmed),
        DeadlineStatus::Missed => ("Missed: ", Status::Confirmed),
        DeadlineStatus::Superseded => ("Superseded: ", Status::Cancelled),
    };
    let mut text = vec![format!("Case: {}", entry.case_name)];
    if let Some(p) = &entry.proceeding {
        text.push(format!("Proceeding: {p}"));
    }
    text.push(format!("Due: {} ({})", d.due, d.basis()));
    if let Some(rule) = &d.rule {
        let part = d
            .part
            .as_deref()
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        text.push(format!("Rule: {rule}{part}"));
    }
    text.push(format!("Status: {}", d.status));
    if let Some(c) = &d.computation {
        text.push("How it was computed:".to_string());
        for s in &c.steps {
            let cite = if s.cite.is_empty() {
                String::new()
            } else {
                format!(" [{}]", s.cite)
            };
            text.push(format!("{} — {}{cite}", s.date, s.note));
        }
    }
    if !d.notes.is_empty() {
        text.push(format!("Notes: {}", d.notes));
    }
    CalendarEvent {
        uid: uid("deadline", d.id.0, &source.database),
        start: Start::Day(d.due),
        summary: format!("{prefix}{} — {}", d.title, entry.case_name),
        description: text.join("\n"),
        location: entry.proceeding.clone().unwrap_or_default(),
        status,
        record_status: d.status.to_string(),
        alarm_days: (d.status == DeadlineStatus::Open).then_some(source.warning_days),
        sequence: 0,
    }
}

fn hearing_event(source: &CalendarSource, h: &Hearing) -> Option<CalendarEvent> {
    let e = &h.event.event;
    let day = e.date.exact()?;
    let start = match time_in(&e.title).or_else(|| time_in(&e.description)) {
        Some(t) => Start::At(day.and_time(t)),
        None => Start::Day(day),
    };
    let docket = format!("{} {}", h.event.court, h.event.docket);
    let mut text = vec![
        format!("Case: {}", h.case_name),
        format!("Proceeding: {docket}"),
        format!("{}: {}", e.kind.label(), e.title),
    ];
    if !e.description.is_empty() {
        text.push(e.description.clone());
    }
    if !e.source.is_empty() {
        text.push(format!("Source: {}", e.source));
    }
    text.push(format!("Certainty: {}", e.certainty.label()));
    Some(CalendarEvent {
        uid: uid("event", e.id.0, &source.database),
        start,
        summary: format!("{} — {}", e.title, h.case_name),
        description: text.join("\n"),
        location: docket,
        status: Status::Confirmed,
        record_status: e.kind.to_string(),
        alarm_days: Some(source.warning_days),
        sequence: 0,
    })
}

/// The calendar as text: CRLF line ends, folded at 75 octets.
pub fn render(source: &CalendarSource, events: &[CalendarEvent]) -> String {
    let mut out = lines::Lines::default();
    out.raw("BEGIN", "VCALENDAR");
    out.raw("VERSION", "2.0");
    out.raw("PRODID", "-//Casetrail//Casetrail export//EN");
    out.raw("CALSCALE", "GREGORIAN");
    out.raw("METHOD", "PUBLISH");
    out.text("X-WR-CALNAME", &source.name);
    let stamp = source.stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for e in events {
        out.raw("BEGIN", "VEVENT");
        out.text("UID", &e.uid);
        out.raw("DTSTAMP", &stamp);
        match e.start {
            Start::Day(d) => {
                out.raw("DTSTART;VALUE=DATE", &day(d));
                out.raw("DTEND;VALUE=DATE", &day(d + Duration::days(1)));
                out.raw("TRANSP", "TRANSPARENT");
            }
            Start::At(t) => {
                out.raw("DTSTART", &time(t));
                out.raw("DTEND", &time(t + Duration::hours(1)));
            }
        }
        out.raw("SEQUENCE", &e.sequence.to_string());
        out.text("SUMMARY", &e.summary);
        out.text("DESCRIPTION", &e.description);
        if !e.location.is_empty() {
            out.text("LOCATION", &e.location);
        }
        out.raw(
            "STATUS",
            match e.status {
                Status::Confirmed => "CONFIRMED",
                Status::Cancelled => "CANCELLED",
            },
        );
        out.text("X-CASETRAIL-STATUS", &e.record_status);
        if let Some(days) = e.alarm_days {
            out.raw("BEGIN", "VALARM");
            out.raw("ACTION", "DISPLAY");
            out.text("DESCRIPTION", &e.summary);
            out.raw("TRIGGER", &trigger(days));
            out.raw("END", "VALARM");
        }
        out.raw("END", "VEVENT");
    }
    out.raw("END", "VCALENDAR");
    out.text
}

fn day(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

fn time(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// The alarm's offset from the start: `-P7D`, or `PT0S` on the day.
fn trigger(days: u32) -> String {
    if days == 0 {
        "PT0S".to_string()
    } else {
        format!("-P{days}D")
    }
}
