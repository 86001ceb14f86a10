//! The overview: one lane per court, events as marks on a shared time axis,
//! stays as spans, rulings coloured by outcome. Plain positioned boxes (no
//! script, no image), so it prints as it shows.

use chrono::NaiveDate;

use super::markup::escape;
use crate::record::CaseRecord;
use casetrail_model::{EventKind, Outcome};

/// Where a day sits between `first` and `last`, in percent.
fn at(day: NaiveDate, first: NaiveDate, last: NaiveDate) -> f64 {
    let span = (last - first).num_days().max(1) as f64;
    ((day - first).num_days() as f64 / span * 100.0).clamp(0.0, 100.0)
}

/// The colour of a ruling's outcome: granted or affirmed, denied or reversed, the rest.
pub fn outcome_class(o: Outcome) -> &'static str {
    use Outcome::*;
    match o {
        Granted | Affirmed | GrantedInPart | AffirmedInPart => "win",
        Denied | Reversed | ReversedAndRemanded | HeldInContempt => "loss",
        _ => "neutral",
    }
}

/// The overview chart.
pub fn render(out: &mut String, r: &CaseRecord) {
    let days: Vec<NaiveDate> = r.events.iter().map(|e| e.event.date.start()).collect();
    let (Some(&first), Some(&last)) = (days.iter().min(), days.iter().max()) else {
        return;
    };
    out.push_str("<section class=\"overview\"><h2>Across the courts</h2>\n");
    out.push_str(&format!(
        "<div class=\"axis\"><span>{first}</span><span>{last}</span></div>\n"
    ));
    for p in &r.proceedings {
        let id = p.proceeding.id;
        out.push_str(&format!(
            "<div class=\"lane\"><div class=\"lane-name\">{} {}</div><div class=\"track\">",
            escape(&p.proceeding.court),
            escape(&p.proceeding.docket_number)
        ));
        for e in r.events.iter().filter(|e| e.event.proceeding_id == id) {
            let ev = &e.event;
            let left = at(ev.date.start(), first, last);
            if let Some(stay) = &ev.stay {
                let end = stay.lifted_on.map(|d| d.start()).unwrap_or(last);
                let width = (at(end, first, last) - left).max(0.6);
                out.push_str(&format!(
                    "<span class=\"stay\" style=\"left:{left:.2}%;width:{width:.2}%\" title=\"{}\"></span>",
                    escape(&ev.title)
                ));
            }
            let class = match (ev.kind, ev.outcome) {
                (EventKind::Ruling, Some(o)) => outcome_class(o),
                (EventKind::Ruling, None) => "neutral",
                (EventKind::AmicusBrief, _) => "amicus",
                _ => "filing",
            };
            out.push_str(&format!(
                "<span class=\"mark {class}\" style=\"left:{left:.2}%\" title=\"{} {}\"></span>",
                ev.date,
                escape(&ev.title)
            ));
        }
        out.push_str("</div></div>\n");
    }
    out.push_str(
        "<p class=\"legend\"><span class=\"key win\"></span> granted or affirmed \
         <span class=\"key loss\"></span> denied or reversed <span class=\"key neutral\"></span> other ruling \
         <span class=\"key amicus\"></span> amicus brief <span class=\"key filing\"></span> other event \
         <span class=\"key stay\"></span> stay in effect</p>\n</section>\n",
    );
}
