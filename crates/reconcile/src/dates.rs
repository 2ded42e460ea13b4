//! Dates as reconcile uses them: TIMEX3 values as day ranges ([`corroborate_annotate::dates`]),
//! and how far before a story a date still belongs to it.

pub use corroborate_annotate::dates::{day_range, iso_day};

/// Days before a story's first publication that still belong to the story itself: what ends
/// earlier is background.
pub const LEAD_DAYS: i64 = 7;
