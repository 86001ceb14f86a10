//! Citations that refer back: *Id.* ("Id. at 5", "id. \u{a7} 3"), *supra*
//! ("Twombly, supra, at 555"), and the links from them and from short forms
//! ("556 U.S. at 678") to the citation they refer to.

use std::sync::LazyLock;

use regex::Regex;

use super::{Cite, CiteKind};

static ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[Ii]d\.|[Ii]bid\.?)(?:,?[\x20\t\n]+at[\x20\t\n]+(\d{1,5}(?:-\d{1,5})?)|[\x20\t]*(\x{a7}\x{a7}?[\x20]?[0-9][0-9A-Za-z.\-]*(?:\([0-9A-Za-z]{1,4}\))*))?",
    )
    .expect("id regex")
});

static SUPRA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([A-Z][A-Za-z'\-]{2,}),?[\x20\t\n]+supra\b(?:,?[\x20\t\n]+at[\x20\t\n]+(\d{1,5}(?:-\d{1,5})?))?")
        .expect("supra regex")
});

/// A back reference found on a page, offsets into the cleaned text.
#[derive(Debug, Clone)]
pub(super) struct Back {
    pub start: usize,
    pub end: usize,
    pub kind: CiteKind,
    /// The word naming the case, for *supra*.
    pub name: Option<String>,
    pub pin: Option<String>,
}

/// Every *Id.* and *supra* in `text` (cleaned), in order.
pub(super) fn backs(text: &str) -> Vec<Back> {
    let mut out = Vec::new();
    for c in ID.captures_iter(text) {
        let all = c.get(0).expect("match");
        // "Said." and "U.S.C. id." are not ids: a letter or period just before is not allowed.
        if text[..all.start()].ends_with(['.', '\'']) {
            continue;
        }
        let pin = c.get(1).or(c.get(2)).map(|m| m.as_str().to_owned());
        out.push(Back {
            start: all.start(),
            end: all.end(),
            kind: CiteKind::Id,
            name: None,
            pin,
        });
    }
    for c in SUPRA.captures_iter(text) {
        let all = c.get(0).expect("match");
        out.push(Back {
            start: all.start(),
            end: all.end(),
            kind: CiteKind::Supra,
            name: Some(c[1].to_owned()),
            pin: c.get(2).map(|m| m.as_str().to_owned()),
        });
    }
    out.sort_by_key(|b| b.start);
    out
}

/// What a full case citation offers later references: its index, volume and reporter.
#[derive(Debug, Clone, Copy)]
pub(super) struct Full {
    pub index: usize,
    pub volume: u32,
    pub reporter: &'static str,
    pub page: u32,
}

/// Link short forms, *Id.* and *supra* in `cites` (one document, in reading order)
/// to what they refer to: `antecedent` and `authority`. `fulls` lists the document's
/// full case citations in order; `short_of` gives a short form's volume, reporter and pin.
pub(super) fn resolve(
    cites: &mut [Cite],
    fulls: &[Full],
    short_of: &dyn Fn(usize) -> Option<(u32, &'static str, u32)>,
) {
    // The last citation an *Id.* can refer to (the first of a parallel group).
    let mut last: Option<usize> = None;
    let mut seen_full = 0; // how many of `fulls` come before the current citation
    for i in 0..cites.len() {
        while seen_full < fulls.len() && fulls[seen_full].index < i {
            seen_full += 1;
        }
        let earlier = &fulls[..seen_full];
        let target = match cites[i].kind {
            CiteKind::Case => None,
            CiteKind::ShortCase => short_of(i).and_then(|(volume, reporter, pin)| {
                let same = || {
                    earlier
                        .iter()
                        .rev()
                        .filter(move |f| f.volume == volume && f.reporter == reporter)
                };
                same()
                    .find(|f| f.page <= pin)
                    .or_else(|| same().next())
                    .map(|f| f.index)
            }),
            CiteKind::Id => last.map(|l| cites[l].antecedent.unwrap_or(l)),
            CiteKind::Supra => {
                let word = cites[i].name.clone().unwrap_or_default().to_lowercase();
                earlier
                    .iter()
                    .rev()
                    .find(|f| {
                        cites[f.index].name.as_deref().is_some_and(|n| {
                            n.to_lowercase()
                                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
                                .any(|w| w == word)
                        })
                    })
                    .map(|f| f.index)
            }
            _ => None,
        };
        if let Some(t) = target {
            let t = cites[t].parallel.unwrap_or(t);
            cites[i].antecedent = Some(t);
            cites[i].authority = cites[t].authority.clone();
            if cites[i].name.is_none() || cites[i].kind == CiteKind::Supra {
                cites[i].name = cites[t].name.clone();
            }
        }
        if cites[i].authority.is_some() {
            last = Some(cites[i].parallel.unwrap_or(i));
        }
    }
}
