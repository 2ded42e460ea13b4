//! Bytes read as an HTML page: lossy UTF-8 behind `<html><body>` so the sniffer takes it as HTML.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    // A page that already starts like one keeps its own head; anything else becomes a body.
    let page = if body.trim_start().to_ascii_lowercase().starts_with("<!doctype") {
        body.into_owned()
    } else {
        format!("<html><body>{body}")
    };
    assert_eq!(corroborate_ingest::sniff(page.as_bytes()).ok(), Some(corroborate_ingest::Format::Html));
    let depth = corroborate_ingest::html_depth(&page, corroborate_ingest::MAX_HTML_DEPTH);
    assert!(depth <= corroborate_ingest::MAX_HTML_DEPTH + 1);
    corroborate_fuzz::check_source("fuzz.html", page.as_bytes());
});
