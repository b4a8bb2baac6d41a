//! The swap's journey as the pages and the API both drive it: propose, accept or decline,
//! approve (both sides of every leg), the bodies' consent, the agreement, signatures,
//! withdrawal and cancellation. Each action loads the swap, asks `domain::swap` (which decides
//! who may do what), and writes the new state with its audit records, inbox messages and mails
//! in one transaction over the version it read. Start at [`act`].

use crate::AppState;
use crate::auth::verify_password;
use crate::error::{AppError, AppResult};
use crate::i18n::t_args;
use chrono::Utc;
use domain::access::Actor;
use domain::swap::{DeclineReason, Event, Swap, SwapError};
use domain::values::{IsoWeek, Locale};
use domain::{Reason, SwapId, UserId};
use fluent_templates::fluent_bundle::FluentValue;
use store::swaps::Contact;
use store::users::Account;
use store::{AuditEntry, Effects, InboxItem, OutboxMail};

/// Turns a domain refusal into the web's error: who-may-not is 403, the rest is 409, and a
/// missing reason is a field error.
impl From<SwapError> for AppError {
    fn from(e: SwapError) -> Self {
        match e {
            SwapError::ReasonRequired => AppError::field("reason", Reason::Required),
            SwapError::Overlap => AppError::field("week", Reason::WeekTaken),
            SwapError::WeekBegun => AppError::field("week", Reason::WeekBegun),
            SwapError::SameOrganisation => AppError::field("partner", Reason::SameOrganisation),
            SwapError::BadDelegate => AppError::field("delegate", Reason::UnknownChoice),
            e if e.is_forbidden() => AppError::Forbidden(e.code()),
            e => AppError::Conflict(e.code()),
        }
    }
}

/// Who may see a swap: its members, network organisers, and the approvers, admins and body
/// members of the organisations it concerns (bodies see the process, not profiles).
pub fn can_view(swap: &Swap, actor: &Actor) -> bool {
    swap.is_member(actor.user_id)
        || actor.organiser
        || actor.org_id.is_some_and(|o| swap.organisations().contains(&o) && !actor.roles.is_empty())
}

/// Loads a swap the actor may see; one they may not see is "not found".
pub async fn load(state: &AppState, actor: &Actor, id: SwapId) -> AppResult<Swap> {
    let swap = store::swaps::get(&state.db, id).await?;
    if can_view(&swap, actor) { Ok(swap) } else { Err(AppError::NotFound) }
}

/// Proposes a swap from `me` to `partner` for a week.
pub async fn propose(state: &AppState, me: &Account, partner: &str, week: &str, message: &str) -> AppResult<SwapId> {
    let mut errs = domain::error::Errors::default();
    let week = errs.take(IsoWeek::parse("week", week));
    let partner: Option<UserId> = match partner.parse() {
        Ok(p) => Some(p),
        Err(_) => {
            errs.push(domain::FieldError::new("partner", Reason::UnknownChoice));
            None
        }
    };
    if message.chars().count() > 2000 {
        errs.push(domain::FieldError::new("message", Reason::TooLong { max: 2000 }));
    }
    let (Some(week), Some(partner)) = (week, partner) else { return Err(errs.into_error().into()) };
    errs.into_result()?;
    let my_org = me.org_id.ok_or(AppError::Forbidden("no-organisation"))?;
    let other = store::users::account(&state.db, partner)
        .await
        .map_err(|_| AppError::field("partner", Reason::UnknownChoice))?;
    let other_org = other.org_id.filter(|_| other.verified).ok_or(AppError::field("partner", Reason::UnknownChoice))?;
    for (user, _) in [(me.id, my_org), (partner, other_org)] {
        let theirs = store::swaps::of_member(&state.db, user).await?;
        Swap::ensure_free(user, week, &theirs, None)?;
    }
    let now = store::now();
    let (swap, event) = Swap::propose(
        SwapId::new(),
        week,
        vec![(me.id, my_org), (partner, other_org)],
        Some(message.to_owned()),
        today(),
        now,
    )?;
    let effects = effects_for(state, &swap, me, &[event]).await?;
    store::swaps::create(&state.db, &swap, &effects).await?;
    Ok(swap.id)
}

/// The date in Germany today: a week begins on its Monday there.
pub fn today() -> chrono::NaiveDate {
    Utc::now().with_timezone(&chrono_tz::Europe::Berlin).date_naive()
}

/// What a person does to a swap.
#[derive(Debug, Clone)]
pub enum Action {
    Accept,
    Decline { reason: String },
    Withdraw { reason: String },
    Approve { approval: usize, comment: String },
    DeclineApproval { approval: usize, kind: String, text: String },
    Delegate { approval: usize, to: String },
    Consent { step: usize },
    Refuse { step: usize, reason: String },
    Sign { password: String, hash: String },
    Cancel { reason: String },
}

/// Applies an action on the version of the swap the person saw (`seen_version`): when someone
/// else changed the swap meanwhile, the action is refused rather than applied to a state the
/// person did not see.
pub async fn act(
    state: &AppState,
    me: &Account,
    id: SwapId,
    seen_version: Option<i64>,
    action: Action,
) -> AppResult<Swap> {
    let actor = me.actor();
    let mut swap = load(state, &actor, id).await?;
    if seen_version.is_some_and(|v| v != swap.version) {
        return Err(AppError::Conflict("changed-meanwhile"));
    }
    let now = store::now();
    let events = match action {
        Action::Accept => {
            let mine = store::swaps::of_member(&state.db, me.id).await?;
            Swap::ensure_free(me.id, swap.week, &mine, Some(swap.id))?;
            let mut policies = Vec::new();
            for org in swap.organisations() {
                policies.push((org, store::orgs::get(&state.db, org).await?.policy));
            }
            swap.accept(&actor, &policies, now)?
        }
        Action::Decline { reason } => swap.decline(&actor, &reason)?,
        Action::Withdraw { reason } => swap.withdraw(&actor, &reason)?,
        Action::Approve { approval, comment } => swap.approve(&actor, approval, &comment, now)?,
        Action::DeclineApproval { approval, kind, text } => {
            let reason = DeclineReason::parse(&kind, &text).map_err(|_| AppError::field("reason", Reason::Required))?;
            swap.decline_approval(&actor, approval, reason, now)?
        }
        Action::Delegate { approval, to } => {
            let to: UserId = to.parse().map_err(|_| AppError::field("delegate", Reason::UnknownChoice))?;
            let delegate = store::users::account(&state.db, to)
                .await
                .map_err(|_| AppError::field("delegate", Reason::UnknownChoice))?;
            let is_approver = delegate.roles.contains(&domain::access::OrgRole::Approver);
            swap.delegate(&actor, approval, to, delegate.org_id, is_approver)?
        }
        Action::Consent { step } => swap.consent(&actor, step, now)?,
        Action::Refuse { step, reason } => swap.refuse(&actor, step, &reason, now)?,
        Action::Sign { password, hash } => {
            let creds = store::users::credentials(&state.db, &me.email.to_lowercase()).await?;
            if !verify_password(creds.as_ref().map(|c| c.password_hash.as_str()), &password) {
                return Err(AppError::field("password", Reason::WrongPassword));
            }
            swap.sign(&actor, &hash, now)?
        }
        Action::Cancel { reason } => swap.cancel(&actor, &reason, today())?,
    };
    finish(state, swap, Some(me), events).await
}

/// Generates the agreement when the swap reached that step, then writes everything.
async fn finish(state: &AppState, mut swap: Swap, me: Option<&Account>, mut events: Vec<Event>) -> AppResult<Swap> {
    let mut agreement = None;
    if events.contains(&Event::AgreementRequested) {
        let made = crate::agreement::generate(state, &swap).await?;
        events.extend(swap.attach_agreement(made.hash.clone())?);
        agreement = Some(made);
    }
    let effects = match me {
        Some(me) => effects_for(state, &swap, me, &events).await?,
        None => effects_for_system(state, &swap, &events).await?,
    };
    store::swaps::save_with_agreement(&state.db, &swap, agreement.as_ref(), &effects).await?;
    // The plan follows the confirmation; the worker makes it too, should this step not happen.
    if swap.state == domain::swap::SwapState::Confirmed {
        crate::week::ensure_plan(state, &swap).await?;
    }
    swap.version += 1;
    Ok(swap)
}

/// Writes a change the system made (the worker, or the last reflection completing the set),
/// with its audit records and notifications.
pub async fn save_system(state: &AppState, swap: &Swap, events: &[Event]) -> AppResult<Swap> {
    finish(state, swap.clone(), None, events.to_vec()).await
}

/// The worker's part: swaps whose approval deadline passed end; approvers get a reminder two
/// days before a deadline. Returns how many swaps ended.
pub async fn run_deadlines(state: &AppState) -> AppResult<usize> {
    let now = store::now();
    let mut ended = 0;
    for id in store::swaps::with_expired_approvals(&state.db, now).await? {
        let mut swap = store::swaps::get(&state.db, id).await?;
        match swap.expire(now) {
            Ok(events) => match finish(state, swap, None, events).await {
                Ok(_) => ended += 1,
                // Someone decided meanwhile: the next round sees the new state.
                Err(AppError::Conflict(_)) => {}
                Err(e) => return Err(e),
            },
            Err(_) => continue,
        }
    }
    for (id, approval, org, delegate) in
        store::swaps::approvals_to_remind(&state.db, now, chrono::Duration::days(2)).await?
    {
        let swap = store::swaps::get(&state.db, id).await?;
        let people = match delegate {
            Some(d) => store::swaps::contacts(&state.db, &[d]).await?,
            None => store::swaps::role_holders(&state.db, org, "approver").await?,
        };
        let facts = Facts::of(state, &swap).await?;
        let mut effects =
            Effects::audit(AuditEntry::new(None, "swap.reminded", "swap", id).detail(approval.to_string()));
        for p in &people {
            notify(state, &mut effects, p, &swap, "reminder", &facts, None);
        }
        store::swaps::mark_reminded(&state.db, id, approval, &effects).await?;
    }
    Ok(ended)
}

/// Names and organisations of a swap, for messages.
pub struct Facts {
    pub names: String,
    pub orgs: String,
    /// The members as notifications need them.
    pub members: Vec<Contact>,
}

impl Facts {
    pub async fn of(state: &AppState, swap: &Swap) -> AppResult<Facts> {
        let users: Vec<UserId> = swap.members.iter().map(|m| m.user).collect();
        let members = store::swaps::contacts(&state.db, &users).await?;
        let mut orgs = Vec::new();
        for o in swap.organisations() {
            orgs.push(store::orgs::get(&state.db, o).await?.name);
        }
        let names = members.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join(", ");
        Ok(Facts { names, orgs: orgs.join(", "), members })
    }
}

/// Adds an inbox message and a mail for one person, in their language.
pub(crate) fn notify(
    state: &AppState,
    effects: &mut Effects,
    to: &Contact,
    swap: &Swap,
    kind: &'static str,
    facts: &Facts,
    actor: Option<&str>,
) {
    let reason = swap.end_reason.clone().unwrap_or_default();
    let args: Vec<(&str, FluentValue<'static>)> = vec![
        ("name", FluentValue::from(actor.unwrap_or("Jobtausch").to_owned())),
        ("week", FluentValue::from(week_label(to.locale, swap.week))),
        ("names", FluentValue::from(facts.names.clone())),
        ("orgs", FluentValue::from(facts.orgs.clone())),
        ("reason", FluentValue::from(reason)),
    ];
    let text = t_args(to.locale, &format!("note-{kind}"), &args);
    let link = format!("{}/swaps/{}", state.config.base_url, swap.id);
    let body = t_args(
        to.locale,
        "mail-swap-body",
        &[
            ("name", FluentValue::from(to.name.clone())),
            ("text", FluentValue::from(text.clone())),
            ("link", FluentValue::from(link)),
        ],
    );
    effects.inbox.push(InboxItem { user: to.id, swap: Some(swap.id), kind, text: text.clone() });
    effects.mails.push(OutboxMail {
        kind: "swap",
        recipient: to.email.clone(),
        subject: t_args(to.locale, "mail-swap-subject", &[("text", FluentValue::from(text))]),
        body,
        attachment: None,
    });
}

/// "KW 10/2030 (04.03.–08.03.2030)" or "week 10/2030 (...)".
pub fn week_label(lang: Locale, week: IsoWeek) -> String {
    let (mon, fri) = (week.monday(), week.friday());
    let w = week.to_string();
    let (year, number) = w.split_once("-W").unwrap_or((&w, ""));
    let prefix = match lang {
        Locale::De => "KW",
        Locale::En => "week",
    };
    format!("{prefix} {number}/{year} ({}–{})", mon.format("%d.%m."), fri.format("%d.%m.%Y"))
}

async fn effects_for(state: &AppState, swap: &Swap, me: &Account, events: &[Event]) -> AppResult<Effects> {
    build_effects(state, swap, Some((me.id, me.display_name.as_str())), events).await
}

async fn effects_for_system(state: &AppState, swap: &Swap, events: &[Event]) -> AppResult<Effects> {
    build_effects(state, swap, None, events).await
}

/// The audit records of the events and the notifications of everyone they concern.
async fn build_effects(
    state: &AppState,
    swap: &Swap,
    me: Option<(UserId, &str)>,
    events: &[Event],
) -> AppResult<Effects> {
    let mut effects = Effects::default();
    let actor_id = me.map(|(id, _)| id);
    let actor_name = me.map(|(_, n)| n);
    for e in events {
        let detail = serde_json::to_string(e).unwrap_or_default();
        effects.audit.push(AuditEntry::new(actor_id, e.action(), "swap", swap.id).detail(detail));
    }
    let facts = Facts::of(state, swap).await?;
    let members = facts.members.clone();
    let others: Vec<&Contact> = members.iter().filter(|c| Some(c.id) != actor_id).collect();
    for e in events {
        match e {
            Event::Proposed { .. } => {
                for c in &others {
                    notify(state, &mut effects, c, swap, "proposed", &facts, actor_name);
                }
            }
            Event::Accepted { .. } => {
                for c in &others {
                    notify(state, &mut effects, c, swap, "accepted", &facts, actor_name);
                }
            }
            Event::ApprovalsRequested => {
                for c in &members {
                    notify(state, &mut effects, c, swap, "approvals-requested", &facts, actor_name);
                }
                for org in swap.organisations() {
                    for c in store::swaps::role_holders(&state.db, org, "approver").await? {
                        notify(state, &mut effects, &c, swap, "approval-needed", &facts, actor_name);
                    }
                }
                for step in swap.bodies.iter().filter(|b| b.rule == domain::org::PolicyRule::Consent) {
                    for c in
                        store::swaps::role_holders(&state.db, step.org, &format!("body:{}", step.body.code())).await?
                    {
                        notify(state, &mut effects, &c, swap, "consent-needed", &facts, actor_name);
                    }
                }
            }
            Event::BodyInformed { org, body } => {
                for c in store::swaps::role_holders(&state.db, *org, &format!("body:{}", body.code())).await? {
                    notify(state, &mut effects, &c, swap, "body-informed", &facts, actor_name);
                }
            }
            Event::Approved { .. } | Event::BodyConsented { .. } => {
                let kind = if matches!(e, Event::Approved { .. }) { "approved" } else { "consented" };
                for c in &members {
                    notify(state, &mut effects, c, swap, kind, &facts, actor_name);
                }
            }
            Event::Delegated { to, .. } => {
                for c in store::swaps::contacts(&state.db, &[*to]).await? {
                    notify(state, &mut effects, &c, swap, "delegated", &facts, actor_name);
                }
            }
            Event::AgreementGenerated { .. } => {
                for c in &members {
                    notify(state, &mut effects, c, swap, "sign-needed", &facts, actor_name);
                }
            }
            Event::Signed { .. } => {
                for c in &others {
                    notify(state, &mut effects, c, swap, "signed", &facts, actor_name);
                }
            }
            Event::Confirmed | Event::Declined { .. } | Event::Withdrawn { .. } | Event::Cancelled { .. } => {
                let kind = if matches!(e, Event::Confirmed) { "confirmed" } else { "ended" };
                for c in &members {
                    notify(state, &mut effects, c, swap, kind, &facts, actor_name);
                    // A planned week called off: its events come along, cancelled, for calendars.
                    if matches!(e, Event::Cancelled { .. })
                        && let Some(mail) = effects.mails.last_mut()
                    {
                        mail.attachment = crate::pages::calendar::swap_ics(state, swap, c.id, c.locale).await?;
                    }
                }
                // The approvers of the organisations hear of the outcome once there were approvals.
                if !swap.approvals.is_empty() {
                    for org in swap.organisations() {
                        for c in store::swaps::role_holders(&state.db, org, "approver").await? {
                            if Some(c.id) != actor_id {
                                notify(state, &mut effects, &c, swap, kind, &facts, actor_name);
                            }
                        }
                    }
                }
            }
            Event::WeekBegan | Event::WeekCompleted | Event::Evaluated => {
                let kind = match e {
                    Event::WeekBegan => "week-began",
                    Event::WeekCompleted => "week-completed",
                    _ => "evaluated",
                };
                for c in &members {
                    notify(state, &mut effects, c, swap, kind, &facts, actor_name);
                }
            }
            Event::ApprovalDeclined { .. }
            | Event::BodyRefused { .. }
            | Event::Expired { .. }
            | Event::AgreementRequested => {}
        }
    }
    Ok(effects)
}
