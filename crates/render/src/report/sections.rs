//! The sections of one story in the page, each item with its receipts.

use super::escape::{anchor, esc, href};
use super::timeline::{clip, readable, timeline_svg};
use super::{dates_of, interval, map, number, reconciled, title_of, StoryReport};
use corroborate_reconcile::{Dossier, Evidence, Place, Relation};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// The sections, in the order of the story's table of contents.
const SECTIONS: [(&str, &str); 11] = [
    ("glance", "At a glance"),
    ("timeline", "Timeline"),
    ("map", "Places"),
    ("figures", "Figures"),
    ("voices", "Who said what"),
    ("blame", "Blame"),
    ("provenance", "Provenance"),
    ("framing", "Framing"),
    ("outlets", "Outlets"),
    ("coverage", "Coverage gaps"),
    ("documents", "Documents"),
];

pub(super) fn story(out: &mut String, s: &StoryReport, id: String) {
    let d = s.dossier;
    let outlets: Vec<&str> = d.outlets.iter().map(|o| o.outlet.as_str()).collect();
    let _ = write!(
        out,
        "<article class=\"story\" id=\"{id}\">\n<h2>{}</h2>\n<p class=\"meta\">story <code>{}</code> · {} document{} · {} · outlets: {}</p>\n<nav class=\"toc\" aria-label=\"Sections\">",
        esc(title_of(d)),
        esc(&d.story),
        d.documents.len(),
        if d.documents.len() == 1 { "" } else { "s" },
        esc(&dates_of(d).unwrap_or_else(|| "undated".into())),
        if outlets.is_empty() { "none named".to_string() } else { esc(&outlets.join(", ")) }
    );
    for (key, name) in SECTIONS {
        let _ = write!(out, "<a href=\"#{id}-{key}\">{name}</a>");
    }
    out.push_str("</nav>\n");
    for (key, name) in SECTIONS {
        let _ = write!(out, "<section id=\"{id}-{key}\" class=\"sec-{key}\"><h3>{name}</h3>");
        let before = out.len();
        match key {
            "glance" => glance(out, d, &id),
            "timeline" => timeline(out, d, &id),
            "map" => places(out, d, &s.places),
            "figures" => figures(out, d),
            "voices" => voices(out, d),
            "blame" => blame(out, d),
            "provenance" => provenance(out, d),
            "framing" => framing(out, d),
            "outlets" => outlet_profiles(out, d),
            "coverage" => coverage(out, d),
            _ => documents(out, &s.documents),
        }
        if out.len() == before {
            out.push_str("<p class=\"empty\">Nothing found for this story.</p>");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
}

/// The receipts of an item: one `<details>` per evidence, its summary the outlet, its body the
/// sentence with the span marked, the document and a link to the source.
fn receipts(out: &mut String, evidence: &[Evidence]) {
    if evidence.is_empty() {
        return;
    }
    out.push_str("<span class=\"receipts\">");
    for e in evidence {
        receipt(out, e);
    }
    out.push_str("</span>");
}

/// Receipts of an item that may have many (an actor named forty times): the first `shown`, the
/// rest behind one "+N more".
fn receipts_compact(out: &mut String, evidence: &[Evidence], shown: usize) {
    if evidence.len() <= shown + 1 {
        return receipts(out, evidence);
    }
    receipts(out, &evidence[..shown]);
    let _ = write!(out, "<details class=\"more\"><summary>+{} more</summary>", evidence.len() - shown);
    receipts(out, &evidence[shown..]);
    out.push_str("</details>");
}

/// Text in quotation marks unless it brings its own.
fn quoted(text: &str) -> String {
    if text.starts_with(['“', '"', '‘', '«']) {
        esc(text)
    } else {
        format!("“{}”", esc(text))
    }
}

/// The questions a reader brings, answered from the sections below, each line linking to its
/// section: what happened on which day, how many and who says so, which claims travel and from
/// where, whom each outlet blames.
fn glance(out: &mut String, d: &Dossier, id: &str) {
    let story: Vec<(usize, &corroborate_reconcile::Event)> = d.timeline.iter().enumerate().filter(|(_, e)| !e.background).collect();
    if !story.is_empty() {
        out.push_str("<h4>What happened</h4><ul class=\"glance\">");
        for (i, e) in story.iter().take(8) {
            let _ = write!(out, "<li><a href=\"#{id}-ev-{i}\"><b>{}</b></a> — {} <small>({})</small></li>", esc(&readable(e)), esc(&clip(&e.what, 160)), list(&e.outlets));
        }
        if story.len() > 8 {
            let _ = write!(out, "<li><a href=\"#{id}-timeline\">… {} more on the timeline</a></li>", story.len() - 8);
        }
        out.push_str("</ul>");
    }
    let compared: Vec<&corroborate_reconcile::Figure> = d.figures.iter().filter(|f| f.values.len() >= 2).take(3).collect();
    if !compared.is_empty() {
        let _ = write!(out, "<h4><a href=\"#{id}-figures\">How many, and who says so</a></h4><ul class=\"glance\">");
        for f in compared {
            let values: Vec<String> = f
                .values
                .iter()
                .map(|v| {
                    let who = if v.holder == v.outlet { esc(&v.outlet) } else { format!("{}, in {}", esc(&v.holder), esc(&v.outlet)) };
                    format!("{} “{}” ({who})", esc(&interval(v)), esc(&v.text))
                })
                .collect();
            let _ = write!(
                out,
                "<li><b>{}</b> {}: {}. <span class=\"reconciled-inline\">{}: {} from {} independent source{}</span></li>",
                esc(&f.topic),
                relation_badge(f.relation),
                values.join("; "),
                esc(f.reconciled.policy),
                esc(&reconciled(&f.reconciled)),
                f.independent_sources,
                if f.independent_sources == 1 { "" } else { "s" }
            );
        }
        out.push_str("</ul>");
    }
    let p = &d.provenance;
    let name = |id: &str| p.nodes.iter().find(|n| n.id == id).map(|n| n.name.clone()).unwrap_or_else(|| id.to_string());
    let relayed: Vec<&corroborate_reconcile::Claim> = p.claims.iter().filter(|c| c.reported_in.len() >= 2 || !c.via.is_empty()).take(3).collect();
    if !relayed.is_empty() {
        let _ = write!(out, "<h4><a href=\"#{id}-provenance\">Claims that travel</a></h4><ul class=\"glance\">");
        for c in relayed {
            let chain: Vec<String> = std::iter::once(&c.origin).chain(&c.via).map(|v| esc(&name(v))).collect();
            let reported: Vec<String> = c.reported_in.iter().map(|v| esc(&name(v))).collect();
            let _ = write!(
                out,
                "<li>{} — from <b>{}</b>; reported in {}: <b>{}</b> independent witness{} of {} report{}</li>",
                quoted(&clip(&c.claim, 160)),
                chain.join(" → "),
                reported.join(", "),
                c.independent,
                if c.independent == 1 { "" } else { "es" },
                reported.len(),
                if reported.len() == 1 { "" } else { "s" }
            );
        }
        out.push_str("</ul>");
    }
    let by_outlet = blame_by_outlet(d);
    if !by_outlet.is_empty() {
        let _ = write!(out, "<h4><a href=\"#{id}-blame\">Whom each outlet blames</a></h4><ul class=\"glance\">");
        for (o, rows) in by_outlet {
            let targets: BTreeSet<&str> = rows.iter().map(|(_, t, _)| t.as_str()).collect();
            let _ = write!(out, "<li><b>{}</b>: {}</li>", esc(o), esc(&targets.into_iter().map(|t| clip(t, 60)).collect::<Vec<_>>().join("; ")));
        }
        out.push_str("</ul>");
    }
}

/// Blame rows by outlet: (who, whom, what for), who being "itself" when it is the outlet.
fn blame_by_outlet(d: &Dossier) -> BTreeMap<&str, BTreeSet<(String, String, String)>> {
    let mut by_outlet: BTreeMap<&str, BTreeSet<(String, String, String)>> = BTreeMap::new();
    for b in &d.blame {
        for o in &b.outlets {
            let who = if b.holder == *o { "itself".to_string() } else { b.holder.clone() };
            by_outlet.entry(o.as_str()).or_default().insert((who, b.target.clone(), b.for_.join("; ")));
        }
    }
    by_outlet
}

fn receipt(out: &mut String, e: &Evidence) {
    let sentence: Vec<char> = e.sentence.text.chars().collect();
    let a = e.start.saturating_sub(e.sentence.start).min(sentence.len());
    let b = e.end.saturating_sub(e.sentence.start).clamp(a, sentence.len());
    let inside = e.start >= e.sentence.start && e.end <= e.sentence.end && b > a;
    let _ = write!(out, "<details><summary title=\"{}\">{}</summary><span class=\"evb\"><q>", esc(&clip(&e.sentence.text, 200)), esc(&e.outlet));
    if inside {
        let part = |r: std::ops::Range<usize>| sentence[r].iter().collect::<String>();
        let _ = write!(out, "{}<mark>{}</mark>{}", esc(&part(0..a)), esc(&part(a..b)), esc(&part(b..sentence.len())));
    } else {
        out.push_str(&esc(&e.sentence.text));
    }
    let _ = write!(out, "</q> <span class=\"src\">{}", esc(&e.outlet));
    if let Some(url) = e.url.as_deref().and_then(href) {
        let _ = write!(out, " · <a href=\"{url}\" rel=\"noreferrer\" target=\"_blank\">source</a>");
    }
    let _ = write!(out, " · doc <code>{}</code> {}–{}</span></span></details>", esc(&e.document), e.start, e.end);
}

fn list(items: &[String]) -> String {
    esc(&items.join(", "))
}

fn timeline(out: &mut String, d: &Dossier, id: &str) {
    if d.timeline.is_empty() {
        return;
    }
    let prefix = format!("{id}-ev");
    let story: Vec<(usize, &_)> = d.timeline.iter().enumerate().filter(|(_, e)| !e.background).collect();
    let background: Vec<(usize, &_)> = d.timeline.iter().enumerate().filter(|(_, e)| e.background).collect();
    if let Some(svg) = timeline_svg(&story, &prefix, "story") {
        let _ = write!(out, "<div class=\"scroll\">{svg}</div>");
    }
    if let Some(svg) = timeline_svg(&background, &prefix, "bg") {
        let _ = write!(out, "<h4>Background (events well before the story)</h4><div class=\"scroll\">{svg}</div>");
    }
    out.push_str("<div class=\"scroll\"><table><thead><tr><th>When</th><th>What</th><th>Where</th><th>Reported by</th></tr></thead><tbody>");
    for (i, e) in d.timeline.iter().enumerate() {
        let _ = write!(
            out,
            "<tr id=\"{prefix}-{i}\"{}><td class=\"nowrap\">{}<br><small><code>{}</code> · {} precision{}</small></td><td>{} ",
            if e.background { " class=\"bg\"" } else { "" },
            esc(&readable(e)),
            esc(&e.when),
            esc(&e.precision),
            if e.background { " · background" } else { "" },
            esc(&e.what)
        );
        receipts(out, &e.evidence);
        let _ = write!(out, "</td><td>{}</td><td>{}</td></tr>", e.place.as_ref().map(|p| esc(&p.name)).unwrap_or_default(), list(&e.outlets));
    }
    out.push_str("</tbody></table></div>");
}

fn places(out: &mut String, d: &Dossier, extra: &[Place]) {
    let mut all: Vec<Place> = Vec::new();
    for p in d.timeline.iter().filter_map(|e| e.place.as_ref()).chain(extra) {
        if !all.iter().any(|q| q.entity == p.entity) {
            all.push(p.clone());
        }
    }
    if all.is_empty() {
        return;
    }
    match map::map_svg(&all, &format!("Map of the places of {}", title_of(d))) {
        Some((svg, far)) => {
            let _ = write!(out, "<div class=\"mapbox\">{svg}</div>");
            if !far.is_empty() {
                let _ = write!(out, "<p class=\"hint\">Too far away to draw: {}.</p>", esc(&far.join(", ")));
            }
        }
        None => out.push_str("<p class=\"empty\">No place of this story has coordinates in the gazetteer.</p>"),
    }
    out.push_str("<ul class=\"places\">");
    for p in &all {
        let events: Vec<String> = d.timeline.iter().filter(|e| e.place.as_ref().is_some_and(|q| q.entity == p.entity)).map(readable).collect();
        let _ = write!(out, "<li><b>{}</b>", esc(&p.name));
        if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
            let _ = write!(out, " <small>{lat:.2}, {lon:.2}</small>");
        } else {
            out.push_str(" <small>no coordinates</small>");
        }
        if let Some(c) = &p.country {
            let _ = write!(out, " <small>{}</small>", esc(c));
        }
        if !events.is_empty() {
            let _ = write!(out, " — events of {}", esc(&events.join(", ")));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

fn relation_badge(r: Relation) -> &'static str {
    match r {
        Relation::Agree => "<span class=\"rel agree\">agree</span>",
        Relation::Compatible => "<span class=\"rel compatible\">compatible</span>",
        Relation::Contradict => "<span class=\"rel contradict\">⚠ contradict</span>",
    }
}

fn figures(out: &mut String, d: &Dossier) {
    for f in &d.figures {
        let _ = write!(
            out,
            "<div class=\"figure\"><h4>{} <small>({})</small> {}</h4><p class=\"why\">{}{}</p>",
            esc(&f.topic),
            esc(&f.unit),
            relation_badge(f.relation),
            esc(&f.explanation),
            if f.tolerance.is_empty() { String::new() } else { format!(" <small>Tolerance: {}.</small>", esc(&f.tolerance)) }
        );
        let _ = write!(
            out,
            "<p class=\"reconciled\">Reconciled under the <b>{}</b> policy: <b>{}</b>{} · <b>{}</b> independent source{}</p>",
            esc(f.reconciled.policy),
            esc(&reconciled(&f.reconciled)),
            if f.reconciled.rule.is_empty() { String::new() } else { format!(" <small>({})</small>", esc(&f.reconciled.rule)) },
            f.independent_sources,
            if f.independent_sources == 1 { "" } else { "s" }
        );
        out.push_str("<div class=\"scroll\"><table><thead><tr><th>Outlet</th><th>Who says so</th><th>Words</th><th>Interval</th><th>Receipt</th></tr></thead><tbody>");
        for v in &f.values {
            let how = if v.how == "derived" { format!(" <small>derived from {}</small>", esc(v.derived_from.as_deref().unwrap_or("another value"))) } else { String::new() };
            let _ = write!(out, "<tr><td>{}</td><td>{}</td><td>{}{how}</td><td class=\"nowrap\">{}</td><td>", esc(&v.outlet), esc(&v.holder), quoted(&v.text), esc(&interval(v)));
            receipt(out, &v.evidence);
            out.push_str("</td></tr>");
        }
        out.push_str("</tbody></table></div></div>");
    }
}

fn voices(out: &mut String, d: &Dossier) {
    if d.quotes.is_empty() {
        return;
    }
    // Columns: every outlet an item names or has evidence from.
    let outlets: BTreeSet<&str> = d.quotes.iter().flat_map(|s| s.items.iter().flat_map(|i| i.evidence.iter().map(|e| e.outlet.as_str()).chain(i.outlets.iter().map(String::as_str)))).collect();
    out.push_str("<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>Speaker</th>");
    for o in &outlets {
        let _ = write!(out, "<th>{}</th>", esc(o));
    }
    out.push_str("</tr></thead><tbody>");
    for s in &d.quotes {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(&s.speaker));
        for o in &outlets {
            out.push_str("<td>");
            for item in &s.items {
                let here: Vec<Evidence> = item.evidence.iter().filter(|e| e.outlet == *o).cloned().collect();
                if here.is_empty() && !item.outlets.iter().any(|x| x == o) {
                    continue;
                }
                let _ = write!(out, "<div class=\"quote {}\"><small>{}</small> {} ", esc(&item.kind), esc(&item.kind), quoted(&clip(&item.text, 240)));
                receipts_compact(out, &here, 2);
                out.push_str("</div>");
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
}

fn blame(out: &mut String, d: &Dossier) {
    if d.blame.is_empty() {
        return;
    }
    let targets: BTreeSet<&str> = d.blame.iter().map(|b| b.target.as_str()).collect();
    let holders: BTreeSet<&str> = d.blame.iter().map(|b| b.holder.as_str()).collect();
    out.push_str("<p class=\"hint\">Rows: who blames. Columns: whom. Each cell: what for, and in which outlets.</p><div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>Blames →</th>");
    for t in &targets {
        let _ = write!(out, "<th title=\"{}\">{}</th>", esc(t), esc(&clip(t, 48)));
    }
    out.push_str("</tr></thead><tbody>");
    for h in &holders {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(h));
        for t in &targets {
            out.push_str("<td>");
            for b in d.blame.iter().filter(|b| b.holder == *h && b.target == *t) {
                let _ = write!(out, "<div class=\"blame\">{} <small>in {}</small> ", if b.for_.is_empty() { "—".to_string() } else { esc(&b.for_.join("; ")) }, list(&b.outlets));
                receipts(out, &b.evidence);
                out.push_str("</div>");
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    // The same rows by outlet: whom each outlet's reports blame, and who does the blaming.
    out.push_str("<h4>By outlet</h4><ul class=\"byoutlet\">");
    for (o, rows) in blame_by_outlet(d) {
        let rows: Vec<String> = rows.into_iter().map(|(who, whom, what)| if what.is_empty() { format!("{who} blames {whom}") } else { format!("{who} blames {whom} for {what}") }).collect();
        let _ = write!(out, "<li><b>{}</b>: {}</li>", esc(o), esc(&rows.join("; ")));
    }
    out.push_str("</ul>");
}

fn provenance(out: &mut String, d: &Dossier) {
    let p = &d.provenance;
    let name = |id: &str| p.nodes.iter().find(|n| n.id == id).map(|n| n.name.clone()).unwrap_or_else(|| id.to_string());
    if !p.claims.is_empty() {
        out.push_str("<h4>Claims and where they come from</h4><div class=\"scroll\"><table><thead><tr><th>Claim</th><th>Chain (origin → via → reported in)</th><th>Independent</th></tr></thead><tbody>");
        for c in &p.claims {
            let via: Vec<String> = c.via.iter().map(|v| name(v)).collect();
            let reported: Vec<String> = c.reported_in.iter().map(|v| name(v)).collect();
            let _ = write!(out, "<tr><td>{} ", esc(&c.claim));
            receipts(out, &c.evidence);
            let _ = write!(out, "</td><td><span class=\"chain\"><b>{}</b>", esc(&name(&c.origin)));
            for v in &via {
                let _ = write!(out, " → {}", esc(v));
            }
            let _ = write!(
                out,
                " → {}</span></td><td class=\"indep\"><b>{}</b> independent of {} report{}</td></tr>",
                esc(&reported.join(", ")),
                c.independent,
                reported.len(),
                if reported.len() == 1 { "" } else { "s" }
            );
        }
        out.push_str("</tbody></table></div>");
    }
    if !p.nodes.is_empty() {
        out.push_str("<h4>Who cites whom</h4>");
        out.push_str(&provenance_svg(d));
    }
    if !p.edges.is_empty() {
        out.push_str("<ul class=\"edges\">");
        for e in &p.edges {
            let _ = write!(out, "<li>{} <i>{}</i> {} ", esc(&name(&e.from)), esc(&e.kind), esc(&name(&e.to)));
            receipts(out, &e.evidence);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
}

/// The graph in three columns, information flowing left to right: sources nobody upstream of
/// (origins), intermediaries, and the story's outlets; an edge `a cites b` is drawn b → a.
fn provenance_svg(d: &Dossier) -> String {
    let p = &d.provenance;
    let cites_someone: BTreeSet<&str> = p.edges.iter().map(|e| e.from.as_str()).collect();
    let column = |n: &corroborate_reconcile::Node| {
        if n.in_corpus && n.kind == "outlet" {
            2
        } else if cites_someone.contains(n.id.as_str()) {
            1
        } else {
            0
        }
    };
    let mut columns: [Vec<&corroborate_reconcile::Node>; 3] = Default::default();
    for n in &p.nodes {
        columns[column(n)].push(n);
    }
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let (width, row, box_w) = (780.0, 30.0, 220.0);
    let height = 30.0 + row * rows as f64;
    let xs = [10.0, 280.0, 550.0];
    let mut at = BTreeMap::new();
    for (c, nodes) in columns.iter().enumerate() {
        for (r, n) in nodes.iter().enumerate() {
            at.insert(n.id.as_str(), (xs[c], 30.0 + row * r as f64));
        }
    }
    let mut svg = format!("<div class=\"scroll\"><svg class=\"graph\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"provenance graph\"><text class=\"tick\" x=\"10\" y=\"16\">origins</text><text class=\"tick\" x=\"280\" y=\"16\">intermediaries</text><text class=\"tick\" x=\"550\" y=\"16\">outlets in the story</text>");
    for e in &p.edges {
        if let (Some(&(x1, y1)), Some(&(x2, y2))) = (at.get(e.to.as_str()), at.get(e.from.as_str())) {
            let (sx, sy, tx, ty) = (x1 + box_w, y1 + 10.0, x2, y2 + 10.0);
            let mid = (sx + tx) / 2.0;
            let _ = write!(svg, "<path class=\"edge {}\" d=\"M{sx:.1} {sy:.1}C{mid:.1} {sy:.1} {mid:.1} {ty:.1} {tx:.1} {ty:.1}\"><title>{}</title></path>", anchor(&e.kind), esc(&format!("{} {} {}", e.from, e.kind, e.to)));
        }
    }
    for n in &p.nodes {
        if let Some(&(x, y)) = at.get(n.id.as_str()) {
            let _ = write!(
                svg,
                "<g class=\"node {}{}\"><rect x=\"{x}\" y=\"{y}\" width=\"{box_w}\" height=\"20\" rx=\"4\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text><title>{}</title></g>",
                anchor(&n.kind),
                if n.in_corpus { " in" } else { "" },
                x + 6.0,
                y + 14.0,
                esc(&clip(&n.name, 30)),
                esc(&format!("{} ({})", n.name, n.kind))
            );
        }
    }
    svg.push_str("</svg></div>");
    svg
}

fn framing(out: &mut String, d: &Dossier) {
    if d.framing.is_empty() {
        return;
    }
    let outlets: BTreeSet<&str> = d.framing.iter().flat_map(|f| f.terms_by_outlet.keys().map(String::as_str)).collect();
    out.push_str("<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>Actor</th>");
    for o in &outlets {
        let _ = write!(out, "<th>{}</th>", esc(o));
    }
    out.push_str("</tr></thead><tbody>");
    for f in &d.framing {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(&f.name));
        for o in &outlets {
            let terms = f.terms_by_outlet.get(*o).map(|ts| ts.iter().map(|t| format!("{} ×{}", t.term, t.count)).collect::<Vec<_>>().join(", ")).unwrap_or_default();
            let _ = write!(out, "<td>{} ", esc(&terms));
            let here: Vec<Evidence> = f.evidence.iter().filter(|e| e.outlet == *o).cloned().collect();
            receipts_compact(out, &here, 1);
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
}

fn outlet_profiles(out: &mut String, d: &Dossier) {
    if d.outlets.is_empty() {
        return;
    }
    out.push_str("<div class=\"scroll\"><table><thead><tr><th>Outlet</th><th>Genre</th><th class=\"num\">Words</th><th class=\"num\">Hedges</th><th class=\"num\">per 1,000 words</th><th class=\"num\">Quotes</th><th class=\"num\">Citations</th><th>Documents</th></tr></thead><tbody>");
    for o in &d.outlets {
        let docs: Vec<String> = o.documents.iter().map(|d| format!("<code>{}</code>", esc(d))).collect();
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.1}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&o.outlet),
            esc(&o.genre),
            number(o.words as f64),
            o.hedges,
            o.hedge_density,
            o.quotes,
            o.citations,
            docs.join(" ")
        );
    }
    out.push_str("</tbody></table></div>");
}

fn coverage(out: &mut String, d: &Dossier) {
    if d.coverage.is_empty() {
        return;
    }
    out.push_str("<div class=\"scroll\"><table><thead><tr><th>Fact</th><th>Reported by</th><th>Missing from</th></tr></thead><tbody>");
    for c in &d.coverage {
        let _ = write!(out, "<tr><td>{} ", esc(&c.fact));
        receipts(out, &c.evidence);
        let _ = write!(out, "</td><td>{}</td><td class=\"missing\">{}</td></tr>", list(&c.reported_by), list(&c.missing_from));
    }
    out.push_str("</tbody></table></div>");
}

fn documents(out: &mut String, documents: &[super::SourceDocument]) {
    if documents.is_empty() {
        return;
    }
    out.push_str("<div class=\"scroll\"><table><thead><tr><th>Outlet</th><th>Title</th><th>Published</th><th>Genre</th><th>Document</th></tr></thead><tbody>");
    for doc in documents {
        let title = if doc.title.is_empty() { "(no title)".to_string() } else { esc(&doc.title) };
        let title = match doc.url.as_deref().and_then(href) {
            Some(url) => format!("<a href=\"{url}\" rel=\"noreferrer\" target=\"_blank\">{title}</a>"),
            None => title,
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{title}</td><td class=\"nowrap\">{}</td><td>{}</td><td><code>{}</code></td></tr>",
            esc(&doc.outlet),
            esc(doc.published.as_deref().unwrap_or("undated")),
            esc(&doc.genre),
            esc(&doc.id)
        );
    }
    out.push_str("</tbody></table></div>");
}
