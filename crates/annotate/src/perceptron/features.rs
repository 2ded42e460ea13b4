//! Feature hashing and word shapes, for every tagger's features.

/// Word shape: `Palmyra` → `Xxxxx` truncated runs to 4; `short`: runs collapsed (`Xx`).
pub fn shapes(word: &str) -> (String, String) {
    let mut shape = String::new();
    let mut short = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k == last {
            run += 1;
        } else {
            run = 1;
            short.push(k);
        }
        if run <= 4 {
            shape.push(k);
        }
        last = k;
    }
    (shape, short)
}

/// FNV-1a over the bytes written, for maps keyed by short words (the standard hasher guards
/// against crafted keys, which a fixed vocabulary read from the binary does not need).
#[derive(Default)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map keyed by words, hashed with [`WordHasher`].
pub type WordMap<V> = std::collections::HashMap<String, V, std::hash::BuildHasherDefault<WordHasher>>;

/// FNV-1a over a template id and byte parts, folded to 32 bits.
#[derive(Clone, Copy)]
pub struct H(u64);

impl H {
    #[inline]
    pub fn new(template: u8) -> H {
        H((0xcbf2_9ce4_8422_2325u64 ^ template as u64).wrapping_mul(0x100_0000_01b3))
    }
    #[inline]
    pub fn str(mut self, s: &str) -> H {
        for &b in s.as_bytes() {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = (self.0 ^ 0xff).wrapping_mul(0x100_0000_01b3);
        self
    }
    #[inline]
    pub fn byte(mut self, b: u8) -> H {
        self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01b3);
        self.0 = (self.0 ^ 0xfe).wrapping_mul(0x100_0000_01b3);
        self
    }
    #[inline]
    pub fn done(self) -> u32 {
        (self.0 ^ (self.0 >> 32)) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_truncate_and_collapse() {
        assert_eq!(shapes("Palmyra"), ("Xxxxx".to_string(), "Xx".to_string()));
        assert_eq!(shapes("1996-08-22"), ("dddd-dd-dd".to_string(), "d-d-d".to_string()));
        assert_eq!(shapes("U.S."), ("X.X.".to_string(), "X.X.".to_string()));
    }

    #[test]
    fn hashes_differ_by_template_and_part_boundary() {
        assert_ne!(H::new(1).str("ab").done(), H::new(2).str("ab").done());
        assert_ne!(H::new(1).str("a").str("b").done(), H::new(1).str("ab").done());
        assert_eq!(H::new(3).str("x").done(), H::new(3).str("x").done());
    }
}
