//! `detect` on typed snippets of real first pages (as pdftotext lays them out), so a
//! clone without `../shared` still checks every field end to end.

use casetrail_detect::{court_name, detect, Detected, DocumentKind};
use chrono::NaiveDate;

fn run(pages: &[&str]) -> Detected {
    detect(pages)
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

const SDNY_ORDER: &str = "\
Case 1:18-cv-08653-VEC-SDA Document 252 Filed 04/19/21 Page 1 of 3

UNITED STATES DISTRICT COURT
SOUTHERN DISTRICT OF NEW YORK
-------------------------------------------------------------- X
D. GEORGE SWEIGERT,                                            :
                                            Plaintiff,         :
                          -against-                            :     18-CV-8653 (VEC)
JASON GOODMAN,                                                 :
                                            Defendant.         :          ORDER
-------------------------------------------------------------- X
VALERIE CAPRONI, United States District Judge:
     WHEREAS on April 12, 2021, Defendant filed a letter, see Dkt. 250;
     IT IS HEREBY ORDERED that ... See Doe v. Roe, 829 F. 3d 197, 201 (2d Cir. 2016).
SO ORDERED.
Dated: April 19, 2021
       New York, New York
";

#[test]
fn district_court_order_with_ecf_header() {
    let d = run(&[SDNY_ORDER]);
    assert_eq!(d.court.as_deref(), Some("nysd"));
    assert_eq!(d.docket_number.as_deref(), Some("1:18-cv-08653-VEC-SDA"));
    assert_eq!(d.filed, date(2021, 4, 19));
    assert_eq!(d.kind, Some(DocumentKind::Order));
    assert_eq!(d.citations.len(), 1);
    assert_eq!(d.citations[0].to_string(), "829 F.3d 197");
    assert_eq!(
        court_name("nysd"),
        Some("United States District Court for the Southern District of New York")
    );
}

#[test]
fn json_shape_matches_the_cli_contract() {
    let v = serde_json::to_value(run(&[SDNY_ORDER])).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 5);
    for k in ["court", "docket_number", "filed", "kind", "citations"] {
        assert!(keys.contains(&k), "{k} missing from {v}");
    }
    assert_eq!(v["court"], "nysd");
    assert_eq!(v["filed"], "2021-04-19");
    assert_eq!(v["kind"], "order");
    assert_eq!(v["citations"][0], "829 F.3d 197");
    let empty = serde_json::to_value(run(&[""])).unwrap();
    assert_eq!(
        empty,
        serde_json::json!({"court": null, "docket_number": null, "filed": null, "kind": null, "citations": []})
    );
}

#[test]
fn second_circuit_acms_order() {
    let page = "\
               Case: 25-1689, 07/15/2025, DktEntry: 28.1, Page 1 of 2

                          UNITED STATES COURT OF APPEALS
                                     FOR THE
                                  SECOND CIRCUIT
             At a Stated Term of the United States Court of Appeals for the Second Circuit, held at the
Thurgood Marshall United States Courthouse, 40 Foley Square, in the City of New York, on the
15th day of July, two thousand twenty-five.

Before:     Steven J. Menashi,
                  Circuit Judge.
________________________________
 Bainbridge Fund LTD,                                          ORDER
           Plaintiff - Appellee,                               Docket No. 25-1686
";
    let d = run(&[page]);
    assert_eq!(d.court.as_deref(), Some("ca2"));
    assert_eq!(d.docket_number.as_deref(), Some("25-1689"));
    assert_eq!(d.filed, date(2025, 7, 15));
    assert_eq!(d.kind, Some(DocumentKind::Order));
}

#[test]
fn first_circuit_opinion_names_the_court_below_too() {
    let page = "\
Case: 20-1507    Document: 00117684624     Page: 1     Date Filed: 12/22/2020     Entry ID: 6390389

          United States Court of Appeals
                For the First Circuit

No. 20-1507
                         CALVARY CHAPEL OF BANGOR,
                            Plaintiff, Appellant,
                                     v.
         JANET T. MILLS, in her official capacity as Governor of the
                              State of Maine,
                           Defendant, Appellee.

          APPEAL FROM THE UNITED STATES DISTRICT COURT
                     FOR THE DISTRICT OF MAINE

                                  Before
                          Howard, Chief Judge,
                   Selya and Barron, Circuit Judges.
";
    let d = run(&[page]);
    assert_eq!(d.court.as_deref(), Some("ca1"));
    assert_eq!(d.docket_number.as_deref(), Some("20-1507"));
    assert_eq!(d.filed, date(2020, 12, 22));
    assert_eq!(d.kind, Some(DocumentKind::Opinion));
}

#[test]
fn supreme_court_slip_opinion_with_en_dash() {
    let page = "\
(Slip Opinion)              OCTOBER TERM, 2012                                       1

                                       Syllabus

         NOTE: Where it is feasible, a syllabus (headnote) will be released, as is
       See United States v. Detroit Timber & Lumber Co., 200 U. S. 321, 337.

SUPREME COURT OF THE UNITED STATES

                                       Syllabus

            TARRANT REGIONAL WATER DISTRICT v. HERRMANN ET AL.

CERTIORARI TO THE UNITED STATES COURT OF APPEALS FOR
                   THE TENTH CIRCUIT

    No. 11\u{2013}889. Argued April 23, 2013\u{2014}Decided June 13, 2013
";
    let d = run(&[page]);
    assert_eq!(d.court.as_deref(), Some("scotus"));
    assert_eq!(d.docket_number.as_deref(), Some("11-889"));
    assert_eq!(d.filed, date(2013, 6, 13));
    assert_eq!(d.kind, Some(DocumentKind::Opinion));
    assert_eq!(d.citations[0].to_string(), "200 U.S. 321");
}

#[test]
fn supreme_court_amicus_brief_cover() {
    let page = "\
                              No. 17-2

                               IN THE
           Supreme Court of the United States
                        ___________
               UNITED STATES OF AMERICA,
                                          Petitioner,
                              v.
               MICROSOFT CORPORATION,
                                          Respondent.
                        ___________
        ON WRIT OF CERTIORARI TO THE UNITED STATES
          COURT OF APPEALS FOR THE SECOND CIRCUIT
                        ___________
        BRIEF OF AMICI CURIAE COMPUTER AND DATA SCIENCE
          EXPERTS IN SUPPORT OF RESPONDENT
";
    let d = run(&[page]);
    assert_eq!(d.court.as_deref(), Some("scotus"));
    assert_eq!(d.docket_number.as_deref(), Some("17-2"));
    assert_eq!(d.filed, None);
    assert_eq!(d.kind, Some(DocumentKind::AmicusBrief));
}

#[test]
fn state_supreme_court_opinion() {
    let page = "\
                IN THE SUPREME COURT OF NORTH CAROLINA

                                 2022-NCSC-1

                                No. 363A14-4

                            Filed 11 February 2022

GIFT SURPLUS, LLC, and SANDHILL AMUSEMENTS, INC.,
    On discretionary review pursuant to N.C.G.S. \u{a7} 7A-31 of a unanimous decision
of the Court of Appeals, 268 N.C. App. 1 (2019), reversing an order entered on 2
February 2018 by Judge Ebern T. Watson III, in the Superior Court, Onslow County.
";
    let page2 = "                  GIFT SURPLUS, LLC V. STATE\n              Opinion of the Court\n\nHUDSON, Justice.\n";
    let d = run(&[page, page2]);
    assert_eq!(d.court.as_deref(), Some("nc"));
    assert_eq!(d.docket_number.as_deref(), Some("363A14-4"));
    assert_eq!(d.filed, date(2022, 2, 11));
    assert_eq!(d.kind, Some(DocumentKind::Opinion));
    assert_eq!(d.citations[0].to_string(), "268 N.C. App. 1");
}

#[test]
fn bankruptcy_motion_on_pleading_paper() {
    let page = "\
 1   SIDLEY AUSTIN LLP
     Samuel A. Newman (SBN 217042)
13   Debtors in Possession
14                           UNITED STATES BANKRUPTCY COURT
15                 NORTHERN DISTRICT OF CALIFORNIA, SAN JOSE DIVISION
16                                                   )
     In re:                                          )   Case No. 20-50682 (MEH)
17   WAVE COMPUTING, INC., et al.,                   )   Chapter 11
18                                                   )
                      Debtors.                       )   DEBTORS' EMERGENCY MOTION FOR
19                                                   )   INTERIM AND FINAL ORDERS
20   Tel. No. 213-896-6000
Case: 20-50682   Doc# 33   Filed: 04/28/20   Entered: 04/28/20 19:21:05   Page 1 of 23
";
    let d = run(&[page]);
    assert_eq!(d.court.as_deref(), Some("canb"));
    assert_eq!(d.docket_number.as_deref(), Some("20-50682"));
    assert_eq!(d.filed, date(2020, 4, 28));
    assert_eq!(d.kind, Some(DocumentKind::Motion));
}

#[test]
fn transcript_and_letter() {
    let t = "\
                                                     Pages 1 - 72
                       UNITED STATES DISTRICT COURT
                      NORTHERN DISTRICT OF CALIFORNIA
IN RE FACEBOOK BIOMETRIC                )
________________________________________) NO. 15-CV-03747-JD
                              Thursday, January 14, 2021
                      TRANSCRIPT OF PROCEEDINGS
";
    let d = run(&[t]);
    assert_eq!(d.court.as_deref(), Some("cand"));
    assert_eq!(d.docket_number.as_deref(), Some("15-cv-03747-JD"));
    assert_eq!(d.filed, None, "a hearing date is not a filing date");
    assert_eq!(d.kind, Some(DocumentKind::Transcript));

    let l = "\
                                                  May 20, 2021
The Honorable J. Paul Oetken
United States District Judge
Southern District of New York
40 Foley Square
           Re: United States v. Parnas, et. al., 19-cr-725 (JPO)
Dear Judge Oetken:
     I write on behalf of all defense counsel.
";
    let d = run(&[l]);
    assert_eq!(d.court.as_deref(), Some("nysd"));
    assert_eq!(d.docket_number.as_deref(), Some("19-cr-725"));
    assert_eq!(d.kind, Some(DocumentKind::Letter));
}

#[test]
fn docket_report() {
    let page = "\
                                                        ECF,PROTO
                            U.S. District Court
            Southern District of New York (Foley Square)
        CIVIL DOCKET FOR CASE #: 1:18-cv-08653-VEC-SDA
Sweigert v. Goodman                                    Date Filed: 09/24/2018
Assigned to: Judge Valerie E. Caproni
";
    let d = run(&[page]);
    assert_eq!(d.court.as_deref(), Some("nysd"));
    assert_eq!(d.docket_number.as_deref(), Some("1:18-cv-08653-VEC-SDA"));
    assert_eq!(d.kind, Some(DocumentKind::DocketReport));
}

#[test]
fn text_with_nothing_to_say() {
    for junk in [
        "",
        "   \n\n  ",
        "pdf encryption test\npassword: asdfzxcv",
        "\u{0}\u{1}\u{fffd}\u{2013}",
    ] {
        let d = run(&[junk, junk]);
        assert_eq!(d, Detected::default(), "{junk:?}");
    }
    assert_eq!(run(&[]), Detected::default());
}

proptest::proptest! {
    #[test]
    fn never_panics_on_any_text(a in "\\PC{0,3000}", b in "(?s).{0,400}") {
        let d = detect(&[&a, &b]);
        let _ = serde_json::to_string(&d).unwrap();
    }

    #[test]
    fn never_panics_on_header_like_text(s in "(Case:? |No\\. |USDC |Filed |Dear Judge |[0-9]{1,4} F\\.3d |\u{e9}|[0-9:/-]{1,6}|[A-Z ]{1,12}|\n){0,80}") {
        let _ = detect(&[&s]);
    }
}

#[test]
fn new_york_state_e_filing() {
    let page = "\
FILED: NEW YORK COUNTY CLERK 05/18/2020 04:25 PM                        INDEX NO. 154010/2020
NYSCEF DOC. NO. 1                                                 RECEIVED NYSCEF: 05/18/2020

SUPREME COURT OF THE STATE OF NEW YORK
COUNTY OF NEW YORK
---------------------------------------------------------------------X
JANE ROE,
                              Plaintiff,                     Index No.: 154010/2020
          -against-
ACME CORP.,                                                  SUMMONS
";
    let d = run(&[page]);
    assert_eq!(d.court.as_deref(), Some("nysupct"));
    assert_eq!(d.docket_number.as_deref(), Some("154010/2020"));
    assert_eq!(d.filed, date(2020, 5, 18));
    assert_eq!(d.kind, None, "a summons is none of the kinds");
}

#[test]
fn eleventh_circuit_header_names_the_court() {
    let page = "USCA11 Case: 20-12345    Date Filed: 01/02/2021    Page: 1 of 10\n\n[DO NOT PUBLISH]\n\nIN THE UNITED STATES COURT OF APPEALS\nFOR THE ELEVENTH CIRCUIT\n\nPER CURIAM:\n";
    let d = run(&[page]);
    assert_eq!(d.court.as_deref(), Some("ca11"));
    assert_eq!(d.docket_number.as_deref(), Some("20-12345"));
    assert_eq!(d.filed, date(2021, 1, 2));
    assert_eq!(d.kind, Some(DocumentKind::Opinion));
}
