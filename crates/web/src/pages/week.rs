//! The week plan page of a swap (`/swaps/{id}/week`): days and holidays, daily briefings
//! (settings, move or cancel a day), the host side's appointments, handover notes, deputies,
//! the access and administrative checklists, the daily check-in, reflections, the approvers'
//! feedback and the certificate. Every change is one form posted to
//! `/swaps/{id}/week/{action}`; refused input shows the page again with the errors at the
//! form that failed, and changes nothing.

use super::render_form;
use crate::AppState;
use crate::auth::{Ctx, SignedIn};
use crate::error::{AppError, AppResult};
use crate::forms::{Field, FormErrors, Kind};
use crate::security::{CsrfForm, flash_redirect};
use crate::swaps::{self, week_label};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use chrono::{Datelike, NaiveDate, Utc};
use domain::access::{Actor, OrgRole};
use domain::after::{
    AccessItem, AccessState, AdminItem, CheckinStatus, Classification, Reflection, parse_admin_value, parse_note,
    reflections_visible,
};
use domain::swap::{Swap, SwapState};
use domain::values::{Email, Locale};
use domain::week::{Appointment, AppointmentInput, AppointmentKind, BriefingInput, BriefingSettings};
use domain::{OrgId, Reason, SwapId, UserId};
use serde::Deserialize;
use store::users::Account;
use store::week::{AccessEntry, AdminEntry, Checkin};
use store::{AuditEntry, Effects};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/swaps/{id}/week", get(show))
        .route("/swaps/{id}/week/{action}", post(act))
        .route("/swaps/{id}/certificate.pdf", get(certificate))
        .route("/help-requests", get(help_requests).post(resolve_help))
}

fn swap_id(raw: &str) -> AppResult<SwapId> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// Who someone is to a swap's week.
struct Roles {
    member: bool,
    /// The members this person stands in for as deputy.
    deputy_for: Vec<UserId>,
    /// Organisations of the swap where this person approves.
    approver_of: Vec<OrgId>,
}

impl Roles {
    fn may_edit_for_host(&self, me: UserId, host: UserId) -> bool {
        me == host || self.deputy_for.contains(&host)
    }
}

/// Loads the swap and who the person is to it; the week page is for members, their deputies,
/// the approvers and admins of the organisations concerned, and organisers.
async fn load(state: &AppState, me: &Account, id: SwapId) -> AppResult<(Swap, Roles)> {
    let actor = me.actor();
    let swap = store::swaps::get(&state.db, id).await?;
    let deputy_for: Vec<UserId> =
        store::week::deputies(&state.db, id).await?.into_iter().filter(|(_, d)| *d == me.id).map(|(m, _)| m).collect();
    if !swaps::can_view(&swap, &actor) && deputy_for.is_empty() {
        return Err(AppError::NotFound);
    }
    // A swap has a week plan from its confirmation on (one cancelled later keeps it, to show).
    if !crate::week::has_plan(&swap) && store::week::settings(&state.db, id).await?.is_none() {
        return Err(AppError::Conflict("not-planned"));
    }
    let approver_of =
        swap.organisations().into_iter().filter(|o| actor.org_id == Some(*o) && actor.has(OrgRole::Approver)).collect();
    let member = swap.is_member(me.id);
    Ok((swap, Roles { member, deputy_for, approver_of }))
}

/// All fields any of the page's forms may send.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct WeekForm {
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub link: String,
    #[serde(default)]
    pub planned: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub guest: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
    #[serde(default)]
    pub place_or_link: String,
    #[serde(default)]
    pub note_for_guest: String,
    #[serde(default)]
    pub appointment: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub item: String,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub due: String,
    #[serde(default)]
    pub leg: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub done: Option<String>,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub learned: String,
    #[serde(default)]
    pub will_change: String,
    #[serde(default)]
    pub recommend: String,
    #[serde(default)]
    pub free_text: String,
}

fn today() -> NaiveDate {
    swaps::today()
}

fn audit(me: UserId, action: &'static str, swap: SwapId, detail: String) -> Effects {
    Effects::audit(AuditEntry::new(Some(me), action, "swap", swap).detail(detail))
}

/// Whether the plan may still change: from confirmation to the end of the week.
fn plan_open(swap: &Swap) -> AppResult<()> {
    if matches!(swap.state, SwapState::Confirmed | SwapState::InProgress) {
        Ok(())
    } else {
        Err(AppError::Conflict("plan-closed"))
    }
}

fn parse_user(raw: &str, field: &'static str) -> AppResult<UserId> {
    raw.trim().parse().map_err(|_| AppError::field(field, Reason::UnknownChoice))
}

/// Carries out one action of the week page; returns the flash key and the section to show.
pub async fn week_action(
    state: &AppState,
    me: &Account,
    id: SwapId,
    action: &str,
    f: &WeekForm,
) -> AppResult<(&'static str, &'static str)> {
    let (swap, roles) = load(state, me, id).await?;
    match action {
        "settings" | "move" | "cancel-briefing" => {
            if !roles.member {
                return Err(AppError::Forbidden("not-member"));
            }
            plan_open(&swap)?;
            let briefings: Vec<_> = store::week::briefings(&state.db, id).await?.into_iter().map(|b| b.day).collect();
            match action {
                "settings" => {
                    let settings = BriefingSettings::parse(&f.time, &f.minutes, &f.link)?;
                    // Days already past keep what they were.
                    let changed: Vec<_> = briefings
                        .iter()
                        .filter(|b| b.date >= today())
                        .map(|b| (b.apply_settings(&settings), b))
                        .filter(|(new, old)| new != *old)
                        .map(|(new, _)| new)
                        .collect();
                    let mut fx =
                        audit(me.id, "week.briefing_settings", id, format!("{} {}", f.time.trim(), f.minutes.trim()));
                    if !changed.is_empty() {
                        let others: Vec<UserId> = swap.members.iter().map(|m| m.user).filter(|u| *u != me.id).collect();
                        let change = crate::week::PlanChange::Settings(&changed);
                        crate::week::plan_change_effects(state, &swap, &me.display_name, change, &others, &mut fx)
                            .await?;
                    }
                    store::week::save_briefings(&state.db, id, Some(&settings), &changed, &fx).await?;
                    Ok(("flash-week-saved", "briefings"))
                }
                _ => {
                    let planned = NaiveDate::parse_from_str(f.planned.trim(), "%Y-%m-%d")
                        .map_err(|_| AppError::field("planned", Reason::UnknownChoice))?;
                    let day = briefings.iter().find(|b| b.planned == planned).ok_or(AppError::NotFound)?;
                    let next = if action == "move" {
                        let plan = crate::week::week_plan(state, &swap).await?;
                        let input = BriefingInput {
                            date: f.date.clone(),
                            time: f.time.clone(),
                            minutes: f.minutes.clone(),
                            link: f.link.clone(),
                        };
                        day.reschedule(&plan, &input, &briefings)?
                    } else if day.cancelled {
                        return Ok(("flash-week-saved", "briefings"));
                    } else {
                        day.cancel()
                    };
                    let name = if action == "move" { "week.briefing_moved" } else { "week.briefing_cancelled" };
                    let mut fx = audit(me.id, name, id, planned.to_string());
                    let others: Vec<UserId> = swap.members.iter().map(|m| m.user).filter(|u| *u != me.id).collect();
                    let change = crate::week::PlanChange::Briefing(&next);
                    crate::week::plan_change_effects(state, &swap, &me.display_name, change, &others, &mut fx).await?;
                    store::week::save_briefings(&state.db, id, None, &[next], &fx).await?;
                    Ok(("flash-week-saved", "briefings"))
                }
            }
        }
        "appointment" => {
            plan_open(&swap)?;
            let guest = parse_user(&f.guest, "guest")?;
            let host = crate::week::host_of(&swap, guest).ok_or(AppError::field("guest", Reason::UnknownChoice))?;
            if !roles.may_edit_for_host(me.id, host) {
                return Err(AppError::Forbidden("not-host"));
            }
            let existing: Vec<Appointment> = store::week::appointments(&state.db, id)
                .await?
                .into_iter()
                .filter(|a| a.guest == guest && !a.cancelled)
                .map(|a| a.appointment)
                .collect();
            let input = AppointmentInput {
                title: f.title.clone(),
                kind: f.kind.clone(),
                date: f.date.clone(),
                start: f.start.clone(),
                end: f.end.clone(),
                place_or_link: f.place_or_link.clone(),
                note_for_guest: f.note_for_guest.clone(),
            };
            let a = Appointment::parse(&input, swap.week, &existing)?;
            let mut fx = audit(me.id, "week.appointment_added", id, format!("{} {}", a.date, a.title));
            let stored = store::week::StoredAppointment {
                id: uuid::Uuid::now_v7(),
                guest,
                appointment: a,
                cancelled: false,
                sequence: 0,
                created_by: me.id,
                updated_at: store::now(),
            };
            let change = crate::week::PlanChange::Appointment(&stored);
            crate::week::plan_change_effects(state, &swap, &me.display_name, change, &[guest], &mut fx).await?;
            store::week::add_appointment(&state.db, id, &stored, &fx).await?;
            Ok(("flash-week-saved", "appointments"))
        }
        "cancel-appointment" => {
            plan_open(&swap)?;
            let aid: uuid::Uuid = f.appointment.trim().parse().map_err(|_| AppError::NotFound)?;
            let a = store::week::appointments(&state.db, id)
                .await?
                .into_iter()
                .find(|a| a.id == aid)
                .ok_or(AppError::NotFound)?;
            let host = crate::week::host_of(&swap, a.guest).ok_or(AppError::NotFound)?;
            if !roles.may_edit_for_host(me.id, host) {
                return Err(AppError::Forbidden("not-host"));
            }
            let mut fx = audit(me.id, "week.appointment_cancelled", id, a.appointment.title.to_string());
            let cancelled = store::week::StoredAppointment {
                cancelled: true,
                sequence: a.sequence + 1,
                updated_at: store::now(),
                ..a.clone()
            };
            let change = crate::week::PlanChange::Appointment(&cancelled);
            crate::week::plan_change_effects(state, &swap, &me.display_name, change, &[a.guest], &mut fx).await?;
            store::week::cancel_appointment(&state.db, id, aid, &fx).await?;
            Ok(("flash-week-saved", "appointments"))
        }
        "handover" => {
            if !roles.member {
                return Err(AppError::Forbidden("not-member"));
            }
            plan_open(&swap)?;
            let body = parse_note("body", &f.body, true)?.unwrap_or_default();
            let fx = audit(me.id, "week.handover", id, String::new());
            store::week::set_handover(&state.db, id, me.id, &body, &fx).await?;
            Ok(("flash-week-saved", "handover"))
        }
        "deputy" => {
            if !roles.member {
                return Err(AppError::Forbidden("not-member"));
            }
            plan_open(&swap)?;
            let email = Email::parse("email", &f.email)?;
            let deputy = store::users::account_by_email(&state.db, &email.normalised())
                .await?
                .ok_or(AppError::field("email", Reason::UnknownChoice))?;
            let deputy_account = store::users::account(&state.db, deputy).await?;
            if deputy == me.id || swap.is_member(deputy) {
                return Err(AppError::field("email", Reason::UnknownChoice));
            }
            if deputy_account.org_id != me.org_id {
                return Err(AppError::field("email", Reason::WrongOrganisation));
            }
            let mut fx = audit(me.id, "week.deputy", id, deputy.to_string());
            let text = crate::i18n::t_args(
                deputy_account.locale,
                "note-deputy-named",
                &[
                    ("name", me.display_name.clone().into()),
                    ("week", week_label(deputy_account.locale, swap.week).into()),
                ],
            );
            let link = format!("{}/swaps/{}/week", state.config.base_url, id);
            fx.inbox.push(store::InboxItem { user: deputy, swap: Some(id), kind: "deputy", text: text.clone() });
            fx.mails.push(store::OutboxMail {
                kind: "week",
                recipient: deputy_account.email.clone(),
                subject: text.clone(),
                body: format!("{text}\n\n{link}\n"),
                attachment: None,
            });
            store::week::set_deputy(&state.db, id, me.id, deputy, &fx).await?;
            Ok(("flash-week-saved", "deputies"))
        }
        "access" => {
            plan_open(&swap)?;
            let guest = parse_user(&f.guest, "guest")?;
            let item = AccessItem::parse("item", &f.item)?;
            let mut errs = domain::error::Errors::default();
            let new_state = errs.take(AccessState::parse("state", &f.state));
            let due = errs.take(domain::week::parse_date("due", &f.due));
            let owner_email = match f.email.trim() {
                "" => Some(None),
                raw => errs.take(Email::parse("email", raw).map(Some)),
            };
            errs.into_result()?;
            let (Some(new_state), Some(due), Some(owner_email)) = (new_state, due, owner_email) else {
                return Err(AppError::Internal);
            };
            let entry = store::week::access_items(&state.db, id)
                .await?
                .into_iter()
                .find(|a| a.guest == guest && a.item == item)
                .ok_or(AppError::NotFound)?;
            let host = crate::week::host_of(&swap, guest).ok_or(AppError::NotFound)?;
            if !(roles.may_edit_for_host(me.id, host) || entry.owner == me.id) {
                return Err(AppError::Forbidden("not-owner"));
            }
            // Another owner: someone of the host's organisation with an account (they are reminded).
            let owner = match owner_email {
                None => entry.owner,
                Some(email) => {
                    let host_org = swap.members.iter().find(|m| m.user == host).map(|m| m.org);
                    let found = store::users::account_by_email(&state.db, &email.normalised()).await?;
                    let account = match found {
                        Some(u) => Some(store::users::account(&state.db, u).await?),
                        None => None,
                    };
                    match account {
                        Some(a) if a.org_id.is_some() && a.org_id == host_org => a.id,
                        Some(_) => return Err(AppError::field("email", Reason::WrongOrganisation)),
                        None => return Err(AppError::field("email", Reason::UnknownChoice)),
                    }
                }
            };
            let updated = AccessEntry { state: new_state, due, owner, ..entry };
            let fx = audit(me.id, "week.access", id, format!("{} {}", item.code(), new_state.code()));
            store::week::update_access(&state.db, id, &updated, &fx).await?;
            Ok(("flash-week-saved", "access"))
        }
        "admin" => {
            if swap.state.is_ended() {
                return Err(AppError::Conflict("plan-closed"));
            }
            let leg: usize = f.leg.trim().parse().map_err(|_| AppError::field("leg", Reason::UnknownChoice))?;
            let item = AdminItem::parse("item", &f.item)?;
            let legs = swap.legs();
            let l = legs.get(leg).ok_or(AppError::NotFound)?;
            let guest = l.person;
            let host = crate::week::host_of(&swap, guest).ok_or(AppError::NotFound)?;
            let may = me.id == guest
                || roles.may_edit_for_host(me.id, host)
                || roles.approver_of.contains(&l.from)
                || roles.approver_of.contains(&l.to);
            if !may {
                return Err(AppError::Forbidden("not-concerned"));
            }
            let value = parse_admin_value(item, &f.value)?;
            let entry = AdminEntry { leg, item, value, done: f.done.is_some() };
            let fx = audit(me.id, "week.admin", id, format!("{leg} {}", item.code()));
            store::week::update_admin(&state.db, id, &entry, &fx).await?;
            Ok(("flash-week-saved", "admin"))
        }
        "checkin" => {
            if !roles.member {
                return Err(AppError::Forbidden("not-member"));
            }
            if swap.state != SwapState::InProgress {
                return Err(AppError::Conflict("not-in-progress"));
            }
            let status = CheckinStatus::parse("status", &f.status)?;
            let note = parse_note("note", &f.note, status == CheckinStatus::Help)?;
            let c = Checkin {
                swap: id,
                user: me.id,
                day: today(),
                status,
                note,
                created_at: Utc::now(),
                resolved_at: None,
            };
            let mut fx = audit(me.id, "week.checkin", id, status.code().to_owned());
            if status == CheckinStatus::Help {
                help_notifications(state, &swap, me, &mut fx).await?;
            }
            store::week::check_in(&state.db, &c, &fx).await?;
            Ok(("flash-checkin-saved", "checkin"))
        }
        "reflection" => {
            if !roles.member {
                return Err(AppError::Forbidden("not-member"));
            }
            if !matches!(swap.state, SwapState::Completed | SwapState::Evaluated) {
                return Err(AppError::Conflict("not-completed"));
            }
            let reflections = store::week::reflections(&state.db, id).await?;
            if reflections.iter().any(|(u, _, _)| *u == me.id) {
                return Err(AppError::Conflict("already-reflected"));
            }
            let r = Reflection::parse(&f.learned, &f.will_change, &f.recommend, &f.free_text)?;
            let fx = audit(me.id, "week.reflection", id, String::new());
            match store::week::add_reflection(&state.db, id, me.id, &r, &fx).await {
                Err(store::StoreError::Conflict) => return Err(AppError::Conflict("already-reflected")),
                other => other?,
            }
            let mut written: Vec<UserId> = reflections.iter().map(|(u, _, _)| *u).collect();
            written.push(me.id);
            let mut swap = swap;
            if swap.state == SwapState::Completed && swap.members.iter().all(|m| written.contains(&m.user)) {
                let events = swap.evaluate(&written)?;
                crate::swaps::save_system(state, &swap, &events).await?;
            }
            Ok(("flash-reflection-saved", "reflection"))
        }
        "feedback" => {
            let org = *roles.approver_of.first().ok_or(AppError::Forbidden("not-approver"))?;
            if !matches!(swap.state, SwapState::Completed | SwapState::Evaluated) {
                return Err(AppError::Conflict("not-completed"));
            }
            let body = parse_note("body", &f.body, true)?.unwrap_or_default();
            let fx = audit(me.id, "week.feedback", id, org.to_string());
            store::week::set_feedback(&state.db, id, org, me.id, &body, &fx).await?;
            Ok(("flash-feedback-saved", "feedback"))
        }
        _ => Err(AppError::NotFound),
    }
}

/// A call for help reaches the network's organisers (inbox and mail).
async fn help_notifications(state: &AppState, swap: &Swap, me: &Account, fx: &mut Effects) -> AppResult<()> {
    let link = format!("{}/help-requests", state.config.base_url);
    for o in store::swaps::organisers(&state.db).await? {
        let text = crate::i18n::t_args(
            o.locale,
            "note-help-needed",
            &[("name", me.display_name.clone().into()), ("week", week_label(o.locale, swap.week).into())],
        );
        fx.inbox.push(store::InboxItem { user: o.id, swap: Some(swap.id), kind: "help", text: text.clone() });
        fx.mails.push(store::OutboxMail {
            kind: "help",
            recipient: o.email.clone(),
            subject: text.clone(),
            body: format!("{text}\n\n{link}\n"),
            attachment: None,
        });
    }
    Ok(())
}

// ------------------------------------------------------------------------------------------
// The page

struct DayRow {
    date: String,
    /// Per leg: "Anna bei Stadt X: Karfreitag" for the holidays.
    holidays: Vec<String>,
    runs: bool,
}

struct BriefingRow {
    planned: String,
    label: String,
    cancelled: bool,
    /// The day's move form was refused: its disclosure opens, so the errors can be seen.
    failed: bool,
    fields: Vec<Field>,
}

struct AppointmentRow {
    id: String,
    guest: String,
    when: String,
    title: String,
    kind: String,
    venue: String,
    note: String,
    cancelled: bool,
    may_cancel: bool,
}

struct GuestForm {
    guest: String,
    label: String,
    prefix: String,
    fields: Vec<Field>,
}

struct AccessRow {
    guest_id: String,
    guest: String,
    item_code: String,
    item: String,
    owner: String,
    state_field: Field,
    due_field: Field,
    owner_field: Field,
    may_edit: bool,
    state_label: String,
    due: String,
}

struct AdminRow {
    leg: usize,
    leg_label: String,
    item_code: String,
    item: String,
    value_field: Field,
    done_field: Field,
    may_edit: bool,
    value: String,
    done: bool,
}

struct ReflectionRow {
    author: String,
    learned: String,
    will_change: String,
    recommend: bool,
    free_text: String,
}

#[derive(Template)]
#[template(path = "week.html")]
struct WeekPage {
    ctx: Ctx,
    id: SwapId,
    week: String,
    state_code: &'static str,
    state: String,
    is_member: bool,
    plan_open: bool,
    days: Vec<DayRow>,
    settings_fields: Vec<Field>,
    briefings: Vec<BriefingRow>,
    appointments: Vec<AppointmentRow>,
    appointment_forms: Vec<GuestForm>,
    handover_mine: Option<Field>,
    handovers: Vec<(String, String)>,
    deputy_field: Option<Field>,
    deputies: Vec<(String, String)>,
    access: Vec<AccessRow>,
    admin: Vec<AdminRow>,
    checkin_fields: Option<Vec<Field>>,
    checkins: Vec<String>,
    reflection_fields: Option<Vec<Field>>,
    reflections: Vec<ReflectionRow>,
    reflections_hidden: bool,
    has_reflected: bool,
    feedback_field: Option<Field>,
    feedback: Vec<(String, String)>,
    errors: FormErrors,
}

/// A date after its weekday in the page's language ("Mo 14.12.2026"): chrono's `%a` is
/// English only.
fn with_weekday(lang: Locale, date: NaiveDate, format: &str) -> String {
    const DE: [&str; 7] = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];
    let day = match lang {
        Locale::De => DE[date.weekday().num_days_from_monday() as usize].to_owned(),
        Locale::En => date.format("%a").to_string(),
    };
    format!("{day} {}", date.format(format))
}

/// A field of one of the page's forms, with that form's errors if it was the one that failed.
fn field(
    ctx: &Ctx,
    failed: &str,
    errors: &FormErrors,
    form: &str,
    name: &'static str,
    kind: Kind,
    value: &str,
) -> Field {
    let errs = if failed == form { errors.clone() } else { FormErrors::default() };
    Field::new(ctx.lang, &errs, name, kind, value).in_form(&format!("{form}-"))
}

async fn page(
    state: &AppState,
    ctx: Ctx,
    me: &Account,
    id: SwapId,
    errors: FormErrors,
    failed: &str,
    sent: &WeekForm,
) -> AppResult<Response> {
    let (swap, roles) = load(state, me, id).await?;
    let l = &ctx;
    let deputies = store::week::deputies(&state.db, id).await?;
    let access_items = store::week::access_items(&state.db, id).await?;
    let mut names = crate::week::Names::of(state, &swap).await?;
    let others = deputies.iter().map(|(_, d)| *d).chain(access_items.iter().map(|a| a.owner));
    names.include(state, others).await?;
    let person = |u: UserId| names.person(u);
    let org_name = |o: OrgId| names.org(o);
    let n = swap.members.len();
    let plan = crate::week::week_plan(state, &swap).await?;
    let is_open = plan_open(&swap).is_ok();
    // Values of the failed form go back into its fields.
    let val = |form: &str, v: &str| if failed == form { v.to_owned() } else { String::new() };

    let days = plan
        .days()
        .iter()
        .map(|d| DayRow {
            date: with_weekday(ctx.lang, d.date, "%d.%m.%Y"),
            holidays: d
                .holidays
                .iter()
                .enumerate()
                .filter_map(|(leg, h)| {
                    h.map(|h| {
                        let host_org = swap.members[(leg + 1) % n].org;
                        format!("{} ({}): {}", org_name(host_org), person(swap.members[leg].user), h.name(ctx.lang))
                    })
                })
                .collect(),
            runs: d.runs(),
        })
        .collect();
    let settings = store::week::settings(&state.db, id).await?.unwrap_or_default();
    let settings_fields = vec![
        field(
            l,
            failed,
            &errors,
            "settings",
            "time",
            Kind::Text,
            &if failed == "settings" { sent.time.clone() } else { settings.time.format("%H:%M").to_string() },
        ),
        field(
            l,
            failed,
            &errors,
            "settings",
            "minutes",
            Kind::Number,
            &if failed == "settings" { sent.minutes.clone() } else { settings.minutes.to_string() },
        ),
        field(
            l,
            failed,
            &errors,
            "settings",
            "link",
            Kind::Text,
            &if failed == "settings" {
                sent.link.clone()
            } else {
                settings.link.as_ref().map(|x| x.as_str().to_owned()).unwrap_or_default()
            },
        ),
    ];
    let briefings = store::week::briefings(&state.db, id)
        .await?
        .into_iter()
        .map(|b| {
            let d = b.day;
            let form = format!("move-{}", d.planned);
            let this_failed = failed == "move" && sent.planned.trim() == d.planned.to_string();
            let form_failed = if this_failed { form.as_str() } else { "" };
            let pick = |v: &str, stored: String| if this_failed { v.to_owned() } else { stored };
            BriefingRow {
                planned: d.planned.to_string(),
                label: format!(
                    "{} {} ({} min){}",
                    d.date.format("%d.%m.%Y"),
                    d.start.format("%H:%M"),
                    d.minutes,
                    d.link.as_ref().map(|x| format!(" · {}", x.as_str())).unwrap_or_default()
                ),
                cancelled: d.cancelled,
                failed: this_failed,
                fields: vec![
                    field(l, form_failed, &errors, &form, "date", Kind::Text, &pick(&sent.date, d.date.to_string())),
                    field(
                        l,
                        form_failed,
                        &errors,
                        &form,
                        "time",
                        Kind::Text,
                        &pick(&sent.time, d.start.format("%H:%M").to_string()),
                    ),
                    field(
                        l,
                        form_failed,
                        &errors,
                        &form,
                        "minutes",
                        Kind::Number,
                        &pick(&sent.minutes, d.minutes.to_string()),
                    ),
                    field(
                        l,
                        form_failed,
                        &errors,
                        &form,
                        "link",
                        Kind::Text,
                        &pick(&sent.link, d.link.as_ref().map(|x| x.as_str().to_owned()).unwrap_or_default()),
                    ),
                ],
            }
        })
        .collect();
    let stored = store::week::appointments(&state.db, id).await?;
    let appointments = stored
        .iter()
        .map(|a| {
            let ap = &a.appointment;
            let host = crate::week::host_of(&swap, a.guest).unwrap_or(a.guest);
            AppointmentRow {
                id: a.id.to_string(),
                guest: person(a.guest),
                when: format!(
                    "{} {}–{}",
                    with_weekday(l.lang, ap.date, "%d.%m."),
                    ap.start.format("%H:%M"),
                    ap.end.format("%H:%M")
                ),
                title: ap.title.to_string(),
                kind: l.t(&format!("appointment-kind-{}", ap.kind.code())),
                venue: ap.venue.as_str().to_owned(),
                note: ap.note_for_guest.as_ref().map(|x| x.to_string()).unwrap_or_default(),
                cancelled: a.cancelled,
                may_cancel: is_open && !a.cancelled && roles.may_edit_for_host(me.id, host),
            }
        })
        .collect();
    let kinds: Vec<(String, String)> = AppointmentKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), l.t(&format!("appointment-kind-{}", k.code()))))
        .collect();
    let appointment_forms = if is_open {
        (0..n)
            .filter(|i| roles.may_edit_for_host(me.id, swap.members[(i + 1) % n].user))
            .map(|i| {
                let guest = swap.members[i].user;
                let form = format!("appointment-{guest}");
                let this_failed = failed == "appointment" && sent.guest.trim() == guest.to_string();
                let ff = if this_failed { form.as_str() } else { "" };
                let v = |s: &str| if this_failed { s.to_owned() } else { String::new() };
                GuestForm {
                    guest: guest.to_string(),
                    label: l.ta("week-appointment-for", "name", person(guest)),
                    prefix: form.clone(),
                    fields: vec![
                        field(l, ff, &errors, &form, "title", Kind::Text, &v(&sent.title)).required(),
                        Field {
                            label: l.t("field-appointment_kind"),
                            ..field(l, ff, &errors, &form, "kind", Kind::Select, &v(&sent.kind))
                                .required()
                                .options(kinds.clone())
                        },
                        field(l, ff, &errors, &form, "date", Kind::Text, &v(&sent.date)).required(),
                        field(l, ff, &errors, &form, "start", Kind::Text, &v(&sent.start)).required(),
                        field(l, ff, &errors, &form, "end", Kind::Text, &v(&sent.end)).required(),
                        field(l, ff, &errors, &form, "place_or_link", Kind::Text, &v(&sent.place_or_link)).required(),
                        field(l, ff, &errors, &form, "note_for_guest", Kind::TextArea, &v(&sent.note_for_guest)),
                    ],
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let stored_handovers = store::week::handovers(&state.db, id).await?;
    let mine = stored_handovers.iter().find(|(u, _)| *u == me.id).map(|(_, b)| b.clone()).unwrap_or_default();
    let handover_mine = (roles.member && is_open).then(|| {
        let v = if failed == "handover" { sent.body.clone() } else { mine.clone() };
        Field {
            hint: Some(l.t("hint-handover")),
            ..field(l, failed, &errors, "handover", "body", Kind::TextArea, &v).required()
        }
    });
    let handovers = stored_handovers
        .iter()
        .map(|(u, b)| {
            // The note is for whoever takes the author's place.
            let i = swap.members.iter().position(|m| m.user == *u).unwrap_or(0);
            let reader = swap.members[(i + n - 1) % n].user;
            (l.ta("week-handover-from", "name", format!("{} → {}", person(*u), person(reader))), b.clone())
        })
        .collect();
    let deputy_field = (roles.member && is_open).then(|| Field {
        label: l.t("field-deputy_email"),
        hint: Some(l.t("hint-deputy_email")),
        ..field(l, failed, &errors, "deputy", "email", Kind::Email, &val("deputy", &sent.email)).required()
    });
    let deputies = deputies.iter().map(|(m, d)| (person(*m), person(*d))).collect();
    let state_opts: Vec<(String, String)> =
        AccessState::ALL.iter().map(|s| (s.code().to_owned(), l.t(&format!("access-state-{}", s.code())))).collect();
    let access = access_items
        .into_iter()
        .map(|a| {
            let host = crate::week::host_of(&swap, a.guest).unwrap_or(a.guest);
            let prefix = format!("access-{}-{}", a.guest, a.item.code());
            let ff = if failed == "access"
                && sent.guest.trim() == a.guest.to_string()
                && sent.item.trim() == a.item.code()
            {
                prefix.as_str()
            } else {
                ""
            };
            AccessRow {
                guest_id: a.guest.to_string(),
                guest: person(a.guest),
                item_code: a.item.code().to_owned(),
                item: l.t(&format!("access-item-{}", a.item.code())),
                owner: person(a.owner),
                state_field: field(l, ff, &errors, &prefix, "state", Kind::Select, a.state.code())
                    .options(state_opts.clone()),
                due_field: field(l, ff, &errors, &prefix, "due", Kind::Text, &a.due.to_string()),
                owner_field: Field {
                    label: l.t("field-owner_email"),
                    hint: Some(l.t("hint-owner_email")),
                    ..field(l, ff, &errors, &prefix, "email", Kind::Email, "")
                },
                may_edit: is_open && (roles.may_edit_for_host(me.id, host) || a.owner == me.id),
                state_label: l.t(&format!("access-state-{}", a.state.code())),
                due: a.due.format("%d.%m.%Y").to_string(),
            }
        })
        .collect();
    let class_opts: Vec<(String, String)> = std::iter::once((String::new(), l.t("none")))
        .chain(Classification::ALL.iter().map(|c| (c.code().to_owned(), l.t(&format!("classification-{}", c.code())))))
        .collect();
    let legs = swap.legs();
    let admin = store::week::admin_items(&state.db, id)
        .await?
        .into_iter()
        .filter_map(|a| {
            let leg = legs.get(a.leg)?;
            let host = crate::week::host_of(&swap, leg.person).unwrap_or(leg.person);
            let prefix = format!("admin-{}-{}", a.leg, a.item.code());
            let ff = if failed == "admin" && sent.leg.trim() == a.leg.to_string() && sent.item.trim() == a.item.code() {
                prefix.as_str()
            } else {
                ""
            };
            let value_field = if a.item == AdminItem::Classification {
                field(l, ff, &errors, &prefix, "value", Kind::Select, &a.value).options(class_opts.clone())
            } else {
                field(l, ff, &errors, &prefix, "value", Kind::Text, &a.value)
            };
            let shown = if a.item == AdminItem::Classification && !a.value.is_empty() {
                l.t(&format!("classification-{}", a.value))
            } else {
                a.value.clone()
            };
            Some(AdminRow {
                leg: a.leg,
                leg_label: format!("{} → {}", person(leg.person), org_name(leg.to)),
                item_code: a.item.code().to_owned(),
                item: l.t(&format!("admin-item-{}", a.item.code())),
                value_field,
                done_field: field(l, ff, &errors, &prefix, "done", Kind::Checkbox, "").checked(a.done),
                may_edit: me.id == leg.person
                    || roles.may_edit_for_host(me.id, host)
                    || roles.approver_of.contains(&leg.from)
                    || roles.approver_of.contains(&leg.to),
                value: shown,
                done: a.done,
            })
        })
        .collect();
    let status_opts: Vec<(String, String)> =
        CheckinStatus::ALL.iter().map(|s| (s.code().to_owned(), l.t(&format!("checkin-{}", s.code())))).collect();
    let checkin_fields = (roles.member && swap.state == SwapState::InProgress).then(|| {
        vec![
            field(l, failed, &errors, "checkin", "status", Kind::Select, &val("checkin", &sent.status))
                .required()
                .options(status_opts),
            field(l, failed, &errors, "checkin", "note", Kind::TextArea, &val("checkin", &sent.note)),
        ]
    });
    let checkins = store::week::checkins(&state.db, id)
        .await?
        .into_iter()
        .filter(|_| roles.member || me.organiser)
        .map(|c| {
            // A note (a call for help may be about the host) is for its author and the organisers.
            let note = c.note.filter(|_| c.user == me.id || me.organiser).map(|n| format!(": {n}")).unwrap_or_default();
            format!(
                "{} · {} · {}{note}",
                c.day.format("%d.%m."),
                person(c.user),
                l.t(&format!("checkin-{}", c.status.code()))
            )
        })
        .collect();
    let stored_reflections = store::week::reflections(&state.db, id).await?;
    let has_reflected = stored_reflections.iter().any(|(u, _, _)| *u == me.id);
    let completed_at = store::week::completed_at(&state.db, id).await?;
    let visible = reflections_visible(n, stored_reflections.len(), completed_at, Utc::now());
    let reflections = stored_reflections
        .iter()
        // Reflections are for the partners; approvers give their own feedback instead.
        .filter(|(u, _, _)| *u == me.id || (visible && roles.member))
        .map(|(u, r, _)| ReflectionRow {
            author: person(*u),
            learned: r.learned.clone(),
            will_change: r.will_change.clone(),
            recommend: r.recommend,
            free_text: r.free_text.clone().unwrap_or_default(),
        })
        .collect();
    let completed = matches!(swap.state, SwapState::Completed | SwapState::Evaluated);
    let recommend_opts = vec![("yes".to_owned(), l.t("yes")), ("no".to_owned(), l.t("no"))];
    let reflection_fields = (roles.member && completed && !has_reflected).then(|| {
        vec![
            field(l, failed, &errors, "reflection", "learned", Kind::TextArea, &val("reflection", &sent.learned))
                .required(),
            field(
                l,
                failed,
                &errors,
                "reflection",
                "will_change",
                Kind::TextArea,
                &val("reflection", &sent.will_change),
            )
            .required(),
            field(l, failed, &errors, "reflection", "recommend", Kind::Select, &val("reflection", &sent.recommend))
                .required()
                .options(recommend_opts),
            field(l, failed, &errors, "reflection", "free_text", Kind::TextArea, &val("reflection", &sent.free_text)),
        ]
    });
    let feedback_stored = store::week::feedback(&state.db, id).await?;
    let feedback_field = (completed && !roles.approver_of.is_empty()).then(|| {
        let mine = roles
            .approver_of
            .first()
            .and_then(|o| feedback_stored.iter().find(|(fo, _, _)| fo == o))
            .map(|(_, _, b)| b.clone())
            .unwrap_or_default();
        let v = if failed == "feedback" { sent.body.clone() } else { mine };
        Field {
            hint: Some(l.t("hint-feedback")),
            ..field(l, failed, &errors, "feedback", "body", Kind::TextArea, &v).required()
        }
    });
    let feedback = feedback_stored
        .iter()
        .filter(|_| roles.member || !roles.approver_of.is_empty() || me.organiser)
        .map(|(o, _, b)| (org_name(*o), b.clone()))
        .collect();
    let page = WeekPage {
        id,
        week: week_label(ctx.lang, swap.week),
        state_code: swap.state.code(),
        state: l.t(&format!("state-{}", swap.state.code())),
        is_member: roles.member,
        plan_open: is_open,
        days,
        settings_fields,
        briefings,
        appointments,
        appointment_forms,
        handover_mine,
        handovers,
        deputy_field,
        deputies,
        access,
        admin,
        checkin_fields,
        checkins,
        reflection_fields,
        reflections,
        reflections_hidden: !visible && stored_reflections.len() > usize::from(has_reflected),
        has_reflected,
        feedback_field,
        feedback,
        errors: errors.clone(),
        ctx,
    };
    Ok(render_form(&page, !errors.is_empty()))
}

async fn show(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    page(&state, ctx, &me, swap_id(&id)?, FormErrors::default(), "", &WeekForm::default()).await
}

async fn act(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Path((id, action)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<WeekForm>,
) -> AppResult<Response> {
    let id = swap_id(&id)?;
    match week_action(&state, &me, id, &action, &form).await {
        Ok((flash, section)) => Ok(flash_redirect(&state, jar, flash, &format!("/swaps/{id}/week#{section}"))),
        Err(AppError::Invalid(errs)) => {
            // Each form's controls carry its prefix, so the summary links reach the right field.
            let prefix = match action.as_str() {
                "move" => format!("move-{}-", form.planned.trim()),
                "appointment" => format!("appointment-{}-", form.guest.trim()),
                "access" => format!("access-{}-{}-", form.guest.trim(), form.item.trim()),
                "admin" => format!("admin-{}-{}-", form.leg.trim(), form.item.trim()),
                other => format!("{other}-"),
            };
            let errors = FormErrors::in_form(ctx.lang, &errs, &prefix);
            page(&state, ctx, &me, id, errors, &action, &form).await
        }
        Err(e) => Err(e),
    }
}

/// The certificate of participation, for a member who has written their reflection.
async fn certificate(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id = swap_id(&id)?;
    let swap = store::swaps::get(&state.db, id).await?;
    if !swap.is_member(me.id) {
        return Err(AppError::NotFound);
    }
    if !store::week::reflections(&state.db, id).await?.iter().any(|(u, _, _)| *u == me.id) {
        return Err(AppError::Conflict("reflection-first"));
    }
    let pdf = crate::week::certificate(&state, &swap, me.id, ctx.lang).await?;
    let mut res = pdf.into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    let name = format!("attachment; filename=\"jobtausch-bescheinigung-{}.pdf\"", swap.week);
    if let Ok(v) = HeaderValue::from_str(&name) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

#[derive(Template)]
#[template(path = "help_requests.html")]
struct HelpPage {
    ctx: Ctx,
    rows: Vec<HelpRow>,
}

struct HelpRow {
    swap: String,
    user: String,
    name: String,
    /// Organisers must be able to reach the person who asked for help.
    email: String,
    day: String,
    day_code: String,
    note: String,
    week: String,
}

/// Open calls for help from the daily check-ins, for the network's organisers.
async fn help_requests(State(state): State<AppState>, SignedIn(ctx, me): SignedIn) -> AppResult<Response> {
    me.actor().ensure_organiser()?;
    let mut rows = Vec::new();
    for c in store::week::open_help_requests(&state.db).await? {
        let swap = store::swaps::get(&state.db, c.swap).await?;
        let account = store::users::account(&state.db, c.user).await?;
        rows.push(HelpRow {
            swap: c.swap.to_string(),
            user: c.user.to_string(),
            name: account.display_name,
            email: account.email,
            day: c.day.format("%d.%m.%Y").to_string(),
            day_code: c.day.to_string(),
            note: c.note.unwrap_or_default(),
            week: week_label(ctx.lang, swap.week),
        });
    }
    Ok(super::render(&HelpPage { ctx, rows }))
}

#[derive(Deserialize)]
struct ResolveForm {
    #[serde(default)]
    swap: String,
    #[serde(default)]
    user: String,
    #[serde(default)]
    day: String,
}

async fn resolve_help(
    State(state): State<AppState>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    CsrfForm(f): CsrfForm<ResolveForm>,
) -> AppResult<Response> {
    let actor: Actor = me.actor();
    actor.ensure_organiser()?;
    let swap = swap_id(&f.swap)?;
    let user = parse_user(&f.user, "user")?;
    let day = domain::week::parse_date("day", &f.day)?;
    let fx = audit(me.id, "week.help_resolved", swap, user.to_string());
    store::week::resolve_help(&state.db, swap, user, day, &fx).await?;
    Ok(flash_redirect(&state, jar, "flash-help-resolved", "/help-requests"))
}
