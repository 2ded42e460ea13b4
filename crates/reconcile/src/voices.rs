//! Who said what (quotes grouped by speaker across outlets) and the blame matrix.

use crate::{BlameRow, Corpus, SpeakerQuotes};

pub(crate) fn who_said_what(_corpus: &Corpus, _docs: &[usize]) -> Vec<SpeakerQuotes> {
    Vec::new()
}

pub(crate) fn blame_matrix(_corpus: &Corpus, _docs: &[usize]) -> Vec<BlameRow> {
    Vec::new()
}
