//! The one way text gets into the page: [`esc`] for every piece of text and attribute value,
//! [`href`] for every link, [`anchor`] for every id.

/// Escapes `& < > " '` (and replaces control characters), for element text and quoted
/// attribute values alike, in HTML and in inline SVG.
///
/// ```
/// # use corroborate_render::report::esc;
/// assert_eq!(esc("<a href='x'>&</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
/// ```
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The escaped value of an `href` for `url`, only for `http:` and `https:` addresses (never
/// `javascript:`, `data:` or a relative path a hostile document could aim anywhere).
pub fn href(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme_end = url.find(':')?;
    let scheme = url[..scheme_end].to_ascii_lowercase();
    let ok = (scheme == "http" || scheme == "https") && url[scheme_end..].starts_with("://") && url.len() > scheme_end + 3;
    (ok && !url.chars().any(|c| c.is_control() || c.is_whitespace())).then(|| esc(url))
}

/// An id safe in an attribute and a fragment: letters, digits, `-` and `_` kept, anything else
/// as `_`.
pub fn anchor(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_markup_character_is_escaped() {
        assert_eq!(esc(r#"<script>alert("x" & 'y')</script>"#), "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
        assert_eq!(esc("a\u{0}b"), "a\u{FFFD}b");
    }

    #[test]
    fn only_http_links_become_hrefs() {
        assert_eq!(href("https://news.example/a?b=1&c=2").as_deref(), Some("https://news.example/a?b=1&amp;c=2"));
        assert_eq!(href(" HTTP://x.example/ ").as_deref(), Some("HTTP://x.example/"));
        for bad in ["javascript:alert(1)", "JavaScript://%0aalert(1)", "data:text/html,x", "/etc/passwd", "https://", "https://a b", "http:x", "vbscript:x"] {
            assert_eq!(href(bad), None, "{bad}");
        }
        assert_eq!(href("https://x.example/\"onmouseover=alert(1)").as_deref(), Some("https://x.example/&quot;onmouseover=alert(1)"));
    }

    #[test]
    fn anchors_keep_only_safe_characters() {
        assert_eq!(anchor("s-1a2b"), "s-1a2b");
        assert_eq!(anchor("x\" onclick=\"y"), "x__onclick__y");
    }
}
