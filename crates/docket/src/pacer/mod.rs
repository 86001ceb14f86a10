//! PACER's CM/ECF pages: district and bankruptcy docket reports, the
//! appellate docket report, and ACMS's JSON.

pub mod acms;
pub mod appellate;
pub mod district;

/// Pages PACER serves that are not docket reports, named so the user knows
/// what they saved instead.
pub fn not_a_docket(text: &str) -> Option<String> {
    let head = &text[..text.len().min(16 * 1024)];
    let lower = head.to_ascii_lowercase();
    let login = lower.contains("type=\"password\"") || lower.contains("type='password'");
    if login && (lower.contains("pacer") || lower.contains("cm/ecf") || lower.contains("login")) {
        return Some(
            "this is a PACER login page, not a docket report: sign in, run the docket \
             report, and save that page"
                .to_owned(),
        );
    }
    None
}
