//! The week plan made when a swap is confirmed: daily briefings at the default time on every
//! day the swap runs, the access checklist of every guest and the administrative checklist of
//! every leg. Both the confirmation and the week worker make it; the store makes it once.

use crate::names::Names;
use crate::{App, Result};
use domain::after::{AccessItem, AccessState, AdminItem};
use domain::org::Region;
use domain::swap::{Swap, SwapState};
use domain::week::{BriefingSettings, WeekPlan};
use store::week::{AccessEntry, AdminEntry, NewPlan, StoredBriefing};
use store::{AuditEntry, Effects};

/// Whether the swap has reached the point where its week is planned.
pub fn has_plan(swap: &Swap) -> bool {
    matches!(swap.state, SwapState::Confirmed | SwapState::InProgress | SwapState::Completed | SwapState::Evaluated)
}

/// The host organisation's federal state of every member's leg (member `i` is hosted by
/// member `i + 1`'s organisation), in member order: what the plan's holidays depend on.
async fn member_regions(app: &App, swap: &Swap) -> Result<Vec<Region>> {
    let mut out = Vec::with_capacity(swap.members.len());
    for m in &swap.members {
        out.push(store::orgs::get(&app.db, m.org).await?.region);
    }
    Ok(out)
}

/// The week plan (days, holidays per leg) of a swap.
pub async fn week_plan(app: &App, swap: &Swap) -> Result<WeekPlan> {
    Ok(WeekPlan::from_member_regions(swap.week, &member_regions(app, swap).await?))
}

/// Makes the plan of a confirmed swap if it has none: daily briefings at the default time on
/// every day the swap runs, the access checklist of every guest (owned by the person they
/// replace, due the Friday before, to be revoked on the week's Friday) and the administrative
/// checklist of every leg. Everyone hears of it, with the calendar, in the plan's transaction.
/// Returns whether it made the plan now.
pub async fn ensure(app: &App, swap: &Swap) -> Result<bool> {
    if !has_plan(swap) {
        return Ok(false);
    }
    let plan = week_plan(app, swap).await?;
    let settings = BriefingSettings::default();
    let briefings = plan.briefings(&settings);
    let n = swap.members.len();
    let access: Vec<AccessEntry> = (0..n)
        .flat_map(|i| {
            let (guest, host) = (swap.members[i].user, swap.members[(i + 1) % n].user);
            AccessItem::ALL.iter().map(move |item| AccessEntry {
                guest,
                item: *item,
                owner: host,
                due: AccessItem::default_due(swap.week),
                state: AccessState::Open,
                revoke_due: AccessItem::revoke_due(swap.week),
            })
        })
        .collect();
    let admin: Vec<AdminEntry> = (0..n)
        .flat_map(|leg| {
            AdminItem::ALL.iter().map(move |item| AdminEntry { leg, item: *item, value: String::new(), done: false })
        })
        .collect();
    let mut effects = Effects::audit(AuditEntry::new(None, "swap.week_planned", "swap", swap.id));
    let names = Names::of_swap(app, swap).await?;
    let stored: Vec<StoredBriefing> =
        briefings.iter().map(|b| StoredBriefing { day: b.clone(), updated_at: store::now() }).collect();
    for c in names.members(swap) {
        let events = crate::feeds::swap_events(app, swap, c.id, c.locale, &names, &stored, &[]);
        let attachment = crate::feeds::attachment(swap, c.locale, &events);
        crate::notify::week(app, &mut effects, &c, swap, crate::notify::WeekNotice::Planned, attachment);
    }
    let new = NewPlan { settings: &settings, briefings: &briefings, access: &access, admin: &admin };
    Ok(store::week::create_plan(&app.db, swap.id, &new, &effects).await?)
}
