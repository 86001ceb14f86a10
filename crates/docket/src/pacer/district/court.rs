//! Which court a report is from: the CM/ECF host its links point to
//! (`https://ecf.cand.uscourts.gov/doc1/…` is "cand"), else the heading
//! ("U.S. District Court / California Northern District (San Francisco)",
//! "U.S. Bankruptcy Court / Alaska (Anchorage)"), as a courts-db id.

/// States and territories with federal district courts, and the code
/// courts-db builds their district ids from.
const STATES: &[(&str, &str)] = &[
    ("alabama", "al"),
    ("alaska", "ak"),
    ("arizona", "az"),
    ("arkansas", "ar"),
    ("california", "ca"),
    ("colorado", "co"),
    ("connecticut", "ct"),
    ("delaware", "de"),
    ("district of columbia", "dc"),
    ("florida", "fl"),
    ("georgia", "ga"),
    ("guam", "gu"),
    ("hawaii", "hi"),
    ("idaho", "id"),
    ("illinois", "il"),
    ("indiana", "in"),
    ("iowa", "ia"),
    ("kansas", "ks"),
    ("kentucky", "ky"),
    ("louisiana", "la"),
    ("maine", "me"),
    ("maryland", "md"),
    ("massachusetts", "ma"),
    ("michigan", "mi"),
    ("minnesota", "mn"),
    ("mississippi", "ms"),
    ("missouri", "mo"),
    ("montana", "mt"),
    ("nebraska", "ne"),
    ("nevada", "nv"),
    ("new hampshire", "nh"),
    ("new jersey", "nj"),
    ("new mexico", "nm"),
    ("new york", "ny"),
    ("north carolina", "nc"),
    ("north dakota", "nd"),
    ("northern mariana islands", "nmi"),
    ("ohio", "oh"),
    ("oklahoma", "ok"),
    ("oregon", "or"),
    ("pennsylvania", "pa"),
    ("puerto rico", "pr"),
    ("rhode island", "ri"),
    ("south carolina", "sc"),
    ("south dakota", "sd"),
    ("tennessee", "tn"),
    ("texas", "tx"),
    ("utah", "ut"),
    ("vermont", "vt"),
    ("virgin islands", "vi"),
    ("virginia", "va"),
    ("washington", "wa"),
    ("west virginia", "wv"),
    ("wisconsin", "wi"),
    ("wyoming", "wy"),
];

const DIRECTIONS: &[(&str, &str)] = &[
    ("northern", "n"),
    ("southern", "s"),
    ("eastern", "e"),
    ("western", "w"),
    ("middle", "m"),
    ("central", "c"),
];

/// The court of the CM/ECF host most of the page's links point to.
pub fn from_links(text: &str) -> Option<String> {
    let mut seen: Vec<(&str, usize)> = Vec::new();
    let mut rest = text;
    let mut looked = 0;
    while let Some(at) = rest.find("//ecf.") {
        let after = &rest[at + 6..];
        let len = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let label = &after[..len];
        if len > 0 && after[len..].starts_with(".uscourts.gov") {
            match seen.iter_mut().find(|(l, _)| l.eq_ignore_ascii_case(label)) {
                Some((_, n)) => *n += 1,
                None => seen.push((label, 1)),
            }
            looked += 1;
            if looked == 64 {
                break;
            }
        }
        rest = &after[len..];
    }
    let (label, _) = seen.iter().max_by_key(|(_, n)| *n)?;
    Some(match label.to_ascii_lowercase().as_str() {
        "cofc" => "uscfc".to_owned(),
        other => other.to_owned(),
    })
}

/// The court a heading names ("U.S. District Court District of New Jersey
/// [LIVE] (Newark)"); `bankruptcy` when it is a bankruptcy court.
pub fn from_heading(heading: &str) -> Option<String> {
    let lower = crate::html::clean(heading).to_ascii_lowercase();
    if lower.contains("judicial panel on multidistrict") {
        return Some("jpml".to_owned());
    }
    if lower.contains("court of international trade") {
        return Some("cit".to_owned());
    }
    if lower.contains("court of federal claims") {
        return Some("uscfc".to_owned());
    }
    let bankruptcy = lower.contains("bankruptcy court");
    // The division in parentheses ("(Boise - Southern)") names no district.
    let name = lower.split('(').next().unwrap_or_default();
    let (_, code) = STATES
        .iter()
        .filter(|(state, _)| name.contains(state))
        .max_by_key(|(state, _)| state.len())?;
    let direction = DIRECTIONS
        .iter()
        .find(|(word, _)| name.contains(word))
        .map_or("", |(_, d)| d);
    let kind = if bankruptcy { "b" } else { "d" };
    Some(format!("{code}{direction}{kind}"))
}

#[cfg(test)]
mod tests {
    use super::{from_heading, from_links};

    #[test]
    fn courts_from_headings() {
        let cases = [
            ("U.S. District Court California Northern District (San Francisco)", "cand"),
            ("U.S. District Court Southern District of New York (Foley Square)", "nysd"),
            ("U.S. District Court District of Columbia (Washington, DC)", "dcd"),
            ("U.S. District Court District of New Jersey [LIVE] (Newark)", "njd"),
            ("United States District Court Northern District of Illinois - CM/ECF LIVE, Ver 6.1 (Chicago)", "ilnd"),
            ("U.S. Bankruptcy Court Alaska (Anchorage)", "akb"),
            ("U.S. Bankruptcy Court Western District of Washington (Tacoma)", "wawb"),
            ("U.S. District Court Western District of Missouri (Kansas City)", "mowd"),
            ("U.S. District Court District of Idaho (Boise - Southern)", "idd"),
            ("U.S. District Court Western District of North Carolina (Charlotte)", "ncwd"),
            ("United States Judicial Panel on Multidistrict Litigation", "jpml"),
        ];
        for (heading, id) in cases {
            assert_eq!(from_heading(heading).as_deref(), Some(id), "{heading}");
        }
        assert_eq!(from_heading("Docket Report"), None);
    }

    #[test]
    fn courts_from_links() {
        let page = "<a href='https://ecf.akb.uscourts.gov/doc1/1'>1</a> \
                    see https://ecf.cand.uscourts.gov/x <a href='https://ecf.akb.uscourts.gov/doc1/2'>";
        assert_eq!(from_links(page).as_deref(), Some("akb"));
        assert_eq!(from_links("http://cand.uscourts.gov/ecf/"), None);
        assert_eq!(from_links("//ecf."), None);
    }
}
