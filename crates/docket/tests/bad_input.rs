//! Input that is not a docket, whatever it looks like: never a panic, always
//! a message that says what the file is instead.

use casetrail_docket::parse;

fn error_of(bytes: &[u8]) -> String {
    match parse(bytes) {
        Ok(p) => panic!("read as {} with {} dockets", p.format, p.dockets.len()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn empty_binary_and_pdf_files_are_named() {
    assert!(error_of(b"").contains("empty"));
    assert!(error_of(b"\x00\x01\x02binary").contains("binary"));
    assert!(error_of(b"\xEF\xBB\xBF").contains("empty"));
    assert!(error_of(b"plain words, not a docket").contains("not a docket"));
}

#[test]
fn multibyte_text_at_every_cut_does_not_panic() {
    // A page of accented text around the 2 KB and 16 KB marks the readers look at.
    let mut page = String::from("<html><body><p>");
    while page.len() < 20_000 {
        page.push_str("Société Générale — «é» ");
    }
    page.push_str("</p></body></html>");
    for pad in 0..4 {
        let text = format!("{}{page}", " ".repeat(pad));
        let _ = parse(text.as_bytes());
    }
    let json = format!("{{\"docket_number\": \"{}\"", "é".repeat(2000));
    let _ = parse(json.as_bytes());
}

#[test]
fn windows_1252_pages_are_read_as_text() {
    // 0x93/0x94 are curly quotes in Windows-1252; the page is still judged on its content.
    let err = error_of(b"<html><body>\x93Quoted\x94 news page</body></html>");
    assert!(err.contains("HTML page"), "{err}");
}

#[test]
fn other_json_and_other_sites_are_named() {
    assert!(error_of(br#"{"weather": "fine"}"#).contains("JSON"));
    assert!(error_of(b"[1, 2, 3]").contains("JSON"));
    let err = error_of(b"<!doctype html><html><head><title>Court news</title></head><body><table><tr><td>x</td></tr></table></body></html>");
    assert!(err.contains("HTML page"), "{err}");
}
