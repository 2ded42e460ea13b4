//! The cleaner of extracted text, with and without a known title. The input is lossy UTF-8;
//! text before a first NUL byte is the known title, so plain text files are seeds as they are.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (title, raw) = match input.split_once('\0') {
        Some((title, raw)) => (Some(title), raw),
        None => (None, &*input),
    };
    let clean = corroborate_ingest::clean::clean_text(raw, title);
    // Body paragraphs separated by one blank line; each paragraph one trimmed line whose only
    // whitespace is single spaces.
    if !clean.text.is_empty() {
        for paragraph in clean.text.split("\n\n") {
            assert!(!paragraph.is_empty(), "empty paragraph in {:?}", clean.text);
            assert_eq!(paragraph, paragraph.trim(), "untrimmed paragraph {paragraph:?}");
            assert!(
                !paragraph.chars().any(|c| c.is_whitespace() && c != ' '),
                "paragraph {paragraph:?} holds whitespace other than spaces"
            );
            assert!(!paragraph.contains("  "), "paragraph {paragraph:?} holds a run of spaces");
        }
    }
    for removed in &clean.removed {
        assert!(!removed.text.trim().is_empty(), "empty removed line ({:?})", removed.reason);
    }
    // Nothing is invented: every kept paragraph and removed line is made of the input's words.
    let words: std::collections::HashSet<&str> = raw.split_whitespace().collect();
    for piece in clean.text.split("\n\n").chain(clean.removed.iter().map(|r| r.text.as_str())) {
        for word in piece.split_whitespace() {
            assert!(words.contains(word), "word {word:?} is not in the input");
        }
    }
    let _ = corroborate_ingest::metadata::from_removed(&clean.removed);
});
