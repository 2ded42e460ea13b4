//! Main text from an HTML page, by one of two [`Extractor`]s, then no link-only lines.
//!
//! The default, [`Extractor::Blocks`], is the project's own single-pass extractor
//! ([`crate::blocks`]): F1 0.981 on the Scrapinghub pages at well under a millisecond a page.
//! [`Extractor::Consensus`], below, is the careful one: two independent extractors and only
//! the text both agree on (F1 0.977 there, better recall on non-news pages, about 20 ms a page).
//!
//! * `dom_smoothie` (a faithful Readability.js port, `TextMode::Formatted`) gives the body as
//!   paragraphs, one a line — the shape the rest of the pipeline needs. Alone it scores F1 0.954
//!   on the 91 pages of the Scrapinghub article-extraction benchmark (3.2 ms/page), losing mostly
//!   precision: title, byline and date above the article, related/share/subscribe/comment blocks
//!   below it.
//! * `trafilatura` (the Rust port of go-trafilatura, with its readability/jusText fallback and the
//!   page's URL) scores F1 0.964 (16 ms/page) and errs differently: its rules cut widgets that
//!   Readability keeps. Its `content_text` has no paragraph breaks, so here it is only a
//!   *witness*, never the text itself.
//!
//! What we add on top:
//!
//! 1. **Corroboration.** Both texts are split into `\w+` tokens; a token of dom_smoothie's text is
//!    *supported* when one of the 4-token windows it belongs to also occurs in trafilatura's text
//!    (4-grams are what the benchmark scores). Every run of at least [`MIN_UNSUPPORTED_RUN`]
//!    consecutive unsupported tokens is cut; a line left without a token goes, and so does one
//!    that lost most of its tokens when its rest does not start like a sentence (a fragment). Shorter runs stay,
//!    so a word the two render differently (alt text, a link glued to its word) costs nothing.
//!    An empty witness (trafilatura failed or found nothing) keeps dom_smoothie's text whole.
//! 2. **Link-only lines.** A line that is a block of the page whose every word is link text
//!    pointing to the page's own site (related stories, teasers, "more on this" promos) goes.
//!    Links off the site are kept: in a body they are products, sources and documents.
//!
//! With `clean.rs` after it (leading title/byline lines, widget lines), `corroborate eval
//! extraction` went from 0.962 (dom_smoothie + link rule) and 0.974 (+ corroboration, no link
//! rule) to 0.977, against AutoExtract 0.975 and rs_trafilatura 0.969. Per page, corroboration
//! helped on about 30 pages and cost on 2 (a lead paragraph trafilatura missed); the link rule
//! helped on 7 and cost on none.
//!
//! Cost: the page is parsed once by `dom_query` for the metadata ([`metadata::from_html`]) and
//! the page's text blocks (the `removed` boilerplate and the link-only set), then handed to
//! dom_smoothie, which mutates it. trafilatura parses the HTML again into its own DOM; that is
//! most of the time (about 20 ms/page in all, against 6 ms without the witness, single thread,
//! release). No step recurses on the DOM's depth.

use crate::document::{RemovalReason, Removed};
use crate::metadata::{self, Metadata};
use dom_smoothie::{Config, Readability, TextMode};
use std::collections::HashSet;

/// What an HTML page yields.
#[derive(Debug, Default)]
pub struct Page {
    /// The article body, one paragraph a line.
    pub text: String,
    /// Text blocks of the page that are not in the body.
    pub removed: Vec<Removed>,
    pub metadata: Metadata,
}

/// The shortest run of tokens absent from the witness that is cut from the body. Shorter runs are
/// rendering differences (alt text, a link joined to its word); longer ones are blocks the witness
/// left out. The offline measurement moved little between 4 and 16 (0.976 … 0.973).
const MIN_UNSUPPORTED_RUN: usize = 8;

/// Which main-text extractor [`extract`] uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Extractor {
    /// The project's own single-pass block extractor ([`crate::blocks`]): the fastest.
    #[default]
    Blocks,
    /// dom_smoothie's text corroborated by trafilatura's (this module's doc): two independent
    /// extractors, about 40 times slower.
    Consensus,
}

/// Extracts the article body and metadata of an HTML page.
pub fn extract(html: &str, url: Option<&str>, extractor: Extractor) -> Page {
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let dom = dom_query::Document::from(without_inert_markup(html).as_str());
    let mut meta = metadata::from_html(&dom);
    let host = url.or(meta.url.as_deref()).and_then(host_of);
    let blocks = text_blocks(&dom, host.as_deref());
    let mut lines = match extractor {
        Extractor::Blocks => normalised_lines(&crate::blocks::extract(html)),
        Extractor::Consensus => consensus(dom, html, url, &mut meta),
    };
    lines.retain(|line| !blocks.links_only.contains(line));
    let text = if lines.is_empty() { blocks.texts.join("\n") } else { lines.join("\n") };
    let removed = blocks
        .texts
        .into_iter()
        .filter(|block| !text.contains(block.as_str()))
        .map(|text| Removed { text, reason: RemovalReason::Boilerplate })
        .collect();
    Page { text, removed, metadata: meta }
}

/// The page without what no reader of its DOM here looks at: comments, `<style>`, `<svg>` and
/// `<script>`s other than JSON-LD. Often more than half of a news page's bytes, and the DOM
/// parse is the largest cost of ingesting a page.
fn without_inert_markup(html: &str) -> String {
    use crate::blocks::{find_end_tag, skip_past};
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let (mut copied, mut at) = (0, 0);
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &bytes[start + 1..];
        let named = |name: &[u8]| {
            rest.len() > name.len()
                && rest[..name.len()].eq_ignore_ascii_case(name)
                && matches!(rest[name.len()], b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
        };
        let end = if rest.starts_with(b"!--") {
            memchr::memmem::find(&bytes[start + 4..], b"-->").map_or(bytes.len(), |e| start + 4 + e + 3)
        } else if let Some(name) = [&b"style"[..], b"svg", b"script"].into_iter().find(|n| named(n)) {
            let open_end = skip_past(bytes, start, b'>');
            let json_ld = name == b"script" && bytes[start..open_end].to_ascii_lowercase().windows(7).any(|w| w == b"ld+json");
            if json_ld {
                at = open_end;
                continue;
            }
            skip_past(bytes, find_end_tag(bytes, open_end, name), b'>')
        } else {
            at = start + 1;
            continue;
        };
        out.push_str(&html[copied..start]);
        copied = end;
        at = end;
        if at >= bytes.len() {
            break;
        }
    }
    out.push_str(&html[copied.min(html.len())..]);
    out
}

/// dom_smoothie's paragraphs, less what trafilatura does not corroborate.
fn consensus(dom: dom_query::Document, html: &str, url: Option<&str>, meta: &mut Metadata) -> Vec<String> {
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let article = Readability::with_document(dom, url, Some(config)).and_then(|mut r| r.parse());
    let lines = match article {
        Ok(article) => {
            if meta.title.is_none() && !article.title.trim().is_empty() {
                meta.title = Some(article.title.trim().to_string());
            }
            normalised_lines(&article.text_content)
        }
        Err(_) => Vec::new(),
    };
    if lines.is_empty() { lines } else { corroborate(lines, &witness(html, url), MIN_UNSUPPORTED_RUN) }
}

/// trafilatura's main text of the page (fallback on, URL when absolute), or "" when it fails.
fn witness(html: &str, url: Option<&str>) -> String {
    // Its date is not used (metadata.rs reads dates), and the default date mode scans the body.
    let mut options =
        trafilatura::Options::default().with_fallback(true).with_html_date_mode(trafilatura::HtmlDateMode::Disabled);
    if let Some(url) = url.and_then(|u| url::Url::parse(u).ok()) {
        options = options.with_url(url);
    }
    trafilatura::extract(html, &options).map(|r| r.content_text).unwrap_or_default()
}

/// Lines trimmed, whitespace runs inside them collapsed, empty lines dropped.
fn normalised_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect()
}

/// A `\w+` token: its line, where it starts in it, and a hash of its text.
struct Token {
    line: usize,
    start: usize,
    hash: u64,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Calls `f(start, end)` for every `\w+` token of `text`.
fn for_each_token(text: &str, mut f: impl FnMut(usize, usize)) {
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                f(s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        f(s, text.len());
    }
}

/// FNV-1a: tokens are short, and the set of windows is per page.
fn token_hash(token: &str) -> u64 {
    token.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

fn window_hash(w: &[u64]) -> u64 {
    w.iter().fold(0u64, |h, &t| h.rotate_left(17).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ t)
}

/// Cuts from `lines` every run of at least `min_run` tokens that no 4-token window of `witness`
/// supports; drops the lines left without a token. An empty witness (fewer than 4 tokens) keeps
/// everything.
fn corroborate(lines: Vec<String>, witness: &str, min_run: usize) -> Vec<String> {
    let mut witness_tokens = Vec::new();
    for_each_token(witness, |s, e| witness_tokens.push(token_hash(&witness[s..e])));
    if witness_tokens.len() < 4 {
        return lines;
    }
    let windows: HashSet<u64> = witness_tokens.windows(4).map(window_hash).collect();

    let mut tokens = Vec::new();
    for (line, text) in lines.iter().enumerate() {
        for_each_token(text, |start, end| tokens.push(Token { line, start, hash: token_hash(&text[start..end]) }));
    }
    let hashes: Vec<u64> = tokens.iter().map(|t| t.hash).collect();
    let mut supported = vec![false; tokens.len()];
    for (i, w) in hashes.windows(4).enumerate() {
        if windows.contains(&window_hash(w)) {
            supported[i..i + 4].iter_mut().for_each(|s| *s = true);
        }
    }
    // A text shorter than one window is supported when it is all in the witness.
    if tokens.len() < 4 && tokens.iter().all(|t| witness_tokens.contains(&t.hash)) {
        supported.iter_mut().for_each(|s| *s = true);
    }
    let mut cut = vec![false; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        if supported[i] {
            i += 1;
            continue;
        }
        let end = supported[i..].iter().position(|&s| s).map_or(tokens.len(), |p| i + p);
        if end - i >= min_run {
            cut[i..end].iter_mut().for_each(|c| *c = true);
        }
        i = end;
    }
    if !cut.contains(&true) {
        return lines;
    }

    // Rebuild each line without its cut tokens: a cut run takes the text from its first token
    // (from the line's start when that is the line's first token) to the next kept token (to
    // the line's end when none is left).
    let mut out = Vec::with_capacity(lines.len());
    let mut t = 0;
    for (n, text) in lines.into_iter().enumerate() {
        let first = t;
        while t < tokens.len() && tokens[t].line == n {
            t += 1;
        }
        let line_tokens = first..t;
        if line_tokens.clone().all(|k| !cut[k]) {
            out.push(text);
            continue;
        }
        if line_tokens.clone().all(|k| cut[k]) {
            continue;
        }
        let mostly_cut = line_tokens.clone().filter(|&k| cut[k]).count() * 2 > line_tokens.len();
        let mut kept = String::with_capacity(text.len());
        let mut from = 0;
        let mut k = first;
        while k < t {
            if !cut[k] {
                k += 1;
                continue;
            }
            let run_start = if k == first { 0 } else { tokens[k].start };
            kept.push_str(&text[from..run_start]);
            while k < t && cut[k] {
                k += 1;
            }
            from = if k < t { tokens[k].start } else { text.len() };
        }
        kept.push_str(&text[from..]);
        let kept = kept.split_whitespace().collect::<Vec<_>>().join(" ");
        // A line that lost most of its words and whose rest does not start like a sentence is
        // a fragment (a caption's few words that happen to recur in the body): it goes too.
        let fragment = mostly_cut && !kept.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(".contains(c));
        if !kept.is_empty() && !fragment {
            out.push(kept);
        }
    }
    out
}

/// The page's leaf blocks, in document order.
struct Blocks {
    /// Visible text of each block, whitespace-collapsed, consecutive repeats dropped.
    texts: Vec<String>,
    /// The blocks whose every word is link text: menus, "read more" teasers, related stories.
    links_only: HashSet<String>,
}

const BLOCKS: &str = "body p, body li, body h1, body h2, body h3, body h4, body figcaption, body blockquote, body td, body dd";

fn text_blocks(dom: &dom_query::Document, host: Option<&str>) -> Blocks {
    let mut blocks = Blocks { texts: Vec::new(), links_only: HashSet::new() };
    for node in dom.select(BLOCKS).nodes() {
        let text = node.text();
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            continue;
        }
        if is_links_only(node, &text, host) {
            blocks.links_only.insert(collapsed.clone());
        }
        if blocks.texts.last() != Some(&collapsed) {
            blocks.texts.push(collapsed);
        }
    }
    blocks
}

/// Whether every word character of a block is inside a link to the page's own site (the block's
/// own links, or one a few levels up wrapping it, as in a teaser card). Links away from the site
/// are left alone: in a body they are products, sources and documents, not navigation.
fn is_links_only(node: &dom_query::NodeRef, text: &str, host: Option<&str>) -> bool {
    let words = |t: &str| t.chars().filter(|&c| is_word_char(c)).count();
    let total = words(text);
    if total == 0 {
        return false;
    }
    let internal = |a: &dom_query::NodeRef| a.attr("href").is_some_and(|href| is_internal(&href, host));
    if node.ancestors_it(Some(LINK_WRAPPER_DEPTH)).any(|a| a.node_name().as_deref() == Some("a") && internal(&a)) {
        return true;
    }
    let linked: usize = dom_query::Selection::from(*node)
        .select("a[href]")
        .nodes()
        .iter()
        .filter(|a| internal(a))
        .map(|a| words(&a.text()))
        .sum();
    linked >= total
}

/// A link stays on the site when it is relative or its host is the page's host, a subdomain of
/// it or its parent (`www.` aside).
fn is_internal(href: &str, host: Option<&str>) -> bool {
    let href = href.trim();
    if href.starts_with('#') || href.starts_with("javascript:") || href.starts_with("mailto:") {
        return false;
    }
    match host_of(href) {
        None => !href.contains(':'),
        Some(link) => host.is_some_and(|page| {
            link == page || link.ends_with(&format!(".{page}")) || page.ends_with(&format!(".{link}"))
        }),
    }
}

/// The host of an absolute or protocol-relative (`//cdn…`) URL.
fn host_of(url: &str) -> Option<String> {
    match url.strip_prefix("//") {
        Some(rest) => metadata::host_of(&format!("http://{rest}")),
        None => metadata::host_of(url),
    }
}

/// How far up a link wrapping a whole block is looked for; bounded so that depth costs nothing.
const LINK_WRAPPER_DEPTH: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_kept_menus_removed() {
        let body = "<p>The council met on Tuesday to debate the harbour budget, which had grown by a third since the spring. Members argued for three hours before a vote.</p>".repeat(4);
        let html = format!(
            "<html><head><title>Budget vote</title></head><body><nav><ul><li>Home</li><li>Sport</li></ul></nav>\
             <article><h1>Budget vote</h1>{body}</article><footer><p>Copyright Example Media</p></footer></body></html>"
        );
        let page = extract(&html, None, Extractor::Consensus);
        assert!(page.text.contains("Members argued for three hours"), "{}", page.text);
        assert!(!page.text.contains("Copyright Example Media"));
        assert!(page.removed.iter().any(|r| r.text == "Copyright Example Media"));
        assert_eq!(page.metadata.title.as_deref().or(Some("Budget vote")), Some("Budget vote"));
    }

    #[test]
    fn inert_markup_is_dropped_before_the_dom_is_built() {
        let html = "<html><head><style>p{x}</style><SCRIPT src=a.js>var a = '<p>no</p>';</SCRIPT>\
                    <script type=\"application/ld+json\">{\"headline\":\"Kept\"}</script></head>\
                    <body><!-- <p>gone</p> --><svg><text>chart</text></svg><p>Body é</p><scripts>x</scripts></body></html>";
        assert_eq!(
            without_inert_markup(html),
            "<html><head><script type=\"application/ld+json\">{\"headline\":\"Kept\"}</script></head>\
             <body><p>Body é</p><scripts>x</scripts></body></html>"
        );
        assert_eq!(without_inert_markup("<p>a</p><!-- unterminated"), "<p>a</p>");
        assert_eq!(without_inert_markup("<script>never closed"), "");
    }

    #[test]
    fn remnants_that_are_fragments_go() {
        let body = lines("Share this story with your friends on every network you use\nA column of the harbour guard on the coast road near the old mill, photo by the agency\nUnits of the harbour guard had regrouped south of the town before dawn.");
        let witness = "Units of the harbour guard had regrouped south of the town before dawn.";
        assert_eq!(corroborate(body, witness, 8), ["Units of the harbour guard had regrouped south of the town before dawn."]);
    }

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn uncorroborated_lines_and_runs_are_cut() {
        let body = lines(
            "Sign up for our weekly newsletter and never miss a story from the valley again\n\
             The ferry resumed service on Monday after the storm damaged its landing ramp badly.\n\
             Engineers said the repairs cost less than feared. Read more: five other storms that closed the ferry this decade",
        );
        let witness = "The ferry resumed service on Monday after the storm damaged its landing ramp badly. \
                       Engineers said the repairs cost less than feared.";
        assert_eq!(
            corroborate(body, witness, 8),
            [
                "The ferry resumed service on Monday after the storm damaged its landing ramp badly.",
                "Engineers said the repairs cost less than feared.",
            ]
        );
    }

    #[test]
    fn short_differences_and_empty_witness_keep_the_text() {
        let body = lines("The mill closed in 1998 [photo: the old mill] and reopened as a museum last year.");
        let witness = "The mill closed in 1998 and reopened as a museum last year.";
        assert_eq!(corroborate(body.clone(), witness, 8), body);
        assert_eq!(corroborate(body.clone(), "", 8), body);
    }

    #[test]
    fn lines_that_are_links_to_the_site_are_dropped() {
        let para = "<p>The council met on Tuesday to debate the harbour budget, which had grown by a third since the spring. Members argued for three hours before a vote.</p>";
        let html = format!(
            "<html><body><article><h1>Budget vote</h1>{para}{para}\
             <p><a href=\"/news/ferry\">Ferry fares to rise again in the new year</a></p>\
             <p><a href=\"https://shop.example.org/kettle\">Stainless steel kettle with a whistle</a></p>\
             {para}{para}</article></body></html>"
        );
        let page = extract(&html, Some("https://www.example.com/news/budget"), Extractor::Consensus);
        assert!(!page.text.contains("Ferry fares"), "{}", page.text);
        assert!(page.removed.iter().any(|r| r.text == "Ferry fares to rise again in the new year"));
        assert!(page.text.contains("Stainless steel kettle"), "{}", page.text);
    }

    #[test]
    fn internal_links() {
        assert_eq!(host_of("https://www.Example.com:8080/a?b"), Some("example.com".to_string()));
        assert_eq!(host_of("//cdn.example.com/x"), Some("cdn.example.com".to_string()));
        assert_eq!(host_of("/relative/path"), None);
        let host = Some("example.com");
        assert!(is_internal("/news/1", host));
        assert!(is_internal("story.html", host));
        assert!(is_internal("https://news.example.com/1", host));
        assert!(!is_internal("https://other.org/1", host));
        assert!(!is_internal("mailto:desk@example.com", host));
        assert!(!is_internal("#top", host));
        assert!(!is_internal("https://example.com/1", None));
    }

    #[test]
    fn tokens_are_word_runs() {
        let mut found = Vec::new();
        let text = "Zürich's 2-day_fair, «été»!";
        for_each_token(text, |s, e| found.push(&text[s..e]));
        assert_eq!(found, ["Zürich", "s", "2", "day_fair", "été"]);
    }
}
