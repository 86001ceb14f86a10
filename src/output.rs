//! Printing: one JSON document, or text for people.

use serde::Serialize;

/// Print `value` as pretty JSON on stdout.
pub fn json<T: Serialize + ?Sized>(value: &T) -> casetrail_store::Result<()> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| casetrail_store::Error::Data(format!("cannot encode JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

/// Cut `s` to at most `max` characters, marking the cut.
pub fn clip(s: &str, max: usize) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let mut out: String = one_line.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}
