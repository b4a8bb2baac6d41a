//! Calendars: the private feed of a person (a secret address that calendar programs subscribe
//! to without signing in, made, renewed and revoked on `/calendar`), the one-off `.ics` of a
//! swap for its members, and the same file as an e-mail attachment ([`swap_ics`]).
//!
//! The feed's secret is shown once, when it is made; only its hash is kept (as for API tokens).
//! Renewing replaces it, so an address that got into the wrong hands stops working.

use super::render;
use crate::AppState;
use crate::auth::{Ctx, SignedIn};
use crate::error::{AppError, AppResult};
use crate::forms::local_datetime;
use crate::i18n::t_args;
use crate::security::{CsrfForm, flash_redirect, hash_secret, new_secret};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use documents::calendar::{CalendarEvent, calendar_ics};
use domain::swap::Swap;
use domain::values::Locale;
use domain::{SwapId, UserId};
use fluent_templates::fluent_bundle::FluentValue;
use serde::Deserialize;
use store::feeds::Feed;
use store::{AuditEntry, Effects, MailAttachment};

/// The MIME type of every calendar we hand out. `method=PUBLISH` matches the file's `METHOD`
/// (RFC 6047): the events are announced, no reply is asked for.
pub const ICS_TYPE: &str = "text/calendar; charset=utf-8; method=PUBLISH";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/calendar", get(page_get))
        .route("/calendar/feed", post(create))
        .route("/calendar/feed/revoke", post(revoke))
        // `{token}.ics` is not a pattern the router knows (a parameter fills its segment), so
        // the handler takes the segment and checks the suffix.
        .route("/calendar/{file}", get(feed))
        .route("/swaps/{id}/calendar.ics", get(swap_download))
}

/// Makes (or renews) the feed of `user`; returns the secret, which is never shown again. The
/// previous address, if any, stops working. See [`feed_url`] for the address.
pub async fn create_feed(state: &AppState, user: UserId) -> AppResult<String> {
    let secret = new_secret();
    let effects = Effects::audit(AuditEntry::new(Some(user), "calendar_feed.created", "user", user));
    store::feeds::create_or_rotate(&state.db, user, &hash_secret(&secret), &effects).await?;
    Ok(secret)
}

/// The address a calendar program subscribes to.
pub fn feed_url(state: &AppState, secret: &str) -> String {
    format!("{}/calendar/{secret}.ics", state.config.base_url)
}

/// Deletes the feed of `user`; returns whether there was one.
pub async fn revoke_feed(state: &AppState, user: UserId) -> AppResult<bool> {
    let effects = Effects::audit(AuditEntry::new(Some(user), "calendar_feed.revoked", "user", user));
    Ok(store::feeds::revoke(&state.db, user, &effects).await?)
}

/// Writes a calendar, logging why it could not (the events come from validated data, so a
/// failure is a bug, not the person's input).
fn ics(name: &str, events: &[CalendarEvent]) -> AppResult<String> {
    calendar_ics(name, events).map_err(|e| {
        tracing::error!(error = %e, "calendar not written");
        AppError::Internal
    })
}

/// The feed of `user`: every event of every planned swap of theirs, in their language.
pub async fn feed_ics(state: &AppState, user: UserId) -> AppResult<String> {
    let account = store::users::account(&state.db, user).await?;
    let events = crate::week::events_for_user(state, user, account.locale).await?;
    let name = t_args(account.locale, "calendar-feed-name", &[("name", FluentValue::from(account.display_name))]);
    ics(&name, &events)
}

/// The file name of a swap's calendar, e.g. `jobtausch-2027-W13.ics`.
pub fn swap_ics_name(swap: &Swap) -> String {
    format!("jobtausch-{}.ics", swap.week)
}

/// The calendar of one swap as `viewer` sees it (their briefings and appointments), or `None`
/// when there is nothing to put in it: `viewer` is no member, or the week is not planned yet.
pub async fn swap_calendar(state: &AppState, swap: &Swap, viewer: UserId, lang: Locale) -> AppResult<Option<String>> {
    let events = crate::week::events_for_swap(state, swap, viewer, lang).await?;
    if events.is_empty() {
        return Ok(None);
    }
    let name =
        t_args(lang, "calendar-swap-name", &[("week", FluentValue::from(crate::swaps::week_label(lang, swap.week)))]);
    Ok(Some(ics(&name, &events)?))
}

/// A swap's calendar as an e-mail attachment for `viewer`, for the mails about the week.
pub async fn swap_ics(
    state: &AppState,
    swap: &Swap,
    viewer: UserId,
    lang: Locale,
) -> AppResult<Option<MailAttachment>> {
    Ok(swap_calendar(state, swap, viewer, lang).await?.map(|body| MailAttachment {
        name: swap_ics_name(swap),
        content_type: ICS_TYPE.to_owned(),
        body,
    }))
}

/// A calendar response; `disposition` says whether a browser shows or saves it.
fn ics_response(body: String, disposition: &str) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/calendar; charset=utf-8"));
    if let Ok(v) = HeaderValue::from_str(disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// The feed, for calendar programs: no session, the secret in the path is the only key. An
/// unknown or revoked secret is "not found", with nothing said about why.
async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> AppResult<Response> {
    let secret = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    // Only what new_secret makes can match; anything else is not even looked up.
    if secret.len() != 64 || !secret.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    let user = store::feeds::user_by_token(&state.db, &hash_secret(secret)).await?.ok_or(AppError::NotFound)?;
    let body = feed_ics(&state, user).await?;
    Ok(ics_response(body, "inline; filename=\"jobtausch.ics\""))
}

/// One swap's calendar as a download, for its members only; to anyone else the swap does not
/// exist (as on its pages for strangers).
async fn swap_download(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id: SwapId = id.parse().map_err(|_| AppError::NotFound)?;
    let swap = store::swaps::get(&state.db, id).await?;
    if !swap.is_member(me.id) {
        return Err(AppError::NotFound);
    }
    let body = swap_calendar(&state, &swap, me.id, ctx.lang).await?.ok_or(AppError::NotFound)?;
    Ok(ics_response(body, &format!("attachment; filename=\"{}\"", swap_ics_name(&swap))))
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

async fn page(state: &AppState, ctx: Ctx, user: UserId, new_url: Option<String>) -> AppResult<Response> {
    let feed = store::feeds::of_user(&state.db, user).await?;
    Ok(render(&CalendarPage { ctx, feed, new_url }))
}

async fn page_get(State(state): State<AppState>, SignedIn(ctx, me): SignedIn) -> AppResult<Response> {
    page(&state, ctx, me.id, None).await
}

#[derive(Deserialize)]
struct Empty {}

/// Makes or renews the feed and shows its address once (no redirect: the address must not
/// travel in a URL or a cookie).
async fn create(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let secret = create_feed(&state, me.id).await?;
    let url = feed_url(&state, &secret);
    page(&state, ctx, me.id, Some(url)).await
}

async fn revoke(
    State(state): State<AppState>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    revoke_feed(&state, me.id).await?;
    Ok(flash_redirect(&state, jar, "flash-calendar-revoked", "/calendar"))
}
