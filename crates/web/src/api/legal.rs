//! The installation's legal details (imprint, privacy and accessibility statements): read by
//! anyone signed in, kept by the organisers.

use crate::error::HttpResult;
use crate::extract::{ApiJson, ApiUser};
use app::App;
use app::legal::LegalInput;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<App> {
    Router::new().route("/installation/legal", get(get_legal).put(put_legal))
}

#[derive(OpenApi)]
#[openapi(paths(get_legal, put_legal))]
pub struct Doc;

/// The legal details as the pages use them; empty strings for what is not given.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct LegalJson {
    pub operator_name: String,
    pub operator_address: String,
    pub represented_by: String,
    pub contact_email: String,
    pub contact_phone: String,
    /// Responsible for the content under § 18(2) MStV.
    pub content_responsible: String,
    pub dpo_name: String,
    pub dpo_contact: String,
    pub legal_basis: String,
    pub supervisory_authority: String,
    /// `full`, `partial` or `none`.
    pub conformance: String,
    pub limitations: String,
    /// `2027-01-19` (or `19.01.2027`).
    pub statement_date: String,
    pub accessibility_email: String,
    pub accessibility_phone: String,
    pub enforcement_body: String,
}

impl LegalJson {
    /// The same fields by name: both types are the details' plain strings.
    fn of(input: LegalInput) -> Self {
        serde_json::to_value(input).and_then(serde_json::from_value).unwrap_or_default()
    }

    fn input(self) -> LegalInput {
        serde_json::to_value(self).and_then(serde_json::from_value).unwrap_or_default()
    }
}

/// The legal details; 404 until the organisers entered them.
#[utoipa::path(get, path = "/api/installation/legal", security(("bearer" = [])), responses((status = 200, body = LegalJson)))]
async fn get_legal(State(app): State<App>, ApiUser(_): ApiUser) -> HttpResult<Json<LegalJson>> {
    let legal = app::legal::get(&app).await?.ok_or(app::Error::NotFound)?;
    Ok(Json(LegalJson::of(legal.to_input())))
}

/// Replaces the legal details (organisers).
#[utoipa::path(put, path = "/api/installation/legal", request_body = LegalJson, security(("bearer" = [])),
    responses((status = 204)))]
async fn put_legal(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<LegalJson>,
) -> HttpResult<StatusCode> {
    app::legal::save(&app, &me.actor(), &body.input()).await?;
    Ok(StatusCode::NO_CONTENT)
}
