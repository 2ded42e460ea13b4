//! TIMEX3 values as day ranges: what days a value can mean, for sorting, merging and drawing
//! (reconcile's timeline and figures) and for the event days of story clustering.

use crate::times::{civil_from_days, days_from_civil};

/// First and last day (day numbers since 1970-01-01) a resolved TIMEX3 DATE or TIME value can
/// mean: `2016` → the year, `2016-12` → the month, `2016-12-11TEV` → the day, `2016-W49` → the
/// week, `2016-W49-WE` → its Saturday and Sunday, `2016-SU` → June to August, `A/B` → from A's
/// first day to B's last. `None` for anything unresolved (`XXXX-12`, `PRESENT_REF`) or malformed.
pub fn day_range(value: &str) -> Option<(i64, i64)> {
    if let Some((a, b)) = value.split_once('/') {
        let (start, _) = day_range(a)?;
        let (_, end) = day_range(b)?;
        return (start <= end).then_some((start, end));
    }
    let value = value.split('T').next()?;
    let parts: Vec<&str> = value.split('-').collect();
    let year: i64 = parse_digits(parts.first()?, 4)?;
    match parts.as_slice() {
        [_] => Some((days_from_civil(year, 1, 1), days_from_civil(year, 12, 31))),
        [_, m] if m.len() == 3 && m.starts_with('W') => week(year, parse_digits(&m[1..], 2)?),
        [_, w, we] if w.starts_with('W') && *we == "WE" => {
            let (monday, _) = week(year, parse_digits(&w[1..], 2)?)?;
            Some((monday + 5, monday + 6))
        }
        [_, season] if season.len() == 2 && season.chars().all(|c| c.is_ascii_uppercase()) => {
            let (from, to) = match *season {
                "SP" => (3, 5),
                "SU" => (6, 8),
                "FA" => (9, 11),
                "WI" => (12, 14),
                "H1" => (1, 6),
                "H2" => (7, 12),
                "Q1" => (1, 3),
                "Q2" => (4, 6),
                "Q3" => (7, 9),
                "Q4" => (10, 12),
                _ => return None,
            };
            let start = days_from_civil(year, from, 1);
            let (ey, em) = if to > 12 { (year + 1, to - 12) } else { (year, to) };
            Some((start, month_end(ey, em)))
        }
        [_, m] => {
            let m = parse_digits::<u32>(m, 2)?;
            (1..=12).contains(&m).then(|| (days_from_civil(year, m, 1), month_end(year, m)))
        }
        [_, m, d] => {
            let (m, d) = (parse_digits::<u32>(m, 2)?, parse_digits::<u32>(d, 2)?);
            if !(1..=12).contains(&m) || d == 0 || d > days_in_month(year, m) {
                return None;
            }
            let day = days_from_civil(year, m, d);
            Some((day, day))
        }
        _ => None,
    }
}

/// `YYYY-MM-DD` of a day number.
pub fn iso_day(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

fn parse_digits<T: std::str::FromStr>(s: &str, len: usize) -> Option<T> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn days_in_month(y: i64, m: u32) -> u32 {
    let next = if m == 12 { days_from_civil(y + 1, 1, 1) } else { days_from_civil(y, m + 1, 1) };
    (next - days_from_civil(y, m, 1)) as u32
}

fn month_end(y: i64, m: u32) -> i64 {
    days_from_civil(y, m, days_in_month(y, m))
}

/// Monday and Sunday of ISO week `w` of `year`.
fn week(year: i64, w: u32) -> Option<(i64, i64)> {
    if !(1..=53).contains(&w) {
        return None;
    }
    let jan4 = days_from_civil(year, 1, 4);
    let weekday = (jan4 + 3).rem_euclid(7); // 0 = Monday (1970-01-01 was a Thursday)
    let monday = jan4 - weekday + 7 * (w as i64 - 1);
    Some((monday, monday + 6))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(v: &str) -> Option<(String, String)> {
        day_range(v).map(|(a, b)| (iso_day(a), iso_day(b)))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn every_value_shape_maps_to_its_days() {
        assert_eq!(range("2016-12-11"), pair("2016-12-11", "2016-12-11"));
        assert_eq!(range("2016-12-11TEV"), pair("2016-12-11", "2016-12-11"));
        assert_eq!(range("2025-03-08T04:00"), pair("2025-03-08", "2025-03-08"));
        assert_eq!(range("2016-12"), pair("2016-12-01", "2016-12-31"));
        assert_eq!(range("2024-02"), pair("2024-02-01", "2024-02-29"));
        assert_eq!(range("2015"), pair("2015-01-01", "2015-12-31"));
        assert_eq!(range("2016-12-10/2016-12-11"), pair("2016-12-10", "2016-12-11"));
        assert_eq!(range("2025-W10"), pair("2025-03-03", "2025-03-09"));
        assert_eq!(range("2025-W10-WE"), pair("2025-03-08", "2025-03-09"));
        assert_eq!(range("2016-W52"), pair("2016-12-26", "2017-01-01"));
        assert_eq!(range("2024-WI"), pair("2024-12-01", "2025-02-28"));
        assert_eq!(range("2016-SU"), pair("2016-06-01", "2016-08-31"));
    }

    #[test]
    fn unresolved_and_malformed_values_have_no_days() {
        for v in ["XXXX-12", "PRESENT_REF", "PAST_REF", "P3W", "2016-13", "2016-02-30", "16-12-11", "", "2016-12-11/2016-12-01", "XXXX-WXX-1"] {
            assert_eq!(day_range(v), None, "{v}");
        }
    }
}
