//! Main text from an HTML page.
//!
//! Built on `dom_smoothie` (a faithful Readability.js port; see the module `README` section in
//! ARCHITECTURE.md for the evaluation that chose it), with the page's metadata read first from
//! the same parsed DOM and the page's other text blocks listed as removed boilerplate.

use crate::document::{RemovalReason, Removed};
use crate::metadata::{self, Metadata};
use dom_smoothie::{Config, Readability, TextMode};

/// What an HTML page yields.
#[derive(Debug, Default)]
pub struct Page {
    /// The article body, one paragraph a line.
    pub text: String,
    /// Text blocks of the page that are not in the body.
    pub removed: Vec<Removed>,
    pub metadata: Metadata,
}

/// Extracts the article body and metadata of an HTML page.
pub fn extract(html: &str, url: Option<&str>) -> Page {
    let dom = dom_query::Document::from(html);
    let mut meta = metadata::from_html(&dom);
    let blocks = text_blocks(&dom);
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let article = Readability::with_document(dom, url, Some(config)).and_then(|mut r| r.parse());
    let text = match article {
        Ok(article) => {
            if meta.title.is_none() && !article.title.trim().is_empty() {
                meta.title = Some(article.title.trim().to_string());
            }
            normalise_lines(&article.text_content)
        }
        Err(_) => String::new(),
    };
    let text = if text.trim().is_empty() { blocks.join("\n") } else { text };
    let removed = blocks
        .into_iter()
        .filter(|block| !text.contains(block.as_str()))
        .map(|text| Removed { text, reason: RemovalReason::Boilerplate })
        .collect();
    Page { text, removed, metadata: meta }
}

/// Trims lines and collapses whitespace runs inside them; drops empty lines.
fn normalise_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        for (i, word) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// The visible text of the page's leaf blocks, whitespace-collapsed, in document order.
fn text_blocks(dom: &dom_query::Document) -> Vec<String> {
    let mut blocks = Vec::new();
    for node in dom.select("body p, body li, body h1, body h2, body h3, body h4, body figcaption, body blockquote, body td, body dd").nodes() {
        let text = node.text();
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !collapsed.is_empty() {
            blocks.push(collapsed);
        }
    }
    blocks.dedup();
    blocks
}

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
        let page = extract(&html, None);
        assert!(page.text.contains("Members argued for three hours"), "{}", page.text);
        assert!(!page.text.contains("Copyright Example Media"));
        assert!(page.removed.iter().any(|r| r.text == "Copyright Example Media"));
        assert_eq!(page.metadata.title.as_deref().or(Some("Budget vote")), Some("Budget vote"));
    }
}
