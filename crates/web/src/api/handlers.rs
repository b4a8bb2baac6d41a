//! The API's handlers. Each one is a thin shell: read the request, call the action shared with
//! the pages, answer JSON.

use super::ApiJson;
use super::dto::*;
use crate::AppState;
use crate::actions::{self, SignupInput};
use crate::auth::ApiUser;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::pages::{orgs, people, tokens};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use domain::{OrgId, UserId};

fn org_id(raw: &str) -> AppResult<OrgId> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// Creates an account; the answer is the same whether or not the address had one.
#[utoipa::path(post, path = "/api/signup", request_body = SignupInput,
    responses((status = 202, body = Status), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn signup(
    State(state): State<AppState>,
    Lang(lang): Lang,
    ApiJson(input): ApiJson<SignupInput>,
) -> AppResult<(StatusCode, Json<Status>)> {
    actions::signup(&state, lang, &input).await?;
    Ok((StatusCode::ACCEPTED, Json(Status { status: "check-your-mail".into() })))
}

/// Uses the secret of a verification link.
#[utoipa::path(post, path = "/api/verify", request_body = VerifyRequest,
    responses((status = 200, body = Status), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn verify(State(state): State<AppState>, ApiJson(req): ApiJson<VerifyRequest>) -> AppResult<Json<Status>> {
    actions::verify(&state, &req.token).await?;
    Ok(Json(Status { status: "verified".into() }))
}

#[utoipa::path(get, path = "/api/me", security(("bearer" = [])),
    responses((status = 200, body = MeJson), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn me(ApiUser(me): ApiUser) -> Json<MeJson> {
    Json(me.into())
}

#[utoipa::path(get, path = "/api/profile", security(("bearer" = [])),
    responses((status = 200, body = ProfileJson), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn get_profile(State(state): State<AppState>, ApiUser(me): ApiUser) -> AppResult<Json<ProfileJson>> {
    let p = store::profiles::get(&state.db, me.id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(ProfileJson::from_profile(&p)))
}

#[utoipa::path(put, path = "/api/profile", request_body = ProfileJson, security(("bearer" = [])),
    responses((status = 200, body = ProfileJson), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn put_profile(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<ProfileJson>,
) -> AppResult<Json<ProfileJson>> {
    let p = people::store_profile(&state, &me, &body.to_input()).await?;
    Ok(Json(ProfileJson::from_profile(&p)))
}

/// People open to a swap whom the caller may see as such.
#[utoipa::path(get, path = "/api/people", params(people::SearchQuery), security(("bearer" = [])),
    responses((status = 200, body = SearchResult), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn search_people(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Query(q): Query<people::SearchQuery>,
) -> AppResult<Json<SearchResult>> {
    let filter = q.parse()?;
    let (cards, more) = store::profiles::search(&state.db, me.id, me.org_id, &filter).await?;
    Ok(Json(SearchResult { items: cards.into_iter().map(Into::into).collect(), more }))
}

#[utoipa::path(get, path = "/api/people/{id}", params(("id" = String, Path, description = "person id (UUID)")), security(("bearer" = [])),
    responses((status = 200, body = PersonJson), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn get_person(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<PersonJson>> {
    let id: UserId = id.parse().map_err(|_| AppError::NotFound)?;
    Ok(Json(store::profiles::person(&state.db, me.id, me.org_id, id).await?.into()))
}

#[utoipa::path(get, path = "/api/organisations", security(("bearer" = [])),
    responses((status = 200, body = Vec<OrgSummaryJson>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list_orgs(State(state): State<AppState>, ApiUser(_): ApiUser) -> AppResult<Json<Vec<OrgSummaryJson>>> {
    Ok(Json(store::orgs::list(&state.db).await?.into_iter().map(Into::into).collect()))
}

/// Network organisers only.
#[utoipa::path(post, path = "/api/organisations", request_body = OrgRequest, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn create_org(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<OrgRequest>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let id = orgs::create_org(&state, &me.actor(), &body.to_form()).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.0 })))
}

#[utoipa::path(get, path = "/api/organisations/{id}", params(("id" = String, Path, description = "organisation id (UUID)")), security(("bearer" = [])),
    responses((status = 200, body = OrgJson), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn get_org(
    State(state): State<AppState>,
    ApiUser(_): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<OrgJson>> {
    Ok(Json(store::orgs::get(&state.db, org_id(&id)?).await?.into()))
}

/// The organisation's admins and network organisers.
#[utoipa::path(put, path = "/api/organisations/{id}", request_body = OrgRequest, params(("id" = String, Path, description = "organisation id (UUID)")),
    security(("bearer" = [])),
    responses((status = 204), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn update_org(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<OrgRequest>,
) -> AppResult<StatusCode> {
    orgs::update_org(&state, &me.actor(), org_id(&id)?, &body.to_form()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(put, path = "/api/organisations/{id}/policy", request_body = PolicyJson, params(("id" = String, Path, description = "organisation id (UUID)")),
    security(("bearer" = [])),
    responses((status = 204), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn put_policy(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PolicyJson>,
) -> AppResult<StatusCode> {
    let id = org_id(&id)?;
    me.actor().ensure_org_admin(id)?;
    let policy = orgs::parse_policy(
        &body.staff_council,
        &body.equal_opportunities,
        &body.disability_representative,
        &body.data_protection,
    )?;
    orgs::set_policy(&state, &me.actor(), id, &policy).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/organisations/{id}/members", params(("id" = String, Path, description = "organisation id (UUID)")),
    security(("bearer" = [])),
    responses((status = 200, body = Vec<MemberJson>), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn list_members(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<MemberJson>>> {
    let id = org_id(&id)?;
    me.actor().ensure_org_admin(id)?;
    Ok(Json(store::orgs::members(&state.db, id).await?.into_iter().map(Into::into).collect()))
}

#[utoipa::path(post, path = "/api/organisations/{id}/roles", request_body = RoleRequest, params(("id" = String, Path, description = "organisation id (UUID)")),
    security(("bearer" = [])),
    responses((status = 204), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn post_role(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<RoleRequest>,
) -> AppResult<StatusCode> {
    orgs::change_role(&state, &me.actor(), org_id(&id)?, &body.user_id, &body.role, body.grant).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/organisations/{id}/invitations", request_body = InvitationRequest,
    params(("id" = String, Path, description = "organisation id (UUID)")), security(("bearer" = [])),
    responses((status = 202, body = Status), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn post_invitation(
    State(state): State<AppState>,
    Lang(lang): Lang,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<InvitationRequest>,
) -> AppResult<(StatusCode, Json<Status>)> {
    orgs::invite_person(&state, &me.actor(), &me.display_name, lang, org_id(&id)?, &body.email, &body.role).await?;
    Ok((StatusCode::ACCEPTED, Json(Status { status: "invited".into() })))
}

#[utoipa::path(get, path = "/api/tokens", security(("bearer" = [])),
    responses((status = 200, body = Vec<TokenJson>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list_tokens(State(state): State<AppState>, ApiUser(me): ApiUser) -> AppResult<Json<Vec<TokenJson>>> {
    Ok(Json(store::users::tokens(&state.db, me.id).await?.into_iter().map(Into::into).collect()))
}

#[utoipa::path(post, path = "/api/tokens", request_body = TokenRequest, security(("bearer" = [])),
    responses((status = 201, body = CreatedToken), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn create_token(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<TokenRequest>,
) -> AppResult<(StatusCode, Json<CreatedToken>)> {
    let (id, token) = tokens::create_token(&state, me.id, &body.name).await?;
    Ok((StatusCode::CREATED, Json(CreatedToken { id: id.0, token })))
}

#[utoipa::path(delete, path = "/api/tokens/{id}", params(("id" = String, Path, description = "token id (UUID)")), security(("bearer" = [])),
    responses((status = 204), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn delete_token(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    tokens::revoke_token(&state, me.id, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The caller's swaps, newest first.
#[utoipa::path(get, path = "/api/swaps", security(("bearer" = [])),
    responses((status = 200, body = Vec<SwapJson>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list_swaps(State(state): State<AppState>, ApiUser(me): ApiUser) -> AppResult<Json<Vec<SwapJson>>> {
    Ok(Json(store::swaps::of_member(&state.db, me.id).await?.iter().map(Into::into).collect()))
}

/// Proposes a swap to another person.
#[utoipa::path(post, path = "/api/swaps", request_body = ProposeRequest, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn propose_swap(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<ProposeRequest>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let id = crate::swaps::propose(&state, &me, &body.partner, &body.week, &body.message).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.0 })))
}

#[utoipa::path(get, path = "/api/swaps/{id}", params(("id" = String, Path, description = "swap id (UUID)")), security(("bearer" = [])),
    responses((status = 200, body = SwapJson), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn get_swap(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<SwapJson>> {
    let id = id.parse().map_err(|_| AppError::NotFound)?;
    Ok(Json((&crate::swaps::load(&state, &me.actor(), id).await?).into()))
}

/// Acts on a swap: `accept`, `decline`, `withdraw`, `approve`, `decline-approval`, `delegate`,
/// `consent`, `refuse`, `sign` or `cancel`, with the fields that action needs.
#[utoipa::path(post, path = "/api/swaps/{id}/{action}", request_body = crate::pages::swaps::ActionFields,
    params(("id" = String, Path, description = "swap id (UUID)"), ("action" = String, Path, description = "the action")),
    security(("bearer" = [])),
    responses((status = 200, body = SwapJson), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn swap_action(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, action)): Path<(String, String)>,
    ApiJson(fields): ApiJson<crate::pages::swaps::ActionFields>,
) -> AppResult<Json<SwapJson>> {
    let id = id.parse().map_err(|_| AppError::NotFound)?;
    let action = crate::pages::swaps::parse_action(&action, &fields)?;
    let swap = crate::swaps::act(&state, &me, id, fields.version, action).await?;
    Ok(Json((&swap).into()))
}

/// The templates that apply to the organisation's new agreements (German and English).
#[utoipa::path(get, path = "/api/organisations/{id}/templates", params(("id" = String, Path, description = "organisation id (UUID)")),
    security(("bearer" = [])),
    responses((status = 200, body = Vec<TemplateJson>), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list_templates(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<TemplateJson>>> {
    let id = org_id(&id)?;
    me.actor().ensure_org_admin(id)?;
    let mut out = Vec::new();
    for lang in ["de", "en"] {
        out.push(store::agreements::current(&state.db, id, lang).await?.into());
    }
    Ok(Json(out))
}

/// Adds a version of the organisation's template; agreements already made stay as they are.
#[utoipa::path(post, path = "/api/organisations/{id}/templates", request_body = orgs::TemplateForm,
    params(("id" = String, Path, description = "organisation id (UUID)")), security(("bearer" = [])),
    responses((status = 201, body = VersionJson), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn add_template(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<orgs::TemplateForm>,
) -> AppResult<(StatusCode, Json<VersionJson>)> {
    let version = orgs::add_template_version(&state, &me.actor(), org_id(&id)?, &body).await?;
    Ok((StatusCode::CREATED, Json(VersionJson { version })))
}

/// Mails a password-reset link if the address has an account; the answer is the same either way.
#[utoipa::path(post, path = "/api/password/forgot", request_body = ForgotRequest,
    responses((status = 202, body = Status), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn password_forgot(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ForgotRequest>,
) -> AppResult<(StatusCode, Json<Status>)> {
    actions::request_password_reset(&state, &body.email).await?;
    Ok((StatusCode::ACCEPTED, Json(Status { status: "check-your-mail".into() })))
}

/// Sets a new password with the secret of a reset link; every session of the account ends.
#[utoipa::path(post, path = "/api/password/reset", request_body = ResetRequest,
    responses((status = 200, body = Status), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn password_reset(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ResetRequest>,
) -> AppResult<Json<Status>> {
    actions::reset_password(&state, &body.token, &body.password, &body.password_confirm).await?;
    Ok(Json(Status { status: "password-changed".into() }))
}

/// The agreement of a swap as PDF (with its signature page once confirmed).
#[utoipa::path(get, path = "/api/swaps/{id}/agreement.pdf", params(("id" = String, Path, description = "swap id (UUID)")),
    security(("bearer" = [])),
    responses((status = 200, description = "The agreement", content_type = "application/pdf"),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn swap_agreement(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> AppResult<axum::response::Response> {
    let id = id.parse().map_err(|_| AppError::NotFound)?;
    crate::pages::swaps::agreement_download(&state, &me, id).await
}

/// The organisation's audit trail as CSV; its admins only.
#[utoipa::path(get, path = "/api/organisations/{id}/audit.csv", params(("id" = String, Path, description = "organisation id (UUID)")),
    security(("bearer" = [])),
    responses((status = 200, description = "The audit trail", content_type = "text/csv"),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn org_audit(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> AppResult<axum::response::Response> {
    crate::pages::swaps::audit_download(&state, &me, org_id(&id)?).await
}

/// The caller's inbox, newest first.
#[utoipa::path(get, path = "/api/inbox", security(("bearer" = [])),
    responses((status = 200, body = Vec<NotificationJson>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn inbox(State(state): State<AppState>, ApiUser(me): ApiUser) -> AppResult<Json<Vec<NotificationJson>>> {
    Ok(Json(store::swaps::inbox(&state.db, me.id).await?.into_iter().map(Into::into).collect()))
}

/// Starts a matching round over everyone open to a swap (network organisers only). It runs in
/// the background; follow it with `GET /api/rounds/{id}`.
#[utoipa::path(post, path = "/api/rounds", request_body = crate::rounds::RoundForm, security(("bearer" = [])),
    responses((status = 202, body = Created), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn start_round(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<crate::rounds::RoundForm>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let id = crate::rounds::start(&state, &me.actor(), &body).await?;
    Ok((StatusCode::ACCEPTED, Json(Created { id: id.0 })))
}

/// The matching rounds, newest first (network organisers only).
#[utoipa::path(get, path = "/api/rounds", security(("bearer" = [])),
    responses((status = 200, body = Vec<RoundJson>), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list_rounds(State(state): State<AppState>, ApiUser(me): ApiUser) -> AppResult<Json<Vec<RoundJson>>> {
    me.actor().ensure_organiser()?;
    Ok(Json(store::rounds::list(&state.db).await?.into_iter().map(Into::into).collect()))
}

/// One matching round with its figures once finished (network organisers only).
#[utoipa::path(get, path = "/api/rounds/{id}", params(("id" = String, Path, description = "round id (UUID)")),
    security(("bearer" = [])),
    responses((status = 200, body = RoundJson), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn get_round(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<RoundJson>> {
    me.actor().ensure_organiser()?;
    let id: domain::RoundId = id.parse().map_err(|_| AppError::NotFound)?;
    Ok(Json(store::rounds::get(&state.db, id).await?.into()))
}
