//! The timeline: events the documents report, dated and placed, merged across documents.

use crate::{Corpus, Event};

pub(crate) fn timeline(_corpus: &Corpus, _docs: &[usize]) -> Vec<Event> {
    Vec::new()
}
