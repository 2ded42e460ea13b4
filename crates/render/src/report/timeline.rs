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
        let label = format!("{} · {}", e.when, clip(&e.what, 30));
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
    fn ticks_fit_the_span() {
        let from = day_number("2025-03-08").unwrap();
        assert_eq!(ticks(from, from + 3).iter().map(|t| t.1.as_str()).collect::<Vec<_>>(), ["8 Mar", "9 Mar", "10 Mar", "11 Mar"]);
        let years = ticks(day_number("2022-01-01").unwrap(), day_number("2025-06-01").unwrap());
        assert!(years.iter().any(|t| t.1 == "2024"), "{years:?}");
        assert!(years.len() <= 12);
    }
}
