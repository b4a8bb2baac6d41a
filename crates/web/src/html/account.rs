//! Sign-up (by a member organisation's domain or by invitation), e-mail verification, login and
//! logout.

use super::ctx::Ctx;
use super::flash;
use super::forms::Empty;
use super::forms::{Field, FormErrors, Kind, checkbox};
use super::page::{render, render_form, safe_back};
use crate::cookies;
use crate::error::{HttpError, HttpResult};
use crate::extract::CsrfForm;
use app::App;
use app::account::SignupInput;
use app::secrets::hash_secret;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use domain::values::DisplayName;
use serde::Deserialize;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/signup", get(signup_form).post(signup))
        .route("/invitations/{secret}", get(invitation_form))
        .route("/verify", get(verify_form).post(verify))
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/password/forgot", get(forgot_form).post(forgot))
        .route("/password/reset", get(reset_form).post(reset))
}

#[derive(Template)]
#[template(path = "signup.html")]
struct SignupPage {
    ctx: Ctx,
    errors: FormErrors,
    fields: Vec<Field>,
    privacy: Field,
    invitation: String,
    invited_org: Option<String>,
}

/// The sign-up form as sent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct SignupForm {
    email: String,
    display_name: String,
    password: String,
    password_confirm: String,
    #[serde(deserialize_with = "checkbox")]
    privacy_accepted: bool,
    invitation: Option<String>,
}

impl SignupForm {
    fn input(&self) -> SignupInput {
        SignupInput {
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            password: self.password.clone(),
            password_confirm: self.password_confirm.clone(),
            privacy_accepted: self.privacy_accepted,
            invitation: self.invitation.clone(),
        }
    }
}

fn signup_page(ctx: Ctx, input: &SignupForm, errors: FormErrors, invited_org: Option<String>) -> Response {
    let l = ctx.lang;
    let fields = vec![
        Field::new(l, &errors, "email", Kind::Email, &input.email).required().autocomplete("email"),
        Field::new(l, &errors, "display_name", Kind::Text, &input.display_name)
            .max_len(DisplayName::MAX)
            .required()
            .autocomplete("name"),
        Field::new(l, &errors, "password", Kind::Password, "").required().autocomplete("new-password"),
        Field::new(l, &errors, "password_confirm", Kind::Password, "").required().autocomplete("new-password"),
    ];
    let privacy =
        Field::new(l, &errors, "privacy_accepted", Kind::Checkbox, "").required().checked(input.privacy_accepted);
    let invitation = input.invitation.clone().unwrap_or_default();
    let failed = !errors.is_empty();
    render_form(&SignupPage { ctx, fields, privacy, invitation, invited_org, errors }, failed)
}

async fn signup_form(ctx: Ctx) -> Response {
    signup_page(ctx, &SignupForm::default(), FormErrors::default(), None)
}

async fn invitation_form(State(app): State<App>, ctx: Ctx, Path(secret): Path<String>) -> HttpResult<Response> {
    let inv = app::account::invitation(&app, &secret).await?;
    let form = SignupForm { email: inv.email, invitation: Some(secret), ..Default::default() };
    Ok(signup_page(ctx, &form, FormErrors::default(), Some(inv.organisation)))
}

/// A page with a message and perhaps a link on.
#[derive(Template)]
#[template(path = "message.html")]
pub(super) struct MessagePage {
    pub(super) ctx: Ctx,
    pub(super) title: String,
    pub(super) text: String,
    pub(super) link: Option<(String, String)>,
}

async fn signup(
    State(app): State<App>,
    ctx: Ctx,
    jar: CookieJar,
    CsrfForm(input): CsrfForm<SignupForm>,
) -> HttpResult<Response> {
    match app::account::signup(&app, ctx.lang, &input.input()).await {
        Ok(()) => {
            let invited = input.invitation.as_deref().is_some_and(|s| !s.is_empty());
            // The invitation proved the address: the new person is signed in at once.
            if invited
                && let Ok((secret, account)) = app::account::login(&app, ctx.lang, &input.email, &input.password).await
            {
                let jar = signed_in(&app, jar, secret, &account);
                let jar = flash::set(jar, "flash-welcome-invited", app.config.behind_tls);
                return Ok((jar, Redirect::to("/")).into_response());
            }
            let (title, text) = if invited {
                (ctx.t("signup-done-invited-title"), ctx.t("signup-done-invited-text"))
            } else {
                (ctx.t("signup-done-title"), ctx.ta("signup-done-text", "email", input.email.trim()))
            };
            let link = invited.then(|| ("/login".to_owned(), ctx.t("nav-login")));
            Ok(render(&MessagePage { ctx, title, text, link }))
        }
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(signup_page(ctx, &input, errors, None))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct VerifyQuery {
    #[serde(default)]
    token: String,
}

/// The link in the mail asks for a click: opening it confirms nothing, since mail filters
/// open links to check them (and a read never writes).
async fn verify_form(State(app): State<App>, ctx: Ctx, Query(q): Query<VerifyQuery>) -> HttpResult<Response> {
    if !app::account::verify_link_valid(&app, &q.token).await? {
        return Ok(link_invalid(ctx));
    }
    let page = FormPage {
        title: ctx.t("verify-title"),
        lead: ctx.t("verify-lead"),
        submit: ctx.t("verify-submit"),
        ctx,
        errors: FormErrors::default(),
        fields: Vec::new(),
        hidden: vec![("token", q.token)],
        action: "/verify",
    };
    Ok(render_form(&page, false))
}

/// "Link invalid" (400): a confirmation link that is unknown, used or expired.
fn link_invalid(ctx: Ctx) -> Response {
    let (title, text) = (ctx.t("verify-bad-title"), ctx.t("verify-bad-text"));
    let link = Some(("/login".to_owned(), ctx.t("nav-login")));
    let mut res = render(&MessagePage { ctx, title, text, link });
    *res.status_mut() = axum::http::StatusCode::BAD_REQUEST;
    res
}

async fn verify(State(app): State<App>, ctx: Ctx, CsrfForm(q): CsrfForm<VerifyQuery>) -> HttpResult<Response> {
    match app::account::verify(&app, &q.token).await {
        Ok(_) => {
            let (title, text) = (ctx.t("verify-ok-title"), ctx.t("verify-ok-text"));
            let link = Some(("/login".to_owned(), ctx.t("nav-login")));
            Ok(render(&MessagePage { ctx, title, text, link }))
        }
        Err(app::Error::Invalid(_)) => Ok(link_invalid(ctx)),
        Err(e) => Err(e.into()),
    }
}

/// The login page: first the address alone (step one), then the password, or the way to the
/// organisation's identity provider (step two).
#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    ctx: Ctx,
    errors: FormErrors,
    fields: Vec<Field>,
    next: String,
    /// Step two: the password is asked for.
    with_password: bool,
    /// Step two for an address whose organisation signs in through its provider (and allows
    /// passwords too): the provider's organisation and the address, for its button.
    provider: Option<(String, String)>,
    /// A form sent after the session ended, carried through the login: its address and its
    /// fields (URL-encoded).
    carry_action: String,
    carry_fields: String,
}

#[derive(Deserialize, Default)]
struct LoginForm {
    #[serde(default)]
    email: String,
    /// Absent in step one.
    password: Option<String>,
    #[serde(default)]
    next: String,
    #[serde(default)]
    carry_action: String,
    #[serde(default)]
    carry_fields: String,
}

fn login_page(ctx: Ctx, form: &LoginForm, errors: FormErrors, provider: Option<String>) -> Response {
    let l = ctx.lang;
    let with_password = form.password.is_some() || provider.is_some();
    let mut fields =
        vec![Field::new(l, &errors, "email", Kind::Email, &form.email).required().autocomplete("username")];
    if with_password {
        fields.push(
            Field::new(l, &errors, "password", Kind::Password, "")
                .required()
                .autocomplete("current-password")
                .without_hint(),
        );
    }
    let failed = !errors.is_empty();
    let provider = provider.map(|org| (org, form.email.trim().to_owned()));
    let page = LoginPage {
        ctx,
        errors,
        fields,
        next: form.next.clone(),
        with_password,
        provider,
        carry_action: form.carry_action.clone(),
        carry_fields: form.carry_fields.clone(),
    };
    render_form(&page, failed)
}

/// Fields a form sent after the session ended keeps through the login: not its token (the new
/// session has another) and never a password or a client secret.
fn carried_field(name: &str) -> bool {
    !matches!(name, "csrf" | "password" | "password_confirm" | "client_secret")
}

/// The forms whose input is carried through a login: any form of the site but those that sign
/// in or out themselves.
fn carries(path: &str) -> bool {
    !matches!(path, "/login" | "/login/sso" | "/logout" | "/sso/confirm" | "/signup" | "/lang")
        && !path.starts_with("/password/")
}

/// A form's body, kept aside (as a copy) for the case that its session has ended; the request
/// goes on with the same body. Only a body that says its length and is within the form limit
/// is kept (a browser's form always says it); any other goes on untouched, to be refused as
/// before.
pub(super) async fn keep_form(
    req: Request,
    expected_csrf: &str,
) -> Result<(Request, Option<(String, String)>), HttpError> {
    // Another site's form is never carried: it would come back after the login as this
    // person's own, with a fresh token.
    if req.extensions().get::<crate::extract::ForeignOrigin>().is_some() {
        return Ok((req, None));
    }
    let is_form = {
        let header = |name| req.headers().get(name).and_then(|v: &axum::http::HeaderValue| v.to_str().ok());
        req.method() == axum::http::Method::POST
            && header(axum::http::header::CONTENT_TYPE)
                .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
            && header(axum::http::header::CONTENT_LENGTH)
                .and_then(|v| v.parse::<usize>().ok())
                .is_some_and(|n| n <= crate::error::FORM_LIMIT)
    };
    let path = req.uri().path().to_owned();
    if !is_form || !carries(&path) {
        return Ok((req, None));
    }
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, crate::error::FORM_LIMIT)
        .await
        .map_err(|_| HttpError::TooLarge { limit: crate::error::FORM_LIMIT })?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    // Only a form of this browser's own pages (its token, compared by hash) is carried.
    let sent = pairs.iter().find(|(k, _)| k == "csrf").map(|(_, v)| hash_secret(v));
    let own = !expected_csrf.is_empty() && sent.as_deref() == Some(hash_secret(expected_csrf).as_str());
    let request = Request::from_parts(parts, axum::body::Body::from(bytes));
    if !own {
        return Ok((request, None));
    }
    let kept: Vec<(String, String)> = pairs.into_iter().filter(|(k, _)| carried_field(k)).collect();
    let fields = serde_urlencoded::to_string(&kept).unwrap_or_default();
    Ok((request, Some((path, fields))))
}

/// The login page for a form sent after the session ended: the form's address and fields go
/// along (hidden), and after the login a page sends them on. `csrf` is this browser's token.
pub(super) fn login_to_continue(
    lang: domain::values::Locale,
    csrf: String,
    (action, fields): (String, String),
) -> Response {
    let mut ctx = Ctx::anonymous(lang);
    ctx.csrf = csrf;
    ctx.flash = Some(ctx.t("login-session-ended-form"));
    let next = super::page_of_action(&action).to_owned();
    let form = LoginForm { next, carry_action: action, carry_fields: fields, ..Default::default() };
    let mut res = login_page(ctx, &form, FormErrors::default(), None);
    *res.status_mut() = axum::http::StatusCode::UNAUTHORIZED;
    res
}

/// After the login: the form sent before it, ready to send on with the new session's token.
#[derive(Template)]
#[template(path = "resume_form.html")]
struct ResumePage {
    ctx: Ctx,
    action: String,
    fields: Vec<(String, String)>,
    discard: String,
}

fn resume_page(ctx: Ctx, form: &LoginForm) -> Response {
    let fields: Vec<(String, String)> = serde_urlencoded::from_str::<Vec<(String, String)>>(&form.carry_fields)
        .unwrap_or_default()
        .into_iter()
        .filter(|(k, _)| carried_field(k))
        .collect();
    let action = safe_back(&form.carry_action).to_owned();
    let discard = safe_back(&form.next).to_owned();
    render(&ResumePage { ctx, action, fields, discard })
}

#[derive(Deserialize)]
struct NextQuery {
    #[serde(default)]
    next: String,
}

async fn login_form(ctx: Ctx, Query(q): Query<NextQuery>) -> Response {
    if ctx.user.is_some() {
        return Redirect::to(safe_back(&q.next)).into_response();
    }
    login_page(ctx, &LoginForm { next: q.next, ..Default::default() }, FormErrors::default(), None)
}

async fn login(
    State(app): State<App>,
    ctx: Ctx,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> HttpResult<Response> {
    let Some(password) = &form.password else { return login_step_one(&app, ctx, jar, form).await };
    match app::account::login(&app, ctx.lang, &form.email, password).await {
        Ok((secret, account)) if !form.carry_action.is_empty() => {
            // The form sent before the login goes on from a page of its own, with the token of
            // the new session.
            let mut ctx = Ctx::anonymous(account.locale);
            ctx.csrf = crate::extract::CsrfToken::of_session(&secret).0;
            let jar = signed_in(&app, jar, secret, &account);
            Ok((jar, resume_page(ctx, &form)).into_response())
        }
        Ok((secret, account)) => {
            let jar = flash::set(signed_in(&app, jar, secret, &account), "flash-logged-in", app.config.behind_tls);
            Ok((jar, Redirect::to(safe_back(&form.next))).into_response())
        }
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(login_page(ctx, &form, errors, None))
        }
        Err(e @ app::Error::TooManyAttempts { .. }) => {
            let errors =
                FormErrors::new(ctx.lang, &[domain::FieldError::new("email", domain::Reason::TooMany { max: 5 })]);
            let mut res = login_page(ctx, &form, errors, None);
            *res.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
            crate::error::add_retry_after(&HttpError::App(e), &mut res);
            Ok(res)
        }
        Err(e) => Err(e.into()),
    }
}

/// Step one, the address alone: a person whose organisation signs them in through its identity
/// provider goes there (or chooses, where passwords stay allowed); everyone else is asked for
/// the password.
async fn login_step_one(app: &App, ctx: Ctx, jar: CookieJar, form: LoginForm) -> HttpResult<Response> {
    match app::sso::login_way(app, &form.email).await {
        Ok(app::sso::LoginWay::Provider { password_allowed: false, .. }) => {
            super::sso::to_provider(app, ctx.lang, jar, &form.email, &form.next, false).await
        }
        Ok(app::sso::LoginWay::Provider { org_name, password_allowed: true }) => {
            Ok(login_page(ctx, &form, FormErrors::default(), Some(org_name)))
        }
        Ok(app::sso::LoginWay::Password) => {
            let form = LoginForm { password: Some(String::new()), ..form };
            Ok(login_page(ctx, &form, FormErrors::default(), None))
        }
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(login_page(ctx, &form, errors, None))
        }
        Err(e) => Err(e.into()),
    }
}

/// The cookies of a new session: its secret, a new CSRF token (a token seen before signing in
/// is worth nothing after) and the person's language.
pub(super) fn signed_in(app: &App, jar: CookieJar, secret: String, account: &app::Account) -> CookieJar {
    let secure = app.config.behind_tls;
    jar.add(cookies::cookie(cookies::SESSION, secret, secure))
        .add(cookies::csrf(app::secrets::new_secret(), secure))
        .add(cookies::cookie(cookies::LANG, account.locale.as_str().to_owned(), secure))
}

async fn logout(
    State(app): State<App>,
    ctx: Ctx,
    jar: CookieJar,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    let mut at_provider = None;
    if let Some(sid) = jar.get(cookies::SESSION) {
        at_provider = app::account::logout(&app, sid.value()).await?;
    }
    let jar = flash::set(jar.add(cookies::removal(cookies::SESSION)), "flash-logged-out", app.config.behind_tls);
    // Signed in through the organisation's provider: signed out there too, which sends the
    // person back to the start page.
    Ok(match at_provider {
        Some(url) => {
            let page = super::sso::leave_for(Ctx::anonymous(ctx.lang), url, "sso-logout-title", "sso-logout-text");
            (jar, page).into_response()
        }
        None => (jar, Redirect::to("/")).into_response(),
    })
}

/// A page with one simple form: title, lead, fields, hidden values, submit button.
#[derive(Template)]
#[template(path = "form.html")]
struct FormPage {
    ctx: Ctx,
    title: String,
    lead: String,
    errors: FormErrors,
    fields: Vec<Field>,
    hidden: Vec<(&'static str, String)>,
    action: &'static str,
    submit: String,
}

#[derive(Deserialize, Default)]
struct ForgotForm {
    #[serde(default)]
    email: String,
}

fn forgot_page(ctx: Ctx, form: &ForgotForm, errors: FormErrors) -> Response {
    let fields =
        vec![Field::new(ctx.lang, &errors, "email", Kind::Email, &form.email).required().autocomplete("username")];
    let failed = !errors.is_empty();
    let page = FormPage {
        title: ctx.t("forgot-title"),
        lead: ctx.t("forgot-lead"),
        submit: ctx.t("forgot-submit"),
        ctx,
        errors,
        fields,
        hidden: Vec::new(),
        action: "/password/forgot",
    };
    render_form(&page, failed)
}

async fn forgot_form(ctx: Ctx) -> Response {
    forgot_page(ctx, &ForgotForm::default(), FormErrors::default())
}

async fn forgot(State(app): State<App>, ctx: Ctx, CsrfForm(form): CsrfForm<ForgotForm>) -> HttpResult<Response> {
    match app::account::request_password_reset(&app, &form.email).await {
        Ok(()) => {
            let (title, text) = (ctx.t("forgot-done-title"), ctx.ta("forgot-done-text", "email", form.email.trim()));
            Ok(render(&MessagePage { ctx, title, text, link: None }))
        }
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(forgot_page(ctx, &form, errors))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

fn reset_page(ctx: Ctx, token: &str, errors: FormErrors) -> Response {
    let l = ctx.lang;
    let fields = vec![
        Field::new(l, &errors, "password", Kind::Password, "").required().autocomplete("new-password"),
        Field::new(l, &errors, "password_confirm", Kind::Password, "").required().autocomplete("new-password"),
    ];
    let failed = !errors.is_empty();
    let page = FormPage {
        title: ctx.t("reset-title"),
        lead: ctx.t("reset-lead"),
        submit: ctx.t("reset-submit"),
        ctx,
        errors,
        fields,
        hidden: vec![("token", token.to_owned())],
        action: "/password/reset",
    };
    render_form(&page, failed)
}

async fn reset_form(State(app): State<App>, ctx: Ctx, Query(q): Query<VerifyQuery>) -> HttpResult<Response> {
    if !app::account::reset_link_valid(&app, &q.token).await? {
        let (title, text) = (ctx.t("verify-bad-title"), ctx.t("reset-bad-text"));
        let link = Some(("/password/forgot".to_owned(), ctx.t("forgot-title")));
        let mut res = render(&MessagePage { ctx, title, text, link });
        *res.status_mut() = axum::http::StatusCode::BAD_REQUEST;
        return Ok(res);
    }
    Ok(reset_page(ctx, &q.token, FormErrors::default()))
}

async fn reset(
    State(app): State<App>,
    ctx: Ctx,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<ResetForm>,
) -> HttpResult<Response> {
    match app::account::reset_password(&app, &form.token, &form.password, &form.password_confirm).await {
        Ok(_) => Ok(flash::redirect(&app, jar, "flash-password-reset", "/login")),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(reset_page(ctx, &form.token, errors))
        }
        Err(e) => Err(e.into()),
    }
}
