//! The timeline as inline SVG: one row per event on a date axis, the bar spanning the event's
//! earliest..latest day, so a date known only to the month is a month wide.

use super::escape::esc;
use corroborate_reconcile::Event;
use std::fmt::Write;

const WIDTH: f64 = 800.0;
const ROW: f64 = 22.0;
const AXIS: f64 = 26.0;
/// Width of the label column.
const LABELS: f64 = 300.0;
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (a longer string is cut to its date).
pub fn day_number(iso: &str) -> Option<i64> {
    let date = iso.get(..10)?;
    let mut parts = date.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(corroborate_annotate::times::days_from_civil(y, m as u32, d as u32))
}

/// `(year, month, day)` of a day number.
fn civil(days: i64) -> (i64, i64, i64) {
    let (y, m, d) = corroborate_annotate::times::civil_from_days(days);
    (y, i64::from(m), i64::from(d))
}

/// Tick days and labels for the axis between `from` and `to` (day numbers, `to` exclusive).
fn ticks(from: i64, to: i64) -> Vec<(i64, String)> {
    let span = to - from;
    let mut out = Vec::new();
    if span <= 21 {
        let step = if span <= 12 { 1 } else { 2 };
        let mut d = from;
        while d <= to {
            let (_, m, day) = civil(d);
            out.push((d, format!("{day} {}", MONTHS[(m - 1) as usize])));
            d += step;
        }
    } else if span <= 150 {
        let mut d = from;
        while d <= to {
            let (_, m, day) = civil(d);
            out.push((d, format!("{day} {}", MONTHS[(m - 1) as usize])));
            d += 7;
        }
    } else {
        let (y0, m0, _) = civil(from);
        let months_step = if span <= 800 { 1 } else if span <= 2400 { 6 } else { 12 * ((span / 3650) + 1) };
        let (mut y, mut m) = (y0, m0);
        loop {
            let d = day_number(&format!("{y:04}-{m:02}-01")).unwrap_or(to);
            if d > to {
                break;
            }
            if d >= from {
                out.push((d, if m == 1 || months_step >= 12 { format!("{y}") } else { format!("{} {y}", MONTHS[(m - 1) as usize]) }));
            }
            m += months_step;
            while m > 12 {
                m -= 12;
                y += 1;
            }
        }
    }
    // At most ~12 labels.
    let keep = out.len().div_ceil(12).max(1);
    out.into_iter().enumerate().filter(|(i, _)| i % keep == 0).map(|(_, t)| t).collect()
}

/// The SVG of `events` (`(index in the dossier's timeline, event)`), each bar linking to the
/// event's row `#{prefix}-{index}`; `class` is `story` or `bg` (background).
pub fn timeline_svg(events: &[(usize, &Event)], prefix: &str, class: &str) -> Option<String> {
    let dated: Vec<(usize, &Event, i64, i64)> = events
        .iter()
        .filter_map(|&(i, e)| {
            let a = day_number(&e.earliest)?;
            let b = day_number(&e.latest).unwrap_or(a).max(a);
            Some((i, e, a, b + 1))
        })
        .collect();
    if dated.is_empty() {
        return None;
    }
    let from = dated.iter().map(|d| d.2).min()?;
    let mut to = dated.iter().map(|d| d.3).max()?;
    if to - from < 3 {
        to = from + 3;
    }
    // Labels in a column on the left (they always fit), bars on the date axis to the right.
    let (left, right) = (LABELS, WIDTH - 8.0);
    let x = |d: i64| left + (d - from) as f64 / (to - from) as f64 * (right - left);
    let height = AXIS + ROW * dated.len() as f64 + 6.0;
    let mut svg = String::new();
    let _ = write!(svg, "<svg class=\"tl tl-{class}\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{class} timeline\">");
    for (d, label) in ticks(from, to) {
        let tx = x(d);
        // The last label ends at its tick rather than running off the edge.
        let (lx, end) = if tx > WIDTH - 60.0 { (tx - 2.0, " text-anchor=\"end\"") } else { (tx + 2.0, "") };
        let _ = write!(svg, "<line class=\"tick\" x1=\"{tx:.1}\" y1=\"{}\" x2=\"{tx:.1}\" y2=\"{height}\"/><text class=\"tick\" x=\"{lx:.1}\" y=\"14\"{end}>{}</text>", AXIS - 6.0, esc(&label));
    }
    for (row, (i, e, a, b)) in dated.iter().enumerate() {
        let y = AXIS + ROW * row as f64;
        let (x0, x1) = (x(*a), x(*b));
        let w = (x1 - x0).max(4.0);
        let label = format!("{} · {}", readable(e), clip(&e.what, 44usize.saturating_sub(readable(e).chars().count())));
        let _ = write!(
            svg,
            "<a href=\"#{prefix}-{i}\"><title>{}</title><rect class=\"bar\" x=\"{x0:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" rx=\"3\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text></a>",
            esc(&format!("{} – {}: {}", e.earliest, e.latest, e.what)),
            y + 3.0,
            ROW - 8.0,
            LABELS - 6.0,
            y + 14.0,
            esc(&label)
        );
    }
    svg.push_str("</svg>");
    Some(svg)
}

/// An event's date as a reader says it: "8 Dec 2016", "weekend of 10–11 Dec 2016",
/// "11–13 Dec 2016", "12 Dec 2016, morning", "Nov 2016", "summer 2015". The TIMEX3 value stays
/// in the dossier; this is only how the page, the Markdown and the terminal show it.
pub fn readable(e: &Event) -> String {
    let day = |iso: &str| day_number(iso).map(civil);
    let month = |m: i64| MONTHS[(m.clamp(1, 12) - 1) as usize];
    let one_day = |(y, m, d): (i64, i64, i64)| format!("{d} {} {y}", month(m));
    let range = || -> Option<String> {
        let (a, b) = (day(&e.earliest)?, day(&e.latest)?);
        Some(if a == b {
            one_day(a)
        } else if (a.0, a.1) == (b.0, b.1) {
            format!("{}–{} {} {}", a.2, b.2, month(a.1), a.0)
        } else if a.0 == b.0 {
            format!("{} {} – {} {} {}", a.2, month(a.1), b.2, month(b.1), a.0)
        } else {
            format!("{} – {}", one_day(a), one_day(b))
        })
    };
    let (date, time) = match e.when.split_once('T') {
        Some((d, t)) if !e.when.contains('/') => (d, Some(t)),
        _ => (e.when.as_str(), None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let shown = match parts.as_slice() {
        [y] if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => Some(y.to_string()),
        [y, m] if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => m.parse::<i64>().ok().filter(|m| (1..=12).contains(m)).map(|m| format!("{} {y}", month(m))),
        [y, s] if matches!(*s, "SP" | "SU" | "FA" | "WI") => {
            Some(format!("{} {y}", match *s { "SP" => "spring", "SU" => "summer", "FA" => "autumn", _ => "winter" }))
        }
        [y, q] if q.len() == 2 && q.starts_with('Q') => Some(format!("{q} {y}")),
        [_, w, we] if w.starts_with('W') && *we == "WE" => range().map(|r| format!("weekend of {r}")),
        [_, w] if w.starts_with('W') => range().map(|r| format!("week of {r}")),
        _ if date.len() == 10 || e.when.contains('/') => range(),
        _ => None,
    };
    let Some(shown) = shown else {
        return e.when.clone();
    };
    match time {
        Some(t) => {
            let part = match t {
                "MO" => "morning".to_string(),
                "AF" => "afternoon".to_string(),
                "EV" => "evening".to_string(),
                "NI" => "night".to_string(),
                "DT" => "daytime".to_string(),
                t => t.to_string(),
            };
            format!("{shown}, {part}")
        }
        None => shown,
    }
}

/// At most `width` characters, with `…` where cut.
pub fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut cut: String = s.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2025-03-08"), Some(20_155));
        for d in [-1000, 0, 20_155, 20_200, 30_000] {
            let (y, m, day) = civil(d);
            assert_eq!(day_number(&format!("{y:04}-{m:02}-{day:02}")), Some(d));
        }
        assert_eq!(day_number("2025-13-01"), None);
        assert_eq!(day_number("2025"), None);
    }

    #[test]
    fn dates_read_as_a_person_writes_them() {
        let ev = |when: &str, earliest: &str, latest: &str| Event {
            when: when.into(),
            precision: String::new(),
            earliest: earliest.into(),
            latest: latest.into(),
            what: String::new(),
            place: None,
            actors: vec![],
            outlets: vec![],
            background: false,
            evidence: vec![],
        };
        for (when, a, b, shown) in [
            ("2016-12-08", "2016-12-08", "2016-12-08", "8 Dec 2016"),
            ("2016-W49-WE", "2016-12-10", "2016-12-11", "weekend of 10–11 Dec 2016"),
            ("2016-12-11/2016-12-13", "2016-12-11", "2016-12-13", "11–13 Dec 2016"),
            ("2016-11-30/2016-12-02", "2016-11-30", "2016-12-02", "30 Nov – 2 Dec 2016"),
            ("2016-12-12TMO", "2016-12-12", "2016-12-12", "12 Dec 2016, morning"),
            ("2025-03-08T04:00", "2025-03-08", "2025-03-08", "8 Mar 2025, 04:00"),
            ("2016-11", "2016-11-01", "2016-11-30", "Nov 2016"),
            ("2015-SU", "2015-06-01", "2015-08-31", "summer 2015"),
            ("2014", "2014-01-01", "2014-12-31", "2014"),
            ("PRESENT_REF", "", "", "PRESENT_REF"),
        ] {
            assert_eq!(readable(&ev(when, a, b)), shown, "{when}");
        }
    }

    #[test]
    fn ticks_fit_the_span() {
        let from = day_number("2025-03-08").unwrap();
        assert_eq!(ticks(from, from + 3).iter().map(|t| t.1.as_str()).collect::<Vec<_>>(), ["8 Mar", "9 Mar", "10 Mar", "11 Mar"]);
        let years = ticks(day_number("2022-01-01").unwrap(), day_number("2025-06-01").unwrap());
        assert!(years.iter().any(|t| t.1 == "2024"), "{years:?}");
        assert!(years.len() <= 12);
    }
}
