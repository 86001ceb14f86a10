//! What a docket entry is, read from its text, and a title for it.
//!
//! Conservative by design: a kind is given only when the entry's leading
//! words say it (CM/ECF capitalises the event, "MOTION to Dismiss", "ORDER
//! granting…"; the Supreme Court writes "Petition DENIED."). Anything else is
//! [`EventKind::Entry`]: a plain entry is better than a wrong guess.

use casetrail_model::{EventKind, Outcome, PartyKind, PartyRole};

/// The kind and, for rulings, the outcome the text states.
pub fn classify(description: &str) -> (EventKind, Option<Outcome>) {
    let text = description.trim();
    let lead: String = text
        .split_whitespace()
        .take(10)
        .collect::<Vec<_>>()
        .join(" ");
    let lower = lead.to_ascii_lowercase();
    let first_clause = first_sentence(text);

    if let Some(outcome) = ruling_outcome(&lower, first_clause) {
        return (EventKind::Ruling, Some(outcome));
    }
    let starts = |words: &[&str]| words.iter().any(|w| lower.starts_with(w));
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let kind = if has(&[
        "notice of appeal",
        "notice of cross appeal",
        "notice of cross-appeal",
    ]) && !lower.starts_with("order")
        && !has(&["transmission of notice", "copy of notice"])
    {
        EventKind::NoticeOfAppeal
    } else if starts(&[
        "notice of appearance",
        "appearance",
        "notice of attorney appearance",
    ]) || has(&["notice of appearance"]) && lower.starts_with("notice")
    {
        EventKind::Appearance
    } else if has(&["amicus", "amici"]) && has(&["brief", "motion for leave to file"]) {
        if has(&["motion"]) && !lower.starts_with("brief") {
            EventKind::Motion
        } else {
            EventKind::AmicusBrief
        }
    } else if starts(&[
        "amended complaint",
        "complaint",
        "first amended complaint",
        "second amended complaint",
        "verified complaint",
        "class action complaint",
    ]) {
        EventKind::Complaint
    } else if starts(&[
        "petition",
        "amended petition",
        "voluntary petition",
        "emergency petition",
    ]) {
        EventKind::Petition
    } else if starts(&["minute entry", "minute order", "amended minute entry"]) {
        EventKind::MinuteEntry
    } else if starts(&[
        "judgment",
        "final judgment",
        "clerk's judgment",
        "amended judgment",
        "default judgment",
    ]) {
        EventKind::Judgment
    } else if starts(&["transcript"]) {
        EventKind::Transcript
    } else if starts(&["stipulation", "joint stipulation", "stipulated"]) {
        EventKind::Stipulation
    } else if starts(&["summons"]) {
        EventKind::Summons
    } else if starts(&["mandate", "certified judgment"]) {
        EventKind::Mandate
    } else if leading_word(&lower, "motion", 4) || starts(&["application", "emergency application"])
    {
        EventKind::Motion
    } else if starts(&["reply", "brief in reply", "reply brief"]) {
        EventKind::Reply
    } else if starts(&[
        "response",
        "memorandum in opposition",
        "opposition",
        "brief in opposition",
        "memorandum of law in opposition",
    ]) {
        EventKind::Response
    } else if starts(&["objection"]) {
        EventKind::Objection
    } else if starts(&[
        "brief",
        "appellant brief",
        "appellee brief",
        "opening brief",
        "principal brief",
    ]) {
        EventKind::Brief
    } else if starts(&["letter", "letter brief"]) {
        EventKind::Letter
    } else if starts(&["argued", "oral argument held", "case argued"]) {
        EventKind::Argument
    } else if starts(&["distributed for conference", "conference"]) {
        EventKind::Conference
    } else if starts(&[
        "order",
        "scheduling order",
        "memorandum opinion and order",
        "opinion and order",
        "memorandum and order",
        "protective order",
        "stipulated protective order",
        "consent order",
        "opinion",
        "text order",
        "letter order",
        "letter order",
        "text only order",
        "paperless order",
        "electronic order",
        "endorsed order",
        "memo endorsement",
    ]) {
        EventKind::Order
    } else {
        EventKind::Entry
    };
    (kind, None)
}

/// `word` among the first `within` words (CM/ECF: "Letter MOTION", "Consent MOTION").
fn leading_word(lower: &str, word: &str, within: usize) -> bool {
    lower
        .split_whitespace()
        .take(within)
        .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == word)
}

/// An order, opinion or judgment stating how it came out, or the Supreme
/// Court's "Petition DENIED.".
fn ruling_outcome(lower_lead: &str, first: &str) -> Option<Outcome> {
    let decides = [
        "order",
        "minute order",
        "memorandum opinion",
        "opinion",
        "memorandum and order",
        "memorandum order",
        "judgment",
        "opinion and order",
        "per curiam",
        "summary order",
        "memorandum decision",
        "text order",
        "letter order",
        "paperless order",
        "electronic order",
        "endorsed order",
        "memo endorsement",
        "memorandum endorsement",
        "text only order",
    ]
    .iter()
    .any(|w| lower_lead.starts_with(w));
    let l = first.to_ascii_lowercase();
    if decides {
        let outcome = outcome_in(&l);
        if outcome.is_some() {
            return outcome;
        }
    }
    // "Petition DENIED.", "Application (17A..) granted by The Chief Justice."
    let uppercase_word = [
        "GRANTED",
        "DENIED",
        "AFFIRMED",
        "REVERSED",
        "VACATED",
        "DISMISSED",
        "REMANDED",
    ]
    .iter()
    .any(|w| first.contains(w));
    let starts_scotus = ["petition", "motion", "application", "judgment"]
        .iter()
        .any(|w| lower_lead.starts_with(w));
    if starts_scotus && (uppercase_word || l.contains(" granted by ") || l.contains(" denied by "))
    {
        return outcome_in(&l);
    }
    None
}

fn outcome_in(l: &str) -> Option<Outcome> {
    let any = |ws: &[&str]| ws.iter().any(|w| l.contains(w));
    Some(if any(&["granting in part", "granted in part"]) {
        Outcome::GrantedInPart
    } else if any(&["affirmed in part", "affirming in part"]) {
        Outcome::AffirmedInPart
    } else if any(&["reversed", "reversing"]) && any(&["remanded", "remanding"]) {
        Outcome::ReversedAndRemanded
    } else if any(&["vacated", "vacating"]) && any(&["remanded", "remanding"]) {
        Outcome::VacatedAndRemanded
    } else if any(&["vacated as moot"]) {
        Outcome::VacatedAsMoot
    } else if any(&["dismissed as moot", "dismissing as moot"]) {
        Outcome::DismissedAsMoot
    } else if any(&["granting", "granted"]) {
        Outcome::Granted
    } else if any(&["denying", "denied"]) {
        Outcome::Denied
    } else if any(&["affirmed", "affirming"]) {
        Outcome::Affirmed
    } else if any(&["reversed", "reversing"]) {
        Outcome::Reversed
    } else if any(&["vacated", "vacating"]) {
        Outcome::Vacated
    } else if any(&["dismissed", "dismissing"]) {
        Outcome::Dismissed
    } else if any(&["remanded", "remanding"]) {
        Outcome::Remanded
    } else {
        return None;
    })
}

/// Words a period follows in a caption without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "Corp", "CORP", "Inc", "INC", "Ltd", "LTD", "Assn", "Dept", "Hon", "Bros", "Mfg", "Intl",
];

/// The text up to the end of its first sentence (a period before a space and
/// a capital or the end), at most 400 bytes.
fn first_sentence(text: &str) -> &str {
    let cap = floor_boundary(text, 400);
    let t = &text[..cap];
    let b = t.as_bytes();
    for i in 0..b.len() {
        if b[i] == b'.' {
            let next = t[i + 1..].trim_start();
            let abbreviation = t[..i]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .is_some_and(|w| {
                    !w.ends_with([')', ']'])
                        && (w.len() <= 3 || w.contains('.') || ABBREVIATIONS.contains(&w))
                });
            if (next.is_empty() || next.starts_with(|c: char| c.is_uppercase() || c == '('))
                && !abbreviation
            {
                return &t[..i];
            }
        }
    }
    t
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A title for an entry: its first sentence, cut at a word near 120 characters.
pub fn title(description: &str) -> String {
    let clean: String = description.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = first_sentence(&clean);
    let first = if first.trim().is_empty() {
        clean.as_str()
    } else {
        first
    };
    if first.chars().count() <= 120 {
        return first.trim().to_owned();
    }
    let cut = floor_boundary(first, 120);
    let at = first[..cut].rfind(' ').unwrap_or(cut);
    format!("{}…", first[..at].trim_end_matches([',', ';', ':', ' ']))
}

/// A party's role from the docket's word for it ("Plaintiff", "Debtor",
/// "Appellant", "Petitioner"); anything else is [`PartyRole::Other`].
pub fn party_role(printed: &str) -> PartyRole {
    let l = printed.trim().to_ascii_lowercase();
    let has = |w: &str| l.contains(w);
    if has("amicus") || has("amici") {
        PartyRole::Amicus
    } else if has("intervenor") {
        PartyRole::Intervenor
    } else if has("appellant") {
        PartyRole::Appellant
    } else if has("appellee") {
        PartyRole::Appellee
    } else if has("petitioner") {
        PartyRole::Petitioner
    } else if has("respondent") {
        PartyRole::Respondent
    } else if has("movant") {
        PartyRole::Movant
    } else if has("plaintiff") {
        PartyRole::Plaintiff
    } else if has("defendant") {
        PartyRole::Defendant
    } else {
        PartyRole::Other
    }
}

/// Whether a party's name is a person, an organisation or a government.
pub fn party_kind(name: &str) -> PartyKind {
    let l = format!(" {} ", name.to_ascii_lowercase().replace([',', '.'], " "));
    let any = |ws: &[&str]| ws.iter().any(|w| l.contains(w));
    if any(&[
        " united states ",
        " usa ",
        " state of ",
        " people of ",
        " commonwealth ",
        " department ",
        " county ",
        " city of ",
        " government ",
        " commissioner ",
        " secretary ",
        " attorney general ",
        " agency ",
        " bureau ",
        " commission ",
        " internal revenue ",
        " district of columbia ",
    ]) {
        PartyKind::Government
    } else if any(&[
        " inc ",
        " llc ",
        " corp ",
        " corporation ",
        " company ",
        " co ",
        " lp ",
        " llp ",
        " ltd ",
        " bank ",
        " trust ",
        " association ",
        " university ",
        " group ",
        " fund ",
        " partners ",
        " foundation ",
        " society ",
        " union ",
        " holdings ",
        " n a ",
        " plc ",
        " gmbh ",
        " ag ",
        " services ",
        " systems ",
        " technologies ",
        " institute ",
        " center ",
        " council ",
    ]) {
        PartyKind::Organization
    } else {
        PartyKind::Person
    }
}

#[cfg(test)]
mod tests;
