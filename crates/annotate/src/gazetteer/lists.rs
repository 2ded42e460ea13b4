//! Hand-maintained name lists: alias sets, news outlets, and the name patterns of armed
//! groups, media, facilities and natural places. Entries are written as [`normalize`] keys
//! would be (lower case, no article, no punctuation) and checked to be so by a test.
//!
//! [`normalize`]: super::normalize

use crate::entities::EntityType;

/// Sets of names for one thing that no gazetteer joins. The first name of a set is its
/// canonical key.
pub(crate) const ALIAS_SETS: &[(EntityType, &[&str])] = &[
    (
        EntityType::ArmedGroup,
        &[
            "islamic state",
            "is",
            "isis",
            "isil",
            "daesh",
            "daish",
            "islamic state group",
            "islamic state of iraq and the levant",
            "islamic state of iraq and levant",
            "islamic state in iraq and the levant",
            "islamic state of iraq and syria",
            "islamic state in iraq and syria",
            "islamic state of iraq and sham",
            "islamic state in iraq and sham",
            "islamic state of iraq and al sham",
            "islamic state in iraq and al sham",
            "so called islamic state",
        ],
    ),
    (EntityType::ArmedGroup, &["syrian democratic forces", "sdf"]),
    (
        EntityType::ArmedGroup,
        &[
            "hezbollah",
            "hizbollah",
            "hizballah",
            "hizbullah",
            "hezbullah",
            "hisbollah",
        ],
    ),
    (
        EntityType::ArmedGroup,
        &[
            "nusra front",
            "nusra",
            "jabhat nusra",
            "jabhat al nusra",
            "nusrah front",
            "jabhat fateh al sham",
            "jabhat fatah al sham",
            "front for the conquest of the levant",
        ],
    ),
    (
        EntityType::ArmedGroup,
        &[
            "hayat tahrir al sham",
            "hts",
            "tahrir al sham",
            "hayat tahrir sham",
        ],
    ),
    (EntityType::ArmedGroup, &["free syrian army", "fsa"]),
    (
        EntityType::ArmedGroup,
        &["syrian arab army", "saa", "syrian army"],
    ),
    (EntityType::ArmedGroup, &["peoples protection units", "ypg"]),
    (EntityType::ArmedGroup, &["kurdistan workers party", "pkk"]),
    (
        EntityType::ArmedGroup,
        &[
            "popular mobilization forces",
            "popular mobilisation forces",
            "popular mobilization units",
            "popular mobilisation units",
            "pmf",
            "pmu",
            "hashd al shaabi",
            "hashd al shabi",
            "hashd shaabi",
            "hashd",
        ],
    ),
    (EntityType::ArmedGroup, &["qaeda", "qaida"]),
    (EntityType::ArmedGroup, &["taliban", "taleban"]),
    (
        EntityType::Gpe,
        &[
            "united states",
            "us",
            "usa",
            "united states of america",
            "america",
        ],
    ),
    (
        EntityType::Gpe,
        &["united kingdom", "uk", "britain", "great britain"],
    ),
    (EntityType::Gpe, &["russia", "russian federation"]),
    (EntityType::Org, &["united nations", "un"]),
    (EntityType::Org, &["european union", "eu"]),
    (
        EntityType::Org,
        &[
            "nato",
            "north atlantic treaty organization",
            "north atlantic treaty organisation",
        ],
    ),
    (
        EntityType::Org,
        &["syrian observatory for human rights", "sohr"],
    ),
    (EntityType::Media, &["ria novosti", "ria"]),
    (EntityType::Media, &["agence france presse", "afp"]),
    (EntityType::Media, &["associated press", "ap"]),
    (EntityType::Media, &["jazeera", "aljazeera"]),
    (EntityType::Media, &["rt", "russia today"]),
    (EntityType::Media, &["tass", "itar tass"]),
    (EntityType::Media, &["syrian arab news agency", "sana"]),
    (EntityType::Media, &["anadolu agency", "anadolu", "aa"]),
    (
        EntityType::Media,
        &["bbc", "british broadcasting corporation"],
    ),
];

/// News agencies and outlets, as keys.
pub(crate) const MEDIA: &[&str] = &[
    "reuters",
    "xinhua",
    "sputnik",
    "sputnik news",
    "cnn",
    "duran",
    "interfax",
    "tasnim",
    "fars",
    "irna",
    "press tv",
    "presstv",
    "kyodo",
    "yonhap",
    "efe",
    "ansa",
    "dpa",
    "upi",
    "bloomberg",
    "npr",
    "pbs",
    "msnbc",
    "nbc",
    "cbs",
    "abc news",
    "fox news",
    "sky news",
    "euronews",
    "france 24",
    "deutsche welle",
    "dw",
    "arabiya",
    "mayadeen",
    "masdar",
    "masdar news",
    "alalam",
    "manar",
    "akhbar",
    "asharq al awsat",
    "middle east eye",
    "daily sabah",
    "trt",
    "hurriyet",
    "haaretz",
    "ynet",
    "guardian",
    "independent",
    "telegraph",
    "economist",
    "newsweek",
    "politico",
    "axios",
    "vox",
    "buzzfeed",
    "vice",
    "breitbart",
    "infowars",
    "zero hedge",
    "zerohedge",
    "south front",
    "southfront",
    "global research",
    "moon of alabama",
    "intercept",
    "daily beast",
    "huffington post",
    "huffpost",
    "le monde",
    "spiegel",
    "der spiegel",
    "amaq",
    "hawar news",
    "rudaw",
    "kurdistan 24",
    "anha",
    "zaman al wasl",
    "enab baladi",
];

/// Last words that make a name an armed group ("Syrian Democratic Forces", "Tiger Forces").
pub(crate) const ARMED_SUFFIXES: &[&str] = &[
    "forces",
    "force",
    "brigade",
    "brigades",
    "army",
    "armies",
    "front",
    "militia",
    "militias",
    "battalion",
    "battalions",
    "regiment",
    "division",
    "corps",
    "legion",
    "guard",
    "guards",
    "units",
    "mujahideen",
    "mujahedeen",
    "insurgents",
    "rebels",
    "peshmerga",
];

/// First words of Arabic armed-group names ("Liwa al-Quds", "Jaysh al-Islam").
pub(crate) const ARMED_PREFIXES: &[&str] = &[
    "liwa", "jaysh", "jaish", "harakat", "haraka", "kataib", "katibat", "jabhat", "saraya",
    "faylaq", "ansar", "jund", "hayat", "quwat", "quwwat", "asaib",
];

/// Names of armed groups no pattern catches.
pub(crate) const ARMED_NAMES: &[&str] = &[
    "hamas",
    "houthis",
    "houthi",
    "ansar allah",
    "boko haram",
    "shabaab",
    "ypj",
    "peshmerga",
    "wagner",
    "wagner group",
    "janjaweed",
    "tiger forces",
    "shabiha",
];

/// Facility words that also name the institution housed there ("the Catholic Church said",
/// "the National Theatre staged"): a name the tagger calls `ORG` that ends in one stays `ORG`.
pub(crate) const INSTITUTION_SUFFIXES: &[&str] = &["church", "museum", "theatre", "theater", "hospital", "embassy", "consulate", "temple"];

/// Last words that make a name a facility, as key word sequences.
pub(crate) const FACILITY_SUFFIXES: &[&str] = &[
    "oil field",
    "oil fields",
    "oilfield",
    "oilfields",
    "gas field",
    "gas fields",
    "airport",
    "air base",
    "airbase",
    "airfield",
    "base",
    "hospital",
    "dam",
    "prison",
    "palace",
    "refinery",
    "power plant",
    "power station",
    "bridge",
    "checkpoint",
    "museum",
    "mosque",
    "church",
    "cathedral",
    "stadium",
    "pipeline",
    "crossing",
    "barracks",
    "embassy",
    "consulate",
    "citadel",
    "castle",
    "temple",
    "theatre",
    "theater",
    "amphitheatre",
    "square",
    "port",
    "academy",
    "factory",
    "silo",
    "silos",
    "depot",
];

/// Words that make a name a natural place (LOC), not a GPE.
pub(crate) const NATURAL_SUFFIXES: &[&str] = &[
    "mountain",
    "mountains",
    "hills",
    "hill",
    "river",
    "desert",
    "valley",
    "sea",
    "gulf",
    "lake",
    "ocean",
    "plain",
    "plains",
    "peninsula",
    "basin",
    "strait",
    "oasis",
];

/// First words of natural places ("Jabal Hayyan", "Mount Hermon", "Wadi Barada").
pub(crate) const NATURAL_PREFIXES: &[&str] = &[
    "jabal", "jebel", "jabel", "jbel", "mount", "mt", "lake", "wadi", "river", "gulf",
];

/// Last words of named events ("Gulf War", "Arab Spring", "Geneva Conference", "World Cup"):
/// a name the tagger calls `MISC` that ends in one is an `EVENT`.
pub(crate) const EVENT_SUFFIXES: &[&str] = &[
    "war", "wars", "revolution", "uprising", "intifada", "spring", "offensive", "massacre",
    "genocide", "crisis", "conference", "summit", "talks", "accords", "accord", "olympics",
    "games", "cup", "championship", "championships", "election", "elections", "referendum",
];

/// First words of named events ("Battle of Mosul", "Siege of Aleppo", "Operation Euphrates
/// Shield").
pub(crate) const EVENT_PREFIXES: &[&str] = &["battle", "siege", "operation", "liberation", "fall"];

/// Last words of news outlets ("Al Masdar News", "The Moscow Times", "Asia Times").
pub(crate) const MEDIA_SUFFIXES: &[&str] = &[
    "news",
    "times",
    "post",
    "news agency",
    "press agency",
    "press",
    "tv",
    "television",
    "radio",
    "daily",
    "herald",
    "tribune",
    "journal",
    "gazette",
    "broadcasting",
    "broadcasting corporation",
    "telegraph",
    "chronicle",
    "magazine",
    "newspaper",
    "wire",
    "media",
    "news network",
];

/// Buildings and places whose name stands for a government, with the country they stand for.
pub(crate) const SEATS_OF_GOVERNMENT: &[(&str, &str)] = &[
    ("kremlin", "RU"),
    ("white house", "US"),
    ("pentagon", "US"),
    ("state department", "US"),
    ("capitol hill", "US"),
    ("foggy bottom", "US"),
    ("downing street", "GB"),
    ("whitehall", "GB"),
    ("elysee", "FR"),
    ("elysee palace", "FR"),
    ("quai dorsay", "FR"),
    ("zhongnanhai", "CN"),
];

/// Words that alone make no region's proper name: directions and kinds of land, as keys.
/// GeoNames has first-level regions called only by them ("Western" in Zambia, "East" and
/// "West" in Cameroon, "Gulf" in Papua New Guinea), which news uses as ordinary words ("the
/// West", "Gulf allies"); see [`super::Place::has_generic_name`]. The words that name a
/// region's kind are [`REGION_WORDS`].
pub(crate) const GENERIC_PLACE_WORDS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "central", "centre", "center", "middle", "upper", "lower",
    "nord", "sud", "est", "ouest", "gulf", "coast", "coastal", "littoral", "lakes", "lake",
    "islands", "island", "plateau", "plateaux", "highlands", "lowlands", "midlands", "delta",
    "rivers", "river", "savanes", "capital", "interior", "border", "mountain", "mountains",
    "valley", "desert", "bay", "sea", "district", "division", "department", "territory", "county",
];

/// Words after a region's name that say it is the region, not its seat ("Aleppo province");
/// alone, like [`GENERIC_PLACE_WORDS`], they make no region's proper name.
pub(crate) const REGION_WORDS: [&str; 5] = ["province", "governorate", "region", "oblast", "state"];
