//! Refines the type a tagger gave a name, from the gazetteers and name patterns.

use super::{alias, armed_group, capital_of, gazetteer, lists, normalize, places};
use crate::entities::EntityType;

/// The better type for a name the tagger typed `tagged`.
///
/// In order: the hand lists of outlets and aliases; the last or first words of the name
/// (facilities, armed groups, outlets, natural places); UCDP armed groups; then places, which
/// make a LOC, MISC or GPE name a GPE. A name typed ORG becomes a GPE only for a country or a
/// capital ("Moscow said …"), not for any town that shares its name. EVENT is kept as
/// tagged, and PERSON unless a hand list names it ("Hashd al-Shaabi", "Reuters").
///
/// ```
/// use corroborate_annotate::entities::EntityType::*;
/// use corroborate_annotate::gazetteer::classify;
/// assert_eq!(classify("Al-Mahr Oil Fields", Loc), Facility);
/// assert_eq!(classify("Syrian Democratic Forces", Org), ArmedGroup);
/// assert_eq!(classify("RIA Novosti", Org), Media);
/// assert_eq!(classify("Palmyra", Loc), Gpe);
/// ```
pub fn classify(name: &str, tagged: EntityType) -> EntityType {
    use EntityType::*;
    if tagged == Event {
        return tagged;
    }
    let key = normalize(name);
    if key.is_empty() {
        return tagged;
    }
    if lists::MEDIA.contains(&key.as_str()) {
        return Media;
    }
    if let Some((ty, _)) = alias(&key) {
        // Short aliases ("is", "us", "un") are names only when written in capitals.
        if key.len() > 3
            || name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        {
            return ty;
        }
    }
    if lists::ARMED_NAMES.contains(&key.as_str()) {
        return ArmedGroup;
    }
    // Only the hand lists above overrule the tagger on a person.
    if tagged == Person {
        return Person;
    }
    if tagged == Misc && is_event_name(&key) {
        return Event;
    }
    if tagged == Org && key.contains(' ') && key.rsplit(' ').next().is_some_and(|w| lists::INSTITUTION_SUFFIXES.contains(&w)) {
        return Org;
    }
    if let Some(ty) = by_pattern(&key) {
        return ty;
    }
    if armed_group(name).is_some() {
        return ArmedGroup;
    }
    match tagged {
        Org => {
            let g = gazetteer();
            if g.country_keys.contains_key(&key) || capital_of(name).is_some() {
                Gpe
            } else {
                Org
            }
        }
        Misc => {
            if gazetteer().country_keys.contains_key(&key) {
                Gpe
            } else {
                Misc
            }
        }
        Loc | Gpe => match places(name).first() {
            Some(place) => place.entity_type(),
            None => tagged,
        },
        other => other,
    }
}

/// A name of two words or more that ends in an event word ("Gulf War") or starts with one
/// before more of the name ("Battle of Mosul", "Operation Euphrates Shield").
fn is_event_name(key: &str) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    words.len() >= 2 && (lists::EVENT_SUFFIXES.contains(&words[words.len() - 1]) || lists::EVENT_PREFIXES.contains(&words[0]))
}

/// The type the first or last words of a name imply, if any. A one-word name has no pattern
/// ("Army" alone is not a group).
fn by_pattern(key: &str) -> Option<EntityType> {
    use EntityType::*;
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() < 2 {
        return None;
    }
    let ends_with = |list: &[&str]| {
        list.iter().any(|suffix| {
            let n = suffix.split(' ').count();
            n < words.len() && words[words.len() - n..].join(" ") == *suffix
        })
    };
    if ends_with(lists::FACILITY_SUFFIXES) {
        return Some(Facility);
    }
    if ends_with(lists::MEDIA_SUFFIXES) {
        return Some(Media);
    }
    if ends_with(lists::ARMED_SUFFIXES) || lists::ARMED_PREFIXES.contains(&words[0]) {
        return Some(ArmedGroup);
    }
    if ends_with(lists::NATURAL_SUFFIXES) || lists::NATURAL_PREFIXES.contains(&words[0]) {
        return Some(Loc);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    #[test]
    fn media_by_list_and_pattern() {
        for name in [
            "Reuters",
            "AP",
            "AFP",
            "RIA Novosti",
            "TASS",
            "Sputnik",
            "RT",
            "Al Jazeera",
            "BBC",
            "CNN",
            "The Duran",
            "Xinhua",
            "Anadolu",
            "SANA",
        ] {
            assert_eq!(classify(name, Org), Media, "{name}");
        }
        for name in [
            "Al Masdar News",
            "The Moscow Times",
            "Washington Post",
            "Syrian Arab News Agency",
            "Hawar News Agency",
        ] {
            assert_eq!(classify(name, Org), Media, "{name}");
        }
        // An agency that does not report news is not an outlet.
        assert_eq!(classify("Central Intelligence Agency", Org), Org);
    }

    #[test]
    fn armed_groups_by_alias_pattern_and_ucdp() {
        for name in [
            "Islamic State",
            "ISIS",
            "ISIL",
            "Daesh",
            "IS",
            "Hezbollah",
            "al-Nusra",
            "Hashd al-Shaabi",
        ] {
            assert_eq!(classify(name, Org), ArmedGroup, "{name}");
        }
        for name in [
            "Syrian Democratic Forces",
            "Tiger Forces",
            "Free Syrian Army",
            "Liwa al-Quds",
            "Sultan Murad Brigade",
            "Levant Front",
            "Kurdish militia",
        ] {
            assert_eq!(classify(name, Org), ArmedGroup, "{name}");
        }
        assert_eq!(classify("Syrian insurgents", Misc), ArmedGroup);
        assert_eq!(classify("Ahrar al-Sham", Org), ArmedGroup);
        // The verb "is" is not the group, and a bare pattern word is no name.
        assert_eq!(classify("is", Misc), Misc);
        assert_eq!(classify("Army", Org), Org);
        // The Islamic State is not a GPE even when the tagger says so.
        assert_eq!(classify("Islamic State", Gpe), ArmedGroup);
    }

    #[test]
    fn facilities_by_pattern() {
        for name in [
            "Al-Mahr Oil Fields",
            "T4 Air Base",
            "Deir ez-Zor Airport",
            "Tishrin Dam",
            "Saydnaya Prison",
            "Al-Shaer gas field",
            "Palmyra Military Airport",
        ] {
            assert_eq!(classify(name, Loc), Facility, "{name}");
        }
    }

    #[test]
    fn places_become_gpe_or_loc() {
        for name in ["Palmyra", "Raqqa", "Deir Ezzor", "Syria", "Al-Qaem"] {
            assert_eq!(classify(name, Loc), Gpe, "{name}");
        }
        assert_eq!(classify("Jabal Hayyan", Gpe), Loc);
        assert_eq!(classify("Euphrates River", Gpe), Loc);
        assert_eq!(classify("Mount Hermon", Gpe), Loc);
        // A name typed ORG becomes a GPE only for a country or capital.
        assert_eq!(classify("Moscow", Org), Gpe);
        assert_eq!(classify("Russia", Org), Gpe);
        assert_eq!(classify("Bedford", Org), Org);
        // No gazetteer entry: the tagger's type stands.
        assert_eq!(classify("Qzyxx", Loc), Loc);
        assert_eq!(classify("Sergey Lavrov", Person), Person);
        assert_eq!(classify("Hashd Al Shaabi", Person), ArmedGroup);
        assert_eq!(classify("Reuters", Person), Media);
        // Patterns, UCDP and places do not overrule a person.
        assert_eq!(classify("Jack Army", Person), Person);
        assert_eq!(classify("Paris", Person), Person);
        assert_eq!(classify("World War", Event), Event);
        // A MISC name ending or starting with an event word is an event; an ORG is not.
        assert_eq!(classify("Gulf War", Misc), Event);
        assert_eq!(classify("Battle of Mosul", Misc), Event);
        assert_eq!(classify("Arab Spring", Misc), Event);
        assert_eq!(classify("Ministry of War", Org), Org);
        // A facility word that also names an institution keeps the tagger's ORG.
        assert_eq!(classify("Catholic Church", Org), Org);
        assert_eq!(classify("Catholic Church", Loc), Facility);
        assert_eq!(classify("Syrian", Misc), Misc);
    }
}
