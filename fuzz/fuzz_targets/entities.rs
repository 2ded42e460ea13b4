//! The entity tagger and the linker on arbitrary text: mentions in order, on char boundaries,
//! each with a capital letter, a title only before its name; every mention linked to exactly
//! one entity whose mentions point back at it.
#![no_main]

use corroborate_annotate::entities::recognize;
use corroborate_annotate::link::{link, DocumentMentions};
use corroborate_annotate::sentences;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (mentions, demonyms) = recognize(text, &sentences::split(text));
    let mut last = 0;
    for m in &mentions {
        assert!(m.span.start() >= last && m.span.start() < m.span.end() && m.span.end() <= text.len());
        assert!(text.is_char_boundary(m.span.start()) && text.is_char_boundary(m.span.end()));
        assert!(m.span.of(text).chars().any(char::is_uppercase));
        if let Some(t) = m.title {
            assert!(t.end() <= m.span.start());
        }
        last = m.span.end();
    }
    for d in &demonyms {
        assert!(d.span.end() <= text.len() && d.modifies.is_none_or(|s| s.start() >= d.span.end()));
    }
    let linked = link(&[DocumentMentions { text, mentions: &mentions }]);
    assert_eq!(linked.links[0].len(), mentions.len());
    for (i, l) in linked.links[0].iter().enumerate() {
        assert!(linked.entities[l.entity].mentions.iter().any(|r| r.document == 0 && r.mention == i));
    }
});
