//! Docket readers: the court's own record of a case, text in and a parsed
//! [`Docket`] out.
//!
//! Pure: no SQL, no files, no network. The format is read from the content,
//! never from a file name ([`DocketFormat::sniff`]). Each reader turns one
//! format into the same [`Docket`] shape; merging a docket into the record is
//! the store's (`casetrail-store`), and what an entry is (a motion, an order
//! granting it) is [`classify`]'s.
//!
//! A file that is not a docket of a known format (a PACER login page, a
//! search results page, half a JSON document, another site's HTML) is an
//! [`Error::Invalid`] saying what was wrong; a reader never panics on input.

pub mod classify;
mod courtlistener;
mod date;
mod format;
mod html;
pub mod number;
mod pacer;
mod report;
mod rss;
mod scotus;

pub use casetrail_model::{Error, Result};
pub use format::DocketFormat;
pub use report::{Attorney, Docket, DocumentLink, Entry, Originating, Parsed, Party};

/// Parse a docket file of any supported format.
pub fn parse(bytes: &[u8]) -> Result<Parsed> {
    let text = decode(bytes)?;
    let format = DocketFormat::sniff(&text)?;
    let dockets = match format {
        DocketFormat::PacerDistrict | DocketFormat::PacerBankruptcy => {
            vec![pacer::district::parse(&text)?]
        }
        DocketFormat::PacerAppellate => vec![pacer::appellate::parse(&text)?],
        DocketFormat::PacerAcms => vec![pacer::acms::parse(&text)?],
        DocketFormat::PacerRss => rss::parse(&text)?,
        DocketFormat::CourtListener => vec![courtlistener::parse(&text)?],
        DocketFormat::ScotusJson => vec![scotus::json::parse(&text)?],
        DocketFormat::ScotusHtml => vec![scotus::html::parse(&text)?],
    };
    Ok(Parsed { format, dockets })
}

/// Court files are UTF-8, or (older PACER pages) Windows-1252; a NUL byte
/// means it is not text at all.
fn decode(bytes: &[u8]) -> Result<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.is_empty() {
        return Err(Error::invalid("the file is empty"));
    }
    if bytes.contains(&0) {
        return Err(Error::invalid(
            "the file is binary, not a docket (HTML, JSON or an RSS feed)",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        // Windows-1252 agrees with Latin-1 outside 0x80–0x9F; those become
        // their Unicode punctuation.
        Err(_) => Ok(bytes.iter().map(|&b| cp1252(b)).collect()),
    }
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}
