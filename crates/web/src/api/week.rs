//! The swap week: everything its page shows and does (briefings, appointments, handover,
//! deputy, access and administrative checklists, check-ins, reflections, feedback, the
//! certificate) and the organisers' calls for help. Every change answers with the week as the
//! caller now sees it.

use crate::error::HttpResult;
use crate::extract::{ApiJson, ApiUser, Id, Ids, Lang};
use app::week::{Command, WeekView};
use app::{Account, App};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use chrono::NaiveDate;
use domain::after::{AccessItem, AdminItem};
use domain::week::AppointmentInput;
use domain::{SwapId, UserId};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use uuid::Uuid;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/swaps/{id}/week", get(get_week))
        .route("/swaps/{id}/week/briefings", put(put_briefings))
        .route("/swaps/{id}/week/briefings/move", post(move_briefing))
        .route("/swaps/{id}/week/briefings/cancel", post(cancel_briefing))
        .route("/swaps/{id}/week/appointments", post(add_appointment))
        .route("/swaps/{id}/week/appointments/{appointment}", axum::routing::delete(cancel_appointment))
        .route("/swaps/{id}/week/handover", put(put_handover))
        .route("/swaps/{id}/week/deputy", put(put_deputy))
        .route("/swaps/{id}/week/access", put(put_access))
        .route("/swaps/{id}/week/admin", put(put_admin))
        .route("/swaps/{id}/week/checkins", post(check_in))
        .route("/swaps/{id}/week/reflections", post(reflect))
        .route("/swaps/{id}/week/feedback", put(put_feedback))
        .route("/swaps/{id}/certificate.pdf", get(certificate))
        .route("/help-requests", get(help_requests))
        .route("/help-requests/resolve", post(resolve_help))
}

#[derive(OpenApi)]
#[openapi(paths(
    get_week,
    put_briefings,
    move_briefing,
    cancel_briefing,
    add_appointment,
    cancel_appointment,
    put_handover,
    put_deputy,
    put_access,
    put_admin,
    check_in,
    reflect,
    put_feedback,
    certificate,
    help_requests,
    resolve_help
))]
pub struct Doc;

/// The week of a swap as the caller sees it. Times are Europe/Berlin wall-clock times.
#[derive(Debug, Serialize, ToSchema)]
pub struct WeekJson {
    pub swap_id: Uuid,
    /// ISO week such as "2027-W13".
    pub week: String,
    /// The swap's state.
    pub state: String,
    /// Whether the plan may still change (from confirmation to the end of the week).
    pub open: bool,
    pub viewer: ViewerJson,
    pub days: Vec<DayJson>,
    pub briefing_settings: BriefingSettingsJson,
    pub briefings: Vec<BriefingJson>,
    pub appointments: Vec<AppointmentJson>,
    pub handovers: Vec<HandoverJson>,
    pub deputies: Vec<DeputyJson>,
    pub access: Vec<AccessJson>,
    pub admin: Vec<AdminJson>,
    /// The daily check-ins (members and organisers only).
    pub checkins: Vec<CheckinJson>,
    /// The reflections the caller may read.
    pub reflections: Vec<ReflectionJson>,
    /// Someone else wrote a reflection the caller may not read yet.
    pub reflections_hidden: bool,
    pub has_reflected: bool,
    pub feedback: Vec<FeedbackJson>,
}

/// Who the caller is to the week.
#[derive(Debug, Serialize, ToSchema)]
pub struct ViewerJson {
    pub member: bool,
    pub organiser: bool,
    /// The members the caller stands in for as deputy.
    pub deputy_for: Vec<Uuid>,
    /// The organisations of the swap where the caller approves.
    pub approver_of: Vec<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DayJson {
    pub date: NaiveDate,
    /// False on a day that is a holiday at every host.
    pub runs: bool,
    /// Per leg (index as in the swap), the holiday at its host that day, in the caller's language.
    pub holidays: Vec<Option<String>>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct BriefingSettingsJson {
    /// "08:30".
    pub time: String,
    pub minutes: u16,
    /// An https:// video link, or none.
    pub link: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BriefingJson {
    /// The day it was first planned for: it names the briefing even after a move.
    pub planned: NaiveDate,
    pub date: NaiveDate,
    pub time: String,
    pub minutes: u16,
    pub link: Option<String>,
    pub cancelled: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AppointmentJson {
    pub id: Uuid,
    pub guest_id: Uuid,
    pub title: String,
    /// `team_meeting`, `online_event`, `workshop`, `leadership_round` or `other`.
    pub kind: String,
    pub date: NaiveDate,
    pub start: String,
    pub end: String,
    pub place_or_link: String,
    pub note_for_guest: Option<String>,
    pub cancelled: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HandoverJson {
    pub author_id: Uuid,
    pub body: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeputyJson {
    pub member_id: Uuid,
    pub deputy_id: Uuid,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccessJson {
    pub guest_id: Uuid,
    pub item: String,
    pub owner_id: Uuid,
    pub state: String,
    pub due: NaiveDate,
    pub revoke_due: NaiveDate,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AdminJson {
    /// The leg's index (as in the swap).
    pub leg: usize,
    pub item: String,
    pub value: String,
    pub done: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CheckinJson {
    pub user_id: Uuid,
    pub day: NaiveDate,
    /// `ok` or `help`.
    pub status: String,
    /// Only for its author and the organisers.
    pub note: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReflectionJson {
    pub author_id: Uuid,
    pub learned: String,
    pub will_change: String,
    pub recommend: bool,
    pub free_text: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedbackJson {
    pub organisation_id: Uuid,
    pub author_id: Uuid,
    pub body: String,
}

fn hm(t: chrono::NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

impl WeekJson {
    fn of(v: WeekView, lang: domain::values::Locale) -> Self {
        Self {
            swap_id: v.swap.id.0,
            week: v.swap.week.to_string(),
            state: v.swap.state.code().to_owned(),
            open: v.open,
            viewer: ViewerJson {
                member: v.viewer.member,
                organiser: v.viewer.organiser,
                deputy_for: v.viewer.deputy_for.iter().map(|u| u.0).collect(),
                approver_of: v.viewer.approver_of.iter().map(|o| o.0).collect(),
            },
            days: v
                .plan
                .days()
                .iter()
                .map(|d| DayJson {
                    date: d.date,
                    runs: d.runs(),
                    holidays: d.holidays.iter().map(|h| h.map(|h| h.name(lang).to_owned())).collect(),
                })
                .collect(),
            briefing_settings: BriefingSettingsJson {
                time: hm(v.settings.time),
                minutes: v.settings.minutes,
                link: v.settings.link.as_ref().map(|l| l.as_str().to_owned()),
            },
            briefings: v
                .briefings
                .iter()
                .map(|b| BriefingJson {
                    planned: b.day.planned,
                    date: b.day.date,
                    time: hm(b.day.start),
                    minutes: b.day.minutes,
                    link: b.day.link.as_ref().map(|l| l.as_str().to_owned()),
                    cancelled: b.day.cancelled,
                })
                .collect(),
            appointments: v
                .appointments
                .iter()
                .map(|a| AppointmentJson {
                    id: a.id,
                    guest_id: a.guest.0,
                    title: a.appointment.title.to_string(),
                    kind: a.appointment.kind.code().to_owned(),
                    date: a.appointment.date,
                    start: hm(a.appointment.start),
                    end: hm(a.appointment.end),
                    place_or_link: a.appointment.venue.as_str().to_owned(),
                    note_for_guest: a.appointment.note_for_guest.as_ref().map(ToString::to_string),
                    cancelled: a.cancelled,
                })
                .collect(),
            handovers: v.handovers.into_iter().map(|(u, body)| HandoverJson { author_id: u.0, body }).collect(),
            deputies: v.deputies.iter().map(|(m, d)| DeputyJson { member_id: m.0, deputy_id: d.0 }).collect(),
            access: v
                .access
                .iter()
                .map(|a| AccessJson {
                    guest_id: a.guest.0,
                    item: a.item.code().to_owned(),
                    owner_id: a.owner.0,
                    state: a.state.code().to_owned(),
                    due: a.due,
                    revoke_due: a.revoke_due,
                })
                .collect(),
            admin: v
                .admin
                .into_iter()
                .map(|a| AdminJson { leg: a.leg, item: a.item.code().to_owned(), value: a.value, done: a.done })
                .collect(),
            checkins: v
                .checkins
                .into_iter()
                .map(|c| CheckinJson {
                    user_id: c.user.0,
                    day: c.day,
                    status: c.status.code().to_owned(),
                    note: c.note,
                })
                .collect(),
            reflections: v
                .reflections
                .into_iter()
                .map(|r| ReflectionJson {
                    author_id: r.author.0,
                    learned: r.reflection.learned,
                    will_change: r.reflection.will_change,
                    recommend: r.reflection.recommend,
                    free_text: r.reflection.free_text,
                })
                .collect(),
            reflections_hidden: v.reflections_hidden,
            has_reflected: v.has_reflected,
            feedback: v
                .feedback
                .into_iter()
                .map(|(o, u, body)| FeedbackJson { organisation_id: o.0, author_id: u.0, body })
                .collect(),
        }
    }
}

/// Carries out a change and answers with the week as it is now.
async fn change(app: &App, me: &Account, lang: Lang, id: SwapId, command: Command) -> HttpResult<Json<WeekJson>> {
    app::week::act(app, me, id, command).await?;
    Ok(Json(WeekJson::of(app::week::view(app, me, id).await?, lang.0)))
}

/// The week of a swap: members, their deputies, the approvers and admins of the organisations
/// concerned, and organisers. A swap whose week is not planned yet answers 409.
#[utoipa::path(get, path = "/api/swaps/{id}/week", params(("id" = Uuid, Path, description = "swap id")),
    security(("bearer" = [])), responses((status = 200, body = WeekJson)))]
async fn get_week(
    State(app): State<App>,
    lang: Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<SwapId>,
) -> HttpResult<Json<WeekJson>> {
    Ok(Json(WeekJson::of(app::week::view(&app, &me, id).await?, lang.0)))
}

/// The time, length and video link of every briefing still ahead (members).
#[utoipa::path(put, path = "/api/swaps/{id}/week/briefings", request_body = BriefingSettingsRequest,
    params(("id" = Uuid, Path, description = "swap id")), security(("bearer" = [])), responses((status = 200, body = WeekJson)))]
async fn put_briefings(
    State(app): State<App>,
    lang: Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<SwapId>,
    ApiJson(b): ApiJson<BriefingSettingsRequest>,
) -> HttpResult<Json<WeekJson>> {
    let command = Command::BriefingSettings { time: b.time, minutes: b.minutes, link: b.link };
    change(&app, &me, lang, id, command).await
}

/// The briefing settings as typed.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct BriefingSettingsRequest {
    /// "08:30".
    pub time: String,
    /// 5 to 60.
    pub minutes: String,
    /// An https:// video link, or empty.
    pub link: String,
}

/// One day's briefing to another day or time.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MoveBriefingRequest {
    /// The day the briefing was first planned for (its `planned`).
    pub planned: NaiveDate,
    /// The new day, "2027-03-16".
    #[serde(default)]
    pub date: String,
    /// The new time, "09:00".
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub link: String,
}

/// Moves one day's briefing (members); the partners get the updated calendar.
#[utoipa::path(post, path = "/api/swaps/{id}/week/briefings/move", request_body = MoveBriefingRequest,
    params(("id" = Uuid, Path, description = "swap id")), security(("bearer" = [])), responses((status = 200, body = WeekJson)))]
async fn move_briefing(
    State(app): State<App>,
    lang: Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<SwapId>,
    ApiJson(b): ApiJson<MoveBriefingRequest>,
) -> HttpResult<Json<WeekJson>> {
    let command =
        Command::MoveBriefing { planned: b.planned, date: b.date, time: b.time, minutes: b.minutes, link: b.link };
    change(&app, &me, lang, id, command).await
}

/// A briefing named by the day it was first planned for.
#[derive(Debug, Deserialize, ToSchema)]
pub struct BriefingRef {
    pub planned: NaiveDate,
}

/// Cancels one day's briefing (members).
#[utoipa::path(post, path = "/api/swaps/{id}/week/briefings/cancel", request_body = BriefingRef,
    params(("id" = Uuid, Path, description = "swap id")), security(("bearer" = [])), responses((status = 200, body = WeekJson)))]
async fn cancel_briefing(
    State(app): State<App>,
    lang: Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<SwapId>,
    ApiJson(b): ApiJson<BriefingRef>,
) -> HttpResult<Json<WeekJson>> {
    change(&app, &me, lang, id, Command::CancelBriefing { planned: b.planned }).await
}

/// An appointment of the host side for a guest.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AppointmentRequest {
    /// The guest it is for (a member of the swap).
    pub guest_id: Uuid,
    #[serde(default)]
    pub title: String,
    /// `team_meeting`, `online_event`, `workshop`, `leadership_round` or `other`.
    #[serde(default)]
    pub kind: String,
    /// "2027-03-16", within the week.
    #[serde(default)]
    pub date: String,
    /// "10:00".
    #[serde(default)]
    pub start: String,
    /// "11:00".
    #[serde(default)]
    pub end: String,
    /// A place or an https:// link.
    #[serde(default)]
    pub place_or_link: String,
    #[serde(default)]
    pub note_for_guest: String,
}

/// Adds an appointment for a guest (their host or the host's deputy); the guest gets it with
/// the calendar.
#[utoipa::path(post, path = "/api/swaps/{id}/week/appointments", request_body = AppointmentRequest,
    params(("id" = Uuid, Path, description = "swap id")), security(("bearer" = [])), responses((status = 200, body = WeekJson)))]
async fn add_appointment(
    State(app): State<App>,
    lang: Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<SwapId>,
    ApiJson(b): ApiJson<AppointmentRequest>,
) -> HttpResult<Json<WeekJson>> {
    let appointment = AppointmentInput {
        title: b.title,
        kind: b.kind,
        date: b.date,
        start: b.start,
        end: b.end,
        place_or_link: b.place_or_link,
        note_for_guest: b.note_for_guest,
    };
    change(&app, &me, lang, id, Command::AddAppointment { guest: UserId(b.guest_id), appointment }).await
}

/// Cancels an appointment (the guest's host or the host's deputy).
#[utoipa::path(delete, path = "/api/swaps/{id}/week/appointments/{appointment}",
    params(("id" = Uuid, Path, description = "swap id"), ("appointment" = Uuid, Path, description = "appointment id")),
    security(("bearer" = [])), responses((status = 200, body = WeekJson)))]
async fn cancel_appointment(
    State(app): State<App>,
    lang: Lang,
    ApiUser(me): ApiUser,
    Ids(id, appointment): Ids<SwapId, Uuid>,
) -> HttpResult<Json<WeekJson>> {
    change(&app, &me, lang, id, Command::CancelAppointment { appointment }).await
}

/// A text (handover note, feedback).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct TextRequest {
    pub body: String,
}

/// The caller's handover note for whoever takes their place (members).
#[utoipa::path(put, path = "/api/swaps/{id}/week/handover", request_body = TextRequest,
    params(("id" = Uuid, Path, description = "swap id")), security(("bearer" = [])), responses((status = 200, body = WeekJson)))]
async fn put_handover(
    State(app): State<App>,
    lang: Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<SwapId>,
    ApiJson(b): ApiJson<TextRequest>,
) -> HttpResult<Json<WeekJson>> {
    change(&app, &me, lang, id, Command::Handover { body: b.body }).await
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct DeputyRequest {
    /// The address of a colleague of the caller's organisation with an account.
    pub email: String,
}

/// Names the caller's deputy for the week (members); the deputy is told.
#[utoipa::path(put, path = "/api/swaps/{id}/week/deputy", request_body = DeputyRequest,
    params(("id" = Uuid, Path, description = "swap id")), security(("bearer" = [])), responses((status = 200, body = WeekJson)))]
async fn put_deputy(
    State(app): State<App>,
    lang: Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<SwapId>,
    ApiJson(b): ApiJson<DeputyRequest>,
) -> HttpResult<Json<WeekJson>> {
    change(&app, &me, lang, id, Command::NameDeputy { email: b.email }).await
}

/// An item of a guest's access checklist.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AccessRequest {
    pub guest_id: Uuid,
    /// `guest_account`, `badge`, `vpn`, `meeting_invitations` or `mailing_lists`.
    pub item: String,
    /// `open`, `granted`, `revoked` or `not_needed`.
    #[serde(default)]
    pub state: String,
    /// "2027-03-12".
    #[serde(default)]
    pub due: String,
    /// Another owner: an address of the host's organisation; empty keeps the owner.
    #[serde(default)]
    pub owner_email: String,
}

/// Updates an access item (the host, their deputy, or the item's owner).
#[utoipa::path(put, path = "/api/swaps/{id}/week/access", request_body = AccessRequest,
    params(("id" = Uuid, Path, description = "swap id")), security(("bearer" = [])), responses((status = 200, body = WeekJson)))]
async fn put_access(
    State(app): State<App>,
    lang: Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<SwapId>,
    ApiJson(b): ApiJson<AccessRequest>,
) -> HttpResult<Json<WeekJson>> {
    let command = Command::UpdateAccess {
        guest: UserId(b.guest_id),
        item: AccessItem::parse("item", &b.item)?,
        state: b.state,
        due: b.due,
        owner_email: b.owner_email,
    };
    change(&app, &me, lang, id, command).await
}

/// An item of a leg's administrative checklist.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AdminRequest {
    /// The leg's index (as in the swap).
    #[schema(minimum = 0, maximum = 1000)]
    pub leg: usize,
    /// `classification`, `accident_insurance`, `travel_costs`, `working_time` or `equipment`.
    pub item: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub done: bool,
}

/// Updates an administrative item (the guest, the host or their deputy, the approvers).
#[utoipa::path(put, path = "/api/swaps/{id}/week/admin", request_body = AdminRequest,
    params(("id" = Uuid, Path, description = "swap id")), security(("bearer" = [])), responses((status = 200, body = WeekJson)))]
async fn put_admin(
    State(app): State<App>,
    lang: Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<SwapId>,
    ApiJson(b): ApiJson<AdminRequest>,
) -> HttpResult<Json<WeekJson>> {
    let command =
        Command::UpdateAdmin { leg: b.leg, item: AdminItem::parse("item", &b.item)?, value: b.value, done: b.done };
    change(&app, &me, lang, id, command).await
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct CheckinRequest {
    /// `ok`, or `help` (a call for help reaches the organisers).
    pub status: String,
    /// Required with `help`.
    pub note: String,
}

/// Today's check-in of a member while the week runs.
#[utoipa::path(post, path = "/api/swaps/{id}/week/checkins", request_body = CheckinRequest,
    params(("id" = Uuid, Path, description = "swap id")), security(("bearer" = [])), responses((status = 200, body = WeekJson)))]
async fn check_in(
    State(app): State<App>,
    lang: Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<SwapId>,
    ApiJson(b): ApiJson<CheckinRequest>,
) -> HttpResult<Json<WeekJson>> {
    change(&app, &me, lang, id, Command::CheckIn { status: b.status, note: b.note }).await
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ReflectionRequest {
    pub learned: String,
    pub will_change: String,
    /// `yes` or `no`.
    pub recommend: String,
    pub free_text: String,
}

/// A member's reflection after the week (once; hidden from the partner until both wrote).
#[utoipa::path(post, path = "/api/swaps/{id}/week/reflections", request_body = ReflectionRequest,
    params(("id" = Uuid, Path, description = "swap id")), security(("bearer" = [])), responses((status = 200, body = WeekJson)))]
async fn reflect(
    State(app): State<App>,
    lang: Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<SwapId>,
    ApiJson(b): ApiJson<ReflectionRequest>,
) -> HttpResult<Json<WeekJson>> {
    let command = Command::Reflect {
        learned: b.learned,
        will_change: b.will_change,
        recommend: b.recommend,
        free_text: b.free_text,
    };
    change(&app, &me, lang, id, command).await
}

/// An approver's feedback for their organisation after the week.
#[utoipa::path(put, path = "/api/swaps/{id}/week/feedback", request_body = TextRequest,
    params(("id" = Uuid, Path, description = "swap id")), security(("bearer" = [])), responses((status = 200, body = WeekJson)))]
async fn put_feedback(
    State(app): State<App>,
    lang: Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<SwapId>,
    ApiJson(b): ApiJson<TextRequest>,
) -> HttpResult<Json<WeekJson>> {
    change(&app, &me, lang, id, Command::Feedback { body: b.body }).await
}

/// The caller's certificate of participation (PDF), once they wrote their reflection.
#[utoipa::path(get, path = "/api/swaps/{id}/certificate.pdf", params(("id" = Uuid, Path, description = "swap id")),
    security(("bearer" = [])), responses((status = 200, description = "The certificate", content_type = "application/pdf")))]
async fn certificate(
    State(app): State<App>,
    Lang(lang): Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<SwapId>,
) -> HttpResult<Response> {
    Ok(crate::respond::download(app::week::certificate(&app, &me, id, lang).await?))
}

/// An open call for help, with the address to reach the person.
#[derive(Debug, Serialize, ToSchema)]
pub struct HelpRequestJson {
    pub swap_id: Uuid,
    pub week: String,
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
    pub day: NaiveDate,
    pub note: String,
}

/// The open calls for help (network organisers).
#[utoipa::path(get, path = "/api/help-requests", security(("bearer" = [])), responses((status = 200, body = Vec<HelpRequestJson>)))]
async fn help_requests(State(app): State<App>, ApiUser(me): ApiUser) -> HttpResult<Json<Vec<HelpRequestJson>>> {
    let rows = app::week::help_requests(&app, &me).await?;
    Ok(Json(
        rows.into_iter()
            .map(|h| HelpRequestJson {
                swap_id: h.swap.id.0,
                week: h.swap.week.to_string(),
                user_id: h.user.0,
                name: h.name,
                email: h.email,
                day: h.day,
                note: h.note,
            })
            .collect(),
    ))
}

/// A call for help, named by its swap, person and day.
#[derive(Debug, Deserialize, ToSchema)]
pub struct HelpRef {
    pub swap_id: Uuid,
    pub user_id: Uuid,
    pub day: NaiveDate,
}

/// Marks a call for help dealt with (network organisers).
#[utoipa::path(post, path = "/api/help-requests/resolve", request_body = HelpRef, security(("bearer" = [])),
    responses((status = 204)))]
async fn resolve_help(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    ApiJson(b): ApiJson<HelpRef>,
) -> HttpResult<StatusCode> {
    app::week::resolve_help(&app, &me, SwapId(b.swap_id), UserId(b.user_id), b.day).await?;
    Ok(StatusCode::NO_CONTENT)
}
