//! `documents` and `link`: what was imported, and confirming or changing what
//! each document belongs to.

use std::collections::HashMap;

use casetrail_model::{Document, DocumentId, EventId};
use casetrail_store::Result;
use casetrail_store::Store;
use clap::Args;
use serde_json::json;

use crate::output::{self, clip};

/// Arguments of `casetrail documents`.
#[derive(Args)]
pub struct DocumentsArgs {
    /// Only the documents of this case (id, key or a unique part of its name).
    #[arg(long)]
    case: Option<String>,
    /// List the bad redactions instead: dark rectangles with readable text
    /// under them (document, page, rectangle, the text).
    #[arg(long)]
    bad_redactions: bool,
}

pub fn list(store: &Store, args: &DocumentsArgs, json: bool) -> Result<()> {
    let case = args
        .case
        .as_deref()
        .map(|c| store.find_case(c))
        .transpose()?;
    let docs = store.documents(case.as_ref().map(|c| c.id))?;
    if args.bad_redactions {
        return bad_redactions(store, &docs, json);
    }
    if json {
        return output::json(&json!({ "documents": docs }));
    }
    if docs.is_empty() {
        println!("No documents yet. Import PDFs with: casetrail import PATH...");
    }
    for d in docs {
        let court = d
            .detected
            .get("court")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let docket = d
            .detected
            .get("docket_number")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let link = match (d.case_id, d.proceeding_id) {
            (_, Some(p)) => format!("proceeding #{p}"),
            (Some(c), None) => format!("case #{c}"),
            (None, None) => "not linked".to_owned(),
        };
        println!(
            "#{:<5} {:>4} p.  {:<40} {} {}  [{}]",
            d.id,
            d.page_count,
            clip(&d.title, 40),
            court,
            docket,
            link
        );
    }
    Ok(())
}

/// `documents --bad-redactions`: each rectangle that hides nothing, with its
/// document and page; rectangles in points from the page's top left.
fn bad_redactions(store: &Store, docs: &[Document], json: bool) -> Result<()> {
    let titles: HashMap<DocumentId, &str> = docs.iter().map(|d| (d.id, d.title.as_str())).collect();
    let found: Vec<_> = store
        .bad_redactions(None)?
        .into_iter()
        .filter(|r| titles.contains_key(&r.document_id))
        .collect();
    if json {
        let list: Vec<_> = found
            .iter()
            .map(|r| {
                json!({
                    "document_id": r.document_id,
                    "title": titles[&r.document_id],
                    "page": r.page,
                    "rect": r.rect,
                    "text": r.text,
                })
            })
            .collect();
        return output::json(&json!({ "bad_redactions": list }));
    }
    if found.is_empty() {
        println!("No bad redactions found.");
    }
    for r in &found {
        let [x0, y0, x1, y1] = r.rect;
        println!(
            "#{:<5} {:<30} p.{:<4} [{x0:.1}, {y0:.1}, {x1:.1}, {y1:.1}]  {}",
            r.document_id,
            clip(titles[&r.document_id], 30),
            r.page,
            clip(&r.text, 60)
        );
    }
    Ok(())
}

/// Arguments of `casetrail link`.
#[derive(Args)]
pub struct LinkArgs {
    /// The document id (see `casetrail documents`).
    document: i64,
    /// The case it belongs to (id, key or a unique part of its name).
    #[arg(long)]
    case: Option<String>,
    /// The proceeding within the case: docket number, alias or court.
    #[arg(long, requires = "case")]
    proceeding: Option<String>,
    /// The docket event it is the filing of (event id, from `timeline --json`).
    #[arg(long, requires = "proceeding")]
    event: Option<i64>,
    /// Detach the document from any case.
    #[arg(long, conflicts_with_all = ["case", "proceeding", "event"])]
    unlink: bool,
}

pub fn link(store: &mut Store, args: &LinkArgs, json: bool) -> Result<()> {
    let id = DocumentId(args.document);
    store.document(id)?;
    if !args.unlink && args.case.is_none() {
        return Err(casetrail_store::Error::invalid(
            "say what the document belongs to (--case, --proceeding, --event) or --unlink",
        ));
    }
    let case = args
        .case
        .as_deref()
        .map(|c| store.find_case(c))
        .transpose()?;
    let proceeding = match (&case, &args.proceeding) {
        (Some(c), Some(p)) => Some(store.find_proceeding(c.id, p)?.id),
        _ => None,
    };
    let doc = store.link_document(id, case.map(|c| c.id), proceeding, args.event.map(EventId))?;
    if json {
        return output::json(&doc);
    }
    match (doc.case_id, doc.proceeding_id, doc.event_id) {
        (None, ..) => println!("Document #{} is no longer linked to a case.", doc.id),
        (Some(c), p, e) => println!(
            "Document #{} {} linked to case #{c}{}{}.",
            doc.id,
            clip(&doc.title, 50),
            p.map(|p| format!(", proceeding #{p}")).unwrap_or_default(),
            e.map(|e| format!(", event #{e}")).unwrap_or_default()
        ),
    }
    Ok(())
}
