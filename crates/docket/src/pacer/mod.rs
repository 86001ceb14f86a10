//! PACER's CM/ECF pages: district and bankruptcy docket reports, the
//! appellate docket report, and ACMS's JSON.

pub mod acms;
pub mod appellate;
pub mod district;

/// Messages CM/ECF prints instead of a docket report, and what to tell the
/// user for each (juriscraper's list of pages that are not dockets).
const NOT_A_REPORT: &[(&str, &str)] = &[
    (
        "to accept charges shown below, click on the 'view report' button",
        "this PACER page asks you to accept the charges for the docket report, not the \
         report itself: click \"View Report\" and save the page that follows",
    ),
    (
        "the report may take a long time to run because this case has many docket entries",
        "this PACER page asks which entries to include because the case has many, not the \
         docket report itself: choose a range and save the report that follows",
    ),
    (
        "this case was administratively closed.",
        "PACER shows no docket for this case: it says the case was administratively closed",
    ),
    (
        "this case is in the process of being opened",
        "PACER shows no docket for this case yet: it says the case is still being opened; \
         try again later",
    ),
    (
        "case not found.",
        "this PACER page says the case was not found, so there is no docket report in it",
    ),
    (
        "there are no documents in this case.",
        "this PACER page says there are no documents in the case, so there is no docket \
         report in it",
    ),
    (
        "the page id does not exist.",
        "this is a PACER error page (\"The page ID does not exist\"), not a docket report: \
         run the report again from the Query or Reports menu",
    ),
    (
        "incomplete request. please try your query again",
        "this is a PACER error page (\"Incomplete request\"), not a docket report: run the \
         report again from the Query or Reports menu",
    ),
    (
        "the start date must be less than or equal to the end date",
        "this is a PACER error page (the report's start date is after its end date), not a \
         docket report",
    ),
    (
        "the starting document number must be less than or equal to the ending document number",
        "this is a PACER error page (the first document number is after the last), not a \
         docket report",
    ),
    (
        "either you do not have permission to view the document, or the document does not exist",
        "this is a PACER error page (no permission, or no such document), not a docket report",
    ),
    (
        "server timeout waiting for the http request",
        "this is a server time-out page from PACER, not a docket report: run the report again",
    ),
    (
        "submission already made, please wait for response from server",
        "this is PACER's \"submission already made\" page, not a docket report: wait for the \
         report and save it",
    ),
    (
        "unable to create pdf file.",
        "this is a PACER error page (\"Unable to create PDF file\"), not a docket report",
    ),
    (
        "invalid date_from:",
        "this is a PACER error page (an invalid start date), not a docket report",
    ),
];

/// Pages PACER serves that are not docket reports, named so the user knows
/// what they saved instead.
pub fn not_a_docket(text: &str) -> Option<String> {
    let head = head(text, 16 * 1024);
    let lower = head.to_ascii_lowercase();
    let login = lower.contains("type=\"password\"") || lower.contains("type='password'");
    if login && (lower.contains("pacer") || lower.contains("cm/ecf") || lower.contains("login")) {
        return Some(
            "this is a PACER login page, not a docket report: sign in, run the docket \
             report, and save that page"
                .to_owned(),
        );
    }
    let docket = text.contains("Docket Text")
        || text.contains("DOCKET FOR CASE")
        || appellate::looks_like(text);
    if !docket && (lower.contains("recap-action-button") || lower.contains("recap actions")) {
        return Some(
            "this page holds only the RECAP extension's button, no docket report: it was saved before PACER's page had loaded; open the docket report again and save it once it has loaded"
                .to_owned(),
        );
    }
    let cmecf = lower.contains("cm/ecf")
        || lower.contains("uscourts.gov")
        || lower.contains("/cgi-bin/")
        || lower.contains("pacer");
    if !cmecf {
        return None;
    }
    // A docket report: only its own words below say what else it is.
    let report = text.contains("Docket Text")
        || text.contains("represented&nbsp;by")
        || appellate::looks_like(text);
    if !report {
        let flat = crate::html::clean(&text_of(head)).to_ascii_lowercase();
        if let Some((_, why)) = NOT_A_REPORT.iter().find(|(m, _)| flat.contains(m)) {
            return Some((*why).to_owned());
        }
        if lower.contains("<form")
            && (flat.contains("documents to include") || flat.contains("run report"))
        {
            return Some(
                "this is the PACER docket report's form (the options to run it), not the \
                 report: click \"Run Report\" and save the page that follows"
                    .to_owned(),
            );
        }
        if flat.contains("the case type was") && flat.contains("but it must be") {
            return Some(
                "this is a PACER error page (the case type of the request is not one the \
                 docket report takes), not a docket report"
                    .to_owned(),
            );
        }
        if flat.contains("select a case") {
            return Some(
                "this PACER page is a case search result (\"Select a case\"), not a docket \
                 report: pick the case, run its docket report, and save that page"
                    .to_owned(),
            );
        }
        if flat.contains("claims register") && flat.contains("claim no:") {
            return Some(
                "this PACER page is a claims register, not a docket report: run the docket \
                 report for the case and save that page"
                    .to_owned(),
            );
        }
    }
    None
}

/// A page whose text a browser extension rewrote (one that replaced a name
/// throughout every page it showed): not the court's words, so not read.
pub fn altered(text: &str) -> Option<String> {
    text.contains("Drumpf").then(|| {
        "this page was changed by a browser extension that rewrites names on every page \
         (it shows \"Drumpf\"), so its text is not the court's: turn the extension off, \
         reload the docket report and save it again"
            .to_owned()
    })
}

/// The first `n` bytes of `text`, fewer to end on a character boundary.
fn head(text: &str, n: usize) -> &str {
    let mut end = text.len().min(n);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The page's words: tags, scripts and styles out (a rough cut, for
/// spotting PACER's messages).
fn text_of(html: &str) -> String {
    let doc = crate::html::Html::parse(html);
    doc.root().text()
}

#[cfg(test)]
mod tests {
    use super::{altered, not_a_docket};

    #[test]
    fn pages_that_are_not_reports() {
        let page = |body: &str| {
            format!("<html><head><title>CM/ECF - casd</title></head><body>{body}</body></html>")
        };
        assert!(not_a_docket(&page("<p>Case not found.</p>"))
            .unwrap()
            .contains("not found"));
        assert!(not_a_docket(&page(
            "To accept charges shown below, click on the 'View Report' button"
        ))
        .unwrap()
        .contains("charges"));
        assert!(not_a_docket(&page("<h3>Select a Case</h3>"))
            .unwrap()
            .contains("search result"));
        assert_eq!(
            not_a_docket(&page("<th>Docket Text</th> Case not found.")),
            None
        );
        assert_eq!(not_a_docket("<p>Case not found.</p>"), None);
        assert!(not_a_docket(&format!("é{}", "x".repeat(16 * 1024))).is_none());
        assert!(altered("President Drumpf").is_some());
        assert!(altered("President").is_none());
    }
}
