//! Calendars: the caller's private feed (made, renewed, revoked; its address is shown once,
//! when it is made) and one swap's `.ics`.

use crate::error::HttpResult;
use crate::extract::{ApiUser, Id, Lang};
use app::App;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use domain::SwapId;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<App> {
    Router::new()
        .route("/calendar/feed", get(get_feed).post(create_feed).delete(revoke_feed))
        .route("/swaps/{id}/calendar.ics", get(swap_calendar))
}

#[derive(OpenApi)]
#[openapi(paths(get_feed, create_feed, revoke_feed, swap_calendar))]
pub struct Doc;

/// The caller's feed as it stands; its address is not kept and cannot be shown again.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeedJson {
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A feed just made: subscribe to `url` in any calendar program. Shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewFeedJson {
    pub url: String,
}

/// The caller's feed, if they made one (404 otherwise).
#[utoipa::path(get, path = "/api/calendar/feed", security(("bearer" = [])), responses((status = 200, body = FeedJson)))]
async fn get_feed(State(app): State<App>, ApiUser(me): ApiUser) -> HttpResult<Json<FeedJson>> {
    let feed = app::feeds::of(&app, &me).await?.ok_or(app::Error::NotFound)?;
    Ok(Json(FeedJson { created_at: feed.created_at, last_used_at: feed.last_used_at }))
}

/// Makes the caller's feed, or renews it: the previous address stops working.
#[utoipa::path(post, path = "/api/calendar/feed", security(("bearer" = [])), responses((status = 201, body = NewFeedJson)))]
async fn create_feed(State(app): State<App>, ApiUser(me): ApiUser) -> HttpResult<(StatusCode, Json<NewFeedJson>)> {
    let feed = app::feeds::create(&app, &me).await?;
    Ok((StatusCode::CREATED, Json(NewFeedJson { url: feed.url })))
}

/// Revokes the caller's feed; its address stops working (404 if there was none).
#[utoipa::path(delete, path = "/api/calendar/feed", security(("bearer" = [])), responses((status = 204)))]
async fn revoke_feed(State(app): State<App>, ApiUser(me): ApiUser) -> HttpResult<StatusCode> {
    if app::feeds::revoke(&app, &me).await? { Ok(StatusCode::NO_CONTENT) } else { Err(app::Error::NotFound.into()) }
}

/// One swap's calendar (its members, once the week is planned).
#[utoipa::path(get, path = "/api/swaps/{id}/calendar.ics", params(("id" = Uuid, Path, description = "swap id")),
    security(("bearer" = [])), responses((status = 200, description = "The calendar", content_type = "text/calendar")))]
async fn swap_calendar(
    State(app): State<App>,
    Lang(lang): Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<SwapId>,
) -> HttpResult<Response> {
    Ok(crate::respond::download(app::feeds::swap_download(&app, &me, id, lang).await?))
}
