//! JSON Lines: one article a line, `{"url", "title", "text" | "html", "date", "outlet", "authors"}`.

use serde::Deserialize;

/// One article record of a JSON Lines file. Unknown fields are ignored.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Record {
    pub url: Option<String>,
    pub title: Option<String>,
    pub text: Option<String>,
    pub html: Option<String>,
    #[serde(alias = "published", alias = "datePublished")]
    pub date: Option<String>,
    #[serde(alias = "source", alias = "site")]
    pub outlet: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub authors: Vec<String>,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
        Null(()),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
        OneOrMany::Null(()) => vec![],
    })
}

/// Splits JSON Lines text into `(line number, record or error)`, skipping blank lines.
pub(crate) fn records(text: &str) -> impl Iterator<Item = (usize, Result<Record, String>)> + '_ {
    text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()).map(|(i, line)| {
        let record = serde_json::from_str::<Record>(line).map_err(|e| e.to_string()).and_then(|r| {
            if r.text.is_none() && r.html.is_none() {
                Err("the record has neither `text` nor `html`".to_string())
            } else {
                Ok(r)
            }
        });
        (i + 1, record)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_and_errors_by_line() {
        let text = "{\"url\":\"u\",\"text\":\"t\",\"authors\":\"A\"}\n\n{\"title\":\"no body\"}\n{broken\n";
        let got: Vec<_> = records(text).collect();
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].0, 1);
        assert_eq!(got[0].1.as_ref().unwrap().authors, vec!["A"]);
        assert_eq!(got[1].0, 3);
        assert!(got[1].1.as_ref().unwrap_err().contains("neither"));
        assert!(got[2].1.is_err());
    }
}
