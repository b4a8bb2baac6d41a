//! Personal API tokens of the caller.

use super::common::Created;
use crate::error::HttpResult;
use crate::extract::{ApiJson, ApiUser, Id, Lang};
use app::App;
use app::tokens::ApiToken;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use domain::TokenId;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use uuid::Uuid;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/tokens", get(list_tokens).post(create_token))
        .route("/tokens/{id}", axum::routing::delete(delete_token))
        .route("/login", axum::routing::post(login))
}

#[derive(OpenApi)]
#[openapi(paths(login, list_tokens, create_token, delete_token), components(schemas(Created)))]
pub struct Doc;

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenJson {
    pub id: Uuid,
    pub name: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl From<ApiToken> for TokenJson {
    fn from(t: ApiToken) -> Self {
        Self { id: t.id.0, name: t.name, created_at: t.created_at, last_used_at: t.last_used_at }
    }
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct TokenRequest {
    pub name: String,
}

/// A new token: the secret is shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedToken {
    pub id: Uuid,
    pub token: String,
}

#[utoipa::path(get, path = "/api/tokens", security(("bearer" = [])), responses((status = 200, body = Vec<TokenJson>)))]
async fn list_tokens(State(app): State<App>, ApiUser(me): ApiUser) -> HttpResult<Json<Vec<TokenJson>>> {
    Ok(Json(app::tokens::list(&app, &me).await?.into_iter().map(Into::into).collect()))
}

#[utoipa::path(post, path = "/api/tokens", request_body = TokenRequest, security(("bearer" = [])),
    responses((status = 201, body = CreatedToken)))]
async fn create_token(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<TokenRequest>,
) -> HttpResult<(StatusCode, Json<CreatedToken>)> {
    let t = app::tokens::create(&app, &me, &body.name).await?;
    Ok((StatusCode::CREATED, Json(CreatedToken { id: t.id.0, token: t.secret })))
}

#[utoipa::path(delete, path = "/api/tokens/{id}", params(("id" = Uuid, Path, description = "token id")),
    security(("bearer" = [])), responses((status = 204)))]
async fn delete_token(State(app): State<App>, ApiUser(me): ApiUser, Id(id): Id<TokenId>) -> HttpResult<StatusCode> {
    app::tokens::revoke(&app, &me, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An address and its password, and a name for the new token.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
    /// What the token is for, such as "Skript Personalabteilung".
    pub name: String,
}

/// Signs in with an address and its password and answers a new personal token, shown this
/// once: how a script starts without a page. Failed attempts count against the same limit as
/// the login page's (429 once it is reached); an address not yet verified gets a new link.
#[utoipa::path(post, path = "/api/login", request_body = LoginRequest, responses((status = 201, body = CreatedToken)))]
async fn login(
    State(app): State<App>,
    Lang(lang): Lang,
    ApiJson(body): ApiJson<LoginRequest>,
) -> HttpResult<(StatusCode, Json<CreatedToken>)> {
    let t = app::tokens::create_with_password(&app, lang, &body.email, &body.password, &body.name).await?;
    Ok((StatusCode::CREATED, Json(CreatedToken { id: t.id.0, token: t.secret })))
}
