//! Attribution on arbitrary text (stray, unbalanced and never-closed quotation marks included):
//! no panic, every span on char boundaries inside the text, every quote non-empty.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let sentences = corroborate_annotate::sentences::split(text);
    let (mentions, _) = corroborate_annotate::entities::recognize(text, &sentences);
    let a = corroborate_annotate::attribution::attribute(text, &sentences, &mentions);
    let ok = |s: corroborate_annotate::Span| {
        s.end() <= text.len() && text.is_char_boundary(s.start()) && text.is_char_boundary(s.end())
    };
    for q in &a.quotes {
        assert!(ok(q.content) && !q.content.is_empty());
        assert!(q.cue.is_none_or(ok));
        assert!(q.speaker.as_ref().and_then(|s| s.span).is_none_or(ok));
    }
    for b in &a.blame {
        assert!(ok(b.span) && ok(b.cue) && b.for_.is_none_or(ok));
    }
    for h in &a.hedges {
        assert!(ok(h.span) && ok(h.claim));
    }
    for c in &a.citations {
        assert!(ok(c.span));
    }
});
