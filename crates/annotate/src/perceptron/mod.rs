//! The averaged perceptron the taggers share: [`crate::entities`] (names) and
//! [`crate::syntax`] (parts of speech and chunks).
//!
//! Features are 32-bit hashes ([`features::H`]); training keeps lazily averaged weights
//! ([`Training`]); a trained model is the averaged weights quantised to 16 bits ([`Weights`]),
//! written as rows of a feature hash and its non-zero weights. Span-tagging schemes (entities,
//! chunks) decode with [`bilou`]'s valid transitions.
//!
//! Why by hand: the models are small and decoded greedily with each tagger's own features and
//! transitions; the Rust machine-learning crates bring dense tensors and no averaged perceptron,
//! and a model file must load in a fraction of a second inside the binary.

pub mod bilou;
pub mod features;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};

/// The most tags a model may have (scores are summed in a fixed-size array).
pub const MAX_TAGS: usize = 64;

/// Passes an already-hashed `u32` key through, with one multiply to spread it.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A map keyed by feature hashes.
pub type KeyMap<V> = HashMap<u32, V, BuildHasherDefault<KeyHasher>>;

/// Weights being trained, with the sums for averaging.
pub struct Training {
    tags: usize,
    index: KeyMap<usize>,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    now: u32,
}

impl Training {
    /// Empty weights for `tags` tags.
    pub fn new(tags: usize) -> Training {
        assert!(tags <= MAX_TAGS, "at most {MAX_TAGS} tags");
        Training { tags, index: KeyMap::default(), weights: Vec::new(), totals: Vec::new(), stamps: Vec::new(), now: 0 }
    }

    /// One more training instance seen (the clock the averages are kept by).
    pub fn tick(&mut self) {
        self.now += 1;
    }

    fn row(&mut self, key: u32) -> usize {
        let n = self.index.len();
        let tags = self.tags;
        let row = *self.index.entry(key).or_insert(n);
        if row == n {
            self.weights.resize((n + 1) * tags, 0.0);
            self.totals.resize((n + 1) * tags, 0.0);
            self.stamps.resize((n + 1) * tags, 0);
        }
        row
    }

    /// The score of every tag for these features.
    pub fn scores(&self, features: &[u32], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(&row) = self.index.get(f) {
                for (s, w) in scores.iter_mut().zip(&self.weights[row * self.tags..(row + 1) * self.tags]) {
                    *s += w;
                }
            }
        }
    }

    /// One training step: the clock ticks, and a wrong `guess` is moved towards `truth`.
    /// Returns whether the guess was right.
    pub fn learn(&mut self, features: &[u32], truth: usize, guess: usize) -> bool {
        self.tick();
        if guess != truth {
            self.update(features, truth, guess);
        }
        guess == truth
    }

    /// The perceptron update: towards `truth`, away from `guess`.
    pub fn update(&mut self, features: &[u32], truth: usize, guess: usize) {
        self.add(features, truth, 1.0);
        self.add(features, guess, -1.0);
    }

    /// Adds `delta` to the weight of `tag` for every feature (one half of a structured update,
    /// where the right and the guessed sequence may have different features).
    pub fn add(&mut self, features: &[u32], tag: usize, delta: f32) {
        for &f in features {
            let row = self.row(f);
            let k = row * self.tags + tag;
            self.totals[k] += (self.now - self.stamps[k]) as f64 * self.weights[k] as f64;
            self.stamps[k] = self.now;
            self.weights[k] += delta;
        }
    }

    /// Averages the weights and quantises them to 16 bits, dropping features whose weights all
    /// round to zero.
    pub fn average(mut self) -> Weights {
        let tags = self.tags;
        let now = self.now.max(1);
        for k in 0..self.weights.len() {
            self.totals[k] += (now - self.stamps[k]) as f64 * self.weights[k] as f64;
            self.weights[k] = (self.totals[k] / now as f64) as f32;
        }
        let max = self.weights.iter().fold(0.0f32, |m, w| m.max(w.abs())).max(1e-9);
        if std::env::var_os("PERCEPTRON_DEBUG").is_some() {
            let nz = self.weights.iter().filter(|w| w.abs() > 0.0).count();
            eprintln!("trained rows {}, nonzero weights {nz}, max {max}", self.index.len());
        }
        let scale = 32_000.0 / max;
        let mut keys: Vec<(u32, usize)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let mut index = KeyMap::default();
        let mut weights = Vec::new();
        for (key, row) in keys {
            let q: Vec<i16> = self.weights[row * tags..(row + 1) * tags].iter().map(|w| (w * scale).round() as i16).collect();
            if q.iter().any(|&w| w != 0) {
                index.insert(key, (weights.len() / tags) as u32);
                weights.extend(q);
            }
        }
        Weights { tags, index, weights }
    }
}

/// Trained weights, quantised: `tags` 16-bit weights per feature row.
pub struct Weights {
    tags: usize,
    index: KeyMap<u32>,
    weights: Vec<i16>,
}

impl Weights {
    /// The number of tags scored.
    pub fn tags(&self) -> usize {
        self.tags
    }

    /// The number of features with a weight.
    pub fn rows(&self) -> usize {
        self.index.len()
    }

    /// The score of every tag for these features.
    pub fn scores(&self, features: &[u32], scores: &mut [f32]) {
        let mut acc = [0i32; MAX_TAGS];
        let acc = &mut acc[..self.tags];
        for f in features {
            if let Some(&row) = self.index.get(f) {
                let row = row as usize * self.tags;
                for (a, &w) in acc.iter_mut().zip(&self.weights[row..row + self.tags]) {
                    *a += w as i32;
                }
            }
        }
        for (s, a) in scores.iter_mut().zip(acc.iter()) {
            *s = *a as f32;
        }
    }

    /// Appends the rows, in key order: their count (`u32`), then per row the key (`u32`), the
    /// number of non-zero weights (`u8`) and each as tag (`u8`) and weight (`i16`), little-endian.
    pub fn write(&self, raw: &mut Vec<u8>) {
        let mut rows: Vec<(u32, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        rows.sort_unstable();
        raw.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (key, row) in rows {
            raw.extend_from_slice(&key.to_le_bytes());
            let w = &self.weights[row as usize * self.tags..(row as usize + 1) * self.tags];
            let nonzero: Vec<(usize, i16)> = w.iter().copied().enumerate().filter(|&(_, w)| w != 0).collect();
            raw.push(nonzero.len() as u8);
            for (tag, w) in nonzero {
                raw.push(tag as u8);
                raw.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    /// Reads rows written by [`Weights::write`] for a model of `tags` tags.
    pub fn read(r: &mut Reader, tags: usize) -> Result<Weights, String> {
        if tags > MAX_TAGS {
            return Err("too many labels".into());
        }
        let n_rows = r.u32()? as usize;
        let mut index = KeyMap::with_capacity_and_hasher(n_rows, Default::default());
        let mut weights = vec![0i16; n_rows * tags];
        for row in 0..n_rows {
            let key = r.u32()?;
            let count = r.byte()? as usize;
            for _ in 0..count {
                let e = r.take(3)?;
                let tag = e[0] as usize;
                if tag >= tags {
                    return Err("weight for an unknown tag".into());
                }
                weights[row * tags + tag] = i16::from_le_bytes([e[1], e[2]]);
            }
            index.insert(key, row as u32);
        }
        Ok(Weights { tags, index, weights })
    }
}

/// Reads a model file's bytes in order, refusing to run past their end.
pub struct Reader<'a> {
    raw: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(raw: &'a [u8]) -> Reader<'a> {
        Reader { raw, at: 0 }
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let out = self.raw.get(self.at..self.at + n).ok_or("the model file is truncated")?;
        self.at += n;
        Ok(out)
    }

    pub fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    pub fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    /// A string of at most 255 bytes, its length first (what [`push_name`] writes).
    pub fn name(&mut self) -> Result<String, String> {
        let len = self.byte()? as usize;
        String::from_utf8(self.take(len)?.to_vec()).map_err(|_| "a name in the model file is not UTF-8".to_string())
    }

    /// Every byte was read.
    pub fn finish(&self) -> Result<(), String> {
        if self.at == self.raw.len() {
            Ok(())
        } else {
            Err("trailing bytes after the model".into())
        }
    }
}

/// Appends a name of at most 255 bytes, its length first.
pub fn push_name(raw: &mut Vec<u8>, name: &str) {
    raw.push(name.len() as u8);
    raw.extend_from_slice(name.as_bytes());
}

/// Gzip, at the best compression (model files are written once and shipped).
pub fn gzip(raw: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(raw).expect("writing to memory");
    gz.finish().expect("writing to memory")
}

/// The bytes of a gzip'd model file.
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut raw).map_err(|e| format!("not a gzip'd model file: {e}"))?;
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_and_round_trips() {
        // Two tags, one telling feature each, and a bias everyone has.
        let mut t = Training::new(2);
        let mut scores = [0.0f32; 2];
        for _ in 0..20 {
            for (features, truth) in [([7u32, 1], 0), ([7, 2], 1)] {
                t.tick();
                t.scores(&features, &mut scores);
                let guess = usize::from(scores[1] > scores[0]);
                if guess != truth {
                    t.update(&features, truth, guess);
                }
            }
        }
        let w = t.average();
        let mut raw = Vec::new();
        w.write(&mut raw);
        let again = Weights::read(&mut Reader::new(&raw), 2).unwrap();
        for (features, truth) in [([7u32, 1], 0usize), ([7, 2], 1)] {
            again.scores(&features, &mut scores);
            assert_eq!(usize::from(scores[1] > scores[0]), truth);
        }
        assert_eq!(again.rows(), w.rows());
        assert!(Weights::read(&mut Reader::new(&raw[..raw.len() - 1]), 2).is_err());
    }
}
