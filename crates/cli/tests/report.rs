//! `report.html` and `--format` end to end: the example corpus, determinism, and a hostile
//! corpus whose markup must render as text.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

mod scratch;
use scratch::Scratch;

fn temp_dir(name: &str) -> Scratch {
    Scratch::created("report", name)
}

fn analyze(out: &Path, inputs: &[&Path], extra: &[&str]) -> std::process::Output {
    let output = bin().arg("analyze").args(extra).arg("--out").arg(out).args(inputs).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    output
}

/// The markup of a page: every `<…>` without its quoted attribute values (text between tags
/// and inside quoted values is not markup).
fn live_tags(html: &str) -> Vec<String> {
    html.split('<').skip(1).map(|rest| rest[..rest.find('>').unwrap_or(rest.len())].split('"').step_by(2).collect()).collect()
}

fn story_ids(out: &Path) -> Vec<String> {
    std::fs::read_to_string(out.join("stories.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn examples_report_is_one_small_self_contained_deterministic_page() {
    let (a, b) = (temp_dir("ex-a"), temp_dir("ex-b"));
    analyze(&a, &[&repo().join("examples")], &["--quiet"]);
    analyze(&b, &[&repo().join("examples")], &["--quiet"]);
    let html = std::fs::read_to_string(a.join("report.html")).unwrap();
    assert_eq!(html, std::fs::read_to_string(b.join("report.html")).unwrap());
    assert!(html.len() < 500_000, "{}", html.len());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;"));
    for tag in live_tags(&html) {
        assert!(!tag.contains("src=") && !tag.starts_with("link") && !tag.starts_with("iframe"), "{tag}");
    }
    for id in story_ids(&a) {
        assert!(html.contains(&format!("<a href=\"#s-{id}\">")), "{id}");
        assert!(html.contains(&format!("<article class=\"story\" id=\"s-{id}\">")), "{id}");
    }
}

#[test]
fn hostile_documents_run_nothing() {
    let dir = temp_dir("hostile-in");
    let body = "<script>alert(1)</script> The river bridge at Olmsby reopened on Friday after repairs, \
                the county council said. <img src=x onerror=alert(1)> Engineers said the repairs took nine weeks. \
                <a href=\"javascript:alert(1)\">click</a> The council blamed the contractor for the delays.";
    let line = |title: &str, outlet: &str, url: &str| serde_json::json!({ "url": url, "title": title, "outlet": outlet, "date": "2025-03-14", "text": body }).to_string();
    let feed = [
        line("<script>alert(1)</script> Olmsby bridge reopens", "<img src=x onerror=alert(1)>", "javascript:alert(1)"),
        line("Olmsby bridge reopens after nine weeks <svg onload=alert(1)>", "Olmsby \"Gazette\" & 'Post'", "https://gazette.example/olmsby-bridge"),
    ]
    .join("\n");
    std::fs::write(dir.join("feed.jsonl"), feed + "\n").unwrap();
    // The same words as an HTML page whose text (escaped in its source) is markup.
    let escaped = body.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    std::fs::write(
        dir.join("page.html"),
        format!("<!DOCTYPE html><html><head><title>&lt;script&gt;alert(3)&lt;/script&gt; Olmsby bridge</title></head><body><article><h1>Olmsby bridge</h1><p>{escaped}</p><p><a href=\"javascript:alert(4)\">more</a></p></article></body></html>"),
    )
    .unwrap();
    let out = temp_dir("hostile-out");
    let printed = analyze(&out, &[&dir], &["--format", "html"]);
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert_eq!(String::from_utf8(printed.stdout).unwrap(), html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the hostile title is shown as text");
    assert!(html.contains("<td>&lt;img src=x onerror=alert(1)&gt;</td>"), "the hostile outlet is shown as text");
    let tags = live_tags(&html);
    assert_eq!(tags.iter().filter(|t| t.starts_with("script")).count(), 1, "only the page's own script");
    for tag in &tags {
        let lower = tag.to_lowercase();
        assert!(!lower.starts_with("img") && !lower.starts_with("svg onload"), "{tag}");
        assert!(!lower.contains("onerror") && !lower.contains("onload"), "{tag}");
    }
    assert!(!html.to_lowercase().contains("href=\"javascript:"));
    assert!(!html.contains("alert(4)"), "the link of the page is not in its text");
}

#[test]
fn format_picks_what_analyze_prints() {
    let corpus = repo().join("examples/harbour-siege");
    let out = temp_dir("formats");
    let json = analyze(&out, &[&corpus], &["--format", "json"]);
    let dossiers: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let ids = story_ids(&out);
    assert_eq!(dossiers.as_array().unwrap().len(), ids.len());
    assert_eq!(dossiers[0]["story"].as_str().unwrap(), ids[0]);
    let md = String::from_utf8(analyze(&out, &[&corpus], &["--format", "md"]).stdout).unwrap();
    assert!(md.starts_with("## "), "{md}");
    assert!(md.contains(&format!("Story `{}`", ids[0])), "{md}");
    let text = String::from_utf8(analyze(&out, &[&corpus], &[]).stdout).unwrap();
    assert!(text.starts_with("corroborate: 7 documents"), "{text}");
    assert_eq!(text.trim_end().rsplit('\n').next().unwrap(), format!("wrote {}", out.display()));
    assert!(text.starts_with(&std::fs::read_to_string(out.join("summary.txt")).unwrap()));
    assert_eq!(analyze(&out, &[&corpus], &["--quiet", "--format", "md"]).stdout, b"");
}
