//! The court a Supreme Court case came from, as supremecourt.gov names it
//! ("United States Court of Appeals for the First Circuit", "Supreme Court
//! of California", "District Court of Appeal of Florida, Third District"),
//! to its courts-db id; and the lower court's case numbers as printed
//! ("(23-2051 (See also 23-1853))", "(15-1688, 15-1726)", "(98-35309/35509)").

/// State, postal code, courts-db id of its court of last resort, and of its
/// general intermediate appellate court ("" when it has none).
const STATES: &[(&str, &str, &str, &str)] = &[
    ("Alabama", "al", "ala", "alacivapp"),
    ("Alaska", "ak", "alaska", "alaskactapp"),
    ("Arizona", "az", "ariz", "arizctapp"),
    ("Arkansas", "ar", "ark", "arkctapp"),
    ("California", "ca", "cal", "calctapp"),
    ("Colorado", "co", "colo", "coloctapp"),
    ("Connecticut", "ct", "conn", "connappct"),
    ("Delaware", "de", "del", ""),
    ("District of Columbia", "dc", "dc", ""),
    ("Florida", "fl", "fla", "fladistctapp"),
    ("Georgia", "ga", "ga", "gactapp"),
    ("Hawaii", "hi", "haw", "hawapp"),
    ("Idaho", "id", "idaho", "idahoctapp"),
    ("Illinois", "il", "ill", "illappct"),
    ("Indiana", "in", "ind", "indctapp"),
    ("Iowa", "ia", "iowa", "iowactapp"),
    ("Kansas", "ks", "kan", "kanctapp"),
    ("Kentucky", "ky", "ky", "kyctapp"),
    ("Louisiana", "la", "la", "lactapp"),
    ("Maine", "me", "me", ""),
    ("Maryland", "md", "md", "mdctspecapp"),
    ("Massachusetts", "ma", "mass", "massappct"),
    ("Michigan", "mi", "mich", "michctapp"),
    ("Minnesota", "mn", "minn", "minnctapp"),
    ("Mississippi", "ms", "miss", "missctapp"),
    ("Missouri", "mo", "mo", "moctapp"),
    ("Montana", "mt", "mont", ""),
    ("Nebraska", "ne", "neb", "nebctapp"),
    ("Nevada", "nv", "nev", "nevapp"),
    ("New Hampshire", "nh", "nh", ""),
    ("New Jersey", "nj", "nj", "njsuperctappdiv"),
    ("New Mexico", "nm", "nm", "nmctapp"),
    ("New York", "ny", "ny", "nyappdiv"),
    ("North Carolina", "nc", "nc", "ncctapp"),
    ("North Dakota", "nd", "nd", "ndctapp"),
    ("Ohio", "oh", "ohio", "ohioctapp"),
    ("Oklahoma", "ok", "okla", "oklacivapp"),
    ("Oregon", "or", "or", "orctapp"),
    ("Pennsylvania", "pa", "pa", "pasuperct"),
    ("Rhode Island", "ri", "ri", ""),
    ("South Carolina", "sc", "sc", "scctapp"),
    ("South Dakota", "sd", "sd", ""),
    ("Tennessee", "tn", "tenn", "tennctapp"),
    ("Texas", "tx", "tex", "texapp"),
    ("Utah", "ut", "utah", "utahctapp"),
    ("Vermont", "vt", "vt", ""),
    ("Virginia", "va", "va", "vactapp"),
    ("Washington", "wa", "wash", "washctapp"),
    ("West Virginia", "wv", "wva", "wvactapp"),
    ("Wisconsin", "wi", "wis", "wisctapp"),
    ("Wyoming", "wy", "wyo", ""),
    ("Puerto Rico", "pr", "prsupreme", ""),
    ("Guam", "gu", "guam", ""),
    ("Virgin Islands", "vi", "", ""),
    ("Northern Mariana Islands", "nmi", "nmi", ""),
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

/// The courts-db id of a lower court named as supremecourt.gov names it.
pub fn court_id(name: &str) -> Option<String> {
    let lower = crate::html::clean(name).to_ascii_lowercase();
    let lower = lower.trim_end_matches('.');
    let id = |s: &str| Some(s.to_owned());
    if lower.contains("court of appeals for the armed forces") {
        return id("armfor");
    }
    if lower.contains("court of federal claims") {
        return id("uscfc");
    }
    if lower.contains("united states tax court") {
        return id("tax");
    }
    if lower.contains("circuit") && lower.contains("court of appeals for the") {
        if lower.contains("district of columbia circuit") {
            return id("cadc");
        }
        if lower.contains("federal circuit") {
            return id("cafc");
        }
        let (_, n) = ORDINALS
            .iter()
            .rev() // "eleventh" before "first"…
            .find(|(word, _)| lower.contains(&format!("the {word} circuit")))?;
        return Some(format!("ca{n}"));
    }
    if lower.contains("united states district court") || lower.starts_with("district court for the")
    {
        let after = lower.rsplit_once("district of ")?.1;
        let state = STATES
            .iter()
            .find(|(s, ..)| after.starts_with(&s.to_ascii_lowercase()))?;
        let direction = [
            ("northern", "n"),
            ("southern", "s"),
            ("eastern", "e"),
            ("western", "w"),
            ("middle", "m"),
            ("central", "c"),
        ]
        .iter()
        .find(|(word, _)| lower.contains(&format!("{word} district")))
        .map_or("", |(_, d)| d);
        return Some(format!("{}{direction}d", state.1));
    }
    // State courts: "Supreme Court of X", "Court of Appeals of X",
    // "X Supreme Court", "District Court of Appeal of Florida, Third District".
    let state = STATES
        .iter()
        .filter(|(s, ..)| lower.contains(&s.to_ascii_lowercase()))
        // "West Virginia" before "Virginia", "Arkansas" before "Kansas".
        .max_by_key(|(s, ..)| s.len())?;
    let (name, _, supreme, appeals) = *state;
    let specific = [
        ("court of criminal appeals", "texas", "texcrimapp"),
        ("court of criminal appeals", "oklahoma", "oklacrimapp"),
        ("court of criminal appeals", "tennessee", "tenncrimapp"),
        ("court of criminal appeals", "alabama", "alacrimapp"),
        ("commonwealth court", "pennsylvania", "pacommwct"),
        ("appellate division", "new jersey", "njsuperctappdiv"),
        ("appellate division", "new york", "nyappdiv"),
        ("appellate term", "new york", "nyappterm"),
    ];
    if let Some((.., id)) = specific
        .iter()
        .find(|(court, st, _)| lower.contains(court) && name.eq_ignore_ascii_case(st))
    {
        return Some((*id).to_owned());
    }
    let highest = lower.starts_with("supreme court")
        || lower.contains(" supreme court")
        || lower.starts_with("supreme judicial court")
        || (lower.contains("court of appeals")
            && matches!(name, "New York" | "Maryland" | "District of Columbia"));
    if highest && !lower.contains("appellate division") && !supreme.is_empty() {
        return Some(supreme.to_owned());
    }
    if name == "Florida" && lower.contains("district court of appeal") {
        if let Some((_, n)) = ORDINALS
            .iter()
            .find(|(w, _)| lower.contains(&format!("{w} district")))
        {
            return Some(format!("fladistctapp{n}"));
        }
    }
    if name == "California" && lower.contains("court of appeal") {
        if let Some((_, n)) = ORDINALS
            .iter()
            .find(|(w, _)| lower.contains(&format!("{w} appellate district")))
        {
            return Some(format!("calctapp{n}d"));
        }
    }
    let intermediate = [
        "court of appeal",
        "appellate court",
        "appeals court",
        "superior court",
        "court of special appeals",
    ]
    .iter()
    .any(|c| lower.contains(c));
    if intermediate && !appeals.is_empty() {
        return Some(appeals.to_owned());
    }
    None
}

/// The lower court's case numbers: "(23-2051 (See also 23-1853))" is
/// 23-2051 and 23-1853; "(98-35309/35509)" is 98-35309 and 98-35509;
/// "(99-1845,-1846)" is 99-1845 and 99-1846.
pub fn case_numbers(raw: &str) -> Vec<String> {
    let text: String = raw.chars().filter(|c| *c != '(' && *c != ')').collect();
    let text = text.replace(" See also ", ",").replace(" see also ", ",");
    let mut out: Vec<String> = Vec::new();
    let mut prefix: Option<String> = None;
    for part in text
        .split([',', ';', '&', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        for (i, piece) in part.split('/').map(str::trim).enumerate() {
            let bare = piece.trim_start_matches('-');
            let digits_only = !bare.is_empty() && bare.bytes().all(|b| b.is_ascii_digit());
            match (
                &prefix,
                digits_only && (i > 0 || piece.starts_with('-') || !out.is_empty()),
            ) {
                (Some(p), true) => out.push(format!("{p}{bare}")),
                _ => {
                    if piece.is_empty() {
                        continue;
                    }
                    out.push(piece.to_owned());
                    // "98-35309" lends "98-" to the numbers after it.
                    prefix = piece
                        .rfind('-')
                        .filter(|&d| {
                            piece[d + 1..].bytes().all(|b| b.is_ascii_digit())
                                && d + 1 < piece.len()
                        })
                        .map(|d| piece[..=d].to_owned());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{case_numbers, court_id};

    #[test]
    fn courts_by_name() {
        let cases = [
            (
                "United States Court of Appeals for the First Circuit",
                Some("ca1"),
            ),
            (
                "United States Court of Appeals for the Eleventh Circuit",
                Some("ca11"),
            ),
            (
                "United States Court of Appeals for the District of Columbia Circuit",
                Some("cadc"),
            ),
            (
                "United States Court of Appeals for the Federal Circuit",
                Some("cafc"),
            ),
            (
                "United States District Court for the District of Hawaii",
                Some("hid"),
            ),
            (
                "United States District Court for the Southern District of New York",
                Some("nysd"),
            ),
            ("Supreme Court of California", Some("cal")),
            ("Supreme Court of Washington", Some("wash")),
            ("Supreme Court of Appeals of West Virginia", Some("wva")),
            ("Court of Appeals of Georgia", Some("gactapp")),
            ("Court of Appeals of North Carolina", Some("ncctapp")),
            (
                "Court of Appeals of Washington, Division 1",
                Some("washctapp"),
            ),
            (
                "Court of Appeal of California, Second Appellate District",
                Some("calctapp2d"),
            ),
            (
                "District Court of Appeal of Florida, Third District",
                Some("fladistctapp3"),
            ),
            ("Court of Criminal Appeals of Texas", Some("texcrimapp")),
            ("Court of Appeals of New York", Some("ny")),
            ("Supreme Court of Arkansas", Some("ark")),
            ("Supreme Court of Kansas", Some("kan")),
            ("Some Tribunal", None),
        ];
        for (name, want) in cases {
            assert_eq!(court_id(name).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn numbers_as_printed() {
        assert_eq!(
            case_numbers("(23-2051 (See also 23-1853))"),
            ["23-2051", "23-1853"]
        );
        assert_eq!(case_numbers("(15-1688, 15-1726)"), ["15-1688", "15-1726"]);
        assert_eq!(case_numbers("(98-35309/35509)"), ["98-35309", "98-35509"]);
        assert_eq!(
            case_numbers("(99-1845,-1846,-1847)"),
            ["99-1845", "99-1846", "99-1847"]
        );
        assert_eq!(
            case_numbers("(1:17-cv-00050-DKW-KSC)"),
            ["1:17-cv-00050-DKW-KSC"]
        );
        assert_eq!(case_numbers("(83738-9-1)"), ["83738-9-1"]);
        assert_eq!(case_numbers("(A01A2414)"), ["A01A2414"]);
        assert_eq!(
            case_numbers("(3D18-2466, 3D19-0612)"),
            ["3D18-2466", "3D19-0612"]
        );
        assert!(case_numbers("()").is_empty());
    }
}
