//! What an extraction becomes in the record: the extractor's page outcomes
//! (`casetrail_extract`) as the model's pages and OCR status, the words the
//! store keeps and the app shows.

use casetrail_extract::{OcrState, PageStatus as Extracted, PageText};
use casetrail_model::{OcrStatus, Page, PageStatus};
use casetrail_store::FoundRedaction;

/// One extracted page as a page of the record; a failed page keeps its reason.
pub(crate) fn page(p: PageText) -> Page {
    let (status, failure) = match p.status {
        Extracted::Text => (PageStatus::Text, None),
        Extracted::Ocr => (PageStatus::Ocr, None),
        Extracted::Empty => (PageStatus::Empty, None),
        Extracted::NeedsOcr => (PageStatus::NeedsOcr, None),
        Extracted::Failed(reason) => (PageStatus::Failed, Some(reason)),
    };
    Page {
        number: p.number,
        status,
        failure,
        text: p.text,
    }
}

/// The bad redactions the extraction found, page by page, as the store keeps them.
pub(crate) fn bad_redactions(pages: &[PageText]) -> Vec<FoundRedaction> {
    pages
        .iter()
        .flat_map(|p| {
            p.bad_redactions.iter().map(move |r| FoundRedaction {
                page: p.number,
                // Hundredths of a point: what the text under it can tell apart.
                rect: r.rect.map(|v| (f64::from(v) * 100.0).round() / 100.0),
                text: r.text.clone(),
            })
        })
        .collect()
}

/// Whether OCR was used, as the record says it (the detail of an unavailable
/// OCR goes to the document's warnings).
pub(crate) fn ocr_status(state: &OcrState) -> OcrStatus {
    match state {
        OcrState::NotNeeded => OcrStatus::NotNeeded,
        OcrState::Used => OcrStatus::Used,
        OcrState::Disabled => OcrStatus::Disabled,
        OcrState::Unavailable(_) => OcrStatus::Unavailable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_page_keeps_its_reason() {
        let p = page(PageText {
            number: 3,
            status: Extracted::Failed("damaged content stream".into()),
            text: String::new(),
            bad_redactions: Vec::new(),
        });
        assert_eq!(p.status, PageStatus::Failed);
        assert_eq!(p.failure.as_deref(), Some("damaged content stream"));
        assert_eq!(
            ocr_status(&OcrState::Unavailable("tesseract".into())),
            OcrStatus::Unavailable
        );
    }
}
