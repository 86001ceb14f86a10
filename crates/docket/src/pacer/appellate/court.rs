//! Courts named in appellate dockets, as courts-db ids: the court of
//! appeals from its heading ("United States Court of Appeals for the First
//! Circuit" is "ca1"), and a lower court from the name the docket prints
//! for it ("District of Massachusetts, Boston" is "mad", "S.D.N.Y. (NEW
//! YORK CITY)" is "nysd", "San Diego, Southern California" is "casd").

/// A state or territory with a federal district court: its name, the code
/// courts-db builds district ids from, other names dockets use for it
/// (Bluebook and postal abbreviations, upper case, dots and spaces out), its
/// circuit, and the directions of its districts ("" when it has one).
struct State {
    name: &'static str,
    code: &'static str,
    short: &'static [&'static str],
    circuit: &'static str,
    districts: &'static str,
}

macro_rules! states {
    ($(($name:literal, $code:literal, [$($short:literal),*], $circuit:literal, $districts:literal)),* $(,)?) => {
        &[$(State { name: $name, code: $code, short: &[$($short),*], circuit: $circuit, districts: $districts }),*]
    };
}

const STATES: &[State] = states![
    ("alabama", "al", ["ALA", "AL"], "ca11", "nms"),
    ("alaska", "ak", ["ALASKA", "AK"], "ca9", ""),
    ("arizona", "az", ["ARIZ", "AZ"], "ca9", ""),
    ("arkansas", "ar", ["ARK", "AR"], "ca8", "ew"),
    ("california", "ca", ["CAL", "CA"], "ca9", "necs"),
    ("colorado", "co", ["COLO", "CO"], "ca10", ""),
    ("connecticut", "ct", ["CONN", "CT"], "ca2", ""),
    ("delaware", "de", ["DEL", "DE"], "ca3", ""),
    ("district of columbia", "dc", ["DC"], "cadc", ""),
    ("florida", "fl", ["FLA", "FL"], "ca11", "nms"),
    ("georgia", "ga", ["GA"], "ca11", "nms"),
    ("guam", "gu", ["GUAM", "GU"], "ca9", ""),
    ("hawaii", "hi", ["HAW", "HI"], "ca9", ""),
    ("idaho", "id", ["IDAHO", "ID"], "ca9", ""),
    ("illinois", "il", ["ILL", "IL"], "ca7", "ncs"),
    ("indiana", "in", ["IND", "IN"], "ca7", "ns"),
    ("iowa", "ia", ["IOWA", "IA"], "ca8", "ns"),
    ("kansas", "ks", ["KAN", "KS"], "ca10", ""),
    ("kentucky", "ky", ["KY"], "ca6", "ew"),
    ("louisiana", "la", ["LA"], "ca5", "emw"),
    ("maine", "me", ["ME"], "ca1", ""),
    ("maryland", "md", ["MD"], "ca4", ""),
    ("massachusetts", "ma", ["MASS", "MA"], "ca1", ""),
    ("michigan", "mi", ["MICH", "MI"], "ca6", "ew"),
    ("minnesota", "mn", ["MINN", "MN"], "ca8", ""),
    ("mississippi", "ms", ["MISS", "MS"], "ca5", "ns"),
    ("missouri", "mo", ["MO"], "ca8", "ew"),
    ("montana", "mt", ["MONT", "MT"], "ca9", ""),
    ("nebraska", "ne", ["NEB", "NE"], "ca8", ""),
    ("nevada", "nv", ["NEV", "NV"], "ca9", ""),
    ("new hampshire", "nh", ["NH"], "ca1", ""),
    ("new jersey", "nj", ["NJ"], "ca3", ""),
    ("new mexico", "nm", ["NM"], "ca10", ""),
    ("new york", "ny", ["NY"], "ca2", "nsew"),
    ("north carolina", "nc", ["NC"], "ca4", "emw"),
    ("north dakota", "nd", ["ND"], "ca8", ""),
    ("northern mariana islands", "nmi", ["NMI"], "ca9", ""),
    ("ohio", "oh", ["OHIO", "OH"], "ca6", "ns"),
    ("oklahoma", "ok", ["OKLA", "OK"], "ca10", "new"),
    ("oregon", "or", ["OR"], "ca9", ""),
    ("pennsylvania", "pa", ["PA"], "ca3", "emw"),
    ("puerto rico", "pr", ["PR"], "ca1", ""),
    ("rhode island", "ri", ["RI"], "ca1", ""),
    ("south carolina", "sc", ["SC"], "ca4", ""),
    ("south dakota", "sd", ["SD"], "ca8", ""),
    ("tennessee", "tn", ["TENN", "TN"], "ca6", "emw"),
    ("texas", "tx", ["TEX", "TX"], "ca5", "nsew"),
    ("utah", "ut", ["UTAH", "UT"], "ca10", ""),
    ("vermont", "vt", ["VT"], "ca2", ""),
    ("virgin islands", "vi", ["VI"], "ca3", ""),
    ("virginia", "va", ["VA"], "ca4", "ew"),
    ("washington", "wa", ["WASH", "WA"], "ca9", "ew"),
    ("west virginia", "wv", ["WVA", "WV"], "ca4", "ns"),
    ("wisconsin", "wi", ["WIS", "WI"], "ca7", "ew"),
    ("wyoming", "wy", ["WYO", "WY"], "ca10", ""),
];

const DIRECTIONS: &[(&str, char)] = &[
    ("northern", 'n'),
    ("southern", 's'),
    ("eastern", 'e'),
    ("western", 'w'),
    ("middle", 'm'),
    ("central", 'c'),
];

const ORDINALS: &[(&str, &str)] = &[
    ("first", "1"),
    ("second", "2"),
    ("third", "3"),
    ("fourth", "4"),
    ("fifth", "5"),
    ("sixth", "6"),
    ("seventh", "7"),
    ("eighth", "8"),
    ("ninth", "9"),
    ("tenth", "10"),
    ("eleventh", "11"),
];

/// The appellate court a heading or receipt names: "United States Court of
/// Appeals for the First Circuit" is "ca1", "U. S. Bankruptcy Appellate
/// Panel for the Ninth Circuit" (or "BAP for the Ninth Circuit") "bap9",
/// "... for District of Columbia Circuit" "cadc".
pub fn appellate(heading: &str) -> Option<String> {
    let lower = crate::html::clean(heading).to_ascii_lowercase();
    if lower.contains("veterans claims") {
        return Some("cavc".to_owned());
    }
    if lower.contains("federal circuit") {
        return Some("cafc".to_owned());
    }
    if lower.contains("armed forces") {
        return Some("armfor".to_owned());
    }
    let bap = lower.contains("bankruptcy appellate panel") || lower.contains("bap for the");
    if !(bap || lower.contains("court of appeals")) {
        return None;
    }
    let prefix = if bap { "bap" } else { "ca" };
    if lower.contains("district of columbia circuit") || lower.contains("d.c. circuit") {
        return (!bap).then(|| "cadc".to_owned());
    }
    let at = lower.find(" circuit")?;
    let before = lower[..at].rsplit(' ').next()?;
    let (_, n) = ORDINALS.iter().find(|(word, _)| *word == before)?;
    Some(format!("{prefix}{n}"))
}

/// The circuit a state's courts appeal to, from a lower court's name.
pub fn circuit_of(name: &str) -> Option<&'static str> {
    state_in(name).map(|(s, _)| s.circuit)
}

/// The courts-db id of a lower court from its printed name, when the name
/// tells it: a district court (or, with `bankruptcy`, the bankruptcy court
/// of that district), or a national court. Agencies have no id.
pub fn lower(name: &str, bankruptcy: bool) -> Option<String> {
    let lower = crate::html::clean(name).to_ascii_lowercase();
    if lower.is_empty() || lower == "null" {
        return None;
    }
    for (words, id) in [
        ("tax court", "tax"),
        ("court of federal claims", "uscfc"),
        ("court of international trade", "cit"),
        ("judicial panel on multidistrict", "jpml"),
    ] {
        if lower.contains(words) {
            return Some(id.to_owned());
        }
    }
    if lower.contains("bankruptcy appellate panel") {
        return None;
    }
    let bankruptcy = bankruptcy || lower.contains("bankruptcy");
    let (state, direction) = state_in(name)?;
    let direction = match direction {
        Some(d) if state.districts.contains(d) => d.to_string(),
        Some(_) => return None,
        None if state.districts.is_empty() => String::new(),
        None => return None,
    };
    Some(format!(
        "{}{direction}{}",
        state.code,
        if bankruptcy { 'b' } else { 'd' }
    ))
}

/// The state a lower court's name names, and the direction of its district
/// when the name gives one: "Southern District of Florida", "San Diego,
/// Southern California", "S.D.N.Y . (NEW YORK CITY)", "N.D. Cal.".
fn state_in(name: &str) -> Option<(&'static State, Option<char>)> {
    // The part in parentheses is a division ("(NEW YORK CITY)"), no state.
    let name = name.split('(').next().unwrap_or_default();
    let lower = crate::html::clean(name).to_ascii_lowercase();
    let spelled = STATES
        .iter()
        .filter(|s| contains_words(&lower, s.name))
        .max_by_key(|s| s.name.len());
    if let Some(state) = spelled {
        // "West Virginia" holds "virginia"; the direction words are read
        // outside the state's own name ("North Carolina" is no direction).
        let rest = lower.replacen(state.name, " ", 1);
        let direction = DIRECTIONS
            .iter()
            .find(|(word, _)| contains_words(&rest, word))
            .map(|&(_, d)| d);
        return Some((state, direction));
    }
    // Abbreviations: "S.D.N.Y.", "E.D. Pa.", "D. Mass.", "N.D.Cal".
    let squeezed: String = name
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_uppercase();
    let (direction, rest) = match squeezed.as_bytes() {
        [d @ (b'N' | b'S' | b'E' | b'W' | b'M' | b'C'), b'D', ..] => {
            (Some((*d as char).to_ascii_lowercase()), &squeezed[2..])
        }
        [b'D', ..] => (None, &squeezed[1..]),
        _ => return None,
    };
    let state = STATES.iter().find(|s| s.short.contains(&rest))?;
    Some((state, direction))
}

/// Whether `hay` holds `words` as whole words.
fn contains_words(hay: &str, words: &str) -> bool {
    let mut from = 0;
    while let Some(at) = hay[from..].find(words).map(|n| n + from) {
        let before = hay[..at].chars().next_back();
        let after = hay[at + words.len()..].chars().next();
        let edge = |c: Option<char>| !matches!(c, Some(c) if c.is_alphanumeric());
        if edge(before) && edge(after) {
            return true;
        }
        from = at + words.len();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{appellate, circuit_of, lower};

    #[test]
    fn courts_of_appeals_from_headings() {
        let cases = [
            (
                "General Docket United States Court of Appeals for the First Circuit",
                "ca1",
            ),
            (
                "United States Court of Appeals for the Eleventh Circuit",
                "ca11",
            ),
            (
                "United States Court of Appeals for District of Columbia Circuit",
                "cadc",
            ),
            (
                "U. S. Bankruptcy Appellate Panel for the Ninth Circuit",
                "bap9",
            ),
            ("BAP for the Ninth Circuit - 01/24/2018 18:21:09", "bap9"),
            ("United States Court of Appeals for Veterans Claims", "cavc"),
            (
                "United States Court of Appeals for the Federal Circuit",
                "cafc",
            ),
        ];
        for (heading, id) in cases {
            assert_eq!(appellate(heading).as_deref(), Some(id), "{heading}");
        }
        assert_eq!(appellate("Transaction Receipt"), None);
        assert_eq!(appellate("Court of Appeals for the Zeroth Circuit"), None);
    }

    #[test]
    fn lower_courts_from_names() {
        let cases = [
            ("District of Massachusetts, Boston", false, Some("mad")),
            ("Southern District of Florida", false, Some("flsd")),
            ("S.D.N.Y . (NEW YORK CITY)", false, Some("nysd")),
            ("E.D.N.Y. (BROOKLYN)", false, Some("nyed")),
            ("San Diego, Southern California", false, Some("casd")),
            ("San Francisco Northern California", false, Some("cand")),
            ("Nevada - Las Vegas", true, Some("nvb")),
            ("Northern District of West Virginia", false, Some("wvnd")),
            ("Eastern District of North Carolina", false, Some("nced")),
            ("D. Mass.", false, Some("mad")),
            ("N.D. Cal.", false, Some("cand")),
            ("United States Tax Court", false, Some("tax")),
            ("California", false, None),
            ("Board of Immigration Appeals", false, None),
            ("Department of Justice", false, None),
            ("null", false, None),
            ("", false, None),
        ];
        for (name, bankruptcy, id) in cases {
            assert_eq!(lower(name, bankruptcy).as_deref(), id, "{name}");
        }
        assert_eq!(circuit_of("S.D.N.Y. (WHITE PLAINS)"), Some("ca2"));
        assert_eq!(circuit_of("Los Angeles Central California"), Some("ca9"));
        assert_eq!(circuit_of("Department of Justice"), None);
    }
}
