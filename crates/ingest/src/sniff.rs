//! What a source's bytes are, judged by content, not by file name.

use crate::error::Problem;

/// The formats a source can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Text,
    /// One JSON object per line (url, title, text or html, date, outlet).
    JsonLines,
    /// gzip-compressed; the content is sniffed again after decompression.
    Gzip,
}

/// Magic numbers of common binary formats, for a precise error message.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"SQLite format 3", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
];

/// Judges the format of a source from its first bytes.
///
/// ```
/// use corroborate_ingest::{sniff, Format};
/// assert_eq!(sniff(b"<!DOCTYPE html><p>Hi</p>").unwrap(), Format::Html);
/// assert_eq!(sniff(b"Plain words.\n").unwrap(), Format::Text);
/// assert_eq!(sniff(b"{\"text\": \"x\"}\n").unwrap(), Format::JsonLines);
/// assert!(sniff(b"\x89PNG\r\n\x1a\n\0\0").is_err());
/// ```
pub fn sniff(bytes: &[u8]) -> Result<Format, Problem> {
    if bytes.is_empty() {
        return Err(Problem::Empty);
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(Format::Gzip);
    }
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(Problem::Binary(kind));
    }
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    let head = &bytes[..bytes.len().min(8192)];
    if !utf16 {
        if head.contains(&0) {
            return Err(Problem::Binary("contains NUL bytes"));
        }
        let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)).count();
        if controls * 20 > head.len() {
            return Err(Problem::Binary("mostly control characters"));
        }
    }
    if utf16 {
        // Rare for news; decode first and judge the text.
        let (text, _, _) = encoding_rs::UTF_16LE.decode(bytes);
        return Ok(sniff_text(text.as_bytes()));
    }
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    if head.starts_with(b"WARC/") {
        return Err(Problem::Unsupported("WARC archives are not read yet (planned)".into()));
    }
    Ok(sniff_text(head))
}

fn sniff_text(head: &[u8]) -> Format {
    let trimmed = head.trim_ascii_start();
    if trimmed.starts_with(b"{") {
        let first_line = trimmed.split(|&b| b == b'\n').next().unwrap_or(trimmed);
        if first_line.trim_ascii_end().ends_with(b"}") || serde_json::from_slice::<serde_json::Value>(first_line).is_ok() {
            return Format::JsonLines;
        }
    }
    let lower = trimmed[..trimmed.len().min(4096)].to_ascii_lowercase();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || has(b"<html")
        || has(b"<head")
        || has(b"<body")
        || (lower.starts_with(b"<") && (has(b"<p>") || has(b"<p ") || has(b"<div") || has(b"<article") || has(b"<meta")))
    {
        return Format::Html;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_content() {
        assert_eq!(sniff(b"  \n<html><body>x</body></html>").unwrap(), Format::Html);
        assert_eq!(sniff(b"<div class=a><p>text</p></div>").unwrap(), Format::Html);
        assert_eq!(sniff(b"\xef\xbb\xbfHello there.").unwrap(), Format::Text);
        assert_eq!(sniff(b"The <b> tag in prose is still text.").unwrap(), Format::Text);
        assert_eq!(sniff(b"\x1f\x8b\x08\x00").unwrap(), Format::Gzip);
        assert!(matches!(sniff(b""), Err(Problem::Empty)));
        assert!(matches!(sniff(b"%PDF-1.7 ..."), Err(Problem::Binary("PDF document"))));
        assert!(matches!(sniff(b"abc\0def"), Err(Problem::Binary(_))));
        assert!(matches!(sniff(&[1u8, 2, 3, 4, 5, 6, 7, 8]), Err(Problem::Binary(_))));
    }
}

/// Deepest element nesting that HTML pages may have. Real pages stay far below it (a few
/// dozen to a couple of hundred); hostile ones nest thousands deep to make tree walks slow.
pub const MAX_HTML_DEPTH: usize = 1024;

/// Elements that never hold children, or whose end tags pages routinely omit.
const NO_DEPTH: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "p", "li", "dt", "dd", "option", "tr", "td", "th", "!doctype",
];

/// The deepest element nesting in an HTML text, estimated by a linear scan of its tags
/// (comments and the contents of `<script>`/`<style>` skipped; void and auto-closing
/// elements not counted). Stops counting once `limit` is passed.
pub fn html_depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut i, mut depth, mut max) = (0usize, 0usize, 0usize);
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        i += offset + 1;
        if bytes[i..].starts_with(b"!--") {
            i = html[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'!').count();
        if name_len == 0 {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = bytes[i..].iter().position(|&b| b == b'>').map_or(bytes.len(), |e| i + e);
        let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        i = tag_end.min(bytes.len());
        if NO_DEPTH.contains(&name.as_str()) || self_closing {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if name == "script" || name == "style" {
            let close = format!("</{name}");
            let lower_rest = &bytes[i..];
            i += lower_rest.windows(close.len()).position(|w| w.eq_ignore_ascii_case(close.as_bytes())).unwrap_or(lower_rest.len());
        } else {
            depth += 1;
            max = max.max(depth);
            if max > limit {
                return max;
            }
        }
    }
    max
}

#[cfg(test)]
mod depth_tests {
    use super::*;

    #[test]
    fn depth_counts_open_containers_only() {
        assert_eq!(html_depth("<html><body><div><p>a<p>b<br><img src=x></div></body></html>", 100), 3);
        assert_eq!(html_depth("<div><!-- <div><div> --><script>if (a<b) { '<div>' }</script></div>", 100), 1);
        assert_eq!(html_depth(&"<div>".repeat(5000), 1024), 1025);
        // An unterminated tag runs to the end of the text.
        assert_eq!(html_depth("<a <b", 10), 1);
    }
}
