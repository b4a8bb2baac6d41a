//! The pages: server-rendered HTML that works without JavaScript, in German and English. Each
//! submodule holds one area's handlers and templates; forms post back and redirect
//! (POST-redirect-GET), or show the form again with the errors at the fields. [`layer`] turns
//! every refusal into a translated page (or the login page for a page that needs a person).

mod accessibility;
pub mod account;
pub mod assets;
pub mod calendar;
pub mod ctx;
mod erasure;
pub mod events;
mod figures;
mod flash;
pub mod forms;
mod legal;
mod map;
mod mydata;
mod network;
pub mod orgs;
mod page;
pub mod people;
mod progress;
pub mod rounds;
mod sso;
pub mod stories;
pub mod swaps;
pub mod tokens;
pub mod week;

pub use ctx::{Ctx, SignedIn};
use page::{render, safe_back};

use crate::cookies;
use crate::error::{HttpError, HttpResult, is_plain_error};
use crate::extract::{CsrfForm, Lang};
use app::App;
use app::i18n::t;
use askama::Template;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use domain::values::Locale;
use serde::Deserialize;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/", get(home))
        .route("/lang", post(switch_language))
        .route("/session/extend", post(extend_session))
        .merge(accessibility::routes())
        .merge(account::routes())
        .merge(sso::routes())
        .merge(legal::routes())
        .merge(network::routes())
        .merge(figures::routes())
        .merge(mydata::routes())
        .merge(erasure::routes())
        .merge(people::routes())
        .merge(events::routes())
        .merge(stories::routes())
        .merge(orgs::routes())
        .merge(tokens::routes())
        .merge(calendar::routes())
        .merge(rounds::routes())
        .merge(week::routes())
        .merge(swaps::routes())
        .merge(assets::routes())
        .fallback(not_found)
        // Inside the face's layer, so that an oversized body gets the face's own answer.
        .layer(tower_http::limit::RequestBodyLimitLayer::new(crate::error::FORM_LIMIT))
        // Forms with a photo have a limit of their own.
        .merge(stories::upload_routes())
        .layer(axum::middleware::from_fn(layer))
}

async fn not_found() -> HttpError {
    HttpError::App(app::Error::NotFound)
}

/// Turns a refusal into a page in the request's language: the login page for a page that
/// needs a person (which carries a form's input through the login), a translated error page otherwise (also for axum's own plain-text
/// rejections). A flash message shown on a page is cleared with it.
async fn layer(Lang(lang): Lang, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let is_get = req.method() == axum::http::Method::GET;
    let query = req.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
    let had_flash = CookieJar::from_headers(req.headers()).get(cookies::FLASH).is_some();
    let csrf = req.extensions().get::<crate::extract::CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
    let (req, carried) = match account::keep_form(req, &csrf).await {
        Ok(kept) => kept,
        Err(err) => return error_page(lang, &err),
    };
    let mut res = next.run(req).await;
    if let Some(err) = res.extensions_mut().remove::<HttpError>() {
        res = if matches!(err, HttpError::Unauthenticated) {
            match carried {
                // A form sent after the session ended: its input goes through the login.
                Some(form) => account::login_to_continue(lang, csrf, form),
                None => {
                    let next = urlencode(&format!("{path}{query}"));
                    Redirect::to(&format!("/login?next={next}")).into_response()
                }
            }
        } else {
            let mut page = error_page(lang, &err);
            crate::error::add_retry_after(&err, &mut page);
            page
        };
    } else if is_get && res.status() == StatusCode::METHOD_NOT_ALLOWED {
        // The address of a form's answer, opened again (a reload, a bookmark): its page.
        res = Redirect::to(page_of_action(&path)).into_response();
    } else if is_plain_error(&res) {
        let status = res.status();
        res = error_page(lang, &HttpError::of_status(status, crate::error::FORM_LIMIT));
        *res.status_mut() = status;
    }
    let h = res.headers_mut();
    let sets_flash =
        h.get_all(axum::http::header::SET_COOKIE).iter().any(|v| v.to_str().unwrap_or("").starts_with(cookies::FLASH));
    if had_flash
        && !sets_flash
        && res.status() == StatusCode::OK
        && let Ok(v) = axum::http::HeaderValue::from_str(&cookies::removal(cookies::FLASH).to_string())
    {
        res.headers_mut().append(axum::http::header::SET_COOKIE, v);
    }
    res
}

/// The page a form's address belongs to: a swap's or its week's action leads to the swap or
/// the week, an organisation's to the organisation, an API key's or the calendar's to their
/// list; anything else to the start page.
pub(super) fn page_of_action(path: &str) -> &str {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let upto = |n: usize| {
        let end = parts[..n].iter().map(|p| p.len() + 1).sum::<usize>();
        &path[..end]
    };
    match parts.as_slice() {
        ["swaps", _, "week", ..] => upto(3),
        ["swaps", _, ..] | ["orgs", _, ..] | ["events", _, ..] => upto(2),
        ["tokens", ..] | ["calendar", ..] | ["swaps"] | ["inbox"] | ["help-requests"] | ["rounds"] | ["events"] => {
            upto(1)
        }
        _ => "/",
    }
}

pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).map(|e| e[1..].to_owned()).unwrap_or_default()
}

/// One of the person's swaps on the start page: who, when, and whom it waits for.
struct SwapStatus {
    id: domain::SwapId,
    title: String,
    status: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: Ctx,
    /// The signed-in person's open tasks, decisions first.
    tasks: Vec<progress::TaskLine>,
    swaps: Vec<SwapStatus>,
}

/// The start page: for a signed-in person, what they have to do, then their swaps and where
/// each stands; for a visitor, how Jobtausch works.
async fn home(State(app): State<App>, ctx: Ctx) -> HttpResult<Response> {
    let Some(me) = ctx.user.clone() else {
        return Ok(render(&HomePage { ctx, tasks: Vec::new(), swaps: Vec::new() }));
    };
    let app::tasks::Tasks { tasks, mine, of_org, names } = app::tasks::of(&app, &me).await?;
    let known: Vec<&domain::swap::Swap> = mine.iter().chain(of_org.iter()).collect();
    let tasks = tasks.iter().map(|t| progress::task_line(&ctx, t, &known, &names)).collect();
    let swaps = mine
        .iter()
        .map(|s| SwapStatus {
            id: s.id,
            title: format!("{}: {}", app::i18n::week_label(ctx.lang, s.week), names.member_names(s)),
            status: progress::waiting_text(&ctx, s, &names),
        })
        .collect();
    Ok(render(&HomePage { ctx, tasks, swaps }))
}

#[derive(Deserialize)]
struct LangForm {
    to: String,
    #[serde(default)]
    back: String,
}

async fn switch_language(
    State(app): State<App>,
    ctx: Ctx,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<LangForm>,
) -> HttpResult<(CookieJar, Redirect)> {
    let lang = Locale::from_code(&form.to).ok_or(HttpError::BadRequest("language".into()))?;
    if let Some(user) = &ctx.user {
        app::account::set_language(&app, user, lang).await?;
    }
    let jar = jar.add(cookies::cookie(cookies::LANG, lang.as_str().to_owned(), app.config.behind_tls));
    Ok((jar, Redirect::to(safe_back(&form.back))))
}

#[derive(Deserialize)]
struct ExtendForm {
    #[serde(default)]
    back: String,
    /// `none`: the warning's script asks, and needs no page back.
    #[serde(default)]
    reply: String,
}

/// The session was renewed by reading it (the extractor); the person goes back where they were
/// (the warning's script gets 204).
async fn extend_session(SignedIn(ctx, _): SignedIn, CsrfForm(form): CsrfForm<ExtendForm>) -> Response {
    if form.reply == "none" {
        // How long the session now lasts (at most to its absolute end).
        let mut res = StatusCode::NO_CONTENT.into_response();
        if let Ok(v) = axum::http::HeaderValue::from_str(&ctx.session_remaining_seconds().to_string()) {
            res.headers_mut().insert("x-session-remaining", v);
        }
        return res;
    }
    Redirect::to(safe_back(&form.back)).into_response()
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: Ctx,
    title: String,
    text: String,
}

/// The page for a refusal, in the request's language.
fn error_page(lang: Locale, err: &HttpError) -> Response {
    let ctx = Ctx::anonymous(lang);
    let code = err.code();
    let text = err
        .reason()
        .and_then(|why| app::i18n::refusal(lang, why))
        .unwrap_or_else(|| app::i18n::t_args(lang, &format!("problem-{code}-text"), &err.text_args()));
    let page = ErrorPage { title: t(lang, &format!("problem-{code}")), text, ctx };
    let mut res = render(&page);
    *res.status_mut() = err.status();
    res
}

#[cfg(test)]
mod tests {
    use super::page_of_action;

    #[test]
    fn a_forms_address_leads_to_its_page() {
        for (action, page) in [
            ("/swaps/abc/approve", "/swaps/abc"),
            ("/swaps/abc/week/handover", "/swaps/abc/week"),
            ("/orgs/xyz/roles", "/orgs/xyz"),
            ("/events/e1/register", "/events/e1"),
            ("/tokens/t1/revoke", "/tokens"),
            ("/calendar/feed/revoke", "/calendar"),
            ("/logout", "/"),
            ("/session/extend", "/"),
        ] {
            assert_eq!(page_of_action(action), page, "{action}");
        }
    }

    /// This crate's folder, as cargo tells the running test (a test binary reused from another
    /// checkout still reads the files of this one).
    fn manifest_dir() -> String {
        std::env::var("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR")
    }

    /// The keys of the application's catalogue in one language.
    fn keys(lang: &str) -> Vec<String> {
        let path = format!("{}/../app/locales/{lang}/main.ftl", manifest_dir());
        let text = std::fs::read_to_string(path).expect("the catalogue");
        text.lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_owned()))
            .collect()
    }

    /// Every key the templates and the pages ask for exists in both languages.
    #[test]
    fn every_used_key_exists() {
        let root = manifest_dir();
        let root = root.as_str();
        let catalogues = [("de", keys("de")), ("en", keys("en"))];
        let mut missing = Vec::new();
        let mut files = Vec::new();
        for dir in ["templates", "src/html", "src/api"] {
            for e in std::fs::read_dir(format!("{root}/{dir}")).expect("the folder") {
                let p = e.expect("an entry").path();
                if p.is_file() {
                    files.push(p);
                }
            }
        }
        assert!(files.len() > 20, "only {} files", files.len());
        for p in files {
            let text = std::fs::read_to_string(&p).expect("the file");
            let calls =
                text.match_indices(".t(\"").map(|(i, _)| i + 4).chain(text.match_indices(".ta(\"").map(|(i, _)| i + 5));
            for start in calls.collect::<Vec<_>>() {
                let rest = &text[start..];
                let key = &rest[..rest.find('"').expect("a closing quote")];
                if key.contains('{') || key.ends_with('-') || key.is_empty() {
                    continue;
                }
                for (lang, defined) in &catalogues {
                    if !defined.iter().any(|k| k == key) {
                        missing.push(format!("{}: {key} ({lang})", p.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "missing keys: {missing:#?}");
    }
}
