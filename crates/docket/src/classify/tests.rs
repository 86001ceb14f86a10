//! Entry kinds, outcomes, titles and party roles on real docket phrasing.

use super::{classify, party_kind, party_role, title};
use casetrail_model::{PartyKind, PartyRole};

#[test]
fn parties_roles_and_kinds() {
    assert_eq!(party_role("Plaintiff"), PartyRole::Plaintiff);
    assert_eq!(party_role("Defendant"), PartyRole::Defendant);
    assert_eq!(party_role("Appellant"), PartyRole::Appellant);
    assert_eq!(party_role("Amicus Curiae"), PartyRole::Amicus);
    assert_eq!(party_role("Debtor"), PartyRole::Other);
    assert_eq!(party_kind("Microsoft Corporation"), PartyKind::Organization);
    assert_eq!(party_kind("OpenAI, Inc."), PartyKind::Organization);
    assert_eq!(
        party_kind("United States of America"),
        PartyKind::Government
    );
    assert_eq!(party_kind("Gifty R. Samuels"), PartyKind::Person);
}
use casetrail_model::{EventKind as K, Outcome as O};

#[test]
fn kinds_from_leading_words() {
    let cases: &[(&str, K, Option<O>)] = &[
        (
            "COMPLAINT against Microsoft Corporation ( Filing fee $ 402)",
            K::Complaint,
            None,
        ),
        ("MOTION to Dismiss filed by OpenAI LP.", K::Motion, None),
        ("Letter MOTION for Extension of Time", K::Motion, None),
        (
            "ORDER granting 12 Motion to Dismiss. Signed by Judge X.",
            K::Ruling,
            Some(O::Granted),
        ),
        (
            "ORDER GRANTING IN PART AND DENYING IN PART 5 Motion",
            K::Ruling,
            Some(O::GrantedInPart),
        ),
        (
            "MINUTE ORDER denying the motion to stay.",
            K::Ruling,
            Some(O::Denied),
        ),
        (
            "ORDER setting a scheduling conference for 10/1/2023.",
            K::Order,
            None,
        ),
        (
            "TEXT ORDER: The motion to seal 12 is DENIED. So Ordered by Judge X.",
            K::Ruling,
            Some(O::Denied),
        ),
        ("TEXT ORDER scheduling a status conference.", K::Order, None),
        (
            "LETTER ORDER granting 54 Joint letter requesting an extension",
            K::Ruling,
            Some(O::Granted),
        ),
        (
            "Amended Minute Entry for proceedings held before Judge X",
            K::MinuteEntry,
            None,
        ),
        (
            "NOTICE OF APPEAL by Microsoft Corporation.",
            K::NoticeOfAppeal,
            None,
        ),
        (
            "NOTICE of Appearance by Jane Roe on behalf of X",
            K::Appearance,
            None,
        ),
        (
            "Brief amici curiae of Apple Inc. filed.",
            K::AmicusBrief,
            None,
        ),
        ("Petition DENIED.", K::Ruling, Some(O::Denied)),
        (
            "Judgment REVERSED and case REMANDED. Sotomayor, J., delivered the opinion.",
            K::Ruling,
            Some(O::ReversedAndRemanded),
        ),
        (
            "Petition for a writ of certiorari filed.",
            K::Petition,
            None,
        ),
        (
            "TRANSCRIPT of Proceedings held on 9/1/2023",
            K::Transcript,
            None,
        ),
        ("STIPULATION of Dismissal", K::Stipulation, None),
        (
            "Minute Entry for proceedings held before Judge X",
            K::MinuteEntry,
            None,
        ),
        ("Summons Issued as to OpenAI LP.", K::Summons, None),
        (
            "Case assigned to Magistrate Judge Joseph C. Spero.",
            K::Entry,
            None,
        ),
        ("CLERK'S NOTICE re: filing", K::Entry, None),
        ("", K::Entry, None),
    ];
    for (text, kind, outcome) in cases {
        assert_eq!(classify(text), (*kind, *outcome), "{text}");
    }
}

#[test]
fn titles_are_the_first_sentence() {
    assert_eq!(
        title("COMPLAINT against Acme Corp. (Filing Fee $ 402.00). Document filed by Jane Doe."),
        "COMPLAINT against Acme Corp. (Filing Fee $ 402.00)"
    );
    assert_eq!(
        title("ORDER granting 12 Motion to Dismiss. Signed by Judge X on 9/1/2023."),
        "ORDER granting 12 Motion to Dismiss"
    );
    let long = "word ".repeat(60);
    let t = title(&long);
    assert!(t.chars().count() <= 121 && t.ends_with('…'), "{t}");
    assert_eq!(
        title("Filing fee paid by Appellant Gifty R. Samuels on 01/20/2010. Receipt."),
        "Filing fee paid by Appellant Gifty R. Samuels on 01/20/2010"
    );
}
