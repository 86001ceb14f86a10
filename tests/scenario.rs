//! The shared backend scenario (`tests/scenarios/backend.json`) against the real
//! `Store`: the same calls, results and `{kind, message}` errors the UI's
//! in-memory double is held to in Vitest (`ui/src/lib/memory/scenario.test.ts`),
//! so the two cannot drift. Each call maps to the store function the app's
//! command calls (the table in `tests/scenarios/README.md`).

use std::collections::HashMap;

use casetrail_deadline::{DeadlineStatus, NewDeadline};
use casetrail_model::{
    CaseId, DeadlineId, DocumentId, ErrorKind, ErrorReport, EventId, HighlightId, NewCase,
    NewDocument, NewEvent, NewHighlight, NewProceeding, NoteId, NoteTarget, OcrStatus, Page,
    PageStatus, ProceedingId, SavedSearchId, Settings, TagId,
};
use casetrail_store::search::DEFAULT_LIMIT;
use casetrail_store::Store;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

const SCENARIO: &str = include_str!("scenarios/backend.json");

/// One call's answer: the result as JSON, or the error as the app sends it.
type Answer = Result<Value, ErrorReport>;

/// Argument `i` of a call, deserialised as the command's parameter would be;
/// a missing trailing argument is `null`. A value the type refuses is the
/// user's input error, with the type's own message (as the core gives it).
fn arg<T: DeserializeOwned>(args: &[Value], i: usize) -> Result<T, ErrorReport> {
    serde_json::from_value(args.get(i).cloned().unwrap_or(Value::Null)).map_err(|e| ErrorReport {
        kind: ErrorKind::InvalidInput,
        message: e.to_string(),
    })
}

fn answer<T: serde::Serialize>(r: casetrail_store::Result<T>) -> Answer {
    r.map(|v| serde_json::to_value(v).expect("serialisable"))
        .map_err(ErrorReport::from)
}

/// `seedDocument({title, pages, case_id?, proceeding_id?, original_name?, sha256?, size_bytes?, detected?})`.
fn seed_document(store: &mut Store, spec: &Value, n: usize) -> Answer {
    let title = spec["title"].as_str().unwrap_or_default().to_string();
    let pages = spec["pages"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(i, text)| {
            let text = text.as_str().unwrap_or_default().to_string();
            Page {
                number: i as u32 + 1,
                status: if text.trim().is_empty() {
                    PageStatus::Empty
                } else {
                    PageStatus::Text
                },
                failure: None,
                text,
            }
        })
        .collect();
    let new = NewDocument {
        sha256: spec["sha256"]
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| format!("{n:064x}")),
        original_name: spec["original_name"]
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| format!("{}.pdf", title.trim())),
        title,
        size_bytes: spec["size_bytes"].as_u64().unwrap_or(0),
        case_id: arg(std::slice::from_ref(&spec["case_id"]), 0)?,
        proceeding_id: arg(std::slice::from_ref(&spec["proceeding_id"]), 0)?,
        detected: spec.get("detected").cloned().unwrap_or(Value::Null),
        ocr: OcrStatus::NotNeeded,
        warnings: vec![],
        pages,
    };
    answer(store.add_document(&new))
}

/// `seedDeadline({case_id, title, due, proceeding_id?})`.
fn seed_deadline(store: &mut Store, spec: &Value) -> Answer {
    let field = |k: &str| std::slice::from_ref(&spec[k]).to_vec();
    let new = NewDeadline {
        case_id: arg(&field("case_id"), 0)?,
        proceeding_id: arg(&field("proceeding_id"), 0)?,
        title: arg(&field("title"), 0)?,
        due: arg(&field("due"), 0)?,
        notes: String::new(),
    };
    answer(store.add_deadline(&new))
}

/// Play one call against the store.
fn call(store: &mut Store, name: &str, a: &[Value], step: usize) -> Answer {
    let done = |r: casetrail_store::Result<()>| answer(r.map(|()| Value::Null));
    match name {
        "listCases" => answer(store.cases()),
        "addCase" => answer(store.add_case(&arg::<NewCase>(a, 0)?)),
        "updateCase" => answer(store.update_case(arg::<CaseId>(a, 0)?, &arg::<NewCase>(a, 1)?)),
        "getTimeline" => answer(store.timeline(arg(a, 0)?)),
        "listProceedings" => answer(store.proceedings(arg(a, 0)?)),
        "addProceeding" => answer(store.add_proceeding(arg(a, 0)?, &arg::<NewProceeding>(a, 1)?)),
        "updateProceeding" => answer(
            store.update_proceeding(arg::<ProceedingId>(a, 0)?, &arg::<NewProceeding>(a, 1)?),
        ),
        "listEvents" => answer(store.events(arg(a, 0)?)),
        "getEvent" => answer(store.event(arg::<EventId>(a, 0)?)),
        "logEvent" => answer(store.add_event(&arg::<NewEvent>(a, 0)?)),
        "listNotes" => answer(store.notes(arg::<NoteTarget>(a, 0)?)),
        "addNote" => answer(store.add_note(arg(a, 0)?, &arg::<String>(a, 1)?)),
        "editNote" => done(store.edit_note(arg::<NoteId>(a, 0)?, &arg::<String>(a, 1)?)),
        "listTags" => answer(store.tags_of(arg(a, 0)?)),
        "addTag" => answer(store.tag(arg(a, 0)?, &arg::<String>(a, 1)?)),
        "removeTag" => done(store.untag(arg(a, 0)?, arg::<TagId>(a, 1)?)),
        "listAllTags" => answer(store.tags()),
        "listEventsTagged" => answer(store.events_tagged(arg(a, 0)?, &arg::<String>(a, 1)?)),
        "listCaseSummaries" => {
            answer(store.case_summaries(arg::<Option<String>>(a, 0)?.as_deref()))
        }
        "listDocuments" => answer(store.documents(arg(a, 0)?)),
        "listEventDocuments" => answer(store.event_documents(arg(a, 0)?)),
        "linkDocument" => answer(store.link_document(
            arg::<DocumentId>(a, 0)?,
            arg(a, 1)?,
            arg(a, 2)?,
            arg(a, 3)?,
        )),
        "getDocument" => answer(store.document_details(arg(a, 0)?)),
        "listHighlights" => answer(store.highlights(arg(a, 0)?)),
        "addHighlight" => answer(store.add_highlight(&arg::<NewHighlight>(a, 0)?)),
        "editHighlightNote" => {
            answer(store.edit_highlight_note(arg::<HighlightId>(a, 0)?, &arg::<String>(a, 1)?))
        }
        "deleteHighlight" => done(store.delete_highlight(arg(a, 0)?)),
        "search" => answer(store.search_results(
            &arg::<String>(a, 0)?,
            arg(a, 1)?,
            arg::<Option<usize>>(a, 2)?.unwrap_or(DEFAULT_LIMIT),
        )),
        "listSavedSearches" => answer(store.saved_searches()),
        "saveSearch" => {
            answer(store.save_search(&arg::<String>(a, 0)?, &arg::<String>(a, 1)?, arg(a, 2)?))
        }
        "openSavedSearch" => answer(store.mark_saved_search_seen(arg::<SavedSearchId>(a, 0)?)),
        "deleteSavedSearch" => done(store.delete_saved_search(arg(a, 0)?)),
        "listDeadlines" => answer(store.deadline_entries(arg::<Option<String>>(a, 0)?.as_deref())),
        "listCaseDeadlines" => answer(store.deadlines(Some(arg(a, 0)?))),
        "setDeadlineStatus" => answer(
            store.set_deadline_status(arg::<DeadlineId>(a, 0)?, arg::<DeadlineStatus>(a, 1)?),
        ),
        "getSettings" => answer(store.settings()),
        "saveSettings" => answer(store.save_settings(&arg::<Settings>(a, 0)?)),
        "seedDocument" => seed_document(store, &a[0], step),
        "seedDeadline" => seed_deadline(store, &a[0]),
        other => panic!("step {step}: the scenario calls {other}, which this runner does not map"),
    }
}

/// A saved value at `$name.path`.
fn lookup(saved: &HashMap<String, Value>, reference: &str, step: usize) -> Value {
    let mut parts = reference.split('.');
    let name = parts.next().unwrap_or_default();
    let mut v = saved
        .get(name)
        .unwrap_or_else(|| panic!("step {step}: ${reference} names no saved result"))
        .clone();
    for key in parts {
        v = match key.parse::<usize>() {
            Ok(i) if v.is_array() => v[i].clone(),
            _ => v[key].clone(),
        };
        assert!(!v.is_null(), "step {step}: ${reference} is missing");
    }
    v
}

/// Replace `"$name.path"` strings and `{$name.path}` inside strings.
fn resolve(v: &Value, saved: &HashMap<String, Value>, step: usize) -> Value {
    match v {
        Value::String(s) if s.starts_with('$') => lookup(saved, &s[1..], step),
        Value::String(s) => {
            let mut out = String::new();
            let mut rest = s.as_str();
            while let Some(at) = rest.find("{$") {
                let end = rest[at..].find('}').expect("closed reference") + at;
                out.push_str(&rest[..at]);
                match lookup(saved, &rest[at + 2..end], step) {
                    Value::String(t) => out.push_str(&t),
                    other => out.push_str(&other.to_string()),
                }
                rest = &rest[end + 1..];
            }
            out.push_str(rest);
            Value::String(out)
        }
        Value::Array(items) => {
            Value::Array(items.iter().map(|x| resolve(x, saved, step)).collect())
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, x)| (k.clone(), resolve(x, saved, step)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Does `got` match `want` (partial objects, positional arrays, `$unordered`)?
fn matches(want: &Value, got: &Value) -> bool {
    match want {
        Value::Object(w) if w.contains_key("$unordered") => {
            let (Some(items), Some(got)) = (w["$unordered"].as_array(), got.as_array()) else {
                return false;
            };
            let mut taken = vec![false; got.len()];
            items.len() == got.len()
                && items.iter().all(|item| {
                    let slot = (0..got.len()).find(|&i| !taken[i] && matches(item, &got[i]));
                    slot.map(|i| taken[i] = true).is_some()
                })
        }
        Value::Object(w) => w.iter().all(|(k, v)| match got.get(k) {
            Some(g) => matches(v, g),
            None => v.is_null(),
        }),
        Value::Array(w) => got
            .as_array()
            .is_some_and(|g| g.len() == w.len() && w.iter().zip(g).all(|(a, b)| matches(a, b))),
        Value::Number(n) => got.as_f64() == n.as_f64(),
        other => other == got,
    }
}

#[test]
fn the_shared_scenario_runs_the_same_on_the_real_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("scenario.db")).unwrap();
    let scenario: Value = serde_json::from_str(SCENARIO).expect("backend.json is JSON");
    let steps = scenario["steps"].as_array().expect("a list of steps");
    assert!(steps.len() > 50, "the scenario covers the backend");
    let mut saved = HashMap::new();
    for (i, step) in steps.iter().enumerate() {
        let name = step["call"].as_str().expect("call");
        let args = resolve(&step["args"], &saved, i);
        let args = args.as_array().cloned().unwrap_or_default();
        let got = call(&mut store, name, &args, i);
        let what = format!("step {i} ({name} {})", Value::Array(args.clone()));
        if let Some(error) = step.get("error") {
            let want = resolve(error, &saved, i);
            let got = got.expect_err(&format!("{what} should fail with {want}"));
            let got = json!({"kind": got.kind, "message": got.message});
            assert_eq!(got, want, "{what}");
            continue;
        }
        let got = got.unwrap_or_else(|e| panic!("{what} failed: {e:?}"));
        if let Some(expect) = step.get("expect") {
            let want = resolve(expect, &saved, i);
            assert!(matches(&want, &got), "{what}\nwanted {want:#}\ngot {got:#}");
        }
        if let Some(key) = step["save"].as_str() {
            saved.insert(key.to_string(), got);
        }
    }
}

#[test]
fn partial_matching_is_strict_where_the_format_says() {
    let got = json!([{"a": 1, "b": 2}, {"a": 3}]);
    assert!(matches(&json!([{"a": 1}, {"a": 3, "c": null}]), &got));
    assert!(!matches(&json!([{"a": 1}]), &got), "lengths must agree");
    assert!(
        !matches(&json!([{"a": 3}, {"a": 1}]), &got),
        "order matters"
    );
    assert!(matches(&json!({"$unordered": [{"a": 3}, {"a": 1}]}), &got));
    assert!(!matches(&json!({"a": 2}), &json!({"a": 2.5})));
}
