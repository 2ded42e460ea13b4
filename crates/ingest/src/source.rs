//! Where documents come from: files, directories, stdin and http(s) URLs.

use crate::error::{IngestError, Problem};
use crate::pipeline::Options;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One thing to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Url(String),
    Stdin,
}

/// An input with the name used for it in output and error messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub input: Input,
}

/// File names that describe a folder rather than report news; skipped inside directories
/// (still read when named on the command line).
const NOT_DOCUMENTS: &[&str] = &["readme", "license", "licence", "copying", "provenance", "changelog", "notice"];

/// Expands command-line inputs: `-` is stdin, `http(s)://…` a URL, a directory every file
/// below it (sorted, hidden entries and README/LICENSE-like files skipped), a path a file.
///
/// Problems found while walking (a missing path, an unreadable folder) come back as errors
/// beside the sources that were found, so the batch can go on.
pub fn expand_inputs(args: &[String]) -> (Vec<Source>, Vec<IngestError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        if arg == "-" {
            sources.push(Source { name: "-".into(), input: Input::Stdin });
        } else if is_url(arg) {
            sources.push(Source { name: arg.clone(), input: Input::Url(arg.clone()) });
        } else {
            let path = Path::new(arg);
            match fs::metadata(path) {
                Ok(meta) if meta.is_dir() => walk(path, &mut sources, &mut errors),
                Ok(_) => sources.push(file_source(path)),
                Err(e) => errors.push(IngestError::new(arg.clone(), Problem::Io(e))),
            }
        }
    }
    (sources, errors)
}

fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn file_source(path: &Path) -> Source {
    Source { name: path.display().to_string(), input: Input::File(path.to_path_buf()) }
}

fn walk(dir: &Path, sources: &mut Vec<Source>, errors: &mut Vec<IngestError>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return errors.push(IngestError::new(dir.display().to_string(), Problem::Io(e))),
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(e) => errors.push(IngestError::new(dir.display().to_string(), Problem::Io(e))),
        }
    }
    paths.sort();
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        // symlink_metadata: a link loop or a dangling link is reported, never followed forever.
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, sources, errors),
            Ok(meta) if meta.file_type().is_symlink() => match fs::metadata(&path) {
                Ok(target) if target.is_file() => sources.push(file_source(&path)),
                Ok(_) => {} // links to folders are not followed: no cycles
                Err(e) => errors.push(IngestError::new(path.display().to_string(), Problem::Io(e))),
            },
            Ok(_) => {
                let stem = name.split('.').next().unwrap_or("");
                if !NOT_DOCUMENTS.contains(&stem) {
                    sources.push(file_source(&path));
                }
            }
            Err(e) => errors.push(IngestError::new(path.display().to_string(), Problem::Io(e))),
        }
    }
}

/// Reads a source's bytes, refusing more than `options.max_bytes`.
pub fn read_source(source: &Source, options: &Options) -> Result<Vec<u8>, IngestError> {
    let fail = |problem| IngestError::new(source.name.clone(), problem);
    match &source.input {
        Input::File(path) => {
            let meta = fs::metadata(path).map_err(|e| fail(Problem::Io(e)))?;
            if !meta.is_file() {
                return Err(fail(Problem::Unsupported("not a regular file".into())));
            }
            if meta.len() > options.max_bytes {
                return Err(fail(Problem::TooLarge { limit: options.max_bytes }));
            }
            let file = fs::File::open(path).map_err(|e| fail(Problem::Io(e)))?;
            read_capped(file, options.max_bytes).map_err(fail)
        }
        Input::Stdin => read_capped(std::io::stdin().lock(), options.max_bytes).map_err(fail),
        Input::Url(url) => fetch(url, options).map_err(fail),
    }
}

/// Reads at most `max` bytes; more is an error, never a silent cut.
pub(crate) fn read_capped(reader: impl Read, max: u64) -> Result<Vec<u8>, Problem> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(Problem::Io)?;
    if bytes.len() as u64 > max {
        return Err(Problem::TooLarge { limit: max });
    }
    Ok(bytes)
}

#[cfg(feature = "http")]
fn fetch(url: &str, options: &Options) -> Result<Vec<u8>, Problem> {
    use std::time::Duration;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(options.http_timeout_secs)))
        .timeout_connect(Some(Duration::from_secs(options.http_timeout_secs.min(10))))
        .max_redirects(options.max_redirects)
        .user_agent(concat!("corroborate/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let response = agent.get(url).call().map_err(|e| Problem::Http(http_problem(e)))?;
    let body = response.into_body();
    read_capped(body.into_reader(), options.max_bytes).map_err(|p| match p {
        Problem::Io(e) => Problem::Http(format!("connection failed while reading the body: {e}")),
        other => other,
    })
}

#[cfg(feature = "http")]
fn http_problem(error: ureq::Error) -> String {
    match error {
        ureq::Error::StatusCode(code) => format!("the server answered HTTP {code}"),
        ureq::Error::Timeout(what) => format!("timed out ({what})"),
        ureq::Error::TooManyRedirects => "too many redirects".into(),
        ureq::Error::HostNotFound => "host not found".into(),
        ureq::Error::Io(e) => format!("connection failed: {e}"),
        other => format!("fetch failed: {other}"),
    }
}

#[cfg(not(feature = "http"))]
fn fetch(_url: &str, _limits: &Options) -> Result<Vec<u8>, Problem> {
    Err(Problem::UrlsDisabled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_reads_refuse_oversize_input() {
        assert_eq!(read_capped(&b"abcd"[..], 4).unwrap(), b"abcd");
        assert!(matches!(read_capped(&b"abcde"[..], 4), Err(Problem::TooLarge { limit: 4 })));
    }

    #[test]
    fn inputs_are_classified() {
        let (sources, errors) = expand_inputs(&["-".into(), "HTTPS://example.org/a".into(), "/no/such/path".into()]);
        assert_eq!(sources[0].input, Input::Stdin);
        assert!(matches!(sources[1].input, Input::Url(_)));
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().starts_with("/no/such/path: cannot read"));
    }
}
