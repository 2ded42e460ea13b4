//! The provenance graph: outlets, cited sources and speakers; claims and the chains they travelled.

use crate::{Corpus, Provenance};

pub(crate) fn provenance(_corpus: &Corpus, _docs: &[usize]) -> Provenance {
    Provenance::default()
}
