//! Matching rounds (network organisers only).

use super::common::Created;
use crate::error::HttpResult;
use crate::extract::{ApiJson, ApiUser, Id};
use app::App;
use app::rounds::{Round, RoundInput};
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use domain::RoundId;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use uuid::Uuid;

pub fn routes() -> Router<App> {
    Router::new().route("/rounds", get(list_rounds).post(start_round)).route("/rounds/{id}", get(get_round))
}

#[derive(OpenApi)]
#[openapi(paths(start_round, list_rounds, get_round))]
pub struct Doc;

/// A round to start.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct RoundRequest {
    /// First week, such as `2027-W10`.
    pub from: String,
    /// Last week (inclusive).
    pub to: String,
    /// `2` for pairs only, `3` for pairs and rings of three.
    pub max_cycle: String,
    /// Seconds the engine may search, 1 to 600 (default 60).
    pub time_limit: String,
}

/// A matching round: its period, state and, once finished, its figures.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoundJson {
    pub id: Uuid,
    pub first_week: String,
    pub last_week: String,
    pub max_cycle: usize,
    pub time_limit_seconds: u64,
    /// `queued`, `running`, `finished` or `failed`.
    pub state: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub finished_at: Option<chrono::DateTime<chrono::Utc>>,
    pub figures: Option<RoundFiguresJson>,
}

/// What a finished round found; `bound_people` is a proven upper bound on people matched.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoundFiguresJson {
    pub candidates: usize,
    pub edges: usize,
    pub people_matched: usize,
    pub pairs: usize,
    pub rings: usize,
    pub weight: i64,
    pub bound_people: usize,
    pub bound_weight: i64,
    pub optimal: bool,
    pub milliseconds: u64,
}

impl From<Round> for RoundJson {
    fn from(r: Round) -> Self {
        Self {
            id: r.id.0,
            first_week: r.first_week.to_string(),
            last_week: r.last_week.to_string(),
            max_cycle: r.max_cycle,
            time_limit_seconds: r.time_limit_seconds,
            state: r.state.code().to_owned(),
            created_at: r.created_at,
            finished_at: r.finished_at,
            figures: r.figures.map(|f| RoundFiguresJson {
                candidates: f.candidates,
                edges: f.edges,
                people_matched: f.people_matched,
                pairs: f.pairs,
                rings: f.rings,
                weight: f.weight,
                bound_people: f.bound_people,
                bound_weight: f.bound_weight,
                optimal: f.optimal,
                milliseconds: f.milliseconds,
            }),
        }
    }
}

/// Starts a matching round over everyone open to a swap. It runs in the background; follow it
/// with `GET /api/rounds/{id}`.
#[utoipa::path(post, path = "/api/rounds", request_body = RoundRequest, security(("bearer" = [])),
    responses((status = 202, body = Created)))]
async fn start_round(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<RoundRequest>,
) -> HttpResult<(StatusCode, Json<Created>)> {
    let input = RoundInput { from: body.from, to: body.to, max_cycle: body.max_cycle, time_limit: body.time_limit };
    let id = app::rounds::start(&app, &me.actor(), &input).await?;
    Ok((StatusCode::ACCEPTED, Json(Created { id: id.0 })))
}

/// The matching rounds, newest first.
#[utoipa::path(get, path = "/api/rounds", security(("bearer" = [])), responses((status = 200, body = Vec<RoundJson>)))]
async fn list_rounds(State(app): State<App>, ApiUser(me): ApiUser) -> HttpResult<Json<Vec<RoundJson>>> {
    Ok(Json(app::rounds::list(&app, &me.actor()).await?.into_iter().map(Into::into).collect()))
}

/// One matching round with its figures once finished.
#[utoipa::path(get, path = "/api/rounds/{id}", params(("id" = Uuid, Path, description = "round id")),
    security(("bearer" = [])), responses((status = 200, body = RoundJson)))]
async fn get_round(State(app): State<App>, ApiUser(me): ApiUser, Id(id): Id<RoundId>) -> HttpResult<Json<RoundJson>> {
    Ok(Json(app::rounds::get(&app, &me.actor(), id).await?.0.into()))
}
