//! Personal API tokens: created and revoked by their owner. A token is shown once, at creation;
//! only its hash is kept.

use super::render_form;
use crate::AppState;
use crate::auth::{Ctx, SignedIn};
use crate::error::{AppError, AppResult};
use crate::forms::{Field, FormErrors, Kind, local_datetime};
use crate::security::{CsrfForm, flash_redirect, hash_secret, new_secret};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use domain::values::TokenName;
use domain::{TokenId, UserId};
use serde::Deserialize;
use store::users::ApiToken;
use store::{AuditEntry, Effects};

pub fn routes() -> Router<AppState> {
    Router::new().route("/tokens", get(list).post(create)).route("/tokens/{id}/revoke", post(revoke))
}

/// Creates a token for `user`; returns its id and the secret, which is never shown again.
pub async fn create_token(state: &AppState, user: UserId, name: &str) -> AppResult<(TokenId, String)> {
    let name = TokenName::parse("name", name)?;
    let secret = format!("jt_{}", new_secret());
    let effects = Effects::audit(AuditEntry::new(Some(user), "token.created", "user", user).detail(name.as_str()));
    let id = store::users::create_token(&state.db, user, name.as_str(), &hash_secret(&secret), &effects).await?;
    Ok((id, secret))
}

pub async fn revoke_token(state: &AppState, user: UserId, id: &str) -> AppResult<()> {
    let id: TokenId = id.parse().map_err(|_| AppError::NotFound)?;
    let effects = Effects::audit(AuditEntry::new(Some(user), "token.revoked", "api_token", id));
    Ok(store::users::revoke_token(&state.db, user, id, &effects).await?)
}

#[derive(Template)]
#[template(path = "tokens.html")]
struct TokensPage {
    ctx: Ctx,
    tokens: Vec<ApiToken>,
    errors: FormErrors,
    name: Field,
    new_secret: Option<String>,
}

impl TokensPage {
    fn when(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        local_datetime(*t)
    }
}

async fn page(
    state: &AppState,
    ctx: Ctx,
    user: UserId,
    errors: FormErrors,
    new_secret: Option<String>,
) -> AppResult<Response> {
    let tokens = store::users::tokens(&state.db, user).await?;
    let name = Field::new(ctx.lang, &errors, "name", Kind::Text, "").required();
    let failed = !errors.is_empty();
    Ok(render_form(&TokensPage { ctx, tokens, errors, name, new_secret }, failed))
}

async fn list(State(state): State<AppState>, SignedIn(ctx, me): SignedIn) -> AppResult<Response> {
    page(&state, ctx, me.id, FormErrors::default(), None).await
}

#[derive(Deserialize)]
struct NameForm {
    #[serde(default)]
    name: String,
}

async fn create(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    CsrfForm(form): CsrfForm<NameForm>,
) -> AppResult<Response> {
    match create_token(&state, me.id, &form.name).await {
        Ok((_, secret)) => page(&state, ctx, me.id, FormErrors::default(), Some(secret)).await,
        Err(AppError::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            page(&state, ctx, me.id, errors, None).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
struct Empty {}

async fn revoke(
    State(state): State<AppState>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    revoke_token(&state, me.id, &id).await?;
    Ok(flash_redirect(&state, jar, "flash-token-revoked", "/tokens"))
}
