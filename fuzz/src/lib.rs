//! Invariant checks shared by the fuzz targets. A failed check panics, which libFuzzer
//! reports as a crash with the input that caused it.

use corroborate_annotate::{annotate, Span};
use corroborate_ingest::{documents_from_bytes, DocId, Document, Extractor, Options, Precision, Published};

/// Small limits so that a fuzz input cannot ask for a huge decompression. The HTML extractor
/// is the default one (`Extractor::Blocks`) unless `CORROBORATE_FUZZ_EXTRACTOR=consensus` is
/// set (dom_smoothie + trafilatura, about 40 times slower).
pub fn options() -> Options {
    let extractor = match std::env::var("CORROBORATE_FUZZ_EXTRACTOR").as_deref() {
        Ok("consensus") => Extractor::Consensus,
        _ => Extractor::default(),
    };
    Options { max_bytes: 1024 * 1024, extractor, ..Options::default() }
}

/// Reads `bytes` as one source and checks every document it gives, annotated.
pub fn check_source(name: &str, bytes: &[u8]) {
    for result in documents_from_bytes(name, bytes, &options()) {
        match result {
            Ok(document) => check_document(document),
            Err(error) => {
                // Every failure is one line `source: problem`.
                let line = error.to_string();
                assert!(!line.contains('\n'), "error is not one line: {line:?}");
            }
        }
    }
}

pub fn check_document(document: Document) {
    let id = document.id.as_str();
    assert_eq!(id.len(), 16, "id {id:?} is not 16 characters");
    assert!(id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')), "id {id:?} is not lowercase hex");
    assert_eq!(document.id, DocId::of_text(&document.text), "id is not the hash of the text");
    assert!(!document.text.trim().is_empty(), "document text is empty");
    if let Some(published) = &document.published {
        check_published(published);
    }
    let text = document.text.clone();
    let annotated = annotate(document);
    check_sentences(&text, &annotated.sentences);
}

/// Sentence spans: non-empty, trimmed, in order, non-overlapping, on char boundaries, never
/// crossing a line break, together covering every non-whitespace character.
pub fn check_sentences(text: &str, spans: &[Span]) {
    let mut covered_to = 0usize;
    let mut previous_end = 0usize;
    for span in spans {
        let (start, end) = (span.start(), span.end());
        assert!(start < end, "empty span {start}..{end}");
        assert!(end <= text.len(), "span {start}..{end} past the text ({} bytes)", text.len());
        assert!(start >= previous_end, "span {start}..{end} before the previous end {previous_end}");
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "span {start}..{end} not on char boundaries");
        let sentence = &text[start..end];
        assert_eq!(sentence, sentence.trim(), "span {start}..{end} is not trimmed");
        assert!(
            !sentence.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']),
            "span {start}..{end} crosses a line break: {sentence:?}"
        );
        // Nothing between the previous sentence and this one but whitespace.
        let gap = &text[covered_to..start];
        assert!(gap.chars().all(char::is_whitespace), "non-whitespace {gap:?} before span {start}..{end} not covered");
        covered_to = end;
        previous_end = end;
    }
    let tail = &text[covered_to..];
    assert!(tail.chars().all(char::is_whitespace), "non-whitespace tail {tail:?} not covered");
}

/// A date is ISO 8601 text of its precision, in the accepted years, and reads back as itself.
pub fn check_published(published: &Published) {
    let iso = published.iso();
    let shape = match published.precision() {
        Precision::Year => "dddd",
        Precision::Month => "dddd-dd",
        Precision::Day => "dddd-dd-dd",
        Precision::Minute => "dddd-dd-ddTdd:dd",
        Precision::Second => "dddd-dd-ddTdd:dd:dd",
    };
    assert_eq!(iso.len(), shape.len(), "{iso:?} is not of the shape {shape}");
    for (c, s) in iso.bytes().zip(shape.bytes()) {
        assert!(if s == b'd' { c.is_ascii_digit() } else { c == s }, "{iso:?} is not of the shape {shape}");
    }
    let round_trip = corroborate_ingest::metadata::parse_date(iso);
    assert_eq!(round_trip.as_ref(), Some(published), "{iso:?} does not read back as itself");
}
