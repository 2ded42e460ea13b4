//! Stage 3: links entity mentions across a corpus, so that every mention of one thing in any
//! document carries one entity id.
//!
//! Each mention gets a key from its own text and from facts gathered over the whole corpus in
//! one pass (acronyms defined in text, full names of people, the countries documents talk
//! about); mentions with equal keys are one entity. Keys never depend on the order documents
//! come in, so neither do ids or groupings, and the work is linear in the number of mentions.
//!
//! Rules, in the order they apply to a mention:
//! - its type is refined by [`gazetteer::classify`] and fixes its group: people, organisations
//!   (ORG, ARMED_GROUP, MEDIA), places (GPE, LOC, FACILITY), events, other;
//! - people: the name with each word folded by [`gazetteer::skeleton`] ("Sergei" = "Sergey");
//!   a surname alone links to the one full name in the corpus that ends with it;
//! - places: a GeoNames place, preferring the countries the document and then the corpus
//!   mention most ("Palmyra" in Syria), by its normalised and transliteration keys (see
//!   [`gazetteer::choose`]); the entity id is `gn:` and the GeoNames id. A GPE or LOC the
//!   main list cannot place may be a smaller town of the linking-only supplement
//!   ([`gazetteer::small_places`]), taken only in a country of the context and near a town
//!   the same document names ([`gazetteer::choose_small`]). A lone word tagged
//!   PERSON or MISC that the corpus names as a place elsewhere, and no one's surname, is that
//!   place;
//! - organisations: a hand list of alias sets (IS = ISIS = ISIL = Daesh), then UCDP actors
//!   (`ucdp:` ids); an acronym defined in parentheses anywhere in the corpus ("Syrian
//!   Democratic Forces (SDF)"), or else, when neither list knows it, equal to the initials of
//!   exactly one full name in it;
//! - everything else: its normalised name.
//!
//! A capital or seat of government that is the subject of a verb of saying or blaming
//! ("Moscow accused", "the Kremlin said") is marked as metonymy for that country's
//! government; the mention stays with the place.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::entities::{EntityType, Mention};
use crate::gazetteer::{self, normalize, skeleton, Place};

/// One document's text and the mentions found in it.
#[derive(Clone, Copy, Debug)]
pub struct DocumentMentions<'a> {
    pub text: &'a str,
    pub mentions: &'a [Mention],
}

/// A mention by position: the `mention`-th mention of the `document`-th document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MentionRef {
    pub document: usize,
    pub mention: usize,
}

/// Where a place is.
#[derive(Clone, Debug, PartialEq)]
pub struct Geo {
    pub lat: f64,
    pub lon: f64,
    pub geonames_id: u32,
    /// ISO 3166 alpha-2.
    pub country: &'static str,
}

/// One thing mentioned in the corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// `gn:ID` for GeoNames places, `ucdp:ID` for UCDP actors, otherwise the group and a
    /// hash of the key (`org:…`, `per:…`, `loc:…`, `evt:…`, `misc:…`).
    pub id: String,
    /// The most frequent full form among its mentions.
    pub name: String,
    pub ty: EntityType,
    /// Every distinct surface form, sorted.
    pub aliases: Vec<String>,
    pub mentions: Vec<MentionRef>,
    pub documents: Vec<usize>,
    pub geo: Option<Geo>,
    /// The place, when it is one from the gazetteer (a region may have no coordinates).
    pub place: Option<&'static Place>,
    /// Mentions that stand for a government ("Moscow said").
    pub metonymy: Vec<MentionRef>,
}

/// How one mention is linked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// Index into [`Linked::entities`].
    pub entity: usize,
    /// The country (ISO2) whose government this mention stands for, if it is metonymy.
    pub government_of: Option<&'static str>,
}

/// The entities of a corpus, sorted by id, and for each document the link of each mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Linked {
    pub entities: Vec<Entity>,
    pub links: Vec<Vec<Link>>,
}

/// Which mentions may be one entity: types within a group are compatible.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Group {
    Person,
    Organisation,
    Place,
    Event,
    Other,
}

impl Group {
    fn of(ty: EntityType) -> Group {
        match ty {
            EntityType::Person => Group::Person,
            EntityType::Org | EntityType::ArmedGroup | EntityType::Media => Group::Organisation,
            EntityType::Gpe | EntityType::Loc | EntityType::Facility => Group::Place,
            EntityType::Event => Group::Event,
            EntityType::Misc => Group::Other,
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Group::Person => "per",
            Group::Organisation => "org",
            Group::Place => "loc",
            Group::Event => "evt",
            Group::Other => "misc",
        }
    }
}

/// What mentions with the same key are: one entity.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    Place(u32),
    Actor(u32),
    Name(Group, String),
}

/// What a surface form and its tagged type say, before corpus facts are used. Made once per
/// distinct (form, type) in the corpus; mentions refer to it by index.
#[derive(Clone, Debug)]
struct Analysis {
    surface: String,
    ty: EntityType,
    group: Group,
    /// The key from the name alone (aliases and UCDP applied, places not yet resolved).
    key: Key,
    /// Gazetteer candidates, best first, when the mention is a GPE or LOC.
    places: Vec<&'static Place>,
    acronym: bool,
    /// Whether the alias table or UCDP knows the name.
    known: bool,
}

/// What one entity gathers while mentions are assigned to it.
#[derive(Default)]
struct Members {
    mentions: Vec<MentionRef>,
    /// Mentions per analysis (form and type).
    analyses: HashMap<u32, usize>,
    place: Option<&'static Place>,
}

/// Links the mentions of a corpus, given in any order.
pub fn link(documents: &[DocumentMentions]) -> Linked {
    // Each distinct (type, form) is analysed once; mentions keep an index into the table.
    let mut table: Vec<Analysis> = Vec::new();
    let mut seen: Vec<HashMap<String, u32>> = vec![HashMap::new(); EntityType::ALL.len()];
    let mut facts = CorpusFacts::default();
    let mut analysis_of: Vec<Vec<u32>> = Vec::with_capacity(documents.len());
    for doc in documents {
        let mut ids = Vec::with_capacity(doc.mentions.len());
        for m in doc.mentions {
            let form = surface(doc.text, m);
            let by_form = &mut seen[type_index(m.ty)];
            let a = match by_form.get(form) {
                Some(&a) => a,
                None => {
                    table.push(analyse(form, m.ty));
                    by_form.insert(form.to_string(), table.len() as u32 - 1);
                    table.len() as u32 - 1
                }
            };
            facts.observe_definition(doc.text, m, &table[a as usize]);
            ids.push(a);
        }
        analysis_of.push(ids);
    }
    drop(seen);
    for a in &table {
        facts.observe(a);
    }
    // A lone word the tagger called a person or MISC that the corpus names as a place
    // elsewhere, and that is no one's surname, is that place ("Palmyra" tagged PERSON).
    let place_forms: HashSet<String> = table
        .iter()
        .filter(|a| !a.places.is_empty())
        .map(|a| normalize(&a.surface))
        .collect();
    for a in &mut table {
        let lone = match &a.key {
            Key::Name(Group::Person, key) => {
                !key.contains(' ') && !facts.surnames.contains_key(key)
            }
            Key::Name(Group::Other, _) => true,
            _ => false,
        };
        if lone && place_forms.contains(&normalize(&a.surface)) {
            a.ty = EntityType::Gpe;
            a.group = Group::Place;
            a.places = gazetteer::places(&a.surface);
        }
    }
    // A name no gazetteer or list knows is one thing however the tagger typed each mention
    // ("St. Maren" as ORG here and LOC there): it takes the type most of its mentions have.
    let mut uses = vec![0usize; table.len()];
    for ids in &analysis_of {
        for &a in ids {
            uses[a as usize] += 1;
        }
    }
    let mut votes: HashMap<String, BTreeMap<EntityType, usize>> = HashMap::new();
    let unknown = |a: &Analysis| a.places.is_empty() && !a.known && matches!(a.key, Key::Name(..));
    for (a, n) in table.iter().zip(&uses) {
        if unknown(a) {
            *votes.entry(normalize(&a.surface)).or_default().entry(a.ty).or_default() += n;
        }
    }
    for a in &mut table {
        if !unknown(a) {
            continue;
        }
        let Some(v) = votes.get(&normalize(&a.surface)) else { continue };
        let best = v.iter().max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0))).map(|(t, _)| *t);
        if let Some(best) = best.filter(|&t| Group::of(t) != a.group) {
            let places = std::mem::take(&mut a.places);
            *a = analyse(&a.surface.clone(), best);
            a.ty = best;
            a.places.extend(places);
        }
    }
    let definitions = facts.unique_definitions();
    let resolved: Vec<Key> = table
        .iter()
        .map(|a| facts.resolve(a, &definitions))
        .collect();

    // Countries each document talks about: countries named, and capitals or regions that
    // mean one place only (a small town would vouch for its own namesake). A region named
    // only by directions ("Gulf", "West") vouches only with its qualifying word ("Gulf
    // Province"): alone it is more often a common word than the region.
    let mut doc_countries: Vec<Vec<&'static str>> = Vec::with_capacity(documents.len());
    let mut corpus_counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for ids in &analysis_of {
        let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
        for &a in ids {
            let analysis = &table[a as usize];
            let found = &analysis.places;
            if let Some(first) = found.first() {
                let region = first.is_admin1()
                    && (!first.has_generic_name() || gazetteer::names_a_region(&analysis.surface));
                let major = region || matches!(first.feature_code, "PPLC" | "PPLA");
                if first.is_country() || major && found.iter().all(|p| p.country == first.country) {
                    *counts.entry(first.country).or_default() += 1;
                }
            }
        }
        for (c, n) in &counts {
            *corpus_counts.entry(c).or_default() += n;
        }
        doc_countries.push(by_count(&counts));
    }
    // The corpus's few main countries; beyond them, a name keeps its most likely meaning.
    let corpus_countries: Vec<&'static str> =
        by_count(&corpus_counts).into_iter().take(3).collect();

    // Every mention to its key; mentions are visited in order, so member lists come sorted.
    let mut keys: Vec<Key> = Vec::new();
    let mut key_index: HashMap<Key, usize> = HashMap::new();
    let mut members: Vec<Members> = Vec::new();
    let mut key_of: Vec<Vec<usize>> = Vec::with_capacity(documents.len());
    let mut metonymy: HashMap<MentionRef, &'static str> = HashMap::new();
    for (d, doc) in documents.iter().enumerate() {
        let mut doc_keys = Vec::with_capacity(doc.mentions.len());
        let chosen = places_of(&analysis_of[d], &table, &doc_countries[d], &corpus_countries);
        for (i, m) in doc.mentions.iter().enumerate() {
            let a = analysis_of[d][i];
            let analysis = &table[a as usize];
            let r = MentionRef {
                document: d,
                mention: i,
            };
            let place = chosen[i];
            let key = match place {
                Some(p) => Key::Place(p.geonames_id),
                None => resolved[a as usize].clone(),
            };
            let k = *key_index.entry(key).or_insert_with_key(|key| {
                keys.push(key.clone());
                members.push(Members::default());
                keys.len() - 1
            });
            let entry = &mut members[k];
            entry.mentions.push(r);
            *entry.analyses.entry(a).or_default() += 1;
            entry.place = entry.place.or(place);
            if let Some(country) = government_of(doc.text, m, &analysis.surface) {
                metonymy.insert(r, country);
            }
            doc_keys.push(k);
        }
        key_of.push(doc_keys);
    }
    drop(key_index);

    // Entities sorted by id; ids depend on keys only.
    let ids: Vec<String> = keys.iter().map(entity_id).collect();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| ids[a].cmp(&ids[b]));
    let mut entity_of = vec![0; keys.len()];
    for (e, &k) in order.iter().enumerate() {
        entity_of[k] = e;
    }
    let links = key_of
        .iter()
        .enumerate()
        .map(|(d, doc_keys)| {
            doc_keys
                .iter()
                .enumerate()
                .map(|(i, &k)| Link {
                    entity: entity_of[k],
                    government_of: metonymy
                        .get(&MentionRef {
                            document: d,
                            mention: i,
                        })
                        .copied(),
                })
                .collect()
        })
        .collect();
    let mut members: Vec<Option<Members>> = members.into_iter().map(Some).collect();
    let entities = order
        .iter()
        .map(|&k| {
            let m = members[k].take().unwrap_or_default();
            build_entity(ids[k].clone(), &keys[k], m, &table, &metonymy)
        })
        .collect();
    Linked { entities, links }
}

/// The place each mention of one document stands for: from the main list by
/// [`gazetteer::choose`], else, for a GPE or LOC, a town of the supplement near a town the
/// main list placed in this document ([`gazetteer::choose_small`]).
fn places_of(
    ids: &[u32],
    table: &[Analysis],
    near: &[&'static str],
    far: &[&'static str],
) -> Vec<Option<&'static Place>> {
    let mut chosen: Vec<Option<&'static Place>> = ids
        .iter()
        .map(|&a| gazetteer::choose(&table[a as usize].places, near, far))
        .collect();
    let anchors: Vec<(f64, f64)> = chosen
        .iter()
        .flatten()
        .filter(|p| p.feature_class == 'P')
        .filter_map(|p| p.coords)
        .collect();
    if anchors.is_empty() {
        return chosen;
    }
    let mut countries: Vec<&str> = near.iter().chain(far).copied().collect();
    countries.sort_unstable();
    countries.dedup();
    for (place, &a) in chosen.iter_mut().zip(ids) {
        let analysis = &table[a as usize];
        if place.is_some() || !matches!(analysis.ty, EntityType::Gpe | EntityType::Loc) {
            continue;
        }
        let found = gazetteer::small_places(&analysis.surface, &countries);
        *place = gazetteer::choose_small(&found, near, far, &anchors, false).or_else(|| {
            let loose = gazetteer::small_places_by_consonants(&analysis.surface, &countries);
            gazetteer::choose_small(&loose, near, far, &anchors, true)
        });
    }
    chosen
}

fn build_entity(
    id: String,
    key: &Key,
    members: Members,
    table: &[Analysis],
    metonymy: &HashMap<MentionRef, &'static str>,
) -> Entity {
    let mut forms: BTreeMap<&str, usize> = BTreeMap::new();
    let mut types: BTreeMap<EntityType, usize> = BTreeMap::new();
    for (&a, &n) in &members.analyses {
        let analysis = &table[a as usize];
        *forms.entry(analysis.surface.as_str()).or_default() += n;
        *types.entry(analysis.ty).or_default() += n;
    }
    let ty = match members.place {
        Some(p) => p.entity_type(),
        // The most frequent type; a tie goes to the first in `EntityType` order.
        None => types
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(t, _)| *t)
            .unwrap_or(EntityType::Misc),
    };
    let mut documents: Vec<usize> = members.mentions.iter().map(|m| m.document).collect();
    documents.dedup();
    let geo = members.place.and_then(|p| {
        p.coords.map(|(lat, lon)| Geo {
            lat,
            lon,
            geonames_id: p.geonames_id,
            country: p.country,
        })
    });
    Entity {
        id,
        name: canonical_name(&forms, matches!(key, Key::Name(Group::Person, _))),
        ty,
        aliases: forms.keys().map(|s| s.to_string()).collect(),
        metonymy: members
            .mentions
            .iter()
            .filter(|r| metonymy.contains_key(r))
            .copied()
            .collect(),
        mentions: members.mentions,
        documents,
        geo,
        place: members.place,
    }
}

fn type_index(ty: EntityType) -> usize {
    EntityType::ALL.iter().position(|&t| t == ty).unwrap_or(0)
}

/// A mention's text without a trailing possessive ("Russia's" → "Russia").
fn surface<'t>(text: &'t str, m: &Mention) -> &'t str {
    let s = m.span.of(text).trim();
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
}

/// Whether a name is written like an acronym: "SDF", "ISIL", "U.S.".
fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=8).contains(&letters.len())
        && letters.iter().filter(|c| c.is_uppercase()).count() >= 2
        && !name.contains(' ')
        && letters.iter().filter(|c| c.is_lowercase()).count() <= 1
}

/// One key for the two ways of naming a ministry or department: "Ministry of Defence",
/// "Defense Ministry" and "the Russian Ministry of Defense" / "Russian Defence Ministry".
fn ministry_key(norm: &str) -> String {
    let norm = norm.strip_prefix("the ").unwrap_or(norm);
    let mut key = norm.to_string();
    for office in ["ministry", "department"] {
        if let Some(at) = norm.find(&format!("{office} of ")) {
            let (before, rest) = (&norm[..at], &norm[at + office.len() + 4..]);
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            key = format!("{before}{rest} {office}");
            break;
        }
    }
    key.replace("defence", "defense")
}

fn analyse(surface: &str, tagged: EntityType) -> Analysis {
    let ty = gazetteer::classify(surface, tagged);
    let group = Group::of(ty);
    let norm = normalize(surface);
    let acronym = is_acronym(surface);
    let short_ok = norm.len() > 3 || acronym;
    let aliased = gazetteer::alias(&norm).filter(|_| short_ok);
    let mut known = aliased.is_some();
    let key = match group {
        Group::Person => Key::Name(group, person_key(&norm)),
        Group::Organisation => {
            let canonical = aliased
                .map(|(_, names)| names[0].to_string())
                .unwrap_or_else(|| norm.clone());
            // UCDP by the name itself, else by any name of its alias set ("al-Qaeda" = "al-Qaida").
            let names = aliased.map(|(_, names)| names).unwrap_or_default();
            let actor = gazetteer::armed_group(surface)
                .or_else(|| names.iter().find_map(|n| gazetteer::armed_group(n)));
            match actor {
                Some(actor) => {
                    known = true;
                    Key::Actor(actor.ucdp_id)
                }
                None => Key::Name(group, ministry_key(&canonical)),
            }
        }
        // Unresolved places join on their transliteration key ("Jebel Hayan" = "Jebel Hayyan").
        Group::Place => Key::Name(group, skeleton(&norm)),
        _ => Key::Name(
            group,
            aliased
                .map(|(_, names)| names[0].to_string())
                .unwrap_or(norm),
        ),
    };
    let places = if matches!(ty, EntityType::Gpe | EntityType::Loc) {
        gazetteer::places(surface)
    } else {
        Vec::new()
    };
    Analysis {
        surface: surface.to_string(),
        ty,
        group,
        key,
        places,
        acronym,
        known,
    }
}

/// A person's key: each word of the normalised name folded by [`skeleton`].
fn person_key(norm: &str) -> String {
    norm.split(' ').map(skeleton).collect::<Vec<_>>().join(" ")
}

/// Function words left out of initials: "Islamic State of Iraq and the Levant" → ISIL.
const NOT_INITIALS: [&str; 14] = [
    "of", "the", "and", "for", "in", "on", "to", "al", "el", "de", "du", "des", "la", "le",
];

fn initials(norm: &str) -> Option<String> {
    let words: Vec<&str> = norm
        .split(' ')
        .filter(|w| !NOT_INITIALS.contains(w))
        .collect();
    (words.len() >= 2).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

/// Facts that only the whole corpus tells: acronym definitions, full names of people and
/// organisations. Sets, so that the order documents come in does not matter.
#[derive(Default)]
struct CorpusFacts {
    /// Acronym key → keys of the full names it was defined for in text.
    defined: BTreeMap<String, BTreeSet<Key>>,
    /// Initials → keys of multi-word organisation names.
    initials: BTreeMap<String, BTreeSet<Key>>,
    /// Folded surname → keys of full names of people.
    surnames: BTreeMap<String, BTreeSet<String>>,
}

impl CorpusFacts {
    /// An acronym defined in parentheses after a full organisation name.
    fn observe_definition(&mut self, text: &str, m: &Mention, a: &Analysis) {
        if a.group == Group::Organisation && !a.acronym {
            if let Some(acronym) = acronym_after(text, m.span.end()) {
                self.defined
                    .entry(normalize(acronym))
                    .or_default()
                    .insert(a.key.clone());
            }
        }
    }

    /// Full names of people by surname, and organisation names by initials.
    fn observe(&mut self, a: &Analysis) {
        match (&a.key, a.group) {
            (Key::Name(Group::Person, key), _) => {
                if let Some((_, last)) = key.rsplit_once(' ') {
                    self.surnames
                        .entry(last.to_string())
                        .or_default()
                        .insert(key.clone());
                }
            }
            (key, Group::Organisation) if !a.acronym => {
                if let Some(i) = initials(&normalize(&a.surface)) {
                    self.initials.entry(i).or_default().insert(key.clone());
                }
            }
            _ => {}
        }
    }

    /// Acronyms defined for exactly one full name.
    fn unique_definitions(&self) -> HashMap<&str, &Key> {
        self.defined
            .iter()
            .filter(|(_, keys)| keys.len() == 1)
            .filter_map(|(acronym, keys)| Some((acronym.as_str(), keys.iter().next()?)))
            .collect()
    }

    /// The key of a non-place mention once corpus facts are known.
    fn resolve(&self, a: &Analysis, definitions: &HashMap<&str, &Key>) -> Key {
        match &a.key {
            Key::Name(Group::Person, key) if !key.contains(' ') => match self.surnames.get(key) {
                Some(full) if full.len() == 1 => Key::Name(
                    Group::Person,
                    full.iter().next().cloned().unwrap_or_default(),
                ),
                _ => a.key.clone(),
            },
            _ if a.acronym && a.group == Group::Organisation => {
                // What the corpus defines beats the lists; the lists beat a guess from initials.
                let norm = normalize(&a.surface);
                if let Some(key) = definitions.get(norm.as_str()) {
                    return (*key).clone();
                }
                if a.known {
                    return a.key.clone();
                }
                match self.initials.get(&norm) {
                    Some(keys) if keys.len() == 1 && norm.len() >= 3 => {
                        keys.iter().next().cloned().unwrap_or_else(|| a.key.clone())
                    }
                    _ => a.key.clone(),
                }
            }
            _ => a.key.clone(),
        }
    }
}

/// An acronym in parentheses right after a name: "Syrian Democratic Forces (SDF)".
fn acronym_after(text: &str, end: usize) -> Option<&str> {
    let rest = text[end..].trim_start_matches([' ', '\u{a0}']);
    let inner = rest.strip_prefix('(')?;
    let close = inner.find(')')?;
    let acronym = inner[..close].trim();
    is_acronym(acronym).then_some(acronym)
}

/// Verbs whose subject, when a capital, is its government (beside any past tense in "-ed").
const GOVERNMENT_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "accuses",
    "blames",
    "announces",
    "denies",
    "claims",
    "warns",
    "condemns",
    "insists",
    "urges",
    "demands",
    "rejects",
    "confirms",
    "threatens",
    "alleges",
    "vows",
    "argues",
    "believes",
    "wants",
    "calls",
    "declares",
    "sent",
    "sends",
    "took",
    "takes",
    "made",
    "makes",
    "gave",
    "gives",
    "sought",
    "seeks",
    "knew",
    "knows",
    "thinks",
    "thought",
    "fears",
    "hopes",
    "plans",
    "supports",
    "backs",
    "needs",
    "wrote",
];
/// Words between a subject and its verb: auxiliaries and a few adverbs.
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "was", "were", "are", "would", "will", "could", "can", "may",
    "might", "should", "must", "did", "does", "also", "then", "now", "still", "not", "never",
    "already",
];
/// Nouns after a capital's possessive that make it the government ("Washington's decision").
const GOVERNMENT_NOUNS: &[&str] = &[
    "decision",
    "policy",
    "position",
    "instruction",
    "instructions",
    "support",
    "backing",
    "strategy",
    "plan",
    "plans",
    "response",
    "demands",
    "role",
    "allies",
    "ally",
    "proxies",
    "control",
    "involvement",
    "intervention",
    "stance",
    "approach",
    "claims",
    "accusations",
    "officials",
    "envoy",
    "government",
    "leadership",
];
const PREPOSITIONS: &[&str] = &[
    "in", "to", "from", "of", "near", "at", "into", "around", "outside", "via", "between", "and",
];

/// The country a mention stands for when it is a capital or seat of government acting as a
/// government: the subject of a verb ("Moscow said", "Washington is worried", "Damascus
/// largely secured") or the owner of a decision ("Washington's instruction").
fn government_of(text: &str, m: &Mention, surface: &str) -> Option<&'static str> {
    let country = gazetteer::seat_of_government(surface)
        .or_else(|| gazetteer::capital_of(surface).map(|c| c.iso2))?;
    let before = text[..m.span.start()].trim_end();
    let before = before
        .strip_suffix("the")
        .or_else(|| before.strip_suffix("The"))
        .unwrap_or(before)
        .trim_end();
    let previous = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if PREPOSITIONS.contains(&previous.to_lowercase().as_str()) {
        return None;
    }
    let after = &text[m.span.end()..];
    let mut words = after
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\''));
    if let Some(possessive) = after
        .strip_prefix("’s")
        .or_else(|| after.strip_prefix("'s"))
    {
        let noun = possessive.split_whitespace().next().unwrap_or("");
        let noun = noun.trim_matches(|c: char| !c.is_alphabetic());
        return GOVERNMENT_NOUNS.contains(&noun).then_some(country);
    }
    // Only a word right after the name (no punctuation between) can be its verb.
    if !after.starts_with([' ', '\u{a0}']) {
        return None;
    }
    let mut seen_auxiliary = false;
    for word in words.by_ref().take(4) {
        let is_lower = word.chars().next().is_some_and(char::is_lowercase);
        if !is_lower {
            return None;
        }
        if AUXILIARIES.contains(&word) {
            seen_auxiliary = true;
            continue;
        }
        if word.ends_with("ly") && word.len() > 4 {
            continue;
        }
        let verb = GOVERNMENT_VERBS.contains(&word) || (word.ends_with("ed") && word.len() > 4);
        let participle = seen_auxiliary && word.ends_with("ing") && word.len() > 5;
        return (verb || participle).then_some(country);
    }
    None
}

fn by_count(counts: &BTreeMap<&'static str, usize>) -> Vec<&'static str> {
    let mut v: Vec<(&'static str, usize)> = counts.iter().map(|(c, n)| (*c, *n)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.into_iter().map(|(c, _)| c).collect()
}

/// The most frequent full form: not an acronym, and for people more than one word, when
/// there is one; ties go to the longer form, then the first in sort order.
fn canonical_name(forms: &BTreeMap<&str, usize>, person: bool) -> String {
    let full = |f: &str| !is_acronym(f) && (!person || f.contains(' '));
    let pool: Vec<(&str, usize)> = if forms.keys().any(|f| full(f)) {
        forms
            .iter()
            .filter(|(f, _)| full(f))
            .map(|(f, n)| (*f, *n))
            .collect()
    } else {
        forms.iter().map(|(f, n)| (*f, *n)).collect()
    };
    pool.into_iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(f, _)| f.to_string())
        .unwrap_or_default()
}

fn entity_id(key: &Key) -> String {
    match key {
        Key::Place(id) => format!("gn:{id}"),
        Key::Actor(id) => format!("ucdp:{id}"),
        Key::Name(group, name) => format!("{}:{:016x}", group.prefix(), crate::fnv1a(name.bytes())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ministries_have_one_key_however_named() {
        assert_eq!(ministry_key("ministry of defence"), "defense ministry");
        assert_eq!(ministry_key("the russian ministry of defense"), "russian defense ministry");
        assert_eq!(ministry_key("russian defence ministry"), "russian defense ministry");
        assert_eq!(ministry_key("state department"), "state department");
        assert_eq!(ministry_key("department of state"), "state department");
    }
    use crate::Span;
    use proptest::prelude::*;
    use EntityType::*;

    /// A document and its mentions, each given as the text it covers and its type, in order
    /// of occurrence.
    fn doc(text: &str, names: &[(&str, EntityType)]) -> (String, Vec<Mention>) {
        let mut from = 0;
        let mentions = names
            .iter()
            .map(|(name, ty)| {
                let start = from
                    + text[from..]
                        .find(name)
                        .unwrap_or_else(|| panic!("{name} not in text"));
                from = start + name.len();
                Mention {
                    span: Span::new(text, start, from).unwrap(),
                    ty: *ty,
                    title: None,
                }
            })
            .collect();
        (text.to_string(), mentions)
    }

    fn run(docs: &[(String, Vec<Mention>)]) -> Linked {
        let input: Vec<DocumentMentions> = docs
            .iter()
            .map(|(t, m)| DocumentMentions {
                text: t,
                mentions: m,
            })
            .collect();
        link(&input)
    }

    fn entity(linked: &Linked, doc: usize, mention: usize) -> &Entity {
        &linked.entities[linked.links[doc][mention].entity]
    }

    #[test]
    fn same_name_and_compatible_type_is_one_entity() {
        let docs = [
            doc("Reuters reported the clash.", &[("Reuters", Org)]),
            doc("According to Reuters, it ended.", &[("Reuters", Media)]),
            doc(
                "George Washington slept here; Washington is far.",
                &[("George Washington", Person), ("Washington", Gpe)],
            ),
            doc("Washington said no.", &[("Washington", Person)]),
        ];
        let l = run(&docs);
        assert_eq!(entity(&l, 0, 0).id, entity(&l, 1, 0).id);
        assert_eq!(entity(&l, 0, 0).ty, Media);
        assert_eq!(entity(&l, 0, 0).documents, vec![0, 1]);
        // A person and a place of the same name stay apart.
        assert_ne!(entity(&l, 2, 1).id, entity(&l, 3, 0).id);
        assert!(entity(&l, 2, 1).id.starts_with("gn:"));
        assert!(entity(&l, 3, 0).id.starts_with("per:"));
    }

    #[test]
    fn alias_sets_join_islamic_state_names() {
        let docs = [
            doc(
                "The Islamic State (IS) took the town. IS fighters advanced.",
                &[("Islamic State", Org), ("IS", Org), ("IS", Org)],
            ),
            doc(
                "ISIS and ISIL are the same as Daesh.",
                &[("ISIS", Org), ("ISIL", Org), ("Daesh", Misc)],
            ),
            doc(
                "Islamic State of Iraq and the Levant claimed it; the Islamic State said so.",
                &[
                    ("Islamic State of Iraq and the Levant", Org),
                    ("Islamic State", Org),
                ],
            ),
        ];
        let l = run(&docs);
        let is = entity(&l, 0, 0);
        assert_eq!(is.id, "ucdp:234");
        assert_eq!((is.name.as_str(), is.ty), ("Islamic State", ArmedGroup));
        assert_eq!(is.mentions.len(), 8);
        assert_eq!(
            is.aliases,
            [
                "Daesh",
                "IS",
                "ISIL",
                "ISIS",
                "Islamic State",
                "Islamic State of Iraq and the Levant"
            ]
        );
        assert_eq!(l.entities.len(), 1);
    }

    #[test]
    fn country_aliases_resolve_to_the_country() {
        let docs = [doc(
            "The US and the U.S. and the United States and America; also the UK and Britain.",
            &[
                ("US", Gpe),
                ("U.S.", Gpe),
                ("United States", Gpe),
                ("America", Gpe),
                ("UK", Gpe),
                ("Britain", Gpe),
            ],
        )];
        let l = run(&docs);
        let us = entity(&l, 0, 0);
        assert_eq!(us.id, "gn:6252001");
        assert_eq!(us.name, "United States");
        assert_eq!(us.mentions.len(), 4);
        assert_eq!(us.geo.as_ref().map(|g| g.country), Some("US"));
        assert_eq!(entity(&l, 0, 4).id, entity(&l, 0, 5).id);
        assert_eq!(entity(&l, 0, 4).place.map(|p| p.country), Some("GB"));
    }

    #[test]
    fn acronyms_defined_in_text_link_across_documents() {
        let docs = [
            doc(
                "The Kurdish Liberation Committee (KLC) met the Syrian Observatory for Human Rights.",
                &[("Kurdish Liberation Committee", Org), ("KLC", Org), ("Syrian Observatory for Human Rights", Org)],
            ),
            doc("KLC said it would return. SOHR counted 50.", &[("KLC", Org), ("SOHR", Org)]),
        ];
        let l = run(&docs);
        let klc = entity(&l, 0, 0);
        assert_eq!(klc.name, "Kurdish Liberation Committee");
        assert_eq!(entity(&l, 0, 1).id, klc.id);
        assert_eq!(entity(&l, 1, 0).id, klc.id);
        assert_eq!(klc.documents, vec![0, 1]);
        // SOHR by the alias table.
        assert_eq!(entity(&l, 1, 1).id, entity(&l, 0, 2).id);
    }

    #[test]
    fn a_definition_in_the_corpus_beats_the_lists() {
        // UCDP's NLC is Ghana's National Liberation Council; this corpus says otherwise.
        let docs = [
            doc(
                "The Nineveh Liberation Council (NLC) formed.",
                &[("Nineveh Liberation Council", Org), ("NLC", Org)],
            ),
            doc("NLC fighters.", &[("NLC", Org)]),
        ];
        let l = run(&docs);
        assert_eq!(entity(&l, 1, 0).id, entity(&l, 0, 0).id);
        assert!(entity(&l, 1, 0).id.starts_with("org:"));
        // Without the definition it is UCDP's.
        let alone = run(&[doc("NLC fighters.", &[("NLC", Org)])]);
        assert_eq!(entity(&alone, 0, 0).id, "ucdp:457");
    }

    #[test]
    fn an_acronym_defined_for_two_names_stays_apart() {
        let docs = [
            doc(
                "The Free Lions Front (FLF) fought.",
                &[("Free Lions Front", Org), ("FLF", Org)],
            ),
            doc(
                "The Future Labour Federation (FLF) protested.",
                &[("Future Labour Federation", Org), ("FLF", Org)],
            ),
            doc("FLF denied it.", &[("FLF", Org)]),
        ];
        let l = run(&docs);
        assert_ne!(entity(&l, 2, 0).id, entity(&l, 0, 0).id);
        assert_ne!(entity(&l, 2, 0).id, entity(&l, 1, 0).id);
    }

    #[test]
    fn acronyms_equal_to_the_initials_of_one_full_name_link() {
        let docs = [
            doc(
                "The Tartus Volunteer Committee met.",
                &[("Tartus Volunteer Committee", Org)],
            ),
            doc(
                "The TVC said it would meet. The AB said nothing.",
                &[("TVC", Org), ("AB", Org)],
            ),
            doc("The Alpha Beta group.", &[("Alpha Beta", Org)]),
        ];
        let l = run(&docs);
        assert_eq!(entity(&l, 1, 0).id, entity(&l, 0, 0).id);
        // Two letters are too few to trust initials.
        assert_ne!(entity(&l, 1, 1).id, entity(&l, 2, 0).id);
    }

    #[test]
    fn surnames_link_to_the_one_full_name() {
        let docs = [
            doc(
                "Sergey Lavrov spoke. Bashar al-Assad listened.",
                &[("Sergey Lavrov", Person), ("Bashar al-Assad", Person)],
            ),
            doc(
                "Lavrov said Assad must stay. Sergey Lavrov agreed.",
                &[
                    ("Lavrov", Person),
                    ("Assad", Person),
                    ("Sergey Lavrov", Person),
                ],
            ),
            doc("Sergei Lavrov again.", &[("Sergei Lavrov", Person)]),
        ];
        let l = run(&docs);
        let lavrov = entity(&l, 0, 0);
        assert_eq!(lavrov.name, "Sergey Lavrov");
        assert_eq!(lavrov.mentions.len(), 4);
        assert_eq!(
            entity(&l, 1, 1).id,
            entity(&l, 0, 1).id,
            "Assad → Bashar al-Assad"
        );
        assert_eq!(entity(&l, 1, 1).name, "Bashar al-Assad");
    }

    #[test]
    fn an_ambiguous_surname_stays_alone() {
        let docs = [
            doc(
                "Bashar al-Assad and Hafez al-Assad.",
                &[("Bashar al-Assad", Person), ("Hafez al-Assad", Person)],
            ),
            doc("Assad spoke.", &[("Assad", Person)]),
        ];
        let l = run(&docs);
        assert_ne!(entity(&l, 1, 0).id, entity(&l, 0, 0).id);
        assert_ne!(entity(&l, 1, 0).id, entity(&l, 0, 1).id);
        assert_eq!(l.entities.len(), 3);
    }

    #[test]
    fn place_spellings_join_with_coordinates() {
        let docs = [
            doc(
                "Deir ez-Zor, Raqqa and Al-Qaem.",
                &[("Deir ez-Zor", Gpe), ("Raqqa", Gpe), ("Al-Qaem", Loc)],
            ),
            doc(
                "Deir Ezzor, Raqqah and Al-Qaim.",
                &[("Deir Ezzor", Loc), ("Raqqah", Gpe), ("Al-Qaim", Gpe)],
            ),
        ];
        let l = run(&docs);
        for (i, id) in [(0, 170794), (1, 172955), (2, 92138)] {
            let e = entity(&l, 0, i);
            assert_eq!(e.id, format!("gn:{id}"));
            assert_eq!(entity(&l, 1, i).id, e.id);
            assert_eq!(e.ty, Gpe);
            let geo = e.geo.as_ref().unwrap();
            assert_eq!(geo.geonames_id, id);
            assert!(geo.lat.abs() > 30.0 && geo.lon > 38.0);
        }
        assert_eq!(l.entities.len(), 3);
    }

    #[test]
    fn a_lone_word_named_as_a_place_elsewhere_is_that_place() {
        let docs = [
            doc(
                "Fighters left Mosul for Palmyra.",
                &[("Mosul", Gpe), ("Palmyra", Gpe)],
            ),
            doc(
                "Palmyra fell in Syria; Mosul held. Jordan and Michael Jordan.",
                &[
                    ("Palmyra", Person),
                    ("Syria", Gpe),
                    ("Mosul", Misc),
                    ("Jordan", Person),
                    ("Michael Jordan", Person),
                ],
            ),
            doc("Jordan borders Syria.", &[("Jordan", Gpe)]),
        ];
        let l = run(&docs);
        assert_eq!(entity(&l, 1, 0).id, "gn:163808");
        assert_eq!(entity(&l, 1, 0).ty, Gpe);
        assert_eq!(entity(&l, 1, 2).id, "gn:99072");
        // A surname stays a person.
        assert_eq!(entity(&l, 1, 3).name, "Michael Jordan");
        assert_eq!(entity(&l, 2, 0).id, "gn:248816");
    }

    #[test]
    fn a_region_named_by_a_direction_needs_its_country_or_its_qualifier() {
        let docs = [
            doc(
                "Their Gulf allies met in Damascus while the West and the East looked on.",
                &[("Gulf", Loc), ("Damascus", Gpe), ("West", Loc), ("East", Gpe)],
            ),
            doc("Rain closed the roads of Gulf Province.", &[("Gulf Province", Gpe)]),
            doc(
                "In Papua New Guinea, Gulf had the worst rain.",
                &[("Papua New Guinea", Gpe), ("Gulf", Gpe)],
            ),
            doc(
                "Zambia said Western would get the new clinics.",
                &[("Zambia", Gpe), ("Western", Gpe)],
            ),
        ];
        let l = run(&docs);
        for i in [0, 2, 3] {
            let e = entity(&l, 0, i);
            assert!(e.place.is_none() && e.geo.is_none(), "{} linked to a place", e.name);
        }
        assert_eq!(entity(&l, 0, 1).geo.as_ref().unwrap().country, "SY");
        assert_eq!(entity(&l, 1, 0).id, "gn:2096633");
        assert_eq!(entity(&l, 2, 1).id, "gn:2096633");
        let western = entity(&l, 3, 1).place.unwrap();
        assert!(western.is_admin1() && western.country == "ZM");
    }

    #[test]
    fn places_prefer_the_countries_a_document_mentions() {
        let docs = [
            doc(
                "In Lebanon, Tripoli was calm.",
                &[("Lebanon", Gpe), ("Tripoli", Gpe)],
            ),
            doc(
                "In Libya, Tripoli was not.",
                &[("Libya", Gpe), ("Tripoli", Gpe)],
            ),
        ];
        let l = run(&docs);
        assert_eq!(entity(&l, 0, 1).geo.as_ref().unwrap().country, "LB");
        assert_eq!(entity(&l, 1, 1).geo.as_ref().unwrap().country, "LY");
        assert_ne!(entity(&l, 0, 1).id, entity(&l, 1, 1).id);
    }

    #[test]
    fn unresolved_places_join_on_their_transliteration() {
        let docs = [doc(
            "Jabal Hayyan and Jabal Hayan, near Al-Sukhanah.",
            &[
                ("Jabal Hayyan", Loc),
                ("Jabal Hayan", Loc),
                ("Al-Sukhanah", Gpe),
            ],
        )];
        let l = run(&docs);
        let jabal = entity(&l, 0, 0);
        assert_eq!(entity(&l, 0, 1).id, jabal.id);
        assert_eq!((jabal.ty, jabal.geo.as_ref()), (Loc, None));
        assert!(jabal.id.starts_with("loc:"));
        assert_ne!(entity(&l, 0, 2).id, jabal.id);
    }

    #[test]
    fn small_towns_are_placed_near_the_towns_of_their_document() {
        let docs = [
            doc(
                "Fighters left Rawa and Al-Qaem in Iraq for Palmyra, by way of Al-Sukhanah in Syria.",
                &[
                    ("Rawa", Gpe),
                    ("Al-Qaem", Gpe),
                    ("Iraq", Gpe),
                    ("Palmyra", Gpe),
                    ("Al-Sukhanah", Loc),
                    ("Syria", Gpe),
                ],
            ),
            // No town of this document is placed: Rawa stays a name.
            doc("Rawa, in Iraq, was quiet.", &[("Rawa", Gpe), ("Iraq", Gpe)]),
        ];
        let l = run(&docs);
        let rawa = entity(&l, 0, 0);
        assert_eq!((rawa.id.as_str(), rawa.ty), ("gn:92004", Gpe));
        assert_eq!(rawa.geo.as_ref().unwrap().country, "IQ");
        let sukhnah = entity(&l, 0, 4);
        assert_eq!((sukhnah.id.as_str(), sukhnah.ty), ("gn:172425", Gpe));
        assert!(sukhnah.geo.as_ref().unwrap().lon > 38.0);
        assert!(entity(&l, 1, 0).geo.is_none());
        assert!(entity(&l, 1, 0).id.starts_with("loc:"));
    }

    #[test]
    fn small_towns_do_not_take_the_names_of_cities_or_regions() {
        // The supplement has a Paris, a Moscow and a Levant in the United States.
        for name in ["Paris", "Moscow", "Levant"] {
            assert!(!gazetteer::small_places(name, &["US"]).is_empty(), "{name}");
        }
        let docs = [doc(
            "The United States said Paris, Moscow, Washington and Damascus disagree on the Levant.",
            &[
                ("United States", Gpe),
                ("Paris", Gpe),
                ("Moscow", Gpe),
                ("Washington", Gpe),
                ("Damascus", Gpe),
                ("Levant", Loc),
            ],
        )];
        let l = run(&docs);
        assert_eq!(entity(&l, 0, 1).geo.as_ref().unwrap().country, "FR");
        assert_eq!(entity(&l, 0, 2).geo.as_ref().unwrap().country, "RU");
        assert!(entity(&l, 0, 5).geo.is_none(), "{:?}", entity(&l, 0, 5));
    }

    #[test]
    fn metonymy_is_recorded_on_the_place() {
        let docs = [doc(
            "Moscow said the strikes hit IS. The Kremlin has denied it. He lives in Moscow. Damascus accused Ankara.",
            &[("Moscow", Org), ("IS", Org), ("Kremlin", Org), ("Moscow", Gpe), ("Damascus", Gpe), ("Ankara", Gpe)],
        )];
        let l = run(&docs);
        let moscow = entity(&l, 0, 0);
        assert_eq!((moscow.ty, moscow.id.as_str()), (Gpe, "gn:524901"));
        assert_eq!(entity(&l, 0, 3).id, moscow.id);
        assert_eq!(
            moscow.metonymy,
            vec![MentionRef {
                document: 0,
                mention: 0
            }]
        );
        assert_eq!(l.links[0][0].government_of, Some("RU"));
        assert_eq!(l.links[0][2].government_of, Some("RU"));
        assert_eq!(l.links[0][3].government_of, None);
        assert_eq!(l.links[0][4].government_of, Some("SY"));
        assert_eq!(l.links[0][5].government_of, None);
    }

    #[test]
    fn metonymy_needs_a_verb_or_a_decision() {
        let cases = [
            ("Washington is worried about it.", Some("US")),
            ("Washington is conspiring again.", Some("US")),
            ("Washington plotted to stop it.", Some("US")),
            ("Damascus largely secured the city.", Some("SY")),
            ("It was Washington’s instruction.", Some("US")),
            ("Moscow's streets were empty.", None),
            ("He flew to Moscow said a source.", None),
            ("Moscow and Damascus agreed.", None),
            ("Moscow is a big city.", None),
            ("Moscow, the capital.", None),
            ("Palmyra said nothing.", None),
        ];
        for (text, expected) in cases {
            let name = ["Washington", "Damascus", "Moscow", "Palmyra"]
                .into_iter()
                .find(|n| text.contains(n))
                .unwrap();
            let l = run(&[doc(text, &[(name, Gpe)])]);
            assert_eq!(l.links[0][0].government_of, expected, "{text}");
        }
    }

    #[test]
    fn types_are_refined_by_the_gazetteer() {
        let docs = [doc(
            "Fighters left the Al-Mahr Oil Fields for Palmyra, said RIA Novosti and the Syrian Democratic Forces.",
            &[("Al-Mahr Oil Fields", Loc), ("Palmyra", Loc), ("RIA Novosti", Org), ("Syrian Democratic Forces", Org)],
        )];
        let l = run(&docs);
        assert_eq!(entity(&l, 0, 0).ty, Facility);
        assert_eq!(entity(&l, 0, 1).ty, Gpe);
        assert_eq!(entity(&l, 0, 1).id, "gn:163808");
        assert_eq!(entity(&l, 0, 2).ty, Media);
        assert_eq!(entity(&l, 0, 3).ty, ArmedGroup);
        assert_eq!(entity(&l, 0, 3).id, "ucdp:6288");
    }

    #[test]
    fn canonical_name_is_the_most_frequent_full_form() {
        let mut forms = BTreeMap::new();
        forms.insert("SDF", 5);
        forms.insert("Syrian Democratic Forces", 1);
        assert_eq!(canonical_name(&forms, false), "Syrian Democratic Forces");
        let mut forms = BTreeMap::new();
        forms.insert("Raqqa", 2);
        forms.insert("Raqqah", 2);
        forms.insert("Ar-Raqqah", 1);
        assert_eq!(canonical_name(&forms, false), "Raqqah");
        let mut forms = BTreeMap::new();
        forms.insert("Lavrov", 9);
        forms.insert("Sergey Lavrov", 1);
        assert_eq!(canonical_name(&forms, true), "Sergey Lavrov");
    }

    #[test]
    fn empty_corpus_links_nothing() {
        assert_eq!(
            link(&[]),
            Linked {
                entities: vec![],
                links: vec![]
            }
        );
        let docs = [doc("Nothing here.", &[])];
        assert_eq!(run(&docs).links, vec![Vec::<Link>::new()]);
    }

    fn corpus() -> Vec<(String, Vec<Mention>)> {
        vec![
            doc(
                "The Syrian Democratic Forces (SDF) attacked Raqqa.",
                &[
                    ("Syrian Democratic Forces", Org),
                    ("SDF", Org),
                    ("Raqqa", Gpe),
                ],
            ),
            doc(
                "SDF fighters near Raqqah; Sergey Lavrov spoke.",
                &[("SDF", Org), ("Raqqah", Gpe), ("Sergey Lavrov", Person)],
            ),
            doc(
                "Lavrov said IS took Palmyra. Moscow said so.",
                &[
                    ("Lavrov", Person),
                    ("IS", Org),
                    ("Palmyra", Loc),
                    ("Moscow", Org),
                ],
            ),
            doc(
                "ISIS in Tripoli, Lebanon.",
                &[("ISIS", Org), ("Tripoli", Gpe), ("Lebanon", Gpe)],
            ),
            doc(
                "Daesh in Tripoli, Libya, says the Tartus Volunteer Committee.",
                &[
                    ("Daesh", Misc),
                    ("Tripoli", Gpe),
                    ("Libya", Gpe),
                    ("Tartus Volunteer Committee", Org),
                ],
            ),
            doc(
                "The TVC and Sergei Lavrov in Deir Ezzor.",
                &[("TVC", Org), ("Sergei Lavrov", Person), ("Deir Ezzor", Loc)],
            ),
        ]
    }

    /// Each document's text with the entity id and name of each of its mentions.
    fn by_text(
        docs: &[(String, Vec<Mention>)],
        l: &Linked,
    ) -> BTreeMap<String, Vec<(String, String, EntityType)>> {
        docs.iter()
            .zip(&l.links)
            .map(|((text, _), links)| {
                let ids = links
                    .iter()
                    .map(|k| &l.entities[k.entity])
                    .map(|e| (e.id.clone(), e.name.clone(), e.ty))
                    .collect();
                (text.clone(), ids)
            })
            .collect()
    }

    proptest! {
        #[test]
        fn output_does_not_depend_on_document_order(order in Just((0..6usize).collect::<Vec<_>>()).prop_shuffle()) {
            let docs = corpus();
            let shuffled: Vec<_> = order.iter().map(|&i| docs[i].clone()).collect();
            let (a, b) = (run(&docs), run(&shuffled));
            prop_assert_eq!(by_text(&docs, &a), by_text(&shuffled, &b));
            let ids = |l: &Linked| l.entities.iter().map(|e| (e.id.clone(), e.aliases.clone(), e.mentions.len())).collect::<Vec<_>>();
            prop_assert_eq!(ids(&a), ids(&b));
        }
    }

    #[test]
    fn the_order_test_corpus_exercises_every_rule() {
        let docs = corpus();
        let l = run(&docs);
        assert_eq!(entity(&l, 0, 1).id, entity(&l, 1, 0).id, "acronym");
        assert_eq!(entity(&l, 0, 2).id, entity(&l, 1, 1).id, "spelling");
        assert_eq!(entity(&l, 2, 0).id, entity(&l, 1, 2).id, "surname");
        assert_eq!(
            entity(&l, 5, 1).id,
            entity(&l, 1, 2).id,
            "spelling of a first name"
        );
        assert_eq!(entity(&l, 3, 0).id, entity(&l, 4, 0).id, "alias");
        assert_ne!(entity(&l, 3, 1).id, entity(&l, 4, 1).id, "context");
        assert_eq!(entity(&l, 5, 0).id, entity(&l, 4, 3).id, "initials");
        assert_eq!(l.links[2][3].government_of, Some("RU"));
    }
}

#[cfg(test)]
mod palmyra {
    use super::*;

    /// The Palmyra pages through the sentence splitter, the tagger and the linker: names of
    /// the same thing the tagger finds are one entity, and the story's places carry coordinates.
    #[test]
    fn palmyra_pages_link() {
        let Some(paths) = crate::palmyra_pages() else {
            return;
        };
        let texts: Vec<String> = paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        let mentions: Vec<Vec<Mention>> = texts
            .iter()
            .map(|t| crate::entities::recognize(t, &crate::sentences::split(t)).0)
            .collect();
        let docs: Vec<DocumentMentions> = texts
            .iter()
            .zip(&mentions)
            .map(|(text, m)| DocumentMentions { text, mentions: m })
            .collect();
        let linked = link(&docs);
        for e in &linked.entities {
            if e.mentions.len() > 1 || e.geo.is_some() {
                eprintln!(
                    "{} {:?} {:?} {:?} docs={:?} geo={:?} meton={}",
                    e.id,
                    e.name,
                    e.ty,
                    e.aliases,
                    e.documents,
                    e.geo.as_ref().map(|g| (g.lat, g.lon, g.country)),
                    e.metonymy.len()
                );
            }
        }
        let mut islamic_state = BTreeSet::new();
        for (d, doc) in docs.iter().enumerate() {
            for (i, m) in doc.mentions.iter().enumerate() {
                let e = &linked.entities[linked.links[d][i].entity];
                let name = m.span.of(doc.text);
                if ["IS", "ISIS", "ISIL", "Islamic State", "Daesh"].contains(&name) {
                    islamic_state.insert(e.id.clone());
                }
                let places = [
                    "Palmyra",
                    "Mosul",
                    "Raqqa",
                    "Aleppo",
                    "Deir ez-Zor",
                    "al-Bab",
                    "Idlib",
                    "Homs",
                    "Al-Qaem",
                ];
                if places.contains(&name) && matches!(e.ty, EntityType::Gpe | EntityType::Loc) {
                    assert!(e.geo.is_some(), "{name} has no coordinates");
                }
            }
        }
        assert!(islamic_state.len() <= 1, "{islamic_state:?}");
    }
}
