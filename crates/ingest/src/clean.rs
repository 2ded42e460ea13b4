//! Cleaning already-extracted article text: one paragraph per line in, body paragraphs out, and
//! every line taken out kept in [`CleanText::removed`] with its [`RemovalReason`].
//!
//! Two passes decide each line:
//!
//! 1. **What a line says** — [`RULES`], a table of patterns per reason ("Back to Top", "Notify
//!    of", "Only $4.99 per month!", "by NAME on DATE", `1. ?` …). The first matching rule wins.
//! 2. **Where a line stands** — the *head* (before the first prose paragraph) holds the headline,
//!    bylines and masthead crumbs; the *tail* (after the last comment widget, disclaimer or
//!    subscribe prompt) holds related-article titles. Short lines are only removed by position
//!    there; between the first and the last prose paragraph only the rule table removes lines,
//!    so short body lines, sub-heads, captions and quote introductions stay.
//!
//! Written by hand because the libraries that do this (trafilatura, readability ports such as
//! `dom_smoothie`) work on the DOM; here the DOM is gone and only the lines are left.
//!
//! ```
//! use corroborate_ingest::clean::clean_text;
//! use corroborate_ingest::RemovalReason;
//!
//! let raw = "Harbour Reopens After Storm\n\nBy Jane Roe on 3 Mar 2021\n\n\
//!            The harbour reopened on Tuesday after a week of repairs to the breakwater.\n\n\
//!            Share\nTweet\n";
//! let clean = clean_text(raw, None);
//! assert_eq!(clean.text, "The harbour reopened on Tuesday after a week of repairs to the breakwater.");
//! let reasons: Vec<_> = clean.removed.iter().map(|r| r.reason).collect();
//! assert_eq!(reasons, [RemovalReason::Title, RemovalReason::Byline, RemovalReason::Share, RemovalReason::Share]);
//! ```

use std::sync::LazyLock;

use regex::{Regex, RegexSet, RegexSetBuilder};

use crate::document::{RemovalReason, Removed};

/// Article text with its leftovers taken out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CleanText {
    /// Body paragraphs, separated by one blank line.
    pub text: String,
    /// Everything taken out, in source order, with the reason.
    pub removed: Vec<Removed>,
}

/// How a rule recognises a line. Lines are matched with surrounding whitespace collapsed and a
/// leading bullet (`•`, `-`, `*` …) stripped.
#[derive(Clone, Copy)]
enum Pattern {
    /// A case-insensitive regex, tried only on lines of at most `max_words` words (so that a
    /// phrase which is a widget on its own does not take out a body sentence that contains it).
    Regex { max_words: usize, re: &'static str },
    /// A test that a regex says badly, tried only on lines of at most `max_words` words.
    Test { max_words: usize, test: fn(&str) -> bool },
}

const fn re(max_words: usize, re: &'static str) -> Pattern {
    Pattern::Regex { max_words, re }
}

use RemovalReason::*;

/// What boilerplate lines say, per reason. Order matters: the first matching rule wins.
const RULES: &[(RemovalReason, Pattern)] = &[
    // "The views expressed … are solely those of the author …"
    (
        Disclaimer,
        re(
            120,
            r"\b(?:views|opinions|statements)\b.{0,120}\b(?:expressed|stated|contained|presented)\b.{0,160}\b(?:solely|(?:author|writer|contributor)['’]?s?\s+own|those of the (?:authors?|writers?|contributors?)|do(?:es)? not necessarily)\b",
        ),
    ),
    (
        Disclaimer,
        re(
            120,
            r"\bdo(?:es)? not necessarily (?:reflect|represent)\b.{0,80}\b(?:views?|opinions?|positions?|polic(?:y|ies)|editorial)\b",
        ),
    ),
    (
        Disclaimer,
        re(
            40,
            r"\bdo(?:es)? not (?:give|provide|offer|constitute) (?:any )?(?:financial|investment|legal|medical|tax) advice\b",
        ),
    ),
    (
        Disclaimer,
        re(
            120,
            r"\b(?:this|the) (?:column|article|piece|post|op-ed|commentary|blog|essay)\b.{0,40}\b(?:reflects?|represents?|expresse?s?) (?:only |solely |purely |entirely )?(?:the )?(?:personal |own )?(?:views?|opinions?)\b",
        ),
    ),
    (
        Disclaimer,
        re(
            120,
            r"\b(?:views?|opinions?)\b.{0,60}\b(?:belong to|are (?:those|the views?|solely those) of|are the) (?:the |its |their )?(?:authors?|writers?|contributors?|columnists?)(?:['’]s?)?\b",
        ),
    ),
    (
        Disclaimer,
        re(
            120,
            r"\b(?:views?|opinions?)\b.{0,80}\bwithout (?:necessarily )?endorsing\b|\bshould not be (?:read|construed|taken|relied on) as (?:\w+ )?advice\b",
        ),
    ),
    // Pointers to the rest of the article or to where it came from.
    (
        Continuation,
        re(
            20,
            r"^(?:read|see) (?:the )?(?:rest|remainder|full (?:article|story|piece|text|report|interview)|original(?: article| story)?)(?: of (?:this|the) (?:article|story|piece|post))? (?:at|on|in|here|over at)\b",
        ),
    ),
    (Continuation, re(12, r"^(?:continue|keep) reading\b")),
    (Continuation, re(10, r"^courtesy(?: of)?:?\s+\S")),
    (
        Continuation,
        re(
            40,
            r"^(?:this|the) (?:article|story|post|piece|essay|column|report|interview|op-ed)(?: was| has been| is)? (?:originally |first |also )?(?:re)?(?:appeared|appears|published|ran|posted|printed)\b",
        ),
    ),
    (Continuation, re(25, r"^(?:originally|first) (?:published|appeared|posted|ran)\b")),
    (Continuation, re(25, r"^(?:republished|reprinted|reposted|cross-?posted) (?:from|with|by|courtesy|under)\b")),
    (Continuation, re(6, r"^(?:source|via|h/t|hat tip|reposted from):\s*\S")),
    (
        Continuation,
        re(
            30,
            r"\bif you (?:have|experience|encounter) (?:any )?(?:problems?|issues?|trouble) (?:viewing|reading|displaying)\b",
        ),
    ),
    (Continuation, re(30, r"\bplease report it here\b")),
    // "1. ?", "[2]", "(3)", "4." — a footnote number whose note did not survive extraction.
    (FootnoteStub, re(3, r"^(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)]?)(?:\s*(?:\?|…|\.\.\.|↑|\^|-|–))?$")),
    (FootnoteStub, re(12, r"^(?:\[\d{1,3}\]\s*)+$")),
    // Comment widgets.
    (Comments, re(8, r"^what do you think(?: about (?:this|it|that))?\s*[?.!]*$")),
    (
        Comments,
        re(
            12,
            r"^(?:have your say|join the (?:discussion|conversation|debate)|tell us what you think|leave (?:a|your) (?:comment|reply)|post (?:a|your) comment|add (?:a|your) comment|write (?:a|your) comment|be the first to comment|comments are (?:closed|open)|(?:please )?(?:log ?in|sign ?in|register) to (?:comment|reply|post)|you must be logged in to (?:post a )?comment)\b",
        ),
    ),
    (Comments, re(4, r"^(?:leave a reply|cancel reply|reply|load more|show more replies)$")),
    (Comments, re(8, r"^notify of(?: new (?:follow-up )?(?:comments|replies)(?: to this comment)?)?$")),
    (Comments, re(1, r"^(?:guest|anonymous)$")),
    (Comments, re(4, r"^(?:\d+|no|one|zero) (?:comments?|replies|responses)$")),
    (Comments, re(4, r"^(?:\d+\s+)?inline feedbacks?$")),
    (
        Comments,
        re(
            8,
            r"^(?:(?:user|users['’]?|reader|readers['’]?|post|leave|add|write|view|show|load|see|read|all|more|the|a|your|\d+)\s+)*(?:comments?|replies)(?:\s*\(\d+\))?(?:\s+(?:post|leave|add|write|a|your|comment|comments|here|below))*\s*[:.!]?$",
        ),
    ),
    (
        Comments,
        re(
            8,
            r"^(?:newest|oldest|most voted|most liked|best|top)(?:\s+(?:newest|oldest|most voted|most liked|best|top|first))+$",
        ),
    ),
    // Share bars.
    (Share, Pattern::Test { max_words: 12, test: is_share_bar }),
    (Share, re(12, r"^click to (?:share|email|print|tweet|pin)\b")),
    (Share, re(3, r"^\d[\d,.]*k?\s+shares?$")),
    (Share, re(12, r"^(?:follow (?:us|me|@\w+)|like us)(?: on\b| at\b|$)")),
    (Share, re(8, r"^share (?:this|on|via|to|the|it)\b")),
    // Advertising labels.
    (
        Advertising,
        re(
            6,
            r"^(?:advertisements?|advertising|ads?|sponsored(?: content| post| links?| stories)?|promoted(?: content| stories)?|paid (?:content|post|partnership)|partner content|(?:story|article) continues (?:below|after(?: this)? advertisement)(?: advertisement)?|continue reading (?:below|the main story)|scroll to continue(?: with content)?)\s*[:.]?$",
        ),
    ),
    // Subscribe, membership, donation and paywall prompts.
    (Subscribe, re(25, r"^(?:please\s+)?(?:subscribe|donate)\b")),
    (Subscribe, re(12, r"^(?:please\s+)?support (?:us|our|the|this|independent|quality|honest|real)\b[^,\x22“”]*$")),
    (Subscribe, re(20, r"^(?:show|give|add|lend|pledge) (?:us )?your support\b")),
    (Subscribe, re(12, r"^become an?\b.{0,60}\b(?:subscriber|member|patron|supporter|donor|sponsor)s?\b")),
    (
        Subscribe,
        re(
            15,
            r"^(?:join|sign up|register)\b.{0,40}\b(?:members?|membership|subscribers?|newsletters?|mailing list|patrons?)\b",
        ),
    ),
    (Subscribe, re(15, r"^(?:sign up|subscribe|register) (?:for|to) (?:our|the)\b")),
    (
        Subscribe,
        re(
            20,
            r"\b(?:ad[- ]free|paywall|subscribers?[- ]only|members?[- ]only|premium (?:content|access|membership)|already (?:a )?(?:subscriber|member)|free articles? (?:left|remaining)|reached your (?:free )?(?:article )?limit|to continue reading)\b",
        ),
    ),
    (Subscribe, re(10, r"^membership\b[^.!?]*$")),
    (Subscribe, re(15, r"\bclick here to (?:subscribe|donate|support|sign up|join|become)\b")),
    (Subscribe, re(60, r"\bour (?:work|journalism|reporting|mission)\b.{0,40}\b(?:possible|funded|depends|relies)\b")),
    (
        Subscribe,
        re(60, r"\b(?:support|fund|sustain|contribute to) (?:our|this) (?:mission|work|journalism|reporting|site)\b"),
    ),
    (Subscribe, re(60, r"\bgenerosity of (?:our |private )?(?:readers|donors|supporters|philanthrop)")),
    (
        Subscribe,
        re(
            8,
            r"^(?:only|just)?\s*[$€£¥]\s?\d[\d,]*(?:\.\d{1,2})?\s*(?:/|per|an?|every)\s*(?:year|month|week|day|yr|mo|annum)\b",
        ),
    ),
    (Subscribe, re(15, r"^(?:get|receive) (?:our|the)\b.{0,50}\b(?:inbox|newsletters?|e-?mails?)\b")),
    // Headers of related-article lists.
    (
        Related,
        re(
            8,
            r"^(?:related(?: articles| posts| stories| news| content| coverage| reading)?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|more (?:from|on|in) .{1,40}|more (?:stories|news|articles)|recommended(?: for you| stories| articles| reading)?|read (?:more|next|also)|also read|see also|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|editor['’]?s picks|latest (?:news|stories|articles|posts))\s*:?$",
        ),
    ),
    // Site navigation.
    (Navigation, re(4, r"^(?:back to|scroll to|go to|jump to) (?:the )?(?:top|home|content|main content)$")),
    (Navigation, re(4, r"^skip to (?:the )?(?:main )?(?:content|navigation|menu)$")),
    (Navigation, re(3, r"^(?:members?|subscribers?)['’]?\s+(?:log ?in|login|sign ?in|area)$")),
    (
        Navigation,
        re(
            3,
            r"^(?:log ?in|login|sign ?in|sign ?up|register|log ?out|logout|my account|menu|main menu|search|home|close|report|report abuse|reply|next|previous|prev|more|top|tags?|topics|categories|sections|toggle navigation|open menu)\s*:?$",
        ),
    ),
    (Navigation, re(4, r"^(?:log ?in|sign ?in)\s*(?:/|\||or)\s*(?:register|sign ?up|subscribe)$")),
    (Navigation, re(15, r"^(?:previous|next|prev|older|newer) (?:article|post|story|page|entry)\b")),
    (Navigation, re(15, r"^(?:tags?|filed under|posted in|categories|category|topics|related topics|labels)\s*:")),
    (Navigation, re(25, r"^(?:©|\(c\)|copyright\b)\s*(?:\d{4})?")),
    (Navigation, re(6, r"^all rights reserved\.?$")),
    (
        Navigation,
        re(
            12,
            r"^(?:privacy policy|terms (?:of (?:use|service)|and conditions)|cookie (?:policy|settings)|contact us|about us|advertise(?: with us)?)(?:\s*[|·•/]\s*(?:privacy policy|terms (?:of (?:use|service)|and conditions)|cookie (?:policy|settings)|contact us|about us|advertise(?: with us)?|careers|sitemap))*$",
        ),
    ),
    (Navigation, re(60, r"^(?:this (?:web)?site|we) uses? cookies\b")),
    (Navigation, Pattern::Test { max_words: 5, test: is_link_residue }),
    (Byline, Pattern::Test { max_words: 24, test: is_dated_tag_line }),
    (Navigation, Pattern::Test { max_words: 24, test: is_breadcrumb }),
    // Bylines and datelines.
    (Byline, Pattern::Test { max_words: 16, test: is_by_line }),
    (Byline, Pattern::Test { max_words: 12, test: is_dateline }),
    (
        Byline,
        re(
            5,
            r"^(?:(?:updated|posted|published)\s+)?\d{1,2}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$",
        ),
    ),
    (Byline, re(16, r"^(?:posted|published|updated|last updated|written|first published)\s*(?:on|at|by|:).*[^.!?]$")),
];

struct CompiledRules {
    set: RegexSet,
    /// For each entry of [`RULES`], its index in `set` when it is a regex.
    slot: Vec<Option<usize>>,
}

static COMPILED: LazyLock<CompiledRules> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let slot = RULES
        .iter()
        .map(|(_, pattern)| match pattern {
            Pattern::Regex { re, .. } => {
                // ASCII word boundaries keep the set on the fast DFA path (a Unicode `\b` forces the
                // slow engine on non-ASCII text); the patterns are English words anyway.
                patterns.push(re.replace(r"\b", r"(?-u:\b)"));
                Some(patterns.len() - 1)
            }
            Pattern::Test { .. } => None,
        })
        .collect();
    let set = RegexSetBuilder::new(patterns)
        .case_insensitive(true)
        .dfa_size_limit(64 << 20)
        .build()
        .expect("clean rules compile");
    CompiledRules { set, slot }
});

/// The first rule of [`RULES`] that matches a line (given as its bullet-stripped key); a line of
/// several `|`-separated pieces ("Reader Comments | Add a Comment") matches when every piece
/// matches the same reason.
fn rule_reason(key: &str, words: usize) -> Option<RemovalReason> {
    rule_reason_whole(key, words).or_else(|| {
        let pieces = tag_line_pieces(key)?;
        let first = rule_reason_whole(pieces[0], pieces[0].split_whitespace().count())?;
        pieces[1..].iter().all(|p| rule_reason_whole(p, p.split_whitespace().count()) == Some(first)).then_some(first)
    })
}

fn rule_reason_whole(key: &str, words: usize) -> Option<RemovalReason> {
    let compiled = &*COMPILED;
    let matches = compiled.set.matches(key);
    RULES.iter().zip(&compiled.slot).find_map(|((reason, pattern), slot)| {
        let hit = match (pattern, slot) {
            (Pattern::Regex { max_words, .. }, Some(i)) => words <= *max_words && matches.matched(*i),
            (Pattern::Test { max_words, test }, _) => words <= *max_words && test(key),
            _ => false,
        };
        hit.then_some(*reason)
    })
}

/// Cleans already-extracted text. `known_title`, when given, is removed where it repeats as a line.
pub fn clean_text(raw: &str, known_title: Option<&str>) -> CleanText {
    let mut lines = split_lines(raw);
    let title_key = known_title.map(comparison_key).filter(|k| !k.is_empty());

    for line in &mut lines {
        line.verdict = if title_key.as_deref().is_some_and(|t| is_title_repeat(&line.key, t)) {
            Some(Title)
        } else {
            rule_reason(&line.key, line.words)
        };
    }
    mark_teasers(&mut lines);
    subscribe_inside_comment_widget(&mut lines);

    let first_body = lines.iter().position(|l| l.verdict.is_none() && l.is_prose()).unwrap_or(lines.len());
    mark_related_tail(&mut lines);
    let last_body = lines.iter().rposition(|l| l.verdict.is_none() && l.is_prose());
    spread_prompts(&mut lines, last_body);
    mark_head(&mut lines, first_body, title_key.is_some());

    let mut text = String::new();
    let mut removed = Vec::new();
    for line in lines {
        match line.verdict {
            Some(reason) => removed.push(Removed { text: line.text, reason }),
            None => {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                text.push_str(&line.text);
            }
        }
    }
    CleanText { text, removed }
}

/// One non-empty source line.
struct Line {
    /// Trimmed, whitespace runs collapsed to one space.
    text: String,
    /// `text` without a leading bullet: what rules match against.
    key: String,
    words: usize,
    /// Consecutive lines with no blank line between them share a run (a block on the page).
    run: usize,
    verdict: Option<RemovalReason>,
}

impl Line {
    /// A sentence-like paragraph: long, or of some length and ending like a statement (a question
    /// of middling length is as often a headline).
    fn is_prose(&self) -> bool {
        self.words >= 20 || (self.words >= 8 && ends_like_sentence(&self.key) && !self.key.ends_with('?'))
    }

    /// Short and not ending like a sentence or a clause: a headline, crumb or list title.
    fn is_headline_like(&self) -> bool {
        let last = self.key.chars().last().unwrap_or('.');
        self.words <= 25
            && !matches!(last, '.' | ',' | ';' | ':' | '…')
            && tag_line_pieces(&self.key).is_none()
            && self.key.chars().any(char::is_alphabetic)
    }
}

fn split_lines(raw: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut run = 0;
    for source_line in raw.lines() {
        let mut text = String::with_capacity(source_line.len());
        for word in source_line.split_whitespace() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(word);
        }
        if text.is_empty() {
            run += 1;
            continue;
        }
        let key = strip_bullet(&text).to_string();
        let words = key.split_whitespace().count();
        lines.push(Line { text, key, words, run, verdict: None });
    }
    lines
}

fn strip_bullet(text: &str) -> &str {
    let stripped = text.trim_start_matches(['•', '·', '▪', '◦', '●', '■', '►', '*', '-', '–', '—']).trim_start();
    if stripped.is_empty() {
        text
    } else {
        stripped
    }
}

fn ends_like_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    core.ends_with(['.', '!', '?', '…'])
}

/// Lowercase words of letters and digits only, for comparing titles across punctuation styles.
fn comparison_key(text: &str) -> String {
    let cleaned: String =
        text.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { ' ' }).collect();
    cleaned.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The known title as a line of its own, or followed by a short site name ("Title | Site").
fn is_title_repeat(line: &str, title_key: &str) -> bool {
    let key = comparison_key(line);
    if key == title_key {
        return true;
    }
    let Some(rest) = key.strip_prefix(title_key) else { return false };
    rest.starts_with(' ') && rest.split_whitespace().count() <= 5 && line.contains(['|', '–', '—', '-', ':'])
}

/// A line ending in an ellipsis that repeats a neighbouring caption or the lead: either it begins
/// with a whole neighbouring line, or it is a cut-off beginning of one.
fn mark_teasers(lines: &mut [Line]) {
    const WINDOW: usize = 8;
    for i in 0..lines.len() {
        if lines[i].verdict.is_some() {
            continue;
        }
        let Some(cut) = lines[i].key.strip_suffix("...").or_else(|| lines[i].key.strip_suffix('…')) else { continue };
        let cut = comparison_key(cut);
        let cut_words: Vec<&str> = cut.split_whitespace().collect();
        if cut_words.len() < 4 {
            continue;
        }
        // The last word may be cut mid-word.
        let whole_words = cut_words[..cut_words.len() - 1].join(" ");
        let lo = i.saturating_sub(WINDOW);
        let hi = (i + WINDOW + 1).min(lines.len());
        let repeats = (lo..hi).filter(|&j| j != i).any(|j| {
            let other = comparison_key(&lines[j].key);
            let repeats_whole_line = other.split_whitespace().count() >= 4
                && cut.strip_prefix(other.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '));
            let is_cut_of_line =
                other.strip_prefix(whole_words.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '));
            repeats_whole_line || is_cut_of_line
        });
        if repeats {
            lines[i].verdict = Some(Teaser);
        }
    }
}

/// A lone "Subscribe" next to a comment widget is the widget's follow button, not a paywall.
fn subscribe_inside_comment_widget(lines: &mut [Line]) {
    for i in 0..lines.len() {
        if lines[i].verdict != Some(Subscribe) || !lines[i].key.eq_ignore_ascii_case("subscribe") {
            continue;
        }
        let lo = i.saturating_sub(2);
        let hi = (i + 3).min(lines.len());
        if (lo..hi).any(|j| lines[j].verdict == Some(Comments)) {
            lines[i].verdict = Some(Comments);
        }
    }
}

/// Titles of related articles: short headline-like lines after the last comment widget,
/// disclaimer, share bar or subscribe prompt that follows the body — and only when nothing after
/// that marker reads like a paragraph, so the article's own last lines are never taken.
fn mark_related_tail(lines: &mut [Line]) {
    let is_marker =
        |l: &Line| matches!(l.verdict, Some(Comments | Disclaimer | Share | Continuation | Subscribe | Related));
    let Some(marker) = lines.iter().rposition(is_marker) else { return };
    let body_before = lines[..marker].iter().any(|l| l.verdict.is_none() && l.is_prose());
    let tail = &lines[marker + 1..];
    let all_titles = tail.iter().filter(|l| l.verdict.is_none()).all(|l| l.words <= 20 && l.is_headline_like());
    if !body_before || !all_titles {
        return;
    }
    for line in &mut lines[marker + 1..] {
        if line.verdict.is_none() {
            line.verdict = Some(Related);
        }
    }
}

/// Prompt blocks (subscribe box, comment widget, share bar) printed as several lines take along
/// the unrecognised pieces that belong to them:
/// - anywhere, a prompt cut mid-phrase ("Support the" / "Example Society") takes its next line;
/// - after the body, a block without blank lines takes its short lines (the bullet list of a
///   membership offer).
fn spread_prompts(lines: &mut [Line], last_body: Option<usize>) {
    const DANGLING: &[&str] = &["the", "a", "an", "our", "your", "to", "of", "for", "and", "with", "at"];
    let is_prompt = |r: Option<RemovalReason>| matches!(r, Some(Subscribe | Comments | Share));
    for i in 1..lines.len() {
        let (before, after) = lines.split_at_mut(i);
        let (prev, line) = (&before[i - 1], &mut after[0]);
        let dangles = prev.key.rsplit(' ').next().is_some_and(|w| DANGLING.iter().any(|d| d.eq_ignore_ascii_case(w)));
        if is_prompt(prev.verdict) && dangles && prev.run == line.run && line.verdict.is_none() && line.words <= 6 {
            line.verdict = prev.verdict;
        }
    }
    let Some(last_body) = last_body else { return };
    let mut start = last_body + 1;
    while start < lines.len() {
        let run = lines[start].run;
        let end = lines[start..].iter().position(|l| l.run != run).map_or(lines.len(), |n| start + n);
        if let Some(reason) = lines[start..end].iter().find_map(|l| l.verdict.filter(|r| is_prompt(Some(*r)))) {
            for line in &mut lines[start..end] {
                if line.verdict.is_none() && line.words <= 12 && !line.is_prose() {
                    line.verdict = Some(reason);
                }
            }
        }
        start = end;
    }
}

/// The head, before the first prose paragraph, holds the headline and what surrounds it:
/// - the headline is the headline-like line just above a byline (a dated or "by" line, or a
///   person's name followed by the body); failing that, the first line when it looks like one;
/// - a person's name right under a headline or a byline is the author;
/// - above the headline: site names, section labels, menu leftovers.
///
/// Captions, standfirsts and teasers after the headline are left to the rules.
fn mark_head(lines: &mut [Line], first_body: usize, known_title_given: bool) {
    let head = 0..first_body;
    let open = |l: &Line| l.verdict.is_none();
    let mut titled = lines[head.clone()].iter().any(|l| l.verdict == Some(Title));
    for i in head.clone() {
        let next = lines.get(i + 1);
        let next_is_byline = next.is_some_and(|n| n.verdict == Some(Byline));
        let next_is_author = next.is_some_and(|n| open(n) && is_person_name(&n.key))
            && lines.get(i + 2).is_none_or(|after| !(open(after) && after.is_headline_like()));
        if open(&lines[i]) && lines[i].is_headline_like() && !is_caption_like(&lines[i].key) && (next_is_byline || next_is_author) {
            lines[i].verdict = Some(Title);
            titled = true;
        }
    }
    if !titled && !known_title_given {
        if let Some(i) = head.clone().find(|&i| open(&lines[i])) {
            if lines[i].is_headline_like() && !is_caption_like(&lines[i].key) {
                lines[i].verdict = Some(Title);
            }
        }
    }
    for i in head.clone().skip(1) {
        if open(&lines[i]) && matches!(lines[i - 1].verdict, Some(Title | Byline)) && is_person_name(&lines[i].key) {
            lines[i].verdict = Some(Byline);
        }
    }
    if let Some(first_title) = lines[head.clone()].iter().position(|l| l.verdict == Some(Title)) {
        for line in &mut lines[..first_title] {
            if open(line) && !line.is_prose() && !is_caption_like(&line.key) {
                line.verdict = Some(Navigation);
            }
        }
        // Under the headline, a tag line ("Opinion | World | The Gazette") is the byline's
        // section and outlet.
        for line in &mut lines[first_title..head.end] {
            if open(line) && tag_line_pieces(&line.key).is_some() {
                line.verdict = Some(Byline);
            }
        }
    }
}

/// Words that make up a share bar: "Share Tweet Email", "Facebook | Twitter | WhatsApp".
fn is_share_bar(key: &str) -> bool {
    const WORDS: &[&str] = &[
        "share",
        "shares",
        "tweet",
        "email",
        "e-mail",
        "mail",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "linkedin",
        "reddit",
        "pinterest",
        "telegram",
        "messenger",
        "flipboard",
        "tumblr",
        "vk",
        "pocket",
        "print",
        "copy",
        "link",
        "sms",
        "threads",
        "bluesky",
        "mastodon",
        "this",
        "on",
        "via",
        "url",
        "copied",
        "save",
        "google+",
    ];
    let tokens: Vec<&str> =
        key.split(|c: char| c.is_whitespace() || "|·•/,:".contains(c)).filter(|t| !t.is_empty()).collect();
    !tokens.is_empty()
        && tokens.len() <= 12
        && tokens.iter().all(|t| WORDS.iter().any(|w| w.eq_ignore_ascii_case(t)))
        && tokens.iter().any(|t| {
            !["this", "on", "via", "link", "copy", "save", "url", "copied"].iter().any(|w| w.eq_ignore_ascii_case(t))
        })
}

/// What is left of a line of links once the links are gone: "in ,", "| |", "on and".
fn is_link_residue(key: &str) -> bool {
    const GLUE: &[&str] =
        &["in", "on", "by", "and", "or", "at", "to", "of", "&", "|", "/", ",", "·", "•", "-", "–", "—", ">", "»", "›"];
    let tokens: Vec<&str> = key.split_whitespace().collect();
    tokens.len() <= 5
        && tokens.iter().all(|t| GLUE.contains(t) || t.chars().all(|c| !c.is_alphanumeric()))
        && tokens.iter().any(|t| t.chars().all(|c| !c.is_alphanumeric()))
}

/// The pieces of a tag line — "Opinion | World | The Gazette", "By Jane Roe · 3 March 2021" —
/// short labels separated by `|`, `•` or `·`; `None` for any other line.
fn tag_line_pieces(key: &str) -> Option<Vec<&str>> {
    if !key.contains(['|', '•', '·']) {
        return None;
    }
    let pieces: Vec<&str> = key.split(['|', '•', '·']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let short =
        |p: &&str| p.split_whitespace().count() <= 6 && !(ends_like_sentence(p) && p.split_whitespace().count() > 2);
    (pieces.len() >= 2 && pieces.iter().all(short)).then_some(pieces)
}

/// A tag line one of whose pieces is a date: "The Gazette | Harbours | March 3, 2021".
fn is_dated_tag_line(key: &str) -> bool {
    tag_line_pieces(key).is_some_and(|pieces| pieces.iter().any(|p| DATE.is_match(p) && is_dateline(p)))
}

/// "Home » World » Middle East", "News / Politics / Syria".
fn is_breadcrumb(key: &str) -> bool {
    let Some(sep) = ['»', '›', '>', '/'].into_iter().find(|s| key.contains(*s)) else { return false };
    let parts: Vec<&str> = key.split(sep).map(str::trim).collect();
    let starts_home = parts.first().is_some_and(|p| p.eq_ignore_ascii_case("home"));
    (parts.len() >= 3 || (starts_home && parts.len() >= 2))
        && parts.iter().all(|p| {
            let words = p.split_whitespace().count();
            (1..=4).contains(&words) && p.chars().next().is_some_and(char::is_alphabetic) && !ends_like_sentence(p)
        })
}

static MONTH_OR_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|today|yesterday)\.?,?$")
        .expect("month regex compiles")
});

/// "by Jane Roe on 3 Mar 2021 2 Comments", "Posted by J. Roe | Reuters", "By Jane Roe and Li Wei".
/// The name must be capitalised and followed by the end of the line or by byline furniture, so
/// that "By Christmas the town had fallen" stays.
fn is_by_line(key: &str) -> bool {
    let mut tokens: Vec<&str> = key.split_whitespace().collect();
    if tokens.len() > 16 || ends_like_sentence(key) && !key.ends_with(" Jr.") {
        return false;
    }
    if tokens.first().is_some_and(|t| {
        ["posted", "written", "words", "story", "reporting", "text", "report"].iter().any(|w| w.eq_ignore_ascii_case(t))
    }) {
        tokens.remove(0);
    }
    if !tokens.first().is_some_and(|t| t.eq_ignore_ascii_case("by") || t.eq_ignore_ascii_case("by:")) {
        return false;
    }
    let rest = &tokens[1..];
    let name_len = rest.iter().take_while(|t| is_name_token(t)).count();
    if name_len == 0 || name_len > 5 || MONTH_OR_DAY.is_match(rest[0]) {
        return false;
    }
    match rest.get(name_len) {
        None => true,
        Some(next) => {
            const FURNITURE: &[&str] = &[
                "on",
                "and",
                "&",
                "|",
                "-",
                "–",
                "—",
                "for",
                "at",
                "in",
                "published",
                "posted",
                "updated",
                "•",
                "·",
                "/",
            ];
            FURNITURE.iter().any(|f| f.eq_ignore_ascii_case(next))
                || next.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '@')
                || rest[name_len - 1].ends_with(',')
        }
    }
}

/// A capitalised name word, an initial, or a name particle.
fn is_name_token(token: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "al", "bin", "ibn", "el", "la", "le",
        "ter", "y",
    ];
    let word = token.trim_end_matches(',');
    if PARTICLES.contains(&word) || word.starts_with("al-") || word.starts_with("el-") {
        return true;
    }
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
}

/// Capitalised words common in title-case headlines and rare in names.
const HEADLINE_WORDS: &[&str] = &[
    "The", "A", "An", "Of", "And", "In", "On", "For", "To", "At", "By", "With", "From", "After", "Before", "Over",
    "Into", "Is", "Are", "Was", "Were", "Be", "Has", "Have", "Says", "Said", "Why", "How", "What", "Who", "Not", "No",
    "New",
];

/// A person's name alone: two to four capitalised words, "Jane Roe", "Ahmad al-Hassan", "J. R. Roe".
/// Also with a short role after a comma: "Jane Roe, Senior Fellow".
fn is_person_name(key: &str) -> bool {
    let (name, role) = key.split_once(", ").unwrap_or((key, ""));
    let role_words = role.split_whitespace().count();
    if role_words > 5 || role.contains(|c: char| c.is_ascii_digit()) || (role_words > 0 && ends_like_sentence(role)) {
        return false;
    }
    let tokens: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&tokens.len())
        && name.chars().count() <= 40
        && tokens.iter().all(|t| is_name_token(t) && !t.ends_with(','))
        && tokens.first().is_some_and(|t| t.chars().next().is_some_and(char::is_uppercase))
        && !tokens.iter().any(|t| HEADLINE_WORDS.contains(t))
        && !tokens.iter().any(|t| MONTH_OR_DAY.is_match(t))
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})(?-u:\b)"
    ))
    .expect("date regex compiles")
});

/// A photo caption: a credit ("Photo: …", "Photo via …", "(AP Photo/…)", "Image: …"), or a
/// description of several words that ends with ", <date>" ("Rebels at the port, 9 March 2025").
/// Captions are body text, never the headline, even right above a date line.
fn is_caption_like(key: &str) -> bool {
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:photos?|images?|pictures?|credit|illustration)\s*(?::|via|by|/|courtesy)|\(\s*(?:ap|afp|reuters|getty)").expect("credit regex compiles")
    });
    if CREDIT.is_match(key) {
        return true;
    }
    let Some(comma) = key.rfind(',') else { return false };
    let (description, tail) = (&key[..comma], key[comma + 1..].trim());
    description.split_whitespace().count() >= 4 && DATE.find(tail).is_some_and(|d| d.start() == 0 && d.end() == tail.len())
}

/// A date with little else around it: "December 12, 2016", "World news 12 Dec 2016 3",
/// "Palmyra, 12 December 2016", "Updated 14:05 GMT, Mon 12 Dec 2016", "Story Created: Aug 7,
/// 2012 at 9:56 AM AKDT". Only words count as something else, not a time of day or a time
/// zone. A line ending with a full stop is a sentence unless all it says besides the date is
/// dateline furniture ("on Tuesday, 16 December 2008 13:45.", "May 2, 2013 1:35 pm.").
fn is_dateline(key: &str) -> bool {
    let Some(date) = DATE.find(key) else { return false };
    let words: Vec<&str> = key[..date.start()]
        .split_whitespace()
        .chain(key[date.end()..].split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic) && !is_clock_word(w))
        .collect();
    if ends_like_sentence(key) && !key.ends_with(|c: char| c.is_ascii_digit()) {
        return words.iter().all(|w| is_dateline_furniture(w));
    }
    words.len() <= 5
}

/// A part of a time of day: "am", "p.m", "7:31AM", "GMT", "EDT", "IST".
fn is_clock_word(word: &str) -> bool {
    let letters = word.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':');
    matches!(letters.to_ascii_lowercase().replace('.', "").as_str(), "am" | "pm")
        || word == "UTC"
        || (word.len() >= 2 && word.len() <= 4 && word.chars().all(|c| c.is_ascii_uppercase()) && word.ends_with('T'))
}

/// What a dateline says besides its date: "on", "Published", "Tuesday", "updated".
fn is_dateline_furniture(word: &str) -> bool {
    const WORDS: &[&str] = &["on", "at", "published", "posted", "updated", "last", "first", "created", "filed", "date"];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) || MONTH_OR_DAY.is_match(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cleans `lines` (one per source line) and returns the kept paragraphs and the removed reasons.
    fn clean(lines: &[&str], title: Option<&str>) -> (Vec<String>, Vec<(String, RemovalReason)>) {
        let out = clean_text(&lines.join("\n"), title);
        let kept = if out.text.is_empty() { Vec::new() } else { out.text.split("\n\n").map(str::to_string).collect() };
        (kept, out.removed.into_iter().map(|r| (r.text, r.reason)).collect())
    }

    fn reasons(removed: &[(String, RemovalReason)]) -> Vec<RemovalReason> {
        removed.iter().map(|(_, r)| *r).collect()
    }

    const P1: &str = "The ferry company said on Monday that crossings to the island would resume within the week.";
    const P2: &str = "Harbour officials counted fourteen damaged moorings and two sunken pontoons after the storm.";
    const P3: &str = "Repairs are expected to cost between 2 and 3 million euros, according to the port authority.";

    #[test]
    fn clean_output_format_trims_and_collapses_whitespace() {
        let out = clean_text("  Storm Closes Harbour  \n\n\n  The  harbour\tclosed on   Monday after gales damaged the outer wall.  \r\n", None);
        assert_eq!(out.text, "The harbour closed on Monday after gales damaged the outer wall.");
        assert_eq!(out.removed, vec![Removed { text: "Storm Closes Harbour".into(), reason: Title }]);
    }

    #[test]
    fn clean_empty_input() {
        assert_eq!(clean_text("", None), CleanText::default());
        assert_eq!(clean_text("\n \n\t\n", None), CleanText::default());
    }

    #[test]
    fn clean_title_and_byline_forms() {
        let (kept, removed) =
            clean(&["Harbour Reopens After Storm", "by Jane Roe on 3 Mar 2021 2 Comments", P1, P2], None);
        assert_eq!(kept, [P1, P2]);
        assert_eq!(reasons(&removed), [Title, Byline]);

        let (kept, removed) = clean(&["Harbour Reopens After Storm", "", "LOCAL news March 3, 2021 0", "", P1], None);
        assert_eq!(kept, [P1]);
        assert_eq!(reasons(&removed), [Title, Byline]);

        // Masthead above the headline; date and author under it.
        let (kept, removed) = clean(
            &["The Harbour Gazette", "Harbour Reopens After Storm", "3 March 2021", "", "Jane Roe", "", P1],
            None,
        );
        assert_eq!(kept, [P1]);
        assert_eq!(reasons(&removed), [Navigation, Title, Byline, Byline]);
    }

    #[test]
    fn clean_datelines_with_times_and_a_full_stop() {
        for line in [
            "Story Created: Aug 7, 2012 at 9:56 AM AKDT",
            "on Tuesday, 16 December 2008 13:45.",
            "May 2, 2013 1:35 pm.",
            "Published Sunday, Aug 4 2013, 19:30 BST",
        ] {
            let (kept, removed) = clean(&["Harbour Reopens After Storm", line, P1], None);
            assert_eq!(kept, [P1], "{line}");
            assert_eq!(reasons(&removed), [Title, Byline], "{line}");
        }
        // A short sentence that holds a date stays.
        for line in ["The harbour reopened on 16 December 2008.", "Talks resume on May 2, 2013 at noon."] {
            let (kept, _) = clean(&["Harbour Reopens After Storm", P1, line, P2], None);
            assert_eq!(kept, [P1, line, P2], "{line}");
        }
    }

    #[test]
    fn clean_known_title_removed_wherever_it_repeats() {
        let (kept, removed) = clean(
            &["Harbour reopens after storm | The Gazette", P1, "Harbour Reopens After Storm", P2],
            Some("Harbour reopens after storm"),
        );
        assert_eq!(kept, [P1, P2]);
        assert_eq!(reasons(&removed), [Title, Title]);
    }

    #[test]
    fn clean_by_line_needs_a_name_not_a_time() {
        for body in [
            "By Christmas the harbour had reopened",
            "By Monday, crews had cleared the wreck",
            "By then the storm had passed",
        ] {
            let (kept, _) = clean(&[P1, body, P2], None);
            assert_eq!(kept, [P1, body, P2], "{body}");
        }
        assert!(is_by_line("By Jane Roe and Li Wei"));
        assert!(is_by_line("Posted by J. Roe | Harbour Gazette"));
        assert!(!is_by_line("By Christmas the harbour had reopened"));
    }

    #[test]
    fn clean_disclaimer_every_occurrence() {
        let note = "The views and opinions expressed here are solely those of the author and do not necessarily represent those of this site.";
        let (kept, removed) = clean(&["Harbour Reopens", note, P1, P2, note], None);
        assert_eq!(kept, [P1, P2]);
        assert_eq!(reasons(&removed), [Title, Disclaimer, Disclaimer]);
    }

    #[test]
    fn clean_navigation_crumbs() {
        let (kept, removed) = clean(
            &["in ,", "Home » World » Europe", "Harbour Reopens", P1, "Skip to content", P2, "Report", "Back to Top"],
            None,
        );
        assert_eq!(kept, [P1, P2]);
        assert_eq!(reasons(&removed), [Navigation, Navigation, Title, Navigation, Navigation, Navigation]);
    }

    #[test]
    fn clean_editorial_notes_and_short_body_lines_stay() {
        let body = [
            P1,
            "I said as much last week",
            "(emphasis added)",
            "Here is what the mayor told reporters",
            "\u{201c}We will rebuild the wall before winter.\u{201d}",
            "Why now?",
            P2,
        ];
        let (kept, removed) = clean(&body, None);
        assert_eq!(kept, body);
        assert!(removed.is_empty());
    }

    #[test]
    fn clean_subheads_and_captions_inside_the_body_stay() {
        let body = [
            P1,
            "What Went Wrong",
            P2,
            "Divers inspect the outer wall in March 2021. Photo via Harbour Authority",
            "A crane lifts a pontoon on 4 March 2021",
            P3,
        ];
        let (kept, removed) = clean(&body, None);
        assert_eq!(kept, body);
        assert!(removed.is_empty());
    }

    #[test]
    fn clean_subscribe_prompts_and_benefit_lists() {
        let (kept, removed) = clean(
            &[
                "Support the",
                "Gazette Trust",
                "",
                "Our reporting is only possible because of readers like you. Find out how you can contribute to our work.",
                "",
                "Harbour Reopens",
                P1,
                P2,
                "  • 100% ad free reading",
                "  • Early access to investigations",
                "Only $4.99 per month!",
                "Become a Gazette supporter",
            ],
            None,
        );
        assert_eq!(kept, [P1, P2]);
        assert_eq!(
            reasons(&removed),
            [Subscribe, Subscribe, Subscribe, Title, Subscribe, Subscribe, Subscribe, Subscribe]
        );
    }

    #[test]
    fn clean_comment_widget_share_bar_and_related_titles() {
        let (kept, removed) = clean(
            &[
                "Harbour Reopens",
                P1,
                P2,
                "Share Tweet Email",
                "What do you think?",
                "",
                "Subscribe",
                "Notify of",
                "guest",
                "3 Comments",
                "Inline Feedbacks",
                "View all comments",
                "",
                "FERRIES: Island routes to resume in \u{201c}days\u{201d}",
                "",
                "Is the outer wall strong enough?",
            ],
            None,
        );
        assert_eq!(kept, [P1, P2]);
        assert_eq!(
            reasons(&removed),
            [Title, Share, Comments, Comments, Comments, Comments, Comments, Comments, Comments, Related, Related]
        );
    }

    #[test]
    fn clean_last_paragraph_after_a_widget_is_kept() {
        // A paragraph after the widget makes the tail body, not related titles.
        let (kept, removed) = clean(&["Harbour Reopens", P1, "Share", "Ferries Return", P2], None);
        assert_eq!(kept, [P1, "Ferries Return", P2]);
        assert_eq!(reasons(&removed), [Title, Share]);
        // No widget at all: a short last line is the article's, not a related title.
        let (kept, _) = clean(&["Harbour Reopens", P1, P2, "More storms are forecast"], None);
        assert_eq!(kept, [P1, P2, "More storms are forecast"]);
    }

    #[test]
    fn clean_continuation_and_footnote_stubs() {
        let (kept, removed) = clean(
            &[
                "Harbour Reopens",
                P1,
                "The port authority published its figures [1] on Tuesday, a day after the storm.",
                "1. ?",
                "[2]",
                "3.",
                "Read the rest at The Harbour Gazette.",
                "Courtesy The Coast Review",
                "This article originally appeared on Coast Review.",
                "If you have any problems viewing this article, please report it here.",
            ],
            None,
        );
        assert_eq!(kept, [P1, "The port authority published its figures [1] on Tuesday, a day after the storm."]);
        assert_eq!(
            reasons(&removed),
            [Title, FootnoteStub, FootnoteStub, FootnoteStub, Continuation, Continuation, Continuation, Continuation]
        );
    }

    #[test]
    fn clean_teaser_repeating_caption_and_lead() {
        let caption = "A ferry at the outer quay in March 2021. Photo via Harbour Authority";
        let teaser = format!("{caption} The ferry company said on Monday that crossings...");
        let (kept, removed) = clean(&["Harbour Reopens", &teaser, caption, P1], None);
        assert_eq!(kept, [caption, P1]);
        assert_eq!(reasons(&removed), [Title, Teaser]);
        // An ellipsis alone does not make a teaser.
        let trailing = "The mayor paused, then said only that the wall had held \u{2026}";
        let (kept, _) = clean(&[P1, trailing, P2], None);
        assert_eq!(kept, [P1, trailing, P2]);
    }

    #[test]
    fn clean_captions_above_the_date_line_are_not_the_headline() {
        let (kept, removed) = clean(
            &[
                "The Harbour Review",
                "Fishing boats burning in the old port, 9 March 2025",
                "March 10, 2025",
                "Analysis: Why the Port Fell",
                "Mara Venn",
                "The port fell on Sunday after two days of shelling, and the garrison withdrew south along the coast road.",
            ],
            None,
        );
        assert_eq!(kept[0], "Fishing boats burning in the old port, 9 March 2025");
        assert_eq!(removed[0], ("The Harbour Review".to_string(), Navigation));
        assert_eq!(removed[2], ("Analysis: Why the Port Fell".to_string(), Title));
        assert_eq!(reasons(&removed), [Navigation, Byline, Title, Byline]);
    }

    #[test]
    fn clean_advertising_labels() {
        let (kept, removed) = clean(&["Harbour Reopens", P1, "Advertisement", P2, "SPONSORED", P3], None);
        assert_eq!(kept, [P1, P2, P3]);
        assert_eq!(reasons(&removed), [Title, Advertising, Advertising]);
    }

    #[test]
    fn clean_text_without_headline_keeps_its_first_line() {
        let (kept, removed) =
            clean(&[P1, P2, "Follow us on Twitter", "\u{a9} 2021 Harbour Gazette. All rights reserved."], None);
        assert_eq!(kept, [P1, P2]);
        assert_eq!(reasons(&removed), [Share, Navigation]);
    }

    #[test]
    fn clean_standfirst_and_caption_under_the_headline_stay() {
        let standfirst = "Crossings to resume within the week";
        let caption = "The outer wall seen from the ferry quay. Photo by Jane Roe";
        let (kept, removed) = clean(
            &["Harbour Reopens After Storm", "By Li Wei | 4 March 2021", "", standfirst, caption, "", P1, P2],
            None,
        );
        assert_eq!(kept, [standfirst, caption, P1, P2]);
        assert_eq!(reasons(&removed), [Title, Byline]);
    }

    proptest::proptest! {
        /// Nothing disappears unexplained: every non-empty line is either a kept paragraph or a
        /// removed entry, in source order, and cleaning is deterministic.
        #[test]
        fn clean_accounts_for_every_line(picks in proptest::collection::vec((0usize..12, "[ a-zA-Z.?,|0-9]{0,40}"), 0..30)) {
            const POOL: &[&str] = &[P1, P2, "Harbour Reopens", "Share", "What do you think?", "1. ?", "", "By Jane Roe",
                "March 3, 2021", "Support the", "Become a member", "Related"];
            let raw: Vec<String> = picks.iter().map(|(i, noise)| if *i < POOL.len() && noise.len() % 3 != 0 { POOL[*i].to_string() } else { noise.clone() }).collect();
            let raw = raw.join("\n");
            let out = clean_text(&raw, None);
            let source: Vec<String> = raw.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect();
            let kept: Vec<&str> = if out.text.is_empty() { Vec::new() } else { out.text.split("\n\n").collect() };
            proptest::prop_assert_eq!(kept.len() + out.removed.len(), source.len());
            // The source is an interleaving of the kept and the removed lines (`can[k][r]`: the first
            // k + r source lines are the first k kept and the first r removed).
            let mut can = vec![vec![false; out.removed.len() + 1]; kept.len() + 1];
            can[0][0] = true;
            for k in 0..=kept.len() {
                for r in 0..=out.removed.len() {
                    if k + r == 0 { continue }
                    let line = &source[k + r - 1];
                    can[k][r] = (k > 0 && can[k - 1][r] && kept[k - 1] == line)
                        || (r > 0 && can[k][r - 1] && &out.removed[r - 1].text == line);
                }
            }
            proptest::prop_assert!(can[kept.len()][out.removed.len()]);
            proptest::prop_assert_eq!(clean_text(&raw, None), out);
        }
    }

    #[test]
    fn clean_body_sentences_that_mention_widget_words_stay() {
        let body = [
            "Harbour Reopens",
            "The union said it would support the strike if the company did not share its safety report.",
            "Readers can subscribe to alerts, the port authority said, though many complained that the service was slow.",
            "Officials declined to comment on the figures, which were first published on Monday.",
            "By Tuesday, by contrast, the harbour was open again.",
            "Their views are those of a minority.",
            "The council published the proposals without endorsing them.",
            "The report reflects the views of its authors, the ministry said.",
            "Like me, many residents fled.",
            "Membership of the alliance remains unlikely.",
            "Support the strike, the union told its members.",
        ];
        let (kept, removed) = clean(&body, None);
        assert_eq!(kept, body[1..]);
        assert_eq!(reasons(&removed), [Title]);
    }
}
