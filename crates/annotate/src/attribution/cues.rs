//! The rule tables of attribution: reporting verbs (cues), the words that end a speaker's noun
//! phrase, pronouns. Each table is data; the finders in the sibling modules read them.

/// Reporting verbs, every form written out (no stemmer: "says" and "sayings" must differ).
/// `true` marks verbs that report a *source's* publication ("reported", "revealed", "wrote"),
/// which also make the speaker a cited source.
#[rustfmt::skip]
pub const CUE_VERBS: &[(&str, bool)] = &[
    ("said", false), ("says", false), ("say", false), ("saying", false),
    ("told", false), ("tells", false), ("tell", false), ("telling", false),
    ("added", false), ("adds", false), ("adding", false),
    ("claimed", false), ("claims", false), ("claiming", false),
    ("remarked", false), ("remarks", false),
    ("noted", false), ("notes", false), ("noting", false),
    ("explained", false), ("explains", false), ("explaining", false),
    ("argued", false), ("argues", false), ("arguing", false), ("argue", false),
    ("insisted", false), ("insists", false), ("insisting", false),
    ("stated", false),
    ("announced", false), ("announces", false),
    ("warned", false), ("warns", false), ("warning", false),
    ("declared", false), ("declares", false),
    ("acknowledged", false), ("acknowledges", false), ("admitted", false), ("admits", false),
    ("asked", false), ("asks", false),
    ("suggested", false), ("suggests", false), ("suggesting", false),
    ("confirmed", false), ("confirms", false),
    ("denied", false), ("denies", false),
    ("continued", false), ("recalled", false), ("recalls", false),
    ("responded", false), ("replied", false), ("answered", false),
    ("wrote", true), ("writes", true), ("written", true),
    ("tweeted", true), ("posted", true),
    ("reported", true), ("reports", true), ("reporting", true),
    ("revealed", true), ("reveals", true),
    ("complained", false), ("complains", false),
    ("predicted", false), ("predicts", false),
    ("promised", false), ("promises", false), ("vowed", false), ("vows", false),
    ("believes", false), ("believe", false), ("thinks", false), ("think", false),
    ("estimated", false), ("estimates", false),
    ("found", false), ("shows", false), ("showed", false),
    ("pointed", false), ("points", false),
];

/// Predicates that attribute a stance or intention rather than speech ("wants", "called for",
/// "criticized"): read by the indirect rule only (SUBJECT PREDICATE CONTENT), never as the cue
/// of a quotation. PolNeAR annotates them as attributions.
#[rustfmt::skip]
pub const STANCE_VERBS: &[&str] = &[
    "wants", "want", "wanted", "agreed", "agrees", "attacked", "questioned", "cited", "cites", "criticized", "criticised", "criticizes", "pledged", "pledges",
    "promising", "planned", "decided", "indicated", "indicates", "expected", "expects",
    "worry", "worries", "worried", "declined", "urged", "urges", "urging", "defended", "defends",
    "defending", "proposed", "proposes", "hopes", "hoped", "feared", "demanded",
    "demands", "demanding", "praised", "slammed", "dismissed", "rejected", "mocked", "touted",
    "stressing", "emphasized", "described", "likened", "compared", "conceded",
    "recommended", "doubted", "knows", "knew", "learned", "feels", "felt", "thought", "hope", "showing", "finds", "blasted", "accused", "accusing", "blamed", "blames", "vowing",
    "signaled", "signalled", "acknowledging", "calling", "called", "calls", "discussed",
    "announcing", "alleged", "alleges", "alleging", "maintained", "maintains", "contended",
    "contends", "assured", "guaranteed", "predicting", "mentioned", "mentions", "touting", "warn", "comparing", "implored",
    "accuse", "detailed", "outlined", "endorsed", "endorses", "emphasizing", "stressed",
];

/// Common nouns that name an agent able to hold or voice a stance — people by role, groups,
/// institutions, and the polls, studies, reports and ads that speak for them ("Voters expect
/// …", "The campaign is seeking …", "A new poll shows …"). Read by the stance rule for a
/// subject without a name; compared lowercase, singular and plural written out.
#[rustfmt::skip]
pub const AGENT_NOUNS: &[&str] = &[
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "aide", "aides",
    "adviser", "advisers", "advisor", "advisors", "candidate", "candidates", "nominee",
    "nominees", "president", "governor", "senator", "senators", "lawmaker", "lawmakers",
    "legislator", "legislators", "leader", "leaders", "voter", "voters", "supporter",
    "supporters", "critic", "critics", "opponent", "opponents", "expert", "experts", "analyst",
    "analysts", "economist", "economists", "scientist", "scientists", "researcher",
    "researchers", "scholar", "scholars", "historian", "historians", "activist", "activists",
    "advocate", "advocates", "member", "members", "people", "residents", "citizens",
    "conservatives", "liberals", "progressives", "delegates", "donors", "allies", "rivals",
    "investigators", "prosecutor", "prosecutors", "lawyer", "lawyers", "attorney", "attorneys",
    "judge", "judges", "justices", "regulators", "diplomats", "negotiators", "executive",
    "executives", "chairman", "chairwoman", "director", "secretary", "minister", "ministers",
    "mayor", "staff", "staffers", "strategist", "strategists", "pollster", "pollsters",
    "observers", "commentators", "reporters", "journalists", "editors", "authorities",
    "protesters", "demonstrators", "workers", "employees", "parents", "students",
    "campaign", "campaigns", "administration", "government", "governments", "committee",
    "commission", "court", "agency", "agencies", "department", "ministry", "group", "groups",
    "party", "parties", "organization", "organisation", "organizations", "coalition", "council",
    "board", "panel", "company", "companies", "firm", "union", "unions", "foundation", "city",
    "network", "newspaper", "magazine", "team", "caucus",
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "research",
    "analysis", "ad", "ads", "advertisement", "video", "letter", "statement", "memo",
    "editorial", "article", "book", "investigation", "complaint", "lawsuit", "ruling",
];

/// Predicates that report speech or thought only with a clause after them ("showed that …",
/// "agreed that …"); with a plain object they are actions or evidence ("attacked the town",
/// "continued fighting", "shows its poor understanding"). The attribution layer keeps them (as
/// PolNeAR annotates them); [`super::Quote::is_speech`] tells them apart for "who said what".
#[rustfmt::skip]
pub const CLAUSE_ONLY_VERBS: &[&str] = &[
    "continued", "shows", "showed", "showing", "found", "finds", "knows", "knew", "learned", "feels", "felt",
    "attacked", "agreed", "agrees", "decided", "planned", "defended", "defends", "defending", "discussed",
];

/// Verbs that introduce a partial quote as their object ("He called the corridor “a door …”").
pub const NAMING_VERBS: &[&str] = &[
    "called",
    "calls",
    "described",
    "describes",
    "dubbed",
    "labelled",
    "labeled",
];

/// Words after which a subject noun phrase cannot extend further left: clause openers,
/// conjunctions and relative words. Compared lowercase.
#[rustfmt::skip]
pub const NP_STOPS: &[&str] = &[
    "that", "and", "but", "or", "which", "who", "whom", "whose", "when", "while", "because",
    "if", "though", "although", "since", "as", "so", "than", "where", "what", "why", "how",
    "whether", "yet", "then", "also", "has", "have", "had", "is", "was", "were", "are", "be",
    "been", "will", "would", "could", "should", "may", "might", "can", "not", "never", "once",
    "again", "later", "previously", "earlier", "already", "now", "today", "yesterday", "did", "do", "does",
    "tonight", "recently", "further", "repeatedly", "publicly", "privately", "reportedly",
    "allegedly", "indirectly", "directly", "bluntly", "rather", "clearly", "simply", "just",
    "even", "still", "however", "moreover",
];

/// Adverbs and auxiliaries allowed between a subject and its cue ("Lavrov has also said").
#[rustfmt::skip]
pub const PRE_CUE_SKIPS: &[&str] = &[
    "has", "have", "had", "also", "then", "later", "previously", "earlier", "again", "once",
    "now", "recently", "further", "repeatedly", "publicly", "privately", "reportedly",
    "allegedly", "indirectly", "directly", "bluntly", "rather", "clearly", "simply", "just",
    "even", "still", "first", "often", "frequently", "quickly", "angrily", "flatly", "all",
    "will", "would", "do", "does", "did",
];

/// Words before a plural-noun form of a cue that show it is the noun ("unconfirmed reports",
/// "the latest claims"), not the verb.
#[rustfmt::skip]
pub const NOUN_MAKERS: &[&str] = &[
    "unconfirmed", "latest", "recent", "media", "news", "early", "initial", "new", "these",
    "those", "such", "many", "some", "other", "press", "earlier", "further", "similar", "own",
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "no", "any",
];

/// Copulas: a cue after one is passive ("was said") and has no speaker before it.
pub const COPULAS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Prepositions that open an adjunct before a subject ("In comments today General X …").
#[rustfmt::skip]
pub const ADJUNCT_OPENERS: &[&str] = &[
    "in", "on", "at", "after", "before", "during", "for", "from", "with", "by", "under",
    "speaking", "asked", "writing",
];

/// Subordinators: a sentence opening with one has its main clause after the first comma.
#[rustfmt::skip]
pub const SUBORDINATORS: &[&str] = &[
    "where", "when", "while", "although", "though", "if", "as", "after", "before", "because",
    "since", "whereas", "once", "unless", "until",
];

/// Third-person pronouns that stand for an earlier speaker.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "it"];

/// First-person pronouns outside quotes: the author speaks.
pub const AUTHOR_PRONOUNS: &[&str] = &["i", "we"];

/// Looks a lowercase word up in [`CUE_VERBS`]: `Some(is_publication)`. Callers check that the
/// word is written in lowercase in the text ("States" is a name, not a verb).
pub fn cue_verb(lower: &str) -> Option<bool> {
    CUE_VERBS.iter().find(|(w, _)| *w == lower).map(|&(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_table_knows_the_common_verbs_and_nothing_twice() {
        for w in [
            "said", "told", "added", "claimed", "remarked", "wrote", "reported", "revealed",
        ] {
            assert!(cue_verb(w).is_some(), "{w}");
        }
        assert_eq!(cue_verb("reported"), Some(true));
        assert_eq!(cue_verb("said"), Some(false));
        assert_eq!(cue_verb("sad"), None);
        let mut seen = std::collections::HashSet::new();
        for (w, _) in CUE_VERBS {
            assert!(seen.insert(*w), "{w} twice");
        }
    }
}
