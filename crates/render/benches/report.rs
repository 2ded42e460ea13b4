//! The report's speed: generating `report.html` for 100 big stories (the hand-made siege dossier
//! with every section eight times over), best and median of 10 runs, and the page's size. With
//! `--write PATH` the page is also written (`scripts/bench-report` opens it in Chromium).
//!
//! Usage: `cargo bench -p corroborate-render --bench report [-- --write PATH]`.

use corroborate_render::report::fixture;
use corroborate_render::{report_html, StoryReport};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let write = args.iter().position(|a| a == "--write").and_then(|i| args.get(i + 1)).cloned();
    let dossiers = fixture::many(100);
    let stories: Vec<StoryReport> = dossiers.iter().map(|d| StoryReport { dossier: d, places: vec![], documents: vec![] }).collect();
    let mut times = Vec::new();
    let mut html = String::new();
    for _ in 0..10 {
        let started = Instant::now();
        html = report_html(&stories);
        times.push(started.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    println!("report.html, 100 stories: {:.1} ms best, {:.1} ms median of 10; {} KB", times[0], times[5], html.len() / 1024);
    if let Some(path) = write {
        std::fs::write(&path, &html).expect("a writable path");
        println!("wrote {path}");
    }
}
