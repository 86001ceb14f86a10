//! Which state courts belong to which state system: the state courts of the
//! bundled court list (`assets/detect/courts.tsv`, category `state`), by the
//! state their name gives, and those of the store's court list
//! (`assets/courts/states.tsv`, system `state:XX`). A proceeding in
//! `calsuperct` counts California's way.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::period::System;

const COURTS_TSV: &str = include_str!("../../../../assets/detect/courts.tsv");
const STATE_COURTS_TSV: &str = include_str!("../../../../assets/courts/states.tsv");

/// A state court the engine knows: its id, name and system.
#[derive(Debug, Clone)]
pub(crate) struct StateCourt {
    pub id: String,
    pub name: String,
    pub system: System,
}

const STATES: [(&str, System); 5] = [
    ("California", System::Ca),
    ("New York", System::Ny),
    ("Texas", System::Tx),
    ("Florida", System::Fl),
    ("Illinois", System::Il),
];

fn table() -> &'static HashMap<String, StateCourt> {
    static T: OnceLock<HashMap<String, StateCourt>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = HashMap::new();
        for line in COURTS_TSV.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(id), Some("state"), Some(name)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            // Courts only: agencies in the list (Florida's Division of
            // Administrative Hearings) count under their own rules.
            if !name.contains("Court") {
                continue;
            }
            if let Some((_, system)) = STATES.iter().find(|(s, _)| name.contains(s)) {
                t.entry(id.to_string()).or_insert_with(|| StateCourt {
                    id: id.to_string(),
                    name: name.to_string(),
                    system: *system,
                });
            }
        }
        // id, name, short name, level, system ("state:CA"), appeals to.
        for line in STATE_COURTS_TSV.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(id), Some(name), Some(code)) = (
                cols.first(),
                cols.get(1),
                cols.get(4).and_then(|s| s.strip_prefix("state:")),
            ) else {
                continue;
            };
            if let Ok(system) = code.parse::<System>() {
                t.entry(id.to_string()).or_insert_with(|| StateCourt {
                    id: id.to_string(),
                    name: name.to_string(),
                    system,
                });
            }
        }
        t
    })
}

/// The state court with this id, if it belongs to one of the state systems.
pub(crate) fn find(id: &str) -> Option<&'static StateCourt> {
    table().get(id.trim().to_ascii_lowercase().as_str())
}

/// The system a court id counts under, if it is a state court the engine knows.
pub fn system_of_court(id: &str) -> Option<System> {
    find(id).map(|c| c.system)
}

/// Every known state court of a system, by id.
pub fn courts_of(system: System) -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<(&str, &str)> = table()
        .values()
        .filter(|c| c.system == system)
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_courts_map_to_their_systems() {
        assert_eq!(system_of_court("calsuperct"), Some(System::Ca));
        assert_eq!(system_of_court("calctapp2d"), Some(System::Ca));
        assert_eq!(system_of_court("nysupct"), Some(System::Ny));
        assert_eq!(system_of_court("texapp"), Some(System::Tx));
        assert_eq!(system_of_court("fladistctapp3"), Some(System::Fl));
        assert_eq!(system_of_court("illappct"), Some(System::Il));
        // Trial courts from the store's list.
        assert_eq!(system_of_court("texdistct"), Some(System::Tx));
        assert_eq!(system_of_court("illcirct"), Some(System::Il));
        assert_eq!(system_of_court("flacirct"), Some(System::Fl));
        assert_eq!(system_of_court("ca9"), None);
        assert_eq!(system_of_court("mass"), None);
        assert_eq!(system_of_court("fladivadminhrg"), None);
        assert!(courts_of(System::Fl).len() >= 7);
    }
}
