//! Calendars: the page where a person makes, renews and revokes their private feed; the feed
//! itself for calendar programs (the secret in the path is the only key); and one swap's
//! `.ics` for its members.

use super::ctx::{Ctx, SignedIn};
use super::flash;
use super::forms::Empty;
use super::forms::local_datetime;
use super::page::render;
use crate::error::{HttpError, HttpResult};
use crate::extract::{CsrfForm, Id};
use app::feeds::Feed;
use app::{Account, App, Download};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use domain::SwapId;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/calendar", get(page_get))
        .route("/calendar/feed", post(create))
        .route("/calendar/feed/revoke", post(revoke))
        // `{token}.ics` is not a pattern the router knows (a parameter fills its segment), so
        // the handler takes the segment and checks the suffix.
        .route("/calendar/{file}", get(feed))
        .route("/swaps/{id}/calendar.ics", get(swap_download))
}

/// A calendar response; `disposition` says whether a browser shows or saves it.
fn ics_response(body: Vec<u8>, disposition: &str) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/calendar; charset=utf-8"));
    if let Ok(v) = HeaderValue::from_str(disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// The feed, for calendar programs: no session. An unknown or revoked secret is "not found".
async fn feed(State(app): State<App>, Path(file): Path<String>) -> HttpResult<Response> {
    let secret = file.strip_suffix(".ics").ok_or(HttpError::App(app::Error::NotFound))?;
    let body = app::feeds::read(&app, secret).await?;
    Ok(ics_response(body.into_bytes(), "inline; filename=\"jobtausch.ics\""))
}

/// One swap's calendar as a download, for its members only.
async fn swap_download(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    Id(id): Id<SwapId>,
) -> HttpResult<Response> {
    let Download { name, bytes, .. } = app::feeds::swap_download(&app, &me, id, ctx.lang).await?;
    Ok(ics_response(bytes, &format!("attachment; filename=\"{name}\"")))
}

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    ctx: Ctx,
    feed: Option<Feed>,
    /// The full address, only right after it was made.
    new_url: Option<String>,
}

impl CalendarPage {
    fn when(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        local_datetime(*t)
    }
}

async fn page(app: &App, ctx: Ctx, me: &Account, new_url: Option<String>) -> HttpResult<Response> {
    let feed = app::feeds::of(app, me).await?;
    Ok(render(&CalendarPage { ctx, feed, new_url }))
}

async fn page_get(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    page(&app, ctx, &me, None).await
}

/// Makes or renews the feed and shows its address once (no redirect: the address must not
/// travel in a URL or a cookie).
async fn create(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    let feed = app::feeds::create(&app, &me).await?;
    page(&app, ctx, &me, Some(feed.url)).await
}

async fn revoke(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    app::feeds::revoke(&app, &me).await?;
    Ok(flash::redirect(&app, jar, "flash-calendar-revoked", "/calendar"))
}
