//! Personal API tokens: the list of one's tokens, a new one (its secret shown this once), and
//! revoking one.

use super::ctx::{Ctx, SignedIn};
use super::flash;
use super::forms::Empty;
use super::forms::{Field, FormErrors, Kind, local_datetime};
use super::page::render_form;
use crate::error::HttpResult;
use crate::extract::{CsrfForm, Id};
use app::tokens::ApiToken;
use app::{Account, App};
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use domain::TokenId;
use domain::values::TokenName;
use serde::Deserialize;

pub fn routes() -> Router<App> {
    Router::new().route("/tokens", get(list).post(create)).route("/tokens/{id}/revoke", post(revoke))
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
    app: &App,
    ctx: Ctx,
    me: &Account,
    errors: FormErrors,
    new_secret: Option<String>,
) -> HttpResult<Response> {
    let tokens = app::tokens::list(app, me).await?;
    let name = Field::new(ctx.lang, &errors, "name", Kind::Text, "").max_len(TokenName::MAX).required();
    let failed = !errors.is_empty();
    Ok(render_form(&TokensPage { ctx, tokens, errors, name, new_secret }, failed))
}

async fn list(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    page(&app, ctx, &me, FormErrors::default(), None).await
}

#[derive(Deserialize)]
struct NameForm {
    #[serde(default)]
    name: String,
}

async fn create(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    CsrfForm(form): CsrfForm<NameForm>,
) -> HttpResult<Response> {
    match app::tokens::create(&app, &me, &form.name).await {
        Ok(token) => page(&app, ctx, &me, FormErrors::default(), Some(token.secret)).await,
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            page(&app, ctx, &me, errors, None).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn revoke(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<TokenId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    app::tokens::revoke(&app, &me, id).await?;
    Ok(flash::redirect(&app, jar, "flash-token-revoked", "/tokens"))
}
