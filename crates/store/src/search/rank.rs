//! The one rank query every full-text index is searched with.
//!
//! A rank subquery takes the best `?2` rowids of one FTS5 index for the query
//! `?1` by bm25 (SQLite's top-N sort), with the case filter `?3` acting inside
//! it — or else the best hits of other cases would crowd the case's out — and
//! only then is it joined to what the hit names. `+rowid` keeps SQLite from
//! handing the case's rows to FTS5 as rowid lookups (one full MATCH per listed
//! row: 12x slower at 10k documents); the set is built once and checked as
//! FTS5 returns rows in rank order.
//!
//! The indexes and every piece of their SQL are the fixed list below; nothing
//! from input is spliced in.

/// One full-text index and how its hits are described.
pub(super) struct Index {
    /// The FTS5 table.
    fts: &'static str,
    /// Whether the rank subquery also computes the snippet (`h.s`): for short
    /// texts (notes, highlights). Pages and events get theirs afterwards, for
    /// the hits only.
    snippet: bool,
    /// The rowids that belong to case `?3`.
    in_case: &'static str,
    /// The columns of a hit, over the subquery `h` (`h.rid`, `h.r`, `h.s`) and `joins`.
    select: &'static str,
    /// What a hit's row is joined to.
    joins: &'static str,
}

pub(super) const PAGES: Index = Index {
    fts: "pages_fts",
    snippet: false,
    in_case: "SELECT p.id FROM pages p JOIN documents d ON d.id = p.document_id
              WHERE d.case_id = ?3",
    select: "h.rid, h.r, d.id, d.title, p.number, c.slug",
    joins: "JOIN pages p ON p.id = h.rid
            JOIN documents d ON d.id = p.document_id
            LEFT JOIN cases c ON c.id = d.case_id",
};

pub(super) const EVENTS: Index = Index {
    fts: "events_fts",
    snippet: false,
    in_case: "SELECT e.id FROM events e
              JOIN proceedings p ON p.id = e.proceeding_id
              WHERE p.case_id = ?3",
    select: "h.rid, h.r, e.id, e.title, c.slug",
    joins: "JOIN events e ON e.id = h.rid
            JOIN proceedings p ON p.id = e.proceeding_id
            JOIN cases c ON c.id = p.case_id",
};

pub(super) const NOTES: Index = Index {
    fts: "notes_fts",
    snippet: true,
    in_case: "SELECT n.id FROM notes n
              LEFT JOIN proceedings p ON p.id = n.proceeding_id
              LEFT JOIN events e ON e.id = n.event_id
              LEFT JOIN proceedings ep ON ep.id = e.proceeding_id
              LEFT JOIN documents d ON d.id = n.document_id
              WHERE coalesce(n.case_id, p.case_id, ep.case_id, d.case_id) = ?3",
    select: "h.r, h.s, n.id, n.event_id, n.document_id,
             coalesce(c.slug, pc.slug, ec.slug, dc.slug),
             coalesce(c.name, ct.short_name || ' ' || pr.docket_number, e.title, d.title,
                      'document #' || n.document_id)",
    joins: "JOIN notes n ON n.id = h.rid
            LEFT JOIN cases c ON c.id = n.case_id
            LEFT JOIN proceedings pr ON pr.id = n.proceeding_id
            LEFT JOIN courts ct ON ct.id = pr.court_id
            LEFT JOIN cases pc ON pc.id = pr.case_id
            LEFT JOIN events e ON e.id = n.event_id
            LEFT JOIN proceedings ep ON ep.id = e.proceeding_id
            LEFT JOIN cases ec ON ec.id = ep.case_id
            LEFT JOIN documents d ON d.id = n.document_id
            LEFT JOIN cases dc ON dc.id = d.case_id",
};

pub(super) const HIGHLIGHTS: Index = Index {
    fts: "highlights_fts",
    snippet: true,
    in_case: "SELECT hl.id FROM highlights hl
              JOIN documents d ON d.id = hl.document_id
              WHERE d.case_id = ?3",
    select: "h.r, h.s, hl.id, hl.document_id, hl.page, d.title, c.slug",
    joins: "JOIN highlights hl ON hl.id = h.rid
            JOIN documents d ON d.id = hl.document_id
            LEFT JOIN cases c ON c.id = d.case_id",
};

/// The query for `index`, with or without a case filter. Parameters: `?1` the
/// FTS5 query, `?2` the limit, `?3` the case (NULL without a filter).
pub(super) fn sql(index: &Index, in_case: bool) -> String {
    let Index {
        fts,
        snippet,
        in_case: case_rows,
        select,
        joins,
    } = index;
    let snippet = if *snippet {
        format!(", snippet({fts}, -1, '[', ']', '…', 16) AS s")
    } else {
        String::new()
    };
    let filter = if in_case {
        format!("AND +rowid IN ({case_rows})")
    } else {
        "AND ?3 IS NULL".to_owned()
    };
    format!(
        "SELECT {select}
         FROM (SELECT rowid AS rid, bm25({fts}) AS r{snippet} FROM {fts}
               WHERE {fts} MATCH ?1 {filter}
               ORDER BY r LIMIT ?2) h
         {joins}
         ORDER BY h.r"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_case_filter_acts_inside_the_rank_subquery() {
        let with = sql(&PAGES, true);
        let inner = &with[with.find("(SELECT rowid").unwrap()..with.find(") h").unwrap()];
        assert!(
            inner.contains("+rowid IN (SELECT p.id FROM pages p"),
            "{with}"
        );
        assert!(inner.contains("ORDER BY r LIMIT ?2"), "{with}");
        assert!(sql(&PAGES, false).contains("AND ?3 IS NULL"));
        assert!(sql(&NOTES, false).contains("snippet(notes_fts"));
        assert!(!sql(&EVENTS, true).contains("snippet("));
    }
}
