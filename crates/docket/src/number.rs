//! Docket numbers as keys: the same docket written two ways is one key.
//!
//! `1:13-mj-02814-JCF` (CM/ECF, with office and judge initials),
//! `13-mj-2814` and `13 Mag. 2814` are one docket; appellate (`14-2985`) and
//! Supreme Court (`17-2`) numbers are year and sequence.

/// The key two docket numbers share when they name the same docket in one court.
pub fn key(number: &str) -> String {
    let lower = number.trim().to_ascii_lowercase();
    // "1:13-mj-02814": drop the office number before the colon.
    let rest = match lower.split_once(':') {
        Some((office, rest)) if office.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => lower.as_str(),
    };
    let mut parts: Vec<String> = rest
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(|p| match p {
            "mag" | "m" => "mj".to_owned(),
            "civ" => "cv".to_owned(),
            "crim" | "cr" => "cr".to_owned(),
            _ => p.to_owned(),
        })
        .collect();
    // Judge initials after the sequence number ("-JCF", "-FDS-1") are not the docket's.
    if let Some(seq) = parts
        .iter()
        .rposition(|p| p.chars().all(|c| c.is_ascii_digit()) && p.len() >= 3)
    {
        if seq >= 1 {
            parts.truncate(seq + 1);
        }
    }
    for p in parts.iter_mut() {
        if p.chars().all(|c| c.is_ascii_digit()) {
            let trimmed = p.trim_start_matches('0');
            *p = if trimmed.is_empty() {
                "0".to_owned()
            } else {
                trimmed.to_owned()
            };
        }
    }
    parts.join("-")
}

/// The numbers in a field that may list several ("21-55085, 21-55145"), each
/// as written, in order.
pub fn split(numbers: &str) -> Vec<&str> {
    numbers
        .split([',', ';'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect()
}

/// The keys of every number in such a field, as one searchable text
/// (`|21-55085|21-55145|`).
pub fn keys(numbers: &str) -> String {
    let mut out = String::from("|");
    for n in split(numbers) {
        out.push_str(&key(n));
        out.push('|');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{key, keys, split};

    #[test]
    fn several_numbers() {
        assert_eq!(split("21-55085, 21-55145"), ["21-55085", "21-55145"]);
        assert_eq!(keys("1:09-cv-11783"), format!("|{}|", key("09-cv-11783")));
        assert_eq!(keys("23-2051; 23-1853"), "|23-2051|23-1853|");
    }

    #[test]
    fn one_docket_many_spellings() {
        assert_eq!(key("1:13-mj-02814"), "13-mj-2814");
        assert_eq!(key("1:13-mj-02814-JCF"), "13-mj-2814");
        assert_eq!(key("13 Mag. 2814"), "13-mj-2814");
        assert_eq!(key("13-MJ-2814"), "13-mj-2814");
        assert_eq!(key("14-2985"), "14-2985");
        assert_eq!(key("17-2"), "17-2");
        assert_eq!(key("3:23-cv-04557-JCS"), "23-cv-4557");
        assert_ne!(key("1:09-cv-11783"), key("1:09-cv-11784"));
    }
}
