//! Evaluation: dataset readers and scorers behind `corroborate eval TASK --data PATH --predictions FILE`.
//!
//! Each task is a module with the same shape: read the dataset, run the pipeline stage, score
//! it, and hand back a [`Report`] plus the predictions in the format the task's benchmark uses.

pub mod clusters;
pub mod extraction;
pub mod metadata;
pub mod ner;
pub mod quantities;
pub mod quotes;
pub mod syntax;
pub mod timex;

use std::fmt;

/// Problems reading an evaluation dataset.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: {message}")]
    Format { path: String, message: String },
}

/// One scored system on one dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub system: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Documents scored.
    pub n: usize,
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:<28} {:>6.3} {:>6.3} {:>6.3} {:>5}", self.system, self.precision, self.recall, self.f1, self.n)
    }
}

/// Harmonic mean, 0 when both are 0.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) }
}

/// Whitespace runs folded to one space, ends trimmed: how every scorer here compares text.
fn fold_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read(path: &std::path::Path) -> Result<Vec<u8>, EvalError> {
    std::fs::read(path).map_err(|source| EvalError::Io { path: path.display().to_string(), source })
}

fn gunzip(path: &std::path::Path) -> Result<Vec<u8>, EvalError> {
    use std::io::Read;
    let raw = read(path)?;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(&raw[..])
        .read_to_end(&mut out)
        .map_err(|e| EvalError::Format { path: path.display().to_string(), message: format!("bad gzip: {e}") })?;
    Ok(out)
}
