//! Accuracy and speed of the fast block extractor (`corroborate_ingest::blocks`) on the
//! Scrapinghub article-extraction benchmark, beside `dom_smoothie`'s published output.
//!
//! ```text
//! cargo test -p corroborate-eval --release --test blocks_extractor -- --ignored --nocapture
//! ```
//!
//! Set `BLOCKS_DUMP=DIR` to write each page's prediction and gold to `DIR/<id>.{pred,gold}.txt`.

use corroborate_eval::extraction::{self, Dataset};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

const DATA: &str = "../../../shared/data/scrapinghub-article-extraction-benchmark";

#[test]
#[ignore = "needs ../shared/data; run with --ignored --nocapture"]
fn blocks_extractor_on_scrapinghub() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA);
    if !dir.exists() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let dataset = Dataset::open(&dir).expect("benchmark opens");
    let pages: Vec<(String, String)> = dataset
        .gold
        .keys()
        .map(|id| (id.clone(), String::from_utf8_lossy(&dataset.html(id).expect("page reads")).into_owned()))
        .collect();

    let predictions: BTreeMap<String, String> =
        pages.iter().map(|(id, html)| (id.clone(), corroborate_ingest::blocks::extract(html))).collect();

    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        for (_, html) in &pages {
            std::hint::black_box(corroborate_ingest::blocks::extract(std::hint::black_box(html)));
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let bytes: usize = pages.iter().map(|p| p.1.len()).sum();

    let ours = extraction::score("blocks", &dataset.gold, &predictions);
    println!("{:<28} {:>6} {:>6} {:>6} {:>5}", "system", "P", "R", "F1", "pages");
    println!("{ours}");
    let peers = dataset.peers().expect("peer outputs read");
    for tool in ["dom_smoothie", "trafilatura", "rs_trafilatura", "AutoExtract"] {
        if let Some(peer) = peers.get(tool) {
            println!("{}", extraction::score(&format!("peer:{tool}"), &dataset.gold, peer));
        }
    }
    println!(
        "speed: {:.3} ms/page, {:.0} pages/s, {:.0} MB/s (best of 5 passes over {} pages, one thread)",
        best * 1000.0 / pages.len() as f64,
        pages.len() as f64 / best,
        bytes as f64 / best / 1e6,
        pages.len()
    );

    let mut worst: Vec<(f64, &String)> =
        dataset.gold.iter().map(|(id, g)| (extraction::page_f1(g, &predictions[id]), id)).collect();
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("worst pages:");
    for (f, id) in worst.iter().take(10) {
        let (tp, fp, fn_) = extraction::shingle_match(&dataset.gold[*id], &predictions[*id]);
        let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
        println!("  {f:.3}  P={p:.3} R={r:.3}  {}  {}", &id[..12], dataset.urls.get(*id).map_or("", String::as_str));
    }

    if let Ok(out) = std::env::var("BLOCKS_DUMP") {
        let out = Path::new(&out);
        std::fs::create_dir_all(out).expect("dump dir");
        for (id, text) in &predictions {
            std::fs::write(out.join(format!("{id}.pred.txt")), text).expect("write prediction");
            std::fs::write(out.join(format!("{id}.gold.txt")), &dataset.gold[id]).expect("write gold");
        }
    }
    assert!(ours.n > 0, "no pages scored");
}
