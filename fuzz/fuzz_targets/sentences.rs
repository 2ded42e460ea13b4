//! The sentence splitter on arbitrary text: spans in order, on char boundaries, trimmed,
//! covering every non-whitespace character.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let spans = corroborate_annotate::sentences::split(text);
    corroborate_fuzz::check_sentences(text, &spans);
});
