//! The timeline report: one self-contained HTML page (no script, no network,
//! styles in the page) with the case's chronology across courts — an
//! overview with the courts as lanes, then one section per court (its
//! parties, the appeal it hears, every event with its outcome, stay span,
//! amicus filers, source and certainty), the deadlines with their rules and
//! trails, and a table of the documents. Printing breaks the page between
//! courts and never inside a row. All text is HTML-escaped.

mod lanes;
mod markup;

use std::collections::BTreeMap;

use crate::record::{CaseRecord, ProceedingRecord};
use casetrail_model::{EventKind, Side};
pub use markup::escape;
use markup::{row, table_head};

const STYLE: &str = "
body { font: 10.5pt/1.35 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; color: #111; margin: 2em; }
h1 { font-size: 18pt; margin: 0 0 .2em; } h2 { font-size: 13pt; margin: 1.2em 0 .4em; }
h3 { font-size: 11pt; margin: .8em 0 .3em; } .muted { color: #555; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
th, td { border-bottom: 1px solid #ccc; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #eee; font-size: 9pt; } td { font-size: 9.5pt; }
td:first-child { white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; } thead { display: table-header-group; }
section.court { break-before: page; page-break-before: always; }
.overview .lane { display: flex; align-items: center; margin: 4px 0; }
.lane-name { width: 11em; font-size: 9pt; flex: none; }
.track { position: relative; flex: 1; height: 16px; background: #f4f4f4; border: 1px solid #ddd; }
.mark { position: absolute; top: 2px; width: 4px; height: 12px; margin-left: -2px; }
.stay { position: absolute; top: 5px; height: 6px; background: #e7c46a; opacity: .8; }
.axis { display: flex; justify-content: space-between; margin-left: 11em; font-size: 8pt; color: #555; }
.win { background: #2e7d32; } .loss { background: #c62828; } .neutral { background: #6a1b9a; }
.amicus { background: #1565c0; } .filing { background: #888; }
.key { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 10px; }
.key.stay { position: static; background: #e7c46a; }
.badge { font-size: 8.5pt; padding: 0 4px; border-radius: 3px; color: #fff; }
.legend { font-size: 8.5pt; color: #333; }
@page { size: Letter; margin: 14mm; }
@media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
";

/// The report as one HTML document.
pub fn render(r: &CaseRecord) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<title>{} — timeline</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&r.case.name)
    ));
    out.push_str(&format!(
        "<header><h1>{}</h1><p>{}</p>",
        escape(&r.case.name),
        escape(&r.case.summary)
    ));
    if !r.tags.is_empty() {
        out.push_str(&format!(
            "<p class=\"muted\">Tags: {}</p>",
            escape(&r.tags.join(", "))
        ));
    }
    out.push_str(&format!(
        "<p class=\"muted\">{} proceedings, {} events, {} deadlines, {} documents.</p></header>\n",
        r.proceedings.len(),
        r.events.len(),
        r.deadlines.len(),
        r.documents.len()
    ));
    lanes::render(&mut out, r);
    deadlines(&mut out, r);
    documents(&mut out, r);
    for p in &r.proceedings {
        court(&mut out, r, p);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn court(out: &mut String, r: &CaseRecord, p: &ProceedingRecord) {
    let pr = &p.proceeding;
    out.push_str(&format!(
        "<section class=\"court\"><h2>{} — {}</h2>\n<p>{}</p>\n",
        escape(&p.court.name),
        escape(&pr.docket_number),
        escape(&pr.caption)
    ));
    if let Some(from) = pr.appeal_from {
        if let Some(lower) = r.proceedings.iter().find(|x| x.proceeding.id == from) {
            let ruling = pr
                .appeal_from_event
                .and_then(|id| r.events.iter().find(|e| e.event.id == id))
                .map(|e| format!(" from “{}” ({})", e.event.title, e.event.date))
                .unwrap_or_default();
            out.push_str(&format!(
                "<p><strong>Appeal</strong> from {} {}{}</p>\n",
                escape(&lower.proceeding.court),
                escape(&lower.proceeding.docket_number),
                escape(&ruling)
            ));
        }
    }
    let people: Vec<String> = p
        .parties
        .iter()
        .map(|x| format!("{} ({})", x.name, x.role.label()))
        .collect();
    if !people.is_empty() {
        out.push_str(&format!(
            "<p><strong>Parties:</strong> {}</p>\n",
            escape(&people.join("; "))
        ));
    }
    let judges: Vec<String> = p
        .judges
        .iter()
        .map(|(n, role)| format!("{n} ({})", role.label()))
        .collect();
    if !judges.is_empty() {
        out.push_str(&format!(
            "<p><strong>Judges:</strong> {}</p>\n",
            escape(&judges.join("; "))
        ));
    }
    let events: Vec<_> = r
        .events
        .iter()
        .filter(|e| e.event.proceeding_id == pr.id)
        .collect();
    table_head(
        out,
        "events",
        &["Date", "Entry", "Kind", "Event", "Source", "Certainty"],
    );
    for t in &events {
        let e = &t.event;
        let mut what = e.title.clone();
        if let Some(o) = e.outcome {
            what.push_str(&format!(" — {}", o.label()));
        }
        if let Some(s) = &e.stay {
            match s.lifted_on {
                Some(d) => what.push_str(&format!(" (stay from {} to {d})", s.granted_on)),
                None => what.push_str(&format!(" (stay from {}, in effect)", s.granted_on)),
            }
        }
        if let Some(side) = e.side {
            what.push_str(&format!(" [{}]", side.label()));
        }
        if !e.parties.is_empty() && e.kind != EventKind::AmicusBrief {
            let names: Vec<&str> = e.parties.iter().map(|x| x.name.as_str()).collect();
            what.push_str(&format!(" — filed by {}", names.join(", ")));
        }
        row(
            out,
            &[
                &e.date.to_string(),
                e.entry.as_deref().unwrap_or(""),
                e.kind.label(),
                &what,
                &e.source,
                e.certainty.label(),
            ],
        );
    }
    out.push_str("</tbody></table>\n");
    amicus_waves(out, &events);
    out.push_str("</section>\n");
}

/// Amicus briefs filed the same day for the same side, with their filers.
fn amicus_waves(out: &mut String, events: &[&casetrail_model::TimelineEvent]) {
    let mut waves: BTreeMap<(String, Option<&'static str>), Vec<String>> = BTreeMap::new();
    for t in events
        .iter()
        .filter(|t| t.event.kind == EventKind::AmicusBrief)
    {
        let side = t.event.side.map(Side::label);
        let filers = waves.entry((t.event.date.to_string(), side)).or_default();
        if t.event.parties.is_empty() {
            filers.push(t.event.title.clone());
        }
        filers.extend(t.event.parties.iter().map(|p| p.name.clone()));
    }
    if waves.is_empty() {
        return;
    }
    out.push_str("<h3>Amicus waves</h3>\n");
    table_head(out, "amicus", &["Date", "Supports", "Filers"]);
    for ((date, side), filers) in &waves {
        row(
            out,
            &[
                date,
                side.unwrap_or("—"),
                &format!("{} filers: {}", filers.len(), filers.join("; ")),
            ],
        );
    }
    out.push_str("</tbody></table>\n");
}

fn deadlines(out: &mut String, r: &CaseRecord) {
    if r.deadlines.is_empty() {
        return;
    }
    out.push_str("<section class=\"deadlines\"><h2>Deadlines</h2>\n");
    table_head(
        out,
        "deadlines",
        &["Due", "Deadline", "Rule", "Status", "How it was computed"],
    );
    for d in &r.deadlines {
        let trail: Vec<String> = d
            .computation
            .iter()
            .flat_map(|c| &c.steps)
            .map(|s| format!("{}: {} [{}]", s.date, s.note, s.cite))
            .collect();
        let how = if trail.is_empty() {
            d.basis()
        } else {
            format!("{}. {}", d.basis(), trail.join("; "))
        };
        row(
            out,
            &[
                &d.due.to_string(),
                &d.title,
                d.rule.as_deref().unwrap_or(""),
                d.status.as_str(),
                &how,
            ],
        );
    }
    out.push_str("</tbody></table></section>\n");
}

fn documents(out: &mut String, r: &CaseRecord) {
    out.push_str("<section class=\"documents\"><h2>Documents</h2>\n");
    if r.documents.is_empty() {
        out.push_str("<p class=\"muted\">No documents are filed with this case.</p></section>\n");
        return;
    }
    table_head(
        out,
        "documents",
        &["Document", "File", "Pages", "Event", "SHA-256"],
    );
    for d in &r.documents {
        let doc = &d.document;
        let event = doc
            .event_id
            .and_then(|id| r.events.iter().find(|e| e.event.id == id))
            .map(|e| format!("{} {}", e.event.date, e.event.title))
            .unwrap_or_default();
        row(
            out,
            &[
                &doc.title,
                &doc.original_name,
                &doc.page_count.to_string(),
                &event,
                &doc.sha256[..doc.sha256.len().min(12)],
            ],
        );
    }
    out.push_str("</tbody></table></section>\n");
}
