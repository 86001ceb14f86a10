//! Names as juriscraper writes them: a judge without the title
//! ("Magistrate Judge Joseph C. Spero" is "Joseph C. Spero") and its
//! `titlecase` for lower-case words ("u.s. trustee" is "U.S. Trustee").

const JUDGE_TITLES: &[&str] = &[
    "judge",
    "magistrate",
    "district",
    "chief",
    "senior",
    "bankruptcy",
    "mag.",
    "magistrate-judge",
    "mag/judge",
    "mag",
    "visiting",
    "special",
    "senior-judge",
    "master",
    "u.s.magistrate",
];

const JUDGE_NOISE: &[&str] = &[
    "a998",
    "agb",
    "am",
    "associated",
    "ca",
    "cases",
    "cet",
    "ch.",
    "cla",
    "clerk",
    "cp",
    "cvb",
    "db",
    "debt-magistrate",
    "discovery",
    "dj",
    "docket",
    "duty",
    "ec",
    "eck",
    "general",
    "grc",
    "gs",
    "hhl",
    "hon",
    "honorable",
    "inactive",
    "jne",
    "jv",
    "kec",
    "law",
    "lc",
    "llh",
    "lq",
    "maryland",
    "mediator",
    "merged",
    "mj",
    "mmh",
    "msh",
    "mwd",
    "no",
    "none",
    "prisoner",
    "pslc",
    "pro",
    "pso",
    "pt",
    "rmh",
    "se",
    "sf",
    "show",
    "successor",
    "u.s.",
    "tjc",
    "unassigned",
    "unassigned2",
    "unassigneddj",
    "unknown",
    "us",
    "usdc",
    "vjdistrict",
];

/// A judge's name without the title: "Magistrate Judge Joseph C. Spero" is
/// "Joseph C. Spero" (juriscraper's `normalize_judge_string`).
pub fn judge_name(printed: &str) -> String {
    let printed = printed.replace(',', "").to_lowercase();
    let words: Vec<&str> = printed
        .split_whitespace()
        .filter(|w| {
            let parens = w.contains('(') || w.contains(')');
            let poor = w.starts_with('-') || w.starts_with('~');
            let abbrev = w.len() > 2 && w.contains('.') && *w != "jr." && *w != "sr.";
            !(parens || poor || abbrev || JUDGE_NOISE.contains(w) || JUDGE_TITLES.contains(w))
        })
        .collect();
    let titled = title_case(&words.join(" "));
    let words: Vec<&str> = titled.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out: Vec<String> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let mut w = (*w).to_owned();
        if w.chars().count() == 1 && w.chars().all(char::is_alphabetic) {
            w.push('.');
        }
        if w.eq_ignore_ascii_case("jr") || w.eq_ignore_ascii_case("sr") {
            w.push('.');
        }
        if i == 0 && (w.eq_ignore_ascii_case("j.") || w.eq_ignore_ascii_case("j")) {
            let next = words.get(i + 1).copied().unwrap_or("");
            if !((next.len() == 2 && next.ends_with('.')) || next.len() == 1) {
                continue;
            }
        }
        out.push(w);
    }
    out.join(" ")
}

const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "is", "of", "on", "or",
    "the", "to", "v", "v.", "via", "vs", "vs.",
];
const BIG_WORDS: &[&str] = &[
    "3d", "afl", "aka", "a/k/a", "bmg", "cbs", "cdc", "cdt", "ceo", "cio", "cnmi", "d/b/a", "doj",
    "dva", "eff", "fcc", "ftc", "hsbc", "ibm", "ii", "iii", "iv", "jj", "llc", "llp", "mci", "mjl",
    "mspb", "nd", "nlrb", "pto", "sd", "ups", "rss", "sec", "umg", "us", "usa", "usc", "usps",
    "wto",
];

/// juriscraper's `titlecase` for lower-case text: each word capitalised,
/// small words ("of", "in", "the") not, unless first or last; initials
/// ("u.s.") and known acronyms ("llc", "iii") in capitals.
pub fn title_case(lower: &str) -> String {
    let words: Vec<&str> = lower.split([' ', '\t']).collect();
    let last = words.len().saturating_sub(1);
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let bytes = word.as_bytes();
        let inline = |sep: u8| {
            bytes
                .windows(3)
                .any(|w| w[0].is_ascii_alphabetic() && w[1] == sep && w[2].is_ascii_alphabetic())
        };
        let bare = word.trim_end_matches(|c: char| c.is_ascii_punctuation());
        let titled = if word.len() > 2
            && matches!(bytes[0], b'd' | b'o' | b'l')
            && matches!(word.chars().nth(1), Some('\'' | '‘'))
            && word.chars().skip(2).all(|c| c.is_ascii_lowercase())
        {
            format!("{}{}", word[..3].to_uppercase(), &word[3..])
        } else if inline(b'.') || inline(b'/') {
            let sep = if inline(b'.') { '.' } else { '/' };
            word.split(sep)
                .map(|p| {
                    if p.chars().count() == 1 {
                        p.to_uppercase()
                    } else {
                        p.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join(&sep.to_string())
        } else if SMALL_WORDS.contains(word) {
            if i == 0 || i == last {
                capitalise(word)
            } else {
                (*word).to_owned()
            }
        } else if BIG_WORDS.contains(&bare) && bare.len() + 1 >= word.len() {
            word.to_uppercase()
        } else if let Some(rest) = word.strip_prefix("mc").filter(|r| !r.is_empty()) {
            format!("Mc{}", capitalise(rest))
        } else {
            word.split('-')
                .map(capitalise)
                .collect::<Vec<_>>()
                .join("-")
        };
        out.push(titled);
    }
    out.join(" ")
}

/// The first letter (after any leading punctuation) in capitals.
fn capitalise(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut done = false;
    for c in word.chars() {
        if !done && c.is_ascii_alphabetic() {
            out.extend(c.to_uppercase());
            done = true;
        } else {
            if !done && !c.is_ascii_punctuation() {
                done = true;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{judge_name, title_case};

    #[test]
    fn judges_and_titles() {
        assert_eq!(
            judge_name("Magistrate Judge Joseph C. Spero"),
            "Joseph C. Spero"
        );
        assert_eq!(judge_name("Judge Amy Berman Jackson"), "Amy Berman Jackson");
        assert_eq!(judge_name("Hon. JOHN MCDONALD, III"), "John McDonald III");
        assert_eq!(title_case("u.s. trustee"), "U.S. Trustee");
        assert_eq!(title_case("debtor in possession"), "Debtor in Possession");
        assert_eq!(title_case("counter-claimant"), "Counter-Claimant");
    }
}
