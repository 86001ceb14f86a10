//! How domain values map to SQLite columns: ids as integers, vocabulary words
//! and dates as text.
//!
//! The domain types live in `casetrail-model`, which cannot see SQLite, so
//! rusqlite's `ToSql`/`FromSql` cannot be implemented for them here (the orphan
//! rule). The store binds and reads every value through two traits of its own
//! instead: [`Bind`] (a value as a statement parameter; this module's
//! [`params!`] wraps each argument) and [`Column`] (a column as a value, read
//! with [`RowExt::col`]). Each type that crosses is listed here once.

use casetrail_deadline::DeadlineStatus;
use casetrail_model::{
    CaseId, Certainty, CourtLevel, DeadlineId, DocumentId, EntryStatus, EventDate, EventId,
    EventKind, HighlightId, HitKind, JudgeId, JudgeRole, NewsChange, NoteId, OcrStatus, Operation,
    Outcome, PageStatus, PartyId, PartyKind, PartyRole, ProceedingId, SavedSearchId, Side, TagId,
};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Row, RowIndex};

/// A value that can be bound as a statement parameter.
pub(crate) trait Bind {
    fn bind(&self) -> rusqlite::Result<ToSqlOutput<'_>>;
}

/// A value that can be read from a column.
pub(crate) trait Column: Sized {
    fn column(v: ValueRef<'_>) -> FromSqlResult<Self>;
}

/// A parameter as rusqlite takes it: any [`Bind`].
pub(crate) struct Param<'a>(pub(crate) &'a dyn Bind);

impl ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        self.0.bind()
    }
}

/// `params![a, b, …]`: statement parameters of any [`Bind`] type (rusqlite's
/// macro of the same name takes only its own `ToSql` types).
macro_rules! params {
    () => {
        &[] as &[&dyn rusqlite::ToSql]
    };
    ($($x:expr),+ $(,)?) => {
        &[$(&$crate::sql::Param(&$x) as &dyn rusqlite::ToSql),+] as &[&dyn rusqlite::ToSql]
    };
}
pub(crate) use params;

/// Reading a column as any [`Column`] type: `row.col(0)?`, `row.col("name")?`.
pub(crate) trait RowExt {
    fn col<I: RowIndex, T: Column>(&self, idx: I) -> rusqlite::Result<T>;
}

impl RowExt for Row<'_> {
    fn col<I: RowIndex, T: Column>(&self, idx: I) -> rusqlite::Result<T> {
        let i = idx.idx(self.as_ref())?;
        let v = self.get_ref(i)?;
        T::column(v)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, v.data_type(), Box::new(e)))
    }
}

impl<T: Bind + ?Sized> Bind for &T {
    fn bind(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        (**self).bind()
    }
}

impl<T: Bind> Bind for Option<T> {
    fn bind(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        match self {
            Some(v) => v.bind(),
            None => Ok(ToSqlOutput::from(rusqlite::types::Null)),
        }
    }
}

impl<T: Column> Column for Option<T> {
    fn column(v: ValueRef<'_>) -> FromSqlResult<Self> {
        match v {
            ValueRef::Null => Ok(None),
            v => T::column(v).map(Some),
        }
    }
}

/// Types rusqlite already maps: bound and read as rusqlite does.
macro_rules! sql_native {
    ($($t:ty),+ $(,)?) => {$(
        impl Bind for $t {
            fn bind(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                ToSql::to_sql(self)
            }
        }
        impl Column for $t {
            fn column(v: ValueRef<'_>) -> FromSqlResult<Self> {
                <$t as FromSql>::column_result(v)
            }
        }
    )+};
}

sql_native!(
    i64,
    i32,
    u32,
    u64,
    f64,
    bool,
    String,
    Vec<u8>,
    DateTime<Utc>,
    NaiveDate,
    serde_json::Value,
);

impl Bind for str {
    fn bind(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        ToSql::to_sql(self)
    }
}

impl Bind for usize {
    fn bind(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        ToSql::to_sql(self)
    }
}

/// Row ids: integers.
macro_rules! sql_id {
    ($($t:ty),+ $(,)?) => {$(
        impl Bind for $t {
            fn bind(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.0))
            }
        }
        impl Column for $t {
            fn column(v: ValueRef<'_>) -> FromSqlResult<Self> {
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
    TagId,
    HighlightId,
    DeadlineId,
    SavedSearchId,
);

/// Vocabulary words and dates: their one spelling, as text.
macro_rules! sql_text {
    ($($t:ty),+ $(,)?) => {$(
        impl Bind for $t {
            fn bind(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.to_string()))
            }
        }
        impl Column for $t {
            fn column(v: ValueRef<'_>) -> FromSqlResult<Self> {
                v.as_str()?
                    .parse()
                    .map_err(|e: casetrail_model::Error| FromSqlError::Other(Box::new(e)))
            }
        }
    )+};
}

sql_text!(
    EventDate,
    EventKind,
    Outcome,
    Side,
    Certainty,
    CourtLevel,
    PartyKind,
    PartyRole,
    JudgeRole,
    Operation,
    OcrStatus,
    PageStatus,
    HitKind,
    DeadlineStatus,
    EntryStatus,
    NewsChange,
);
