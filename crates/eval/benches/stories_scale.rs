//! Story clustering at scale: 10k, 100k and 1M synthetic documents made at run time from the
//! texts of BASIL, AllSides and ECB+ in `../shared/data` (no dataset text is stored here).
//!
//! A synthetic event takes one gold story of a dataset, gives every capitalised word of its
//! documents an invented name of its own (so events do not share their actors), replaces half
//! of the other words by invented ones (so events made from one source do not share
//! its passages: else every reuse would be a reprint), moves it to a
//! random day in ten years, and reports it in 1–6 documents built from the story's documents
//! (one in ten is a reprint of a sibling under a new header). Documents arrive in a shuffled
//! order. Reported (CPU time of the one thread, not wall time, so a busy machine does not skew the ratios): time to generate and extract features (not clustering), time for reprints
//! (MinHash/LSH), for the story index (candidates and edges) and for the stories (linkage,
//! titles, threads); peak RSS of the process; and B³ F1 against the synthetic events.
//!
//! Usage: `scripts/bench-stories [SIZES...]`, or
//! `cargo bench -p corroborate-eval --bench stories_scale -- 10000`.

use corroborate_eval::clusters::{self, Format, Item};
use corroborate_stories::{
    stories, Day, DocumentFeatures, EventDate, Params, ReprintFinder, ReprintKind, StoryIndex,
};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

/// This thread's CPU time so far, from the kernel's scheduler statistics: unlike the wall
/// clock, it does not count the time other processes on a busy machine take. The benchmark
/// is one thread.
#[derive(Clone, Copy)]
struct Cpu(u64);

impl Cpu {
    fn now() -> Cpu {
        let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
        Cpu(stat
            .split_whitespace()
            .next()
            .and_then(|ns| ns.parse().ok())
            .unwrap_or(0))
    }

    fn elapsed(&self) -> Elapsed {
        Elapsed(Cpu::now().0.saturating_sub(self.0))
    }
}

struct Elapsed(u64);

impl Elapsed {
    fn as_secs_f64(&self) -> f64 {
        self.0 as f64 / 1e9
    }
}

fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn hash(s: &str, salt: u64) -> u64 {
    s.bytes().fold(mix(salt), |h, b| mix(h ^ b as u64))
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ren", "sa", "vo", "tar", "bel", "dun", "ix", "or", "pe", "qua", "za", "thi",
    "an", "mor", "del", "vin", "os", "ru", "gal", "hen", "ir", "jo", "kes", "lum", "ny", "ost",
    "pra", "sul", "tev",
];

/// An invented name for `word` in event `event`: same word, same event → same name (one of
/// about a million).
fn invented(word: &str, event: u64) -> String {
    let h = hash(word, event);
    let n = 3 + (h % 2) as usize;
    let mut name = String::new();
    for i in 0..n {
        name.push_str(SYLLABLES[((h >> (8 + 5 * i)) % SYLLABLES.len() as u64) as usize]);
    }
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// An invented common word standing in for `word` in event `event`, one of `vocabulary`.
fn reworded(word: &str, event: u64, vocabulary: u64) -> String {
    let mut h = hash(word, event) % vocabulary;
    let suffix = ["", "s", "ed", "ing"][(h % 4) as usize];
    h /= 4;
    let mut out = String::new();
    for i in 0.. {
        out.push_str(SYLLABLES[(h % SYLLABLES.len() as u64) as usize]);
        h /= SYLLABLES.len() as u64;
        if i >= 2 && h == 0 {
            break;
        }
    }
    out.push_str(suffix);
    out
}

/// Invented common words per 10,000 documents: the vocabulary grows with n, so that an
/// invented word is in about as many documents at every size (with a fixed vocabulary, its
/// document frequency, and the candidate pairs it makes between unrelated events, would grow
/// with n: a reuse of the generator's, not a property of news).
const VOCABULARY_PER_10K: u64 = 65_536;

/// A number standing in for `digits` in event `event`: as many digits, none leading zero.
fn renumbered(digits: &str, event: u64) -> String {
    let mut h = hash(digits, event ^ 0x9d);
    (0..digits.len())
        .map(|i| {
            h = mix(h);
            let d = (h % 10) as u8;
            char::from(b'0' + if i == 0 && digits.len() > 1 { 1 + d % 9 } else { d })
        })
        .collect()
}

/// `text` rewritten for `event`: every capitalised word not at a sentence start renamed, and
/// half the other words replaced (numbers by numbers of as many digits), so that two events
/// made from one source text share its shape and common words but not its passages, actors or
/// figures.
fn rename(text: &str, event: u64, vocabulary: u64) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut sentence_start = true;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, sentence_start: bool| {
        if !word.is_empty() {
            if !sentence_start
                && word.chars().next().is_some_and(char::is_uppercase)
                && word.len() > 1
            {
                out.push_str(&invented(word, event));
            } else if hash(word, event ^ 0x3a) % 2 == 0 {
                // Every kind of word, short ones and numbers too: else the runs of them that
                // recur in a source ("a 14-0 deficit in the second quarter") would be passages
                // shared by all the events made from it, more of them the more often the
                // source is reused, that is the larger n is.
                if word.chars().all(|c| c.is_ascii_digit()) {
                    out.push_str(&renumbered(word, event));
                } else if word.len() <= 2 {
                    out.push_str(&SYLLABLES[(hash(word, event) % SYLLABLES.len() as u64) as usize][..2]);
                } else {
                    out.push_str(&reworded(word, event, vocabulary));
                }
            } else {
                out.push_str(word);
            }
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            let had = !word.is_empty();
            flush(&mut word, &mut out, sentence_start);
            if had {
                sentence_start = false;
            }
            if matches!(c, '.' | '!' | '?' | '\n' | '"' | '“') {
                sentence_start = true;
            }
            out.push(c);
        }
    }
    flush(&mut word, &mut out, sentence_start);
    out
}

/// One synthetic document, as a function of its number (so its text can be made again).
struct Plan {
    event: u64,
    base: usize,
    reprint: bool,
}

struct World<'a> {
    items: &'a [Item],
    plans: Vec<Plan>,
    /// Day 0 of the ten years events are spread over.
    epoch: i32,
    /// Invented common words to draw from.
    vocabulary: u64,
}

impl World<'_> {
    fn text(&self, d: usize) -> String {
        let p = &self.plans[d];
        let body = rename(&self.items[p.base].annotated.document.text, p.event, self.vocabulary);
        if p.reprint {
            format!(
                "Reprinted from {} wire {}\n\n{body}\n\nShare this story",
                invented("Wire", p.event),
                d % 97
            )
        } else {
            body
        }
    }

    fn features(&self, d: usize, text: &str) -> DocumentFeatures {
        let p = &self.plans[d];
        let day = Day(self.epoch + (mix(p.event ^ 0xda7e) % 3650) as i32);
        let published = Day(day.0 + (mix(d as u64) % 3) as i32);
        let title = self.items[p.base]
            .annotated
            .document
            .title
            .as_deref()
            .map(|t| rename(t, p.event, self.vocabulary));
        let mut f = DocumentFeatures::from_text(
            &format!("doc{d}"),
            title.as_deref(),
            text,
            Some(published),
            &[],
        );
        f.event_dates = vec![EventDate {
            day,
            span: None,
            mentions: 1,
        }];
        f
    }
}

fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let jsonl = args.iter().position(|a| a == "--jsonl").map(|i| {
        let n: usize = args.get(i + 1).and_then(|a| a.parse().ok()).expect("--jsonl N PATH");
        (n, std::path::PathBuf::from(args.get(i + 2).expect("--jsonl N PATH")))
    });
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000]
    } else {
        sizes
    };
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let mut items = Vec::new();
    for (format, folder) in [
        (Format::Basil, "basil"),
        (Format::Allsides, "allsides-neus"),
        (Format::Ecbplus, "ecbplus"),
    ] {
        match clusters::load(&data.join(folder), format) {
            Ok(mut found) => {
                for i in &mut found {
                    i.gold = format!("{folder}/{}", i.gold);
                }
                items.extend(found)
            }
            Err(e) => eprintln!("skipping {folder}: {e}"),
        }
    }
    if items.is_empty() {
        eprintln!("bench: no datasets under {}; nothing to do", data.display());
        return;
    }
    let mut by_gold: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (n, i) in items.iter().enumerate() {
        by_gold.entry(i.gold.as_str()).or_default().push(n);
    }
    let base_stories: Vec<Vec<usize>> = by_gold.into_values().collect();
    println!(
        "base: {} documents in {} gold stories",
        items.len(),
        base_stories.len()
    );
    if let Some((n, path)) = jsonl {
        write_jsonl(n, &path, &items, &base_stories);
        return;
    }
    for n in sizes {
        run(n, &items, &base_stories);
    }
}

/// Writes `n` synthetic documents as JSON Lines (`title`, `text`, `date`, `outlet`, `url`) for
/// benchmarking the whole `analyze` command on them (`scripts/bench-analyze`).
fn write_jsonl(n: usize, path: &Path, items: &[Item], base_stories: &[Vec<usize>]) {
    let (world, _) = world(n, items, base_stories);
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("a writable JSONL path"));
    for d in 0..n {
        let text = world.text(d);
        let f = world.features(d, &text);
        let p = &world.plans[d];
        let title = items[p.base].annotated.document.title.as_deref().map(|t| rename(t, p.event, world.vocabulary));
        let record = serde_json::json!({
            "title": title,
            "text": text,
            "date": f.published.map(|day| day.to_string()),
            "outlet": format!("{} News", invented("Outlet", (d % 40) as u64)),
            "url": format!("https://news{}.example/{d}", d % 40),
        });
        serde_json::to_writer(&mut out, &record).expect("written");
        std::io::Write::write_all(&mut out, b"\n").expect("written");
    }
    println!("wrote {n} documents to {}", path.display());
}

fn run(n: usize, items: &[Item], base_stories: &[Vec<usize>]) {
    let (world, gold) = world(n, items, base_stories);
    run_world(n, world, gold);
}

/// Plans `n` documents: events of 1–6 reports, in a shuffled arrival order; with the gold event
/// of each.
fn world<'a>(n: usize, items: &'a [Item], base_stories: &[Vec<usize>]) -> (World<'a>, Vec<u64>) {
    // Plan the documents: events of 1–6 reports, then a shuffled arrival order.
    let mut plans = Vec::with_capacity(n);
    let mut gold = Vec::with_capacity(n);
    let mut event = 0u64;
    while plans.len() < n {
        let story = &base_stories[(mix(event) % base_stories.len() as u64) as usize];
        let reports = 1 + (mix(event ^ 1) % 6) as usize;
        for r in 0..reports.min(n - plans.len()) {
            let reprint = r > 0 && mix(event ^ (r as u64) << 8) % 10 == 0;
            plans.push(Plan {
                event,
                base: story[r % story.len()],
                reprint,
            });
            gold.push(event);
        }
        event += 1;
    }
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        order.swap(i, (mix(i as u64 ^ 0x5eed) % (i as u64 + 1)) as usize);
    }
    let plans: Vec<Plan> = order
        .iter()
        .map(|&i| {
            std::mem::replace(
                &mut plans[i],
                Plan {
                    event: 0,
                    base: 0,
                    reprint: false,
                },
            )
        })
        .collect();
    let gold: Vec<u64> = order.iter().map(|&i| gold[i]).collect();
    let world = World {
        items,
        plans,
        epoch: Day::from_ymd(2012, 1, 1).unwrap().0,
        vocabulary: VOCABULARY_PER_10K * (n as u64 / 10_000).max(1),
    };
    (world, gold)
}

fn run_world(n: usize, world: World, gold: Vec<u64>) {

    // Pass 1: make each document, hand its text to the reprint finder and count its terms.
    // Texts are not kept: they are made again when needed.
    let t = Cpu::now();
    let mut finder = ReprintFinder::new();
    let mut index = StoryIndex::streaming(Params::default());
    let (mut bytes, mut t_making) = (0usize, 0.0);
    let (mut t_finder, mut t_count) = (0.0, 0.0);
    for d in 0..n {
        let m = Cpu::now();
        let text = world.text(d);
        let f = world.features(d, &text);
        t_making += m.elapsed().as_secs_f64();
        bytes += text.len();
        let m = Cpu::now();
        finder.add(&text);
        t_finder += m.elapsed().as_secs_f64();
        let m = Cpu::now();
        index.count(&f);
        t_count += m.elapsed().as_secs_f64();
    }
    index.freeze();
    let _ = t;

    let t = Cpu::now();
    let reprints = finder.finish(|d| Cow::Owned(world.text(d)));
    let t_reprints = t.elapsed().as_secs_f64() + t_finder;

    // Pass 2: insert; keep only what the story records need (id, title, dates).
    let t = Cpu::now();
    let mut edges = 0;
    let mut features = Vec::with_capacity(n);
    let mut t_remaking = 0.0;
    for d in 0..n {
        let m = Cpu::now();
        let mut f = world.features(d, &world.text(d));
        t_remaking += m.elapsed().as_secs_f64();
        edges += index.insert(&f);
        f.names = Vec::new();
        f.words = Vec::new();
        features.push(f);
    }
    for r in &reprints {
        if r.kind != ReprintKind::SharedPassages {
            index.force_link(r.a, r.b);
        }
    }
    let t_index = t.elapsed().as_secs_f64() - t_remaking + t_count;
    let t_features = t_making + t_remaking;
    let t = Cpu::now();
    let found = stories(&index, &features);
    let t_stories = t.elapsed().as_secs_f64();

    let mut predicted = vec![0usize; n];
    for (s, story) in found.iter().enumerate() {
        for &d in &story.documents {
            predicted[d] = s;
        }
    }
    let score = clusters::score(&gold, &predicted);
    let near = reprints
        .iter()
        .filter(|r| r.kind != ReprintKind::SharedPassages)
        .count();
    let cross = reprints.iter().filter(|r| gold[r.a] != gold[r.b]).count();

    let total = t_reprints + t_index + t_stories;
    println!(
        "n {n:>8}  text {:>6.0} MiB  CPU s: making docs+features {t_features:>7.1}s | reprints {t_reprints:>6.1}s  index {t_index:>6.1}s  stories {t_stories:>6.1}s  clustering total {total:>7.1}s ({:.1} µs/doc) | peak RSS {:>7.0} MiB | {} comparisons, {edges} edges, {} reprint pairs ({near} whole, {cross} across events), {} stories for {} events, B3 F1 {:.3}",
        bytes as f64 / 1048576.0,
        total * 1e6 / n as f64,
        peak_rss_mib(),
        index.comparisons,
        reprints.len(),
        found.len(),
        gold.iter().max().map_or(0, |m| m + 1),
        score.f1
    );
}
