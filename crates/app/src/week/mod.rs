//! The swap week: the plan made at confirmation (see [`crate::plan`]), daily briefings,
//! the host side's appointments, handover notes, deputies, the access and administrative
//! checklists, the daily check-in, reflections, the approvers' feedback and the certificate;
//! the organisers' list of calls for help; and the week worker ([`worker`]).
//!
//! Every change is a [`Command`] carried out by [`act`]; what a person sees of the week is a
//! [`WeekView`]. Who may do what is decided in [`Viewer`].

mod changes;
pub mod worker;

pub use crate::plan::{ensure as ensure_plan, has_plan, week_plan};
pub use worker::{WeekRun, run_week};

use crate::i18n::{arg, t, t_args};
use crate::names::Names;
use crate::{Account, App, Download, Error, Result, today};
use changes::PlanChange;
use chrono::{NaiveDate, Utc};
use domain::access::{OrgRole, Part, Relation, may_read};
use domain::after::{
    AccessItem, AccessState, AdminItem, CheckinStatus, Reflection, parse_admin_value, parse_note, reflections_visible,
};
use domain::swap::{Swap, SwapState};
use domain::values::{Email, Locale};
use domain::week::{Appointment, AppointmentInput, BriefingInput, BriefingSettings, WeekPlan};
use domain::{OrgId, Reason, SwapId, UserId};
use store::{AuditEntry, Effects};

pub use domain::week::BriefingDay;
pub use store::week::{AccessEntry, AdminEntry, Checkin, StoredAppointment, StoredBriefing};

/// Who someone is to a swap's week.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user: UserId,
    pub member: bool,
    pub organiser: bool,
    /// The members this person stands in for as deputy.
    pub deputy_for: Vec<UserId>,
    /// Organisations of the swap where this person approves.
    pub approver_of: Vec<OrgId>,
    /// Who this person is to the swap (see `domain::access::Part` for what each reads).
    pub relations: Vec<Relation>,
}

impl Viewer {
    /// Whether this person may read `part` of the swap.
    pub fn reads(&self, part: Part) -> bool {
        may_read(&self.relations, part)
    }

    /// Whether this person plans for the host `host`: the host, or their deputy.
    pub fn plans_for(&self, host: UserId) -> bool {
        self.user == host || self.deputy_for.contains(&host)
    }

    /// Whether this person may plan `guest`'s visit (add and cancel appointments): the host
    /// or the host's deputy, while the plan is open.
    pub fn may_plan_visit(&self, swap: &Swap, guest: UserId) -> bool {
        plan_open(swap) && host_of(swap, guest).is_some_and(|h| self.plans_for(h))
    }

    /// Whether this person may change an item of a guest's access checklist: the host, the
    /// host's deputy, or the item's owner, while the plan is open.
    pub fn may_edit_access(&self, swap: &Swap, entry: &AccessEntry) -> bool {
        plan_open(swap) && (host_of(swap, entry.guest).is_some_and(|h| self.plans_for(h)) || entry.owner == self.user)
    }

    /// Whether leg `leg` concerns this person: its guest, the host or the host's deputy, or an
    /// approver of either organisation.
    fn concerned_by_leg(&self, swap: &Swap, leg: usize) -> bool {
        let legs = swap.legs();
        let Some(l) = legs.get(leg) else { return false };
        self.user == l.person
            || host_of(swap, l.person).is_some_and(|h| self.plans_for(h))
            || self.approver_of.contains(&l.from)
            || self.approver_of.contains(&l.to)
    }

    /// Whether this person may change leg `leg`'s administrative checklist (until the swap ends).
    pub fn may_edit_admin(&self, swap: &Swap, leg: usize) -> bool {
        !swap.state.is_ended() && self.concerned_by_leg(swap, leg)
    }

    /// Whether this person may change their own part of the plan (briefings, handover,
    /// deputy): a member, while the plan is open.
    pub fn may_plan_own(&self, swap: &Swap) -> bool {
        self.member && plan_open(swap)
    }

    /// Whether this person checks in today: a member, while the week runs.
    pub fn may_check_in(&self, swap: &Swap) -> bool {
        self.member && swap.state == SwapState::InProgress
    }

    /// Whether this person may write their reflection: a member after the week, once.
    pub fn may_reflect(&self, swap: &Swap, has_reflected: bool) -> bool {
        self.member && week_over(swap) && !has_reflected
    }

    /// Whether this person gives their organisation's feedback: an approver after the week.
    pub fn may_give_feedback(&self, swap: &Swap) -> bool {
        week_over(swap) && !self.approver_of.is_empty()
    }
}

/// Whether the swap's week is over (completed, or evaluated once everyone reflected).
fn week_over(swap: &Swap) -> bool {
    matches!(swap.state, SwapState::Completed | SwapState::Evaluated)
}

/// Loads the swap and who the person is to it; the week is for members, their deputies, the
/// approvers and admins of the organisations concerned, and organisers.
async fn load(app: &App, me: &Account, id: SwapId) -> Result<(Swap, Viewer)> {
    let actor = me.actor();
    let swap = store::swaps::get(&app.db, id).await?;
    let deputy_for: Vec<UserId> =
        store::week::deputies(&app.db, id).await?.into_iter().filter(|(_, d)| *d == me.id).map(|(m, _)| m).collect();
    if !crate::swaps::can_view(&swap, &actor) && deputy_for.is_empty() {
        return Err(Error::NotFound);
    }
    // A swap has a week plan from its confirmation on (one cancelled later keeps it, to show).
    if !has_plan(&swap) && store::week::settings(&app.db, id).await?.is_none() {
        return Err(Error::Conflict("not-planned"));
    }
    let approver_of =
        swap.organisations().into_iter().filter(|o| actor.org_id == Some(*o) && actor.has(OrgRole::Approver)).collect();
    let mut relations = crate::swaps::relations(&swap, &actor);
    if !deputy_for.is_empty() {
        relations.push(Relation::Deputy);
    }
    let viewer = Viewer {
        user: me.id,
        member: swap.is_member(me.id),
        organiser: me.organiser,
        deputy_for,
        approver_of,
        relations,
    };
    Ok((swap, viewer))
}

/// Whether the plan may still change: from confirmation to the end of the week.
pub fn plan_open(swap: &Swap) -> bool {
    matches!(swap.state, SwapState::Confirmed | SwapState::InProgress)
}

fn ensure_plan_open(swap: &Swap) -> Result<()> {
    if plan_open(swap) { Ok(()) } else { Err(Error::Conflict("plan-closed")) }
}

fn ensure_member(viewer: &Viewer) -> Result<()> {
    if viewer.member { Ok(()) } else { Err(Error::Forbidden("not-member")) }
}

/// The member who hosts `guest` (whose place the guest takes).
pub fn host_of(swap: &Swap, guest: UserId) -> Option<UserId> {
    let n = swap.members.len();
    swap.members.iter().position(|m| m.user == guest).map(|i| swap.members[(i + 1) % n].user)
}

/// A change of the week, with what it needs. Ids and indexes are parsed where the request
/// arrives; the rest is as typed and parsed here, so that refused input comes back field by
/// field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// The time, length and video link of every briefing still ahead (members).
    BriefingSettings { time: String, minutes: String, link: String },
    /// One day's briefing to another day or time (members). `planned`: the day it was planned for.
    MoveBriefing { planned: NaiveDate, date: String, time: String, minutes: String, link: String },
    /// One day's briefing called off (members).
    CancelBriefing { planned: NaiveDate },
    /// An appointment of the host side for `guest` (the host or their deputy).
    AddAppointment { guest: UserId, appointment: AppointmentInput },
    /// An appointment called off (the host or their deputy).
    CancelAppointment { appointment: uuid::Uuid },
    /// The member's handover note for whoever takes their place.
    Handover { body: String },
    /// The member names a deputy of their own organisation by address.
    NameDeputy { email: String },
    /// An item of a guest's access checklist: state, due date, and optionally another owner
    /// (an address of the host's organisation; empty keeps the owner).
    UpdateAccess { guest: UserId, item: AccessItem, state: String, due: String, owner_email: String },
    /// An item of a leg's administrative checklist (by leg index).
    UpdateAdmin { leg: usize, item: AdminItem, value: String, done: bool },
    /// Today's check-in of a member during the week (`ok` or `help`).
    CheckIn { status: String, note: String },
    /// A member's reflection after the week.
    Reflect { learned: String, will_change: String, recommend: String, free_text: String },
    /// An approver's feedback for their organisation after the week.
    Feedback { body: String },
}

impl Command {
    /// The part of the week the command changes (the page's section).
    pub fn section(&self) -> &'static str {
        match self {
            Command::BriefingSettings { .. } | Command::MoveBriefing { .. } | Command::CancelBriefing { .. } => {
                "briefings"
            }
            Command::AddAppointment { .. } | Command::CancelAppointment { .. } => "appointments",
            Command::Handover { .. } => "handover",
            Command::NameDeputy { .. } => "deputies",
            Command::UpdateAccess { .. } => "access",
            Command::UpdateAdmin { .. } => "admin",
            Command::CheckIn { .. } => "checkin",
            Command::Reflect { .. } => "reflection",
            Command::Feedback { .. } => "feedback",
        }
    }
}

fn audit(me: UserId, action: &'static str, swap: SwapId, detail: String) -> Effects {
    Effects::audit(AuditEntry::new(Some(me), action, "swap", swap).detail(detail))
}

/// The members of a swap other than `me`.
fn others(swap: &Swap, me: UserId) -> Vec<UserId> {
    swap.members.iter().map(|m| m.user).filter(|u| *u != me).collect()
}

/// Carries out a change of the week of swap `id` for `me`.
pub async fn act(app: &App, me: &Account, id: SwapId, command: Command) -> Result<()> {
    let (swap, viewer) = load(app, me, id).await?;
    let db = &app.db;
    match command {
        Command::BriefingSettings { time, minutes, link } => {
            ensure_member(&viewer)?;
            ensure_plan_open(&swap)?;
            let briefings: Vec<BriefingDay> =
                store::week::briefings(db, id).await?.into_iter().map(|b| b.day).collect();
            let settings = BriefingSettings::parse(&time, &minutes, &link)?;
            // Days already past keep what they were.
            let changed: Vec<BriefingDay> = briefings
                .iter()
                .filter(|b| b.date >= today())
                .map(|b| (b.apply_settings(&settings), b))
                .filter(|(new, old)| new != *old)
                .map(|(new, _)| new)
                .collect();
            let mut fx = audit(me.id, "week.briefing_settings", id, format!("{} {}", time.trim(), minutes.trim()));
            if !changed.is_empty() {
                let change = PlanChange::Settings(&changed);
                changes::effects(app, &swap, &me.display_name, change, &others(&swap, me.id), &mut fx).await?;
            }
            store::week::save_briefings(db, id, Some(&settings), &changed, &fx).await?;
        }
        Command::MoveBriefing { planned, date, time, minutes, link } => {
            ensure_member(&viewer)?;
            ensure_plan_open(&swap)?;
            let briefings: Vec<BriefingDay> =
                store::week::briefings(db, id).await?.into_iter().map(|b| b.day).collect();
            let day = briefings.iter().find(|b| b.planned == planned).ok_or(Error::NotFound)?;
            let plan = week_plan(app, &swap).await?;
            let next = day.reschedule(&plan, &BriefingInput { date, time, minutes, link }, &briefings)?;
            let mut fx = audit(me.id, "week.briefing_moved", id, planned.to_string());
            let change = PlanChange::Briefing(&next);
            changes::effects(app, &swap, &me.display_name, change, &others(&swap, me.id), &mut fx).await?;
            store::week::save_briefings(db, id, None, &[next], &fx).await?;
        }
        Command::CancelBriefing { planned } => {
            ensure_member(&viewer)?;
            ensure_plan_open(&swap)?;
            let briefings: Vec<BriefingDay> =
                store::week::briefings(db, id).await?.into_iter().map(|b| b.day).collect();
            let day = briefings.iter().find(|b| b.planned == planned).ok_or(Error::NotFound)?;
            if day.cancelled {
                return Ok(());
            }
            let next = day.cancel();
            let mut fx = audit(me.id, "week.briefing_cancelled", id, planned.to_string());
            let change = PlanChange::Briefing(&next);
            changes::effects(app, &swap, &me.display_name, change, &others(&swap, me.id), &mut fx).await?;
            store::week::save_briefings(db, id, None, &[next], &fx).await?;
        }
        Command::AddAppointment { guest, appointment } => {
            ensure_plan_open(&swap)?;
            let host = host_of(&swap, guest).ok_or(Error::field("guest", Reason::UnknownChoice))?;
            if !viewer.plans_for(host) {
                return Err(Error::Forbidden("not-host"));
            }
            let existing: Vec<Appointment> = store::week::appointments(db, id)
                .await?
                .into_iter()
                .filter(|a| a.guest == guest && !a.cancelled)
                .map(|a| a.appointment)
                .collect();
            let a = Appointment::parse(&appointment, swap.week, &existing)?;
            let mut fx = audit(me.id, "week.appointment_added", id, format!("{} {}", a.date, a.title));
            let stored = StoredAppointment {
                id: uuid::Uuid::now_v7(),
                guest,
                appointment: a,
                cancelled: false,
                sequence: 0,
                created_by: me.id,
                updated_at: store::now(),
            };
            let change = PlanChange::Appointment(&stored);
            changes::effects(app, &swap, &me.display_name, change, &[guest], &mut fx).await?;
            store::week::add_appointment(db, id, &stored, &fx).await?;
        }
        Command::CancelAppointment { appointment } => {
            ensure_plan_open(&swap)?;
            let a = store::week::appointments(db, id)
                .await?
                .into_iter()
                .find(|a| a.id == appointment)
                .ok_or(Error::NotFound)?;
            let host = host_of(&swap, a.guest).ok_or(Error::NotFound)?;
            if !viewer.plans_for(host) {
                return Err(Error::Forbidden("not-host"));
            }
            let mut fx = audit(me.id, "week.appointment_cancelled", id, a.appointment.title.to_string());
            let cancelled =
                StoredAppointment { cancelled: true, sequence: a.sequence + 1, updated_at: store::now(), ..a.clone() };
            let change = PlanChange::Appointment(&cancelled);
            changes::effects(app, &swap, &me.display_name, change, &[a.guest], &mut fx).await?;
            store::week::cancel_appointment(db, id, appointment, &fx).await?;
        }
        Command::Handover { body } => {
            ensure_member(&viewer)?;
            ensure_plan_open(&swap)?;
            let body = parse_note("body", &body, true)?.unwrap_or_default();
            let fx = audit(me.id, "week.handover", id, String::new());
            store::week::set_handover(db, id, me.id, &body, &fx).await?;
        }
        Command::NameDeputy { email } => {
            ensure_member(&viewer)?;
            ensure_plan_open(&swap)?;
            let email = Email::parse("email", &email)?;
            // An address without an account and one of another organisation get the same
            // answer, so that the field tells nobody who has an account.
            let deputy = store::users::account_by_email(db, &email.normalised())
                .await?
                .ok_or(Error::field("email", Reason::WrongOrganisation))?;
            let deputy_account = store::users::account(db, deputy).await?;
            if deputy == me.id || swap.is_member(deputy) {
                return Err(Error::field("email", Reason::UnknownChoice));
            }
            if deputy_account.org_id != me.org_id {
                return Err(Error::field("email", Reason::WrongOrganisation));
            }
            let mut fx = audit(me.id, "week.deputy", id, deputy.to_string());
            for c in store::contacts::of(db, &[deputy]).await? {
                crate::notify::deputy_named(app, &mut fx, &c, &me.display_name, &swap);
            }
            store::week::set_deputy(db, id, me.id, deputy, &fx).await?;
        }
        Command::UpdateAccess { guest, item, state, due, owner_email } => {
            ensure_plan_open(&swap)?;
            let mut errs = domain::error::Errors::default();
            let new_state = errs.take(AccessState::parse("state", &state));
            let due = errs.take(domain::week::parse_date("due", &due));
            let owner_email = match owner_email.trim() {
                "" => Some(None),
                raw => errs.take(Email::parse("email", raw).map(Some)),
            };
            let (Some(new_state), Some(due), Some(owner_email)) = (new_state, due, owner_email) else {
                return Err(errs.into_error().into());
            };
            errs.into_result()?;
            let entry = store::week::access_items(db, id)
                .await?
                .into_iter()
                .find(|a| a.guest == guest && a.item == item)
                .ok_or(Error::NotFound)?;
            let host = host_of(&swap, guest).ok_or(Error::NotFound)?;
            if !(viewer.plans_for(host) || entry.owner == me.id) {
                return Err(Error::Forbidden("not-owner"));
            }
            // Another owner: someone of the host's organisation with an account (they are reminded).
            let owner = match owner_email {
                None => entry.owner,
                Some(email) => {
                    let host_org = swap.members.iter().find(|m| m.user == host).map(|m| m.org);
                    let found = store::users::account_by_email(db, &email.normalised()).await?;
                    let account = match found {
                        Some(u) => Some(store::users::account(db, u).await?),
                        None => None,
                    };
                    match account {
                        Some(a) if a.org_id.is_some() && a.org_id == host_org => a.id,
                        // The same answer with or without an account (see the deputy above).
                        _ => return Err(Error::field("email", Reason::WrongOrganisation)),
                    }
                }
            };
            let updated = AccessEntry { state: new_state, due, owner, ..entry };
            let fx = audit(me.id, "week.access", id, format!("{} {}", item.code(), new_state.code()));
            store::week::update_access(db, id, &updated, &fx).await?;
        }
        Command::UpdateAdmin { leg, item, value, done } => {
            if swap.state.is_ended() {
                return Err(Error::Conflict("plan-closed"));
            }
            if leg >= swap.legs().len() {
                return Err(Error::NotFound);
            }
            if !viewer.concerned_by_leg(&swap, leg) {
                return Err(Error::Forbidden("not-concerned"));
            }
            let value = parse_admin_value(item, &value)?;
            let entry = AdminEntry { leg, item, value, done };
            let fx = audit(me.id, "week.admin", id, format!("{leg} {}", item.code()));
            store::week::update_admin(db, id, &entry, &fx).await?;
        }
        Command::CheckIn { status, note } => {
            ensure_member(&viewer)?;
            if swap.state != SwapState::InProgress {
                return Err(Error::Conflict("not-in-progress"));
            }
            let status = CheckinStatus::parse("status", &status)?;
            let note = parse_note("note", &note, status == CheckinStatus::Help)?;
            let c = Checkin {
                swap: id,
                user: me.id,
                day: today(),
                status,
                note,
                created_at: store::now(),
                resolved_at: None,
            };
            let mut fx = audit(me.id, "week.checkin", id, status.code().to_owned());
            if status == CheckinStatus::Help {
                // A call for help reaches the network's organisers (inbox and mail).
                for o in store::contacts::organisers(db).await? {
                    crate::notify::help_needed(app, &mut fx, &o, &me.display_name, &swap);
                }
            }
            store::week::check_in(db, &c, &fx).await?;
        }
        Command::Reflect { learned, will_change, recommend, free_text } => {
            ensure_member(&viewer)?;
            if !week_over(&swap) {
                return Err(Error::Conflict("not-completed"));
            }
            let reflections = store::week::reflections(db, id).await?;
            if reflections.iter().any(|(u, _, _)| *u == me.id) {
                return Err(Error::Conflict("already-reflected"));
            }
            let r = Reflection::parse(&learned, &will_change, &recommend, &free_text)?;
            let fx = audit(me.id, "week.reflection", id, String::new());
            match store::week::add_reflection(db, id, me.id, &r, &fx).await {
                Err(store::StoreError::Conflict) => return Err(Error::Conflict("already-reflected")),
                other => other?,
            }
            let mut written: Vec<UserId> = reflections.iter().map(|(u, _, _)| *u).collect();
            written.push(me.id);
            let mut swap = swap;
            if swap.state == SwapState::Completed && swap.members.iter().all(|m| written.contains(&m.user)) {
                let events = swap.evaluate(&written)?;
                crate::journey::record(app, swap, None, events).await?;
            }
        }
        Command::Feedback { body } => {
            let org = *viewer.approver_of.first().ok_or(Error::Forbidden("not-approver"))?;
            if !week_over(&swap) {
                return Err(Error::Conflict("not-completed"));
            }
            let body = parse_note("body", &body, true)?.unwrap_or_default();
            let fx = audit(me.id, "week.feedback", id, org.to_string());
            store::week::set_feedback(db, id, org, me.id, &body, &fx).await?;
        }
    }
    Ok(())
}

/// A member's reflection as others may read it.
#[derive(Debug, Clone)]
pub struct ReflectionEntry {
    pub author: UserId,
    pub reflection: Reflection,
}

/// The week of a swap as one person sees it: what they may read, and who they are to it.
#[derive(Debug, Clone)]
pub struct WeekView {
    pub swap: Swap,
    pub viewer: Viewer,
    pub names: Names,
    /// Days and holidays per leg.
    pub plan: WeekPlan,
    /// Whether the plan may still change.
    pub open: bool,
    pub settings: BriefingSettings,
    pub briefings: Vec<StoredBriefing>,
    pub appointments: Vec<StoredAppointment>,
    /// (author, note), for whoever takes the author's place.
    pub handovers: Vec<(UserId, String)>,
    /// (member, deputy).
    pub deputies: Vec<(UserId, UserId)>,
    pub access: Vec<AccessEntry>,
    pub admin: Vec<AdminEntry>,
    /// The daily check-ins (members and organisers only); a note only for its author and the
    /// organisers.
    pub checkins: Vec<Checkin>,
    /// The reflections the viewer may read: their own, and the others' once all wrote or the
    /// deadline passed.
    pub reflections: Vec<ReflectionEntry>,
    /// Someone else wrote a reflection the viewer may not read yet.
    pub reflections_hidden: bool,
    pub has_reflected: bool,
    /// (organisation, author, text) of the approvers' feedback, for members, approvers and
    /// organisers.
    pub feedback: Vec<(OrgId, UserId, String)>,
}

/// The week of swap `id` as `me` sees it.
pub async fn view(app: &App, me: &Account, id: SwapId) -> Result<WeekView> {
    let (swap, viewer) = load(app, me, id).await?;
    let db = &app.db;
    let deputies = store::week::deputies(db, id).await?;
    let access = store::week::access_items(db, id).await?;
    let mut names = Names::of_swap(app, &swap).await?;
    names.include(app, deputies.iter().map(|(_, d)| *d).chain(access.iter().map(|a| a.owner))).await?;
    let checkins = if viewer.reads(Part::Checkins) {
        store::week::checkins(db, id)
            .await?
            .into_iter()
            // A note (a call for help may be about the host) is for its author and the organisers.
            .map(|c| Checkin { note: c.note.clone().filter(|_| c.user == me.id || viewer.organiser), ..c })
            .collect()
    } else {
        Vec::new()
    };
    let stored = store::week::reflections(db, id).await?;
    let has_reflected = stored.iter().any(|(u, _, _)| *u == me.id);
    let completed_at = store::week::completed_at(db, id).await?;
    let visible = reflections_visible(swap.members.len(), stored.len(), completed_at, Utc::now());
    let reflections_hidden = !visible && stored.len() > usize::from(has_reflected);
    let reflections = stored
        .into_iter()
        // Reflections are for the partners; approvers give their own feedback instead.
        .filter(|(u, _, _)| *u == me.id || (visible && viewer.reads(Part::Reflections)))
        .map(|(author, reflection, _)| ReflectionEntry { author, reflection })
        .collect();
    let feedback = if viewer.reads(Part::Feedback) { store::week::feedback(db, id).await? } else { Vec::new() };
    Ok(WeekView {
        plan: week_plan(app, &swap).await?,
        open: plan_open(&swap),
        settings: store::week::settings(db, id).await?.unwrap_or_default(),
        briefings: store::week::briefings(db, id).await?,
        appointments: store::week::appointments(db, id)
            .await?
            .into_iter()
            .map(|mut a| {
                if !viewer.reads(Part::GuestNotes) {
                    a.appointment.note_for_guest = None;
                }
                a
            })
            .collect(),
        handovers: if viewer.reads(Part::Handover) { store::week::handovers(db, id).await? } else { Vec::new() },
        admin: store::week::admin_items(db, id).await?,
        deputies,
        access,
        checkins,
        reflections,
        reflections_hidden,
        has_reflected,
        feedback,
        names,
        viewer,
        swap,
    })
}

/// The certificate of participation of `me` in swap `id` (a tagged PDF in `lang`), once they
/// wrote their reflection. To anyone but its members the swap does not exist.
pub async fn certificate(app: &App, me: &Account, id: SwapId, lang: Locale) -> Result<Download> {
    let swap = store::swaps::get(&app.db, id).await?;
    if !swap.is_member(me.id) {
        return Err(Error::NotFound);
    }
    if !store::week::reflections(&app.db, id).await?.iter().any(|(u, _, _)| *u == me.id) {
        return Err(Error::Conflict("reflection-first"));
    }
    let names = Names::of_swap(app, &swap).await?;
    let n = swap.members.len();
    let i = swap.members.iter().position(|m| m.user == me.id).ok_or(Error::NotFound)?;
    let host = &swap.members[(i + 1) % n];
    let guest_here = &swap.members[(i + n - 1) % n];
    let mine = &swap.members[i];
    let date = |d: NaiveDate| match lang {
        Locale::De => d.format("%d.%m.%Y").to_string(),
        Locale::En => d.format("%-d %B %Y").to_string(),
    };
    let lines = vec![
        t_args(
            lang,
            "certificate-line-stay",
            &[
                ("name", arg(names.person(me.id))),
                ("org", arg(names.org(mine.org))),
                ("host", arg(names.org(host.org))),
                ("from", arg(date(swap.week.monday()))),
                ("to", arg(date(swap.week.friday()))),
            ],
        ),
        t_args(
            lang,
            "certificate-line-swap",
            &[
                ("name", arg(names.person(me.id))),
                ("host_person", arg(names.person(host.user))),
                ("guest", arg(names.person(guest_here.user))),
            ],
        ),
    ];
    // What the person did: the appointments their host planned for them.
    let attended: Vec<String> = store::week::appointments(&app.db, id)
        .await?
        .into_iter()
        .filter(|a| a.guest == me.id && !a.cancelled)
        .map(|a| a.appointment.title.to_string())
        .collect();
    let mut lines = lines;
    if !attended.is_empty() {
        lines.push(t_args(
            lang,
            "certificate-line-did",
            &[("name", arg(names.person(me.id))), ("items", arg(crate::i18n::list(lang, &attended)))],
        ));
    }
    lines.push(t(lang, "certificate-line-network"));
    let issued = crate::today();
    let input = documents::CertificateInput {
        lang: lang.as_str().to_owned(),
        title: t(lang, "certificate-title"),
        name: names.person(me.id),
        lines,
        footer: t_args(lang, "certificate-footer", &[("date", arg(date(issued)))]),
        created: chrono::SubsecRound::trunc_subsecs(store::now(), 0),
    };
    let pdf = tokio::task::spawn_blocking(move || documents::certificate_pdf(&input))
        .await
        .map_err(|e| Error::internal("certificate", e))?
        .map_err(|e| Error::internal("certificate", e))?;
    Ok(Download {
        name: format!("jobtausch-bescheinigung-{}.pdf", swap.week),
        media_type: "application/pdf",
        bytes: pdf,
    })
}

/// An open call for help from a daily check-in, as the organisers see it.
#[derive(Debug, Clone)]
pub struct HelpRequest {
    pub swap: Swap,
    pub user: UserId,
    pub name: String,
    /// Organisers must be able to reach the person who asked for help.
    pub email: String,
    pub day: NaiveDate,
    pub note: String,
}

/// The open calls for help (network organisers only).
pub async fn help_requests(app: &App, me: &Account) -> Result<Vec<HelpRequest>> {
    me.actor().ensure_organiser()?;
    let mut out = Vec::new();
    for c in store::week::open_help_requests(&app.db).await? {
        let swap = store::swaps::get(&app.db, c.swap).await?;
        let account = store::users::account(&app.db, c.user).await?;
        out.push(HelpRequest {
            swap,
            user: c.user,
            name: account.display_name,
            email: account.email,
            day: c.day,
            note: c.note.unwrap_or_default(),
        });
    }
    Ok(out)
}

/// Marks a call for help dealt with (network organisers only).
pub async fn resolve_help(app: &App, me: &Account, swap: SwapId, user: UserId, day: NaiveDate) -> Result<()> {
    me.actor().ensure_organiser()?;
    let fx = audit(me.id, "week.help_resolved", swap, user.to_string());
    Ok(store::week::resolve_help(&app.db, swap, user, day, &fx).await?)
}
