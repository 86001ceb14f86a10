//! A case's docket events as CSV (RFC 4180): UTF-8 without a byte-order mark,
//! a header row, CRLF line ends, a field quoted when it holds a comma, a quote
//! or a line break (quotes doubled). One row per event, in date order; kinds
//! and outcomes in words people read ("Amicus brief", "Vacated as moot").
//!
//! A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
//! gets a leading `'`, so a spreadsheet shows docket text as text and never
//! runs it as a formula (CSV injection: a title `=HYPERLINK(…)` from a
//! docket would otherwise be live when the file is opened).

use crate::record::CaseRecord;
use casetrail_model::TimelineEvent;

/// The header row.
pub const HEADER: [&str; 8] = [
    "date", "court", "docket", "entry", "kind", "outcome", "title", "source",
];

/// Every event of the case, one row each.
pub fn render(record: &CaseRecord) -> String {
    render_events(&record.events)
}

/// These events, one row each, after the header.
pub fn render_events(events: &[TimelineEvent]) -> String {
    let mut out = String::new();
    row(&mut out, HEADER.iter().copied());
    for e in events {
        let ev = &e.event;
        let date = ev.date.to_string();
        row(
            &mut out,
            [
                date.as_str(),
                e.court.as_str(),
                e.docket.as_str(),
                ev.entry.as_deref().unwrap_or(""),
                ev.kind.label(),
                ev.outcome.map(|o| o.label()).unwrap_or(""),
                ev.title.as_str(),
                ev.source.as_str(),
            ],
        );
    }
    out
}

fn row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, f);
    }
    out.push_str("\r\n");
}

fn field(out: &mut String, f: &str) {
    let guarded;
    let f = if f.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{f}");
        guarded.as_str()
    } else {
        f
    };
    if f.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&f.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_quoting() {
        let mut out = String::new();
        row(&mut out, ["plain", "a,b", "say \"hi\"", "two\nlines", ""]);
        assert_eq!(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }

    #[test]
    fn cells_a_spreadsheet_would_run_get_a_leading_quote() {
        let mut out = String::new();
        row(
            &mut out,
            [
                "=HYPERLINK(\"http://x\",\"y\")",
                "+1",
                "-2+3",
                "@SUM(A1)",
                "\tTab",
                "\rCR",
                "a=b",
                "2014-09-08",
            ],
        );
        assert_eq!(
            out,
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,'-2+3,'@SUM(A1),'\tTab,\"'\rCR\",a=b,2014-09-08\r\n"
        );
    }
}
