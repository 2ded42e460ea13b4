//! Quantities against NewsQuant (placeholder until the quantity evaluation lands).

use crate::EvalError;
use std::path::Path;

/// Scores the quantity annotator on a NewsQuant-format JSON file, writes the
/// predictions to `predictions`, and returns the report to print.
pub fn evaluate(data: &Path, predictions: &Path) -> Result<String, EvalError> {
    let _ = (data, predictions);
    Err(EvalError::Format { path: data.display().to_string(), message: "not implemented yet".into() })
}
