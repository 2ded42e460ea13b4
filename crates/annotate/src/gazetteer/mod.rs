//! Gazetteers: places (GeoNames cities of 15,000 or more, first-level regions, countries),
//! country names and demonyms (mledoze/countries), armed actors (UCDP), and hand lists of
//! aliases, news outlets and name patterns; with [`classify`], which refines a tagger's type.
//! Beside them, a linking-only supplement of smaller towns ([`small_places`], GeoNames
//! cities500): it gives coordinates to names the tagger already found as places and the main
//! list cannot place, and is never read by the tagger's features or by [`classify`].
//!
//! The resources in `crates/annotate/resources/` are compiled by `scripts/build-gazetteers`
//! with their keys already normalised, embedded in the binary, and parsed once on first use.
//! No crate offers a gazetteer of this shape, so the lookup structures are our own: sorted
//! keys searched by bisection, over one leaked text blob that the place records borrow from.

mod classify;
mod lists;
mod normalize;

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

pub use classify::classify;
pub use normalize::{is_latin, normalize, skeleton};

use crate::entities::EntityType;

const PLACES: &[u8] = include_bytes!("../../resources/places.tsv.gz");
const SMALL_PLACES: &[u8] = include_bytes!("../../resources/small-places.tsv.gz");
const COUNTRIES: &str = include_str!("../../resources/countries.tsv");
const ACTORS: &str = include_str!("../../resources/actors.tsv");

/// A place from GeoNames: a city, a first-level region (ADM1) or a country (PCL*).
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub geonames_id: u32,
    pub name: &'static str,
    /// `(lat, lon)`; GeoNames' region list has none for first-level regions.
    pub coords: Option<(f64, f64)>,
    /// ISO 3166 alpha-2.
    pub country: &'static str,
    /// GeoNames feature class: `P` populated place, `A` administrative area.
    pub feature_class: char,
    /// GeoNames feature code: `PPLC` capital, `PPLA` regional seat, `ADM1`, `PCLI` country, …
    pub feature_code: &'static str,
    /// Code of the first-level region within the country ("07" is Deir ez-Zor in SY).
    pub admin1: &'static str,
    pub population: u64,
}

impl Place {
    pub fn is_country(&self) -> bool {
        self.feature_code.starts_with("PCL")
    }

    pub fn is_admin1(&self) -> bool {
        self.feature_code == "ADM1"
    }

    /// Whether this is a region named only by directions or kinds of land ("Western
    /// Province", "North-East", "Gulf"): such a name is taken as the region only where the
    /// context says so (see [`choose`]).
    ///
    /// ```
    /// use corroborate_annotate::gazetteer::places;
    /// assert!(places("Gulf Province")[0].has_generic_name());
    /// assert!(!places("Idlib province")[0].has_generic_name());
    /// ```
    pub fn has_generic_name(&self) -> bool {
        self.is_admin1()
            && normalize(self.name)
                .split([' ', '-'])
                .filter(|w| !w.is_empty())
                .all(|w| lists::GENERIC_PLACE_WORDS.contains(&w) || lists::REGION_WORDS.contains(&w))
    }

    /// Countries, regions and towns have governments: GPE. Anything else here is LOC.
    pub fn entity_type(&self) -> EntityType {
        if matches!(self.feature_class, 'A' | 'P') {
            EntityType::Gpe
        } else {
            EntityType::Loc
        }
    }
}

/// A country with its names and demonyms.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    pub iso2: &'static str,
    pub name: &'static str,
    pub geonames_id: Option<u32>,
    pub capital: &'static str,
    pub population: u64,
    pub names: Vec<&'static str>,
    pub demonyms: Vec<&'static str>,
    /// ISO2 codes of the countries it borders.
    pub neighbours: Vec<&'static str>,
    /// Its entry in the place list.
    place: usize,
}

impl Country {
    /// The country as a place, with its own coordinates.
    pub fn place(&self) -> &'static Place {
        &gazetteer().table.places[self.place]
    }
}

/// UCDP's organisational level of an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorKind {
    /// Rebel groups, militias and other formally organised armed groups (UCDP `Org` 1).
    ArmedGroup,
    /// Informally organised supporters of a party or candidate (2).
    Supporters,
    /// Ethnic, clan, religious or tribal groups (3).
    IdentityGroup,
    /// The government of a state (4): "Government of Syria" names its army and state, and is
    /// reached by [`government`], not by name.
    Government,
}

/// An actor of the UCDP Actor Dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub ucdp_id: u32,
    pub kind: ActorKind,
    /// The latest English name ("Islamic State" for UCDP's "IS").
    pub name: &'static str,
    pub names: Vec<&'static str>,
    /// Countries where it is active, as UCDP writes them.
    pub locations: Vec<&'static str>,
}

/// Places and their lookup keys, as `scripts/build-gazetteers` writes them.
struct Table {
    places: Vec<Place>,
    /// Sorted `(key, comma-separated place indices)`; the lists are parsed on lookup.
    keys: Vec<(&'static str, &'static str)>,
    /// `(hash of the skeleton, index into keys)` sorted, built on the first exact miss (the
    /// main list only).
    skeletons: OnceLock<Vec<(u64, u32)>>,
}

/// The linking-only supplement: its table, and folded-key indices per country, since its
/// loose keys are only ever looked up within the countries of a text.
struct Small {
    table: Table,
    /// Key indices per country, by [`country_slot`], built on the first loose lookup.
    by_country: OnceLock<Vec<Vec<u32>>>,
    /// `(country slot, fold)` → sorted `(hash of the folded key, index into keys)`, each
    /// built when first needed and kept (a few countries in any corpus).
    folded: std::sync::Mutex<HashMap<(usize, u8), &'static [(u64, u32)]>>,
}

struct Gazetteer {
    table: Table,
    countries: Vec<Country>,
    by_iso2: HashMap<&'static str, usize>,
    /// Normalised country names (and their skeletons) → index into `countries`.
    country_keys: HashMap<String, usize>,
    country_skeletons: HashMap<String, usize>,
    demonyms: HashMap<String, usize>,
    capitals: HashMap<String, usize>,
    actors: Vec<Actor>,
    /// Normalised actor names → `(actor, written in capitals)`, lowest UCDP id first.
    actor_keys: HashMap<String, Vec<(usize, bool)>>,
    governments: HashMap<&'static str, usize>,
}

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(load)
}

/// Parses the embedded resources now rather than on first lookup (say, at program start).
pub fn preload() {
    gazetteer();
}

/// Parses the linking-only supplement now rather than on first lookup.
pub fn preload_small_places() {
    small_table();
}

/// Sizes of the embedded resources in bytes: places (gzip), countries, actors, and the
/// linking-only supplement (gzip).
pub fn resource_sizes() -> [(&'static str, usize); 4] {
    [
        ("places.tsv.gz", PLACES.len()),
        ("countries.tsv", COUNTRIES.len()),
        ("actors.tsv", ACTORS.len()),
        ("small-places.tsv.gz", SMALL_PLACES.len()),
    ]
}

/// Reads a gzip'd place table: a `#places` section, one place a line, then `#keys`. With
/// `id_deltas`, each row's id is its difference from the row before (the supplement's rows
/// are sorted by id).
fn load_table(gz: &[u8], name: &str, id_deltas: bool, capacity: (usize, usize)) -> Table {
    let mut text = String::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_string(&mut text)
        .unwrap_or_else(|_| panic!("resources/{name} is corrupt: rebuild it (resources/README.md)"));
    let text: &'static str = Box::leak(text.into_boxed_str());
    let mut table = Table {
        places: Vec::with_capacity(capacity.0),
        keys: Vec::with_capacity(capacity.1),
        skeletons: OnceLock::new(),
    };
    let mut section = "";
    let mut previous = 0;
    for line in text.lines() {
        if line.starts_with('#') {
            section = line;
            continue;
        }
        match section {
            "#places" => {
                let mut place = parse_place(line);
                if id_deltas {
                    place.geonames_id += previous;
                    previous = place.geonames_id;
                }
                table.places.push(place);
            }
            "#keys" => table.keys.push(line.split_once('\t').unwrap_or((line, ""))),
            _ => {}
        }
    }
    table
}

fn small() -> &'static Small {
    static SMALL: OnceLock<Small> = OnceLock::new();
    SMALL.get_or_init(|| Small {
        table: load_table(SMALL_PLACES, "small-places.tsv.gz", true, (100_000, 220_000)),
        by_country: OnceLock::new(),
        folded: Default::default(),
    })
}

fn small_table() -> &'static Table {
    &small().table
}

impl Small {
    /// The places of `country` whose keys fold to `folded` (by `fold`, numbered `which`).
    fn find_in(&self, country: &str, which: u8, fold: Fold, min: usize, folded: &str) -> Vec<usize> {
        let t = &self.table;
        let Some(slot) = country_slot(country) else {
            return Vec::new();
        };
        let keys = &self.by_country.get_or_init(|| {
            let mut by = vec![Vec::new(); 26 * 26];
            for k in 0..t.keys.len() {
                for i in t.ids(k) {
                    if let Some(list) = country_slot(t.places[i].country).map(|s| &mut by[s]) {
                        if list.last() != Some(&(k as u32)) {
                            list.push(k as u32);
                        }
                    }
                }
            }
            by
        })[slot];
        let index = *self
            .folded
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry((slot, which))
            .or_insert_with(|| {
                let index = fold_index(t, keys.iter().map(|&k| k as usize), fold, min);
                Box::leak(index.into_boxed_slice())
            });
        t.lookup(index, fold, folded)
            .into_iter()
            .filter(|&i| t.places[i].country == country)
            .collect()
    }
}

/// A two-letter upper-case country code as a number below 676.
fn country_slot(iso2: &str) -> Option<usize> {
    match iso2.as_bytes() {
        &[a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => Some(usize::from(a - b'A') * 26 + usize::from(b - b'A')),
        _ => None,
    }
}

/// `(hash of the folded key, key index)` for the given keys, sorted; folds shorter than `min`
/// are left out. Sorting integers rather than strings keeps the build to milliseconds.
fn fold_index(t: &Table, keys: impl Iterator<Item = usize>, fold: Fold, min: usize) -> Vec<(u64, u32)> {
    let (mut out, mut scratch) = (String::new(), Scratch::default());
    let mut index: Vec<(u64, u32)> = keys
        .filter_map(|k| {
            out.clear();
            fold(t.keys[k].0, &mut out, &mut scratch);
            (out.len() >= min).then(|| (crate::fnv1a(out.bytes()), k as u32))
        })
        .collect();
    index.sort_unstable();
    index
}

fn load() -> Gazetteer {
    let mut g = Gazetteer {
        table: load_table(PLACES, "places.tsv.gz", false, (40_000, 120_000)),
        countries: Vec::new(),
        by_iso2: HashMap::new(),
        country_keys: HashMap::new(),
        country_skeletons: HashMap::new(),
        demonyms: HashMap::new(),
        capitals: HashMap::new(),
        actors: Vec::new(),
        actor_keys: HashMap::new(),
        governments: HashMap::new(),
    };
    load_countries(&mut g);
    load_actors(&mut g);
    g
}

fn parse_place(line: &'static str) -> Place {
    let mut f = [""; 9];
    for (slot, value) in f.iter_mut().zip(line.split('\t')) {
        *slot = value;
    }
    let field = |i: usize| f[i];
    let coords = match (field(2).parse::<f64>(), field(3).parse::<f64>()) {
        (Ok(lat), Ok(lon)) => Some((lat, lon)),
        _ => None,
    };
    Place {
        geonames_id: field(0).parse().unwrap_or(0),
        name: field(1),
        coords,
        country: field(4),
        feature_class: field(5).chars().next().unwrap_or('P'),
        feature_code: field(6),
        admin1: field(7),
        population: field(8).parse().unwrap_or(0),
    }
}

fn load_countries(g: &mut Gazetteer) {
    for line in COUNTRIES.lines() {
        let f: Vec<&'static str> = line.split('\t').collect();
        if f.len() < 9 {
            continue;
        }
        let coords = match (f[3].parse::<f64>(), f[4].parse::<f64>()) {
            (Ok(lat), Ok(lon)) => Some((lat, lon)),
            _ => None,
        };
        let population = f[5].parse().unwrap_or(0);
        g.table.places.push(Place {
            geonames_id: f[1].parse().unwrap_or(0),
            name: f[2],
            coords,
            country: f[0],
            feature_class: 'A',
            feature_code: "PCLI",
            admin1: "",
            population,
        });
        let country = Country {
            iso2: f[0],
            name: f[2],
            geonames_id: f[1].parse().ok(),
            capital: f[6],
            population,
            names: f[7].split('|').filter(|n| !n.is_empty()).collect(),
            demonyms: f[8].split('|').filter(|n| !n.is_empty()).collect(),
            neighbours: f
                .get(9)
                .map(|n| n.split('|').filter(|n| !n.is_empty()).collect())
                .unwrap_or_default(),
            place: g.table.places.len() - 1,
        };
        g.by_iso2.insert(country.iso2, g.countries.len());
        g.countries.push(country);
    }
    // Where two countries share a name or demonym ("Congolese"), the more populous one wins.
    let mut order: Vec<usize> = (0..g.countries.len()).collect();
    order.sort_by_key(|&c| std::cmp::Reverse(g.countries[c].population));
    for c in order {
        let country = &g.countries[c];
        for name in &country.names {
            let key = normalize(name);
            g.country_skeletons.entry(skeleton(&key)).or_insert(c);
            g.country_keys.entry(key).or_insert(c);
        }
        for demonym in &country.demonyms {
            g.demonyms.entry(normalize(demonym)).or_insert(c);
        }
        // A one-word short name that begins the demonym is used as one ("Saudi" of "Saudi
        // Arabian": "Saudi officials").
        for name in &country.names {
            if !name.contains(' ') && country.demonyms.iter().any(|d| d.strip_prefix(name).is_some_and(|r| r.starts_with(' '))) {
                g.demonyms.entry(normalize(name)).or_insert(c);
            }
        }
        if !country.capital.is_empty() {
            g.capitals.entry(normalize(country.capital)).or_insert(c);
        }
    }
}

fn load_actors(g: &mut Gazetteer) {
    for line in ACTORS.lines() {
        let f: Vec<&'static str> = line.split('\t').collect();
        if f.len() < 5 {
            continue;
        }
        let kind = match f[1] {
            "1" => ActorKind::ArmedGroup,
            "2" => ActorKind::Supporters,
            "3" => ActorKind::IdentityGroup,
            _ => ActorKind::Government,
        };
        let actor = Actor {
            ucdp_id: f[0].parse().unwrap_or(0),
            kind,
            name: f[2],
            names: f[3].split('|').filter(|n| !n.is_empty()).collect(),
            locations: f[4].split('|').filter(|n| !n.is_empty()).collect(),
        };
        let a = g.actors.len();
        if kind == ActorKind::Government {
            // "Government of Russia (Soviet Union)" → Russia.
            let of = actor.name.trim_start_matches("Government of ");
            let of = of.split(" (").next().unwrap_or(of);
            if let Some(&c) = g.country_keys.get(&normalize(of)) {
                g.governments.entry(g.countries[c].iso2).or_insert(a);
            }
        } else {
            for name in &actor.names {
                let capitals = name
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
                g.actor_keys
                    .entry(normalize(name))
                    .or_default()
                    .push((a, capitals));
            }
        }
        g.actors.push(actor);
    }
}

/// Skeleton keys shorter than this join too many unrelated names to be used.
const MIN_SKELETON: usize = 4;

impl Table {
    fn ids(&self, key: usize) -> impl Iterator<Item = usize> + '_ {
        self.keys[key].1.split(',').filter_map(|i| i.parse().ok())
    }

    fn find(&self, key: &str) -> Vec<usize> {
        match self.keys.binary_search_by(|(k, _)| (*k).cmp(key)) {
            Ok(i) => self.ids(i).collect(),
            Err(_) => Vec::new(),
        }
    }

    fn find_skeleton(&self, sk: &str) -> Vec<usize> {
        let index = self
            .skeletons
            .get_or_init(|| fold_index(self, 0..self.keys.len(), skeleton_fold, MIN_SKELETON));
        self.lookup(index, skeleton_fold, sk)
    }

    /// The places whose keys fold to `folded`, in key order, through an index made by
    /// [`fold_index`] with `fold`; a hash that matches is confirmed by folding the key again.
    fn lookup(&self, index: &[(u64, u32)], fold: Fold, folded: &str) -> Vec<usize> {
        let (mut out, mut scratch) = (String::new(), Scratch::default());
        let hash = crate::fnv1a(folded.bytes());
        let start = index.partition_point(|&(h, _)| h < hash);
        let mut confirmed = Vec::new();
        for &(_, k) in index[start..].iter().take_while(|&&(h, _)| h == hash) {
            out.clear();
            fold(self.keys[k as usize].0, &mut out, &mut scratch);
            if out == folded {
                confirmed.push(k as usize);
            }
        }
        confirmed.into_iter().flat_map(|k| self.ids(k)).collect()
    }
}

/// A key fold written into a buffer, with scratch space.
type Fold = fn(&str, &mut String, &mut Scratch);

/// Buffers reused across the folds of many keys.
#[derive(Default)]
struct Scratch {
    chars: Vec<char>,
    word: String,
}

fn skeleton_fold(key: &str, out: &mut String, scratch: &mut Scratch) {
    normalize::skeleton_into(key, out, &mut scratch.chars);
}

/// Consonant keys shorter than this join too many unrelated names to be used.
const MIN_CONSONANTS: usize = 4;

/// The loosest key, for romanisations of Arabic and Persian names that differ in their short
/// vowels, which the script does not write ("Sukhanah", "Sukhnah" and "Soukhne" are all
/// `skhn`): the [`skeleton`] of each word of a [`normalize`]d key with every vowel but the
/// word's first letter dropped, the words joined ("North America" is `nrthamrc`, not the
/// `nrthmrc` of "North Muroc"). It joins many different names, so it is used only for the
/// supplement, after its other keys miss, and only where the context leaves one candidate
/// ([`choose_small`]).
fn consonants(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    consonants_into(key, &mut out, &mut Scratch::default());
    out
}

fn consonants_into(key: &str, out: &mut String, scratch: &mut Scratch) {
    for word in key.split(' ') {
        scratch.word.clear();
        normalize::skeleton_into(word, &mut scratch.word, &mut scratch.chars);
        for (i, c) in scratch.word.chars().enumerate() {
            if i == 0 || !normalize::is_vowel(c) {
                out.push(c);
            }
        }
    }
}

/// Whether a name says it is a region by a word after it ("Gulf Province", "Idlib
/// governorate"): the qualifying word that lets a region named like a direction stand.
pub fn names_a_region(name: &str) -> bool {
    region_stem(&normalize(name)).is_some()
}

/// A normalised name without the region words after it ("aleppo governorate" → "aleppo"), if
/// it has any.
fn region_stem(key: &str) -> Option<&str> {
    let mut stem = None;
    for word in lists::REGION_WORDS {
        if let Some(k) = stem.unwrap_or(key).strip_suffix(word).and_then(|k| k.strip_suffix(' ')) {
            stem = Some(k);
        }
    }
    stem
}

/// Every place a name can mean, best first: countries, national capitals, regions, then towns
/// by population.
/// A region gives way to a town of the same name inside it ("Aleppo" is the city) unless the
/// name says "province" or "governorate". Falls back to [`skeleton`] keys on an exact miss.
///
/// ```
/// use corroborate_annotate::gazetteer::places;
/// assert_eq!(places("Raqqah")[0].geonames_id, 172955);
/// assert_eq!(places("Al-Qaem")[0].country, "IQ");
/// ```
pub fn places(name: &str) -> Vec<&'static Place> {
    let g = gazetteer();
    let mut key = normalize(name);
    if let Some((_, names)) = alias(&key).filter(|(ty, _)| *ty == EntityType::Gpe) {
        key = names[0].to_string();
    }
    let stem = region_stem(&key).map(str::to_string);
    let region_only = stem.is_some();
    if let Some(stem) = stem {
        key = stem;
    }
    if key.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<usize> = g
        .country_keys
        .get(&key)
        .map(|&c| g.countries[c].place)
        .into_iter()
        .collect();
    found.extend(g.table.find(&key));
    if found.is_empty() {
        let sk = skeleton(&key);
        found.extend(g.country_skeletons.get(&sk).map(|&c| g.countries[c].place));
        if sk.len() >= MIN_SKELETON {
            found.extend(g.table.find_skeleton(&sk));
        }
    }
    let mut found: Vec<&'static Place> = found.into_iter().map(|i| &g.table.places[i]).collect();
    if region_only {
        found.retain(|p| p.is_admin1());
    } else {
        let seats: Vec<(&str, &str)> = found
            .iter()
            .filter(|p| p.feature_class == 'P')
            .map(|p| (p.country, p.admin1))
            .collect();
        found.retain(|p| !(p.is_admin1() && seats.contains(&(p.country, p.admin1))));
    }
    found.sort_by_key(|p| {
        (
            !p.is_country(),
            p.feature_code != "PPLC",
            !p.is_admin1(),
            std::cmp::Reverse(p.population),
            p.geonames_id,
        )
    });
    found.dedup_by_key(|p| p.geonames_id);
    found
}

/// The place a name most likely means, preferring places in the given countries (ISO2, most
/// relevant first), as [`choose`] does with them as `near`.
///
/// ```
/// use corroborate_annotate::gazetteer::resolve;
/// assert_eq!(resolve("Palmyra", &["SY"]).unwrap().geonames_id, 163808);
/// ```
pub fn resolve(name: &str, context: &[&str]) -> Option<&'static Place> {
    choose(&places(name), context, &[])
}

/// A town far from every context country and smaller than this is more likely a namesake of
/// a place the gazetteer lacks ("Rawa" in an Iraqi story is not Rawa Mazowiecka in Poland).
const MIN_FOREIGN_POPULATION: u64 = 100_000;

/// Picks among the candidates of [`places`] (best first) one in a country of the context:
/// `near` (say, the document's countries) or, more cautiously, `far` (the corpus's). A region
/// or country in context always wins; a town in `near` wins unless the best is twenty times
/// its size, in `far` unless it is twice its size ("Moscow" stays in Russia in a document
/// that mentions the US; "Tripoli" is in Lebanon in one that mentions Lebanon). When `near`
/// names countries and the best is neither in them nor in a neighbour, only a country,
/// capital or city of 100,000 is taken. A region needs the context: it is taken in a context
/// country, or out of one only when its name is its own (not [`Place::has_generic_name`]) and
/// means no place in another country; a region named only by directions ("Western", "Gulf")
/// is taken only in `near`, so "Gulf allies" in a text about Syria is no province of Papua
/// New Guinea.
pub fn choose(found: &[&'static Place], near: &[&str], far: &[&str]) -> Option<&'static Place> {
    let best = *found.first()?;
    for (context, factor, document) in [(near, 20, true), (far, 2, false)] {
        let fits = |p: &&&Place| document || !p.has_generic_name();
        let Some(&p) = context
            .iter()
            .find_map(|c| found.iter().filter(fits).find(|p| p.country == *c))
        else {
            continue;
        };
        if p.is_country() || p.is_admin1() || best.population <= p.population.saturating_mul(factor)
        {
            return Some(p);
        }
    }
    if best.is_admin1() {
        let own = !best.has_generic_name() && found.iter().all(|p| p.country == best.country);
        return own.then_some(best);
    }
    let major = best.is_country() || best.feature_code == "PPLC";
    let nearby = |c: &&str| {
        *c == best.country || country(c).is_some_and(|c| c.neighbours.contains(&best.country))
    };
    if near.is_empty()
        || near.iter().any(nearby)
        || major
        || best.population >= MIN_FOREIGN_POPULATION
    {
        Some(best)
    } else {
        None
    }
}

/// Towns of the linking-only supplement (GeoNames cities500 rows that cities15000 lacks:
/// towns of 1,000 or more, and seats of a region whose population GeoNames does not know)
/// in the given countries (ISO2) that a name can mean, most populous first; by the exact key,
/// else by the [`skeleton`]. The main list's places are not among them, and nothing that
/// decides whether a word is a name (the tagger's features, [`classify`]) reads the
/// supplement: it only places names the tagger found and [`places`] cannot place.
///
/// ```
/// use corroborate_annotate::gazetteer::small_places;
/// assert_eq!(small_places("Rawa", &["SY", "IQ"])[0].geonames_id, 92004);
/// ```
pub fn small_places(name: &str, countries: &[&str]) -> Vec<&'static Place> {
    let key = normalize(name);
    if key.is_empty() {
        return Vec::new();
    }
    let s = small();
    let mut found: Vec<usize> = s.table.find(&key);
    found.retain(|&i| countries.contains(&s.table.places[i].country));
    if found.is_empty() {
        let sk = skeleton(&key);
        if sk.len() >= MIN_SKELETON {
            for c in countries {
                found.extend(s.find_in(c, 0, skeleton_fold, MIN_SKELETON, &sk));
            }
        }
    }
    ranked(&s.table, found)
}

/// The supplement's towns in the given countries whose [`consonants`] key equals the
/// name's: looser than [`small_places`], for [`choose_small`] with `unique`.
pub fn small_places_by_consonants(name: &str, countries: &[&str]) -> Vec<&'static Place> {
    let c = consonants(&normalize(name));
    if c.len() < MIN_CONSONANTS {
        return Vec::new();
    }
    let s = small();
    let mut found = Vec::new();
    for country in countries {
        found.extend(s.find_in(country, 1, consonants_into, MIN_CONSONANTS, &c));
    }
    ranked(&s.table, found)
}

/// Places by index, most populous first, each once.
fn ranked(t: &'static Table, found: Vec<usize>) -> Vec<&'static Place> {
    let mut found: Vec<&'static Place> = found.into_iter().map(|i| &t.places[i]).collect();
    found.sort_by_key(|p| (std::cmp::Reverse(p.population), p.geonames_id));
    found.dedup_by_key(|p| p.geonames_id);
    found
}

/// How far from a town the document places a small town may be: news names small towns
/// near the story's bigger ones.
pub const SMALL_TOWN_RADIUS_KM: f64 = 300.0;

/// Picks a town of the supplement only where the context vouches for it twice: it lies within
/// [`SMALL_TOWN_RADIUS_KM`] of one of `anchors` (the coordinates of towns the document names),
/// and in a context country: the most populous such candidate in the first country of `near`
/// (the document's countries) that has one, else of `far` (the corpus's). A small town is
/// never taken on its name alone, so it cannot take a name from a city elsewhere, nor a
/// region's name from a text about that region ("the Levant" is not Levant, Maine, in a text
/// that names Damascus and Washington). With `unique` (candidates from a loose key), a
/// country with two such candidates gives none.
pub fn choose_small(
    found: &[&'static Place],
    near: &[&str],
    far: &[&str],
    anchors: &[(f64, f64)],
    unique: bool,
) -> Option<&'static Place> {
    let close = |p: &&&Place| {
        p.coords
            .is_some_and(|c| anchors.iter().any(|&a| distance_km(a, c) <= SMALL_TOWN_RADIUS_KM))
    };
    for context in [near, far] {
        for c in context {
            let mut here = found.iter().filter(|p| p.country == *c).filter(close);
            if let Some(&p) = here.next() {
                return (!unique || here.next().is_none()).then_some(p);
            }
        }
    }
    None
}

/// Great-circle distance between two `(lat, lon)` points in degrees, in kilometres.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la, lb) = (a.0.to_radians(), b.0.to_radians());
    let (dlat, dlon) = (lb - la, (b.1 - a.1).to_radians());
    let h = (dlat / 2.0).sin().powi(2) + la.cos() * lb.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// The country of a demonym, singular or plural: "Russian", "Russians", "Iraqi", "Iraqis".
pub fn demonym(word: &str) -> Option<&'static Country> {
    let g = gazetteer();
    let key = normalize(word);
    let c = g
        .demonyms
        .get(&key)
        .or_else(|| key.strip_suffix('s').and_then(|k| g.demonyms.get(k)))?;
    Some(&g.countries[*c])
}

/// A country by ISO 3166 alpha-2 code.
pub fn country(iso2: &str) -> Option<&'static Country> {
    let g = gazetteer();
    g.by_iso2.get(iso2).map(|&c| &g.countries[c])
}

/// The country whose capital has this name ("Moscow" → Russia); for metonymy.
pub fn capital_of(name: &str) -> Option<&'static Country> {
    let g = gazetteer();
    g.capitals.get(&normalize(name)).map(|&c| &g.countries[c])
}

/// The country a seat of government stands for: "the Kremlin" → RU, "White House" → US.
pub fn seat_of_government(name: &str) -> Option<&'static str> {
    let key = normalize(name);
    lists::SEATS_OF_GOVERNMENT
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, c)| *c)
}

/// An armed group or informal armed supporters by name, from UCDP: "Syrian insurgents", "SDF",
/// "Jabhat Fateh al-Sham". Acronyms match only when written in capitals ("IS", not "is").
/// Identity groups and governments are not returned (see [`government`]). Where several
/// actors share a name, the one UCDP knows by more names wins ("Islamic State" is IS in
/// Iraq and Syria, not Darul Islam in Indonesia).
pub fn armed_group(name: &str) -> Option<&'static Actor> {
    let g = gazetteer();
    let written_in_capitals = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let hits = g.actor_keys.get(&normalize(name))?;
    hits.iter()
        .filter(|(_, capitals)| !capitals || written_in_capitals)
        .map(|(a, _)| &g.actors[*a])
        .filter(|a| matches!(a.kind, ActorKind::ArmedGroup | ActorKind::Supporters))
        .min_by_key(|a| {
            (
                a.kind != ActorKind::ArmedGroup,
                std::cmp::Reverse(a.names.len()),
                a.ucdp_id,
            )
        })
}

/// The UCDP "Government of …" actor of a country (ISO2), if UCDP has one.
pub fn government(iso2: &str) -> Option<&'static Actor> {
    let g = gazetteer();
    g.governments.get(iso2).map(|&a| &g.actors[a])
}

/// The alias set a normalised key belongs to, as its type and its names, the canonical key
/// first: "isil" → `(ArmedGroup, ["islamic state", "is", "isis", …])`.
pub fn alias(key: &str) -> Option<(EntityType, &'static [&'static str])> {
    static INDEX: OnceLock<HashMap<&'static str, (EntityType, &'static [&'static str])>> =
        OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = HashMap::new();
        for (ty, names) in lists::ALIAS_SETS {
            for name in *names {
                index.entry(*name).or_insert((*ty, *names));
            }
        }
        index
    });
    index.get(key).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_load_and_report_their_size() {
        let start = std::time::Instant::now();
        preload();
        let elapsed = start.elapsed();
        let g = gazetteer();
        eprintln!(
            "gazetteer: {} places, {} keys, {} countries, {} actors; sizes {:?}; loaded in {:?}",
            g.table.places.len(),
            g.table.keys.len(),
            g.countries.len(),
            g.actors.len(),
            resource_sizes(),
            elapsed
        );
        let t = &g.table;
        assert!(t.places.len() > 30_000 && t.keys.len() > 50_000);
        assert!(g.countries.len() > 240 && g.actors.len() > 1_500);
        assert_keys_well_formed(t);
    }

    /// Keys sorted for bisection, each naming at least one place, every index a place.
    fn assert_keys_well_formed(t: &Table) {
        assert!(
            t.keys.windows(2).all(|w| w[0].0 < w[1].0),
            "keys must be sorted for bisection"
        );
        for k in 0..t.keys.len() {
            let ids: Vec<usize> = t.ids(k).collect();
            assert!(
                !ids.is_empty() && ids.iter().all(|&i| i < t.places.len()),
                "{:?}",
                t.keys[k]
            );
        }
    }

    #[test]
    fn the_supplement_loads_in_milliseconds_and_is_well_formed() {
        let start = std::time::Instant::now();
        preload_small_places();
        let elapsed = start.elapsed();
        let t = small_table();
        eprintln!(
            "small places: {} places, {} keys, {} bytes; loaded in {elapsed:?}",
            t.places.len(),
            t.keys.len(),
            SMALL_PLACES.len()
        );
        assert!(t.places.len() > 50_000 && t.keys.len() > t.places.len());
        assert_keys_well_formed(t);
        assert!(t.places.windows(2).all(|w| w[0].geonames_id < w[1].geonames_id));
        let main: std::collections::HashSet<u32> =
            gazetteer().table.places.iter().map(|p| p.geonames_id).collect();
        for p in &t.places {
            assert!(!main.contains(&p.geonames_id), "{} is in both lists", p.name);
            assert!(p.coords.is_some() && p.feature_class == 'P', "{p:?}");
            assert!(p.population >= 1_000 || p.feature_code.starts_with("PPL"), "{p:?}");
        }
    }

    #[test]
    fn small_towns_are_found_only_by_the_linking_calls() {
        // Rāwah (Iraq, 13,000) and As Sukhnah (Syria, a district seat without a population)
        // are below cities15000; the main list does not see them, so the tagger's flags and
        // `classify` do not change.
        let rawa = small_places("Rawa", &["IQ"]);
        assert_eq!((rawa.len(), rawa[0].geonames_id), (1, 92004));
        assert!(places("Rawa").iter().all(|p| p.geonames_id != 92004));
        assert!(places("As Sukhnah").iter().all(|p| p.geonames_id != 172425));
        // Only in the countries asked for: Yemen has an As Sukhnah too.
        assert_eq!(small_places("As Sukhnah", &["SY"])[0].geonames_id, 172425);
        assert!(small_places("As Sukhnah", &["YE"]).iter().all(|p| p.country == "YE"));
        assert!(small_places("As Sukhnah", &[]).is_empty());
        // By the skeleton: "Rawah" and "Rawa".
        assert_eq!(small_places("Sukhna", &["SY"])[0].geonames_id, 172425);
        // "Al-Sukhanah" has an extra vowel: only the consonant key finds it.
        assert!(small_places("Al-Sukhanah", &["SY"]).is_empty());
        let loose = small_places_by_consonants("Al-Sukhanah", &["SY", "IQ"]);
        assert_eq!(loose.iter().map(|p| p.geonames_id).collect::<Vec<_>>(), [172425]);
        assert_eq!(consonants(&normalize("Soukhne")), consonants(&normalize("Sukhanah")));
        assert_ne!(consonants(&normalize("Homs")), consonants(&normalize("Hama")));
        assert_ne!(consonants(&normalize("North America")), consonants(&normalize("North Muroc")));
        // Too short to be trusted.
        assert!(small_places_by_consonants("Rawa", &["IQ"]).is_empty());
    }

    #[test]
    fn a_small_town_needs_a_context_country_and_a_town_nearby() {
        let rawa = small_places("Rawa", &["IQ"]);
        let qaim = resolve("Al-Qaim", &["IQ"]).unwrap().coords.unwrap();
        let moscow = resolve("Moscow", &[]).unwrap().coords.unwrap();
        assert_eq!(choose_small(&rawa, &["IQ"], &[], &[qaim], false).unwrap().geonames_id, 92004);
        assert_eq!(choose_small(&rawa, &["GB"], &["SY", "IQ"], &[qaim], false).unwrap().country, "IQ");
        // No context country, none that has the name, or no town of the document nearby: no town.
        assert!(choose_small(&rawa, &[], &[], &[qaim], false).is_none());
        assert!(choose_small(&rawa, &["XK"], &[], &[qaim], false).is_none());
        assert!(choose_small(&rawa, &["IQ"], &[], &[], false).is_none());
        assert!(choose_small(&rawa, &["IQ"], &[], &[moscow], false).is_none());
        // A loose key must leave one candidate in the country.
        let both = [rawa[0], rawa[0]];
        assert!(choose_small(&both, &["IQ"], &[], &[qaim], true).is_none());
        assert!(choose_small(&both[..1], &["IQ"], &[], &[qaim], true).is_some());
        // Palmyra to Homs is about 150 km.
        let (palmyra, homs) = (resolve("Palmyra", &["SY"]).unwrap(), resolve("Homs", &["SY"]).unwrap());
        let d = distance_km(palmyra.coords.unwrap(), homs.coords.unwrap());
        assert!((140.0..160.0).contains(&d), "{d}");
    }

    #[test]
    fn palmyra_places_resolve_with_coordinates() {
        let cases = [
            ("Palmyra", 163808, "SY"),
            ("Tadmur", 163808, "SY"),
            ("Mosul", 99072, "IQ"),
            ("Raqqa", 172955, "SY"),
            ("Raqqah", 172955, "SY"),
            ("Ar-Raqqah", 172955, "SY"),
            ("Aleppo", 170063, "SY"),
            ("Deir ez-Zor", 170794, "SY"),
            ("Deir Ezzor", 170794, "SY"),
            ("Dayr az Zawr", 170794, "SY"),
            ("Deir al-Zour", 170794, "SY"),
            ("al-Bab", 174018, "SY"),
            ("Idlib", 169389, "SY"),
            ("Homs", 169577, "SY"),
            ("Al-Qaem", 92138, "IQ"),
            ("Al-Qaim", 92138, "IQ"),
            ("Qaim", 92138, "IQ"),
        ];
        for (name, id, country) in cases {
            let p = resolve(name, &["SY", "IQ"]).unwrap_or_else(|| panic!("{name} not found"));
            assert_eq!((p.geonames_id, p.country), (id, country), "{name}");
            assert!(p.coords.is_some(), "{name} has no coordinates");
        }
    }

    #[test]
    fn ranking_prefers_countries_then_regions_then_population() {
        let georgia = places("Georgia");
        assert!(georgia[0].is_country() && georgia[0].country == "GE");
        assert!(georgia.iter().any(|p| p.country == "US" && p.is_admin1()));
        // Context can pick the US state over the country.
        assert_eq!(resolve("Georgia", &["US"]).unwrap().country, "US");
        // A region named like its seat gives way to the city unless asked for by name.
        assert!(places("Aleppo").iter().all(|p| !p.is_admin1()));
        let province = places("Aleppo province");
        assert_eq!(province.len(), 1);
        assert!(province[0].is_admin1() && province[0].coords.is_none());
        // Several towns: the most populous first.
        let tripoli = places("Tripoli");
        assert_eq!(tripoli[0].country, "LY");
        assert_eq!(resolve("Tripoli", &["LB"]).unwrap().country, "LB");
        assert!(places("Xqzzyv").is_empty());
        // A town in context does not beat a capital or a much larger town.
        assert_eq!(resolve("Moscow", &["US"]).unwrap().country, "RU");
        assert_eq!(resolve("Paris", &["US"]).unwrap().country, "FR");
        // A small foreign namesake is no answer when the context says where we are.
        assert_eq!(resolve("Rawa", &[]).unwrap().country, "PL");
        assert!(resolve("Rawa", &["IQ", "SY"]).is_none());
        // A town across the border is not foreign.
        assert_eq!(resolve("Al-Qaem", &["SY"]).unwrap().country, "IQ");
        assert!(country("SY").unwrap().neighbours.contains(&"IQ"));
        // A national capital before a region of the same name.
        assert_eq!(places("Washington")[0].feature_code, "PPLC");
    }

    #[test]
    fn regions_named_by_directions_are_taken_only_in_context() {
        assert!(places("Western").iter().all(|p| p.has_generic_name()));
        assert!(resolve("Western", &[]).is_none());
        assert!(resolve("West", &["SY"]).is_none());
        assert_eq!(resolve("Western", &["ZM"]).unwrap().country, "ZM");
        // The corpus's countries (`far`) are not enough for such a name; the document's are.
        let gulf = places("Gulf");
        assert!(choose(&gulf, &[], &["PG"]).is_none());
        assert_eq!(choose(&gulf, &["PG"], &[]).unwrap().geonames_id, 2096633);
        assert!(names_a_region("Gulf Province") && !names_a_region("Gulf"));
        // A region with a name of its own that means nothing elsewhere stands alone.
        let california = resolve("California", &[]).unwrap();
        assert!(california.is_admin1() && california.country == "US");
        assert!(!california.has_generic_name());
    }

    #[test]
    fn countries_have_ids_coordinates_and_aliases() {
        let syria = resolve("Syria", &[]).unwrap();
        assert_eq!((syria.geonames_id, syria.country), (163843, "SY"));
        assert!(syria.coords.is_some() && syria.is_country());
        assert_eq!(
            resolve("Syrian Arab Republic", &[]).unwrap().geonames_id,
            163843
        );
        for name in ["US", "U.S.", "USA", "United States", "America"] {
            assert_eq!(resolve(name, &[]).unwrap().country, "US", "{name}");
        }
        assert_eq!(resolve("Britain", &[]).unwrap().country, "GB");
        // Two-letter ISO codes are not names: "IS" is not Iceland.
        assert!(places("IS").iter().all(|p| p.country != "IS"));
    }

    #[test]
    fn demonyms_singular_and_plural() {
        for (word, iso2) in [
            ("Russian", "RU"),
            ("Saudi", "SA"),
            ("Russians", "RU"),
            ("Syrian", "SY"),
            ("Iraqi", "IQ"),
            ("Iraqis", "IQ"),
            ("American", "US"),
            ("Turkish", "TR"),
            ("French", "FR"),
        ] {
            assert_eq!(demonym(word).map(|c| c.iso2), Some(iso2), "{word}");
        }
        assert!(demonym("Palmyra").is_none());
    }

    #[test]
    fn armed_groups_from_ucdp() {
        assert_eq!(armed_group("Syrian insurgents").unwrap().ucdp_id, 4456);
        assert_eq!(armed_group("SDF").unwrap().name, "Syrian Democratic Forces");
        assert_eq!(armed_group("Jabhat Fateh al-Sham").unwrap().ucdp_id, 1170);
        let is = armed_group("IS").unwrap();
        assert_eq!((is.ucdp_id, is.name), (234, "Islamic State"));
        assert_eq!(armed_group("Islamic State").unwrap().ucdp_id, 234);
        assert!(
            armed_group("is").is_none(),
            "an acronym matches only in capitals"
        );
        // Governments are reached by country, not by name.
        assert!(armed_group("Government of Syria").is_none());
        assert_eq!(government("SY").unwrap().ucdp_id, 118);
        assert_eq!(government("RU").unwrap().ucdp_id, 57);
    }

    #[test]
    fn capitals_and_seats_of_government() {
        assert_eq!(capital_of("Moscow").unwrap().iso2, "RU");
        assert_eq!(capital_of("Damascus").unwrap().iso2, "SY");
        assert!(capital_of("Palmyra").is_none());
        assert_eq!(seat_of_government("the Kremlin"), Some("RU"));
        assert_eq!(seat_of_government("White House"), Some("US"));
    }

    #[test]
    fn hand_lists_are_written_as_keys() {
        let lists = [
            lists::MEDIA,
            lists::ARMED_SUFFIXES,
            lists::ARMED_PREFIXES,
            lists::ARMED_NAMES,
        ]
        .into_iter()
        .chain([
            lists::FACILITY_SUFFIXES,
            lists::INSTITUTION_SUFFIXES,
            lists::NATURAL_SUFFIXES,
            lists::NATURAL_PREFIXES,
            lists::MEDIA_SUFFIXES,
            lists::EVENT_SUFFIXES,
            lists::EVENT_PREFIXES,
        ]);
        for name in lists
            .flatten()
            .chain(lists::ALIAS_SETS.iter().flat_map(|(_, names)| names.iter()))
        {
            assert_eq!(normalize(name), *name);
        }
        for (seat, _) in lists::SEATS_OF_GOVERNMENT {
            assert_eq!(normalize(seat), *seat);
        }
    }
}
