//! Word tokens for the entity tagger, cut the way CoNLL-2003 cuts them: punctuation apart,
//! `'s` and `n't` apart, abbreviations (`U.S.`, `Gen.`) and hyphenated words (`ez-Zor`) whole.

use crate::Span;

/// Words that keep their final period (besides single letters and dotted initialisms).
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Pvt", "Adm",
    "Cmdr", "Brig", "Gov", "Sen", "Rep", "Rev", "St", "Jr", "Sr", "Co", "Corp", "Inc", "Ltd",
    "Bros", "Mt", "Ft", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "vs", "etc", "Pres", "Supt", "Det", "Insp", "Hon", "Amb", "Gens", "Messrs",
];

/// The form features see: typographic quotes and dashes as CoNLL writes them (`"`, `'`, `-`),
/// and title abbreviations with their period (`Mr` → `Mr.`).
pub fn conll_form(token: &str) -> std::borrow::Cow<'_, str> {
    match token {
        "“" | "”" | "„" | "«" | "»" | "″" | "‟" => "\"".into(),
        "‘" | "’" | "‚" | "′" | "‛" | "`" => "'".into(),
        "–" | "—" | "‒" | "―" => "-".into(),
        "…" => "...".into(),
        "Mr" | "Mrs" | "Ms" | "Dr" | "Gen" | "Lt" | "Col" | "Prof" | "Sgt" | "Capt" | "Maj" | "St" | "Jr" => format!("{token}.").into(),
        _ if token.contains(['’', '‘']) => token.replace(['’', '‘'], "'").into(),
        _ => token.into(),
    }
}

/// Cuts `text[span]` into tokens (byte spans over `text`).
pub fn tokenize(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let base = span.start();
    let piece = span.of(text);
    let mut start: Option<usize> = None;
    for (i, c) in piece.char_indices() {
        if c.is_whitespace() || c == '—' {
            if let Some(s) = start.take() {
                split_word(text, base + s, base + i, &mut out);
            }
            // An em dash between words ("coalition—the army") is a token of its own.
            if c == '—' {
                out.push(Span::new(text, base + i, base + i + c.len_utf8()).expect("char boundaries"));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        split_word(text, base + s, base + piece.len(), &mut out);
    }
    out
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric()
}

/// Splits one whitespace-delimited word into tokens.
fn split_word(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Span>) {
    let push = |out: &mut Vec<Span>, s: usize, e: usize| {
        if s < e {
            out.push(Span::new(text, s, e).expect("char boundaries"));
        }
    };
    // Leading punctuation, one character at a time ("(", "“", "$", "\"").
    while start < end {
        let c = text[start..end].chars().next().expect("non-empty");
        // a sign or decimal point before digits stays with them: "-5", ".001"
        if is_punct(c) && !(matches!(c, '-' | '.') && text[start..end].len() > 1 && text[start + 1..end].starts_with(|d: char| d.is_ascii_digit())) {
            push(out, start, start + c.len_utf8());
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, kept in order.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    while start < end {
        let c = text[start..end].chars().next_back().expect("non-empty");
        if !is_punct(c) {
            break;
        }
        if c == '.' && keeps_period(&text[start..end - 1]) {
            break;
        }
        tail.push((end - c.len_utf8(), end));
        end -= c.len_utf8();
    }
    if start < end {
        let word = &text[start..end];
        // Clitics: "Russia's" → "Russia" "'s"; "don't" → "do" "n't".
        let lower_tail = |n: usize| word.len() > n && word.is_char_boundary(word.len() - n);
        let cut = if lower_tail(2) && (word.ends_with("'s") || word.ends_with("'S")) {
            Some(end - 2)
        } else if lower_tail(4) && word.ends_with("’s") {
            Some(end - 4)
        } else if lower_tail(3) && word.ends_with("n't") {
            Some(end - 3)
        } else {
            None
        };
        match cut {
            Some(c) => {
                push(out, start, c);
                push(out, c, end);
            }
            None => push(out, start, end),
        }
    }
    for &(s, e) in tail.iter().rev() {
        push(out, s, e);
    }
}

/// Whether a word followed by "." keeps the period: "U.S.", "Gen.", "J.".
fn keeps_period(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next().expect("non-empty");
    if chars.next().is_none() {
        return first.is_alphabetic();
    }
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    // Dotted initialisms: U.S, U.N, a.m, Ph.D.
    word.contains('.') && word.split('.').all(|p| !p.is_empty() && p.chars().count() <= 3 && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(text, 0, text.len()).unwrap()).iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn cuts_like_conll() {
        assert_eq!(toks("Lt. Gen. Stephen Townsend said (SDF) fighters"), ["Lt.", "Gen.", "Stephen", "Townsend", "said", "(", "SDF", ")", "fighters"]);
        assert_eq!(toks("the U.S. military's \"plan\"."), ["the", "U.S.", "military", "'s", "\"", "plan", "\"", "."]);
        assert_eq!(toks("Deir ez-Zor, 5,000-strong on 1996-08-22."), ["Deir", "ez-Zor", ",", "5,000-strong", "on", "1996-08-22", "."]);
        assert_eq!(toks("Russia’s “ally” didn't"), ["Russia", "’s", "“", "ally", "”", "did", "n't"]);
        assert_eq!(toks("the coalition—its army—held"), ["the", "coalition", "—", "its", "army", "—", "held"]);
        assert_eq!(toks("in Palmyra."), ["in", "Palmyra", "."]);
        assert_eq!(toks("-5 degrees"), ["-5", "degrees"]);
        assert_eq!(toks("to .001 per cent."), ["to", ".001", "per", "cent", "."]);
        assert_eq!(toks("...!?"), [".", ".", ".", "!", "?"]);
    }

    #[test]
    fn spans_point_into_the_text_and_skip_only_spaces() {
        let text = "  «Хорошо», said Ivanov — 3 times\u{a0}over. ";
        let spans = tokenize(text, Span::new(text, 0, text.len()).unwrap());
        let joined: String = spans.iter().map(|s| s.of(text)).collect();
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined, squeezed);
        assert!(spans.windows(2).all(|w| w[0].end() <= w[1].start()));
    }
}
