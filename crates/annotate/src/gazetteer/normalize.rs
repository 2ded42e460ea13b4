//! Name keys for lookup: one exact key ([`normalize`]) and a looser transliteration key
//! ([`skeleton`]) used only when the exact key finds nothing.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Leading Arabic (and French/English) articles dropped from a name's first word.
const ARTICLES: [&str; 12] = [
    "al", "el", "ad", "ar", "as", "ash", "an", "at", "az", "ath", "adh", "the",
];

/// The exact lookup key of a name: case-folded, diacritics stripped, apostrophes dropped,
/// hyphens and other punctuation turned into single spaces, a leading article removed.
///
/// ```
/// use corroborate_annotate::gazetteer::normalize;
/// assert_eq!(normalize("Ar-Raqqah"), "raqqah");
/// assert_eq!(normalize("Al Qā’im"), "qaim");
/// assert_eq!(normalize("Deir ez-Zor"), "deir ez zor");
/// assert_eq!(normalize("U.S."), "us");
/// ```
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.nfd() {
        if is_combining_mark(c) || is_apostrophe(c) || c == '.' {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            push_folded(&mut out, c);
        } else {
            pending_space = true;
        }
    }
    if let Some((first, rest)) = out.split_once(' ') {
        if ARTICLES.contains(&first) {
            return rest.to_string();
        }
    }
    out
}

/// A looser key for transliteration variants, made from a [`normalize`]d key: spaces removed,
/// `q`→`k`, `e`→`i`, `o`→`u`, `y`→`i` after a vowel or at a word's end, a word-final `h`
/// after `a`/`e` dropped, and doubled letters collapsed. "Qaem" and "Qaim" share `kaim`; "Raqqah" and
/// "Raqqa" share `raka`; "Deir Ezzor" and "Deir ez-Zor" share `dirizur`.
///
/// It joins names that are not the same, so callers use it only after an exact miss.
pub fn skeleton(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    skeleton_into(key, &mut out, &mut Vec::new());
    out
}

/// [`skeleton`] appended to `out`, with `chars` as scratch space: no allocation once the
/// buffers have grown, for building indices over many keys.
pub(crate) fn skeleton_into(key: &str, out: &mut String, chars: &mut Vec<char>) {
    for word in key.split(' ') {
        let word = word
            .strip_suffix('h')
            .filter(|w| w.ends_with(['a', 'e']))
            .unwrap_or(word);
        chars.clear();
        chars.extend(word.chars());
        chars.dedup();
        for (i, &c) in chars.iter().enumerate() {
            let prev_vowel = i > 0 && is_vowel(chars[i - 1]);
            let c = match c {
                'q' => 'k',
                'e' => 'i',
                'o' => 'u',
                'y' if prev_vowel || i + 1 == chars.len() => 'i',
                c => c,
            };
            if !out.ends_with(c) {
                out.push(c);
            }
        }
    }
}

pub(crate) fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | '‘' | 'ʿ' | 'ʾ' | 'ʼ' | 'ʻ' | '`' | '´' | 'ˈ'
    )
}

/// Lower-cases one character, spelling out the Latin letters NFD does not decompose.
fn push_folded(out: &mut String, c: char) {
    match c {
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'þ' | 'Þ' => out.push_str("th"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        'ı' => out.push('i'),
        c => out.extend(c.to_lowercase()),
    }
}

/// Whether a name is written in Latin script (letters, digits, spaces and punctuation only
/// from the Latin blocks); other scripts are left out of the gazetteer.
pub fn is_latin(name: &str) -> bool {
    name.chars().all(|c| {
        c.is_ascii()
            || ('\u{00C0}'..='\u{024F}').contains(&c)
            || ('\u{1E00}'..='\u{1EFF}').contains(&c)
            || is_apostrophe(c)
            || matches!(c, '‐' | '‑' | '–' | '—')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn articles_diacritics_and_punctuation_fold() {
        assert_eq!(normalize("Al-Qaem"), "qaem");
        assert_eq!(normalize("al-Bab"), "bab");
        assert_eq!(normalize("Ḩalab"), "halab");
        assert_eq!(normalize("  São   Paulo "), "sao paulo");
        assert_eq!(normalize("Kraków"), "krakow");
        assert_eq!(normalize("Łódź"), "lodz");
        assert_eq!(normalize("The Duran"), "duran");
        // A lone article is a name, not an article.
        assert_eq!(normalize("Al"), "al");
        // Only a leading article goes.
        assert_eq!(normalize("Deir ez-Zor"), "deir ez zor");
        assert_eq!(normalize("Hay’at Tahrir al-Sham"), "hayat tahrir al sham");
    }

    #[test]
    fn skeleton_joins_transliteration_variants() {
        let sk = |s: &str| skeleton(&normalize(s));
        assert_eq!(sk("Al-Qaem"), sk("Al-Qaim"));
        assert_eq!(sk("Qaim"), sk("Al Qā’im"));
        assert_eq!(sk("Raqqa"), sk("Ar-Raqqah"));
        assert_eq!(sk("Deir Ezzor"), sk("Deir ez-Zor"));
        assert_eq!(sk("Sergey"), sk("Sergei"));
        assert_eq!(sk("Mosul"), sk("Mossoul"));
        assert_eq!(sk("Hayyan"), sk("Hayan"));
    }

    #[test]
    fn skeleton_keeps_different_names_apart() {
        let sk = |s: &str| skeleton(&normalize(s));
        assert_ne!(sk("Homs"), sk("Hama"));
        assert_ne!(sk("Rawa"), sk("Raqqa"));
        assert_ne!(sk("Paris"), sk("Perm"));
        assert_ne!(sk("Idlib"), sk("Irbid"));
        assert_ne!(sk("Mosul"), sk("Mersin"));
    }

    #[test]
    fn latin_filter() {
        assert!(is_latin("Dayr az Zūr"));
        assert!(is_latin("Qa’im"));
        assert!(!is_latin("دير الزور"));
        assert!(!is_latin("Пальмира"));
    }

    proptest! {
        #[test]
        fn keys_are_tidy_and_stable(s in "[A-Za-zÀ-ÿ'’ .-]{0,30}") {
            let k = normalize(&s);
            prop_assert!(!k.starts_with(' ') && !k.ends_with(' ') && !k.contains("  "));
            prop_assert!(k.chars().all(|c| c == ' ' || c.is_ascii_lowercase()));
            // Normalising again can only drop one more leading article.
            let again = normalize(&k);
            prop_assert!(again == k || k.ends_with(&again));
            prop_assert!(!skeleton(&k).contains(' '));
        }
    }
}
