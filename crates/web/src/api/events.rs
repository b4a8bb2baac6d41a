//! Events and after-work meetups: the list and one event, registering and withdrawing, and for
//! an event's organisers its creation, changes, cancellation, the list of registrations (with
//! addresses), attendance and the Tauschrunden.

use super::common::{Created, Status};
use crate::error::HttpResult;
use crate::extract::{ApiJson, ApiUser, Id, Lang};
use app::App;
use app::events::{AttendeeCard, Event, EventInput, EventView, MyRound, Registrant, RoundView, Standing};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use domain::UserId;
use domain::event::EventId;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use uuid::Uuid;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/events", get(list_events).post(create_event))
        .route("/events/{id}", get(get_event).put(update_event))
        .route("/events/{id}/cancel", post(cancel_event))
        .route("/events/{id}/registration", post(register).delete(unregister))
        .route("/events/{id}/registrations", get(list_registrations))
        .route("/events/{id}/registrations.csv", get(registrations_csv))
        .route("/events/{id}/attendance", put(put_attendance))
        .route("/events/{id}/rounds", get(list_rounds).post(draw_round))
}

#[derive(OpenApi)]
#[openapi(paths(
    list_events,
    create_event,
    get_event,
    update_event,
    cancel_event,
    register,
    unregister,
    list_registrations,
    registrations_csv,
    put_attendance,
    list_rounds,
    draw_round
))]
pub struct Doc;

/// An event as listed.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventJson {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub online: bool,
    /// Where it takes place in person; none for an online event.
    pub place: Option<String>,
    pub capacity: i64,
    pub registered: i64,
    pub waiting: i64,
    pub registration_deadline: DateTime<Utc>,
    /// Visible without signing in.
    pub public: bool,
    /// The hosting organisation; none for an event of the whole network.
    pub organisation: Option<String>,
    pub cancelled: bool,
    /// Raised on every change; send it back with a change (`PUT`).
    pub sequence: i64,
    /// The event's page.
    pub path: String,
}

impl From<&Event> for EventJson {
    fn from(e: &Event) -> Self {
        Self {
            id: e.id.0,
            title: e.draft.title.clone(),
            description: e.draft.description.clone(),
            starts_at: e.draft.starts_at,
            ends_at: e.draft.ends_at,
            online: e.draft.venue.is_online(),
            place: e.draft.venue.place().map(str::to_owned),
            capacity: e.draft.capacity,
            registered: e.registered,
            waiting: e.waiting,
            registration_deadline: e.draft.registration_deadline,
            public: e.draft.public,
            organisation: e.org_name.clone(),
            cancelled: e.cancelled_at.is_some(),
            sequence: e.sequence,
            path: app::events::path(e.id),
        }
    }
}

/// Another attendee, from their profile as far as the caller may see it (never an address).
#[derive(Debug, Serialize, ToSchema)]
pub struct AttendeeJson {
    pub user: Uuid,
    pub name: String,
    pub organisation: String,
    pub role_title: Option<String>,
    pub topics: Vec<String>,
    pub wants_to_learn: Vec<String>,
    pub open_to_swap: bool,
    /// Whether the caller can propose a swap to them (`POST /api/swaps`).
    pub can_propose: bool,
}

impl From<&AttendeeCard> for AttendeeJson {
    fn from(c: &AttendeeCard) -> Self {
        Self {
            user: c.user.0,
            name: c.name.clone(),
            organisation: c.org_name.clone(),
            role_title: c.role_title.clone(),
            topics: c.topics.clone(),
            wants_to_learn: c.wants_to_learn.clone(),
            open_to_swap: c.open_to_swap,
            can_propose: c.can_propose,
        }
    }
}

/// One of the caller's Tauschrunden: whom they meet.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyRoundJson {
    pub number: i64,
    pub partners: Vec<AttendeeJson>,
}

impl From<&MyRound> for MyRoundJson {
    fn from(r: &MyRound) -> Self {
        Self { number: r.number, partners: r.partners.iter().map(Into::into).collect() }
    }
}

/// One event as the caller sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventDetailJson {
    #[serde(flatten)]
    pub event: EventJson,
    /// `none`, `registered` or `waiting`.
    pub standing: String,
    /// The caller's place on the waiting list (1 = next).
    pub waiting_rank: Option<i64>,
    /// Whether the caller runs the event.
    pub organiser: bool,
    /// The video link of an online event: for those with a place and the organisers only.
    pub video_link: Option<String>,
    pub registration_open: bool,
    /// Attendees open to a swap (for attendees and organisers).
    pub open_to_swap: Vec<AttendeeJson>,
    pub my_rounds: Vec<MyRoundJson>,
}

impl From<&EventView> for EventDetailJson {
    fn from(v: &EventView) -> Self {
        let (standing, waiting_rank) = standing(v.standing);
        Self {
            event: (&v.event).into(),
            standing,
            waiting_rank,
            organiser: v.manage,
            video_link: v.video_link.clone(),
            registration_open: v.open,
            open_to_swap: v.open_to_swap.iter().map(Into::into).collect(),
            my_rounds: v.my_rounds.iter().map(Into::into).collect(),
        }
    }
}

fn standing(s: Standing) -> (String, Option<i64>) {
    match s {
        Standing::None => ("none".into(), None),
        Standing::Registered => ("registered".into(), None),
        Standing::Waiting(rank) => ("waiting".into(), Some(rank)),
    }
}

/// The events the caller may see: those not ended yet, the soonest first.
#[utoipa::path(get, path = "/api/events", security(("bearer" = [])), responses((status = 200, body = Vec<EventJson>)))]
async fn list_events(State(app): State<App>, ApiUser(me): ApiUser) -> HttpResult<Json<Vec<EventJson>>> {
    Ok(Json(app::events::list(&app, Some(&me)).await?.upcoming.iter().map(Into::into).collect()))
}

/// One event, with where the caller stands.
#[utoipa::path(get, path = "/api/events/{id}", params(("id" = Uuid, Path, description = "event id")),
    security(("bearer" = [])), responses((status = 200, body = EventDetailJson)))]
async fn get_event(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<EventId>,
) -> HttpResult<Json<EventDetailJson>> {
    Ok(Json((&app::events::view(&app, Some(&me), id).await?).into()))
}

/// An event as sent: dates as `2027-01-19`, times as `18:30`, Europe/Berlin.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct EventRequest {
    /// Field errors name the fields as here (`event_title`, ...).
    #[serde(alias = "title")]
    pub event_title: String,
    #[serde(alias = "description")]
    pub event_description: String,
    pub start_date: String,
    pub start_time: String,
    /// Empty: the day it starts.
    pub end_date: String,
    pub end_time: String,
    /// `online` or `in_person`.
    pub format: String,
    /// For an event in person.
    #[serde(alias = "place")]
    pub event_place: String,
    /// For an online event (`https://`).
    pub video_link: String,
    /// 1 to 10000.
    pub capacity: String,
    /// Empty: registration is open until the start.
    pub deadline_date: String,
    /// Empty with a date: until 23:59.
    pub deadline_time: String,
    /// `public` or `members`.
    pub visibility: String,
    /// For a change: the sequence the change is based on.
    pub sequence: i64,
}

impl EventRequest {
    fn input(&self) -> EventInput {
        EventInput {
            title: self.event_title.clone(),
            description: self.event_description.clone(),
            start_date: self.start_date.clone(),
            start_time: self.start_time.clone(),
            end_date: self.end_date.clone(),
            end_time: self.end_time.clone(),
            format: self.format.clone(),
            place: self.event_place.clone(),
            video_link: self.video_link.clone(),
            capacity: self.capacity.clone(),
            deadline_date: self.deadline_date.clone(),
            deadline_time: self.deadline_time.clone(),
            visibility: self.visibility.clone(),
        }
    }
}

/// Announces an event (network organisers; organisation admins for their organisation).
#[utoipa::path(post, path = "/api/events", request_body = EventRequest, security(("bearer" = [])),
    responses((status = 201, body = Created)))]
async fn create_event(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<EventRequest>,
) -> HttpResult<(StatusCode, Json<Created>)> {
    let id = app::events::create(&app, &me, &body.input()).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.0 })))
}

/// Changes an event (its organisers); `sequence` must be the event's current one. Everyone
/// registered gets a mail with the new calendar.
#[utoipa::path(put, path = "/api/events/{id}", params(("id" = Uuid, Path, description = "event id")),
    request_body = EventRequest, security(("bearer" = [])), responses((status = 200, body = Status)))]
async fn update_event(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<EventId>,
    ApiJson(body): ApiJson<EventRequest>,
) -> HttpResult<Json<Status>> {
    app::events::update(&app, &me, id, body.sequence, &body.input()).await?;
    Ok(Status::of("updated"))
}

/// Cancels an event (its organisers); everyone registered is told.
#[utoipa::path(post, path = "/api/events/{id}/cancel", params(("id" = Uuid, Path, description = "event id")),
    security(("bearer" = [])), responses((status = 200, body = Status)))]
async fn cancel_event(State(app): State<App>, ApiUser(me): ApiUser, Id(id): Id<EventId>) -> HttpResult<Json<Status>> {
    app::events::cancel(&app, &me, id).await?;
    Ok(Status::of("cancelled"))
}

/// Where the caller stands after registering.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationJson {
    /// `registered` or `waiting`.
    pub standing: String,
    pub waiting_rank: Option<i64>,
}

/// Registers the caller: a place while there is one, the waiting list after that.
#[utoipa::path(post, path = "/api/events/{id}/registration", params(("id" = Uuid, Path, description = "event id")),
    security(("bearer" = [])), responses((status = 201, body = RegistrationJson)))]
async fn register(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<EventId>,
) -> HttpResult<(StatusCode, Json<RegistrationJson>)> {
    let (standing, waiting_rank) = standing(app::events::register(&app, &me, id).await?);
    Ok((StatusCode::CREATED, Json(RegistrationJson { standing, waiting_rank })))
}

/// Withdraws the caller's registration; a freed place goes to the next on the waiting list.
#[utoipa::path(delete, path = "/api/events/{id}/registration", params(("id" = Uuid, Path, description = "event id")),
    security(("bearer" = [])), responses((status = 200, body = Status)))]
async fn unregister(State(app): State<App>, ApiUser(me): ApiUser, Id(id): Id<EventId>) -> HttpResult<Json<Status>> {
    app::events::unregister(&app, &me, id).await?;
    Ok(Status::of("withdrawn"))
}

/// A registration as the organisers see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrantJson {
    pub user: Uuid,
    pub name: String,
    pub organisation: Option<String>,
    /// For the organisers, to reach the attendees.
    pub email: String,
    /// `registered` or `waiting`.
    pub status: String,
    pub registered_at: DateTime<Utc>,
    /// Present, absent, or not marked.
    pub attended: Option<bool>,
}

impl From<&Registrant> for RegistrantJson {
    fn from(r: &Registrant) -> Self {
        Self {
            user: r.contact.id.0,
            name: r.contact.name.clone(),
            organisation: r.org_name.clone(),
            email: r.contact.email.clone(),
            status: r.status.clone(),
            registered_at: r.registered_at,
            attended: r.attended,
        }
    }
}

/// Everyone registered, places first (the event's organisers only).
#[utoipa::path(get, path = "/api/events/{id}/registrations", params(("id" = Uuid, Path, description = "event id")),
    security(("bearer" = [])), responses((status = 200, body = Vec<RegistrantJson>)))]
async fn list_registrations(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<EventId>,
) -> HttpResult<Json<Vec<RegistrantJson>>> {
    let (_, people) = app::events::registrations(&app, &me, id).await?;
    Ok(Json(people.iter().map(Into::into).collect()))
}

/// The registrations as CSV (the event's organisers only; cells neutralised against formulas).
#[utoipa::path(get, path = "/api/events/{id}/registrations.csv", params(("id" = Uuid, Path, description = "event id")),
    security(("bearer" = [])), responses((status = 200, description = "The registrations", content_type = "text/csv")))]
async fn registrations_csv(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Lang(lang): Lang,
    Id(id): Id<EventId>,
) -> HttpResult<Response> {
    Ok(crate::respond::download(app::events::registrations_csv(&app, &me, id, lang).await?))
}

/// Who was present.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct AttendanceRequest {
    /// The people with a place who were present; everyone else with a place counts as absent.
    pub present: Vec<Uuid>,
}

/// Marks attendance (the event's organisers).
#[utoipa::path(put, path = "/api/events/{id}/attendance", params(("id" = Uuid, Path, description = "event id")),
    request_body = AttendanceRequest, security(("bearer" = [])), responses((status = 200, body = Status)))]
async fn put_attendance(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<EventId>,
    ApiJson(body): ApiJson<AttendanceRequest>,
) -> HttpResult<Json<Status>> {
    let present: Vec<UserId> = body.present.into_iter().map(UserId).collect();
    app::events::set_attendance(&app, &me, id, &present).await?;
    Ok(Status::of("saved"))
}

/// One member of a group of a Tauschrunde.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupMemberJson {
    pub user: Uuid,
    pub name: String,
    pub organisation: String,
}

/// A Tauschrunde with its groups.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventRoundJson {
    pub number: i64,
    pub drawn_at: DateTime<Utc>,
    pub groups: Vec<Vec<GroupMemberJson>>,
}

impl From<&RoundView> for EventRoundJson {
    fn from(r: &RoundView) -> Self {
        Self {
            number: r.number,
            drawn_at: r.drawn_at,
            groups: r
                .groups
                .iter()
                .map(|g| {
                    g.iter()
                        .map(|(u, name, org)| GroupMemberJson {
                            user: u.0,
                            name: name.clone(),
                            organisation: org.clone(),
                        })
                        .collect()
                })
                .collect(),
        }
    }
}

/// The Tauschrunden drawn so far (the event's organisers; attendees see their own in the event).
#[utoipa::path(get, path = "/api/events/{id}/rounds", params(("id" = Uuid, Path, description = "event id")),
    security(("bearer" = [])), responses((status = 200, body = Vec<EventRoundJson>)))]
async fn list_rounds(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<EventId>,
) -> HttpResult<Json<Vec<EventRoundJson>>> {
    Ok(Json(app::events::rounds(&app, &me, id).await?.iter().map(Into::into).collect()))
}

/// The number of the round just drawn.
#[derive(Debug, Serialize, ToSchema)]
pub struct DrawnJson {
    pub number: i64,
}

/// Draws the next Tauschrunde: pairs (a three for an odd count) of attendees from different
/// organisations who have not met in an earlier round, where possible.
#[utoipa::path(post, path = "/api/events/{id}/rounds", params(("id" = Uuid, Path, description = "event id")),
    security(("bearer" = [])), responses((status = 201, body = DrawnJson)))]
async fn draw_round(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<EventId>,
) -> HttpResult<(StatusCode, Json<DrawnJson>)> {
    let number = app::events::draw_round(&app, &me, id).await?;
    Ok((StatusCode::CREATED, Json(DrawnJson { number })))
}
