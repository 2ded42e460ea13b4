//! Document metadata: title, authors, publication date, outlet, canonical URL, language, genre.
//!
//! Two readers feed one [`Metadata`]:
//!
//! - [`from_html`] reads what a page declares about itself — `<meta>` tags (Open Graph, Twitter,
//!   Dublin Core, Parse.ly, Sailthru), JSON-LD (`@graph` included), `<link rel=canonical>`,
//!   `<html lang>` — and falls back on visible markup (bylines, `<time>`, `<h1>`) where the head
//!   is silent. Declared metadata wins over guessed metadata: a `<meta>` is written for machines,
//!   a byline `<span>` only for people.
//! - [`from_removed`] reads the title, byline, disclaimer and subscribe lines the cleaner took out
//!   of a text dump.
//!
//! [`parse_date`] is the project's one date normalizer; [`find_date`] finds such a date inside a
//! longer line. They are written by hand on `regex` because the date crates parse one format at
//! a time, while pages mix a dozen (English, German, French and Spanish month names included),
//! and we need the precision the text actually gives (`December 2016` is a month, not the 1st).

use std::collections::HashSet;
use std::sync::LazyLock;

use dom_query::{Document, NodeRef};
use regex::{Captures, Regex};
use serde_json::Value;

use crate::document::{Genre, Published, RemovalReason, Removed};

/// What is known about a document besides its body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<Published>,
    /// Site or outlet name.
    pub outlet: Option<String>,
    /// Canonical URL, when the page states one.
    pub url: Option<String>,
    /// Declared language (ISO 639-1), when the page states one.
    pub language: Option<String>,
    pub genre: Option<Genre>,
}

impl Metadata {
    /// Fills the fields `self` lacks from `other`.
    pub fn or(mut self, other: Metadata) -> Metadata {
        self.title = self.title.or(other.title);
        if self.authors.is_empty() {
            self.authors = other.authors;
        }
        self.published = self.published.or(other.published);
        self.outlet = self.outlet.or(other.outlet);
        self.url = self.url.or(other.url);
        self.language = self.language.or(other.language);
        self.genre = self.genre.or(other.genre);
        self
    }
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

/// Metadata from an HTML page: meta tags, Open Graph, JSON-LD, then visible markup.
///
/// ```
/// use corroborate_ingest::metadata::from_html;
/// let page = dom_query::Document::from(
///     r#"<html lang="en-GB"><head><meta property="og:title" content="Dam opens">
///        <meta name="author" content="Ada Byron and Tom Kerr"></head></html>"#,
/// );
/// let meta = from_html(&page);
/// assert_eq!(meta.title.as_deref(), Some("Dam opens"));
/// assert_eq!(meta.authors, ["Ada Byron", "Tom Kerr"]);
/// assert_eq!(meta.language.as_deref(), Some("en"));
/// ```
pub fn from_html(html: &Document) -> Metadata {
    let metas = MetaTags::read(html);
    let ld = JsonLd::read(html);

    let outlet = first_some([
        metas.get(&["og:site_name"]),
        ld.publisher_name(),
        ld.website_name(),
        metas.get(&["application-name", "al:ios:app_name", "twitter:app:name:iphone"]),
    ])
    .filter(|name| !looks_like_url(name));

    let url = [html.select("link[rel='canonical']").attr("href").map(|v| v.to_string()), metas.get(&["og:url"])]
        .into_iter()
        .flatten()
        .map(|url| clean_text(&url))
        .find(|url| url.starts_with("http://") || url.starts_with("https://"));

    let mut site_names: Vec<String> = [outlet.clone(), ld.website_name(), metas.get(&["application-name"])]
        .into_iter()
        .flatten()
        .collect();
    if let Some(name) = url.as_deref().and_then(site_name_of) {
        site_names.push(name);
    }

    let title = title_from_html(html, &metas, &ld, &site_names);
    let authors = authors_from_html(html, &metas, &ld, &site_names);
    let published = date_from_html(html, &metas, &ld, url.as_deref());

    let language = [
        html.select("html").attr("lang").map(|v| v.to_string()),
        html.select("html").attr("xml:lang").map(|v| v.to_string()),
        metas.get(&["content-language", "language", "dc.language"]),
        metas.get(&["og:locale"]),
    ]
    .into_iter()
    .flatten()
    .find_map(|tag| iso_639_1(&tag));

    let genre = ld.genre().or_else(|| {
        let hints = [metas.get_all(&["article:section", "og:type", "article:type", "parsely-section"]), ld.sections()].concat();
        hints.iter().find_map(|hint| genre_from_label(hint))
    });
    let genre = genre.or_else(|| title.as_deref().and_then(|t| genre_from_text(Some(t), "")));

    Metadata { title, authors, published, outlet, url, language, genre }
}

/// All `<meta>` tags as (lowercased key, content) in document order; a tag with both `name` and
/// `property` is listed under both.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn read(html: &Document) -> MetaTags {
        let mut tags = Vec::new();
        for node in html.select("meta").nodes() {
            let Some(content) = node.attr("content").map(|c| clean_text(&c)) else { continue };
            if content.is_empty() {
                continue;
            }
            for key in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(k) = node.attr(key) {
                    tags.push((k.trim().to_lowercase(), content.clone()));
                }
            }
        }
        MetaTags(tags)
    }

    /// The first non-empty content for the first key (in `keys` order) that has one.
    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|key| self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    }

    /// Every content for any of `keys`, in `keys` order.
    fn get_all(&self, keys: &[&str]) -> Vec<String> {
        keys.iter().flat_map(|key| self.0.iter().filter(move |(k, _)| k == key).map(|(_, v)| v.clone())).collect()
    }
}

/// The JSON-LD nodes of a page, flattened (`@graph` and top-level arrays unrolled).
struct JsonLd {
    nodes: Vec<Value>,
}

impl JsonLd {
    fn read(html: &Document) -> JsonLd {
        let mut nodes = Vec::new();
        for script in html.select("script").nodes() {
            let is_ld = script.attr("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
            if !is_ld {
                continue;
            }
            if let Some(value) = parse_lenient_json(&script.text()) {
                flatten_ld(value, &mut nodes);
            }
        }
        JsonLd { nodes }
    }

    /// Nodes describing the article itself, best first.
    fn articles(&self) -> impl Iterator<Item = &Value> {
        let article = self.nodes.iter().filter(|n| types_of(n).iter().any(|t| is_article_type(t)));
        let page = self.nodes.iter().filter(|n| types_of(n).iter().any(|t| t.ends_with("Page")));
        article.chain(page)
    }

    /// Follows `{"@id": …}` references to the node they name.
    fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        if let Some(id) = value.get("@id").and_then(Value::as_str) {
            if value.as_object().is_some_and(|o| o.len() <= 2) {
                if let Some(node) = self.nodes.iter().find(|n| n.get("@id").and_then(Value::as_str) == Some(id) && n.as_object().is_some_and(|o| o.len() > 1)) {
                    return node;
                }
            }
        }
        value
    }

    fn headline(&self) -> Option<String> {
        self.nodes
            .iter()
            .filter(|n| types_of(n).iter().any(|t| is_article_type(t)))
            .find_map(|n| n.get("headline").or_else(|| n.get("name")).and_then(Value::as_str).map(clean_text).filter(|t| !t.is_empty()))
    }

    fn authors(&self) -> Vec<String> {
        for article in self.articles() {
            let Some(author) = article.get("author").or_else(|| article.get("creator")) else { continue };
            let mut names = Vec::new();
            self.collect_names(author, &mut names);
            if !names.is_empty() {
                return names;
            }
        }
        Vec::new()
    }

    fn collect_names(&self, value: &Value, names: &mut Vec<String>) {
        match self.resolve(value) {
            Value::String(s) => names.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|item| self.collect_names(item, names)),
            node @ Value::Object(_) => {
                if types_of(node).iter().any(|t| t == "Organization" || t == "NewsMediaOrganization") {
                    return;
                }
                match node.get("name") {
                    Some(Value::String(name)) => names.push(name.clone()),
                    Some(Value::Array(list)) => names.extend(list.iter().filter_map(Value::as_str).map(str::to_string)),
                    _ => {
                        let given = node.get("givenName").and_then(Value::as_str).unwrap_or_default();
                        let family = node.get("familyName").and_then(Value::as_str).unwrap_or_default();
                        if !given.is_empty() || !family.is_empty() {
                            names.push(format!("{given} {family}"));
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn date(&self, key: &str) -> Option<Published> {
        self.articles().chain(self.nodes.iter()).find_map(|n| n.get(key).and_then(Value::as_str).and_then(parse_date))
    }

    fn publisher_name(&self) -> Option<String> {
        self.articles().find_map(|n| {
            let publisher = self.resolve(n.get("publisher")?);
            let publisher = if let Value::Array(list) = publisher { list.first()? } else { publisher };
            let publisher = self.resolve(publisher);
            publisher.get("name").and_then(Value::as_str).map(clean_text).filter(|s| !s.is_empty())
        })
    }

    fn website_name(&self) -> Option<String> {
        self.nodes
            .iter()
            .filter(|n| types_of(n).iter().any(|t| t == "WebSite"))
            .find_map(|n| n.get("name").and_then(Value::as_str).map(clean_text).filter(|s| !s.is_empty()))
    }

    fn genre(&self) -> Option<Genre> {
        self.nodes.iter().flat_map(types_of).find_map(|t| match t.as_str() {
            "OpinionNewsArticle" => Some(Genre::Opinion),
            "AnalysisNewsArticle" => Some(Genre::Analysis),
            _ => None,
        })
    }

    fn sections(&self) -> Vec<String> {
        self.articles()
            .filter_map(|n| n.get("articleSection"))
            .flat_map(|s| match s {
                Value::String(s) => vec![s.clone()],
                Value::Array(list) => list.iter().filter_map(Value::as_str).map(str::to_string).collect(),
                _ => vec![],
            })
            .collect()
    }
}

fn flatten_ld(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|item| flatten_ld(item, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten_ld(graph, out);
            }
            if let Some(entity) = map.get("mainEntity").filter(|e| e.get("@type").is_some()).cloned() {
                flatten_ld(entity, out);
            }
            if !map.is_empty() {
                out.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

/// Parses JSON as pages write it: inside HTML comments or CDATA, with raw newlines in strings.
/// Broken JSON gives `None` and is skipped.
fn parse_lenient_json(text: &str) -> Option<Value> {
    let trimmed = text.trim().trim_start_matches("<!--").trim_end_matches("-->");
    let trimmed = trimmed.trim().trim_start_matches("//<![CDATA[").trim_end_matches("//]]>").trim();
    serde_json::from_str(trimmed).ok().or_else(|| {
        let flat: String = trimmed.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        serde_json::from_str(&flat).ok()
    })
}

fn types_of(node: &Value) -> Vec<String> {
    match node.get("@type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        _ => vec![],
    }
}

fn is_article_type(t: &str) -> bool {
    t.contains("Article") || t.contains("Posting") || t == "Report" || t == "Review" || t == "Recipe"
}

fn first_some<const N: usize>(options: [Option<String>; N]) -> Option<String> {
    options.into_iter().flatten().find(|s| !s.trim().is_empty())
}

// --- title ---------------------------------------------------------------------------------

static HOME_LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:/|(?:https?:)?//[^/]+/?|\./?)$").unwrap());
static TITLE_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+(?:[|–—·•»«~/:\-]|::)\s+").unwrap());

fn title_from_html(html: &Document, metas: &MetaTags, ld: &JsonLd, site_names: &[String]) -> Option<String> {
    let mut h1s: Vec<String> = html.select("h1").nodes().iter().map(|n| clean_text(&n.text())).filter(|t| !t.is_empty()).collect();
    let element = html.select("title").nodes().first().map(|n| clean_text(&n.text()));
    // An <h1> that ends "Headline | Name" in <title> is the site's logo, not the headline.
    let mut site_names = site_names.to_vec();
    // So is an <h1> that is nothing but a link to the home page.
    for h1 in html.select("h1").iter() {
        let links = h1.select("a");
        let home = links.length() == 1 && links.attr("href").is_some_and(|href| HOME_LINK.is_match(href.trim()));
        if home && loose_eq(&links.text(), &h1.text()) {
            let name = clean_text(&h1.text());
            h1s.retain(|h| h != &name);
            site_names.push(name);
        }
    }
    if let Some(last) = element.as_deref().and_then(|t| TITLE_SEPARATOR.split(t).skip(1).last()) {
        if let Some(logo) = h1s.iter().position(|h| loose_eq(h, last)) {
            site_names.push(h1s.remove(logo));
        }
    }
    let site_names = site_names.as_slice();
    let declared: Vec<String> = [metas.get(&["og:title"]), metas.get(&["twitter:title"]), ld.headline(), metas.get(&["dc.title", "title", "parsely-title", "sailthru.title"])]
        .into_iter()
        .flatten()
        .map(|t| strip_site_name(&t, site_names, &h1s))
        .filter(|t| !t.is_empty())
        .collect();
    // A page's only <h1> is its visible headline, which is what readers (and annotators) call
    // the title; unless it is the site's logo, or a kicker + the declared title ("Tech: Dam opens").
    if let [only] = h1s.as_slice() {
        let words = only.split_whitespace().count();
        if (1..=40).contains(&words) && only.chars().any(char::is_alphanumeric) && !site_names.iter().any(|site| names_same_site(only, site)) {
            let inner = declared.iter().find(|d| d.len() < only.len() && alnum_key(d).len() >= 12 && alnum_key(only).ends_with(&alnum_key(d)));
            return Some(inner.unwrap_or(only).clone());
        }
    }
    if let Some(title) = declared.into_iter().next() {
        return Some(title);
    }
    if let Some(title) = element.map(|t| strip_site_name(&t, site_names, &h1s)).filter(|t| !t.is_empty()) {
        return Some(title);
    }
    h1s.into_iter().next()
}

/// Drops a " | Site" / "Site - " part from a title when it names the site, or keeps the part
/// that repeats the page's `<h1>`.
fn strip_site_name(title: &str, site_names: &[String], h1s: &[String]) -> String {
    let title = clean_text(title).trim_end_matches([' ', '-', '|', '–', '—', '·', ':']).to_string();
    let parts: Vec<&str> = TITLE_SEPARATOR.split(&title).collect();
    if parts.len() < 2 {
        return title;
    }
    if let Some(part) = parts.iter().find(|p| h1s.iter().any(|h| loose_eq(h, p))) {
        return part.to_string();
    }
    let names_site = |part: &str| site_names.iter().any(|site| names_same_site(part, site));
    // Split at the first (last) separator whose far side is the site name.
    let separators: Vec<_> = TITLE_SEPARATOR.find_iter(&title).collect();
    if let Some(last) = separators.last() {
        if names_site(&title[last.end()..]) {
            let mut rest = title[..last.start()].to_string();
            // "Story | Section | Site": drop a short section label too.
            if separators.len() >= 2 {
                let prev = separators[separators.len() - 2];
                let section = &title[prev.end()..last.start()];
                if section.split_whitespace().count() <= 2 && prev.start() > 0 {
                    rest = title[..prev.start()].to_string();
                }
            }
            return rest;
        }
    }
    if let Some(first) = separators.first() {
        if names_site(&title[..first.start()]) {
            // "Site » Section » Story": drop a short section label too.
            if let Some(next) = separators.get(1) {
                if title[first.end()..next.start()].split_whitespace().count() <= 2 && next.end() < title.len() {
                    return title[next.end()..].to_string();
                }
            }
            return title[first.end()..].to_string();
        }
    }
    title
}

fn names_same_site(part: &str, site: &str) -> bool {
    let a = alnum_key(part);
    let b = alnum_key(site);
    !a.is_empty() && !b.is_empty() && (a == b || (a.len() >= 4 && b.contains(&a)) || (b.len() >= 4 && a.contains(&b) && part.split_whitespace().count() <= 4))
}

fn alnum_key(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn loose_eq(a: &str, b: &str) -> bool {
    let (a, b) = (alnum_key(a), alnum_key(b));
    !a.is_empty() && a == b
}

/// The lower-cased host of an absolute URL (`scheme://…`), without `www.`.
pub(crate) fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?;
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").map(str::to_string).unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// The name a title would give a site, from its URL: "https://netzpolitik.org/x" → "netzpolitik".
fn site_name_of(url: &str) -> Option<String> {
    let host = host_of(url)?;
    let name = host.rsplit_once('.').map_or(host.as_str(), |(name, _tld)| name);
    let name = name.rsplit('.').next().unwrap_or(name);
    (name.len() >= 3).then(|| name.to_string())
}

fn looks_like_url(text: &str) -> bool {
    text.starts_with("http://") || text.starts_with("https://") || text.starts_with("//")
}

// --- authors -------------------------------------------------------------------------------

fn authors_from_html(html: &Document, metas: &MetaTags, ld: &JsonLd, site_names: &[String]) -> Vec<String> {
    // A site that names itself as the author leaves the byline to the markup.
    let not_outlet = |names: Vec<String>| -> Vec<String> {
        names.into_iter().filter(|n| !site_names.iter().any(|site| loose_eq(n, site))).collect()
    };
    let from_ld: Vec<String> = not_outlet(ld.authors().iter().flat_map(|a| split_authors(a)).collect());
    if !from_ld.is_empty() {
        return dedupe(from_ld);
    }
    let meta_keys = ["author", "article:author", "dc.creator", "dcterms.creator", "byl", "sailthru.author", "parsely-author", "citation_author", "og:article:author", "twitter:data1"];
    for key in meta_keys {
        let names: Vec<String> = metas.get_all(&[key]).iter().filter(|v| !looks_like_url(v)).flat_map(|v| split_authors(v)).collect();
        let names = not_outlet(names);
        if !names.is_empty() {
            return dedupe(names);
        }
    }
    dedupe(byline_from_markup(html))
}

/// Author names from visible bylines: `itemprop=author`, `rel=author`, then elements whose class
/// or id says author or byline.
fn byline_from_markup(html: &Document) -> Vec<String> {
    let tiers = [
        "[itemprop~='author']",
        "a[rel~='author']",
        "[class*='byline'], [class*='Byline'], [class*='author'], [class*='Author'], [id*='author'], [class*='autor'], [class*='Autor'], [class*='auteur'], [class*='creator'], [class*='writer']",
    ];
    for selector in tiers {
        for node in html.select(selector).nodes() {
            if in_comment_section(node) || !is_visible_tag(node) {
                continue;
            }
            let text = if let Some(name) = node_name_child(node) {
                name
            } else if let Some(content) = node.attr("content") {
                content.to_string()
            } else {
                node.text().to_string()
            };
            let text = clean_text(&text);
            if text.is_empty() || text.chars().count() > 120 {
                continue;
            }
            let names = split_authors(&text);
            if !names.is_empty() {
                return names;
            }
        }
    }
    // Last: a short line in the article that starts "By …" / "Von …".
    for node in html.select("p, span, div, em, strong, small").nodes() {
        let text = clean_text(&node.text());
        if text.chars().count() > 90 || !BY_LINE_START.is_match(&text) || in_comment_section(node) {
            continue;
        }
        let names = split_authors(&text);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

static BY_LINE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:by|von|par|por|written by|text|texto|autor|author)\s*:?\s+\p{Lu}\p{Ll}").unwrap());

fn node_name_child(node: &NodeRef) -> Option<String> {
    node.descendants_it()
        .filter(|d| d.is_element())
        .find(|d| d.attr("itemprop").is_some_and(|p| p.as_ref() == "name") || d.has_class("fn") || d.has_class("author-name"))
        .map(|d| d.attr("content").map(|c| c.to_string()).unwrap_or_else(|| d.text().to_string()))
}

fn is_visible_tag(node: &NodeRef) -> bool {
    !matches!(node.node_name().as_deref(), Some("script" | "style" | "link" | "img" | "body" | "html" | "article" | "main" | "section" | "ul" | "nav" | "form" | "input" | "textarea"))
}

fn in_comment_section(node: &NodeRef) -> bool {
    std::iter::once(*node).chain(node.ancestors_it(Some(12))).any(|a| {
        let marks = format!("{} {}", a.attr("class").unwrap_or_default(), a.attr("id").unwrap_or_default()).to_lowercase();
        // Token prefixes, not substrings: "content-comments-wrap" may wrap the article itself. Not
        // "sidebar" either: some themes call the article column that.
        marks.split(|c: char| c.is_whitespace()).any(|token| ["comment", "respond", "related", "widget", "recentcomments"].iter().any(|p| token.starts_with(p)))
            || a.node_name().as_deref() == Some("aside")
    })
}

static BY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:written|posted|published|text|texte|texto|fotos?|photos?|story|reported)\s+)?(?:by|von|par|por|autor(?:in)?|author|auteur|verfasst von|geschrieben von|text|texto|redakteur(?:in)?)(?:\s*:?\s+|\s*:?$)|^(?:autor(?:in)?|author|auteur|by)\s*:\s*").unwrap()
});
static NAME_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*(?:[,;&/|+]|\s(?i:and|und)\s|\s(?:et|y|i|e|en)\s)\s*").unwrap());
static BYLINE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:on|am|le|el|il|at|published|posted|updated|veröffentlicht|aktualisiert|in|im|for)(?:\s+.*)?$|\s*(?:[|•·–—]|\s-\s|\(|\n).*$").unwrap()
});
static EMAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\S+@\S+").unwrap());

/// Splits a byline into author names: strips "By", cuts at a date or separator, splits
/// "A and B", "A, B", "A & B".
///
/// ```
/// use corroborate_ingest::metadata::split_authors;
/// assert_eq!(split_authors("By Ada Byron and Tom Kerr"), ["Ada Byron", "Tom Kerr"]);
/// assert_eq!(split_authors("Lea Roth, Max Ohm | 12 May 2019"), ["Lea Roth", "Max Ohm"]);
/// ```
pub fn split_authors(byline: &str) -> Vec<String> {
    let mut text = clean_text(byline);
    if let Some(found) = find_date_span(&text) {
        text.truncate(found.0);
    }
    let text = EMAIL.replace_all(&text, "");
    let text = BY_PREFIX.replace(text.trim(), "");
    let text = BYLINE_TAIL.replace(&text, "");
    let text = BY_PREFIX.replace(text.trim(), "");
    NAME_SEPARATOR
        .split(&text)
        .map(|name| name.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')').trim().to_string())
        .filter(|name| is_plausible_name(name))
        .collect()
}

fn is_plausible_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    let lower = name.to_lowercase();
    !name.is_empty()
        && words <= 5
        && name.chars().count() <= 60
        && name.chars().any(char::is_alphabetic)
        && !name.chars().any(|c| c.is_ascii_digit())
        && !looks_like_url(name)
        && !matches!(
            lower.as_str(),
            "admin" | "administrator" | "author" | "authors" | "by" | "von" | "posted" | "share" | "more" | "anonymous" | "unknown" | "about the author" | "phd" | "md" | "dr" | "dr." | "prof." | "staff" | "facebook" | "twitter" | "instagram" | "autor" | "autorin" | "comments" | "comment"
        )
}

fn dedupe(names: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    names.into_iter().filter(|n| seen.insert(n.to_lowercase())).collect()
}

// --- date ----------------------------------------------------------------------------------

fn date_from_html(html: &Document, metas: &MetaTags, ld: &JsonLd, url: Option<&str>) -> Option<Published> {
    let from_meta = |keys: &[&str]| metas.get_all(keys).iter().find_map(|v| parse_date(v).or_else(|| find_date(v)));
    let published_keys = [
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "article:published",
        "published_time",
        "datepublished",
        "parsely-pub-date",
        "sailthru.date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "date",
        "dc.date.issued",
        "dc.date",
        "dcterms.date",
        "dcterms.issued",
        "dcterms.created",
        "dc.date.created",
        "citation_publication_date",
        "citation_date",
        "originalpublicationdate",
        "article.published",
        "cxenseparse:recs:publishtime",
        "created",
    ];
    let element_date = || {
        // itemprop=datePublished on any element, then <time> in the article or its header.
        let itemprop = html.select("[itemprop='datePublished'], [itemprop='dateCreated']").nodes().iter().find_map(date_of_node);
        itemprop.or_else(|| {
            html.select("article time[datetime], header time[datetime], main time[datetime], time[pubdate], time[class*='publish'], time[class*='entry-date'], time[class*='date']")
                .nodes()
                .iter()
                .filter(|n| !in_comment_section(n))
                .find_map(date_of_node)
        })
    };
    let classed_date = || {
        html.select("[class*='date'], [class*='Date'], [class*='publish'], [class*='posted'], [class*='submitted'], [class*='entry-meta'], [class*='byline'], [class*='meta'], [class*='info'], [id*='date'], time")
            .nodes()
            .iter()
            .filter(|n| is_visible_tag(n) && !in_comment_section(n))
            .find_map(|n| {
                let text = clean_text(&n.text());
                if text.chars().count() > 150 {
                    return None;
                }
                ["datetime", "title", "content"].iter().filter_map(|a| n.attr(a)).find_map(|d| parse_date(&d)).or_else(|| find_date(&text))
            })
    };
    // Last: the first short line of the body that holds a date ("January 13, 2020 at 08:45 AM").
    let any_date = || {
        html.select("body *")
            .nodes()
            .iter()
            .filter(|n| is_visible_tag(n) && !matches!(n.node_name().as_deref(), Some("a" | "option" | "li" | "td")))
            .filter_map(|n| {
                let text = clean_text(&n.immediate_text());
                (text.len() >= 6 && text.chars().count() <= 80).then_some((n, text))
            })
            .filter(|(n, _)| !in_comment_section(n))
            .find_map(|(_, text)| find_date(&text))
    };
    let from_url = || url.and_then(date_in_url);
    let modified = || from_meta(&["article:modified_time", "og:updated_time", "dateModified", "last-modified"]).or_else(|| ld.date("dateModified"));

    from_meta(&published_keys[..3])
        .or_else(|| ld.date("datePublished"))
        .or_else(|| from_meta(&published_keys[3..]))
        .or_else(|| ld.date("dateCreated"))
        .or_else(element_date)
        .or_else(from_url)
        .or_else(classed_date)
        .or_else(any_date)
        .or_else(modified)
}

fn date_of_node(node: &NodeRef) -> Option<Published> {
    ["datetime", "content"]
        .iter()
        .filter_map(|a| node.attr(a))
        .find_map(|v| parse_date(&v).or_else(|| find_date(&v)))
        .or_else(|| {
            let text = clean_text(&node.text());
            (text.chars().count() <= 150).then(|| find_date(&text)).flatten()
        })
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\.|$)|/((?:19|20)\d{2})(\d{2})(\d{2})/").unwrap());

/// A date written in a URL path: `/2016/12/12/`, `/2016-12-12-`, `/20161212/`.
fn date_in_url(url: &str) -> Option<Published> {
    let caps = URL_DATE.captures(url)?;
    let n = |i: usize, j: usize| caps.get(i).or(caps.get(j)).and_then(|m| m.as_str().parse::<u32>().ok());
    Published::day(n(1, 4)? as i32, n(2, 5)?, n(3, 6)?)
}

// --- language, genre -----------------------------------------------------------------------

/// `en-GB`, `de_DE`, `fr` → two-letter ISO 639-1 code.
fn iso_639_1(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase())).then_some(primary)
}

fn genre_from_label(label: &str) -> Option<Genre> {
    let label = label.to_lowercase();
    const OPINION: [&str; 8] = ["opinion", "op-ed", "oped", "commentary", "meinung", "kommentar", "tribune", "editorial"];
    if OPINION.iter().any(|w| label.contains(w)) {
        Some(Genre::Opinion)
    } else if label.contains("analysis") || label.contains("analyse") || label.contains("análisis") {
        Some(Genre::Analysis)
    } else {
        None
    }
}

static GENRE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:(analysis|news analysis)|(opinion|op-ed|op ed|commentary|editorial|comment))\s*[:|–—-]").unwrap());
static VIEWS_DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:views|opinions)\b.{0,80}\b(?:are\s+)?(?:solely|entirely|exclusively|only)\s+(?:those\s+of\s+the\s+authors?|the\s+authors?'?s?)|(?:views|opinions)\s+(?:expressed\s+)?(?:are\s+)?(?:the\s+)?authors?'?s?\s+own|(?:views|opinions)\b.{0,60}\bbelongs?\s+to\s+the\s+authors?\b|\bonly\s+the\s+(?:personal\s+)?(?:views|opinions)\s+of\s+(?:its|the)\s+authors?\b").unwrap()
});

/// The genre a title or text announces: `Analysis: …` → Analysis; `Opinion: …`, `Op-Ed …`,
/// `Commentary: …`, or a note that the views are solely the author's → Opinion.
///
/// ```
/// use corroborate_ingest::{metadata::genre_from_text, Genre};
/// assert_eq!(genre_from_text(Some("Analysis: Why the dam broke"), ""), Some(Genre::Analysis));
/// assert_eq!(genre_from_text(Some("Op-Ed | A city betrayed"), ""), Some(Genre::Opinion));
/// assert_eq!(genre_from_text(Some("Dam breaks"), "Water rose."), None);
/// assert_eq!(genre_from_text(None, "Water rose.\nThe views expressed above belong to the author alone."), Some(Genre::Opinion));
/// assert_eq!(genre_from_text(None, "This column reflects only the personal opinions of its author."), Some(Genre::Opinion));
/// ```
pub fn genre_from_text(title: Option<&str>, text: &str) -> Option<Genre> {
    let first_line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    for line in title.into_iter().chain([first_line]) {
        if let Some(caps) = GENRE_PREFIX.captures(line) {
            return Some(if caps.get(1).is_some() { Genre::Analysis } else { Genre::Opinion });
        }
    }
    // Disclaimers sit at the top or the bottom of a piece; one quoted mid-text is not about it.
    let head: String = text.chars().take(600).collect();
    let tail: String = text.chars().rev().take(600).collect::<Vec<_>>().into_iter().rev().collect();
    (VIEWS_DISCLAIMER.is_match(&head) || VIEWS_DISCLAIMER.is_match(&tail)).then_some(Genre::Opinion)
}

// ---------------------------------------------------------------------------------------------
// Removed lines
// ---------------------------------------------------------------------------------------------

static SUBSCRIBE_OUTLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:Become|Be)\s+an?\s+(\p{Lu}[\p{L}'’.&-]*(?:\s+[\p{L}'’.&-]+){0,4})\s+(?:subscriber|member|supporter|patron|insider)\b").unwrap());

/// Metadata from what the cleaner removed from a text: title, byline and date lines,
/// disclaimers, subscribe prompts.
///
/// ```
/// use corroborate_ingest::{metadata::from_removed, RemovalReason, Removed};
/// let removed = [Removed { text: "by Ada Byron on 3 Mar 2019 2 Comments".into(), reason: RemovalReason::Byline }];
/// let meta = from_removed(&removed);
/// assert_eq!(meta.authors, ["Ada Byron"]);
/// assert_eq!(meta.published.unwrap().iso(), "2019-03-03");
/// ```
pub fn from_removed(removed: &[Removed]) -> Metadata {
    let mut meta = Metadata::default();
    for piece in removed {
        let text = clean_text(&piece.text);
        if text.is_empty() {
            continue;
        }
        match piece.reason {
            RemovalReason::Title if meta.title.is_none() => meta.title = Some(text),
            RemovalReason::Byline => {
                // A section tag line ("Opinion | World | The Gazette") names the genre and the outlet.
                if text.contains(['|', '·', '•']) {
                    if meta.genre.is_none() {
                        meta.genre = text.split(['|', '·', '•']).find_map(|piece| genre_from_label(piece.trim()));
                    }
                    if meta.outlet.is_none() {
                        meta.outlet = outlet_from_tag_line(&text);
                    }
                }
                let (authors, date) = read_byline(&text);
                if meta.authors.is_empty() {
                    meta.authors = authors;
                }
                meta.published = meta.published.or(date);
            }
            RemovalReason::Disclaimer if meta.genre.is_none() && VIEWS_DISCLAIMER.is_match(&text) => meta.genre = Some(Genre::Opinion),
            RemovalReason::Subscribe if meta.outlet.is_none() => meta.outlet = outlet_from_subscribe(&text),
            _ => {}
        }
    }
    if meta.genre.is_none() {
        meta.genre = meta.title.as_deref().and_then(|t| genre_from_text(Some(t), ""));
    }
    meta
}

/// The outlet a section tag line names: "The Daily Lantern | Local news | 3 May 2019" → "The
/// Daily Lantern", "Opinion | World | The Gazette" → "The Gazette". Of the pieces that are not a
/// genre label or a date, the one that reads as a publication's name ("The …", or with a word
/// like Post, Times, Brief), else the first when the line opens with it.
fn outlet_from_tag_line(line: &str) -> Option<String> {
    const MEDIA_WORDS: &[&str] = &[
        "post", "times", "brief", "herald", "wire", "news", "review", "courier", "daily", "journal", "gazette", "tribune",
        "report", "chronicle", "observer", "telegraph", "guardian", "standard", "express", "monitor", "digest", "weekly",
        "magazine", "press", "mail", "star", "sun", "record", "bulletin", "dispatch", "radio", "tv", "television",
    ];
    let pieces: Vec<&str> = line.split(['|', '·', '•']).map(str::trim).collect();
    let candidates: Vec<(usize, &str)> = pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_empty() && genre_from_label(p).is_none() && find_date_span(p).is_none())
        .filter(|(_, p)| p.chars().count() <= 50 && p.chars().next().is_some_and(char::is_uppercase))
        .map(|(i, p)| (i, *p))
        .collect();
    let named = |p: &str| {
        p.starts_with("The ") || p.split_whitespace().any(|w| MEDIA_WORDS.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric())))
    };
    let news_section = |p: &str| p.to_lowercase().split_whitespace().any(|w| matches!(w, "news" | "section"));
    candidates
        .iter()
        .find(|(_, p)| named(p) && !(news_section(p) && p.split_whitespace().count() <= 2))
        .map(|(_, p)| p.to_string())
}

/// "by Ada Byron on 3 Mar 2019 2 Comments" → (["Ada Byron"], 2019-03-03). A line with no
/// "by" gives an author only when, with its date removed, it is nothing but a person's name.
fn read_byline(line: &str) -> (Vec<String>, Option<Published>) {
    let span = find_date_span(line);
    let date = span.as_ref().map(|s| s.2.clone());
    let before_date = span.as_ref().map_or(line, |s| &line[..s.0]).trim();
    // "Ada Byron, Senior Fellow": the name before a short role.
    const ROLES: &[&str] = &[
        "fellow", "correspondent", "editor", "reporter", "director", "analyst", "writer", "researcher", "professor",
        "contributor", "columnist", "chief", "staff", "bureau", "producer", "associate", "head", "lecturer",
    ];
    let name_and_role = before_date
        .split_once(',')
        .filter(|(name, role)| {
            looks_like_person(name.trim())
                && (1..=4).contains(&role.split_whitespace().count())
                && role.split_whitespace().any(|w| ROLES.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric())))
        })
        .map(|(name, _)| name.trim());
    let authors = if let Some(name) = name_and_role {
        vec![name.to_string()]
    } else if BY_PREFIX.is_match(before_date) || looks_like_person(before_date) {
        split_authors(before_date)
    } else {
        Vec::new()
    };
    (authors, date)
}

/// Two to four capitalised words ("Ada Byron", "Jean-Luc de la Roche"), nothing else.
fn looks_like_person(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    let particles = words.iter().filter(|w| matches!(**w, "de" | "la" | "van" | "von" | "der" | "den" | "al" | "el" | "bin" | "da" | "di" | "du" | "le")).count();
    (2..=5).contains(&words.len())
        && capitalised >= 2
        && capitalised + particles == words.len()
        && words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
        && words.iter().any(|w| w.chars().filter(|c| c.is_lowercase()).count() >= 2)
}

/// "Become a Daily Lantern subscriber" → "Daily Lantern". Only that shape: a prompt naming its
/// outlet otherwise ("Support independent journalism") is too easy to misread.
fn outlet_from_subscribe(text: &str) -> Option<String> {
    let caps = SUBSCRIBE_OUTLET.captures(text)?;
    let name = caps[1].trim().to_string();
    let first = name.split_whitespace().next()?.to_lowercase();
    let generic = ["premium", "paid", "digital", "print", "full", "founding", "supporting", "monthly", "yearly", "annual", "vip", "pro", "plus", "free", "new", "member", "subscriber", "part"];
    (!generic.contains(&first.as_str()) && name.chars().count() <= 50).then_some(name)
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/// Month names and abbreviations (English, German, French, Spanish, Italian, Dutch, Portuguese).
const MONTHS: [&[&str]; 12] = [
    &["january", "jan", "januar", "jänner", "janvier", "enero", "ene", "gennaio", "januari", "janeiro"],
    &["february", "feb", "febr", "februar", "février", "fevrier", "févr", "fév", "febrero", "febbraio", "februari", "fevereiro", "fev"],
    &["march", "mar", "märz", "maerz", "mär", "mars", "marzo", "maart", "março", "marco", "mrz"],
    &["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
    &["may", "mai", "mayo", "maggio", "mei", "maio"],
    &["june", "jun", "juni", "juin", "junio", "giugno", "junho"],
    &["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "julho"],
    &["august", "aug", "août", "aout", "agosto", "ago", "augustus"],
    &["september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro", "set"],
    &["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro", "out"],
    &["november", "nov", "novembre", "noviembre", "novembro"],
    &["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro"],
];

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().position(|names| names.contains(&word.as_str())).map(|i| i as u32 + 1)
}

const TIME: &str = r"(?:\s*(?:,|at|um|à|a las|-|–|\|)?\s*T?(?P<h>\d{1,2})[:h](?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?\s*(?P<ap>[AaPp]\.?[Mm]\.?)?(?:\s*(?:Uhr|h))?(?:\s*(?:Z|UTC|GMT|[A-Z]{3,4}\b))?(?:\s*[+-]\d{2}(?::?\d{2})?)?)?";
const MONTH_NAME: &str = r"(?P<mon>\p{L}{3,10}\.?)";
const WEEKDAY: &str = r"(?:(?:mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|mo|di|mi|do|fr|sa|so|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)\.?,?\s+)?";

/// The date shapes, most specific first, with a `{TIME}` tail where a time may follow.
static DATE_SHAPES: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        // ISO 8601: 2016-12-12, 2016-12-12T09:30:05.123+01:00
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T\s](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?(?:\s*Z|\s*[+-]\d{2}(?::?\d{2})?|\s*UTC|\s*GMT)?)?".to_string(),
        // 2016/12/12
        format!(r"(?P<y>\d{{4}})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}}){TIME}"),
        // 12.12.2016 (day.month.year)
        format!(r"(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.\s?(?P<y>\d{{4}}){TIME}"),
        // 12/30/2016 or 30/12/2016, only when unambiguous
        format!(r"(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}){TIME}"),
        // December 12, 2016 · Dec. 12th 2016 · Monday, December 12, 2016 9:30 am
        format!(r"{WEEKDAY}{MONTH_NAME}\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?,?\s+(?P<y>\d{{4}}){TIME}"),
        // 12 December 2016 · 12. Dezember 2016 · 12 de diciembre de 2016 · Mon, 12 Dec 2016 09:30:00 GMT
        format!(r"{WEEKDAY}(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s*(?:de\s+)?{MONTH_NAME}\s*,?\s+(?:de\s+)?(?P<y>\d{{4}}){TIME}"),
    ]
    .to_vec()
});

static ANCHORED: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let mut shapes: Vec<Regex> = DATE_SHAPES.iter().map(|s| Regex::new(&format!(r"(?i)^{s}\s*$")).unwrap()).collect();
    shapes.push(Regex::new(&format!(r"(?i)^{MONTH_NAME}\s+(?P<y>\d{{4}})\s*$")).unwrap());
    shapes.push(Regex::new(r"^(?P<y>\d{4})-(?P<m>\d{2})$").unwrap());
    shapes.push(Regex::new(r"^(?P<y>\d{4})$").unwrap());
    shapes
});

static FLOATING: LazyLock<Vec<Regex>> =
    LazyLock::new(|| DATE_SHAPES.iter().map(|s| Regex::new(&format!(r"(?i)(?:^|\b){s}(?:\b|$)")).unwrap()).collect());

/// A date as pages and feeds write it (`2016-12-12`, `2016-12-12T09:30:00+01:00`,
/// `December 12, 2016`, `12 Dec 2016`, `Mon, 12 Dec 2016 09:30:00 GMT`, `12.12.2016`,
/// `December 2016`, `2016`), with its precision. The whole text must be the date; impossible
/// dates give `None`. A time keeps its wall-clock value; the UTC offset is dropped.
///
/// ```
/// use corroborate_ingest::{metadata::parse_date, Precision};
/// assert_eq!(parse_date("Dec. 12, 2016").unwrap().iso(), "2016-12-12");
/// assert_eq!(parse_date("2016-12-12T09:30:00+01:00").unwrap().iso(), "2016-12-12T09:30:00");
/// assert_eq!(parse_date("December 2016").unwrap().precision(), Precision::Month);
/// assert_eq!(parse_date("February 30, 2016"), None);
/// ```
pub fn parse_date(text: &str) -> Option<Published> {
    let text = clean_text(text);
    let text = text.trim_end_matches(['.', ',']);
    ANCHORED.iter().find_map(|shape| shape.captures(text).and_then(|caps| date_from_captures(&caps)))
}

/// The first day-precise date inside a longer text ("by Ada Byron on 3 Mar 2019 2 Comments").
///
/// ```
/// use corroborate_ingest::metadata::find_date;
/// assert_eq!(find_date("Posted on December 17, 2016 by staff").unwrap().iso(), "2016-12-17");
/// assert_eq!(find_date("Version 2 of 12 items"), None);
/// ```
pub fn find_date(text: &str) -> Option<Published> {
    find_date_span(text).map(|(_, _, date)| date)
}

/// The first date in `text` with its byte range.
fn find_date_span(text: &str) -> Option<(usize, usize, Published)> {
    FLOATING
        .iter()
        .filter_map(|shape| {
            shape.captures_iter(text).find_map(|caps| {
                let whole = caps.get(0)?;
                date_from_captures(&caps).map(|date| (whole.start(), whole.end(), date))
            })
        })
        .min_by_key(|(start, _, _)| *start)
}

fn date_from_captures(caps: &Captures) -> Option<Published> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = num("y")? as i32;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    let month = match caps.name("mon") {
        Some(word) => Some(month_number(word.as_str())?),
        None => num("m"),
    };
    let (month, day) = match (num("a"), num("b")) {
        (Some(a), Some(b)) if a > 12 && b <= 12 => (Some(b), Some(a)),
        (Some(a), Some(b)) if b > 12 && a <= 12 => (Some(a), Some(b)),
        (Some(_), Some(_)) => return None,
        _ => (month, num("d")),
    };
    let (Some(month), Some(day)) = (month, day) else {
        return match month {
            Some(month) => Published::month(year, month),
            None => Some(Published::year(year)),
        };
    };
    match (num("h"), num("mi")) {
        (Some(mut hour), Some(minute)) => {
            if let Some(ap) = caps.name("ap") {
                let pm = ap.as_str().to_ascii_lowercase().starts_with('p');
                if hour == 0 || hour > 12 {
                    return Published::day(year, month, day);
                }
                hour = match (pm, hour) {
                    (false, 12) => 0,
                    (true, h) if h < 12 => h + 12,
                    (_, h) => h,
                };
            }
            Published::time(year, month, day, hour, minute, num("s")).or_else(|| Published::day(year, month, day))
        }
        _ => Published::day(year, month, day),
    }
}

// ---------------------------------------------------------------------------------------------

/// Collapses whitespace (and non-breaking spaces) to single spaces, trimmed.
fn clean_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Precision;

    fn page(head: &str, body: &str) -> Metadata {
        from_html(&Document::from(format!("<html><head>{head}</head><body>{body}</body></html>").as_str()))
    }

    fn iso(date: Option<Published>) -> Option<String> {
        date.map(|d| d.iso().to_string())
    }

    // --- parse_date ------------------------------------------------------------------------

    #[test]
    fn date_formats() {
        let table = [
            ("2016-12-12", "2016-12-12"),
            ("2016-12-12T09:30:00+01:00", "2016-12-12T09:30:00"),
            ("2016-12-12T09:30:05.123Z", "2016-12-12T09:30:05"),
            ("2016-12-12T09:30Z", "2016-12-12T09:30"),
            ("2016-12-12 09:30:00", "2016-12-12T09:30:00"),
            ("December 12, 2016", "2016-12-12"),
            ("Dec. 12, 2016", "2016-12-12"),
            ("Dec 12th, 2016", "2016-12-12"),
            ("Monday, December 12, 2016 9:30 pm", "2016-12-12T21:30"),
            ("12 December 2016", "2016-12-12"),
            ("30 Dec 2016", "2016-12-30"),
            ("Mon, 12 Dec 2016 09:30:00 GMT", "2016-12-12T09:30:00"),
            ("Tue, 13 Dec 2016 09:30:00 +0100", "2016-12-13T09:30:00"),
            ("2016/12/12", "2016-12-12"),
            ("12.12.2016", "2016-12-12"),
            ("3.4.2016", "2016-04-03"),
            ("12.12.2016 09:30 Uhr", "2016-12-12T09:30"),
            ("31/12/2016", "2016-12-31"),
            ("12/31/2016", "2016-12-31"),
            ("12. Dezember 2016", "2016-12-12"),
            ("3 mars 2016", "2016-03-03"),
            ("12 de diciembre de 2016", "2016-12-12"),
            ("December 2016", "2016-12"),
            ("2016-12", "2016-12"),
            ("2016", "2016"),
            ("  2016-12-12.  ", "2016-12-12"),
        ];
        for (text, want) in table {
            assert_eq!(iso(parse_date(text)).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn date_precision() {
        assert_eq!(parse_date("2016").unwrap().precision(), Precision::Year);
        assert_eq!(parse_date("December 2016").unwrap().precision(), Precision::Month);
        assert_eq!(parse_date("12 Dec 2016").unwrap().precision(), Precision::Day);
        assert_eq!(parse_date("2016-12-12T09:30Z").unwrap().precision(), Precision::Minute);
        assert_eq!(parse_date("2016-12-12T09:30:01Z").unwrap().precision(), Precision::Second);
    }

    #[test]
    fn impossible_or_partial_dates_are_rejected() {
        for text in [
            "February 30, 2016",
            "2015-02-29",
            "2016-13-01",
            "32.12.2016",
            "05/06/2016", // day/month or month/day: cannot tell
            "Smarch 12, 2016",
            "2016 was a year",
            "12345",
            "",
            "yesterday",
            "Page 2016",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn dates_inside_lines() {
        let table = [
            ("by Ada Byron on 30 Dec 2016 1 Comment", Some("2016-12-30")),
            ("NEWS front December 17, 2016 0", Some("2016-12-17")),
            ("Posted 2016-12-12 in World", Some("2016-12-12")),
            ("Updated: 12.12.2016, 14:02", Some("2016-12-12T14:02")),
            ("Release 3.1.2 of the tool", None),
            ("in December 2016", None),
        ];
        for (text, want) in table {
            assert_eq!(iso(find_date(text)).as_deref(), want, "{text}");
        }
    }

    // --- title -----------------------------------------------------------------------------

    #[test]
    fn title_sources() {
        let og = page(r#"<meta property="og:title" content="Dam opens"><title>Other</title>"#, "");
        assert_eq!(og.title.as_deref(), Some("Dam opens"));
        let twitter = page(r#"<meta name="twitter:title" content="Dam opens">"#, "");
        assert_eq!(twitter.title.as_deref(), Some("Dam opens"));
        let ld = page(r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Dam opens"}</script>"#, "");
        assert_eq!(ld.title.as_deref(), Some("Dam opens"));
        let h1 = page("", "<h1>Dam opens</h1><p>Text</p>");
        assert_eq!(h1.title.as_deref(), Some("Dam opens"));
    }

    #[test]
    fn title_site_suffix_is_stripped_when_it_names_the_site() {
        let site = r#"<meta property="og:site_name" content="The Valley Post">"#;
        let piped = page(&format!("{site}<title>Dam opens | The Valley Post</title>"), "");
        assert_eq!(piped.title.as_deref(), Some("Dam opens"));
        let dashed = page(&format!("{site}<title>Dam opens - Valley Post</title>"), "");
        assert_eq!(dashed.title.as_deref(), Some("Dam opens"));
        let leading = page(&format!("{site}<title>The Valley Post | Dam opens</title>"), "");
        assert_eq!(leading.title.as_deref(), Some("Dam opens"));
        // Not the site's name: part of the headline.
        let kept = page(&format!("{site}<title>Dam opens - and floods the valley</title>"), "");
        assert_eq!(kept.title.as_deref(), Some("Dam opens - and floods the valley"));
    }

    #[test]
    fn title_prefers_the_single_visible_headline() {
        let meta = page(r#"<meta property="og:title" content="Dam opens"><title>Dam opens</title>"#, "<h1>Dam opens at last after ten years</h1>");
        assert_eq!(meta.title.as_deref(), Some("Dam opens at last after ten years"));
        // An <h1> that is the site's logo is not the headline.
        let logo = page("<title>Dam opens at last | Valley Notes</title>", "<h1>Valley Notes</h1>");
        assert_eq!(logo.title.as_deref(), Some("Dam opens at last"));
        let home = page("<title>Valley Notes » Blog » Dam opens at last</title>", r#"<h1><a href="https://valley.example/">Valley Notes</a></h1>"#);
        assert_eq!(home.title.as_deref(), Some("Dam opens at last"));
        // A kicker in the <h1> before the declared title.
        let kicker = page(r#"<meta property="og:title" content="Dam opens at last">"#, "<h1><span>Energy</span> Dam opens at last</h1>");
        assert_eq!(kicker.title.as_deref(), Some("Dam opens at last"));
    }

    // --- authors ---------------------------------------------------------------------------

    #[test]
    fn author_sources() {
        let cases = [
            (r#"<meta name="author" content="Ada Byron">"#, ""),
            (r#"<meta property="article:author" content="Ada Byron">"#, ""),
            (r#"<script type="application/ld+json">{"@type":"NewsArticle","author":"Ada Byron"}</script>"#, ""),
            (r#"<script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"Ada Byron"}}</script>"#, ""),
            ("", r#"<a rel="author" href="/ada">Ada Byron</a>"#),
            ("", r#"<span class="byline">By Ada Byron</span>"#),
            ("", r#"<div itemprop="author" itemscope><span itemprop="name">Ada Byron</span></div>"#),
            ("", r#"<p class="article-author">Von Ada Byron, 12.12.2016</p>"#),
            ("", "<article><p>By Ada Byron</p><p>The dam opened on Monday.</p></article>"),
        ];
        for (head, body) in cases {
            assert_eq!(page(head, body).authors, ["Ada Byron"], "{head}{body}");
        }
    }

    #[test]
    fn author_urls_and_outlets_are_not_authors() {
        let url = page(r#"<meta property="article:author" content="https://facebook.com/ada"><meta name="author" content="Ada Byron">"#, "");
        assert_eq!(url.authors, ["Ada Byron"]);
        let outlet = page(r#"<meta property="og:site_name" content="Valley Post"><meta name="author" content="Valley Post">"#, r#"<span class="byline">By Ada Byron</span>"#);
        assert_eq!(outlet.authors, ["Ada Byron"]);
        let comment = page("", r#"<div class="comments"><span class="comment-author">Troll</span></div>"#);
        assert!(comment.authors.is_empty());
    }

    #[test]
    fn json_ld_author_lists_and_references() {
        let list = page(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ada Byron"},{"@type":"Person","name":"Tom Kerr"}]}</script>"#,
            "",
        );
        assert_eq!(list.authors, ["Ada Byron", "Tom Kerr"]);
        let graph = page(
            r##"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                {"@type":"Article","@id":"#a","headline":"Dam opens","author":{"@id":"#p1"},"datePublished":"2016-12-12T09:30:00+01:00","publisher":{"@id":"#org"}},
                {"@type":"Person","@id":"#p1","name":"Ada Byron"},
                {"@type":"Organization","@id":"#org","name":"Valley Post"}]}</script>"##,
            "",
        );
        assert_eq!(graph.authors, ["Ada Byron"]);
        assert_eq!(graph.title.as_deref(), Some("Dam opens"));
        assert_eq!(iso(graph.published).as_deref(), Some("2016-12-12T09:30:00"));
        assert_eq!(graph.outlet.as_deref(), Some("Valley Post"));
    }

    #[test]
    fn broken_json_ld_is_skipped() {
        let meta = page(
            r#"<script type="application/ld+json">{"@type":"NewsArticle", "headline": </script>
               <script type="application/ld+json">[{"@type":"NewsArticle","headline":"Dam
               opens"}]</script>"#,
            "",
        );
        assert_eq!(meta.title.as_deref(), Some("Dam opens"));
    }

    #[test]
    fn splitting_bylines() {
        let table: [(&str, &[&str]); 7] = [
            ("By Ada Byron", &["Ada Byron"]),
            ("Ada Byron and Tom Kerr", &["Ada Byron", "Tom Kerr"]),
            ("Ada Byron, Tom Kerr & Lea Roth", &["Ada Byron", "Tom Kerr", "Lea Roth"]),
            ("Von Ada Byron und Tom Kerr", &["Ada Byron", "Tom Kerr"]),
            ("by Ada Byron on 30 Dec 2016", &["Ada Byron"]),
            ("Written by: Ada Byron | Valley Post", &["Ada Byron"]),
            ("Published by", &[]),
        ];
        for (text, want) in table {
            assert_eq!(split_authors(text), want, "{text}");
        }
    }

    // --- date ------------------------------------------------------------------------------

    #[test]
    fn date_sources() {
        let cases = [
            (r#"<meta property="article:published_time" content="2016-12-12T09:30:00+01:00">"#, ""),
            (r#"<meta property="og:published_time" content="2016-12-12T09:30:00Z">"#, ""),
            (r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2016-12-12T09:30:00+01:00"}</script>"#, ""),
            (r#"<meta name="pubdate" content="2016-12-12T09:30:00">"#, ""),
            (r#"<meta name="DC.date.issued" content="2016-12-12T09:30:00">"#, ""),
            (r#"<meta name="sailthru.date" content="2016-12-12 09:30:00">"#, ""),
            (r#"<meta name="parsely-pub-date" content="2016-12-12T09:30:00Z">"#, ""),
            ("", r#"<span itemprop="datePublished" content="2016-12-12T09:30:00">12 Dec</span>"#),
            ("", r#"<article><header><time datetime="2016-12-12T09:30:00">Monday</time></header></article>"#),
        ];
        for (head, body) in cases {
            let got = iso(page(head, body).published);
            assert_eq!(got.as_deref().map(|d| &d[..10]), Some("2016-12-12"), "{head}{body}");
        }
        let text = page("", r#"<div class="entry-meta">Posted on December 12, 2016</div>"#);
        assert_eq!(iso(text.published).as_deref(), Some("2016-12-12"));
    }

    #[test]
    fn published_wins_over_modified() {
        let meta = page(
            r#"<meta property="article:modified_time" content="2017-01-02T10:00:00Z">
               <meta property="article:published_time" content="2016-12-12T09:30:00Z">"#,
            "",
        );
        assert_eq!(iso(meta.published).as_deref(), Some("2016-12-12T09:30:00"));
        let only_modified = page(r#"<meta property="article:modified_time" content="2017-01-02T10:00:00Z">"#, "");
        assert_eq!(iso(only_modified.published).as_deref(), Some("2017-01-02T10:00:00"));
    }

    // --- outlet, url, language, genre ------------------------------------------------------

    #[test]
    fn outlet_url_language() {
        let meta = page(
            r#"<meta property="og:site_name" content="Valley Post"><link rel="canonical" href="https://valley.example/dam">
               <meta property="og:url" content="https://valley.example/other">"#,
            "",
        );
        assert_eq!(meta.outlet.as_deref(), Some("Valley Post"));
        assert_eq!(meta.url.as_deref(), Some("https://valley.example/dam"));
        let og = page(r#"<meta property="og:url" content="https://valley.example/dam"><meta name="application-name" content="Valley Post">"#, "");
        assert_eq!(og.url.as_deref(), Some("https://valley.example/dam"));
        assert_eq!(og.outlet.as_deref(), Some("Valley Post"));

        let lang = |html: &str| from_html(&Document::from(html)).language;
        assert_eq!(lang(r#"<html lang="en-US"><body></body></html>"#).as_deref(), Some("en"));
        assert_eq!(lang(r#"<html><head><meta http-equiv="content-language" content="de"></head></html>"#).as_deref(), Some("de"));
        assert_eq!(lang(r#"<html><head><meta property="og:locale" content="fr_FR"></head></html>"#).as_deref(), Some("fr"));
        assert_eq!(lang(r#"<html lang="x"><body></body></html>"#), None);
    }

    #[test]
    fn genre_from_page() {
        let ld = |t: &str| page(&format!(r#"<script type="application/ld+json">{{"@type":"{t}","headline":"Dam"}}</script>"#), "").genre;
        assert_eq!(ld("OpinionNewsArticle"), Some(Genre::Opinion));
        assert_eq!(ld("AnalysisNewsArticle"), Some(Genre::Analysis));
        assert_eq!(ld("NewsArticle"), None);
        let section = page(r#"<meta property="article:section" content="Op-Ed">"#, "");
        assert_eq!(section.genre, Some(Genre::Opinion));
        let analysis = page(r#"<meta property="article:section" content="News Analysis">"#, "");
        assert_eq!(analysis.genre, Some(Genre::Analysis));
        let title = page(r#"<meta property="og:title" content="Commentary: The dam was a mistake">"#, "");
        assert_eq!(title.genre, Some(Genre::Opinion));
    }

    #[test]
    fn genre_from_titles_and_text() {
        assert_eq!(genre_from_text(Some("Analysis: Why the dam broke"), ""), Some(Genre::Analysis));
        assert_eq!(genre_from_text(Some("Opinion: Build no more dams"), ""), Some(Genre::Opinion));
        assert_eq!(genre_from_text(Some("Op-Ed: Build no more dams"), ""), Some(Genre::Opinion));
        assert_eq!(genre_from_text(Some("Commentary: Dams"), ""), Some(Genre::Opinion));
        assert_eq!(genre_from_text(None, "The views in this piece are solely those of the author.\n\nDams..."), Some(Genre::Opinion));
        assert_eq!(genre_from_text(Some("Analysts see dam risk"), "The dam broke."), None);
    }

    // --- removed lines ---------------------------------------------------------------------

    fn removed(items: &[(&str, RemovalReason)]) -> Vec<Removed> {
        items.iter().map(|(text, reason)| Removed { text: text.to_string(), reason: *reason }).collect()
    }

    #[test]
    fn removed_title_byline_date() {
        let meta = from_removed(&removed(&[
            ("The dam opens", RemovalReason::Title),
            ("Another title", RemovalReason::Title),
            ("by Ada Byron on 30 Dec 2016 4 Comments", RemovalReason::Byline),
        ]));
        assert_eq!(meta.title.as_deref(), Some("The dam opens"));
        assert_eq!(meta.authors, ["Ada Byron"]);
        assert_eq!(iso(meta.published).as_deref(), Some("2016-12-30"));
    }

    #[test]
    fn removed_byline_shapes() {
        let read = |line: &str| {
            let meta = from_removed(&removed(&[(line, RemovalReason::Byline)]));
            (meta.authors, iso(meta.published))
        };
        assert_eq!(read("NEWS front December 17, 2016 0"), (vec![], Some("2016-12-17".into())));
        assert_eq!(read("December 17, 2016"), (vec![], Some("2016-12-17".into())));
        assert_eq!(read("Ada Byron"), (vec!["Ada Byron".to_string()], None));
        assert_eq!(read("Ada Byron 17.12.2016"), (vec!["Ada Byron".to_string()], Some("2016-12-17".into())));
        assert_eq!(read("in World, Politics"), (vec![], None));
        assert_eq!(read("Ada Byron, Senior Fellow"), (vec!["Ada Byron".to_string()], None));
        assert_eq!(read("By Ada Byron, Tom Lark"), (vec!["Ada Byron".to_string(), "Tom Lark".to_string()], None));
    }

    #[test]
    fn tag_lines_name_the_outlet() {
        let outlet = |line: &str| from_removed(&removed(&[(line, RemovalReason::Byline)])).outlet;
        assert_eq!(outlet("The Daily Lantern | Local news | 3 May 2019").as_deref(), Some("The Daily Lantern"));
        assert_eq!(outlet("Opinion | World | The Gazette").as_deref(), Some("The Gazette"));
        assert_eq!(outlet("Valley Post | Politics | 11 March 2025").as_deref(), Some("Valley Post"));
        assert_eq!(outlet("Opinion | World | Politics"), None);
        assert_eq!(outlet("World News | Europe"), None);
    }

    #[test]
    fn removed_disclaimer_and_subscribe() {
        let meta = from_removed(&removed(&[
            ("The opinions expressed in this column are solely those of the author.", RemovalReason::Disclaimer),
            ("Become a Valley Post subscriber", RemovalReason::Subscribe),
        ]));
        assert_eq!(meta.genre, Some(Genre::Opinion));
        assert_eq!(meta.outlet.as_deref(), Some("Valley Post"));
        for prompt in ["Become a premium subscriber", "Become a member today", "Subscribe to our newsletter"] {
            assert_eq!(from_removed(&removed(&[(prompt, RemovalReason::Subscribe)])).outlet, None, "{prompt}");
        }
        let other = from_removed(&removed(&[("Read the rest at The Daily Lantern.", RemovalReason::Continuation)]));
        assert_eq!(other, Metadata::default());
    }

    #[test]
    fn or_fills_missing_fields() {
        let html = Metadata { title: Some("A".into()), ..Metadata::default() };
        let text = Metadata { title: Some("B".into()), authors: vec!["C".into()], ..Metadata::default() };
        let both = html.or(text);
        assert_eq!(both.title.as_deref(), Some("A"));
        assert_eq!(both.authors, ["C"]);
    }
}
