//! Dates as pages write them: the anchored parser, the finder inside longer text, and the
//! byline splitter that sits beside them.
#![no_main]

use corroborate_ingest::metadata::{find_date, parse_date, split_authors};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Some(date) = parse_date(text) {
        corroborate_fuzz::check_published(&date);
    }
    if let Some(date) = find_date(text) {
        corroborate_fuzz::check_published(&date);
    }
    for author in split_authors(text) {
        assert!(!author.trim().is_empty(), "empty author from {text:?}");
    }
});
