//! Gazetteers: places (GeoNames cities of 15,000 or more, first-level regions, countries),
//! country names and demonyms (mledoze/countries), armed actors (UCDP), and hand lists of
//! aliases, news outlets and name patterns; with [`classify`], which refines a tagger's type.
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
        &gazetteer().places[self.place]
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

struct Gazetteer {
    places: Vec<Place>,
    /// Sorted `(key, comma-separated place indices)`; the lists are parsed on lookup.
    keys: Vec<(&'static str, &'static str)>,
    /// `(skeleton, index into keys)` sorted, built on the first exact miss.
    skeletons: OnceLock<Vec<(Box<str>, u32)>>,
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

/// Sizes of the embedded resources in bytes: places (gzip), countries, actors.
pub fn resource_sizes() -> [(&'static str, usize); 3] {
    [
        ("places.tsv.gz", PLACES.len()),
        ("countries.tsv", COUNTRIES.len()),
        ("actors.tsv", ACTORS.len()),
    ]
}

fn load() -> Gazetteer {
    let mut text = String::new();
    flate2::read::GzDecoder::new(PLACES)
        .read_to_string(&mut text)
        .expect("resources/places.tsv.gz is corrupt: rebuild it with scripts/build-gazetteers");
    let text: &'static str = Box::leak(text.into_boxed_str());
    let mut g = Gazetteer {
        places: Vec::with_capacity(40_000),
        keys: Vec::with_capacity(120_000),
        skeletons: OnceLock::new(),
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
    let mut section = "";
    for line in text.lines() {
        if line.starts_with('#') {
            section = line;
            continue;
        }
        match section {
            "#places" => g.places.push(parse_place(line)),
            "#keys" => g.keys.push(line.split_once('\t').unwrap_or((line, ""))),
            _ => {}
        }
    }
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
        g.places.push(Place {
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
            place: g.places.len() - 1,
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

impl Gazetteer {
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
        let index = self.skeletons.get_or_init(|| {
            let mut index: Vec<(Box<str>, u32)> = (0..self.keys.len())
                .map(|i| (skeleton(self.keys[i].0).into_boxed_str(), i as u32))
                .filter(|(s, _)| s.len() >= MIN_SKELETON)
                .collect();
            index.sort_unstable();
            index
        });
        let start = index.partition_point(|(s, _)| &**s < sk);
        index[start..]
            .iter()
            .take_while(|(s, _)| &**s == sk)
            .flat_map(|&(_, k)| self.ids(k as usize))
            .collect()
    }
}

/// Words after a region's name that say it is the region, not its seat ("Aleppo province").
const REGION_WORDS: [&str; 5] = ["province", "governorate", "region", "oblast", "state"];

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
    let mut region_only = false;
    for word in REGION_WORDS {
        if let Some(stem) = key.strip_suffix(word).and_then(|k| k.strip_suffix(' ')) {
            key = stem.to_string();
            region_only = true;
        }
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
    found.extend(g.find(&key));
    if found.is_empty() {
        let sk = skeleton(&key);
        found.extend(g.country_skeletons.get(&sk).map(|&c| g.countries[c].place));
        if sk.len() >= MIN_SKELETON {
            found.extend(g.find_skeleton(&sk));
        }
    }
    let mut found: Vec<&'static Place> = found.into_iter().map(|i| &g.places[i]).collect();
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
/// region, capital or city of 100,000 is taken.
pub fn choose(found: &[&'static Place], near: &[&str], far: &[&str]) -> Option<&'static Place> {
    let best = *found.first()?;
    for (context, factor) in [(near, 20), (far, 2)] {
        let Some(&p) = context
            .iter()
            .find_map(|c| found.iter().find(|p| p.country == *c))
        else {
            continue;
        };
        if p.is_country() || p.is_admin1() || best.population <= p.population.saturating_mul(factor)
        {
            return Some(p);
        }
    }
    let major = best.is_country() || best.is_admin1() || best.feature_code == "PPLC";
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
            g.places.len(),
            g.keys.len(),
            g.countries.len(),
            g.actors.len(),
            resource_sizes(),
            elapsed
        );
        assert!(g.places.len() > 30_000 && g.keys.len() > 50_000);
        assert!(g.countries.len() > 240 && g.actors.len() > 1_500);
        assert!(
            g.keys.windows(2).all(|w| w[0].0 < w[1].0),
            "keys must be sorted for bisection"
        );
        for k in 0..g.keys.len() {
            let ids: Vec<usize> = g.ids(k).collect();
            assert!(
                !ids.is_empty() && ids.iter().all(|&i| i < g.places.len()),
                "{:?}",
                g.keys[k]
            );
        }
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
            lists::NATURAL_SUFFIXES,
            lists::NATURAL_PREFIXES,
            lists::MEDIA_SUFFIXES,
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
