//! The pages: server-rendered HTML that works without JavaScript. Each submodule holds one
//! area's handlers and templates; forms post back and redirect (POST-redirect-GET), or show the
//! form again with the errors at the fields.

pub mod account;
pub mod calendar;
pub mod orgs;
pub mod people;
pub mod rounds;
pub mod swaps;
pub mod tokens;
pub mod week;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n::{LANG_COOKIE, t};
use crate::security::{CsrfForm, cookie};
use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use domain::values::Locale;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/imprint", get(legal_imprint))
        .route("/privacy", get(legal_privacy))
        .route("/accessibility", get(legal_accessibility))
        .route("/easy-language", get(legal_easy))
        .route("/lang", post(switch_language))
        .route("/session/extend", post(extend_session))
        .merge(account::routes())
        .merge(people::routes())
        .merge(orgs::routes())
        .merge(tokens::routes())
        .merge(calendar::routes())
        .merge(rounds::routes())
        .merge(week::routes())
        .merge(swaps::routes())
}

/// Renders a template, or logs why it could not.
pub fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(body) => Html(body).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Renders a form page; a form shown again because of refused input answers 422, so that
/// scripts and tests can tell it from a plain view.
pub fn render_form<T: Template>(t: &T, refused: bool) -> Response {
    let mut res = render(t);
    if refused && res.status() == StatusCode::OK {
        *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    res
}

/// A local path to go back to; anything else (another host, a scheme) becomes the start page.
pub fn safe_back(back: &str) -> &str {
    if back.starts_with('/') && !back.starts_with("//") && !back.contains('\\') { back } else { "/" }
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: Ctx,
}

async fn home(ctx: Ctx) -> Response {
    render(&HomePage { ctx })
}

#[derive(Template)]
#[template(path = "legal.html")]
struct LegalPage {
    ctx: Ctx,
    title: String,
    paragraphs: Vec<String>,
}

/// A legal page: its title and paragraphs are `{name}-title` and `{name}-p1..` in the Fluent files.
fn legal(ctx: Ctx, name: &str) -> Response {
    let title = ctx.t(&format!("{name}-title"));
    let paragraphs = (1..=12).map_while(|i| crate::i18n::try_t(ctx.lang, &format!("{name}-p{i}"))).collect();
    render(&LegalPage { ctx, title, paragraphs })
}

async fn legal_imprint(ctx: Ctx) -> Response {
    legal(ctx, "imprint")
}
async fn legal_privacy(ctx: Ctx) -> Response {
    legal(ctx, "privacy")
}
async fn legal_accessibility(ctx: Ctx) -> Response {
    legal(ctx, "accessibility")
}
async fn legal_easy(ctx: Ctx) -> Response {
    legal(ctx, "easy")
}

#[derive(Deserialize)]
struct LangForm {
    to: String,
    #[serde(default)]
    back: String,
}

async fn switch_language(
    axum::extract::State(state): axum::extract::State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<LangForm>,
) -> AppResult<(CookieJar, Redirect)> {
    let lang = Locale::from_code(&form.to).ok_or(AppError::BadRequest("language".into()))?;
    if let Some(user) = &ctx.user {
        store::users::set_locale(&state.db, user.id, lang).await?;
    }
    let jar = jar.add(cookie(LANG_COOKIE, lang.as_str().to_owned(), state.config.behind_tls));
    Ok((jar, Redirect::to(safe_back(&form.back))))
}

#[derive(Deserialize)]
struct BackForm {
    #[serde(default)]
    back: String,
}

/// The session was renewed by reading it (the extractor); the person goes back where they were.
async fn extend_session(
    crate::auth::SignedIn(..): crate::auth::SignedIn,
    CsrfForm(form): CsrfForm<BackForm>,
) -> Redirect {
    Redirect::to(safe_back(&form.back))
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: Ctx,
    title: String,
    text: String,
}

/// The page for a refusal, in the request's language.
pub fn error_page(lang: Locale, err: &AppError) -> Response {
    let ctx =
        Ctx { lang, user: None, csrf: String::new(), path: String::new(), flash: None, session_ends: None, unread: 0 };
    let code = err.code();
    let text = match err {
        AppError::Forbidden(why) | AppError::Conflict(why) => crate::i18n::try_t(lang, &format!("reason-{why}"))
            .unwrap_or_else(|| t(lang, &format!("problem-{code}-text"))),
        _ => t(lang, &format!("problem-{code}-text")),
    };
    let page = ErrorPage { title: t(lang, &format!("problem-{code}")), text, ctx };
    let mut res = render(&page);
    *res.status_mut() = err.status();
    res
}
