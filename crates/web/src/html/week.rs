//! The week plan page of a swap (`/swaps/{id}/week`): days and holidays, daily briefings
//! (settings, move or cancel a day), the host side's appointments, handover notes, deputies,
//! the access and administrative checklists, the daily check-in, reflections, the approvers'
//! feedback and the certificate. Every change is one form posted to
//! `/swaps/{id}/week/{action}`; refused input shows the page again with the errors at the
//! form that failed, and changes nothing.

use super::ctx::{Ctx, SignedIn};
use super::flash;
use super::forms::{Field, FormErrors, Kind, checkbox, choice};
use super::page::{render, render_form};
use crate::error::{HttpError, HttpResult};
use crate::extract::{CsrfForm, Id, IdAnd};
use app::i18n::week_label;
use app::week::{Command, WeekView};
use app::{Account, App};
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum_extra::extract::CookieJar;
use chrono::{Datelike, NaiveDate};
use domain::after::{
    ADMIN_VALUE_MAX, AccessItem, AccessState, AdminItem, CheckinStatus, Classification, NOTE_MAX, Reflection,
};
use domain::values::{AppointmentTitle, GuestNote, HttpsUrl, Locale, Place};
use domain::week::{AppointmentInput, AppointmentKind};
use domain::{OrgId, SwapId, UserId};
use serde::Deserialize;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/swaps/{id}/week", get(show))
        // A tab of the week (GET) shares its address with the forms on it (POST), so that a
        // reload after a form shows its tab.
        .route("/swaps/{id}/week/{action}", get(show_tab).post(act))
        .route("/swaps/{id}/certificate.pdf", get(certificate))
        .route("/help-requests", get(help_requests).post(resolve_help))
}

/// The fields of the week page's forms as sent; each form sends its own few, and a refused
/// form gets its values back.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct WeekForm {
    pub time: String,
    pub minutes: String,
    pub link: String,
    pub planned: String,
    pub date: String,
    pub guest: String,
    pub title: String,
    pub kind: String,
    pub start: String,
    pub end: String,
    pub place_or_link: String,
    pub note_for_guest: String,
    pub appointment: String,
    pub body: String,
    pub email: String,
    pub item: String,
    pub state: String,
    pub due: String,
    pub leg: String,
    pub value: String,
    #[serde(deserialize_with = "checkbox")]
    pub done: bool,
    pub status: String,
    pub note: String,
    pub learned: String,
    pub will_change: String,
    pub recommend: String,
    pub free_text: String,
}

/// The change named in the path (`/swaps/{id}/week/{action}`), with its form's fields.
fn command(action: &str, f: &WeekForm) -> HttpResult<Command> {
    Ok(match action {
        "settings" => {
            Command::BriefingSettings { time: f.time.clone(), minutes: f.minutes.clone(), link: f.link.clone() }
        }
        "move" => Command::MoveBriefing {
            planned: choice::<NaiveDate>(&f.planned, "planned")?,
            date: f.date.clone(),
            time: f.time.clone(),
            minutes: f.minutes.clone(),
            link: f.link.clone(),
        },
        "cancel-briefing" => Command::CancelBriefing { planned: choice::<NaiveDate>(&f.planned, "planned")? },
        "appointment" => Command::AddAppointment {
            guest: choice(&f.guest, "guest")?,
            appointment: AppointmentInput {
                title: f.title.clone(),
                kind: f.kind.clone(),
                date: f.date.clone(),
                start: f.start.clone(),
                end: f.end.clone(),
                place_or_link: f.place_or_link.clone(),
                note_for_guest: f.note_for_guest.clone(),
            },
        },
        "cancel-appointment" => Command::CancelAppointment {
            appointment: f.appointment.trim().parse().map_err(|_| HttpError::App(app::Error::NotFound))?,
        },
        "handover" => Command::Handover { body: f.body.clone() },
        "deputy" => Command::NameDeputy { email: f.email.clone() },
        "access" => Command::UpdateAccess {
            guest: choice(&f.guest, "guest")?,
            item: AccessItem::parse("item", &f.item)?,
            state: f.state.clone(),
            due: f.due.clone(),
            owner_email: f.email.clone(),
        },
        "admin" => Command::UpdateAdmin {
            leg: choice(&f.leg, "leg")?,
            item: AdminItem::parse("item", &f.item)?,
            value: f.value.clone(),
            done: f.done,
        },
        "checkin" => Command::CheckIn { status: f.status.clone(), note: f.note.clone() },
        "reflection" => Command::Reflect {
            learned: f.learned.clone(),
            will_change: f.will_change.clone(),
            recommend: f.recommend.clone(),
            free_text: f.free_text.clone(),
        },
        "feedback" => Command::Feedback { body: f.body.clone() },
        _ => return Err(HttpError::App(app::Error::NotFound)),
    })
}

/// The flash message after a change.
fn flash_key(c: &Command) -> &'static str {
    match c {
        Command::CheckIn { .. } => "flash-checkin-saved",
        Command::Reflect { .. } => "flash-reflection-saved",
        Command::Feedback { .. } => "flash-feedback-saved",
        _ => "flash-week-saved",
    }
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
    /// The tab shown ("" for the plan), and every tab as (address, name, shown).
    tab: &'static str,
    tabs: Vec<(String, String, bool)>,
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

/// The week's tabs, each with its own page: (address segment, name key). The plan has none.
const TABS: [(&str, &str); 6] = [
    ("", "week-tab-plan"),
    ("appointments", "week-appointments"),
    ("handover", "week-handover"),
    ("access", "week-access"),
    ("admin", "week-admin"),
    ("after", "week-after"),
];

/// The tab a form of the week belongs to.
fn tab_of(action: &str) -> &'static str {
    match action {
        "appointment" | "cancel-appointment" => "appointments",
        "handover" | "deputy" => "handover",
        "access" => "access",
        "admin" => "admin",
        "checkin" | "reflection" | "feedback" => "after",
        _ => "",
    }
}

/// The tab an address segment shows: a tab's own name, or the name of a form on it (its
/// address opened again after the form).
fn tab_for(segment: &str) -> Option<&'static str> {
    if let Some((seg, _)) = TABS.iter().find(|(seg, _)| !seg.is_empty() && *seg == segment) {
        return Some(seg);
    }
    match segment {
        "settings" | "move" | "cancel-briefing" => Some(""),
        other => Some(tab_of(other)).filter(|t| !t.is_empty()),
    }
}

#[allow(clippy::too_many_arguments)]
async fn page(
    app: &App,
    ctx: Ctx,
    me: &Account,
    id: SwapId,
    tab: &'static str,
    errors: FormErrors,
    failed: &str,
    sent: &WeekForm,
) -> HttpResult<Response> {
    let WeekView {
        swap,
        viewer: roles,
        names,
        plan,
        open: is_open,
        settings,
        briefings: stored_briefings,
        appointments: stored,
        handovers: stored_handovers,
        deputies,
        access: access_items,
        admin: admin_items,
        checkins: stored_checkins,
        reflections: stored_reflections,
        reflections_hidden,
        has_reflected,
        feedback: feedback_stored,
    } = app::week::view(app, me, id).await?;
    let l = &ctx;
    let person = |u: UserId| names.person(u);
    let org_name = |o: OrgId| names.org(o);
    let n = swap.members.len();
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
    let briefings = stored_briefings
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
                    field(l, form_failed, &errors, &form, "date", Kind::Date, &pick(&sent.date, d.date.to_string())),
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
    let appointments = stored
        .iter()
        .map(|a| {
            let ap = &a.appointment;
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
                may_cancel: !a.cancelled && roles.may_plan_visit(&swap, a.guest),
            }
        })
        .collect();
    let kinds: Vec<(String, String)> = AppointmentKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), l.t(&format!("appointment-kind-{}", k.code()))))
        .collect();
    let appointment_forms = if is_open {
        (0..n)
            .filter(|i| roles.may_plan_visit(&swap, swap.members[*i].user))
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
                        field(l, ff, &errors, &form, "title", Kind::Text, &v(&sent.title))
                            .max_len(AppointmentTitle::MAX)
                            .required(),
                        Field {
                            label: l.t("field-appointment_kind"),
                            ..field(l, ff, &errors, &form, "kind", Kind::Select, &v(&sent.kind))
                                .required()
                                .options(kinds.clone())
                        },
                        field(l, ff, &errors, &form, "date", Kind::Date, &v(&sent.date)).required(),
                        field(l, ff, &errors, &form, "start", Kind::Text, &v(&sent.start)).required(),
                        field(l, ff, &errors, &form, "end", Kind::Text, &v(&sent.end)).required(),
                        field(l, ff, &errors, &form, "place_or_link", Kind::Text, &v(&sent.place_or_link))
                            .max_len(Place::MAX.max(HttpsUrl::MAX))
                            .required(),
                        field(l, ff, &errors, &form, "note_for_guest", Kind::TextArea, &v(&sent.note_for_guest))
                            .max_len(GuestNote::MAX),
                    ],
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let mine = stored_handovers.iter().find(|(u, _)| *u == me.id).map(|(_, b)| b.clone()).unwrap_or_default();
    let handover_mine = roles.may_plan_own(&swap).then(|| {
        let v = if failed == "handover" { sent.body.clone() } else { mine.clone() };
        Field {
            hint: Some(l.t("hint-handover")),
            ..field(l, failed, &errors, "handover", "body", Kind::TextArea, &v).max_len(NOTE_MAX).required()
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
    let deputy_field = roles.may_plan_own(&swap).then(|| Field {
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
                due_field: field(l, ff, &errors, &prefix, "due", Kind::Date, &a.due.to_string()),
                owner_field: Field {
                    label: l.t("field-owner_email"),
                    hint: Some(l.t("hint-owner_email")),
                    ..field(l, ff, &errors, &prefix, "email", Kind::Email, "")
                },
                may_edit: roles.may_edit_access(&swap, &a),
                state_label: l.t(&format!("access-state-{}", a.state.code())),
                due: a.due.format("%d.%m.%Y").to_string(),
            }
        })
        .collect();
    let class_opts: Vec<(String, String)> = std::iter::once((String::new(), l.t("none")))
        .chain(Classification::ALL.iter().map(|c| (c.code().to_owned(), l.t(&format!("classification-{}", c.code())))))
        .collect();
    let legs = swap.legs();
    let admin = admin_items
        .into_iter()
        .filter_map(|a| {
            let leg = legs.get(a.leg)?;
            let prefix = format!("admin-{}-{}", a.leg, a.item.code());
            let ff = if failed == "admin" && sent.leg.trim() == a.leg.to_string() && sent.item.trim() == a.item.code() {
                prefix.as_str()
            } else {
                ""
            };
            let value_field = if a.item == AdminItem::Classification {
                field(l, ff, &errors, &prefix, "value", Kind::Select, &a.value).options(class_opts.clone())
            } else {
                field(l, ff, &errors, &prefix, "value", Kind::Text, &a.value).max_len(ADMIN_VALUE_MAX)
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
                may_edit: roles.may_edit_admin(&swap, a.leg),
                value: shown,
                done: a.done,
            })
        })
        .collect();
    let status_opts: Vec<(String, String)> =
        CheckinStatus::ALL.iter().map(|s| (s.code().to_owned(), l.t(&format!("checkin-{}", s.code())))).collect();
    let checkin_fields = roles.may_check_in(&swap).then(|| {
        vec![
            field(l, failed, &errors, "checkin", "status", Kind::Select, &val("checkin", &sent.status))
                .required()
                .options(status_opts),
            field(l, failed, &errors, "checkin", "note", Kind::TextArea, &val("checkin", &sent.note)).max_len(NOTE_MAX),
        ]
    });
    let checkins = stored_checkins
        .into_iter()
        .map(|c| {
            let note = c.note.map(|n| format!(": {n}")).unwrap_or_default();
            format!(
                "{} · {} · {}{note}",
                c.day.format("%d.%m."),
                person(c.user),
                l.t(&format!("checkin-{}", c.status.code()))
            )
        })
        .collect();
    let reflections = stored_reflections
        .into_iter()
        .map(|e| ReflectionRow {
            author: person(e.author),
            learned: e.reflection.learned,
            will_change: e.reflection.will_change,
            recommend: e.reflection.recommend,
            free_text: e.reflection.free_text.unwrap_or_default(),
        })
        .collect();
    let recommend_opts = vec![("yes".to_owned(), l.t("yes")), ("no".to_owned(), l.t("no"))];
    let reflection_fields = roles.may_reflect(&swap, has_reflected).then(|| {
        vec![
            field(l, failed, &errors, "reflection", "learned", Kind::TextArea, &val("reflection", &sent.learned))
                .max_len(Reflection::MAX)
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
            .max_len(Reflection::MAX)
            .required(),
            field(l, failed, &errors, "reflection", "recommend", Kind::Select, &val("reflection", &sent.recommend))
                .required()
                .options(recommend_opts),
            field(l, failed, &errors, "reflection", "free_text", Kind::TextArea, &val("reflection", &sent.free_text))
                .max_len(Reflection::MAX),
        ]
    });
    let feedback_field = roles.may_give_feedback(&swap).then(|| {
        let mine = roles
            .approver_of
            .first()
            .and_then(|o| feedback_stored.iter().find(|(fo, _, _)| fo == o))
            .map(|(_, _, b)| b.clone())
            .unwrap_or_default();
        let v = if failed == "feedback" { sent.body.clone() } else { mine };
        Field {
            hint: Some(l.t("hint-feedback")),
            ..field(l, failed, &errors, "feedback", "body", Kind::TextArea, &v).max_len(NOTE_MAX).required()
        }
    });
    let feedback = feedback_stored.iter().map(|(o, _, b)| (org_name(*o), b.clone())).collect();
    let page = WeekPage {
        id,
        week: week_label(ctx.lang, swap.week),
        tab,
        tabs: TABS
            .iter()
            .map(|(seg, key)| {
                let href = if seg.is_empty() { format!("/swaps/{id}/week") } else { format!("/swaps/{id}/week/{seg}") };
                (href, l.t(key), *seg == tab)
            })
            .collect(),
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
        reflections_hidden,
        has_reflected,
        feedback_field,
        feedback,
        errors: errors.clone(),
        ctx,
    };
    Ok(render_form(&page, !errors.is_empty()))
}

async fn show(State(app): State<App>, SignedIn(ctx, me): SignedIn, Id(id): Id<SwapId>) -> HttpResult<Response> {
    page(&app, ctx, &me, id, "", FormErrors::default(), "", &WeekForm::default()).await
}

async fn show_tab(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    IdAnd(id, tab): IdAnd<SwapId>,
) -> HttpResult<Response> {
    let tab = tab_for(&tab).ok_or(HttpError::App(app::Error::NotFound))?;
    page(&app, ctx, &me, id, tab, FormErrors::default(), "", &WeekForm::default()).await
}

async fn act(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    IdAnd(id, action): IdAnd<SwapId>,
    CsrfForm(form): CsrfForm<WeekForm>,
) -> HttpResult<Response> {
    let result = match command(&action, &form) {
        Ok(c) => {
            let (key, section) = (flash_key(&c), c.section());
            app::week::act(&app, &me, id, c).await.map(|()| (key, section)).map_err(HttpError::from)
        }
        Err(e) => Err(e),
    };
    match result {
        Ok((key, section)) => {
            let tab = match tab_of(&action) {
                "" => String::new(),
                t => format!("/{t}"),
            };
            Ok(flash::redirect(&app, jar, key, &format!("/swaps/{id}/week{tab}#{section}")))
        }
        Err(HttpError::App(app::Error::Invalid(errs))) => {
            // Each form's controls carry its prefix, so the summary links reach the right field.
            let prefix = match action.as_str() {
                "move" => format!("move-{}-", form.planned.trim()),
                "appointment" => format!("appointment-{}-", form.guest.trim()),
                "access" => format!("access-{}-{}-", form.guest.trim(), form.item.trim()),
                "admin" => format!("admin-{}-{}-", form.leg.trim(), form.item.trim()),
                other => format!("{other}-"),
            };
            let errors = FormErrors::in_form(ctx.lang, &errs, &prefix);
            page(&app, ctx, &me, id, tab_of(&action), errors, &action, &form).await
        }
        Err(e) => Err(e),
    }
}

/// The certificate of participation, for a member who has written their reflection.
async fn certificate(State(app): State<App>, SignedIn(ctx, me): SignedIn, Id(id): Id<SwapId>) -> HttpResult<Response> {
    Ok(crate::respond::download(app::week::certificate(&app, &me, id, ctx.lang).await?))
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
async fn help_requests(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    let rows = app::week::help_requests(&app, &me)
        .await?
        .into_iter()
        .map(|h| HelpRow {
            swap: h.swap.id.to_string(),
            user: h.user.to_string(),
            name: h.name,
            email: h.email,
            day: h.day.format("%d.%m.%Y").to_string(),
            day_code: h.day.to_string(),
            note: h.note,
            week: week_label(ctx.lang, h.swap.week),
        })
        .collect();
    Ok(render(&HelpPage { ctx, rows }))
}

/// A call for help, named by its swap, person and day (hidden fields of the list).
#[derive(Deserialize)]
struct ResolveForm {
    swap: SwapId,
    user: UserId,
    day: NaiveDate,
}

async fn resolve_help(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    CsrfForm(f): CsrfForm<ResolveForm>,
) -> HttpResult<Response> {
    app::week::resolve_help(&app, &me, f.swap, f.user, f.day).await?;
    Ok(flash::redirect(&app, jar, "flash-help-resolved", "/help-requests"))
}
