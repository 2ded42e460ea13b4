//! JSON Lines: raw bytes behind a valid first record (so the sniffer takes it as JSON Lines),
//! or, structured, records built from arbitrary fields so every field reaches the pipeline.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

#[derive(Arbitrary, Debug)]
enum Authors {
    None,
    Null,
    One(String),
    Many(Vec<String>),
    Number(i64),
}

#[derive(Arbitrary, Debug)]
struct Record {
    url: Option<String>,
    title: Option<String>,
    text: Option<String>,
    html: Option<String>,
    date: Option<String>,
    /// Which key the date goes under: date, published or datePublished.
    date_key: u8,
    outlet: Option<String>,
    authors: Authors,
}

#[derive(Arbitrary, Debug)]
enum Input<'a> {
    Raw(&'a [u8]),
    Records(Vec<Record>),
}

fn line(record: Record) -> String {
    let mut map = Map::new();
    let mut put = |key: &str, value: Option<String>| {
        if let Some(value) = value {
            map.insert(key.to_string(), Value::String(value));
        }
    };
    put("url", record.url);
    put("title", record.title);
    put("text", record.text);
    put("html", record.html);
    put(["date", "published", "datePublished"][record.date_key as usize % 3], record.date);
    put("outlet", record.outlet);
    match record.authors {
        Authors::None => {}
        Authors::Null => {
            map.insert("authors".into(), Value::Null);
        }
        Authors::One(a) => {
            map.insert("authors".into(), Value::String(a));
        }
        Authors::Many(v) => {
            map.insert("authors".into(), Value::Array(v.into_iter().map(Value::String).collect()));
        }
        Authors::Number(n) => {
            map.insert("authors".into(), Value::from(n));
        }
    }
    Value::Object(map).to_string()
}

fuzz_target!(|input: Input| {
    let mut bytes = b"{\"text\": \"A first record, so that the source is sniffed as JSON Lines.\"}\n".to_vec();
    match input {
        // NUL bytes make the sniffer call a source binary; here they would only waste runs.
        Input::Raw(raw) => bytes.extend(raw.iter().map(|&b| if b == 0 { b' ' } else { b })),
        Input::Records(records) => {
            for record in records.into_iter().take(8) {
                bytes.extend_from_slice(line(record).as_bytes());
                bytes.push(b'\n');
            }
        }
    }
    // Not asserted to sniff as JSON Lines: mostly control characters is rightly binary.
    corroborate_fuzz::check_source("fuzz.jsonl", &bytes);
});
