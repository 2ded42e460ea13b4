//! Fixtures written for these tests (no corpus text): each states the expected quote, speaker,
//! citation or blame row beside its input.

use super::*;
use crate::{entities, sentences};
use proptest::prelude::*;

fn run(text: &str) -> (Attribution, Vec<Mention>) {
    let s = sentences::split(text);
    let (m, _) = entities::recognize(text, &s);
    (attribute(text, &s, &m), m)
}

/// (content, speaker name, kind) of every quote.
fn quotes(text: &str) -> Vec<(String, String, &'static str)> {
    let (a, _) = run(text);
    a.quotes
        .iter()
        .map(|q| {
            (
                q.content.of(text).to_string(),
                q.speaker.as_ref().map_or(String::new(), |s| s.name.clone()),
                q.kind.as_str(),
            )
        })
        .collect()
}

fn speaker_of(text: &str, content_start: &str) -> String {
    quotes(text)
        .into_iter()
        .find(|q| q.0.starts_with(content_start))
        .map(|q| q.1)
        .unwrap_or_else(|| panic!("no quote starting {content_start:?} in {:?}", quotes(text)))
}

#[test]
fn speaker_after_the_quote() {
    let t = "“We held the road for two days,” said Col. Arno Vesk, the garrison commander.";
    assert_eq!(speaker_of(t, "“We held"), "Arno Vesk");
    let t = "\"Nobody sent the boats,\" Vesk said.";
    assert_eq!(speaker_of(t, "\"Nobody"), "Vesk");
}

#[test]
fn speaker_with_a_long_appositive_before_the_cue() {
    let t = "“We will give them a way out,” Maj. Tarek Olund, a commander in the northern brigade of the army, said on Friday.";
    assert_eq!(speaker_of(t, "“We will"), "Tarek Olund");
}

#[test]
fn speaker_before_the_quote_with_a_colon() {
    let t = "Foreign Minister Oren Valdis said: “Those who armed them will answer for it.”";
    let q = quotes(t);
    assert_eq!(q[0].1, "Oren Valdis");
    assert_eq!(q[0].2, "direct");
}

#[test]
fn partial_quote_inside_paraphrase_is_mixed() {
    let t = "Minister Anselm Grell told parliament that the coast was “fully secured” in February.";
    let q = quotes(t);
    let partial = q
        .iter()
        .find(|q| q.0 == "“fully secured”")
        .expect("partial quote");
    assert_eq!(partial.1, "Anselm Grell");
    assert_eq!(partial.2, "mixed");
}

#[test]
fn pronoun_and_continuing_quote_take_the_previous_speaker() {
    let t = "Harbour master Gideon Pell spoke to reporters on Monday.\n\n“They took the keys to the depot and left,” he said. “Nobody stopped them at the gate.”";
    assert_eq!(speaker_of(t, "“They took"), "Gideon Pell");
    assert_eq!(speaker_of(t, "“Nobody"), "Gideon Pell");
}

#[test]
fn indirect_speech_with_that() {
    let t =
        "Lt. Col. Ivo Prescan claimed that many of the attackers had come from the besieged city.";
    let (a, _) = run(t);
    let q = &a.quotes[0];
    assert_eq!(q.kind, QuoteKind::Indirect);
    // The complementizer belongs to the content, as PolNeAR marks it.
    assert_eq!(
        q.content.of(t),
        "that many of the attackers had come from the besieged city"
    );
    assert_eq!(q.cue.unwrap().of(t), "claimed");
    assert_eq!(q.speaker.as_ref().unwrap().name, "Ivo Prescan");
}

#[test]
fn footnote_markers_are_citations() {
    let t = "The convoy left at dawn [7]. A second report [12] puts it later.";
    let (a, _) = run(t);
    let notes: Vec<_> = a.citations.iter().filter(|c| c.how == "footnote").map(|c| (c.span.of(t), c.source.name.as_str())).collect();
    assert_eq!(notes, [("[7]", "footnote 7"), ("[12]", "footnote 12")]);
}

#[test]
fn according_to_is_a_citation() {
    let t = "At least 40 people were killed, according to staff at the district hospital.";
    let (a, _) = run(t);
    assert_eq!(a.citations.len(), 1);
    assert_eq!(a.citations[0].how, "according_to");
    assert_eq!(a.citations[0].source.name, "staff at the district hospital");
    assert_eq!(a.quotes[0].content.of(t), "At least 40 people were killed");
}

#[test]
fn block_quote_after_an_introducing_paragraph() {
    let t = "In a statement issued on Sunday evening the ministry said:\n\nIn order to preserve the lives of servicemen the garrison was moved to new positions, and the fight will continue.";
    let (a, _) = run(t);
    let q = a
        .quotes
        .iter()
        .find(|q| q.content.of(t).starts_with("In order"))
        .expect("block quote");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.speaker.as_ref().unwrap().name, "the ministry");
}

#[test]
fn scare_quotes_are_the_authors_and_a_hedge() {
    let t = "The ‘regrouping’ of the army lasted two days.";
    let (a, _) = run(t);
    assert!(a
        .hedges
        .iter()
        .any(|h| h.marker == "scare quotes" && h.span.of(t) == "‘regrouping’"));
    assert_eq!(
        a.quotes[0].speaker.as_ref().unwrap().kind,
        SpeakerKind::Author
    );
    // A term somebody else uses is theirs, not a scare quote of the author.
    let t = "State television called it a ‘regrouping’ of the army.";
    let (a, _) = run(t);
    assert_eq!(speaker_of(t, "‘regrouping’"), "State television");
    assert!(a.hedges.iter().all(|h| h.marker != "scare quotes"));
}

#[test]
fn blame_rows() {
    let cases = [
        ("Foreign Minister Oren Valdis has blamed the Serren Compact for the attack on the port.", "Oren Valdis", "Serren Compact", Some("the attack on the port")),
        ("General Sollen accused the group of using residents as human shields.", "Sollen", "the group", Some("using residents as human shields")),
        ("The army again charges the Compact with moving fighters to the coast.", "The army", "the Compact", Some("moving fighters to the coast")),
        ("The ministry blamed the fall of the town on the corridor.", "The ministry", "the corridor", Some("the fall of the town")),
    ];
    for (t, holder, target, for_) in cases {
        let (a, _) = run(t);
        let b = a
            .blame
            .first()
            .unwrap_or_else(|| panic!("no blame in {t:?}"));
        assert_eq!(b.holder.name, holder, "{t}");
        assert!(
            b.target.name.contains(target) || target.contains(&b.target.name),
            "{t}: {}",
            b.target.name
        );
        assert_eq!(b.for_.map(|f| f.of(t)), for_, "{t}");
    }
    let t =
        "The columnist places the blame for the loss less on the Compact than on the commanders.";
    let (a, _) = run(t);
    assert_eq!(a.blame[0].target.span.unwrap().of(t), "the commanders");
    let t = "“Minister Grell is responsible for what happened,” said Ruta Mendel.";
    let (a, _) = run(t);
    let b = &a.blame[0];
    assert_eq!(
        (b.holder.name.as_str(), b.target.name.as_str()),
        ("Ruta Mendel", "Grell")
    );
    let t = "The General Staff is responsible for this defeat.";
    let (a, _) = run(t);
    assert_eq!(a.blame[0].holder.kind, SpeakerKind::Author);
}

#[test]
fn a_name_is_not_a_cue() {
    // "States" is a name here, not the verb "states".
    let t = "The United States will stay in the region for years to come.";
    assert!(run(t).0.quotes.is_empty());
}

#[test]
fn unbalanced_marks_never_panic_and_stay_bounded() {
    let mut t = String::new();
    for i in 0..10_000 {
        t.push_str(
            [
                "“He said “yes",
                "\"open and never closed",
                "’ stray ‘",
                "«x» \" ' ‘’ “”",
                "plain line said he.",
            ][i % 5],
        );
        t.push('\n');
    }
    let start = std::time::Instant::now();
    let (a, _) = run(&t);
    assert!(!a.quotes.is_empty());
    // Generous: a linear pass over 10,000 lines takes well under this even unoptimised.
    assert!(start.elapsed().as_secs() < 60);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_text_gives_spans_inside_it(text in "([a-zA-Z ,.:;\n]|“|”|‘|’|\"|'|«|»|said|told|blamed| for | of | on | according to ){0,120}") {
        let s = sentences::split(&text);
        let a = attribute(&text, &s, &[]);
        for q in &a.quotes {
            prop_assert!(q.content.end() <= text.len());
            if let Some(c) = q.cue { prop_assert!(c.end() <= text.len()); }
        }
        for b in &a.blame {
            prop_assert!(b.span.end() <= text.len());
        }
    }
}

/// (holder, target, cue) of every blame row.
fn blame_of(text: &str) -> Vec<(String, String, String)> {
    let (a, _) = run(text);
    a.blame.iter().map(|b| (b.holder.name.clone(), b.target.name.clone(), b.cue.of(text).to_string())).collect()
}

#[test]
fn enabling_a_hostile_group_is_blame() {
    let t = "We must remember that the Compact has assisted ISIL on the coast before.";
    // The target is the Compact, as a name ("Compact") or, when the entity tagger misses the
    // name in a text of one sentence, as its noun phrase ("the Compact").
    let rows = blame_of(t);
    assert!(matches!(&rows[..], [(h, target, cue)] if h == "the author" && target.trim_start_matches("the ") == "Compact" && cue == "assisted"), "{rows:?}");
    let t = "The truces were used by the Compact to stall the army. This gave the militants a window of opportunity to strike.";
    let rows = blame_of(t);
    assert!(rows.iter().any(|r| r.1.contains("truces") && r.2 == "gave"), "{rows:?}");
    let t = "Dravik bombed the moderate rebels for a year, which opened space for ISIL to grow.";
    assert_eq!(blame_of(t), [("the author".into(), "Dravik".into(), "opened".into())]);
    let t = "Within two weeks, the loyalist coalition marched into the old town. Because the aim was symbolic, most of ISIL's force in the town was allowed to leave.";
    let rows = blame_of(t);
    assert!(rows.iter().any(|r| r.1.contains("loyalist coalition") && r.2 == "allowed"), "{rows:?}");
}

#[test]
fn enabling_without_a_hostile_group_or_as_a_hypothesis_is_not_blame() {
    for t in [
        "The court allowed the company to sell the port.",
        "The mayor would never permit the militants to enter the town.",
        "The plan was coordinated to give a respite to the militants.",
        "“We opened the borders and helped the militants out,” the officer said.",
    ] {
        assert!(blame_of(t).is_empty(), "{t}: {:?}", blame_of(t));
    }
}

#[test]
fn criticism_in_a_speakers_words_is_blame_of_what_it_names() {
    let t = "The army has criticised the repeated harbour truces.\n\n\
        “I see why the town needs quiet. But when these truces last a month and the fighters rearm, that I don't understand,” said Gen. Aldo Brenn.";
    let rows = blame_of(t);
    assert!(rows.iter().any(|r| r.0 == "Aldo Brenn" && r.1 == "harbour truces"), "{rows:?}");
}

#[test]
fn pronoun_placeholder_and_fault_targets_are_resolved() {
    let t = "The army places the blame for the defeat on something else: the long delay of the relief column.";
    let rows = blame_of(t);
    assert!(rows[0].1.contains("the long delay of the relief column"), "{rows:?}");
    let t = "Since the harbour truces were forced on the army, blaming them for the defeat is a criticism by the general staff of the government.";
    let rows = blame_of(t);
    assert_eq!((rows[0].0.as_str(), rows[0].1.as_str()), ("the general staff", "the harbour truces"), "{rows:?}");
    let t = "The collapse was due to mistakes made by commanders of the Coastal Guard and the Serren Compact.";
    let rows = blame_of(t);
    assert!(rows[0].1.starts_with("commanders of the Coastal Guard"), "{rows:?}");
    // A gerund subject with no "by" is nobody's blame.
    assert!(blame_of("Blaming the Compact for every loss is easy.").is_empty());
}

#[test]
fn contrast_relative_share_and_possessive_targets() {
    let rows = blame_of("The harbour board, not the dockers who stayed at their posts, is responsible for the flooding.");
    assert!(rows[0].1.contains("harbour board"), "{rows:?}");
    let rows = blame_of("The ferry line stopped, and the Serren Compact, which the council accuses of hiding the accounts, said nothing.");
    assert!(rows.iter().any(|r| r.0 == "the council" && r.1.contains("Serren Compact")), "{rows:?}");
    let rows = blame_of("The mayor is responsible for the delay, and the engineers who signed the plan share that responsibility.");
    assert!(rows.iter().any(|r| r.1.contains("engineers") && r.2 == "share"), "{rows:?}");
    let rows = blame_of("This analysis places the blame for the loss on the Coastal Guard's own officers.");
    assert_eq!((rows[0].0.as_str(), rows[0].1.as_str()), ("the author", "the Coastal Guard's own officers"), "{rows:?}");
    // A plan is not a cause.
    assert!(blame_of("The three libraries had been due to cut their opening hours.").is_empty());
    let rows = blame_of("Mayor Ilse Varn blamed the board for the delay, and the council voted to fund the repairs.");
    assert_eq!(rows.len(), 1);
    let (a, _) = run("Mayor Ilse Varn blamed the board for the delay, and the council voted to fund the repairs.");
    assert_eq!(a.blame[0].for_.map(|f| f.of("Mayor Ilse Varn blamed the board for the delay, and the council voted to fund the repairs.").to_string()).as_deref(), Some("the delay"));
}

#[test]
fn actions_and_participles_are_not_speech() {
    // Kept as attributions (PolNeAR annotates stances), but not speech for "who said what".
    let t = "The regime continued losing ground over the summer. The board showed that the plan had failed.";
    let (a, _) = run(t);
    let speech: Vec<&str> = a.quotes.iter().filter(|q| q.is_speech(t)).map(|q| q.content.of(t)).collect();
    assert!(speech.iter().all(|c| !c.contains("losing ground")), "{speech:?}");
    assert!(speech.iter().any(|c| c.contains("the plan had failed")), "{speech:?}");
    // A participle names no speaker after it, and "confirmed by" is passive.
    for t in [
        "A local monitor posted a long report the next day, explaining the events that led to the fall.",
        "The shipment of mortars confirmed by two sources is being moved to the port.",
        "Victory declared, the ministers held a concert in the square.",
    ] {
        let (a, _) = run(t);
        assert!(a.quotes.iter().all(|q| q.speaker.as_ref().is_none_or(|s| !s.name.contains("events") && !s.name.contains("shipment") && s.name != "Victory")), "{t}: {:?}", a.quotes);
    }
}

#[test]
fn a_closing_cue_takes_the_whole_sentence() {
    // The council's "decided" sits inside what the officials said.
    let t = "The harbour council decided to close the northern pier for repairs, two officials said.";
    let q = quotes(t);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "The harbour council decided to close the northern pier for repairs");
    assert_eq!(q[0].1, "two officials");
    let t = "The ferry will stop running in March, said Mara Olsen, a spokeswoman for the port.";
    let q = quotes(t);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "The ferry will stop running in March");
}

#[test]
fn a_stance_is_an_attribution_but_not_a_quote() {
    let t = "Senator Maria Lindqvist is questioning the cost of the new bridge over the river.";
    let (a, _) = run(t);
    assert!(a.quotes.is_empty(), "{:?}", a.quotes);
    assert_eq!(a.stances.len(), 1, "{:?}", a.stances);
    let s = &a.stances[0];
    assert_eq!(s.content.of(t), "the cost of the new bridge over the river");
    assert_eq!(s.speaker.as_ref().and_then(|x| x.span).map(|x| x.of(t)), Some("Senator Maria Lindqvist"));
    // A bare copula is no stance.
    let (a, _) = run("Senator Maria Lindqvist is a member of the finance committee since 2010.");
    assert!(a.stances.is_empty(), "{:?}", a.stances);
}

#[test]
fn any_verb_reports_a_quote_that_ends_with_a_comma_or_question() {
    let t = "“Where did the money go?” Olsen demanded. “Nobody will tell us.”";
    assert_eq!(speaker_of(t, "“Where did"), "Olsen");
    let t = "“We will rebuild the pier,” the harbour master sighed.";
    assert_eq!(speaker_of(t, "“We will"), "the harbour master");
}

#[test]
fn a_content_stops_before_a_clause_of_its_own() {
    let t = "Mara Olsen said the pier was unsafe, but the council rejected her report.";
    let q = quotes(t);
    assert_eq!(q[0].0, "the pier was unsafe");
    let t = "The ferry will stop in March, Mara Olsen said, until the new pier opens.";
    let q = quotes(t);
    assert_eq!(q.iter().map(|q| q.0.as_str()).collect::<Vec<_>>(), ["The ferry will stop in March", "until the new pier opens"]);
}

#[test]
fn a_stance_takes_its_verb_group_and_a_participle_clause_after_it() {
    let t = "Senator Maria Lindqvist is once again questioning the cost of the bridge, pressing the council to wait for a new study.";
    let (a, _) = run(t);
    let got: Vec<_> = a.stances.iter().map(|s| (s.cue.map(|c| c.of(t)), s.content.of(t))).collect();
    assert_eq!(
        got,
        [
            (Some("is once again questioning"), "the cost of the bridge"),
            (Some("pressing"), "the council to wait for a new study")
        ]
    );
}

#[test]
fn a_stance_after_an_appositive_subject() {
    let t = "Mara Olsen, the harbour master, devised a plan to move the ferry terminal north.";
    let (a, _) = run(t);
    let got: Vec<_> = a.stances.iter().map(|s| (s.cue.map(|c| c.of(t)), s.content.of(t))).collect();
    assert_eq!(got, [(Some("devised"), "a plan to move the ferry terminal north")]);
}

#[test]
fn a_pronoun_speaker_finds_a_person_named_a_few_sentences_back() {
    let t = "Judge Elena Marsh spoke at the law school on Friday. The hall was full. Students lined the walls. Many had waited for hours. The lights dimmed early. “The court must stay independent,” she said.";
    assert_eq!(speaker_of(t, "“The court"), "Elena Marsh");
}

#[test]
fn any_verb_before_a_colon_or_comma_opens_a_quote() {
    let t = "Mara Olsen concluded: “The pier will not open this year, whatever the council hopes.”";
    assert_eq!(speaker_of(t, "“The pier"), "Mara Olsen");
    let t = "At the harbour meeting Mara Olsen was pleading, “Give the ferry men one more week to finish the work.”";
    assert_eq!(speaker_of(t, "“Give"), "Mara Olsen");
}

#[test]
fn a_pronoun_before_a_later_cue_is_the_whole_speaker() {
    let t = "Mara Olsen opened the meeting. “The pier stays shut,” she went on, adding that repairs would take a year.";
    assert_eq!(speaker_of(t, "“The pier"), "Mara Olsen");
}

#[test]
fn when_and_where_after_a_cue_are_not_content() {
    let t = "Mara Olsen said Friday the pier would reopen in May.";
    assert_eq!(quotes(t)[0].0, "the pier would reopen in May");
    let t = "Mara Olsen said in a statement on Monday that the pier would reopen in May.";
    assert_eq!(quotes(t)[0].0, "that the pier would reopen in May");
    let t = "Mara Olsen says at a meeting in Corran, the pier would reopen in May.";
    assert_eq!(quotes(t)[0].0, "the pier would reopen in May");
}

#[test]
fn a_participle_cue_after_when_takes_its_own_clause() {
    let t = "The pier will reopen in March, the port authority said on Monday, adding that the ferries would run again in May.";
    let q = quotes(t);
    let got: Vec<_> = q.iter().map(|q| (q.0.as_str(), q.1.as_str())).collect();
    assert_eq!(
        got,
        [
            ("The pier will reopen in March", "the port authority"),
            ("that the ferries would run again in May", "the port authority")
        ]
    );
}

#[test]
fn a_dateline_is_not_what_the_speaker_said() {
    let t = "KESSEL, May 4 (Norvo Wire) – Floods cut the coastal railway in three places, the transport ministry said on Sunday.";
    let q = quotes(t);
    assert_eq!(q[0].0, "Floods cut the coastal railway in three places", "{q:?}");
    let t = "ORLA, Brenmark, June 2 (Tidewatch) - Two ferries ran aground near the harbour mouth, the coastguard said.";
    assert_eq!(quotes(t)[0].0, "Two ferries ran aground near the harbour mouth");
}

#[test]
fn a_clause_of_circumstance_after_the_cue_is_narrative() {
    let t = "Ferries carried more than 900 people out of the town on Monday, the navy said, as troops gathered to the south for a counter-attack.";
    let q = quotes(t);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "Ferries carried more than 900 people out of the town on Monday");
    // A reported clause after the cue is still the speaker's.
    let t = "The pier will reopen in March, the port authority said, and the ferries would run again by May.";
    assert!(quotes(t).iter().any(|q| q.0 == "the ferries would run again by May"), "{:?}", quotes(t));
}

#[test]
fn a_time_phrase_is_no_speaker() {
    let t = "Already in June last year, reports emerged that the council had planned to close the ferry line.";
    let q = quotes(t);
    assert!(q.iter().all(|q| !q.1.contains("June")), "{q:?}");
    assert!(q.iter().all(|q| !q.0.starts_with("emerged")), "{q:?}");
}

#[test]
fn agreeing_to_something_is_not_speech() {
    let t = "On too many occasions the council and its allies have agreed to pointless truces, putting their faith in talks.";
    let (a, _) = run(t);
    assert!(a.quotes.iter().all(|q| !q.is_speech(t)), "{:?}", quotes(t));
}

#[test]
fn a_stance_of_an_unnamed_agent_and_none_of_a_passive() {
    let t = "The harbour committee opposes the new bridge tolls on the river.";
    let (a, _) = run(t);
    let got: Vec<_> = a.stances.iter().map(|s| (s.speaker.as_ref().and_then(|x| x.span).map(|x| x.of(t)), s.content.of(t))).collect();
    assert_eq!(got, [(Some("The harbour committee"), "the new bridge tolls on the river")]);
    // Not an agent: a thing without a voice.
    let (a, _) = run("The old pier needs a second coat of paint before the winter months.");
    assert!(a.stances.is_empty(), "{:?}", a.stances);
    // A passive says what was done to its subject.
    let (a, _) = run("The harbour committee was asked to review the ferry timetable again.");
    assert!(a.stances.is_empty(), "{:?}", a.stances);
}

#[test]
fn the_cue_of_a_quote_is_never_a_stance_as_well() {
    let t = "Mara Olsen said the new bridge tolls hurt the local traders.";
    let (a, _) = run(t);
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert!(a.stances.is_empty(), "{:?}", a.stances);
}

#[test]
fn a_relative_clause_ascribes_a_stance_to_its_antecedent() {
    let t = "The ferry plan drew criticism from Mara Olsen, who opposes the new bridge tolls on the river.";
    let (a, _) = run(t);
    let got: Vec<_> = a
        .stances
        .iter()
        .map(|s| (s.speaker.as_ref().and_then(|x| x.span).map(|x| x.of(t)), s.speaker.as_ref().map(|x| x.name.as_str()), s.content.of(t)))
        .collect();
    assert_eq!(got, [(Some("who"), Some("Mara Olsen"), "the new bridge tolls on the river")]);
}

#[test]
fn light_verbs_and_verbs_of_place_hold_no_stance() {
    for t in [
        "Mara Olsen made the remarks at a meeting of the harbour board.",
        "Mara Olsen waited in the old town hall until Monday evening.",
    ] {
        let (a, _) = run(t);
        assert!(a.stances.is_empty(), "{t}: {:?}", a.stances);
    }
}

#[test]
fn longer_quoted_words_inside_the_authors_sentence_are_the_authors() {
    // A saying quoted inside the author's own sentence, with no cue: the author's, not nobody's.
    let t = "The council's logic is best put as “a flooded field upstream is better than a flooded town below.” It has worked so far.";
    let (a, _) = run(t);
    let q = a.quotes.iter().find(|q| q.content.of(t).starts_with("“a flooded")).expect("quote");
    assert_eq!(q.speaker.as_ref().map(|s| s.kind), Some(SpeakerKind::Author));
    assert_eq!(q.kind, QuoteKind::Mixed);
    // A quote that opens its sentence and has a cue after it stays its speaker's.
    let t = "“We will open the sluices at dawn and warn every farm first,” said Mira Tolvan.";
    assert_eq!(speaker_of(t, "“We will open the sluices at dawn and warn every farm first,”"), "Mira Tolvan");
    // Words a colon introduces are not the author's saying: the person named before it spoke them.
    let t = "Mira Tolvan, who runs the sluices, put it plainly to the Olvane radio station: “Nobody warned the farms below us.”";
    let (a, _) = run(t);
    let q = a.quotes.iter().find(|q| q.content.of(t).starts_with("“Nobody")).expect("quote");
    assert_ne!(q.speaker.as_ref().map(|s| s.kind), Some(SpeakerKind::Author), "{:?}", q.speaker);
}

#[test]
fn the_author_or_the_text_itself_as_holder_is_the_author() {
    for t in [
        "The author blames the Serren Compact for the collapse of the truce.",
        "The article blames the Serren Compact for the collapse of the truce.",
        "This essay blames the Serren Compact for the collapse of the truce.",
    ] {
        let (a, _) = run(t);
        let b = a.blame.first().unwrap_or_else(|| panic!("no blame in {t:?}"));
        assert_eq!(b.holder.kind, SpeakerKind::Author, "{t}");
        // The words that name the author stay its evidence.
        assert_eq!(b.holder.span.map(|s| s.of(t).split(' ').next().unwrap().to_string()), Some(t.split(' ').next().unwrap().to_string()), "{t}");
    }
    // "The article" after another piece of writing is named is that piece's, not the author's.
    let t = "The Harbour Gazette published an analysis on Monday. The article blames the Serren Compact for the collapse of the truce.";
    let (a, _) = run(t);
    let b = a.blame.first().expect("blame");
    assert_ne!(b.holder.kind, SpeakerKind::Author);
}

#[test]
fn a_transcript_label_speaks_its_whole_paragraph() {
    let t = "The interview was broadcast on Sunday.\n\nHOST: Thank you for coming. Will the ferries sail again?\n\nTOLVAN: They will. The harbour is open.";
    let q = quotes(t);
    assert!(q.contains(&("Thank you for coming. Will the ferries sail again".to_string(), "HOST".to_string(), "indirect")), "{q:?}");
    assert!(q.contains(&("They will. The harbour is open".to_string(), "TOLVAN".to_string(), "indirect")), "{q:?}");
    // a transcript pasted with an opening quotation mark on every paragraph
    let t = "The interview was broadcast on Sunday.\n\n\"HOST: Will the ferries sail again?\n\n\"TOLVAN: They will.";
    let (a, _) = run(t);
    let names: Vec<&str> = a.quotes.iter().filter_map(|q| q.speaker.as_ref()?.span.map(|s| s.of(t))).collect();
    assert!(names.contains(&"HOST"), "{names:?}");
}

#[test]
fn a_title_case_headline_has_capitalised_cues() {
    let q = quotes("Harbour Master Ilse Varga Says Ferry Service Will Resume In March\n\nThe ferry was idle.");
    assert!(q.iter().any(|q| q.0 == "Ferry Service Will Resume In March" && q.1.ends_with("Ilse Varga")), "{q:?}");
    // The speaker of a closing cue starts after the comma, not at the clause before it.
    let q = quotes("Bridge Tolls ‘A Burden’ Could Double, Mayor Tomas Brell Warns\n\nThe council met.");
    assert!(q.iter().all(|q| !q.1.contains("Double")), "{q:?}");
    assert!(q.iter().any(|q| q.0.starts_with("Bridge Tolls") && q.1.ends_with("Tomas Brell")), "{q:?}");
    // In a sentence the verb is in lower case; a capitalised word there is not a cue.
    assert!(quotes("The Says Hall opened in March after repairs to its roof.").is_empty());
}

#[test]
fn an_adverb_before_a_closing_participle_cue_still_parts_the_clauses() {
    let q = quotes("The council complained about the schedule on Monday, even suggesting that the vote had been rigged.");
    assert!(q.iter().any(|q| q.0 == "about the schedule on Monday"), "{q:?}");
    assert!(q.iter().any(|q| q.0 == "that the vote had been rigged" && q.1 == "The council"), "{q:?}");
}
