//! Bytes read as an HTML page: lossy UTF-8 behind `<html><body>` so the sniffer takes it as HTML.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // NUL bytes make the sniffer call a source binary; here they would only waste runs.
    let body = String::from_utf8_lossy(data).replace('\0', "\u{FFFD}");
    // A page that already starts like one keeps its own head; anything else becomes a body.
    let page = if body.trim_start().to_ascii_lowercase().starts_with("<!doctype") {
        body
    } else {
        format!("<html><body>{body}")
    };
    // Not asserted to sniff as HTML: a page mostly of control characters is rightly binary.
    let depth = corroborate_ingest::html_depth(&page, corroborate_ingest::MAX_HTML_DEPTH);
    assert!(depth <= corroborate_ingest::MAX_HTML_DEPTH + 1);
    corroborate_fuzz::check_source("fuzz.html", page.as_bytes());
});
