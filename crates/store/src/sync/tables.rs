//! The synced tables as data: each one's columns, which columns refer to
//! other synced rows (sent as global ids), how to find a row's case, its
//! unique key and the columns that travel together. Parents come first.

/// One synced column; `refers` names the entity a reference points to.
pub(crate) struct Column {
    pub name: &'static str,
    pub refers: Option<&'static str>,
}

const fn plain(name: &'static str) -> Column {
    Column { name, refers: None }
}

const fn refers(name: &'static str, entity: &'static str) -> Column {
    Column {
        name,
        refers: Some(entity),
    }
}

/// One synced entity.
pub(crate) struct Spec {
    pub entity: &'static str,
    pub table: &'static str,
    pub columns: &'static [Column],
    /// SQL giving the local case id of row `?1` (NULL: this row does not sync).
    pub case_of: &'static str,
    /// The table has `updated_at`, set to now when a pulled change lands.
    pub updated_at: bool,
    /// Columns of a unique key: a pulled row that collides on them is the
    /// row already here (the same docket opened on two desktops).
    pub same: &'static [&'static str],
    /// A column that travels with another when an update names only the
    /// first (a recomputed deadline's computation with its computed date).
    pub with: &'static [(&'static str, &'static str)],
}

/// The synced entities, parents first.
pub(crate) const SPECS: &[Spec] = &[
    Spec {
        entity: "case",
        table: "cases",
        columns: &[
            plain("slug"),
            plain("name"),
            plain("summary"),
            plain("created_at"),
        ],
        case_of: "SELECT id FROM cases WHERE id = ?1",
        updated_at: true,
        same: &[],
        with: &[],
    },
    Spec {
        entity: "proceeding",
        table: "proceedings",
        columns: &[
            refers("case_id", "case"),
            plain("court_id"),
            plain("docket_number"),
            plain("caption"),
            plain("opened_on"),
            plain("closed_on"),
            refers("appeal_from", "proceeding"),
            refers("appeal_from_event", "event"),
        ],
        case_of: "SELECT case_id FROM proceedings WHERE id = ?1",
        updated_at: false,
        same: &["case_id", "court_id", "docket_number"],
        with: &[],
    },
    Spec {
        entity: "event",
        table: "events",
        columns: &[
            refers("proceeding_id", "proceeding"),
            plain("date"),
            plain("kind"),
            plain("title"),
            plain("description"),
            plain("entry"),
            plain("outcome"),
            plain("side"),
            plain("stay_lifted_on"),
            refers("stay_lifted_by", "event"),
            plain("source"),
            plain("certainty"),
            plain("created_at"),
        ],
        case_of: "SELECT p.case_id FROM events e JOIN proceedings p ON p.id = e.proceeding_id
                  WHERE e.id = ?1",
        updated_at: true,
        same: &[],
        with: &[],
    },
    Spec {
        entity: "note",
        table: "notes",
        columns: &[
            refers("case_id", "case"),
            refers("proceeding_id", "proceeding"),
            refers("event_id", "event"),
            plain("body"),
            plain("created_at"),
        ],
        case_of: "SELECT coalesce(n.case_id, p.case_id, ep.case_id) FROM notes n
                  LEFT JOIN proceedings p ON p.id = n.proceeding_id
                  LEFT JOIN events e ON e.id = n.event_id
                  LEFT JOIN proceedings ep ON ep.id = e.proceeding_id
                  WHERE n.id = ?1",
        updated_at: true,
        same: &[],
        with: &[],
    },
    Spec {
        entity: "deadline",
        table: "deadlines",
        columns: &[
            refers("case_id", "case"),
            refers("proceeding_id", "proceeding"),
            plain("title"),
            plain("rule"),
            plain("part"),
            plain("us_party"),
            plain("service"),
            plain("court_id"),
            refers("trigger_event", "event"),
            plain("trigger_date"),
            plain("computed_due"),
            plain("computation"),
            plain("ordered_due"),
            plain("ordered_note"),
            plain("due"),
            plain("status"),
            plain("notes"),
            plain("created_at"),
        ],
        case_of: "SELECT case_id FROM deadlines WHERE id = ?1",
        updated_at: true,
        same: &[],
        with: &[("computed_due", "computation")],
    },
];

/// The spec of a synced entity.
pub(crate) fn spec(entity: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.entity == entity)
}
