//! The citation finder on small texts of our own.

use super::*;

fn cites(text: &str) -> Vec<String> {
    find_citations(text).iter().map(|c| c.to_string()).collect()
}

fn all(pages: &[&str]) -> Vec<Cite> {
    cite_pages(pages)
}

#[test]
fn common_reporters_and_spacing() {
    assert_eq!(
        cites("See Doe v. Roe, 829 F. 3d 197, 200 (2d Cir. 2016); 138 S.Ct. 1186 (2018); 15 F.Supp.3d 466."),
        ["829 F.3d 197", "138 S. Ct. 1186", "15 F. Supp. 3d 466"]
    );
    assert_eq!(cites("200 U. S. 321, 337"), ["200 U.S. 321"]);
    assert_eq!(cites("84 F. App\u{27}x 253"), ["84 F. App'x 253"]);
    assert_eq!(cites("84 Fed. Appx. 253"), ["84 F. App'x 253"]);
    assert_eq!(cites("2023 WL 128600"), ["2023 WL 128600"]);
    assert_eq!(
        cites("Smith v. Comm'r, T.C. Memo. 2020-26"),
        ["2020 T.C. Memo. 26"]
    );
}

#[test]
fn a_failed_candidate_does_not_hide_the_next_citation() {
    assert_eq!(cites("Report 2020 Annual 12 F.3d 45"), ["12 F.3d 45"]);
    assert_eq!(cites("84 F. App\u{2019}x 253"), ["84 F. App'x 253"]);
    assert_eq!(
        cites("104 S.\nCt. 349; 178\nP.3d 981"),
        ["104 S. Ct. 349", "178 P.3d 981"]
    );
}

#[test]
fn false_positives_avoided() {
    assert!(cites("Joint Appendix 1 App. 24").is_empty());
    assert!(cites("28 U.S.C. \u{a7} 1408").is_empty());
    assert!(cites("584 U.S. ___ (2018)").is_empty());
    assert!(cites("DeRienzo, 357 F.3 at 353").is_empty());
    assert!(cites("In 2019 Smith Jones 45 people").is_empty());
}

#[test]
fn line_number_between_reporter_and_page() {
    assert_eq!(
        cites("Smith v. Jones, 829 F.3d\n12    197 (9th Cir. 2016)"),
        ["829 F.3d 197"]
    );
}

#[test]
fn a_full_citation_with_name_pin_court_and_year() {
    let c = &all(&["See Doe v. Roe, 829 F. 3d 197, 200-01 (2d Cir. 2016)."])[0];
    assert_eq!(c.kind, CiteKind::Case);
    assert_eq!(c.key, "829 F.3d 197");
    assert_eq!(c.authority.as_deref(), Some("829 F.3d 197"));
    assert_eq!(c.pin.as_deref(), Some("200-01"));
    assert_eq!(c.name.as_deref(), Some("Doe v. Roe"));
    assert_eq!(c.court.as_deref(), Some("2d Cir."));
    assert_eq!(c.year, Some(2016));
    assert_eq!(c.text, "829 F. 3d 197, 200-01");
    assert_eq!(c.page, 1);
    assert_eq!(
        &"See Doe v. Roe, 829 F. 3d 197, 200-01 (2d Cir. 2016)."[c.start..c.end],
        "829 F. 3d 197, 200-01"
    );
}

#[test]
fn parallel_citations_form_one_group() {
    let text = "Ashcroft v. Iqbal, 556 U.S. 662, 678, 129 S. Ct. 1937, 173 L. Ed. 2d 868 (2009).";
    let c = all(&[text]);
    assert_eq!(c.len(), 3);
    assert_eq!(c[0].pin.as_deref(), Some("678"));
    for (i, key) in ["556 U.S. 662", "129 S. Ct. 1937", "173 L. Ed. 2d 868"]
        .iter()
        .enumerate()
    {
        assert_eq!(c[i].key, *key);
        assert_eq!(c[i].parallel, Some(0));
        assert_eq!(c[i].authority.as_deref(), Some("556 U.S. 662"));
        assert_eq!(c[i].year, Some(2009));
        assert_eq!(c[i].name.as_deref(), Some("Ashcroft v. Iqbal"));
    }
    // Two citations in a string, separated by a semicolon, are not parallel.
    let c = all(&["829 F.3d 197 (2d Cir. 2016); 138 S. Ct. 1186 (2018)"]);
    assert_eq!((c[0].parallel, c[1].parallel), (None, None));
    assert_eq!(c[0].year, Some(2016));
    assert_eq!(c[1].year, Some(2018));
}

#[test]
fn short_forms_id_and_supra_refer_back_across_pages() {
    let pages = [
        "Bell Atl. Corp. v. Twombly, 550 U.S. 544, 555 (2007). See Ashcroft v. Iqbal, 556 U.S. 662 (2009).",
        "A claim must be plausible. Iqbal, 556 U.S. at 678. Id. at 679. Twombly, supra, at 556. \
         See 42 U.S.C. \u{a7} 1983. Id. \u{a7} 1988.",
    ];
    let c = all(&pages);
    let kinds: Vec<CiteKind> = c.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            CiteKind::Case,
            CiteKind::Case,
            CiteKind::ShortCase,
            CiteKind::Id,
            CiteKind::Supra,
            CiteKind::Statute,
            CiteKind::Id
        ]
    );
    assert_eq!(c[2].key, "556 U.S. at 678");
    assert_eq!(c[2].antecedent, Some(1));
    assert_eq!(c[2].authority.as_deref(), Some("556 U.S. 662"));
    assert_eq!(c[2].page, 2);
    assert_eq!(c[3].antecedent, Some(1));
    assert_eq!(c[3].pin.as_deref(), Some("679"));
    assert_eq!(c[4].antecedent, Some(0));
    assert_eq!(c[4].authority.as_deref(), Some("550 U.S. 544"));
    assert_eq!(c[4].pin.as_deref(), Some("556"));
    assert_eq!(c[6].authority.as_deref(), Some("42 U.S.C. \u{a7} 1983"));
}

#[test]
fn an_unresolved_back_reference_has_no_authority() {
    let c = all(&["Id. at 4. Wright & Miller, supra, at 12. 999 F.3d at 7."]);
    assert!(c.iter().all(|c| c.authority.is_none()), "{c:?}");
}

#[test]
fn offsets_point_into_the_page_as_given() {
    let page = "\u{201C}Quoted\u{201D} \u{2014} see Roe v. Doe, 12 F.4th 34, 36 (1st Cir. 2021).";
    let c = &all(&[page])[0];
    assert_eq!(&page[c.start..c.end], "12 F.4th 34, 36");
}

#[test]
fn typed_authorities_normalise() {
    for q in [
        "556 U.S. 662",
        "556 U. S. 662",
        "556 U.S. 662, 678",
        " 556  U.S.\n662 ",
    ] {
        assert_eq!(authority_key(q).as_deref(), Some("556 U.S. 662"), "{q}");
    }
    assert_eq!(
        authority_key("42 U.S.C. 1983").as_deref(),
        Some("42 U.S.C. \u{a7} 1983")
    );
    assert_eq!(
        authority_key("Fed. R. Civ. P. 12(b)(6)").as_deref(),
        Some("Fed. R. Civ. P. 12")
    );
    assert_eq!(authority_key("Iqbal"), None);
}

#[test]
fn deterministic_and_total() {
    let text =
        "Doe v. Roe, 829 F.3d 197, 200; id. at 201; 42 U.S.C. \u{a7} 1983; \u{a7}\u{a7}\u{2014}(((";
    assert_eq!(all(&[text, text]), all(&[text, text]));
    for cut in 0..text.len() {
        if text.is_char_boundary(cut) {
            let _ = all(&[&text[..cut]]);
        }
    }
}
