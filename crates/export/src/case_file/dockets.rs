//! The case file's `dockets` section: what docket imports recorded beyond
//! the events, by the file's keys (events `e1`, proceedings by court, docket
//! files `s1`). Absent for a case typed by hand, so such files are as before;
//! a file without it reads as it always did (`casetrail-case/1` unchanged
//! otherwise). With it, a colleague's Casetrail shows the court's text of
//! every entry and where it came from, what is new, and merges the next
//! import of the same docket into the entries instead of beside them.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::record::{
    DetailsText, DocketDetails, DocketEntry, DocketNews, DocketRecord, DocketSource, EntryText,
    NewsText, SourceText,
};
use casetrail_model::{EventId, ProceedingId};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocketsData {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceData>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<EntryData>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub news: Vec<NewsData>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<DetailsData>,
}

/// A docket file imported (`key` is `s1`, `s2`…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceData {
    pub key: String,
    #[serde(flatten)]
    pub source: SourceText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryData {
    pub event: String,
    pub created_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
    #[serde(flatten)]
    pub entry: EntryText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewsData {
    pub event: String,
    pub source: String,
    #[serde(flatten)]
    pub news: NewsText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DetailsData {
    pub proceeding: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(flatten)]
    pub details: DetailsText,
}

/// The section for a record, `None` when docket imports recorded nothing.
pub(super) fn from_record(
    d: &DocketRecord,
    proceeding: impl Fn(ProceedingId) -> Option<String>,
    event: impl Fn(EventId) -> Option<String>,
) -> Option<DocketsData> {
    if d.sources.is_empty() && d.entries.is_empty() && d.news.is_empty() && d.details.is_empty() {
        return None;
    }
    let keys: HashMap<i64, String> = d
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, format!("s{}", i + 1)))
        .collect();
    let source = |id: i64| keys.get(&id).cloned().unwrap_or_default();
    Some(DocketsData {
        sources: d
            .sources
            .iter()
            .map(|s| SourceData {
                key: source(s.id),
                source: s.source.clone(),
            })
            .collect(),
        entries: d
            .entries
            .iter()
            .filter_map(|e| {
                Some(EntryData {
                    event: event(e.event)?,
                    created_by: source(e.created_by),
                    updated_by: e.updated_by.map(source),
                    entry: e.entry.clone(),
                })
            })
            .collect(),
        news: d
            .news
            .iter()
            .filter_map(|n| {
                Some(NewsData {
                    event: event(n.event)?,
                    source: source(n.source),
                    news: n.news.clone(),
                })
            })
            .collect(),
        details: d
            .details
            .iter()
            .filter_map(|x| {
                Some(DetailsData {
                    proceeding: proceeding(x.proceeding)?,
                    source: x.source.map(source),
                    details: x.details.clone(),
                })
            })
            .collect(),
    })
}

impl DocketsData {
    /// The section as a record for the store to write, the file's keys
    /// turned into the new database's ids (docket files numbered 1, 2… in
    /// the file's order). Fails naming a key the file does not define.
    pub fn to_record(
        &self,
        proceeding: impl Fn(&str) -> casetrail_model::Result<ProceedingId>,
        event: impl Fn(&str) -> casetrail_model::Result<EventId>,
    ) -> casetrail_model::Result<DocketRecord> {
        let ids: HashMap<&str, i64> = self
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.as_str(), i as i64 + 1))
            .collect();
        let source = |key: &str| {
            ids.get(key).copied().ok_or_else(|| {
                casetrail_model::Error::Data(format!(
                    "case file names an unknown docket file {key:?}"
                ))
            })
        };
        let mut r = DocketRecord {
            sources: self
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| DocketSource {
                    id: i as i64 + 1,
                    source: s.source.clone(),
                })
                .collect(),
            ..DocketRecord::default()
        };
        for e in &self.entries {
            r.entries.push(DocketEntry {
                event: event(&e.event)?,
                created_by: source(&e.created_by)?,
                updated_by: e.updated_by.as_deref().map(source).transpose()?,
                entry: e.entry.clone(),
            });
        }
        for n in &self.news {
            r.news.push(DocketNews {
                event: event(&n.event)?,
                source: source(&n.source)?,
                news: n.news.clone(),
            });
        }
        for x in &self.details {
            r.details.push(DocketDetails {
                proceeding: proceeding(&x.proceeding)?,
                source: x.source.as_deref().map(source).transpose()?,
                details: x.details.clone(),
            });
        }
        Ok(r)
    }
}
