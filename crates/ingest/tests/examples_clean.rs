//! The cleaner against the project's own example corpus (`examples/`, fictional, written for the
//! project): the boilerplate lines of the three text dumps as listed in the answer key,
//! `examples/README.md` § 10 "Text dumps". Every other non-empty line must be kept.

use std::path::Path;

use corroborate_ingest::clean::clean_text;
use corroborate_ingest::RemovalReason::{self, *};

const ASH: &[(&str, RemovalReason)] = &[
    ("Analysis: The Garrison That Was Never There – Why St. Maren Fell Again", Title),
    ("The Ashgrove Brief | Maritime Security Programme | March 12, 2025", Byline),
    ("Corinne Abelard, Senior Fellow", Byline),
    ("Militants of the Estrel Liberation Army on the harbour wall at St. Maren, March 9, 2025. Image from an ELA video The second loss of St. Maren in twelve months was not a bolt from the blue. Anyone who had...", Teaser),
    ("Read the rest at The Lantern Review.", Continuation),
    ("Support the Ashgrove Institute", Subscribe),
    ("Independent research depends on readers like you. Members receive:", Subscribe),
    ("• Our weekly security briefing before anyone else", Subscribe),
    ("• Invitations to closed-door roundtables", Subscribe),
    ("• An ad-free reading experience", Subscribe),
    ("Membership from just $9.99 a month", Subscribe),
    ("Become a member", Subscribe),
    ("Members' log in", Navigation),
    ("More from the Maritime Security Programme", Related),
    ("Fuel, Ferries and Fragility: Velmora's Coastal Economy", Related),
    ("The Halvost Corridor Six Months On", Related),
];

const RAM: &[(&str, RemovalReason)] = &[
    ("Who opened the door at St. Maren? Follow the corridor", Title),
    ("Opinion | Velmora | The Rampart", Byline),
    ("by Victor Stane", Byline),
    ("This column reflects only the personal opinions of its author. The Rampart publishes a range of views without endorsing them, and nothing here should be read as professional advice of any kind.", Disclaimer),
    ("The views expressed above belong to the author alone and do not necessarily reflect those of The Rampart.", Disclaimer),
    ("What do you think?", Comments),
    ("Notify of", Comments),
    ("0 Comments", Comments),
    ("Oldest first", Comments),
    ("View all comments", Comments),
    ("CDF reinforcements reach Corran as ferries leave St. Maren", Related),
    ("Halvost corridor: the questions the U.N. will not answer", Related),
];

const FLD: &[(&str, RemovalReason)] = &[
    ("Lost twice in a year: the lessons of St. Maren that Dravik refuses to learn", Title),
    ("by Anders Holm on 14 Mar 2025 3 Comments", Byline),
    ("1. ?", FootnoteStub),
    ("2. ?", FootnoteStub),
    ("3. ?", FootnoteStub),
    ("4. ?", FootnoteStub),
    ("5. ?", FootnoteStub),
    ("Courtesy The Bastion", Continuation),
    ("Reader Comments | Add a Comment", Comments),
    ("Back to Top", Navigation),
];

#[test]
fn examples_clean_text_dumps_match_answer_key() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbour-siege");
    for (file, expected) in
        [("ashgrove-brief-2025-03-12.txt", ASH), ("rampart-opinion.txt", RAM), ("frontline-digest-2025-03-14.txt", FLD)]
    {
        let Ok(raw) = std::fs::read_to_string(dir.join(file)) else {
            eprintln!("skipping {file}: not found in {}", dir.display());
            continue;
        };
        let clean = clean_text(&raw, None);
        let removed: Vec<(&str, RemovalReason)> = clean.removed.iter().map(|r| (r.text.as_str(), r.reason)).collect();
        assert_eq!(removed, expected, "{file}: removed lines");
        let non_empty = raw.lines().filter(|l| !l.trim().is_empty()).count();
        let kept = clean.text.split("\n\n").count();
        assert_eq!(kept + removed.len(), non_empty, "{file}: every other line is kept");
        println!("{file}: {} removed, {kept} kept", removed.len());
    }
}
