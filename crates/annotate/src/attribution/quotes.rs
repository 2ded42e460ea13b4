//! Quotation marks: finds the quoted stretches of a text in one linear pass.
//!
//! Real pages mix every style — straight and curly, double and single, «guillemets», quotes
//! that run over several paragraphs (each re-opened, the last closed), quotes never closed,
//! stray marks, apostrophes that look like closing single quotes. No library covers this
//! for stand-off spans, so the pass is ours: a small state machine per nesting level that
//! judges each mark by the characters on either side of it.

use crate::Span;

/// One quoted stretch, marks included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    /// From the opening mark to the closing mark (both included), or to the end of the line
    /// when the quote never closes.
    pub span: Span,
    /// Single quotes (`‘…’`, `'…'`) rather than double ones.
    pub single: bool,
    /// Inside another quote.
    pub nested: bool,
    /// No closing mark before the paragraph ended (and the next did not re-open).
    pub unclosed: bool,
    /// Runs over more than one paragraph.
    pub multi_paragraph: bool,
}

/// The longest single-quoted stretch kept: longer ones are apostrophes mistaken for quotes.
const MAX_SINGLE: usize = 400;

fn is_open_context(p: Option<char>) -> bool {
    match p {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/“\"‘'«:".contains(c),
    }
}

/// Finds every quoted stretch of `text`, in order of their opening marks.
///
/// ```
/// use corroborate_annotate::attribution::quotes::find_marked;
/// let text = "He said “we held it” and left.";
/// let q = find_marked(text);
/// assert_eq!(q[0].span.of(text), "“we held it”");
/// ```
pub fn find_marked(text: &str) -> Vec<Marked> {
    let mut out = Vec::new();
    // Open double quote: (start byte, multi-paragraph so far).
    let mut double: Option<(usize, bool)> = None;
    let mut single: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, mut c) = chars[k];
        let p = if k > 0 { Some(chars[k - 1].1) } else { None };
        // Two apostrophes in a row ('') are one double quotation mark, as some archives
        // write it ("''It is over,'' she said."): read them as one straight double mark.
        let doubled = c == '\'' && chars.get(k + 1).is_some_and(|&(_, d)| d == '\'');
        let width = if doubled { 2 } else { 1 };
        if doubled {
            c = '"';
        }
        let n = chars.get(k + width).map(|&(_, c)| c);
        let after = i + if doubled { 2 } else { c.len_utf8() };
        let n_word = n.is_some_and(|n| n.is_alphanumeric());
        let n_space = n.is_none_or(|n| n.is_whitespace());
        match c {
            '\n' => {
                single = None;
                if let Some((start, _)) = double {
                    // Next paragraph: does it re-open the quote?
                    let mut j = k + 1;
                    while j < chars.len() && chars[j].1.is_whitespace() {
                        j += 1;
                    }
                    let reopens_doubled = chars[j..].len() >= 2 && chars[j].1 == '\'' && chars[j + 1].1 == '\'';
                    if j < chars.len() && (matches!(chars[j].1, '“' | '"' | '«' | '„') || reopens_doubled) {
                        double = Some((start, true));
                        k = j + if reopens_doubled { 2 } else { 1 };
                        continue;
                    }
                    let end = text[..i].trim_end().len().max(start);
                    push(
                        text,
                        &mut out,
                        start,
                        end,
                        false,
                        false,
                        true,
                        double.is_some_and(|d| d.1),
                    );
                    double = None;
                }
            }
            '“' | '«' | '„' => {
                if double.is_some() && !is_open_context(p) {
                    // A curly opening mark used to close ("word“").
                    let (start, multi) = double.take().expect("open");
                    push(text, &mut out, start, after, false, false, false, multi);
                } else {
                    // A second opening mark after a space: the first was stray.
                    double = Some((i, false));
                    single = None;
                }
            }
            '”' | '»' => {
                if let Some((start, multi)) = double.take() {
                    if let Some(s) = single.take() {
                        // An unclosed nested single quote ends with its parent.
                        let _ = s;
                    }
                    push(text, &mut out, start, after, false, false, false, multi);
                } else if is_open_context(p) && n_word {
                    double = Some((i, false));
                }
            }
            '"' => match double {
                Some((start, multi)) => {
                    if p.is_some_and(char::is_whitespace)
                        && !n_space
                        && !n.is_some_and(|n| ".,;:!?)".contains(n))
                    {
                        // Looks like an opening mark: the earlier one was stray.
                        double = Some((i, false));
                    } else {
                        push(text, &mut out, start, after, false, false, false, multi);
                        double = None;
                    }
                    single = None;
                }
                None => {
                    if !n_space {
                        double = Some((i, false));
                    }
                }
            },
            '‘' => {
                if is_open_context(p) {
                    single = Some(i);
                }
            }
            '’' | '\'' => {
                let closing = p.is_some_and(|p| !p.is_whitespace()) && !n_word;
                match single {
                    Some(start) if closing => {
                        single = None;
                        if after - start <= MAX_SINGLE {
                            push(
                                text,
                                &mut out,
                                start,
                                after,
                                true,
                                double.is_some(),
                                false,
                                false,
                            );
                        }
                    }
                    None if c == '\'' && is_open_context(p) && n_word => single = Some(i),
                    _ => {}
                }
            }
            _ => {}
        }
        k += width;
    }
    if let Some((start, multi)) = double {
        let end = text.trim_end().len().max(start);
        push(text, &mut out, start, end, false, false, true, multi);
    }
    out.sort_by_key(|m| (m.span.start(), std::cmp::Reverse(m.span.end())));
    out
}

#[allow(clippy::too_many_arguments)]
fn push(
    text: &str,
    out: &mut Vec<Marked>,
    start: usize,
    end: usize,
    single: bool,
    nested: bool,
    unclosed: bool,
    multi_paragraph: bool,
) {
    // A quote must hold at least one letter or digit.
    if end <= start || !text[start..end].chars().any(char::is_alphanumeric) {
        return;
    }
    if let Some(span) = Span::new(text, start, end) {
        out.push(Marked {
            span,
            single,
            nested,
            unclosed,
            multi_paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find_marked(text).iter().map(|m| m.span.of(text)).collect()
    }

    #[test]
    fn every_style() {
        assert_eq!(found("a “curly” b"), ["“curly”"]);
        assert_eq!(found("a \"straight\" b"), ["\"straight\""]);
        assert_eq!(found("a «guillemets» b"), ["«guillemets»"]);
        assert_eq!(found("the ‘regrouping’ was"), ["‘regrouping’"]);
        assert_eq!(found("the 'corridor' was"), ["'corridor'"]);
    }

    #[test]
    fn two_apostrophes_are_a_double_mark() {
        let text = "''We will build it,'' the mayor said of the ''new'' bridge.";
        assert_eq!(found(text), ["''We will build it,''", "''new''"]);
        assert!(find_marked(text).iter().all(|m| !m.single));
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(found("Iraq’s army and the soldiers’ soldier don’t").is_empty());
        assert!(found("Russia's view and it's fine").is_empty());
    }

    #[test]
    fn nested_quotes() {
        let q = find_marked("“He said ‘go home,’ then left,” she said.");
        assert_eq!(q.len(), 2);
        assert!(q[1].nested && q[1].single);
    }

    #[test]
    fn quote_over_two_paragraphs() {
        let text = "\"For a year we warned them.\n\n\"He should resign,\" she said.";
        let q = find_marked(text);
        assert_eq!(q.len(), 1);
        assert!(q[0].multi_paragraph);
        assert_eq!(q[0].span.of(text), text.strip_suffix(" she said.").unwrap());
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let text = "He said “never closed.\n\nNext paragraph.";
        let q = find_marked(text);
        assert_eq!(q.len(), 1);
        assert!(q[0].unclosed);
        assert_eq!(q[0].span.of(text), "“never closed.");
    }

    #[test]
    fn stray_mark_gives_way_to_the_next_opening() {
        // "“break’" never closes; the next “…” is found whole.
        assert_eq!(
            found("a “break’, then “the real one” here"),
            ["“the real one”"]
        );
    }
}
