//! A case caption's short form, as CourtListener and juriscraper write it
//! (juriscraper's `harmonize` and `clean_string`): "vs." becomes "v.", the
//! forms of "United States" become "United States", "et al." and the
//! parties' roles ("Petitioner", "Plaintiffs-Appellees") go, and stray
//! punctuation at either end of each side goes.

/// The short form of a caption.
pub fn short_form(caption: &str) -> String {
    // "vs." and a bare "v" between the sides become " v. ".
    let mut words: Vec<&str> = Vec::new();
    for word in caption.split(|c: char| c.is_whitespace() || c == '\u{a0}') {
        if word.is_empty() {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        if lower == "vs." || lower == "vs" || word == "v" || word == "v." {
            words.push("v.");
        } else if !is_role(&lower) {
            words.push(word);
        }
    }
    let joined = words.join(" ");
    let sides: Vec<String> = joined
        .split(" v. ")
        .map(|side| {
            let side = side.trim();
            if is_united_states(side) {
                "United States".to_owned()
            } else if side.eq_ignore_ascii_case("the state") {
                "State".to_owned()
            } else {
                side.to_owned()
            }
        })
        .collect();
    let mut name = strip_et_al(&sides.join(" v. "));
    for prefix in ["No. ", "Nos. "] {
        if let Some(rest) = name.strip_prefix(prefix) {
            name = rest.trim_start().to_owned();
        }
    }
    clean(&name)
}

/// juriscraper's `clean_string`: smart quotes to plain, `*` and `#` out, and
/// punctuation trimmed from both ends of each side.
fn clean(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|&c| c != '*' && c != '#')
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            _ => c,
        })
        .collect();
    let bad = |c: char| matches!(c, '-' | '–' | '_' | '/' | ';' | ',') || c.is_whitespace();
    let sides: Vec<&str> = s.split(" v. ").map(|side| side.trim_matches(bad)).collect();
    crate::html::clean(&sides.join(" v. "))
}

/// Whether a word (lower-cased) names a party's role: "petitioner",
/// "appellees,", "plaintiffs-appellants", "cross-respondent".
fn is_role(lower: &str) -> bool {
    const ROLES: &[&str] = &[
        "appellee",
        "appellees",
        "appellant",
        "appellants",
        "claimant",
        "claimants",
        "complainant",
        "complainants",
        "defendant",
        "defendants",
        "devisee",
        "executor",
        "executrix",
        "pet",
        "petitioner",
        "petitioners",
        "plaintiff",
        "plaintiffs",
        "respondent",
        "respondents",
        "respondant",
        "respondants",
        "deceased",
    ];
    let word = lower.strip_suffix([',', '.']).unwrap_or(lower);
    if ROLES.contains(&word) {
        return true;
    }
    // Compounds: "defendant-appellee", "plaintiffs--appellants",
    // "petitioner/appellant", "cross-respondent".
    let parts: Vec<&str> = word.split(['-', '/']).filter(|p| !p.is_empty()).collect();
    parts.len() == 2
        && (ROLES.contains(&parts[0]) || parts[0] == "cross" || parts[0] == "crosss")
        && ROLES.contains(&parts[1])
}

/// "USA", "U.S.", "U. S.", "The United States of America"… (a trailing
/// comma or period allowed).
fn is_united_states(side: &str) -> bool {
    if side == "US" {
        return true;
    }
    let s = side.strip_suffix([',', '.']).unwrap_or(side);
    matches!(
        s.to_ascii_lowercase().as_str(),
        "usa"
            | "u.s.a"
            | "u.s"
            | "u. s"
            | "united states of america"
            | "the united states of america"
            | "the united states"
    )
}

/// Drop every ", et al.", " et al", " et. al." (any case).
fn strip_et_al(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        if let Some(len) = et_al_at(bytes, i) {
            out.push_str(&s[copied..i]);
            i += len;
            copied = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[copied..]);
    out
}

/// The length of an "et al" form starting at `i` (`,?\set\.?\sal\.?`).
fn et_al_at(b: &[u8], mut i: usize) -> Option<usize> {
    let start = i;
    if b.get(i) == Some(&b',') {
        i += 1;
    }
    if !b.get(i)?.is_ascii_whitespace() {
        return None;
    }
    i += 1;
    if !b.get(i..i + 2)?.eq_ignore_ascii_case(b"et") {
        return None;
    }
    i += 2;
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    if !b.get(i)?.is_ascii_whitespace() {
        return None;
    }
    i += 1;
    if !b.get(i..i + 2)?.eq_ignore_ascii_case(b"al") {
        return None;
    }
    i += 2;
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    Some(i - start)
}

#[cfg(test)]
mod tests {
    use super::short_form;

    #[test]
    fn the_forms_juriscraper_fixes() {
        assert_eq!(short_form("Acosta v. Wilson, et al"), "Acosta v. Wilson");
        assert_eq!(
            short_form("Stephen Ollar, et al v. DC, et al"),
            "Stephen Ollar v. DC"
        );
        assert_eq!(
            short_form("USA v. Randy Koontz"),
            "United States v. Randy Koontz"
        );
        assert_eq!(short_form("Chau v. Donovan et al"), "Chau v. Donovan");
        assert_eq!(
            short_form("Vincent Tabone, Petitioner v. United States"),
            "Vincent Tabone v. United States"
        );
        assert_eq!(short_form("Smith vs. Jones"), "Smith v. Jones");
        assert_eq!(
            short_form("SunEdison, Inc., et al., and North Kern State Prison   "),
            "SunEdison, Inc., and North Kern State Prison"
        );
        assert_eq!(
            short_form("Doe, Plaintiff-Appellant v. The United States of America"),
            "Doe v. United States"
        );
        assert_eq!(short_form("In re: Maura Lynch"), "In re: Maura Lynch");
        assert_eq!(
            short_form("Dozier v. CN of Dundalk, Inc. d/b/a CNAC of D        "),
            "Dozier v. CN of Dundalk, Inc. d/b/a CNAC of D"
        );
        assert_eq!(short_form(""), "");
    }
}
