//! How domain values map to SQLite columns: ids as integers, vocabulary words
//! and dates as text.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::model::{
    CaseId, Certainty, CourtLevel, DocumentId, EventDate, EventId, EventKind, JudgeId, JudgeRole,
    NoteId, Operation, Outcome, PartyId, PartyKind, PartyRole, ProceedingId, Side, TagId,
};

macro_rules! sql_id {
    ($($t:ty),+) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.0))
            }
        }
        impl FromSql for $t {
            fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(v).map(Self)
            }
        }
    )+};
}

sql_id!(
    CaseId,
    ProceedingId,
    EventId,
    PartyId,
    JudgeId,
    DocumentId,
    NoteId,
    TagId
);

macro_rules! sql_text {
    ($($t:ty),+) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.to_string()))
            }
        }
        impl FromSql for $t {
            fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
                v.as_str()?
                    .parse()
                    .map_err(|e: crate::Error| FromSqlError::Other(Box::new(e)))
            }
        }
    )+};
}

sql_text!(
    EventDate, EventKind, Outcome, Side, Certainty, CourtLevel, PartyKind, PartyRole, JudgeRole,
    Operation
);

sql_id!(crate::model::HighlightId);
