//! Accounts: sign-up, verification, password reset, and the signed-in account.

use super::common::Status;
use crate::error::HttpResult;
use crate::extract::{ApiJson, ApiUser, Lang};
use app::App;
use app::account::SignupInput;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use uuid::Uuid;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/signup", post(signup))
        .route("/verify", post(verify))
        .route("/password/forgot", post(password_forgot))
        .route("/password/reset", post(password_reset))
        .route("/me", get(me))
        .route("/me/mail-settings", get(get_mail_settings).put(put_mail_settings))
        .route("/me/export", post(export))
        .route("/me/erase", post(erase))
}

#[derive(OpenApi)]
#[openapi(paths(
    signup,
    verify,
    password_forgot,
    password_reset,
    me,
    get_mail_settings,
    put_mail_settings,
    export,
    erase
))]
pub struct Doc;

/// A new account.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct SignupRequest {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub password_confirm: String,
    /// The privacy statement was shown and read.
    pub privacy_accepted: bool,
    /// The secret of an invitation link, if the person came through one.
    pub invitation: Option<String>,
}

/// Creates an account; the answer is the same whether or not the address had one.
#[utoipa::path(post, path = "/api/signup", request_body = SignupRequest, responses((status = 202, body = Status)))]
async fn signup(
    State(app): State<App>,
    Lang(lang): Lang,
    ApiJson(r): ApiJson<SignupRequest>,
) -> HttpResult<(StatusCode, Json<Status>)> {
    let input = SignupInput {
        email: r.email,
        display_name: r.display_name,
        password: r.password,
        password_confirm: r.password_confirm,
        privacy_accepted: r.privacy_accepted,
        invitation: r.invitation,
    };
    app::account::signup(&app, lang, &input).await?;
    Ok((StatusCode::ACCEPTED, Status::of("check-your-mail")))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct VerifyRequest {
    pub token: String,
}

/// Uses the secret of a verification link.
#[utoipa::path(post, path = "/api/verify", request_body = VerifyRequest, responses((status = 200, body = Status)))]
async fn verify(State(app): State<App>, ApiJson(req): ApiJson<VerifyRequest>) -> HttpResult<Json<Status>> {
    app::account::verify(&app, &req.token).await?;
    Ok(Status::of("verified"))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ForgotRequest {
    pub email: String,
}

/// Mails a password-reset link if the address has an account; the answer is the same either way.
#[utoipa::path(post, path = "/api/password/forgot", request_body = ForgotRequest, responses((status = 202, body = Status)))]
async fn password_forgot(
    State(app): State<App>,
    ApiJson(body): ApiJson<ForgotRequest>,
) -> HttpResult<(StatusCode, Json<Status>)> {
    app::account::request_password_reset(&app, &body.email).await?;
    Ok((StatusCode::ACCEPTED, Status::of("check-your-mail")))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ResetRequest {
    /// The secret of the reset link.
    pub token: String,
    pub password: String,
    pub password_confirm: String,
}

/// Sets a new password with the secret of a reset link; every session of the account ends.
#[utoipa::path(post, path = "/api/password/reset", request_body = ResetRequest, responses((status = 200, body = Status)))]
async fn password_reset(State(app): State<App>, ApiJson(body): ApiJson<ResetRequest>) -> HttpResult<Json<Status>> {
    app::account::reset_password(&app, &body.token, &body.password, &body.password_confirm).await?;
    Ok(Status::of("password-changed"))
}

/// The signed-in account, with its own e-mail address.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeJson {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub organisation_id: Option<Uuid>,
    pub organisation_name: Option<String>,
    pub locale: String,
    pub organiser: bool,
    pub roles: Vec<String>,
}

#[utoipa::path(get, path = "/api/me", security(("bearer" = [])), responses((status = 200, body = MeJson)))]
async fn me(ApiUser(a): ApiUser) -> Json<MeJson> {
    Json(MeJson {
        id: a.id.0,
        email: a.email,
        display_name: a.display_name,
        organisation_id: a.org_id.map(|o| o.0),
        organisation_name: a.org_name,
        locale: a.locale.as_str().into(),
        organiser: a.organiser,
        roles: a.roles.iter().map(|r| r.code().to_owned()).collect(),
    })
}

/// How notices that need no action reach the person by mail.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct MailSettingsJson {
    /// True: once a day around 7 o'clock (Berlin), collected in one mail; false: each at once.
    /// What asks something of the person always comes at once.
    pub daily_digest: bool,
}

#[utoipa::path(get, path = "/api/me/mail-settings", security(("bearer" = [])), responses((status = 200, body = MailSettingsJson)))]
async fn get_mail_settings(State(app): State<App>, ApiUser(me): ApiUser) -> HttpResult<Json<MailSettingsJson>> {
    Ok(Json(MailSettingsJson { daily_digest: app::account::takes_digest(&app, &me).await? }))
}

#[utoipa::path(put, path = "/api/me/mail-settings", request_body = MailSettingsJson, security(("bearer" = [])),
    responses((status = 200, body = MailSettingsJson)))]
async fn put_mail_settings(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<MailSettingsJson>,
) -> HttpResult<Json<MailSettingsJson>> {
    app::account::set_digest(&app, &me, body.daily_digest).await?;
    Ok(Json(body))
}

/// Everything Jobtausch holds about the signed-in person, as a JSON file (Art. 15 and 20
/// DSGVO): `{"generated_at": …, "sections": {"account": [{…}], …}}`. The export is recorded
/// in the audit log.
#[utoipa::path(post, path = "/api/me/export", security(("bearer" = [])),
    responses((status = 200, description = "The person's data, as an attachment", content_type = "application/json", body = Object)))]
async fn export(State(app): State<App>, ApiUser(a): ApiUser) -> HttpResult<axum::response::Response> {
    Ok(crate::respond::download(app::privacy::export(&app, &a).await?))
}

/// The confirmation that it is the person: their password.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct EraseRequest {
    pub password: String,
}

/// Deletes the person's account for good (Art. 17 DSGVO): swaps that are not over are
/// cancelled with notice (a week under way too), their data goes, and what the employers must
/// keep names a pseudonym. Refused (409) when a swap was proposed to them meanwhile.
#[utoipa::path(post, path = "/api/me/erase", request_body = EraseRequest, security(("bearer" = [])),
    responses((status = 204), (status = 409, description = "Changed meanwhile: try again"),
        (status = 429, description = "Too many wrong passwords; try again later")))]
async fn erase(
    State(app): State<App>,
    ApiUser(a): ApiUser,
    ApiJson(r): ApiJson<EraseRequest>,
) -> HttpResult<StatusCode> {
    app::privacy::erase_me(&app, &a, &app::account::Confirmation::Password(r.password)).await?;
    Ok(StatusCode::NO_CONTENT)
}
