//! Statutes, regulations, session laws and federal rules: "42 U.S.C. § 1983(a)",
//! "8 C.F.R. § 1003.1(b)", "Pub. L. No. 115-141", "Fed. R. Civ. P. 12(b)(6)",
//! state codes ("Cal. Civ. Proc. Code § 425.16", "Fla. Stat. § 768.79", "RCW 4.84.010").
//!
//! The key names the section (title, code and section number); subsections go to
//! the pin, so a table of authorities lists "42 U.S.C. § 1983" once.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::CiteKind;

/// One statute-like citation, offsets into the cleaned page text.
#[derive(Debug, Clone)]
pub(super) struct Law {
    pub start: usize,
    pub end: usize,
    pub kind: CiteKind,
    pub key: String,
    pub pin: Option<String>,
}

/// A section number and its subsections: "1983", "1003.1", "1A-1", "27.001(b)(2)".
const SECTION: &str = r"(\d[0-9A-Za-z]*(?:[.\-:][0-9A-Za-z]+)*)((?:\([0-9A-Za-z]{1,4}\))*)";

/// Section sign(s) or "section", then spaces.
const SIGN: &str = r"(?:\x{a7}\x{a7}?|[Ss]ec(?:tions?|s?\.))[\x20\t\n]*";

static USC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(\d{{1,2}})[\x20\t\n]+U\.[\x20]?S\.[\x20]?C\.(?:[\x20]?A\.)?[\x20\t\n]*(?:{SIGN})?{SECTION}"
    ))
    .expect("U.S.C. regex")
});

static CFR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(\d{{1,2}})[\x20\t\n]+C\.[\x20]?F\.[\x20]?R\.[\x20\t\n]*(?:{SIGN}|(?:[Pp]arts?|pt\.)[\x20\t\n]*)?{SECTION}"
    ))
    .expect("C.F.R. regex")
});

static PUB_L: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\bPub(?:lic|\.)[\x20\t\n]*L(?:aw|\.)[\x20\t\n]*(?:No\.[\x20\t\n]*)?(\d{2,3})-(\d{1,4})\b",
    )
    .expect("Pub. L. regex")
});

/// "Fed. R. Civ. P. 12", "Federal Rule of Civil Procedure 12", "Fed. R. Evid. 403",
/// "Fed. R. App. P. 4", "Fed. R. Crim. P. 41", "Fed. R. Bankr. P. 9019".
static FED_RULE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)\b(?:Fed\.|Federal)[\x20\t\n]*R(?:\.|ules?)[\x20\t\n]*(?:of[\x20\t\n]+)?
        (Civ(?:\.|il)|App(?:\.|ellate)|Crim(?:\.|inal)|Bankr(?:\.|uptcy)|Evid(?:\.|ence))
        [\x20\t\n]*(?:P(?:\.|rocedure)[\x20\t\n]*)?{SECTION}"
    ))
    .expect("federal rule regex")
});

/// State codes: a state's abbreviation, a few words of the code's name ending in
/// "Code", "Stat." or "Laws" (with "Ann." after it or not), then a section.
static STATE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)\b((?:{STATES})[\x20]?(?:[A-Z][A-Za-z.&']*[\x20]?){{0,5}}?(?:Code|Stat\.|Laws|C\.P\.L\.R\.)(?:[\x20]?Ann\.)?)
        [\x20\t\n]*(?:{SIGN})?{SECTION}"
    ))
    .expect("state code regex")
});

/// Revised codes cited by initials: "RCW 4.84.010", "ORS 12.110".
static INITIALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(RCW|ORS|MCL|ILCS)[\x20\t\n]+{SECTION}")).expect("RCW regex")
});

const STATES: &str = r"Ala\.|Alaska|Ariz\.|Ark\.|Cal\.|Colo\.|Conn\.|Del\.|D\.C\.|Fla\.|Ga\.|Haw\.|Idaho|Ill\.|Ind\.|Iowa|Kan\.|Ky\.|La\.|Me\.|Md\.|Mass\.|Mich\.|Minn\.|Miss\.|Mo\.|Mont\.|Neb\.|Nev\.|N\.[\x20]?H\.|N\.[\x20]?J\.|N\.[\x20]?M\.|N\.[\x20]?Y\.|N\.[\x20]?C\.|N\.[\x20]?D\.|Ohio|Okla\.|Or\.|Pa\.|R\.[\x20]?I\.|S\.[\x20]?C\.|S\.[\x20]?D\.|Tenn\.|Tex\.|Utah|Vt\.|Va\.|Wash\.|W\.[\x20]?Va\.|Wis\.|Wyo\.";

fn pin(c: &Captures<'_>, i: usize) -> Option<String> {
    c.get(i)
        .map(|m| m.as_str())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Civ." / "Civil" → "Civ. P."; "Evid." → "Evid.".
fn rule_set(word: &str) -> &'static str {
    match word.as_bytes().first() {
        Some(b'C') if word.starts_with("Cri") => "Crim. P.",
        Some(b'C') => "Civ. P.",
        Some(b'A') => "App. P.",
        Some(b'B') => "Bankr. P.",
        _ => "Evid.",
    }
}

/// Every statute, regulation, session law and federal rule in `text` (cleaned), in order.
pub(super) fn laws(text: &str) -> Vec<Law> {
    let mut out = Vec::new();
    let mut push = |m: regex::Match<'_>, kind, key: String, pin: Option<String>| {
        out.push(Law {
            start: m.start(),
            end: m.end(),
            kind,
            key,
            pin,
        })
    };
    for c in USC.captures_iter(text) {
        let key = format!("{} U.S.C. \u{a7} {}", &c[1], &c[2]);
        push(c.get(0).unwrap(), CiteKind::Statute, key, pin(&c, 3));
    }
    for c in CFR.captures_iter(text) {
        let key = format!("{} C.F.R. \u{a7} {}", &c[1], &c[2]);
        push(c.get(0).unwrap(), CiteKind::Regulation, key, pin(&c, 3));
    }
    for c in PUB_L.captures_iter(text) {
        let key = format!("Pub. L. No. {}-{}", &c[1], &c[2]);
        push(c.get(0).unwrap(), CiteKind::PublicLaw, key, None);
    }
    for c in FED_RULE.captures_iter(text) {
        let key = format!("Fed. R. {} {}", rule_set(&c[1]), &c[2]);
        push(c.get(0).unwrap(), CiteKind::Rule, key, pin(&c, 3));
    }
    for c in STATE_CODE.captures_iter(text) {
        let key = format!("{} \u{a7} {}", spaced(&c[1]), &c[2]);
        push(c.get(0).unwrap(), CiteKind::Statute, key, pin(&c, 3));
    }
    for c in INITIALS.captures_iter(text) {
        let key = format!("{} {}", &c[1], &c[2]);
        push(c.get(0).unwrap(), CiteKind::Statute, key, pin(&c, 3));
    }
    out.sort_by_key(|l| l.start);
    // A state code's pattern can overlap another's match; keep the first.
    let mut last_end = 0;
    out.retain(|l| {
        let keep = l.start >= last_end;
        if keep {
            last_end = l.end;
        }
        keep
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(String, Option<String>)> {
        laws(text).into_iter().map(|l| (l.key, l.pin)).collect()
    }

    #[test]
    fn federal_statutes_and_regulations() {
        assert_eq!(
            keys("under 42 U.S.C. \u{a7} 1983(a) and 28 U.S.C. \u{a7}\u{a7} 1331, 8 C.F.R. \u{a7} 1003.1(b)(3)"),
            [
                ("42 U.S.C. \u{a7} 1983".to_string(), Some("(a)".to_string())),
                ("28 U.S.C. \u{a7} 1331".to_string(), None),
                ("8 C.F.R. \u{a7} 1003.1".to_string(), Some("(b)(3)".to_string())),
            ]
        );
        assert_eq!(keys("11 U.S.C. \u{a7}522")[0].0, "11 U.S.C. \u{a7} 522");
        assert_eq!(keys("18 U.S.C.A. sec. 2703")[0].0, "18 U.S.C. \u{a7} 2703");
        assert_eq!(
            keys("Pub. L. No. 115-141, 132 Stat. 348")[0].0,
            "Pub. L. No. 115-141"
        );
    }

    #[test]
    fn rules_in_both_spellings() {
        assert_eq!(
            keys("Fed. R. Civ. P. 12(b)(6); Federal Rule of Civil Procedure 56; Fed. R. App. P. 4(a); Fed. R. Evid. 403; Fed.R.Crim.P. 41"),
            [
                ("Fed. R. Civ. P. 12".to_string(), Some("(b)(6)".to_string())),
                ("Fed. R. Civ. P. 56".to_string(), None),
                ("Fed. R. App. P. 4".to_string(), Some("(a)".to_string())),
                ("Fed. R. Evid. 403".to_string(), None),
                ("Fed. R. Crim. P. 41".to_string(), None),
            ]
        );
    }

    #[test]
    fn state_codes() {
        assert_eq!(
            keys("Cal. Civ. Proc. Code \u{a7} 425.16(e); Fla. Stat. \u{a7} 768.79; RCW 4.84.010; N.C. Gen. Stat. \u{a7} 1A-1"),
            [
                ("Cal. Civ. Proc. Code \u{a7} 425.16".to_string(), Some("(e)".to_string())),
                ("Fla. Stat. \u{a7} 768.79".to_string(), None),
                ("RCW 4.84.010".to_string(), None),
                ("N.C. Gen. Stat. \u{a7} 1A-1".to_string(), None),
            ]
        );
    }

    #[test]
    fn not_statutes() {
        assert!(keys("page 42 of the U.S. Code of conduct").is_empty());
        assert!(keys("Rule 12 of the local rules").is_empty());
    }
}
