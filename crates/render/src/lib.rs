//! Stage 6: outputs. The JSON Lines of the output contract, the plain-text summary, and the
//! dossiers as one self-contained page, as Markdown and as a terminal digest ([`report`]).
//!
//! The contract version is [`CONTRACT`]; every record states it. Fields may be added without a
//! bump; renaming or removing one bumps it (see `schema/` for the JSON Schema, tested against
//! real output).

pub mod attribution;
mod documents;
mod dossier;
pub mod entities;
pub mod layers;
mod stories;
mod summary;
pub mod report;

pub use documents::{document_record, write_documents, DocumentRecord};
pub use dossier::write_dossier;
pub use entities::write_entities;
pub use stories::{story_record, write_stories, MemberRecord, PassageRecord, ReprintRecord, StoryRecord};
pub use summary::{summary, BatchReport};
pub use report::{digest, markdown, report_html, story_places, write_report, SourceDocument, StoryReport};

/// The output contract these files follow.
pub const CONTRACT: &str = "corroborate/v1";
