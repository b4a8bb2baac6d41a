//! Sign-in through an organisation's identity provider (OpenID Connect): an admin registers
//! the provider (issuer, client, the domains it covers, whether passwords stay allowed); the
//! login sends a person of such a domain there ([`begin`]: authorisation code with PKCE, `state`
//! and `nonce`), and the provider's answer ([`finish`]) signs them in, creates their account
//! after they agree ([`create_account`]), or links an existing one once they prove its password
//! ([`link_account`]). Tokens are checked by the `openidconnect` crate: signature against the
//! provider's published keys, issuer, audience, expiry and nonce. Logging out ends the session
//! at the provider too where it offers that ([`logout_url`]).
//!
//! What is under way lives in the database (`store::sso`), never in this process's memory:
//! the answer may reach another instance than the one that sent the person off.

use crate::secrets::{hash_secret, new_secret};
use crate::{App, Error, Result};
use domain::access::Actor;
use domain::error::Errors;
use domain::values::{DisplayName, Email, Locale};
use domain::{FieldError, OrgId, Reason, UserId};
use openidconnect::core::{CoreAuthPrompt, CoreAuthenticationFlow, CoreClient, CoreGenderClaim};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EmptyAdditionalClaims, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IdTokenClaims, IssuerUrl, LogoutRequest, Nonce, PkceCodeChallenge, PkceCodeVerifier,
    PostLogoutRedirectUrl, ProviderMetadataWithLogout, RedirectUrl, Scope, TokenResponse,
};
use std::sync::OnceLock;
use std::time::Duration;
use store::sso::{Answer, Provider, ProviderDraft, SentAttempt};
use store::users::{Account, NewUser, Proof};
use store::{AuditEntry, Effects};

/// How long a person has from leaving for the provider to coming back, and from the provider's
/// answer to confirming a new account or a link.
const ATTEMPT_VALIDITY: chrono::Duration = chrono::Duration::minutes(10);

/// How long a provider may take to answer one request before it counts as unreachable.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(10);

/// Where the provider sends the person back to (registered at the provider).
pub const CALLBACK_PATH: &str = "/sso/callback";

/// The longest client id and secret an admin may enter.
const MAX_CLIENT_FIELD: usize = 500;

type Client =
    CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;
type Claims = IdTokenClaims<EmptyAdditionalClaims, CoreGenderClaim>;

/// The one HTTP client for providers: it never follows redirects (a provider's answer that
/// redirects elsewhere could be turned against other hosts) and gives up after a timeout.
fn http() -> Result<&'static reqwest::Client> {
    static HTTP: OnceLock<reqwest::Client> = OnceLock::new();
    if let Some(c) = HTTP.get() {
        return Ok(c);
    }
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(PROVIDER_TIMEOUT / 2)
        .timeout(PROVIDER_TIMEOUT)
        .build()
        .map_err(|e| Error::internal("HTTP client for identity providers", e))?;
    Ok(HTTP.get_or_init(|| client))
}

/// A provider's address: `https://`; `http://` only on this machine's loopback and only for an
/// instance that is itself not served over TLS (a provider under test, never in production).
/// What the provider's discovery document names as its issuer must match it exactly.
fn parse_issuer(raw: &str, plain_loopback: bool) -> Result<IssuerUrl, FieldError> {
    let issuer = IssuerUrl::new(raw.trim().to_owned()).map_err(|_| FieldError::new("issuer", Reason::Link))?;
    let url = issuer.url();
    let loopback = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
    match url.scheme() {
        "https" => Ok(issuer),
        "http" if loopback && plain_loopback => Ok(issuer),
        _ => Err(FieldError::new("issuer", Reason::Link)),
    }
}

/// The provider's discovery document and keys, fetched now.
async fn discover(issuer: &IssuerUrl) -> Result<ProviderMetadataWithLogout, &'static str> {
    let http = http().map_err(|_| "provider-unreachable")?;
    ProviderMetadataWithLogout::discover_async(issuer.clone(), http).await.map_err(|e| {
        tracing::warn!(issuer = %issuer.as_str(), error = %e, "identity provider discovery failed");
        "provider-unreachable"
    })
}

/// A client for the provider, from its discovery document.
async fn client(app: &App, p: &Provider) -> Result<(Client, ProviderMetadataWithLogout)> {
    let issuer = IssuerUrl::new(p.issuer.clone()).map_err(|_| Error::SignIn("provider-unreachable"))?;
    let meta = discover(&issuer).await.map_err(Error::SignIn)?;
    let redirect =
        RedirectUrl::new(app.config.link(CALLBACK_PATH)).map_err(|e| Error::internal("redirect address", e))?;
    let client = CoreClient::from_provider_metadata(
        meta.clone(),
        ClientId::new(p.client_id.clone()),
        Some(ClientSecret::new(p.client_secret.clone())),
    )
    .set_redirect_uri(redirect);
    Ok((client, meta))
}

// --- registration ----------------------------------------------------------------------------

/// A provider's registration as an admin typed it.
#[derive(Debug, Clone, Default)]
pub struct ProviderInput {
    pub issuer: String,
    pub client_id: String,
    /// Empty keeps the secret saved before.
    pub client_secret: String,
    pub password_allowed: bool,
    pub domains: Vec<String>,
}

/// A provider's registration as its admins see it: everything but the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderSettings {
    pub issuer: String,
    pub client_id: String,
    pub password_allowed: bool,
    pub domains: Vec<String>,
}

/// What an admin registers at the provider for this installation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddresses {
    pub redirect_uri: String,
    pub post_logout_redirect_uri: String,
}

pub fn client_addresses(app: &App) -> ClientAddresses {
    ClientAddresses { redirect_uri: app.config.link(CALLBACK_PATH), post_logout_redirect_uri: app.config.link("/") }
}

/// The organisation's provider, for its admins and organisers.
pub async fn settings(app: &App, actor: &Actor, org: OrgId) -> Result<Option<ProviderSettings>> {
    actor.ensure_org_admin(org)?;
    Ok(store::sso::provider(&app.db, org).await?.map(|p| ProviderSettings {
        issuer: p.issuer,
        client_id: p.client_id,
        password_allowed: p.password_allowed,
        domains: p.domains,
    }))
}

/// Registers or changes the organisation's provider (its admins and organisers). The provider
/// must answer at the issuer's address now, so that a typing error shows here and not at the
/// first person's sign-in.
pub async fn save(app: &App, actor: &Actor, org: OrgId, input: &ProviderInput) -> Result<()> {
    actor.ensure_org_admin(org)?;
    let organisation = store::orgs::get(&app.db, org).await?;
    let saved = store::sso::provider(&app.db, org).await?;
    let mut errs = Errors::default();
    let issuer = errs.take(parse_issuer(&input.issuer, !app.config.behind_tls));
    let client_id = input.client_id.trim();
    let secret = input.client_secret.trim();
    for (field, value) in [("client_id", client_id), ("client_secret", secret)] {
        if value.chars().count() > MAX_CLIENT_FIELD {
            errs.push(FieldError::new(field, Reason::TooLong { max: MAX_CLIENT_FIELD }));
        }
    }
    if client_id.is_empty() {
        errs.push(FieldError::new("client_id", Reason::Required));
    }
    if secret.is_empty() && saved.is_none() {
        errs.push(FieldError::new("client_secret", Reason::Required));
    }
    let mut domains: Vec<String> = input.domains.iter().map(|d| d.trim().to_lowercase()).collect();
    domains.sort();
    domains.dedup();
    if domains.is_empty() {
        errs.push(FieldError::new("covered_domains", Reason::Required));
    } else if !domains.iter().all(|d| organisation.domains.contains(d)) {
        errs.push(FieldError::new("covered_domains", Reason::UnknownChoice));
    }
    errs.into_result()?;
    let Some(issuer) = issuer else { return Err(Error::field("issuer", Reason::Link)) };
    if discover(&issuer).await.is_err() {
        return Err(Error::field("issuer", Reason::ProviderUnreachable));
    }
    let draft = ProviderDraft {
        issuer: issuer.as_str().to_owned(),
        client_id: client_id.to_owned(),
        client_secret: (!secret.is_empty()).then(|| secret.to_owned()),
        password_allowed: input.password_allowed,
        domains,
    };
    let effects = Effects::audit(
        AuditEntry::new(Some(actor.user_id), "sso.provider-saved", "organisation", org).detail(&draft.issuer),
    );
    Ok(store::sso::save_provider(&app.db, org, &draft, actor.user_id, &effects).await?)
}

/// Removes the organisation's provider (its admins and organisers): its people sign in with a
/// password again (one who never had one sets it with "Passwort vergessen").
pub async fn remove(app: &App, actor: &Actor, org: OrgId) -> Result<()> {
    actor.ensure_org_admin(org)?;
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), "sso.provider-removed", "organisation", org));
    Ok(store::sso::delete_provider(&app.db, org, &effects).await?)
}

// --- signing in ------------------------------------------------------------------------------

/// How a person with this address signs in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginWay {
    Password,
    /// Through their organisation's provider; perhaps with a password too.
    Provider {
        org_name: String,
        password_allowed: bool,
    },
}

/// The provider that signs in the person with this address: the one covering its domain, as
/// long as an account with the address (if there is one) belongs to the provider's
/// organisation. A domain is no claim on the accounts of other organisations.
async fn provider_of(app: &App, email: &Email) -> Result<Option<Provider>> {
    let Some(p) = store::sso::provider_for_domain(&app.db, email.domain().as_str()).await? else { return Ok(None) };
    match store::users::account_by_email(&app.db, &email.normalised()).await? {
        Some(user) if store::users::account(&app.db, user).await?.org_id != Some(p.org_id) => Ok(None),
        _ => Ok(Some(p)),
    }
}

/// How the person with this address signs in (the login page's first step).
pub async fn login_way(app: &App, email_raw: &str) -> Result<LoginWay> {
    let email = Email::parse("email", email_raw)?;
    Ok(match provider_of(app, &email).await? {
        Some(p) => LoginWay::Provider { org_name: p.org_name, password_allowed: p.password_allowed },
        None => LoginWay::Password,
    })
}

/// Whether the address's organisation allows only its provider to sign its people in.
pub(crate) async fn password_refused(app: &App, email: &Email) -> Result<bool> {
    Ok(provider_of(app, email).await?.is_some_and(|p| !p.password_allowed))
}

/// A sign-in sent off: the browser keeps `secret` (the `state` is derived from it) and goes to
/// `url`.
#[derive(Debug, Clone)]
pub struct Begun {
    pub secret: String,
    pub url: String,
}

/// Sends the person with this address to their organisation's provider; `next` is where they
/// wanted to go (a local path, checked by the face). `again`: the provider asks for the
/// person's credentials even if they are signed in there (`prompt=login`), so that the new
/// session confirms a decision ([`crate::account::Confirmation::SignIn`]).
pub async fn begin(app: &App, lang: Locale, email_raw: &str, next: &str, again: bool) -> Result<Begun> {
    let email = Email::parse("email", email_raw)?;
    let provider = provider_of(app, &email).await?.ok_or(Error::NotFound)?;
    let (client, _) = client(app, &provider).await?;
    let secret = new_secret();
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let state = state_of(&secret);
    let mut request = client.authorize_url(
        CoreAuthenticationFlow::AuthorizationCode,
        move || CsrfToken::new(state),
        Nonce::new_random,
    );
    if again {
        request = request.add_prompt(CoreAuthPrompt::Login);
    }
    let (url, _, nonce) = request
        .add_scope(Scope::new("email".into()))
        .add_scope(Scope::new("profile".into()))
        .set_pkce_challenge(challenge)
        .add_extra_param("login_hint", email.to_string())
        .add_extra_param("ui_locales", lang.as_str())
        .url();
    let attempt = SentAttempt {
        org_id: provider.org_id,
        nonce: nonce.secret().clone(),
        pkce_verifier: verifier.secret().clone(),
        next: next.to_owned(),
    };
    store::sso::start_attempt(&app.db, &hash_secret(&secret), &attempt, store::now() + ATTEMPT_VALIDITY).await?;
    Ok(Begun { secret, url: url.to_string() })
}

/// The provider's answer as it arrives at [`CALLBACK_PATH`].
#[derive(Debug, Clone, Default)]
pub struct Callback {
    pub state: String,
    pub code: Option<String>,
    /// Set when the provider did not sign the person in (`access_denied`, say).
    pub error: Option<String>,
}

/// Where a provider's answer leads.
#[derive(Debug, Clone)]
pub enum Finished {
    /// Signed in: the session's secret, the person, and where they wanted to go.
    SignedIn { session: String, account: Box<Account>, next: String },
    /// The person confirms first (a new account, or the link to their existing one); the
    /// browser keeps `secret` for that.
    Confirm { secret: String },
}

/// Takes the provider's answer: the `state` must be the one this browser's secret
/// (`browser_secret`) made, and is used once; the code is redeemed with the PKCE verifier; the ID
/// token's signature and claims are checked. A refusal is [`Error::SignIn`] and is recorded.
pub async fn finish(app: &App, browser_secret: Option<&str>, answer: &Callback) -> Result<Finished> {
    // The state must be the one this browser's secret makes; compared as hashes, so that the
    // comparison takes the same time wherever they differ.
    let Some(secret) = browser_secret.filter(|s| !s.is_empty()) else { return Err(Error::SignIn("sign-in-expired")) };
    if hash_secret(&state_of(secret)) != hash_secret(&answer.state) {
        return Err(Error::SignIn("sign-in-expired"));
    }
    let secret_hash = hash_secret(secret);
    let sent = store::sso::take_sent(&app.db, &secret_hash).await?.ok_or(Error::SignIn("sign-in-expired"))?;
    let org = sent.org_id;
    let result = match vouched(app, &sent, answer).await {
        Ok((provider, claims)) => after_vouching(app, &provider, &sent.next, claims).await,
        Err(e) => Err(e),
    };
    if let Err(Error::SignIn(why)) = &result {
        let effects = Effects::audit(AuditEntry::new(None, "login.sso-refused", "organisation", org).detail(*why));
        store::outbox::record(&app.db, &effects).await?;
    }
    result
}

/// The `state` sent with a sign-in: derived from the browser's secret, so that the secret itself
/// never travels in an address (where logs and proxies see it) and the cookie stays its own.
fn state_of(secret: &str) -> String {
    hash_secret(&format!("state:{secret}"))
}

/// Redeems the code and checks the ID token; the provider and the token's claims.
async fn vouched(app: &App, sent: &SentAttempt, answer: &Callback) -> Result<(Provider, Claims)> {
    if answer.error.is_some() {
        return Err(Error::SignIn("sign-in-cancelled"));
    }
    let code = answer.code.clone().filter(|c| !c.is_empty()).ok_or(Error::SignIn("provider-answer-invalid"))?;
    let provider = store::sso::provider(&app.db, sent.org_id).await?.ok_or(Error::SignIn("sign-in-expired"))?;
    let (client, _) = client(app, &provider).await?;
    let invalid = |what: &str, e: &dyn std::fmt::Display| {
        tracing::warn!(org = %sent.org_id, error = %e, "identity provider's answer refused: {what}");
        Error::SignIn("provider-answer-invalid")
    };
    let tokens = client
        .exchange_code(AuthorizationCode::new(code))
        .map_err(|e| invalid("no token endpoint", &e))?
        .set_pkce_verifier(PkceCodeVerifier::new(sent.pkce_verifier.clone()))
        .request_async(http()?)
        .await
        .map_err(|e| match e {
            openidconnect::RequestTokenError::Request(e) => {
                tracing::warn!(org = %sent.org_id, error = %e, "identity provider unreachable");
                Error::SignIn("provider-unreachable")
            }
            e => invalid("token request", &e),
        })?;
    let id_token = tokens.id_token().ok_or_else(|| invalid("no ID token", &"missing"))?;
    let claims = id_token
        .claims(&client.id_token_verifier(), &Nonce::new(sent.nonce.clone()))
        .map_err(|e| invalid("ID token", &e))?
        .clone();
    Ok((provider, claims))
}

/// The person the provider vouched for: signed in if their subject is known here; otherwise
/// their answer is held for them to confirm.
async fn after_vouching(app: &App, provider: &Provider, next: &str, claims: Claims) -> Result<Finished> {
    let org = provider.org_id;
    let subject = claims.subject().as_str().to_owned();
    if let Some(user) = store::sso::identity_user(&app.db, org, &subject).await? {
        // Signed in when the provider says the person authenticated: a "sign in again" the
        // provider answered from its own older session does not confirm a signature.
        let via = store::users::ProviderSignIn { org, authenticated_at: claims.auth_time() };
        let (session, account) = open_session(app, user, via, "login.sso").await?;
        return Ok(Finished::SignedIn { session, account: Box::new(account), next: next.to_owned() });
    }
    // Only an address the provider says it verified, of a domain its organisation holds and
    // registered for it: a provider cannot vouch for another organisation's people.
    let email = claims
        .email()
        .filter(|_| claims.email_verified() == Some(true))
        .and_then(|e| Email::parse("email", e.as_str()).ok())
        .filter(|e| provider.domains.iter().any(|d| d == e.domain().as_str()))
        .ok_or(Error::SignIn("address-not-vouched"))?;
    // An account with the address in another organisation is not the provider's to link.
    let link_user = match store::users::account_by_email(&app.db, &email.normalised()).await? {
        Some(user) if store::users::account(&app.db, user).await?.org_id != Some(org) => {
            return Err(Error::SignIn("address-not-vouched"));
        }
        other => other,
    };
    let held = Answer {
        org_id: org,
        subject,
        display_name: display_name(&claims, &email),
        link_user,
        email: email.to_string(),
        next: next.to_owned(),
    };
    let secret = new_secret();
    store::sso::hold_answer(&app.db, &hash_secret(&secret), &held, store::now() + ATTEMPT_VALIDITY).await?;
    Ok(Finished::Confirm { secret })
}

/// The name the provider gives (`name`, or given and family name), else the address's local
/// part; cut to what a display name may be.
fn display_name(claims: &Claims, email: &Email) -> String {
    let full = claims.name().and_then(|n| n.get(None)).map(|n| n.as_str().trim().to_owned());
    let parts = || {
        let given = claims.given_name().and_then(|n| n.get(None)).map(|n| n.as_str().trim().to_owned());
        let family = claims.family_name().and_then(|n| n.get(None)).map(|n| n.as_str().trim().to_owned());
        let joined = [given, family].into_iter().flatten().collect::<Vec<_>>().join(" ");
        (!joined.is_empty()).then_some(joined)
    };
    let local = || email.to_string().split('@').next().unwrap_or_default().to_owned();
    let name = full.filter(|n| !n.is_empty()).or_else(parts).unwrap_or_else(local);
    let cut: String = name.chars().take(DisplayName::MAX).collect();
    DisplayName::parse("display_name", &cut).map(|n| n.to_string()).unwrap_or_else(|_| local())
}

/// Starts a session opened through `org`'s provider.
async fn open_session(
    app: &App,
    user: UserId,
    via: store::users::ProviderSignIn,
    action: &'static str,
) -> Result<(String, Account)> {
    let org = via.org;
    let secret = new_secret();
    let effects = Effects::audit(AuditEntry::new(Some(user), action, "user", user).detail(org.to_string()));
    store::users::create_session(&app.db, user, &hash_secret(&secret), app.config.sessions, Some(via), &effects)
        .await?;
    Ok((secret, store::users::account(&app.db, user).await?))
}

/// A held answer as the confirmation page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub org_name: String,
    pub email: String,
    pub display_name: String,
    /// An account with this address exists: it is linked (with its password, if it has one).
    pub link: bool,
    /// The existing account has a password, which the person proves once to link it.
    pub needs_password: bool,
}

/// The provider's answer held for this browser, if it is still valid.
pub async fn pending(app: &App, secret: &str) -> Result<Pending> {
    let held = store::sso::held_answer(&app.db, &hash_secret(secret)).await?.ok_or(Error::SignIn("sign-in-expired"))?;
    let org = store::orgs::get(&app.db, held.org_id).await?;
    let needs_password = match held.link_user {
        Some(user) => has_password(app, &store::users::account(&app.db, user).await?).await?,
        None => false,
    };
    Ok(Pending {
        org_name: org.name,
        email: held.email,
        display_name: held.display_name,
        link: held.link_user.is_some(),
        needs_password,
    })
}

/// Whether an account has a password (one made by a provider's sign-in has none).
async fn has_password(app: &App, account: &Account) -> Result<bool> {
    let creds = store::users::credentials(&app.db, &account.email.to_lowercase()).await?;
    Ok(creds.is_some_and(|c| !c.password_hash.is_empty()))
}

/// Creates the account the provider vouched for, in its organisation, once the person agreed
/// to the privacy statement, and signs them in.
pub async fn create_account(
    app: &App,
    lang: Locale,
    secret: &str,
    privacy_accepted: bool,
) -> Result<(String, Account, String)> {
    let hash = hash_secret(secret);
    let held = store::sso::held_answer(&app.db, &hash).await?.ok_or(Error::SignIn("sign-in-expired"))?;
    if held.link_user.is_some() {
        return Err(Error::Conflict("account-exists"));
    }
    if !privacy_accepted {
        return Err(Error::field("privacy_accepted", Reason::MustAccept));
    }
    let email = Email::parse("email", &held.email)?;
    let user = NewUser {
        id: UserId::new(),
        email: email.to_string(),
        email_norm: email.normalised(),
        display_name: held.display_name.clone(),
        // No password: this person signs in through their provider (or sets one by a reset
        // link, where their organisation allows passwords).
        password_hash: String::new(),
        org_id: Some(held.org_id),
        locale: lang,
        organiser: false,
        verified: true,
    };
    let effects =
        Effects::audit(AuditEntry::new(Some(user.id), "signup.sso", "user", user.id).detail(held.org_id.to_string()));
    let proof = Proof::Provider { org: held.org_id, subject: held.subject.clone(), answer_hash: hash };
    store::users::create(&app.db, &user, &proof, &effects).await.map_err(|e| match e {
        store::StoreError::NotFound => Error::SignIn("sign-in-expired"),
        e => e.into(),
    })?;
    let (session, account) = open_session(app, user.id, held.org_id.into(), "login.sso").await?;
    Ok((session, account, held.next))
}

/// Links the existing account with the vouched address to the provider, once the person proved
/// its password (under the login's lockout), and signs them in; the owner is told by mail. An
/// account without a password was made by this organisation's provider before (registered
/// anew since): the provider's word links it.
pub async fn link_account(app: &App, secret: &str, password: &str) -> Result<(String, Account, String)> {
    let hash = hash_secret(secret);
    let held = store::sso::held_answer(&app.db, &hash).await?.ok_or(Error::SignIn("sign-in-expired"))?;
    let user = held.link_user.ok_or(Error::NotFound)?;
    let account = store::users::account(&app.db, user).await?;
    if has_password(app, &account).await? {
        crate::account::confirm_password(app, &account, password).await?;
    } else if account.org_id != Some(held.org_id) {
        return Err(Error::SignIn("address-not-vouched"));
    }
    let org = store::orgs::get(&app.db, held.org_id).await?;
    let text = crate::i18n::t_args(
        account.locale,
        "notice-sso-linked",
        &[("organisation", crate::i18n::arg(org.name.as_str()))],
    );
    let notice = crate::notify::security_notice(account.locale, &account.email, &account.display_name, &text);
    let effects = Effects::audit(AuditEntry::new(Some(user), "sso.linked", "user", user).detail(org.id.to_string()))
        .with_mail(notice);
    store::sso::link(&app.db, &hash, user, &held, &effects).await.map_err(|e| match e {
        store::StoreError::NotFound => Error::SignIn("sign-in-expired"),
        // Linked already, under another subject of the provider (an account made anew there).
        store::StoreError::Taken(_) => Error::Conflict("already-linked"),
        e => e.into(),
    })?;
    let (session, account) = open_session(app, user, held.org_id.into(), "login.sso").await?;
    Ok((session, account, held.next))
}

/// Where the browser goes to end the person's session at `org`'s provider too, if the provider
/// offers that (`end_session_endpoint`); nothing when it cannot be reached (the session here
/// has ended anyway).
pub(crate) async fn logout_url(app: &App, org: OrgId) -> Option<String> {
    let provider = store::sso::provider(&app.db, org).await.ok().flatten()?;
    let issuer = IssuerUrl::new(provider.issuer.clone()).ok()?;
    let meta = discover(&issuer).await.ok()?;
    let end = meta.additional_metadata().end_session_endpoint.clone()?;
    let back = PostLogoutRedirectUrl::new(app.config.link("/")).ok()?;
    let request =
        LogoutRequest::from(end).set_client_id(ClientId::new(provider.client_id)).set_post_logout_redirect_uri(back);
    Some(request.http_get_url().to_string())
}

#[cfg(test)]
mod tests {
    use super::parse_issuer;

    #[test]
    fn plain_http_only_on_the_loopback_of_an_instance_without_tls() {
        assert!(parse_issuer("https://login.kreis.example/realms/kreis", false).is_ok());
        assert!(parse_issuer("http://127.0.0.1:9000", true).is_ok(), "a provider under test");
        assert!(parse_issuer("http://127.0.0.1:9000", false).is_err(), "never beside production");
        assert!(parse_issuer("http://login.kreis.example", true).is_err());
        assert!(parse_issuer("ftp://login.kreis.example", true).is_err());
    }
}
