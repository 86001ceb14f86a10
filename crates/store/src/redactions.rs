//! Bad redactions: the dark rectangles that hide nothing, found on import,
//! with the page and the text still under each (`bad_redactions`, migration
//! 0011). Written with the document they belong to, in its transaction.

use crate::sql::{params, RowExt};
use rusqlite::Row;
use serde::Serialize;

use super::{documents, Store, Writer};
use crate::Result;
use casetrail_model::DocumentId;

/// One rectangle on one page that leaves its text readable.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BadRedaction {
    pub document_id: DocumentId,
    /// 1-based page number.
    pub page: u32,
    /// `[x0, y0, x1, y1]` in points, origin at the top left of the page, y down.
    pub rect: [f64; 4],
    /// The text under the rectangle.
    pub text: String,
}

/// A bad redaction found on a page, before it has a document.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundRedaction {
    pub page: u32,
    pub rect: [f64; 4],
    pub text: String,
}

const COLUMNS: &str = "document_id, page, x0, y0, x1, y1, text";

fn from_row(r: &Row<'_>) -> rusqlite::Result<BadRedaction> {
    Ok(BadRedaction {
        document_id: r.col(0)?,
        page: r.col(1)?,
        rect: [r.col(2)?, r.col(3)?, r.col(4)?, r.col(5)?],
        text: r.col(6)?,
    })
}

impl Store {
    /// Every bad redaction, by document and page (one document's with `document`).
    pub fn bad_redactions(&self, document: Option<DocumentId>) -> Result<Vec<BadRedaction>> {
        if let Some(id) = document {
            documents::get(&self.conn, id)?;
        }
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM bad_redactions
             WHERE ?1 IS NULL OR document_id = ?1
             ORDER BY document_id, page, id"
        ))?;
        let rows = stmt.query_map(params![document], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Writer<'_> {
    /// Record the bad redactions found in `document` (on import, with it).
    pub fn add_bad_redactions(
        &mut self,
        document: DocumentId,
        found: &[FoundRedaction],
    ) -> Result<()> {
        let mut stmt = self.tx.prepare(
            "INSERT INTO bad_redactions (document_id, page, x0, y0, x1, y1, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for f in found {
            stmt.execute(params![
                document, f.page, f.rect[0], f.rect[1], f.rect[2], f.rect[3], f.text
            ])?;
        }
        Ok(())
    }
}
