//! Stage 1: read sources into clean [`Document`]s.
//!
//! ```text
//! input path / URL / stdin ─read→ bytes ─sniff→ Format ─decode→ text ─extract (HTML)→ body
//!        ─clean→ CleanText + removed ─metadata→ Document { id = hash(clean text) }
//! ```
//!
//! Every failure is an [`IngestError`] naming the source and the problem in one line, so a
//! batch can report it and go on.

pub mod blocks;
pub mod clean;
mod decode;
mod document;
mod error;
pub mod html;
mod jsonl;
pub mod metadata;
mod pipeline;
mod sniff;
mod source;

pub use document::{days_in_month, DocId, Document, Genre, Precision, Published, RemovalReason, Removed};
pub use error::{IngestError, Problem};
pub use html::Extractor;
pub use pipeline::{document_from_text, documents_from_bytes, Options};
pub use sniff::{html_depth, sniff, Format, MAX_HTML_DEPTH};
pub use source::{expand_inputs, read_source, Input, Source};
