//! The JSON API: everything the pages do, for scripts and other systems. Authentication is a
//! personal API token (`Authorization: Bearer jt_...`), created on the tokens page. Errors are
//! `application/problem+json` (RFC 9457) with a stable `code` and, for refused input, the
//! fields. The OpenAPI description is served at `/api/openapi.json`.

mod dto;
mod handlers;

pub use dto::*;

use crate::AppState;
use crate::error::AppError;
use crate::forms::{label, reason_text};
use crate::i18n::t;
use axum::Router;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use domain::values::Locale;
use serde::de::DeserializeOwned;
use utoipa::OpenApi;

pub fn routes() -> Router<AppState> {
    use handlers::*;
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/signup", post(signup))
        .route("/verify", post(verify))
        .route("/password/forgot", post(password_forgot))
        .route("/password/reset", post(password_reset))
        .route("/me", get(me))
        .route("/profile", get(get_profile).put(put_profile))
        .route("/people", get(search_people))
        .route("/people/{id}", get(get_person))
        .route("/organisations", get(list_orgs).post(create_org))
        .route("/organisations/{id}", get(get_org).put(update_org))
        .route("/organisations/{id}/policy", put(put_policy))
        .route("/organisations/{id}/members", get(list_members))
        .route("/organisations/{id}/roles", post(post_role))
        .route("/organisations/{id}/invitations", post(post_invitation))
        .route("/organisations/{id}/templates", get(list_templates).post(add_template))
        .route("/tokens", get(list_tokens).post(create_token))
        .route("/tokens/{id}", axum::routing::delete(delete_token))
        .route("/swaps", get(list_swaps).post(propose_swap))
        .route("/swaps/{id}", get(get_swap))
        .route("/swaps/{id}/agreement.pdf", get(swap_agreement))
        .route("/swaps/{id}/{action}", post(swap_action))
        .route("/organisations/{id}/audit.csv", get(org_audit))
        .route("/inbox", get(inbox))
        .route("/rounds", get(list_rounds).post(start_round))
        .route("/rounds/{id}", get(get_round))
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Jobtausch API", description = "Job swaps between public employers.", license(name = "EUPL-1.2")),
    paths(
        handlers::signup, handlers::verify, handlers::password_forgot, handlers::password_reset, handlers::me, handlers::get_profile, handlers::put_profile,
        handlers::search_people, handlers::get_person, handlers::list_orgs, handlers::create_org, handlers::get_org,
        handlers::update_org, handlers::put_policy, handlers::list_members, handlers::post_role,
        handlers::post_invitation, handlers::list_tokens, handlers::create_token, handlers::delete_token,
        handlers::list_swaps, handlers::propose_swap, handlers::get_swap, handlers::swap_action,
        handlers::list_templates, handlers::add_template, handlers::swap_agreement, handlers::org_audit, handlers::inbox,
        handlers::start_round, handlers::list_rounds, handlers::get_round,
    ),
    modifiers(&BearerAuth),
    tags((name = "jobtausch"))
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

async fn openapi() -> Response {
    let mut res = axum::Json(ApiDoc::openapi()).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

/// A JSON body; one that cannot be read is a problem, not axum's plain-text rejection.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(e) => Err(AppError::BadRequest(e.body_text())),
        }
    }
}

/// The problem+json answer for a refusal, in the caller's language.
pub fn problem(lang: Locale, err: &AppError) -> Response {
    let code = err.code();
    let detail = match err {
        AppError::Forbidden(why) | AppError::Conflict(why) => {
            Some(crate::i18n::try_t(lang, &format!("reason-{why}")).unwrap_or_else(|| (*why).to_owned()))
        }
        AppError::BadRequest(why) => Some(why.clone()),
        _ => None,
    };
    let errors = match err {
        AppError::Invalid(fields) => Some(
            fields
                .iter()
                .map(|f| FieldProblem {
                    field: f.field.to_owned(),
                    code: f.reason.code().to_owned(),
                    message: format!("{}: {}", label(lang, f.field), reason_text(lang, &f.reason)),
                })
                .collect(),
        ),
        _ => None,
    };
    let body = Problem {
        r#type: format!("/problems/{code}"),
        title: t(lang, &format!("problem-{code}")),
        status: err.status().as_u16(),
        code: code.to_owned(),
        detail,
        errors,
    };
    let mut res = (err.status(), axum::Json(body)).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    if matches!(err, AppError::Unauthenticated) {
        res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    res
}
