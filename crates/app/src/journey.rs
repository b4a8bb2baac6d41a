//! Writes what happened to a swap: the new state with its audit records and notifications in
//! one transaction over the version that was read, the agreement when the swap reached that
//! step, and the week plan once it is confirmed. Every change of a swap's state ends here,
//! whether a person made it (the swaps and week modules) or the workers did.

use crate::{Account, App, Result};
use domain::swap::{Event, Swap, SwapState};
use std::collections::HashMap;

/// Records `events` of `swap` (already applied to it), done by `actor` or by the system.
/// Returns the swap as stored (its new version).
pub(crate) async fn record(app: &App, mut swap: Swap, actor: Option<&Account>, mut events: Vec<Event>) -> Result<Swap> {
    let mut agreement = None;
    if events.contains(&Event::AgreementRequested) {
        let made = crate::agreement::generate(app, &swap).await?;
        events.extend(swap.attach_agreement(made.hash.clone())?);
        agreement = Some(made);
    }
    // A planned week called off: every member gets its calendar with the events cancelled.
    let mut cancelled_calendars = HashMap::new();
    if events.iter().any(|e| matches!(e, Event::Cancelled { .. })) {
        for c in store::contacts::of(&app.db, &swap.members.iter().map(|m| m.user).collect::<Vec<_>>()).await? {
            if let Some(a) = crate::feeds::swap_attachment(app, &swap, c.id, c.locale).await? {
                cancelled_calendars.insert(c.id, a);
            }
        }
    }
    let by = actor.map(|a| (a.id, a.display_name.as_str()));
    let effects = crate::notify::for_events(app, &swap, by, &events, &cancelled_calendars).await?;
    store::swaps::save_with_agreement(&app.db, &swap, agreement.as_ref(), &effects).await?;
    // The plan follows the confirmation; the worker makes it too, should this step not happen.
    if swap.state == SwapState::Confirmed {
        crate::plan::ensure(app, &swap).await?;
    }
    swap.version += 1;
    Ok(swap)
}
