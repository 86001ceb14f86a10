//! The time of day a hearing's docket text gives ("10:00 a.m.", "2:30 PM",
//! "at 14:30", "10 a.m."), if it gives one. The model keeps dates only, so a
//! hearing is timed in the calendar only when its own text says when.

use chrono::NaiveTime;

/// The first time of day written in `text`.
pub fn time_in(text: &str) -> Option<NaiveTime> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let boundary = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b':');
        if boundary && b[i].is_ascii_digit() {
            if let Some(t) = time_at(&b[i..]) {
                return Some(t);
            }
        }
        i += 1;
    }
    None
}

/// A time starting at the beginning of `b`.
fn time_at(b: &[u8]) -> Option<NaiveTime> {
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let h_len = digits(0);
    if !(1..=2).contains(&h_len) {
        return None;
    }
    let hour: u32 = std::str::from_utf8(&b[..h_len]).ok()?.parse().ok()?;
    let mut at = h_len;
    let mut minute = None;
    if b.get(at) == Some(&b':') && digits(at + 1) == 2 {
        minute = std::str::from_utf8(&b[at + 1..at + 3]).ok()?.parse().ok();
        at += 3;
        if b.get(at).is_some_and(|c| c.is_ascii_digit() || *c == b':') {
            return None;
        }
    }
    let rest = &b[at..];
    let rest = &rest[rest.iter().take_while(|c| **c == b' ').count()..];
    let meridiem = meridiem(rest);
    match (minute, meridiem) {
        (m, Some(pm)) if (1..=12).contains(&hour) => {
            let h = (hour % 12) + if pm { 12 } else { 0 };
            NaiveTime::from_hms_opt(h, m.unwrap_or(0), 0)
        }
        (Some(m), None) if hour <= 23 => NaiveTime::from_hms_opt(hour, m, 0),
        _ => None,
    }
}

/// `Some(true)` for p.m., `Some(false)` for a.m., at the start of `b`.
fn meridiem(b: &[u8]) -> Option<bool> {
    let lower: Vec<u8> = b.iter().take(4).map(u8::to_ascii_lowercase).collect();
    let pm = match lower.first() {
        Some(b'a') => false,
        Some(b'p') => true,
        _ => return None,
    };
    let len = if lower.get(1) == Some(&b'.') && lower.get(2) == Some(&b'm') {
        if lower.get(3) == Some(&b'.') {
            4
        } else {
            3
        }
    } else if lower.get(1) == Some(&b'm') {
        2
    } else {
        return None;
    };
    let after = b.get(len);
    (!matches!(after, Some(c) if c.is_ascii_alphanumeric())).then_some(pm)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    #[test]
    fn reads_the_usual_ways_of_writing_a_time() {
        assert_eq!(
            time_in("Oral argument set for 2/27/2018 10:00 AM"),
            t(10, 0)
        );
        assert_eq!(time_in("Hearing at 2:30 p.m. in Courtroom 5"), t(14, 30));
        assert_eq!(time_in("Conference at 12 p.m."), t(12, 0));
        assert_eq!(time_in("Status conference, 12:15 am"), t(0, 15));
        assert_eq!(time_in("Argued at 14:30."), t(14, 30));
    }

    #[test]
    fn dates_numbers_and_citations_are_not_times() {
        for text in [
            "Oral argument before Judges Lynch, Carney and Bolden",
            "829 F.3d 197 (2d Cir. 2016)",
            "18 U.S.C. § 2703",
            "No. 14-2985",
            "argued 2/27/2018",
            "10 amici filed",
            "at 25:00",
            "12:345",
        ] {
            assert_eq!(time_in(text), None, "{text}");
        }
    }
}
