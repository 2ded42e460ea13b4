//! Throughput of ingest (sniff, decode, HTML main text, cleaning, metadata) on one thread,
//! over the Scrapinghub benchmark pages. Run with `scripts/bench`, which puts Python
//! trafilatura's figure beside it on the same pages.
//!
//! Prints `pages/s` and `MB/s` (best of several passes over all pages, after a warm-up pass).

use corroborate_ingest::{blocks, clean, documents_from_bytes, Extractor, Options};
use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

fn pages() -> Option<Vec<(String, Vec<u8>)>> {
    let dir = std::env::var_os("CORROBORATE_BENCH_PAGES").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/scrapinghub-article-extraction-benchmark/html")
    });
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).ok()?.flatten().map(|e| e.path()).collect();
    paths.sort();
    let pages = paths
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .map(|p| {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(&p).unwrap()).read_to_end(&mut out).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), out)
        })
        .collect();
    Some(pages)
}

fn best_of(passes: usize, mut f: impl FnMut()) -> f64 {
    f();
    (0..passes)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let Some(pages) = pages() else {
        eprintln!("skipped: benchmark pages not found (set CORROBORATE_BENCH_PAGES to a folder of *.html.gz)");
        return;
    };
    let passes: usize = std::env::var("BENCH_PASSES").ok().and_then(|s| s.parse().ok()).unwrap_or(5);
    let n = pages.len() as f64;
    let mb = pages.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
    let texts: Vec<String> = pages.iter().map(|(_, b)| String::from_utf8_lossy(b).into_owned()).collect();
    let per = |secs: f64| format!("{:>8.1} pages/s {:>7.2} MB/s {:>7.2} ms/page", n / secs, mb / secs, secs * 1e3 / n);

    // What the speed goal names: main text out of the HTML, then cleaning.
    let extract_clean = best_of(passes, || {
        for text in &texts {
            std::hint::black_box(clean::clean_text(&blocks::extract(text), None));
        }
    });
    // Everything ingest does per page, metadata and the list of removed blocks included.
    let ingest = |extractor: Extractor, passes: usize| {
        let options = Options { extractor, ..Options::default() };
        best_of(passes, || {
            for (name, bytes) in &pages {
                std::hint::black_box(documents_from_bytes(name, bytes, &options));
            }
        })
    };
    let full = ingest(Extractor::Blocks, passes);
    let consensus = ingest(Extractor::Consensus, passes.min(2));
    println!("{} pages, {mb:.1} MB of HTML, one thread, best of {passes} passes", pages.len());
    println!("extraction + cleaning (blocks):              {}", per(extract_clean));
    println!("whole ingest, --extractor blocks (default):  {}", per(full));
    println!("whole ingest, --extractor consensus:         {}", per(consensus));
    println!("RESULT corroborate_pages_per_s={:.2}", n / extract_clean);
    println!("RESULT corroborate_ingest_pages_per_s={:.2}", n / full);
}
