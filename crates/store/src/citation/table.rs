//! The table of authorities: a case's citations grouped by what they cite.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{by_document, Authority, StoredCitation};

/// Group citations into authorities: parallel keys joined (union-find over a
/// full citation's key and its authority), most cited first.
pub(super) fn authorities(cites: &[StoredCitation]) -> Vec<Authority> {
    let mut parent: HashMap<&str, &str> = HashMap::new();
    fn root<'a>(parent: &HashMap<&'a str, &'a str>, mut k: &'a str) -> &'a str {
        while let Some(&p) = parent.get(k) {
            if p == k {
                break;
            }
            k = p;
        }
        k
    }
    for c in cites {
        let Some(a) = c.authority.as_deref() else {
            continue;
        };
        parent.entry(a).or_insert(a);
        if c.kind == "case" {
            parent.entry(&c.key).or_insert(&c.key);
            let (ra, rk) = (root(&parent, a), root(&parent, &c.key));
            if ra != rk {
                // The smaller key wins, so the grouping does not depend on order.
                let (keep, drop) = if ra < rk { (ra, rk) } else { (rk, ra) };
                parent.insert(drop, keep);
            }
        }
    }
    let mut groups: BTreeMap<&str, Vec<&StoredCitation>> = BTreeMap::new();
    for c in cites {
        if let Some(a) = c.authority.as_deref() {
            groups.entry(root(&parent, a)).or_default().push(c);
        }
    }
    let mut out: Vec<Authority> = groups
        .into_values()
        .map(|members| authority(&members))
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.authority.cmp(&b.authority))
    });
    out
}

fn authority(members: &[&StoredCitation]) -> Authority {
    let full: Vec<&&StoredCitation> = members
        .iter()
        .filter(|c| !matches!(c.kind.as_str(), "short_case" | "id" | "supra"))
        .collect();
    // The authority most often named first; names and years as most often printed.
    let most = |f: &dyn Fn(&StoredCitation) -> Option<String>| {
        let mut n: BTreeMap<String, usize> = BTreeMap::new();
        for c in &full {
            if let Some(v) = f(c) {
                *n.entry(v).or_default() += 1;
            }
        }
        n.into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(v, _)| v)
    };
    let primary = most(&|c| c.authority.clone())
        .or_else(|| members[0].authority.clone())
        .unwrap_or_default();
    let parallel: BTreeSet<String> = full
        .iter()
        .filter(|c| c.kind == "case" && c.key != primary)
        .map(|c| c.key.clone())
        .collect();
    let kind = full.first().map_or("case".to_owned(), |c| c.kind.clone());
    let owned: Vec<StoredCitation> = members.iter().map(|c| (*c).clone()).collect();
    Authority {
        kind,
        authority: primary,
        parallel: parallel.into_iter().collect(),
        name: most(&|c| c.name.clone()),
        court: most(&|c| c.court.clone()),
        year: most(&|c| c.year.map(|y| y.to_string())).and_then(|y| y.parse().ok()),
        count: members.len() as u32,
        documents: by_document(&owned),
    }
}
