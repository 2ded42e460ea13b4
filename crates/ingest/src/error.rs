use std::fmt;

/// A source that could not be turned into documents: which one, and what went wrong.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}: {problem}")]
pub struct IngestError {
    /// The path, URL or `-` (stdin), with `#L<n>` for a line of a JSON Lines file.
    pub source_name: String,
    pub problem: Problem,
}

impl IngestError {
    pub fn new(source_name: impl Into<String>, problem: Problem) -> IngestError {
        IngestError { source_name: source_name.into(), problem }
    }
}

/// What was wrong with a source. Each message is one line and says what to do where it can.
#[derive(Debug)]
pub enum Problem {
    Io(std::io::Error),
    Empty,
    /// Only whitespace, or nothing left once markup and boilerplate are removed.
    NoText,
    Binary(&'static str),
    TooLarge { limit: u64 },
    TruncatedGzip,
    BadGzip(String),
    Json(String),
    Http(String),
    UrlsDisabled,
    Unsupported(String),
    TooDeep { limit: usize },
    /// A later stage failed on this document (a bug in corroborate, caught so the batch goes on).
    Internal(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Io(e) => write!(f, "cannot read: {e}"),
            Problem::Empty => write!(f, "empty file"),
            Problem::NoText => write!(f, "no article text found"),
            Problem::Binary(kind) => write!(f, "binary data ({kind}), not a text, HTML or JSON Lines document"),
            Problem::TooLarge { limit } => {
                write!(f, "larger than the {} MiB limit (raise it with --max-input-mb)", limit / (1024 * 1024))
            }
            Problem::TruncatedGzip => write!(f, "truncated gzip data (the file ends before the compressed stream does)"),
            Problem::BadGzip(e) => write!(f, "corrupt gzip data: {e}"),
            Problem::Json(e) => write!(f, "invalid JSON Lines record: {e}"),
            Problem::Http(e) => write!(f, "{e}"),
            Problem::UrlsDisabled => write!(f, "this build cannot fetch URLs (built without the `http` feature)"),
            Problem::Unsupported(e) => write!(f, "{e}"),
            Problem::Internal(e) => write!(f, "internal error while analysing this document, skipped (a bug: please report it with this file): {e}"),
            Problem::TooDeep { limit } => write!(f, "HTML nested more than {limit} elements deep: malformed or hostile markup, not read"),
        }
    }
}
