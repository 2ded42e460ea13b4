//! The time-expression and quantity annotators on arbitrary text, with and without a document
//! date: spans in order, non-overlapping, on char boundaries; intervals well-formed.
#![no_main]

use corroborate_ingest::Published;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, bool)| {
    let (text, dated) = input;
    let date = dated.then(|| Published::day(2016, 12, 12).expect("a real date"));
    let times = corroborate_annotate::times::find_times(text, date.as_ref());
    let mut last = 0;
    for t in &times {
        assert!(t.span.start() >= last && t.span.start() < t.span.end() && t.span.end() <= text.len());
        assert!(text.is_char_boundary(t.span.start()) && text.is_char_boundary(t.span.end()));
        last = t.span.end();
    }
    let quantities = corroborate_annotate::quantities::find_quantities(text);
    let mut last = 0;
    for q in &quantities {
        assert!(q.span.start() >= last && q.span.start() < q.span.end() && q.span.end() <= text.len());
        last = q.span.end();
        if let (Some(low), Some(high)) = (q.low, q.high) {
            assert!(low <= high, "{low} > {high}");
        }
        assert!(q.low.is_none_or(f64::is_finite) && q.high.is_none_or(f64::is_finite));
    }
});
