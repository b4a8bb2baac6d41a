//! Changes of a planned week that others hear of: the briefing settings, a briefing moved or
//! cancelled, an appointment added or cancelled. The message carries the swap's calendar as it
//! will be after the change, written in the change's own transaction.

use crate::names::Names;
use crate::notify::{PlanChangeKind, WeekNotice};
use crate::{App, Result};
use domain::UserId;
use domain::swap::Swap;
use store::Effects;

/// A change of the plan to tell people of.
pub(crate) enum PlanChange<'a> {
    /// The briefing time, length or link of every day changed.
    Settings(&'a [domain::week::BriefingDay]),
    /// A briefing moved or cancelled (the day as it is now).
    Briefing(&'a domain::week::BriefingDay),
    /// An appointment added or cancelled (as it is now).
    Appointment(&'a store::week::StoredAppointment),
}

/// Tells `recipients` of a change of the plan (inbox and mail with the swap's calendar as it
/// will be after the change), as effects of the change's own transaction.
pub(crate) async fn effects(
    app: &App,
    swap: &Swap,
    by: &str,
    change: PlanChange<'_>,
    recipients: &[UserId],
    fx: &mut Effects,
) -> Result<()> {
    let now = store::now();
    let mut briefings = store::week::briefings(&app.db, swap.id).await?;
    let mut appointments = store::week::appointments(&app.db, swap.id).await?;
    let (key, what) = match change {
        PlanChange::Settings(days) => {
            for b in briefings.iter_mut() {
                if let Some(d) = days.iter().find(|d| d.planned == b.day.planned) {
                    *b = store::week::StoredBriefing { day: d.clone(), updated_at: now };
                }
            }
            let first = days.first().map(|d| d.start.format("%H:%M").to_string()).unwrap_or_default();
            (PlanChangeKind::Rescheduled, first)
        }
        PlanChange::Briefing(day) => {
            for b in briefings.iter_mut().filter(|b| b.day.planned == day.planned) {
                *b = store::week::StoredBriefing { day: day.clone(), updated_at: now };
            }
            let key = if day.cancelled { PlanChangeKind::BriefingCancelled } else { PlanChangeKind::BriefingMoved };
            (key, format!("{} {}", day.date.format("%d.%m.%Y"), day.start.format("%H:%M")))
        }
        PlanChange::Appointment(a) => {
            appointments.retain(|x| x.id != a.id);
            appointments.push(a.clone());
            let key = if a.cancelled { PlanChangeKind::AppointmentCancelled } else { PlanChangeKind::AppointmentAdded };
            let ap = &a.appointment;
            (key, format!("{} ({} {})", ap.title, ap.date.format("%d.%m.%Y"), ap.start.format("%H:%M")))
        }
    };
    let names = Names::of_swap(app, swap).await?;
    for c in store::contacts::of(&app.db, recipients).await? {
        let events = crate::feeds::swap_events(app, swap, c.id, c.locale, &names, &briefings, &appointments);
        let attachment = crate::feeds::attachment(swap, c.locale, &events);
        let notice = WeekNotice::PlanChanged { change: key, by, what: what.clone() };
        crate::notify::week(app, fx, &c, swap, notice, attachment);
    }
    Ok(())
}
