//! `dossiers/STORY_ID.json`: the contract, the answer key of the example corpus, the Palmyra
//! acceptance points, the policies, receipts, and the pinned dossier of the example story.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

mod scratch;
use scratch::Scratch;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `analyze` on `inputs` into a fresh folder with the extra `args`.
fn analyze(name: &str, inputs: &[PathBuf], args: &[&str]) -> Scratch {
    let out = Scratch::empty("dossier", name);
    let status = Command::new(env!("CARGO_BIN_EXE_corroborate")).args(["analyze", "--quiet", "--out"]).arg(&out).args(args).args(inputs).status().unwrap();
    assert!(status.success(), "analyze failed on {inputs:?}");
    out
}

fn jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// Every story's dossier, checked against the schema and against the documents it cites.
fn dossiers(out: &Path) -> Vec<Value> {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(repo().join("schema/dossier.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let texts: std::collections::HashMap<String, Vec<char>> =
        jsonl(&out.join("documents.jsonl")).iter().map(|d| (d["id"].as_str().unwrap().to_string(), d["text"].as_str().unwrap().chars().collect())).collect();
    let stories = jsonl(&out.join("stories.jsonl"));
    let files = std::fs::read_dir(out.join("dossiers")).unwrap().count();
    assert_eq!(files, stories.len(), "one dossier per story, no stale files");
    stories
        .iter()
        .map(|s| {
            let path = out.join("dossiers").join(format!("{}.json", s["id"].as_str().unwrap()));
            let dossier: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let errors: Vec<String> = validator.iter_errors(&dossier).map(|e| format!("{} at {}", e, e.instance_path())).collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            assert_eq!(dossier["documents"], s["documents"]);
            assert_receipts(&dossier, &texts);
            dossier
        })
        .collect()
}

/// Every evidence object anywhere in the dossier points at its own words in its document.
fn assert_receipts(value: &Value, texts: &std::collections::HashMap<String, Vec<char>>) {
    match value {
        Value::Object(map) => {
            if map.get("removed") == Some(&Value::Bool(true)) {
                // Credit lines cleaning removed: the words are in the document's `removed` list.
                assert!(!map["text"].as_str().unwrap().is_empty());
            } else if let (Some(doc), Some(start), Some(end), Some(text), Some(sentence)) = (map.get("document"), map.get("start"), map.get("end"), map.get("text"), map.get("sentence")) {
                let chars = &texts[doc.as_str().unwrap()];
                let (s, e) = (start.as_u64().unwrap() as usize, end.as_u64().unwrap() as usize);
                assert_eq!(chars[s..e].iter().collect::<String>(), text.as_str().unwrap());
                let (ss, se) = (sentence["start"].as_u64().unwrap() as usize, sentence["end"].as_u64().unwrap() as usize);
                assert!(ss <= s && e <= se, "the sentence holds the span");
                assert_eq!(chars[ss..se].iter().collect::<String>(), sentence["text"].as_str().unwrap());
            }
            map.values().for_each(|v| assert_receipts(v, texts));
        }
        Value::Array(items) => items.iter().for_each(|v| assert_receipts(v, texts)),
        _ => {}
    }
}

/// The figure holding a value whose text is `text`.
fn figure_with<'a>(dossier: &'a Value, text: &str) -> &'a Value {
    dossier["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["values"].as_array().unwrap().iter().any(|v| v["text"] == text))
        .unwrap_or_else(|| panic!("no figure holds {text:?}"))
}

fn value_texts(figure: &Value) -> Vec<&str> {
    figure["values"].as_array().unwrap().iter().map(|v| v["text"].as_str().unwrap()).collect()
}

fn siege(out: &Path) -> Value {
    dossiers(out).into_iter().max_by_key(|d| d["documents"].as_array().unwrap().len()).unwrap()
}

#[test]
fn examples_figures_follow_the_answer_key() {
    let out = analyze("examples", &[repo().join("examples")], &[]);
    let d = siege(&out);
    assert_eq!(d["documents"].as_array().unwrap().len(), 8);

    // Attacking force (F1, F2, F5, F6, F7): contradict, three independent sources.
    let attack = figure_with(&d, "Between 1,500 and 2,000");
    let texts = value_texts(attack);
    for t in ["More than 3,000", "more than 3,000", "1,500 to 2,000"] {
        assert!(texts.contains(&t), "{t} in {texts:?}");
    }
    assert!(attack["values"].as_array().unwrap().iter().any(|v| v["how"] == "derived" && v["low"] == 2400.0), "four to one × 600");
    assert_eq!(attack["relation"], "contradict");
    assert_eq!(attack["independent_sources"], 3);
    assert!(attack["explanation"].as_str().unwrap().contains("do not overlap"));

    // People killed (F8, F9): compatible, two sources; the civilians among them (F10) and the
    // fighters the army killed (F11) are other things.
    let killed = figure_with(&d, "At least 40");
    assert_eq!(value_texts(killed), ["Dozens", "At least 40"]);
    assert_eq!(killed["relation"], "compatible");
    assert_eq!(killed["independent_sources"], 2);

    // Fighters to leave Halvost (F12, F13): agree, one origin.
    let halvost = figure_with(&d, "up to 2,500");
    assert_eq!(value_texts(halvost), ["up to 2,500", "up to 2,500"]);
    assert_eq!(halvost["relation"], "agree");
    assert_eq!(halvost["independent_sources"], 1);

    // Evacuated by sea on Mar. 10–11 (F16, F17): compatible; by road on Sunday (F18) apart.
    let sea = figure_with(&d, "about 14,000");
    assert_eq!(value_texts(sea), ["more than 9,000", "about 14,000"]);
    assert_eq!(sea["relation"], "compatible");

    // F14 (inside Halvost) never joins F12/F13 or F1.
    let inside = figure_with(&d, "an estimated 9,000");
    assert_eq!(value_texts(inside), ["an estimated 9,000"]);
    assert_eq!(value_texts(figure_with(&d, "1,200")), ["1,200"]);
    assert_eq!(value_texts(figure_with(&d, "more than 200")), ["more than 200"]);

    // Story B and C have no figure of the siege.
    for other in dossiers(&out).iter().filter(|o| o["story"] != d["story"]) {
        assert!(other["figures"].as_array().unwrap().iter().all(|f| !value_texts(f).contains(&"Between 1,500 and 2,000")));
    }
}

#[test]
fn examples_timeline_dates_events_and_sets_background_apart() {
    let out = analyze("timeline", &[repo().join("examples")], &[]);
    let d = siege(&out);
    let timeline = d["timeline"].as_array().unwrap();
    let on = |when: &str| timeline.iter().filter(move |e| e["when"] == when).collect::<Vec<_>>();
    // The attack, the fall, the sea evacuation: the story's own days.
    let attack = on("2025-03-08");
    assert!(attack.iter().any(|e| e["what"].as_str().unwrap().contains("attacked St. Maren")), "{attack:#?}");
    assert!(attack.iter().all(|e| e["background"] == false));
    assert!(on("2025-03-09TEV").iter().any(|e| e["what"].as_str().unwrap().contains("statement")));
    assert!(on("2025-03-10/2025-03-11").iter().any(|e| e["what"].as_str().unwrap().contains("ferries")));
    // What the documents recall: the first fall a year before, the intervention, the corridor.
    for when in ["2022", "2024-03", "2024-05", "2024-12-04"] {
        let events = on(when);
        assert!(!events.is_empty() && events.iter().all(|e| e["background"] == true), "{when}: {events:#?}");
    }
    // Events reported by several outlets are one event with every outlet.
    assert!(timeline.iter().any(|e| e["outlets"].as_array().unwrap().len() >= 2 && e["background"] == false));
    // Sorted by date.
    let earliest: Vec<&str> = timeline.iter().map(|e| e["earliest"].as_str().unwrap()).collect();
    assert!(earliest.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn the_policy_switches_the_reconciliation_and_says_so() {
    let inputs = [repo().join("examples")];
    let reconciled = |policy: &str| {
        let out = analyze(&format!("policy-{policy}"), &inputs, &["--policy", policy]);
        let d = siege(&out);
        assert_eq!(d["policy"], policy);
        figure_with(&d, "Between 1,500 and 2,000")["reconciled"].clone()
    };
    let ucdp = reconciled("ucdp");
    assert_eq!((ucdp["low"].as_f64(), ucdp["high"].as_f64()), (Some(1500.0), Some(3000.0)));
    let best = ucdp["best"].as_f64().unwrap();
    assert!(best > 1500.0 && best < 3000.0, "{best}");
    let conservative = reconciled("conservative");
    assert_eq!((conservative["low"].as_f64(), conservative["best"].as_f64(), conservative["high"].as_f64()), (Some(1500.0), Some(1500.0), Some(1500.0)));
    let all = reconciled("all");
    assert!(all["low"].is_null() && all["best"].is_null() && all["high"].is_null());
    assert!(all["rule"].as_str().unwrap().contains("every value"));
}

#[test]
fn palmyra_dossier_meets_the_acceptance_points() {
    let corpus = repo().join("../shared/corpus/palmyra-2016");
    if !corpus.is_dir() {
        eprintln!("skipped: {} not present", corpus.display());
        return;
    }
    let out = analyze("palmyra", &[corpus], &[]);
    let all = dossiers(&out);
    assert_eq!(all.len(), 1);
    let d = &all[0];

    // The attacking force: "between 4000-5000", the MoD's "more than 5,000" and the ratio
    // "five to one" against 1,000 defenders, derived.
    let attack = figure_with(d, "between 4000-5000");
    assert!(value_texts(attack).contains(&"more than 5,000"));
    let derived = attack["values"].as_array().unwrap().iter().find(|v| v["how"] == "derived").expect("the five-to-one value");
    assert_eq!(derived["low"], 5000.0);
    assert!(derived["derived_from"].as_str().unwrap().contains("1,000"));
    assert!(attack["values"].as_array().unwrap().iter().any(|v| v["holder"].as_str().unwrap().contains("Konashenkov")));

    // Mosul: 5,000–7,000 against 9,000, a contradiction with its reason.
    let mosul = figure_with(d, "as many as 5,000-7,000");
    assert!(value_texts(mosul).iter().any(|t| t.contains("9000")));
    assert_eq!(mosul["relation"], "contradict");
    let why = mosul["explanation"].as_str().unwrap();
    assert!(why.contains("5,000, 7,000") && why.contains("9,000"), "{why}");
    assert!(mosul["topic"].as_str().unwrap().contains("Mosul"));

    // The timeline: the offensive on 8 Dec, the city taken on 11 Dec, the strikes of 11–13 Dec;
    // May 2015 and September 2015 as background.
    let timeline = d["timeline"].as_array().unwrap();
    let has = |when: &str, word: &str, background: bool| {
        timeline.iter().any(|e| e["when"] == when && e["what"].as_str().unwrap().contains(word) && e["background"] == background)
    };
    assert!(has("2016-12-08", "offensive", false));
    assert!(has("2016-12-11", "Palmyra", false));
    assert!(has("2016-12-11/2016-12-13", "tanks", false));
    assert!(has("2015-05", "first time", true));
    assert!(has("2015-09", "intervention", true));

    // The 9,000 safe-passage claim: one chain from RIA Novosti's anonymous source reaching two
    // pages, one independent witness.
    let claims = d["provenance"]["claims"].as_array().unwrap();
    let passage = claims.iter().find(|c| c["claim"].as_str().unwrap().contains("9000")).expect("the safe-passage claim");
    assert_eq!(passage["reported_in"].as_array().unwrap().len(), 2, "{passage:#}");
    assert_eq!(passage["independent"], 1);
    assert!(passage["origin"].as_str().unwrap().ends_with("/anonymous"), "{passage:#}");
    let nodes = d["provenance"]["nodes"].as_array().unwrap();
    let name = |id: &Value| nodes.iter().find(|n| n["id"] == *id).map(|n| n["name"].as_str().unwrap().to_string()).unwrap_or_default();
    assert!(passage["via"].as_array().unwrap().iter().any(|v| name(v) == "RIA Novosti"), "{passage:#}");

    // The Russian military's blame of the US, reported by two pages.
    let blame = d["blame"].as_array().unwrap();
    let mod_us = blame.iter().find(|b| b["holder"] == "Russian military" && b["target"] == "United States").expect("Russian military → United States");
    assert_eq!(mod_us["outlets"].as_array().unwrap().len(), 2, "{mod_us:#}");

    // Militants killed in December and soldiers killed in September are two figures.
    let militants = figure_with(d, "at least 300");
    assert!(!value_texts(militants).contains(&"more than 80"), "{militants:#}");
}

#[test]
fn dossiers_are_deterministic() {
    let inputs = [repo().join("examples")];
    let (a, b) = (analyze("det-a", &inputs, &[]), analyze("det-b", &inputs, &[]));
    let read = |out: &Path| {
        let mut files: Vec<(String, Vec<u8>)> =
            std::fs::read_dir(out.join("dossiers")).unwrap().map(|e| e.unwrap()).map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap())).collect();
        files.sort();
        files
    };
    assert_eq!(read(&a), read(&b));
}

/// The whole dossier of the example story, pinned. After a deliberate change, regenerate with
/// `UPDATE_GOLDEN=1 cargo test -p corroborate --test dossier` and review the diff.
#[test]
fn examples_dossier_is_pinned() {
    let out = analyze("golden", &[repo().join("examples")], &[]);
    let d = siege(&out);
    let actual = std::fs::read_to_string(out.join("dossiers").join(format!("{}.json", d["story"].as_str().unwrap()))).unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/siege-dossier.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&golden).expect("the golden dossier (UPDATE_GOLDEN=1 makes it)");
    if expected != actual {
        let first = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "the dossier of the example story changed at line {}:\n  golden: {}\n  actual: {}\n(UPDATE_GOLDEN=1 to accept)",
            first + 1,
            expected.lines().nth(first).unwrap_or("<end>"),
            actual.lines().nth(first).unwrap_or("<end>")
        );
    }
}
