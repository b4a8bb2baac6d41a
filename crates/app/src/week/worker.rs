//! The week worker: plans confirmed swaps that have no plan yet, moves a swap to
//! `in_progress` on its Monday and to `completed` after its Friday (German time), and sends the
//! week's reminders, each once however many workers run.

use crate::notify::WeekNotice;
use crate::{App, Error, Result};
use chrono::{DateTime, Utc};
use domain::UserId;
use domain::swap::{Swap, SwapState};
use store::{AuditEntry, Effects};

/// What one run of the week worker did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WeekRun {
    pub planned: usize,
    pub began: usize,
    pub completed: usize,
    pub reminders: usize,
}

/// The worker's part of the week, at `now` (a parameter, so that tests can move the clock):
/// plans confirmed swaps that have no plan yet; moves a swap to `in_progress` on its Monday
/// and to `completed` after its Friday (German time); sends the reminder the evening before
/// the week (from 17:00 on the Sunday), each running day's briefing reminder (from 07:00), and
/// reminds the owners of granted access to revoke it at the end of the week. Every reminder
/// goes out once, however many workers run.
pub async fn run_week(app: &App, now: DateTime<Utc>) -> Result<WeekRun> {
    use chrono::Timelike;
    let local = now.with_timezone(&chrono_tz::Europe::Berlin);
    let (today, hour) = (local.date_naive(), local.hour());
    let mut run = WeekRun::default();
    for id in store::week::swaps_with_open_weeks(&app.db).await? {
        // One swap's trouble must not hold up the others: log it, go on, try again next time.
        if let Err(e) = run_swap_week(app, id, today, hour, &mut run).await {
            tracing::error!(swap = %id, error = ?e, "week worker");
        }
    }
    for (swap_id, entry) in store::week::revocations_due(&app.db, today).await? {
        let swap = store::swaps::get(&app.db, swap_id).await?;
        let mut fx = Effects::audit(AuditEntry::new(None, "week.revocation_reminded", "swap", swap_id));
        let guest = store::users::account(&app.db, entry.guest).await?.display_name;
        for c in store::contacts::of(&app.db, &[entry.owner]).await? {
            let notice = WeekNotice::RevokeAccess { item: entry.item, guest: &guest };
            crate::notify::week(app, &mut fx, &c, &swap, notice, None);
        }
        if store::week::mark_revocation_reminded(&app.db, swap_id, entry.guest, entry.item, &fx).await? {
            run.reminders += 1;
        }
    }
    Ok(run)
}

/// The worker's steps for one swap.
async fn run_swap_week(
    app: &App,
    id: domain::SwapId,
    today: chrono::NaiveDate,
    hour: u32,
    run: &mut WeekRun,
) -> Result<()> {
    let mut swap = store::swaps::get(&app.db, id).await?;
    if swap.state == SwapState::Confirmed {
        if crate::plan::ensure(app, &swap).await? {
            run.planned += 1;
        }
        if today < swap.week.monday() {
            let eve = swap.week.monday() - chrono::Days::new(1);
            if today == eve && hour >= 17 && remind(app, &swap, "week-ahead", eve, None).await? {
                run.reminders += 1;
            }
            return Ok(());
        }
        let events = swap.begin_week(today)?;
        swap = match crate::journey::record(app, swap.clone(), None, events).await {
            Ok(s) => s,
            // Another worker was quicker; the next run sees the new state.
            Err(Error::Conflict(_)) => return Ok(()),
            Err(e) => return Err(e),
        };
        run.began += 1;
    }
    if swap.state == SwapState::InProgress {
        if today > swap.week.friday() {
            let events = swap.complete_week(today)?;
            match crate::journey::record(app, swap.clone(), None, events).await {
                Ok(_) => run.completed += 1,
                Err(Error::Conflict(_)) => {}
                Err(e) => return Err(e),
            }
            return Ok(());
        }
        let briefing = store::week::briefings(&app.db, id)
            .await?
            .into_iter()
            .map(|b| b.day)
            .find(|b| b.date == today && !b.cancelled);
        if let Some(b) = briefing
            && hour >= 7
            && remind(app, &swap, "briefing", today, Some(&b)).await?
        {
            run.reminders += 1;
        }
    }
    if swap.state == SwapState::Completed {
        // Normally the last reflection evaluates the swap; this catches two written at once.
        let written: Vec<UserId> = store::week::reflections(&app.db, id).await?.into_iter().map(|r| r.0).collect();
        if swap.members.iter().all(|m| written.contains(&m.user)) {
            let events = swap.evaluate(&written)?;
            match crate::journey::record(app, swap.clone(), None, events).await {
                Ok(_) | Err(Error::Conflict(_)) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// Sends one of the week's reminders to every member, once.
async fn remind(
    app: &App,
    swap: &Swap,
    kind: &'static str,
    day: chrono::NaiveDate,
    briefing: Option<&domain::week::BriefingDay>,
) -> Result<bool> {
    let users: Vec<UserId> = swap.members.iter().map(|m| m.user).collect();
    let mut fx =
        Effects::audit(AuditEntry::new(None, "week.reminded", "swap", swap.id).detail(format!("{kind} {day}")));
    for c in store::contacts::of(&app.db, &users).await? {
        let notice = match briefing {
            Some(b) => WeekNotice::BriefingToday(b),
            None => WeekNotice::Ahead,
        };
        let ics = crate::feeds::swap_attachment(app, swap, c.id, c.locale).await?;
        crate::notify::week(app, &mut fx, &c, swap, notice, ics);
    }
    Ok(store::week::send_reminder_once(&app.db, swap.id, kind, day, &fx).await?)
}
