//! Typed row ids, so a case id can never be passed where an event id is wanted.
//! Every row id of the record is declared here, once.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$meta:meta])* $name:ident),+ $(,)?) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

    )+};
}

id_type! {
    /// A case: a dispute as people name it.
    CaseId,
    /// One docket in one court.
    ProceedingId,
    /// A docket event.
    EventId,
    /// A party (person, company, government).
    PartyId,
    /// A judge.
    JudgeId,
    /// An imported document.
    DocumentId,
    /// A note.
    NoteId,
    /// A tag.
    TagId,
    /// A highlighted passage of a document page.
    HighlightId,
    /// A deadline on a case.
    DeadlineId,
    /// A saved search.
    SavedSearchId,
}
