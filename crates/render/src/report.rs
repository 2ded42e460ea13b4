//! `report.html`: every story's dossier as one self-contained page, plus the Markdown and the
//! terminal digest of the same dossiers.
//!
//! The page opens from disk with no network: styles inline, one tiny inline script (opening
//! every `<details>` before printing) allowed by its hash, and a Content-Security-Policy that
//! forbids every remote load. Every piece of text goes through [`esc`], every link through
//! [`href`] (only `http:` and `https:`), so a hostile article renders as text. Every item
//! shows its evidence sentence, outlet and source link in a `<details>` (click or keyboard;
//! the sentence is also the summary's tooltip). The output is a function of the dossiers alone:
//! no clock, no randomness, so the same input gives the same bytes.
//!
//! The HTML is written by hand rather than with a template engine: the page is small and fixed,
//! and one escaping function through which all text passes is easier to audit than a template
//! language's auto-escaping rules across HTML, attributes and SVG.

mod escape;
mod map;
mod markdown;
mod sections;
mod text;
mod timeline;

/// A hand-made dossier with every section filled (the fictional siege), for tests and the
/// report benchmark.
#[doc(hidden)]
pub mod fixture;

pub use escape::{anchor, esc, href};
pub use markdown::markdown;
pub use text::{colour_wanted, colourize, digest};

use corroborate_annotate::link::Linked;
use corroborate_annotate::Annotated;
use corroborate_reconcile::{Dossier, Place};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// One story of the report: its dossier, the places its documents name (with coordinates
/// where the gazetteer has them) beyond those of its timeline, and its documents.
#[derive(Clone, Debug)]
pub struct StoryReport<'a> {
    pub dossier: &'a Dossier,
    pub places: Vec<Place>,
    pub documents: Vec<SourceDocument>,
}

/// A document of a story as the report lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceDocument {
    pub id: String,
    pub outlet: String,
    pub title: String,
    /// ISO 8601, as precise as the document says.
    pub published: Option<String>,
    pub url: Option<String>,
    pub genre: String,
}

impl<'a> StoryReport<'a> {
    /// The report of `dossier`, whose story holds `members` (indices into `documents`, which
    /// `linked` links): at most 12 places and every document.
    pub fn new(dossier: &'a Dossier, documents: &[Annotated], linked: &Linked, members: &[usize]) -> StoryReport<'a> {
        let sources = members
            .iter()
            .filter_map(|&i| documents.get(i))
            .map(|a| {
                let d = &a.document;
                let id = d.id.to_string();
                // The dossier's outlet label for the document, so both name it alike.
                let outlet = dossier.outlets.iter().find(|o| o.documents.contains(&id)).map(|o| o.outlet.clone());
                SourceDocument {
                    outlet: outlet.or_else(|| d.outlet.clone()).unwrap_or_else(|| d.source.rsplit(['/', '\\']).next().unwrap_or(&d.source).to_string()),
                    title: d.title.clone().unwrap_or_default(),
                    published: d.published.as_ref().map(|p| p.iso().to_string()),
                    url: d.url.clone(),
                    genre: format!("{:?}", d.genre).to_lowercase(),
                    id,
                }
            })
            .collect();
        StoryReport { dossier, places: story_places(linked, members, 12), documents: sources }
    }
}

/// The places named in `documents` (indices into the linked corpus) that have coordinates,
/// most mentioned first, at most `limit`; countries are left out (their point is a centroid
/// that would stretch the map to a continent).
pub fn story_places(linked: &Linked, documents: &[usize], limit: usize) -> Vec<Place> {
    let documents: std::collections::HashSet<usize> = documents.iter().copied().collect();
    let mut counted: Vec<(usize, Place)> = linked
        .entities
        .iter()
        .filter_map(|e| {
            let geo = e.geo.as_ref()?;
            if e.place.is_some_and(|p| p.is_country()) {
                return None;
            }
            let n = e.mentions.iter().filter(|m| documents.contains(&m.document)).count();
            (n > 0).then(|| (n, Place { entity: e.id.clone(), name: e.name.clone(), lat: Some(geo.lat), lon: Some(geo.lon), country: Some(geo.country.to_string()) }))
        })
        .collect();
    counted.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.entity.cmp(&b.1.entity)));
    counted.into_iter().take(limit).map(|(_, p)| p).collect()
}

/// Opens every `<details>` before printing, so the printed page shows every receipt.
const SCRIPT: &str = "addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});";

const STYLE: &str = include_str!("../resources/report.css");

/// The page.
pub fn report_html(stories: &[StoryReport]) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let csp = format!(
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-{}'; base-uri 'none'; form-action 'none'",
        base64(&Sha256::digest(SCRIPT.as_bytes()))
    );
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>corroborate report</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        esc(&csp)
    );
    let contract = stories.first().map(|s| s.dossier.contract).unwrap_or(crate::CONTRACT);
    let policy = stories.first().map(|s| s.dossier.policy).unwrap_or("ucdp");
    let _ = writeln!(
        out,
        "<header><h1>corroborate report</h1><p class=\"meta\">{} stor{} · figures reconciled under the <b>{}</b> policy · {}</p></header>",
        stories.len(),
        if stories.len() == 1 { "y" } else { "ies" },
        esc(policy),
        esc(contract)
    );
    out.push_str("<nav id=\"stories\" aria-label=\"Stories\"><h2>Stories</h2>");
    if stories.is_empty() {
        out.push_str("<p class=\"empty\">No story: no document was read.</p>");
    } else {
        out.push_str("<ol>");
        for s in stories {
            let d = s.dossier;
            let _ = write!(
                out,
                "<li><a href=\"#{}\">{}</a> <span class=\"meta\">{} document{} · {}</span></li>",
                story_anchor(d),
                esc(title_of(d)),
                d.documents.len(),
                if d.documents.len() == 1 { "" } else { "s" },
                esc(&dates_of(d).unwrap_or_else(|| "undated".into()))
            );
        }
        out.push_str("</ol>");
    }
    out.push_str("</nav>\n<main>\n");
    let mut ids = HashMap::new();
    for s in stories {
        // Two dossiers of one story id (never in analyze's output) still get distinct anchors.
        let n = ids.entry(s.dossier.story.clone()).or_insert(0usize);
        *n += 1;
        sections::story(&mut out, s, if *n == 1 { story_anchor(s.dossier) } else { format!("{}-{n}", story_anchor(s.dossier)) });
    }
    let _ = write!(
        out,
        "</main>\n<footer><p>Made by corroborate. Country outlines: Made with Natural Earth (public domain). Every item's receipt: open it to see the sentence it comes from.</p></footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out
}

/// Writes [`report_html`].
pub fn write_report(out: &mut impl Write, stories: &[StoryReport]) -> io::Result<()> {
    out.write_all(report_html(stories).as_bytes())
}

fn story_anchor(d: &Dossier) -> String {
    format!("s-{}", anchor(&d.story))
}

fn title_of(d: &Dossier) -> &str {
    if d.title.trim().is_empty() {
        "(untitled story)"
    } else {
        &d.title
    }
}

/// The first and last day of the story's own (not background) events.
fn dates_of(d: &Dossier) -> Option<String> {
    let story: Vec<_> = d.timeline.iter().filter(|e| !e.background).collect();
    let first = story.iter().map(|e| e.earliest.as_str()).filter(|s| !s.is_empty()).min()?;
    let last = story.iter().map(|e| e.latest.as_str()).filter(|s| !s.is_empty()).max()?;
    Some(if first == last { first.to_string() } else { format!("{first} … {last}") })
}

/// Standard base64 with padding (for the CSP hash; no dependency for 20 lines).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16) | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8) | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A number as people write it: `5,000`, `2.5`, `-3`.
pub(crate) fn number(v: f64) -> String {
    if !v.is_finite() {
        return if v > 0.0 { "∞".into() } else { "−∞".into() };
    }
    if v.fract() != 0.0 {
        let s = format!("{v:.2}");
        return s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    let digits = format!("{}", v.abs() as u64);
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if v < 0.0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A figure value's interval: `[4,000, 5,000]`, `(5,000, ∞)`, `≈120`.
pub(crate) fn interval(v: &corroborate_reconcile::FigureValue) -> String {
    let approx = if v.approx { "≈" } else { "" };
    match (v.low, v.high) {
        (Some(l), Some(h)) if l == h => format!("{approx}{}", number(l)),
        (Some(l), Some(h)) => format!("{approx}{}{}, {}{}", if v.low_inclusive { '[' } else { '(' }, number(l), number(h), if v.high_inclusive { ']' } else { ')' }),
        (Some(l), None) => format!("{approx}{}{}, ∞)", if v.low_inclusive { '[' } else { '(' }, number(l)),
        (None, Some(h)) => format!("{approx}(…, {}{}", number(h), if v.high_inclusive { ']' } else { ')' }),
        (None, None) => "?".into(),
    }
}

/// The reconciled figure in words: `low 4,000 · best 5,000 · high 6,000`.
pub(crate) fn reconciled(r: &corroborate_reconcile::Reconciled) -> String {
    let part = |name: &str, v: Option<f64>| v.map(|v| format!("{name} {}", number(v)));
    let parts: Vec<String> = [part("low", r.low), part("best", r.best), part("high", r.high)].into_iter().flatten().collect();
    if parts.is_empty() {
        "every value stands".into()
    } else {
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_vectors() {
        for (input, expected) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    /// The markup of the page: every `<…>` without its quoted attribute values (text between
    /// tags and inside quoted values is not markup; the page quotes every value with `"`).
    pub(crate) fn live_tags(html: &str) -> Vec<String> {
        html.split('<').skip(1).map(|rest| rest[..rest.find('>').unwrap_or(rest.len())].split('"').step_by(2).collect()).collect()
    }

    fn page(d: &Dossier) -> String {
        report_html(&[StoryReport { dossier: d, places: vec![], documents: vec![] }])
    }

    #[test]
    fn every_section_of_the_siege_is_there_with_its_receipts() {
        let d = fixture::siege();
        let html = page(&d);
        for key in ["glance", "timeline", "map", "figures", "voices", "blame", "provenance", "framing", "outlets", "coverage"] {
            let start = html.find(&format!("<section id=\"s-s-0a1b2c3d-{key}\"")).unwrap_or_else(|| panic!("section {key}"));
            let section = &html[start..start + html[start..].find("</section>").unwrap()];
            assert!(!section.contains("class=\"empty\""), "{key} is empty: {section}");
        }
        assert!(html.contains("<a href=\"#s-s-0a1b2c3d\">ELA seizes St. Maren</a>"));
        assert!(html.contains("⚠ contradict"));
        assert!(html.contains("<b>1</b> independent of 2 reports"));
        assert!(html.contains("<mark>between 1,500 and 2,000 fighters</mark>"));
        assert!(html.contains("<a href=\"https://northgate.example/world/st-maren\" rel=\"noreferrer\" target=\"_blank\">source</a>"));
        assert!(html.contains("<svg class=\"map\"") && html.contains(">Corran</text>"));
        assert!(html.contains("<svg class=\"tl tl-story\"") && html.contains("<svg class=\"tl tl-bg\""));
        assert!(html.contains("<li><b>VELNA</b>: Ministry of Defence blames Serren Compact for arming the rebels</li>"));
        assert!(html.len() < 100_000, "{}", html.len());
    }

    #[test]
    fn at_a_glance_answers_when_how_many_from_where_and_whom() {
        let html = page(&fixture::siege());
        let start = html.find("<section id=\"s-s-0a1b2c3d-glance\"").expect("the glance section");
        let glance = &html[start..start + html[start..].find("</section>").unwrap()];
        // What happened on which day, in words, linked to the timeline row.
        assert!(glance.contains("<a href=\"#s-s-0a1b2c3d-ev-1\"><b>8 Mar 2025</b></a> — ELA attacks St. Maren"), "{glance}");
        assert!(!glance.contains("first takes"), "background stays out: {glance}");
        // How many and who says so.
        assert!(glance.contains("“between 1,500 and 2,000” (Ministry of Defence, in Northgate Wire)"), "{glance}");
        // Where a relayed claim comes from, and how many witnesses remain.
        assert!(glance.contains("from <b>Orvano News Agency → The Bastion</b>"), "{glance}");
        assert!(glance.contains("<b>1</b> independent witness of 2 reports"), "{glance}");
        // Whom each outlet blames.
        assert!(glance.contains("<li><b>VELNA</b>: Serren Compact</li>"), "{glance}");
    }

    #[test]
    fn the_page_is_deterministic_and_loads_nothing_remote() {
        let d = fixture::siege();
        let html = page(&d);
        assert_eq!(html, page(&d));
        assert!(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;"));
        for remote in ["src=\"http", "href=\"//", "@import", "url("] {
            assert!(!html.contains(remote), "{remote}");
        }
        assert_eq!(html.matches("<script").count(), 1);
    }

    #[test]
    fn the_csp_hash_is_the_scripts() {
        let html = page(&fixture::siege());
        // echo -n "$SCRIPT" | openssl dgst -sha256 -binary | base64
        let hash = base64(&Sha256::digest(SCRIPT.as_bytes()));
        assert_eq!(hash.len(), 44);
        assert!(html.contains(&format!("script-src &#39;sha256-{hash}&#39;")));
        assert!(html.contains(&format!("<script>{SCRIPT}</script>")));
    }

    #[test]
    fn hostile_text_renders_as_text() {
        let mut d = fixture::siege();
        let evil = "<script>alert(1)</script><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a>";
        d.title = evil.into();
        d.story = "\"><script>alert(2)</script>".into();
        d.timeline[1].what = evil.into();
        d.timeline[1].evidence[0].sentence.text = evil.into();
        d.timeline[1].evidence[0].url = Some("javascript:alert(1)".into());
        d.figures[0].values[0].holder = evil.into();
        d.blame[0].target = evil.into();
        d.provenance.nodes[2].name = evil.into();
        d.outlets[0].outlet = evil.into();
        let html = page(&d);
        assert_eq!(html.matches("<script").count(), 1, "{html}");
        assert!(!html.contains("<img"));
        let tags = live_tags(&html);
        assert!(!tags.iter().any(|t| t.contains("onerror")), "{tags:?}");
        assert!(!tags.iter().any(|t| t.to_lowercase().contains("javascript:")), "{tags:?}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    /// `CORROBORATE_SAMPLE_REPORT=/tmp/sample.html cargo test -p corroborate-render sample`
    /// writes the page of the hand-made dossier, to look at in a browser.
    #[test]
    fn sample_page() {
        let d = fixture::siege();
        let places = vec![Place { entity: "gn:dravik".into(), name: "Dravik".into(), lat: Some(45.1), lon: Some(14.9), country: None }];
        let documents = vec![SourceDocument {
            id: "ngw01".into(),
            outlet: "Northgate Wire".into(),
            title: "Rebels seize St. Maren".into(),
            published: Some("2025-03-10T17:45:00Z".into()),
            url: Some("https://northgate.example/world/st-maren".into()),
            genre: "news".into(),
        }];
        let html = report_html(&[StoryReport { dossier: &d, places, documents }]);
        if let Some(path) = std::env::var_os("CORROBORATE_SAMPLE_REPORT") {
            std::fs::write(path, &html).unwrap();
        }
        assert!(html.contains(">Dravik</text>"));
    }

    /// The issue's speed target: the page of 100 stories in well under a second. Each story
    /// here is the siege dossier with every list eight times as long (24 events, 8 figures, …).
    /// `CORROBORATE_BENCH_REPORT=/tmp/100.html` keeps the page, to time it in a browser.
    #[test]
    fn a_hundred_stories_make_one_page_with_every_story() {
        let dossiers = fixture::many(100);
        let stories: Vec<StoryReport> = dossiers.iter().map(|d| StoryReport { dossier: d, places: vec![], documents: vec![] }).collect();
        let html = report_html(&stories);
        for d in &dossiers {
            assert!(html.contains(&format!("id=\"s-{}\"", d.story)), "{}", d.story);
        }
        if let Some(path) = std::env::var_os("CORROBORATE_BENCH_REPORT") {
            std::fs::write(path, &html).unwrap();
        }
    }

    #[test]
    fn an_empty_report_says_so() {
        let html = report_html(&[]);
        assert!(html.contains("No story: no document was read."));
        assert!(html.ends_with("</html>\n"));
    }

    /// Tags and attributes the page itself writes; a text that got out of its escaping would
    /// show up as something else.
    const OWN_TAGS: &[&str] = &[
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "b", "i", "nav", "ol", "ul", "li", "a", "span", "main",
        "article", "section", "div", "svg", "rect", "path", "g", "circle", "text", "line", "table", "thead", "tbody", "tr", "th", "td", "small", "br", "code", "details",
        "summary", "q", "mark", "footer", "script",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn no_text_becomes_markup(text in "[<>\"'&=/ a-z:;()!-]{0,40}", url in "(javascript:|https://|http://x.example/|data:|)[<>\"'& a-z:()=]{0,20}") {
            let mut d = fixture::siege();
            d.title = text.clone();
            d.timeline[1].what = text.clone();
            d.timeline[1].when = text.clone();
            d.timeline[1].evidence[0].sentence.text = text.clone();
            d.timeline[1].evidence[0].outlet = text.clone();
            d.timeline[1].evidence[0].url = Some(url.clone());
            d.figures[0].values[0].text = text.clone();
            d.figures[0].topic = text.clone();
            d.quotes[0].speaker = text.clone();
            d.blame[0].holder = text.clone();
            d.provenance.nodes[0].name = text.clone();
            d.framing[0].terms_by_outlet.insert(text.clone(), vec![]);
            d.coverage[0].missing_from = vec![text.clone()];
            let places = vec![Place { entity: text.clone(), name: text.clone(), lat: Some(44.0), lon: Some(12.0), country: Some(text.clone()) }];
            let documents = vec![SourceDocument { id: text.clone(), outlet: text.clone(), title: text.clone(), published: Some(text.clone()), url: Some(url.clone()), genre: text.clone() }];
            let html = report_html(&[StoryReport { dossier: &d, places, documents }]);
            for tag in live_tags(&html) {
                let name = tag.trim_start_matches('/').split([' ', '/']).next().unwrap_or("");
                proptest::prop_assert!(OWN_TAGS.contains(&name), "tag {:?} from {:?}", tag, text);
                for attr in tag.split(' ').skip(1) {
                    proptest::prop_assert!(!attr.to_lowercase().starts_with("on"), "attribute {:?}", attr);
                }
            }
            proptest::prop_assert_eq!(html.matches("<script").count(), 1);
            proptest::prop_assert!(!html.to_lowercase().contains("href=\"javascript:") && !html.contains("href=\"data:"));
            let md = markdown(std::slice::from_ref(&d));
            proptest::prop_assert!(!md.contains("](javascript:") && !md.contains("](data:"));
        }
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(number(5000.0), "5,000");
        assert_eq!(number(123.0), "123");
        assert_eq!(number(1_234_567.0), "1,234,567");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(-4000.0), "-4,000");
    }
}
