//! Annotation throughput on one core (run by `scripts/bench-annotate`, which pins the core and
//! measures peak memory; `cargo bench -p corroborate-annotate` also works).
//!
//! - entity tagging alone, in tokens per second, over CoNLL-2003 dev's own tokens (model,
//!   gazetteer flags and decoding; no tokenising), as spaCy reports words per second; then
//!   part-of-speech tagging and chunking on the same tokens;
//! - times and quantities, alone and together over the same texts, then every stage-2 annotator
//!   together (sentences, times, quantities, entities), in MB of clean text per second, over the
//!   Palmyra pages and the Scrapinghub gold article bodies.
//!
//! Data comes from `../shared/data` beside the checkout; a part whose data is absent is skipped
//! with a message. Prints `RESULT name=value` lines for the script.

use corroborate_annotate::entities::{conll, lexicon, tagger};
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

fn shared() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn main() {
    let start = Instant::now();
    let model = tagger::builtin();
    println!("model load: {:.0} ms ({} feature rows)", start.elapsed().as_secs_f64() * 1e3, model.features());
    let start = Instant::now();
    lexicon::flags(&["Palmyra"]);
    println!("gazetteer and word-cluster load: {:.0} ms", start.elapsed().as_secs_f64() * 1e3);
    // Tagging alone.
    let dev = shared().join("data/conll2003-ner/conll2003_dev_testa.txt");
    match std::fs::read_to_string(&dev) {
        Ok(text) => {
            let (docs, _) = conll::parse(&text, &conll::conll_labels);
            let tokens: usize = docs.iter().flatten().map(|s| s.tokens.len()).sum();
            let domain = model.domain(tagger::DOMAIN);
            let run = || {
                let mut found = 0;
                for doc in &docs {
                    let sentences: Vec<Vec<&str>> = doc.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
                    let flags: Vec<Vec<u16>> = sentences.iter().map(|s| lexicon::flags(s)).collect();
                    found += model.tag(domain, &sentences, &flags).iter().map(Vec::len).sum::<usize>();
                }
                black_box(found)
            };
            let (rounds, per_s) = per_second(tokens, &run);
            println!("entity tagging: {tokens} tokens x {rounds} rounds, {per_s:.0} tokens/s on one core");
            println!("RESULT tagging_tokens_per_s={per_s:.0}");
        }
        Err(_) => println!("skipping tagging: {} absent", dev.display()),
    }
    // Parts of speech and chunks alone, on the same tokens.
    let start = Instant::now();
    let syntax = corroborate_annotate::syntax::builtin();
    println!("syntax model load: {:.0} ms", start.elapsed().as_secs_f64() * 1e3);
    if let Ok(text) = std::fs::read_to_string(&dev) {
        let sentences = corroborate_annotate::syntax::corpus::parse(&text);
        let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
        let run = || {
            let mut n = 0;
            for s in &sentences {
                n += syntax.analyze(&s.tokens.iter().map(String::as_str).collect::<Vec<_>>()).chunks.len();
            }
            black_box(n)
        };
        let (rounds, per_s) = per_second(tokens, &run);
        println!("part-of-speech tagging and chunking: {tokens} tokens x {rounds} rounds, {per_s:.0} tokens/s on one core");
        println!("RESULT syntax_tokens_per_s={per_s:.0}");
    }

    // Every annotator together.
    let mut texts: Vec<String> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(shared().join("corpus/palmyra-2016")) {
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                texts.push(std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
    }
    let gold = shared().join("data/scrapinghub-article-extraction-benchmark/ground-truth.json");
    if let Ok(raw) = std::fs::read_to_string(&gold) {
        // {id: {"articleBody": …}}: take the bodies without a JSON dependency in this crate's
        // benches, by the escaped-string rules JSON uses.
        texts.extend(article_bodies(&raw));
    }
    if texts.is_empty() {
        println!("skipping whole annotation: no texts found under {}", shared().display());
        return;
    }
    let options = corroborate_ingest::Options::default();
    let docs: Vec<corroborate_annotate::Document> =
        texts.iter().flat_map(|t| corroborate_ingest::documents_from_bytes("bench.txt", t.as_bytes(), &options)).filter_map(Result::ok).collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // Times and quantities, alone and together over the same texts (the target: together
    // at least 5 MB/s on one core).
    let timed = |name: &str, result: &str, f: &dyn Fn(&corroborate_annotate::Document) -> usize| {
        let run = || black_box(docs.iter().map(f).sum::<usize>());
        run();
        // At least two seconds of rounds: the texts take milliseconds.
        let (mut rounds, start) = (0, Instant::now());
        while rounds < 5 || start.elapsed().as_secs_f64() < 2.0 {
            run();
            rounds += 1;
        }
        let mb_s = (bytes * rounds) as f64 / 1e6 / start.elapsed().as_secs_f64();
        println!("{name}: {:.2} MB x {rounds} rounds, {mb_s:.2} MB/s on one core", bytes as f64 / 1e6);
        println!("RESULT {result}={mb_s:.2}");
        mb_s
    };
    let times = |d: &corroborate_annotate::Document| corroborate_annotate::times::find_times(&d.text, d.published.as_ref()).len();
    let quantities = |d: &corroborate_annotate::Document| corroborate_annotate::quantities::find_quantities(&d.text).len();
    timed("times alone", "times_mb_per_s", &times);
    timed("quantities alone", "quantities_mb_per_s", &quantities);
    let both = timed("times + quantities", "times_quantities_mb_per_s", &|d| times(d) + quantities(d));
    println!("times + quantities together: {both:.2} MB/s on one core (target: at least 5)");
    let run = || {
        let mut n = 0;
        for d in &docs {
            let a = corroborate_annotate::annotate(d.clone());
            n += a.entities.len() + a.times.len() + a.quantities.len();
        }
        black_box(n)
    };
    run();
    let rounds = 3;
    let start = Instant::now();
    for _ in 0..rounds {
        run();
    }
    let mb_s = (bytes * rounds) as f64 / 1e6 / start.elapsed().as_secs_f64();
    println!("whole annotation: {} texts, {:.2} MB x {rounds} rounds, {mb_s:.2} MB/s on one core", texts.len(), bytes as f64 / 1e6);
    println!("RESULT annotation_mb_per_s={mb_s:.2}");

}

/// Units handled per second by `run` over 5 rounds, after one warm-up round: (rounds, rate).
fn per_second(units: usize, run: &dyn Fn() -> usize) -> (usize, f64) {
    run();
    let rounds = 5;
    let start = Instant::now();
    for _ in 0..rounds {
        run();
    }
    (rounds, (units * rounds) as f64 / start.elapsed().as_secs_f64())
}

fn article_bodies(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(i) = rest.find("\"articleBody\"") {
        rest = &rest[i + 13..];
        let Some(q) = rest.find('"') else { break };
        rest = &rest[q + 1..];
        let mut body = String::new();
        let mut chars = rest.char_indices();
        let mut end = rest.len();
        while let Some((k, c)) = chars.next() {
            match c {
                '"' => {
                    end = k + 1;
                    break;
                }
                '\\' => match chars.next().map(|(_, e)| e) {
                    Some('n') => body.push('\n'),
                    Some('t') => body.push('\t'),
                    Some('u') => {
                        let hex: String = (0..4).filter_map(|_| chars.next().map(|(_, h)| h)).collect();
                        body.push(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}'));
                    }
                    Some(other) => body.push(other),
                    None => break,
                },
                c => body.push(c),
            }
        }
        rest = &rest[end..];
        out.push(body);
    }
    out
}
