//! Bytes of one source to its documents.

use crate::clean::clean_text;
use crate::decode::decode;
use crate::document::{DocId, Document, Genre, RemovalReason, Removed};
use crate::error::{IngestError, Problem};
use crate::html::{self, Extractor};
use crate::jsonl;
use crate::metadata::{self, host_of, Metadata};
use crate::sniff::{html_depth, sniff, Format, MAX_HTML_DEPTH};
use crate::source::read_capped;

/// How sources are read: bounds on what one source may cost, and the HTML extractor.
#[derive(Clone, Debug)]
pub struct Options {
    /// Largest source, and largest decompressed gzip content, in bytes.
    pub max_bytes: u64,
    pub http_timeout_secs: u64,
    pub max_redirects: u32,
    pub extractor: Extractor,
}

impl Default for Options {
    fn default() -> Options {
        Options { max_bytes: 64 * 1024 * 1024, http_timeout_secs: 30, max_redirects: 5, extractor: Extractor::default() }
    }
}

/// Turns the bytes of one source into documents: one for a page or a text, one per line for
/// JSON Lines. Each failure names the source (and line) and the problem.
pub fn documents_from_bytes(name: &str, bytes: &[u8], options: &Options) -> Vec<Result<Document, IngestError>> {
    let fail = |problem| vec![Err(IngestError::new(name, problem))];
    let format = match sniff(bytes) {
        Ok(format) => format,
        Err(problem) => return fail(problem),
    };
    match format {
        Format::Gzip => match gunzip(bytes, options.max_bytes) {
            Ok(inner) if sniff(&inner).is_ok_and(|f| f == Format::Gzip) => {
                fail(Problem::Unsupported("nested gzip is not read".into()))
            }
            Ok(inner) => documents_from_bytes(name, &inner, options),
            Err(problem) => fail(problem),
        },
        Format::Html => {
            let (text, _) = decode(bytes, true);
            vec![from_html(name, &text, Metadata::default(), options.extractor).map_err(|p| IngestError::new(name, p))]
        }
        Format::Text => {
            let (text, _) = decode(bytes, false);
            vec![from_text(name, &text, Metadata::default()).map_err(|p| IngestError::new(name, p))]
        }
        Format::JsonLines => {
            let (text, _) = decode(bytes, false);
            jsonl::records(&text)
                .map(|(line, record)| {
                    let line_name = format!("{name}#L{line}");
                    let record = record.map_err(|e| IngestError::new(&line_name, Problem::Json(e)))?;
                    from_record(&line_name, record, options.extractor).map_err(|p| IngestError::new(&line_name, p))
                })
                .collect()
        }
    }
}

fn from_record(name: &str, record: jsonl::Record, extractor: Extractor) -> Result<Document, Problem> {
    let given = Metadata {
        title: record.title.filter(|t| !t.trim().is_empty()),
        authors: record.authors,
        published: record.date.as_deref().and_then(metadata::parse_date),
        outlet: record.outlet.filter(|o| !o.trim().is_empty()),
        url: record.url,
        ..Metadata::default()
    };
    match (record.html, record.text) {
        (Some(html), _) => from_html(name, &html, given, extractor),
        (None, Some(text)) => from_text(name, &text, given),
        (None, None) => Err(Problem::Json("the record has neither `text` nor `html`".into())),
    }
}

fn gunzip(bytes: &[u8], max: u64) -> Result<Vec<u8>, Problem> {
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    read_capped(decoder, max).map_err(|problem| match problem {
        Problem::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Problem::TruncatedGzip,
        Problem::Io(e) => Problem::BadGzip(e.to_string()),
        other => other,
    })
}

/// `given` is what the caller already knows (from a JSON Lines record); it wins over what the
/// page says about itself.
fn from_html(name: &str, html: &str, given: Metadata, extractor: Extractor) -> Result<Document, Problem> {
    let depth = html_depth(html, MAX_HTML_DEPTH);
    if depth > MAX_HTML_DEPTH {
        return Err(Problem::TooDeep { limit: MAX_HTML_DEPTH });
    }
    let page = html::extract(html, given.url.as_deref(), extractor);
    let title = given.title.clone().or(page.metadata.title.clone());
    let cleaned = clean_text(&page.text, title.as_deref());
    let mut removed = page.removed;
    let from_text = metadata::from_removed(&cleaned.removed);
    removed.extend(cleaned.removed);
    let meta = given.or(page.metadata).or(from_text);
    build(name, cleaned.text, removed, meta)
}

/// One plain text to its document, as a text source is read: cleaned (headline, byline and
/// dateline moved into metadata, leftovers dropped), with `given` (what the caller already knows:
/// a dataset's title, date, outlet, URL) winning over what the text says about itself. For
/// callers that hold text rather than bytes of a source, such as dataset readers.
///
/// ```
/// use corroborate_ingest::{document_from_text, metadata::Metadata};
/// let text = "Ferry sinks off Olvane\n\nMay 3, 2013 at 7:31 AM ET\n\nThe ferry sank on Friday off Olvane, the port authority of the island said.";
/// let doc = document_from_text("ferry", text, Metadata::default()).unwrap();
/// assert_eq!(doc.title.as_deref(), Some("Ferry sinks off Olvane"));
/// assert_eq!(doc.published.unwrap().iso(), "2013-05-03T07:31");
/// assert!(doc.text.starts_with("The ferry sank"));
/// // A headline alone is its own body.
/// let doc = document_from_text("brief", "Ferry sinks off Olvane", Metadata::default()).unwrap();
/// assert_eq!((doc.title.as_deref(), doc.text.as_str()), (Some("Ferry sinks off Olvane"), "Ferry sinks off Olvane"));
/// ```
pub fn document_from_text(name: &str, text: &str, given: Metadata) -> Result<Document, IngestError> {
    from_text(name, text, given).map_err(|p| IngestError::new(name, p))
}

fn from_text(name: &str, text: &str, given: Metadata) -> Result<Document, Problem> {
    let mut cleaned = clean_text(text, given.title.as_deref());
    let meta = given.or(metadata::from_removed(&cleaned.removed));
    if cleaned.text.trim().is_empty() {
        // A text that is only a headline (and its byline or dateline): the headline is all it
        // says, so it is the body too, not "no text".
        let (headline, rest): (Vec<Removed>, Vec<Removed>) =
            cleaned.removed.into_iter().partition(|r| r.reason == RemovalReason::Title);
        cleaned.text = headline.into_iter().map(|r| r.text).collect::<Vec<_>>().join("\n\n");
        cleaned.removed = rest;
    }
    build(name, cleaned.text, cleaned.removed, meta)
}

fn build(name: &str, text: String, removed: Vec<Removed>, meta: Metadata) -> Result<Document, Problem> {
    if text.trim().is_empty() {
        return Err(Problem::NoText);
    }
    let genre = meta
        .genre
        .or_else(|| metadata::genre_from_text(meta.title.as_deref(), &text))
        .unwrap_or(Genre::News);
    let language = detect_language(&text).or(meta.language);
    let outlet = meta.outlet.or_else(|| meta.url.as_deref().and_then(host_of));
    Ok(Document {
        id: DocId::of_text(&text),
        source: name.to_string(),
        url: meta.url,
        outlet,
        title: meta.title,
        authors: meta.authors,
        published: meta.published,
        language,
        genre,
        text,
        removed,
    })
}

/// ISO 639-1 code of the text's language, when whatlang is confident.
fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(4000).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    use whatlang::Lang::*;
    let code = match info.lang() {
        Eng => "en",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Pol => "pl",
        Rus => "ru",
        Ukr => "uk",
        Ara => "ar",
        Tur => "tr",
        Pes => "fa",
        Heb => "he",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Swe => "sv",
        Dan => "da",
        Fin => "fi",
        Ces => "cs",
        Ell => "el",
        Hun => "hu",
        Ron => "ro",
        other => return Some(other.code().to_string()),
    };
    Some(code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(host_of("https://www.Example.org:8080/a/b?c").as_deref(), Some("example.org"));
        assert_eq!(host_of("not a url"), None);
    }

    #[test]
    fn truncated_gzip_is_reported() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all("Some words here. ".repeat(200).as_bytes()).unwrap();
        let gz = enc.finish().unwrap();
        let cut = &gz[..gz.len() / 2];
        let out = documents_from_bytes("a.txt.gz", cut, &Options::default());
        let err = out[0].as_ref().unwrap_err().to_string();
        assert_eq!(err, "a.txt.gz: truncated gzip data (the file ends before the compressed stream does)");
        let ok = documents_from_bytes("a.txt.gz", &gz, &Options::default());
        assert!(ok[0].is_ok());
    }

    #[test]
    fn gzip_bombs_hit_the_limit() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&vec![b'a'; 1 << 20]).unwrap();
        let gz = enc.finish().unwrap();
        let options = Options { max_bytes: 1000, ..Options::default() };
        let out = documents_from_bytes("bomb.gz", &gz, &options);
        assert!(out[0].as_ref().unwrap_err().to_string().contains("limit"));
    }

    #[test]
    fn json_lines_errors_name_the_line() {
        let bytes = b"{\"text\": \"A report of some length about events.\", \"outlet\": \"Wire\", \"date\": \"2025-03-10\"}\n{oops\n";
        let out = documents_from_bytes("f.jsonl", bytes, &Options::default());
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("Wire"));
        assert_eq!(doc.source, "f.jsonl#L1");
        assert!(out[1].as_ref().unwrap_err().to_string().starts_with("f.jsonl#L2: invalid JSON Lines record"));
    }
}
