//! CoNLL-style NER files: one token a line, the token first and the tag last (or in a chosen
//! column), blank lines between sentences, `-DOCSTART-` lines between documents. Both tag
//! schemes are read: BIO (IOB2) and CoNLL-2003's IOB1, where `I-` opens an entity and `B-`
//! only separates two touching entities of one type. Reading is lenient, so both become
//! entity spans the same way: an `I-X` that does not continue an `X` opens one.

/// One tagged sentence: tokens and their gold entity spans.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    /// `(first token, end token exclusive, label)`.
    pub entities: Vec<(usize, usize, String)>,
}

/// A document: its sentences, in order.
pub type Doc = Vec<Sentence>;

/// The scheme a file was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Bio,
    Iob1,
}

/// Parses a CoNLL file into documents. Tags are read from the last column (tab- or
/// space-separated, tab preferred when present). `map` renames labels (`Person` → `PER`) and
/// drops those it maps to `None`. A file without `-DOCSTART-` lines is one document.
pub fn parse(text: &str, map: &dyn Fn(&str) -> Option<String>) -> (Vec<Doc>, Scheme) {
    let mut docs: Vec<Doc> = Vec::new();
    let mut doc: Doc = Vec::new();
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut iob1 = false;
    let flush = |rows: &mut Vec<(String, String)>, doc: &mut Doc, iob1: &mut bool| {
        if rows.is_empty() {
            return;
        }
        let (entities, was_iob1) = iob_spans(rows.iter().map(|(_, tag)| tag.as_str()), map);
        *iob1 |= was_iob1;
        let sentence = Sentence { tokens: rows.iter().map(|(token, _)| token.clone()).collect(), entities };
        doc.push(sentence);
        rows.clear();
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") {
            flush(&mut rows, &mut doc, &mut iob1);
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut rows, &mut doc, &mut iob1);
            continue;
        }
        let (token, tag) = if line.contains('\t') {
            let mut cols = line.split('\t');
            let token = cols.next().unwrap_or_default();
            (token, cols.nth(0).unwrap_or("O"))
        } else {
            let mut cols = line.split(' ');
            let token = cols.next().unwrap_or_default();
            (token, cols.next_back().unwrap_or("O"))
        };
        rows.push((token.to_string(), tag.trim().to_string()));
    }
    flush(&mut rows, &mut doc, &mut iob1);
    if !doc.is_empty() {
        docs.push(doc);
    }
    (docs, if iob1 { Scheme::Iob1 } else { Scheme::Bio })
}

/// Spans `(first, end exclusive, label)` from one sentence's tags, read leniently in either
/// scheme (see the module doc), and whether the tags were IOB1 (an `I-X` opening a span).
pub fn iob_spans<'a>(tags: impl Iterator<Item = &'a str>, map: &dyn Fn(&str) -> Option<String>) -> (Vec<(usize, usize, String)>, bool) {
    let mut spans = Vec::new();
    let mut iob1 = false;
    let mut open: Option<(usize, String)> = None;
    let mut prev_label: Option<String> = None;
    let mut n = 0;
    for (i, tag) in tags.enumerate() {
        n = i + 1;
        let (prefix, label) = match tag.split_once('-') {
            Some((p, l)) if matches!(p, "B" | "I" | "E" | "S" | "L" | "U") => (p, map(l)),
            _ => ("O", None),
        };
        let continues = prefix != "B" && prefix != "S" && prefix != "U" && label.is_some() && prev_label == label;
        if prefix == "I" && label.is_some() && prev_label != label {
            iob1 = true;
        }
        if !continues {
            if let Some((start, l)) = open.take() {
                spans.push((start, i, l));
            }
            if let Some(l) = &label {
                open = Some((i, l.clone()));
            }
        }
        prev_label = label;
    }
    if let Some((start, l)) = open.take() {
        spans.push((start, n, l));
    }
    (spans, iob1)
}

/// CoNLL's own four labels, unchanged; anything else dropped.
pub fn conll_labels(label: &str) -> Option<String> {
    matches!(label, "PER" | "ORG" | "LOC" | "MISC").then(|| label.to_string())
}

/// OntoNotes-like and other label sets mapped onto CoNLL's four (documented in the eval
/// README): people → PER; organisations → ORG; locations, GPEs and facilities → LOC;
/// nationalities, groups, products, events, works and misc → MISC; dates, numbers, money and
/// the rest → dropped.
pub fn to_conll_labels(label: &str) -> Option<String> {
    let l = label.to_ascii_lowercase();
    let mapped = match l.as_str() {
        "per" | "person" | "persons" | "people" | "politician" | "scientist" | "writer" | "musicalartist" => "PER",
        "org" | "organization" | "organisation" | "corporation" | "group" | "political_party" | "politicalparty" | "company" => "ORG",
        "loc" | "location" | "gpe" | "fac" | "facility" | "geo-loc" | "country" | "city" => "LOC",
        "misc" | "norp" | "nationality" | "product" | "event" | "work_of_art" | "language" | "law" | "creative-work" | "election" | "politician_misc" | "misc_ent" => "MISC",
        _ => return None,
    };
    Some(mapped.to_string())
}

/// Writes `text` back as CoNLL lines: token, gold tag, predicted tag (BIO).
pub fn write_predictions(docs: &[Doc], predicted: &[Vec<Vec<(usize, usize, String)>>], out: &mut impl std::io::Write) -> std::io::Result<()> {
    for (doc, pdoc) in docs.iter().zip(predicted) {
        writeln!(out, "-DOCSTART- O O\n")?;
        for (sentence, pents) in doc.iter().zip(pdoc) {
            let gold = bio(sentence.tokens.len(), &sentence.entities);
            let pred = bio(sentence.tokens.len(), pents);
            for ((token, g), p) in sentence.tokens.iter().zip(gold).zip(pred) {
                writeln!(out, "{token} {g} {p}")?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// BIO tags for entity spans over `n` tokens.
pub fn bio(n: usize, entities: &[(usize, usize, String)]) -> Vec<String> {
    let mut tags = vec!["O".to_string(); n];
    for (start, end, label) in entities {
        for (i, tag) in tags.iter_mut().enumerate().take(*end).skip(*start) {
            *tag = format!("{}-{label}", if i == *start { "B" } else { "I" });
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_and_bio_read_to_the_same_spans() {
        let iob1 = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nJohn X X B-PER\n\n";
        let bio = "-DOCSTART- -X- -X- O\n\nEU X X B-ORG\nrejects X X O\nPeter X X B-PER\nBlackburn X X I-PER\nJohn X X B-PER\n";
        let (a, sa) = parse(iob1, &conll_labels);
        let (b, sb) = parse(bio, &conll_labels);
        assert_eq!((sa, sb), (Scheme::Iob1, Scheme::Bio));
        assert_eq!(a, b);
        assert_eq!(a[0][0].entities, vec![(0, 1, "ORG".into()), (2, 4, "PER".into()), (4, 5, "PER".into())]);
    }

    #[test]
    fn tabs_and_label_maps() {
        let text = "-DOCSTART-\tdoc1\n\nafrol\tB-Organization\nNews\tI-Organization\n27\tB-Date\nUgandan\tB-NORP\n11 pm.\tO\n";
        let (docs, _) = parse(text, &to_conll_labels);
        assert_eq!(docs[0][0].tokens[4], "11 pm.");
        assert_eq!(docs[0][0].entities, vec![(0, 2, "ORG".into()), (3, 4, "MISC".into())]);
    }
}
