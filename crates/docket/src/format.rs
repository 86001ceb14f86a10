//! Which format a file is in, read from its content.

use serde::Serialize;

use crate::{courtlistener, pacer, rss, scotus, Error, Result};

/// The docket formats Casetrail reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocketFormat {
    /// A CM/ECF district court docket report (civil or criminal), HTML.
    PacerDistrict,
    /// A CM/ECF bankruptcy court docket report, HTML.
    PacerBankruptcy,
    /// A CM/ECF appellate docket report ("General Docket"), HTML.
    PacerAppellate,
    /// An ACMS appellate docket (the Second and Ninth Circuits' newer system), JSON.
    PacerAcms,
    /// A CM/ECF RSS feed of recent entries (district or appellate).
    PacerRss,
    /// A CourtListener API v4 docket with its entries, JSON.
    CourtListener,
    /// A supremecourt.gov docket, JSON.
    ScotusJson,
    /// A supremecourt.gov docket page, HTML.
    ScotusHtml,
}

impl DocketFormat {
    /// The name used in JSON output and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            DocketFormat::PacerDistrict => "pacer_district",
            DocketFormat::PacerBankruptcy => "pacer_bankruptcy",
            DocketFormat::PacerAppellate => "pacer_appellate",
            DocketFormat::PacerAcms => "pacer_acms",
            DocketFormat::PacerRss => "pacer_rss",
            DocketFormat::CourtListener => "courtlistener",
            DocketFormat::ScotusJson => "scotus_json",
            DocketFormat::ScotusHtml => "scotus_html",
        }
    }

    /// Every format, for listings.
    pub const ALL: [DocketFormat; 8] = [
        DocketFormat::PacerDistrict,
        DocketFormat::PacerBankruptcy,
        DocketFormat::PacerAppellate,
        DocketFormat::PacerAcms,
        DocketFormat::PacerRss,
        DocketFormat::CourtListener,
        DocketFormat::ScotusJson,
        DocketFormat::ScotusHtml,
    ];

    /// Tell the format from the text, or say what the file looks like instead.
    pub fn sniff(text: &str) -> Result<DocketFormat> {
        let start = text.trim_start();
        if start.starts_with('{') || start.starts_with('[') {
            return if pacer::acms::looks_like(text) {
                Ok(DocketFormat::PacerAcms)
            } else if scotus::json::looks_like(text) {
                Ok(DocketFormat::ScotusJson)
            } else if courtlistener::looks_like(text) {
                Ok(DocketFormat::CourtListener)
            } else {
                Err(Error::invalid(
                    "this is JSON, but not a docket Casetrail reads (PACER ACMS, \
                     CourtListener API v4 or supremecourt.gov docket JSON)",
                ))
            };
        }
        if rss::looks_like(text) {
            return Ok(DocketFormat::PacerRss);
        }
        if let Some(why) = pacer::not_a_docket(text) {
            return Err(Error::invalid(why));
        }
        if scotus::html::looks_like(text) {
            return Ok(DocketFormat::ScotusHtml);
        }
        if pacer::appellate::looks_like(text) {
            return Ok(DocketFormat::PacerAppellate);
        }
        if let Some(format) = pacer::district::looks_like(text) {
            return Ok(format);
        }
        let mut end = start.len().min(2048);
        while !start.is_char_boundary(end) {
            end -= 1;
        }
        let head = &start[..end].to_ascii_lowercase();
        if head.contains("<html") || head.contains("<!doctype") || head.contains("<table") {
            Err(Error::invalid(
                "this is an HTML page, but not a docket report Casetrail reads \
                 (a PACER district, bankruptcy or appellate docket report, or a \
                 supremecourt.gov docket page)",
            ))
        } else {
            Err(Error::invalid(
                "this is not a docket: expected a PACER docket report (HTML), an ACMS, \
                 CourtListener or supremecourt.gov docket (JSON), or a PACER RSS feed",
            ))
        }
    }
}

impl std::fmt::Display for DocketFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
