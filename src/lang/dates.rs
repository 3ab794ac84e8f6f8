//! Weekdays, months, days of month and years in French and English text.

pub fn placeholder() {}
