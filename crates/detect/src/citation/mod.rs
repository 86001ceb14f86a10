//! What a filing cites, page by page: full case citations (volume, reporter in its
//! reporters-db spelling, page, pins, court and year from the parenthetical, the
//! case name before it), parallel citations grouped, short forms ("556 U.S. at
//! 678"), *Id.* and *supra* linked to the citation they refer to, and statutes,
//! regulations, session laws and federal rules.
//!
//! `reporter` (the bundled reporter table and the volume–reporter–page shape),
//! `case` (pins, parentheticals, names, parallels), `short` (*Id.*, *supra*, and
//! the links back), `statute`. Deterministic: the same pages give the same list.

mod case;
mod reporter;
mod short;
mod statute;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::fmt;

use serde::{Serialize, Serializer};

/// One case citation, reporter in its canonical reporters-db spelling.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Citation {
    /// Volume number.
    pub volume: u32,
    /// Canonical reporter abbreviation ("F.3d", "S. Ct.", "F. Supp. 3d").
    pub reporter: String,
    /// First page.
    pub page: u32,
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.volume, self.reporter, self.page)
    }
}

impl Serialize for Citation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// What form a citation takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CiteKind {
    /// "Ashcroft v. Iqbal, 556 U.S. 662, 678 (2009)".
    Case,
    /// "556 U.S. at 678".
    ShortCase,
    /// "Id. at 679".
    Id,
    /// "Iqbal, supra, at 678".
    Supra,
    /// "42 U.S.C. § 1983", "Cal. Civ. Proc. Code § 425.16".
    Statute,
    /// "8 C.F.R. § 1003.1".
    Regulation,
    /// "Pub. L. No. 115-141".
    PublicLaw,
    /// "Fed. R. Civ. P. 12(b)(6)".
    Rule,
}

impl CiteKind {
    /// The spelling stored and printed ("case", "short_case", "id"…).
    pub fn as_str(self) -> &'static str {
        match self {
            CiteKind::Case => "case",
            CiteKind::ShortCase => "short_case",
            CiteKind::Id => "id",
            CiteKind::Supra => "supra",
            CiteKind::Statute => "statute",
            CiteKind::Regulation => "regulation",
            CiteKind::PublicLaw => "public_law",
            CiteKind::Rule => "rule",
        }
    }
}

/// One citation where it is printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cite {
    /// 1-based page number.
    pub page: u32,
    /// Byte offsets of the citation in the page's text as given.
    pub start: usize,
    pub end: usize,
    pub kind: CiteKind,
    /// As printed, spaces collapsed.
    pub text: String,
    /// This citation normalised: "556 U.S. 662", "556 U.S. at 678", "Id.", "42 U.S.C. § 1983".
    pub key: String,
    /// The authority cited, normalised ("556 U.S. 662"): for a full citation its own
    /// key, or the first of its parallel group's; for a short form, *Id.* or *supra*
    /// the authority of the citation it refers to (`None` when that is not found).
    pub authority: Option<String>,
    /// Pin cites and subsections ("678-79", "(b)(6)").
    pub pin: Option<String>,
    /// The case name, when printed before the citation (or the one referred to).
    pub name: Option<String>,
    /// The court as the parenthetical prints it ("2d Cir.").
    pub court: Option<String>,
    pub year: Option<u16>,
    /// Index in the document's list of the citation this one refers to.
    pub antecedent: Option<usize>,
    /// Index of the first citation of this one's parallel group.
    pub parallel: Option<usize>,
}

/// Every citation in a document's pages (first page first), in reading order, with
/// short forms, *Id.* and *supra* linked across pages. Never panics.
pub fn cite_pages(pages: &[&str]) -> Vec<Cite> {
    let mut cites = Vec::new();
    let mut fulls = Vec::new();
    let mut shorts = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        page_cites(page, n as u32 + 1, &mut cites, &mut fulls, &mut shorts);
    }
    let lookup = |i: usize| {
        shorts
            .binary_search_by_key(&i, |s: &(usize, u32, &str, u32)| s.0)
            .ok()
            .map(|at| (shorts[at].1, shorts[at].2, shorts[at].3))
    };
    short::resolve(&mut cites, &fulls, &lookup);
    cites
}

/// Every distinct volume–reporter–page citation in `text`, in order of appearance.
pub fn find_citations(text: &str) -> Vec<Citation> {
    let text = crate::text::clean(text);
    let mut seen = HashSet::new();
    reporter::shapes(&text)
        .into_iter()
        .filter(|s| !s.short)
        .map(|s| Citation {
            volume: s.volume,
            reporter: s.reporter.to_owned(),
            page: s.page,
        })
        .filter(|c| seen.insert(c.clone()))
        .collect()
}

/// The authority a person typed ("556 U. S. 662", "42 USC 1983"… as long as it
/// reads as one citation), normalised as [`Cite::key`] is; `None` if it is none.
pub fn authority_key(query: &str) -> Option<String> {
    let mut cites = cite_pages(&[query]);
    let first = cites.drain(..).find(|c| c.kind != CiteKind::Id)?;
    Some(first.authority.unwrap_or(first.key))
}

/// Maps offsets in the cleaned text back to the page as given (cleaning replaces
/// some multi-byte characters with one-byte ones): `(cleaned, original)` offsets
/// just after each character whose length changed.
struct Offsets(Vec<(usize, usize)>);

impl Offsets {
    fn new(original: &str, cleaned: &str) -> Offsets {
        let mut shifts = Vec::new();
        if !original.is_ascii() {
            let (mut o, mut c) = (0, 0);
            for (a, b) in original.chars().zip(cleaned.chars()) {
                o += a.len_utf8();
                c += b.len_utf8();
                if a.len_utf8() != b.len_utf8() {
                    shifts.push((c, o));
                }
            }
        }
        Offsets(shifts)
    }

    fn original(&self, at: usize) -> usize {
        match self.0.partition_point(|&(c, _)| c <= at) {
            0 => at,
            i => self.0[i - 1].1 + (at - self.0[i - 1].0),
        }
    }
}

/// One item found on a page, before it becomes a [`Cite`].
enum Item {
    Case(reporter::Shape),
    Law(statute::Law),
    Back(short::Back),
}

impl Item {
    fn start(&self) -> usize {
        match self {
            Item::Case(s) => s.start,
            Item::Law(l) => l.start,
            Item::Back(b) => b.start,
        }
    }
    fn end(&self) -> usize {
        match self {
            Item::Case(s) => s.end,
            Item::Law(l) => l.end,
            Item::Back(b) => b.end,
        }
    }
}

fn page_cites(
    page: &str,
    number: u32,
    cites: &mut Vec<Cite>,
    fulls: &mut Vec<short::Full>,
    shorts: &mut Vec<(usize, u32, &'static str, u32)>,
) {
    let text = crate::text::clean(page);
    let offsets = Offsets::new(page, &text);
    let mut items: Vec<Item> = reporter::shapes(&text)
        .into_iter()
        .map(Item::Case)
        .collect();
    items.extend(statute::laws(&text).into_iter().map(Item::Law));
    items.extend(short::backs(&text).into_iter().map(Item::Back));
    // Laws first among equals, then the longest: overlapping matches keep the first.
    items.sort_by_key(|i| (i.start(), !matches!(i, Item::Law(_)), usize::MAX - i.end()));
    let mut last_end = 0;
    items.retain(|i| {
        let keep = i.start() >= last_end;
        if keep {
            last_end = i.end();
        }
        keep
    });
    let first_here = cites.len();
    // The first citation of the current parallel group, and where the group ends.
    let mut group: Option<usize> = None;
    for (k, item) in items.iter().enumerate() {
        let next = items.get(k + 1).map(Item::start);
        let index = cites.len();
        let (mut cite, end) = match item {
            Item::Case(s) => {
                let (pin, end) = case::pins(&text, s.end, next);
                let key = if s.short {
                    shorts.push((index, s.volume, s.reporter, s.page));
                    format!("{} {} at {}", s.volume, s.reporter, s.page)
                } else {
                    fulls.push(short::Full {
                        index,
                        volume: s.volume,
                        reporter: s.reporter,
                        page: s.page,
                    });
                    format!("{} {} {}", s.volume, s.reporter, s.page)
                };
                let pin = if s.short {
                    Some(match pin {
                        Some(more) => format!("{}, {more}", s.page),
                        None => s.page.to_string(),
                    })
                } else {
                    pin
                };
                let kind = if s.short {
                    CiteKind::ShortCase
                } else {
                    CiteKind::Case
                };
                (new_cite(number, kind, key, pin), end)
            }
            Item::Law(l) => (
                new_cite(number, l.kind, l.key.clone(), l.pin.clone()),
                l.end,
            ),
            Item::Back(b) => {
                let key = match b.kind {
                    CiteKind::Supra => format!("{}, supra", b.name.as_deref().unwrap_or("")),
                    _ => "Id.".to_owned(),
                };
                let mut cite = new_cite(number, b.kind, key, b.pin.clone());
                cite.name = b.name.clone();
                (cite, b.end)
            }
        };
        let start = item.start();
        cite.start = offsets.original(start);
        cite.end = offsets.original(end);
        cite.text = text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if cite.kind == CiteKind::Case {
            match group {
                Some(g) => {
                    cite.parallel = Some(g);
                    cites[g].parallel = Some(g);
                    cite.authority = cites[g].authority.clone();
                    cite.name = cites[g].name.clone();
                }
                None => {
                    cite.name = case::name_before(&text, start);
                    cite.authority = Some(cite.key.clone());
                }
            }
            // The next one is parallel if only a comma separates them.
            let joins = matches!(items.get(k + 1), Some(Item::Case(s)) if !s.short)
                && next.is_some_and(|n| case::parallel_gap(&text, end, n));
            group = joins.then(|| cite.parallel.unwrap_or(index));
            if !joins {
                if let Some((court, year, _)) = case::parenthetical(&text, end) {
                    let first = cite.parallel.unwrap_or(index);
                    for c in cites[first.max(first_here)..].iter_mut() {
                        c.court.clone_from(&court);
                        c.year = Some(year);
                    }
                    cite.court = court;
                    cite.year = Some(year);
                }
            }
        } else {
            group = None;
            if matches!(item, Item::Law(_)) {
                cite.authority = Some(cite.key.clone());
            }
        }
        cites.push(cite);
    }
}

fn new_cite(page: u32, kind: CiteKind, key: String, pin: Option<String>) -> Cite {
    Cite {
        page,
        start: 0,
        end: 0,
        kind,
        text: String::new(),
        key,
        authority: None,
        pin,
        name: None,
        court: None,
        year: None,
        antecedent: None,
        parallel: None,
    }
}
