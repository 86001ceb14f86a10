//! The parsed docket: one shape for every format.

use chrono::NaiveDate;
use serde::Serialize;

use crate::DocketFormat;

/// What one file held: one docket for a docket report, one per case for an
/// RSS feed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parsed {
    pub format: DocketFormat,
    pub dockets: Vec<Docket>,
}

/// One court's docket of one case, as the court publishes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Docket {
    /// The courts-db id ("nysd", "ca2", "scotus"), when the file says or implies it.
    pub court_id: Option<String>,
    /// As the court prints it ("1:13-mj-02814", "14-2985", "17-2").
    pub docket_number: String,
    /// The caption's short form ("Microsoft Corp. v. United States").
    pub case_name: String,
    pub assigned_to: Option<String>,
    pub referred_to: Option<String>,
    pub date_filed: Option<NaiveDate>,
    pub date_terminated: Option<NaiveDate>,
    pub nature_of_suit: Option<String>,
    pub cause: Option<String>,
    pub jury_demand: Option<String>,
    pub parties: Vec<Party>,
    /// In the court's order.
    pub entries: Vec<Entry>,
    /// For an appeal: the court and docket it came from.
    pub originating: Option<Originating>,
    /// For an appeal: the judges of the panel as the docket prints them
    /// ("SLL", "KVL", "RT" on CM/ECF), in its order; empty when not yet
    /// assigned or not shown.
    pub panel: Vec<String>,
    /// For an appeal: the court of appeals' case type ("civil, private,
    /// bankruptcy", "Agency, Immigration").
    pub case_type: Option<String>,
    /// For an appeal: the fee status as printed ("filing fee paid", "IFP
    /// Granted").
    pub fee_status: Option<String>,
}

/// A party and its lawyers.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Party {
    pub name: String,
    /// The role as the docket prints it ("Plaintiff", "Debtor", "Appellant").
    pub role: String,
    /// Lines printed under the name ("TERMINATED: 05/06/2014", an alias).
    pub extra_info: String,
    pub attorneys: Vec<Attorney>,
}

/// A lawyer for a party.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Attorney {
    pub name: String,
    /// Firm, address, telephone and email, one per line, as printed.
    pub contact: String,
    /// "LEAD ATTORNEY", "ATTORNEY TO BE NOTICED", "PRO HAC VICE"…
    pub roles: Vec<String>,
}

/// One docket entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Entry {
    /// The entry number as the court prints it; `None` for unnumbered entries.
    pub number: Option<String>,
    pub date_filed: NaiveDate,
    pub date_entered: Option<NaiveDate>,
    /// The clerk's full docket text.
    pub description: String,
    /// The court's document ids (PACER's doc ids, links on supremecourt.gov).
    pub document_ids: Vec<String>,
    /// The documents the entry links to, where the file gives their
    /// addresses (supremecourt.gov's PDFs, an RSS item's PACER link,
    /// CourtListener's copies), in the court's order.
    pub links: Vec<DocumentLink>,
}

/// A document an entry links to.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocumentLink {
    /// What the court calls it ("Main Document", "Petition", "Proof of
    /// Service", "Exhibit 1"); "Document" when it says nothing.
    pub description: String,
    /// The absolute address.
    pub url: String,
}

/// Where an appeal came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Originating {
    /// The courts-db id of the lower court, when it can be told.
    pub court_id: Option<String>,
    /// The lower court as printed ("District of Massachusetts, Boston").
    pub court_name: String,
    pub docket_number: String,
    /// The date of the judgment or order appealed from, when given.
    pub judgment_on: Option<NaiveDate>,
}
