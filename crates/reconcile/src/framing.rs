//! Framing: the words each outlet uses for the main actors and events; outlet profiles.

use crate::{Corpus, Framing, OutletProfile};

pub(crate) fn framing(_corpus: &Corpus, _docs: &[usize]) -> Vec<Framing> {
    Vec::new()
}

pub(crate) fn outlet_profiles(_corpus: &Corpus, _docs: &[usize]) -> Vec<OutletProfile> {
    Vec::new()
}
