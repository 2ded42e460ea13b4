//! `dossiers/STORY_ID.json`: one story's dossier as pretty-printed JSON.

use corroborate_reconcile::Dossier;
use std::io::{self, Write};

/// Writes one dossier, pretty-printed, with a final newline.
pub fn write_dossier(out: &mut impl Write, dossier: &Dossier) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, dossier)?;
    out.write_all(b"\n")
}
