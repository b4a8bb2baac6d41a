//! The caller's inbox.

use crate::error::HttpResult;
use crate::extract::ApiUser;
use app::App;
use app::notify::Notification;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};
use uuid::Uuid;

pub fn routes() -> Router<App> {
    Router::new().route("/inbox", get(inbox)).route("/inbox/read", axum::routing::post(mark_read))
}

#[derive(OpenApi)]
#[openapi(paths(inbox, mark_read))]
pub struct Doc;

/// A message of the in-app inbox.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationJson {
    pub id: Uuid,
    pub swap_id: Option<Uuid>,
    pub kind: String,
    pub text: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub read: bool,
}

impl From<Notification> for NotificationJson {
    fn from(n: Notification) -> Self {
        Self {
            id: n.id,
            swap_id: n.swap_id,
            kind: n.kind,
            text: n.text,
            created_at: n.created_at,
            read: n.read_at.is_some(),
        }
    }
}

/// The caller's inbox, newest first.
#[utoipa::path(get, path = "/api/inbox", security(("bearer" = [])), responses((status = 200, body = Vec<NotificationJson>)))]
async fn inbox(State(app): State<App>, ApiUser(me): ApiUser) -> HttpResult<Json<Vec<NotificationJson>>> {
    Ok(Json(app::notify::inbox(&app, &me).await?.into_iter().map(Into::into).collect()))
}

/// Marks every message of the caller's inbox read.
#[utoipa::path(post, path = "/api/inbox/read", security(("bearer" = [])), responses((status = 204)))]
async fn mark_read(State(app): State<App>, ApiUser(me): ApiUser) -> HttpResult<StatusCode> {
    app::notify::mark_read(&app, &me).await?;
    Ok(StatusCode::NO_CONTENT)
}
