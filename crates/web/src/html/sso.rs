//! Sign-in through an organisation's identity provider: off to the provider, its answer, the
//! confirmation of a new account or of the link to an existing one; and the page where an
//! organisation's admins register their provider.

use super::account::signed_in;
use super::ctx::{Ctx, SignedIn};
use super::flash;
use super::forms::Empty;
use super::forms::{Field, FormErrors, Kind, checkbox};
use super::page::{render_form, safe_back};
use crate::cookies;
use crate::error::{HttpError, HttpResult};
use crate::extract::{CsrfForm, Id};
use app::App;
use app::sso::{Callback, ClientAddresses, Finished, Pending, ProviderInput};
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use domain::OrgId;
use domain::values::Locale;
use serde::Deserialize;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/login/sso", post(start))
        .route(app::sso::CALLBACK_PATH, get(callback))
        .route("/sso/confirm", get(confirm_form).post(confirm))
        .route("/orgs/{id}/sso", get(settings_form).post(save))
        .route("/orgs/{id}/sso/remove", post(remove))
}

/// Sends the browser to the provider of the address's organisation, keeping the sign-in's
/// secret in a cookie of its own.
pub(super) async fn to_provider(
    app: &App,
    lang: Locale,
    jar: CookieJar,
    email: &str,
    next: &str,
    again: bool,
) -> HttpResult<Response> {
    let begun = app::sso::begin(app, lang, email, safe_back(next), again).await?;
    let jar = jar.add(cookies::cookie(cookies::SSO, begun.secret, app.config.behind_tls));
    Ok((jar, leave_for(Ctx::anonymous(lang), begun.url, "sso-leaving-title", "sso-leaving-text")).into_response())
}

/// The page that takes the browser on to the identity provider at `url`.
#[derive(Template)]
#[template(path = "leave.html")]
struct LeavePage {
    ctx: Ctx,
    title: String,
    text: String,
    link: String,
    url: String,
}

/// Leaves for the provider after a form: a redirect would be blocked (the forms may only post
/// to this site, `form-action 'self'`), so a page goes on at once (and has a link).
pub(super) fn leave_for(ctx: Ctx, url: String, title: &str, text: &str) -> Response {
    let page = LeavePage { title: ctx.t(title), text: ctx.t(text), link: ctx.t("sso-leaving-link"), url, ctx };
    super::page::render(&page)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StartForm {
    email: String,
    next: String,
    /// `yes`: a signed-in person signs in there again, to confirm a decision.
    again: String,
}

async fn start(
    State(app): State<App>,
    ctx: Ctx,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<StartForm>,
) -> HttpResult<Response> {
    match (&ctx.user, form.again == "yes") {
        // Signing in again is for the person signed in, whatever the form says.
        (Some(me), true) => to_provider(&app, ctx.lang, jar, &me.email, &form.next, true).await,
        _ => to_provider(&app, ctx.lang, jar, &form.email, &form.next, false).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CallbackQuery {
    state: String,
    code: Option<String>,
    error: Option<String>,
}

/// The provider's answer. Whatever it is, this browser's sign-in is over (its cookie goes); a
/// refusal is a page that says what happened.
async fn callback(State(app): State<App>, jar: CookieJar, Query(q): Query<CallbackQuery>) -> HttpResult<Response> {
    let browser = jar.get(cookies::SSO).map(|c| c.value().to_owned());
    let jar = jar.add(cookies::removal(cookies::SSO));
    let answer = Callback { state: q.state, code: q.code, error: q.error };
    match app::sso::finish(&app, browser.as_deref(), &answer).await {
        Ok(Finished::SignedIn { session, account, next }) => {
            let jar = flash::set(signed_in(&app, jar, session, &account), "flash-logged-in", app.config.behind_tls);
            Ok((jar, Redirect::to(safe_back(&next))).into_response())
        }
        Ok(Finished::Confirm { secret }) => {
            let jar = jar.add(cookies::cookie(cookies::SSO, secret, app.config.behind_tls));
            Ok((jar, Redirect::to("/sso/confirm")).into_response())
        }
        Err(e) => Ok((jar, HttpError::from(e)).into_response()),
    }
}

/// The confirmation of a new account (with the privacy statement) or of the link to an
/// existing one (with its password).
#[derive(Template)]
#[template(path = "sso_confirm.html")]
struct ConfirmPage {
    ctx: Ctx,
    errors: FormErrors,
    pending: Pending,
    fields: Vec<Field>,
}

fn confirm_page(ctx: Ctx, pending: Pending, errors: FormErrors, privacy_accepted: bool) -> Response {
    let l = ctx.lang;
    let fields = if pending.needs_password {
        vec![
            Field::new(l, &errors, "password", Kind::Password, "")
                .required()
                .autocomplete("current-password")
                .without_hint(),
        ]
    } else if pending.link {
        Vec::new()
    } else {
        vec![Field::new(l, &errors, "privacy_accepted", Kind::Checkbox, "").required().checked(privacy_accepted)]
    };
    let failed = !errors.is_empty();
    render_form(&ConfirmPage { ctx, errors, pending, fields }, failed)
}

fn held_secret(jar: &CookieJar) -> HttpResult<String> {
    jar.get(cookies::SSO).map(|c| c.value().to_owned()).ok_or(HttpError::App(app::Error::SignIn("sign-in-expired")))
}

async fn confirm_form(State(app): State<App>, ctx: Ctx, jar: CookieJar) -> HttpResult<Response> {
    let pending = app::sso::pending(&app, &held_secret(&jar)?).await?;
    Ok(confirm_page(ctx, pending, FormErrors::default(), false))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ConfirmForm {
    /// `link` or `create`, as the page offered.
    what: String,
    password: String,
    #[serde(deserialize_with = "checkbox")]
    privacy_accepted: bool,
}

async fn confirm(
    State(app): State<App>,
    ctx: Ctx,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> HttpResult<Response> {
    let secret = held_secret(&jar)?;
    let link = form.what == "link";
    let done = if link {
        app::sso::link_account(&app, &secret, &form.password).await
    } else {
        app::sso::create_account(&app, ctx.lang, &secret, form.privacy_accepted).await
    };
    match done {
        Ok((session, account, next)) => {
            let jar = signed_in(&app, jar.add(cookies::removal(cookies::SSO)), session, &account);
            let key = if link { "flash-sso-linked" } else { "flash-sso-welcome" };
            let jar = flash::set(jar, key, app.config.behind_tls);
            Ok((jar, Redirect::to(safe_back(&next))).into_response())
        }
        Err(app::Error::Invalid(errs)) => {
            let pending = app::sso::pending(&app, &secret).await?;
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(confirm_page(ctx, pending, errors, form.privacy_accepted))
        }
        Err(e) => Err(e.into()),
    }
}

/// The organisation's provider, as its admins register it.
#[derive(Template)]
#[template(path = "org_sso.html")]
struct SettingsPage {
    ctx: Ctx,
    org: app::orgs::Organisation,
    errors: FormErrors,
    fields: Vec<Field>,
    /// A provider is registered (it can be removed).
    registered: bool,
    addresses: ClientAddresses,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SettingsForm {
    issuer: String,
    client_id: String,
    client_secret: String,
    password_allowed: bool,
    domains: Vec<String>,
}

/// The form's values from its pairs (`domains` repeats, once per ticked domain).
fn settings_form_of(pairs: &[(String, String)]) -> SettingsForm {
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    SettingsForm {
        issuer: get("issuer"),
        client_id: get("client_id"),
        client_secret: get("client_secret"),
        password_allowed: get("password_allowed") == "on",
        domains: pairs.iter().filter(|(n, _)| n == "covered_domains").map(|(_, v)| v.clone()).collect(),
    }
}

fn settings_page(
    app: &App,
    ctx: Ctx,
    org: app::orgs::Organisation,
    form: &SettingsForm,
    errors: FormErrors,
    registered: bool,
) -> Response {
    let l = ctx.lang;
    let domains = org.domains.iter().map(|d| (d.clone(), d.clone())).collect();
    let fields = vec![
        Field::new(l, &errors, "issuer", Kind::Text, &form.issuer).required().autocomplete("url"),
        Field::new(l, &errors, "client_id", Kind::Text, &form.client_id).required(),
        // Never shown again: empty keeps the one saved.
        {
            let secret = Field::new(l, &errors, "client_secret", Kind::Password, "").autocomplete("new-password");
            if registered { secret } else { secret.required() }
        },
        Field::new(l, &errors, "covered_domains", Kind::Choices, "")
            .required()
            .options(domains)
            .chosen(form.domains.clone()),
        Field::new(l, &errors, "password_allowed", Kind::Checkbox, "").checked(form.password_allowed),
    ];
    let failed = !errors.is_empty();
    let addresses = app::sso::client_addresses(app);
    render_form(&SettingsPage { ctx, org, errors, fields, registered, addresses }, failed)
}

async fn settings_form(State(app): State<App>, SignedIn(ctx, me): SignedIn, Id(id): Id<OrgId>) -> HttpResult<Response> {
    let settings = app::sso::settings(&app, &me.actor(), id).await?;
    let org = app::orgs::get(&app, id).await?;
    let form = match &settings {
        Some(s) => SettingsForm {
            issuer: s.issuer.clone(),
            client_id: s.client_id.clone(),
            client_secret: String::new(),
            password_allowed: s.password_allowed,
            domains: s.domains.clone(),
        },
        // A new registration covers every domain, and keeps passwords until the admin is sure.
        None => SettingsForm { password_allowed: true, domains: org.domains.clone(), ..Default::default() },
    };
    Ok(settings_page(&app, ctx, org, &form, FormErrors::default(), settings.is_some()))
}

async fn save(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<OrgId>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> HttpResult<Response> {
    let form = settings_form_of(&pairs);
    let input = ProviderInput {
        issuer: form.issuer.clone(),
        client_id: form.client_id.clone(),
        client_secret: form.client_secret.clone(),
        password_allowed: form.password_allowed,
        domains: form.domains.clone(),
    };
    match app::sso::save(&app, &me.actor(), id, &input).await {
        Ok(()) => Ok(flash::redirect(&app, jar, "flash-sso-saved", &format!("/orgs/{id}/sso"))),
        Err(app::Error::Invalid(errs)) => {
            let registered = app::sso::settings(&app, &me.actor(), id).await?.is_some();
            let org = app::orgs::get(&app, id).await?;
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(settings_page(&app, ctx, org, &form, errors, registered))
        }
        Err(e) => Err(e.into()),
    }
}

async fn remove(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<OrgId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    app::sso::remove(&app, &me.actor(), id).await?;
    Ok(flash::redirect(&app, jar, "flash-sso-removed", &format!("/orgs/{id}/sso")))
}
