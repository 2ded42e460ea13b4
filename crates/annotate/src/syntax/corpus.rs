//! CoNLL-2000/2003-style files with the syntax columns: `token POS chunk [more…]`, one token a
//! line, space- or tab-separated, blank lines between sentences, `-DOCSTART-` lines ignored.
//! Chunk tags are read leniently in IOB1 or BIO (CoNLL-2003's train file is IOB1, its dev file
//! BIO), as [`crate::entities::conll::iob_spans`] reads entity tags.

use crate::entities::conll::iob_spans;

/// One sentence with its gold parts of speech and chunks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub pos: Vec<String>,
    /// `(first token, end token exclusive, label)`: `NP`, `VP`, `PP`…
    pub chunks: Vec<(usize, usize, String)>,
}

/// Parses a file; lines with fewer than three columns are skipped. A POS tag with
/// alternatives (`NN|SYM`) keeps its first.
pub fn parse(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut rows: Vec<(&str, &str, &str)> = Vec::new();
    let flush = |rows: &mut Vec<(&str, &str, &str)>, out: &mut Vec<Sentence>| {
        if rows.is_empty() {
            return;
        }
        let (chunks, _) = iob_spans(rows.iter().map(|r| r.2), &|l: &str| Some(l.to_string()));
        out.push(Sentence {
            tokens: rows.iter().map(|r| r.0.to_string()).collect(),
            pos: rows.iter().map(|r| r.1.split('|').next().unwrap_or(r.1).to_string()).collect(),
            chunks,
        });
        rows.clear();
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") || line.trim().is_empty() {
            flush(&mut rows, &mut out);
            continue;
        }
        let mut cols = line.split(if line.contains('\t') { '\t' } else { ' ' });
        if let (Some(token), Some(pos), Some(chunk)) = (cols.next(), cols.next(), cols.next()) {
            rows.push((token, pos, chunk.trim()));
        }
    }
    flush(&mut rows, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_and_bio_chunks_read_alike() {
        let iob1 = "-DOCSTART- -X- O O\n\nThe DT I-NP O\nold JJ I-NP O\nman NN I-NP O\nthe DT B-NP O\nboats NNS I-NP O\nsails VBZ I-VP O\n. . O O\n";
        let bio = "The DT B-NP\nold JJ I-NP\nman NN I-NP\nthe DT B-NP\nboats NNS I-NP\nsails VBZ B-VP\n. . O\n";
        let (a, b) = (parse(iob1), parse(bio));
        assert_eq!(a, b);
        assert_eq!(a[0].chunks, vec![(0, 3, "NP".into()), (3, 5, "NP".into()), (5, 6, "VP".into())]);
        assert_eq!(a[0].pos[5], "VBZ");
    }
}
