//! `documents` and `link`: what was imported, and confirming or changing what
//! each document belongs to.

use casetrail_model::{DocumentId, EventId};
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
}

pub fn list(store: &Store, args: &DocumentsArgs, json: bool) -> Result<()> {
    let case = args
        .case
        .as_deref()
        .map(|c| store.find_case(c))
        .transpose()?;
    let docs = store.documents(case.as_ref().map(|c| c.id))?;
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
