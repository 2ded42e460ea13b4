//! Bytes to text: byte-order marks, declared charsets, UTF-8, then a statistical guess.

use encoding_rs::Encoding;

/// Decodes bytes to text and names the encoding used.
///
/// Order: a byte-order mark; valid UTF-8; the charset an HTML page declares; a guess by
/// `chardetng` (which handles undeclared legacy encodings such as windows-1252 or KOI8-R).
/// Invalid sequences become U+FFFD rather than failing: a damaged page still has readable text.
pub fn decode(bytes: &[u8], is_html: bool) -> (String, &'static str) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), encoding.name());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), "UTF-8");
    }
    let declared = if is_html { declared_charset(bytes) } else { None };
    let encoding = declared.unwrap_or_else(|| {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, chardetng::Utf8Detection::Allow)
    });
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), encoding.name())
}

/// The charset an HTML page declares in its first 2 KiB (`<meta charset>` or `http-equiv`).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    let encoding = Encoding::for_label(label.as_bytes())?;
    // A page cannot really be in UTF-16 if its declaration was readable as ASCII.
    (encoding != encoding_rs::UTF_16LE && encoding != encoding_rs::UTF_16BE).then_some(encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_encodings() {
        let html = b"<html><head><meta charset=\"windows-1252\"></head><body>\x93Caf\xe9\x94</body></html>";
        let (text, name) = decode(html, true);
        assert!(text.contains("\u{201c}Café\u{201d}"), "{text}");
        assert_eq!(name, "windows-1252");
        let (text, _) = decode("plain “utf-8”".as_bytes(), false);
        assert_eq!(text, "plain “utf-8”");
        let (text, _) = decode(b"\xff\xfeh\0i\0", false);
        assert_eq!(text, "hi");
        // Undeclared Latin-1 text with typical French words.
        let (text, _) = decode(b"Le gouvernement a d\xe9clar\xe9 que la r\xe9forme \xe9tait n\xe9cessaire.", false);
        assert!(text.contains("déclaré"), "{text}");
    }
}
