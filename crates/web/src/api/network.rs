//! The network's growth: the public list of members and the framework agreement (no token), an
//! employer's application to join (no token: its applicant confirms by mail), the organisers'
//! review of the applications and their framework agreement, and what an organisation shows in
//! public.

use super::common::Status;
use super::orgs::VersionJson;
use super::week::TextRequest;
use crate::error::HttpResult;
use crate::extract::{ApiJson, ApiUser, Id, Lang};
use app::App;
use app::network::{Application, ApplicationFields, Framework, NetworkFilter, PublicMember};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use domain::OrgId;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};
use uuid::Uuid;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/network", get(network))
        .route("/framework", get(framework).post(add_framework))
        .route("/applications", get(applications).post(apply))
        .route("/applications/{id}", get(application))
        .route("/applications/{id}/questions", post(ask))
        .route("/applications/{id}/approval", post(approve))
        .route("/applications/{id}/refusal", post(refuse))
        .route("/organisations/{id}/public", get(get_public).put(put_public))
}

#[derive(OpenApi)]
#[openapi(paths(
    network,
    framework,
    add_framework,
    apply,
    applications,
    application,
    ask,
    approve,
    refuse,
    get_public,
    put_public
))]
pub struct Doc;

/// A member organisation as anyone sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkMemberJson {
    pub id: String,
    pub name: String,
    /// `city`, `district`, `it_service_provider`, `association`, `state_agency`, ...
    pub kind: String,
    /// Federal state code such as `NW`.
    pub region: String,
    /// The id of its umbrella association, if it names one.
    pub umbrella: Option<String>,
    pub member_since: DateTime<Utc>,
    /// Its seat and coordinate (degrees), if it shows itself on the map.
    pub place: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Its completed swaps, if it shows them.
    pub completed_swaps: Option<i64>,
}

impl NetworkMemberJson {
    fn of(m: PublicMember) -> Self {
        Self {
            id: m.id.to_string(),
            name: m.name,
            kind: m.kind.code().into(),
            region: m.region.code().into(),
            umbrella: m.parent.map(|p| p.to_string()),
            member_since: m.since,
            place: m.place,
            latitude: m.point.map(|p| f64::from(p.lat_e6) / 1e6),
            longitude: m.point.map(|p| f64::from(p.lon_e6) / 1e6),
            completed_swaps: m.swaps,
        }
    }
}

/// The network in public.
#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkJson {
    /// The members shown (after the filter).
    pub members: Vec<NetworkMemberJson>,
    /// How many organisations show themselves in public, in all.
    pub listed: usize,
    /// The swaps of the whole network that are completed (fewer than five are not said).
    pub completed_swaps: super::figures::FigureCountJson,
    /// The next public events, soonest first.
    pub events: Vec<NetworkEventJson>,
}

/// A coming public event, as the network page names it.
#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkEventJson {
    pub id: String,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub online: bool,
    /// Where it takes place in person.
    pub place: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct NetworkQuery {
    /// Only organisations of this kind.
    pub kind: String,
    /// Only organisations in this federal state (`NW`).
    pub region: String,
    /// Only members of this umbrella association (its id).
    pub umbrella: String,
}

/// How many coming events the network names.
const NEXT_EVENTS: i64 = 5;

/// The organisations that show themselves in public, the network's completed swaps and its next
/// public events.
#[utoipa::path(get, path = "/api/network", params(NetworkQuery), responses((status = 200, body = NetworkJson)))]
async fn network(State(app): State<App>, Query(q): Query<NetworkQuery>) -> HttpResult<Json<NetworkJson>> {
    let filter = NetworkFilter::parse(&q.kind, &q.region, &q.umbrella)?;
    let n = app::network::public_network(&app, &filter).await?;
    let events = app::events::upcoming_public(&app, NEXT_EVENTS).await?;
    Ok(Json(NetworkJson {
        members: n.members.into_iter().map(NetworkMemberJson::of).collect(),
        listed: n.listed,
        completed_swaps: n.completed_swaps.into(),
        events: events
            .into_iter()
            .map(|e| NetworkEventJson {
                id: e.id.to_string(),
                title: e.title,
                starts_at: e.starts_at,
                ends_at: e.ends_at,
                online: e.online,
                place: e.place,
            })
            .collect(),
    }))
}

/// A version of the framework agreement.
#[derive(Debug, Serialize, ToSchema)]
pub struct FrameworkJson {
    pub version: i64,
    pub title: String,
    /// Paragraphs separated by blank lines (German, the binding text).
    pub body: String,
    pub published_at: DateTime<Utc>,
}

impl FrameworkJson {
    fn of(f: Framework) -> Self {
        Self { version: f.version, title: f.title, body: f.body, published_at: f.created_at }
    }
}

/// The framework agreement applicants accept now.
#[utoipa::path(get, path = "/api/framework", responses((status = 200, body = FrameworkJson)))]
async fn framework(State(app): State<App>) -> HttpResult<Json<FrameworkJson>> {
    Ok(Json(FrameworkJson::of(app::network::framework(&app).await?)))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct FrameworkRequest {
    pub title: String,
    /// Paragraphs separated by blank lines.
    pub body: String,
}

/// Publishes a new version of the framework agreement (organisers).
#[utoipa::path(post, path = "/api/framework", request_body = FrameworkRequest, security(("bearer" = [])),
    responses((status = 201, body = VersionJson)))]
async fn add_framework(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    ApiJson(r): ApiJson<FrameworkRequest>,
) -> HttpResult<(StatusCode, Json<VersionJson>)> {
    let version = app::network::add_framework(&app, &me.actor(), &r.title, &r.body).await?;
    Ok((StatusCode::CREATED, Json(VersionJson { version })))
}

/// An employer's application to join, as sent.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ApplicationRequest {
    pub name: String,
    pub kind: String,
    pub region: String,
    /// The id of the umbrella association, or empty.
    pub umbrella: String,
    /// E-mail domains, separated by commas.
    pub domains: String,
    /// The seat: a German place name or postcode.
    pub place: String,
    pub public_listed: bool,
    pub public_map: bool,
    pub admin_name: String,
    pub admin_email: String,
    /// The version of the framework agreement accepted (`GET /api/framework`).
    pub framework_version: i64,
    pub accept_framework: bool,
}

/// Applies for an organisation to join. The first admin's address gets a link that confirms it;
/// only then does the application reach the organisers.
#[utoipa::path(post, path = "/api/applications", request_body = ApplicationRequest,
    responses((status = 202, body = Status)))]
async fn apply(
    State(app): State<App>,
    Lang(lang): Lang,
    ApiJson(r): ApiJson<ApplicationRequest>,
) -> HttpResult<(StatusCode, Json<Status>)> {
    let fields = ApplicationFields {
        name: r.name,
        kind: r.kind,
        region: r.region,
        parent: r.umbrella,
        domains: r.domains,
        place: r.place,
        public_listed: r.public_listed,
        public_map: r.public_map,
        admin_name: r.admin_name,
        admin_email: r.admin_email,
        framework_version: r.framework_version.to_string(),
        accept_framework: r.accept_framework,
    };
    app::network::apply(&app, lang, &fields).await?;
    Ok((StatusCode::ACCEPTED, Status::of("confirmation-sent")))
}

/// An application as the organisers review it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApplicationJson {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub region: String,
    pub umbrella: Option<String>,
    pub domains: Vec<String>,
    pub place: Option<String>,
    pub public_listed: bool,
    pub public_map: bool,
    pub admin_name: String,
    pub admin_email: String,
    pub framework_version: i64,
    /// `submitted`, `question`, `approved` or `refused`.
    pub state: String,
    pub received_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub refusal_reason: Option<String>,
    /// The organisation made of it.
    pub organisation: Option<String>,
}

impl ApplicationJson {
    fn of(a: Application) -> Self {
        Self {
            id: a.id.to_string(),
            name: a.name,
            kind: a.kind.code().into(),
            region: a.region.code().into(),
            umbrella: a.parent.map(|p| p.to_string()),
            domains: a.domains,
            place: a.place,
            public_listed: a.visibility.listed,
            public_map: a.visibility.map,
            admin_name: a.admin_name,
            admin_email: a.admin_email,
            framework_version: a.framework_version,
            state: a.state.code().into(),
            received_at: a.created_at,
            decided_at: a.decided_at,
            refusal_reason: a.refusal_reason,
            organisation: a.org_id.map(|o| o.to_string()),
        }
    }
}

/// Every confirmed application, open ones first (organisers).
#[utoipa::path(get, path = "/api/applications", security(("bearer" = [])),
    responses((status = 200, body = Vec<ApplicationJson>)))]
async fn applications(State(app): State<App>, ApiUser(me): ApiUser) -> HttpResult<Json<Vec<ApplicationJson>>> {
    let all = app::network::queue(&app, &me.actor()).await?;
    Ok(Json(all.into_iter().map(ApplicationJson::of).collect()))
}

/// A question or an answer of an application's exchange.
#[derive(Debug, Serialize, ToSchema)]
pub struct MessageJson {
    pub at: DateTime<Utc>,
    pub from_applicant: bool,
    pub author: Option<String>,
    pub text: String,
}

/// An application with its questions and answers, and what stands against its approval now.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewJson {
    pub application: ApplicationJson,
    pub messages: Vec<MessageJson>,
    /// Domains another organisation holds by now.
    pub domains_held: Vec<String>,
    pub name_taken: bool,
}

/// One application (organisers).
#[utoipa::path(get, path = "/api/applications/{id}", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = ReviewJson)))]
async fn application(State(app): State<App>, ApiUser(me): ApiUser, Id(id): Id<Uuid>) -> HttpResult<Json<ReviewJson>> {
    let r = app::network::review(&app, &me.actor(), id).await?;
    Ok(Json(ReviewJson {
        application: ApplicationJson::of(r.application),
        messages: r
            .messages
            .into_iter()
            .map(|m| MessageJson { at: m.at, from_applicant: m.from_applicant, author: m.author, text: m.body })
            .collect(),
        domains_held: r.held_domains,
        name_taken: r.name_taken,
    }))
}

/// Asks the applicant a question; they answer through the link the mail brings (organisers).
#[utoipa::path(post, path = "/api/applications/{id}/questions", params(("id" = String, Path)),
    request_body = TextRequest, security(("bearer" = [])), responses((status = 204)))]
async fn ask(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<Uuid>,
    ApiJson(r): ApiJson<TextRequest>,
) -> HttpResult<StatusCode> {
    app::network::ask(&app, &me.actor(), id, &r.body).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApprovedJson {
    /// The new organisation's id.
    pub organisation: String,
}

/// Approves an application: the organisation is created, its first admin invited (organisers).
#[utoipa::path(post, path = "/api/applications/{id}/approval", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 201, body = ApprovedJson)))]
async fn approve(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<Uuid>,
) -> HttpResult<(StatusCode, Json<ApprovedJson>)> {
    let org = app::network::approve(&app, &me.actor(), id).await?;
    Ok((StatusCode::CREATED, Json(ApprovedJson { organisation: org.to_string() })))
}

/// Refuses an application with a reason the applicant reads (organisers).
#[utoipa::path(post, path = "/api/applications/{id}/refusal", params(("id" = String, Path)),
    request_body = TextRequest, security(("bearer" = [])), responses((status = 204)))]
async fn refuse(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<Uuid>,
    ApiJson(r): ApiJson<TextRequest>,
) -> HttpResult<StatusCode> {
    app::network::refuse(&app, &me.actor(), id, &r.body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What an organisation shows in public. The map and the swaps need the entry.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct PublicJson {
    pub listed: bool,
    pub map: bool,
    pub swaps: bool,
}

/// What the organisation shows in public (its admins and organisers).
#[utoipa::path(get, path = "/api/organisations/{id}/public", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = PublicJson)))]
async fn get_public(State(app): State<App>, ApiUser(me): ApiUser, Id(id): Id<OrgId>) -> HttpResult<Json<PublicJson>> {
    let v = app::network::visibility(&app, &me.actor(), id).await?;
    Ok(Json(PublicJson { listed: v.listed, map: v.map, swaps: v.swaps }))
}

/// Sets what the organisation shows in public (its admins and organisers).
#[utoipa::path(put, path = "/api/organisations/{id}/public", params(("id" = String, Path)), request_body = PublicJson,
    security(("bearer" = [])), responses((status = 204)))]
async fn put_public(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<OrgId>,
    ApiJson(r): ApiJson<PublicJson>,
) -> HttpResult<StatusCode> {
    app::network::set_visibility(&app, &me.actor(), id, r.listed, r.map, r.swaps).await?;
    Ok(StatusCode::NO_CONTENT)
}
