//! Human renderings of a [`Computation`]: the one-line trail and the step list.
//!
//! ```text
//! 30 days after Thu 2014-07-31 → Sat 2014-08-30 (weekend) → Mon 2014-09-01 is Labor Day → due Tue 2014-09-02 (FRAP 26(a)(1)(C))
//! ```

use std::fmt;

use super::compute::{Computation, StepKind};
use super::day_label;
use super::period::Direction;

impl fmt::Display for Computation {
    /// The one-line trail. Consecutive weekend days are shown once; notes that
    /// do not move the date are left to [`Computation::render_steps`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        let mut last_weekend = false;
        let n = self.steps.len();
        for (i, s) in self.steps.iter().enumerate() {
            let next_is_due_same_day = self.steps[i + 1..]
                .iter()
                .find(|x| x.kind != StepKind::Note)
                .is_some_and(|x| x.kind == StepKind::Due && x.date == s.date);
            match &s.kind {
                StepKind::Start {
                    amount,
                    unit,
                    direction,
                } => {
                    let rel = if *direction == Direction::After {
                        "after"
                    } else {
                        "before"
                    };
                    let text = format!("{amount} {unit} {rel} {}", day_label(s.date));
                    if parts.is_empty() {
                        parts.push(text);
                    } else {
                        parts.push(format!("; {text}"));
                    }
                    last_weekend = false;
                }
                StepKind::Landed { tag } => {
                    match tag {
                        Some(t) => parts.push(format!("→ {} {t}", day_label(s.date))),
                        None if !next_is_due_same_day => {
                            parts.push(format!("→ {}", day_label(s.date)))
                        }
                        None => {}
                    }
                    last_weekend = tag.as_deref() == Some("(weekend)");
                }
                StepKind::Skip { tag, weekend } => {
                    if !(*weekend && last_weekend) {
                        parts.push(format!("→ {} {tag}", day_label(s.date)));
                    }
                    last_weekend = *weekend;
                }
                StepKind::Added {
                    days,
                    why,
                    tag,
                    court,
                } => {
                    let unit = if *court { "court days" } else { "days" };
                    let mut text = format!("→ +{days} {unit} for {why} ({})", s.cite);
                    match tag {
                        Some(t) => text.push_str(&format!(" → {} {t}", day_label(s.date))),
                        None if !next_is_due_same_day => {
                            text.push_str(&format!(" → {}", day_label(s.date)))
                        }
                        None => {}
                    }
                    parts.push(text);
                    last_weekend = tag.as_deref() == Some("(weekend)");
                }
                StepKind::Inaccessible => {
                    parts.push(format!(
                        "→ {} clerk's office inaccessible",
                        day_label(s.date)
                    ));
                    last_weekend = false;
                }
                StepKind::Compare => {
                    parts.push(format!("→ {}", s.note));
                    last_weekend = false;
                }
                StepKind::Due => {
                    // Only the final Due is "the" due date; inner ones close a sub-computation.
                    let last = i + 1 == n;
                    let label = if last { "due" } else { "gives" };
                    let time = match self.due_time {
                        Some(t) if last => format!(" {}", t.format("%H:%M")),
                        _ => String::new(),
                    };
                    parts.push(format!(
                        "→ {label} {}{time} ({})",
                        day_label(s.date),
                        s.cite
                    ));
                    last_weekend = false;
                }
                StepKind::Note => {}
            }
        }
        let mut out = String::new();
        for p in parts {
            if !out.is_empty() && !p.starts_with(';') {
                out.push(' ');
            }
            out.push_str(&p);
        }
        f.write_str(&out)
    }
}

impl Computation {
    /// Every step on its own line: date, note, and the rule cited.
    pub fn render_steps(&self) -> String {
        let mut out = String::new();
        for s in &self.steps {
            out.push_str(&format!(
                "  {}  {}  [{}]\n",
                day_label(s.date),
                s.note,
                s.cite
            ));
        }
        out
    }
}
