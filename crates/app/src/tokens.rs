//! Personal API tokens: created and revoked by their owner. A token is shown once, at creation;
//! only its hash is kept. A script presents it as `Authorization: Bearer jt_...`.

use crate::secrets::{hash_secret, new_secret};
use crate::{Account, App, Result};
use domain::TokenId;
use domain::values::{Locale, TokenName};
use store::{AuditEntry, Effects};

pub use store::users::ApiToken;

/// A token just made: the secret is shown this once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewToken {
    pub id: TokenId,
    pub secret: String,
}

/// The tokens of `me`, without their secrets.
pub async fn list(app: &App, me: &Account) -> Result<Vec<ApiToken>> {
    Ok(store::users::tokens(&app.db, me.id).await?)
}

/// Creates a token for `me` named `name`.
pub async fn create(app: &App, me: &Account, name: &str) -> Result<NewToken> {
    create_for(app, me, name, None).await
}

/// Creates a token for whoever proves their address and password, for a script that starts
/// from nothing (the login page's lockout counts these attempts too).
pub async fn create_with_password(
    app: &App,
    lang: Locale,
    email: &str,
    password: &str,
    name: &str,
) -> Result<NewToken> {
    // The name is checked first, so that a refused name costs no password attempt.
    TokenName::parse("name", name)?;
    let owner = crate::account::check_password(app, lang, email, password).await?;
    create(app, &owner, name).await
}

/// Creates a token; `how` marks one an operator made for the account on the command line.
pub async fn create_for(app: &App, owner: &Account, name: &str, how: Option<&str>) -> Result<NewToken> {
    let name = TokenName::parse("name", name)?;
    let secret = format!("jt_{}", new_secret());
    let actor = if how.is_some() { None } else { Some(owner.id) };
    let detail = how.unwrap_or(name.as_str());
    let effects = Effects::audit(AuditEntry::new(actor, "token.created", "user", owner.id).detail(detail));
    let id = store::users::create_token(&app.db, owner.id, name.as_str(), &hash_secret(&secret), &effects).await?;
    Ok(NewToken { id, secret })
}

/// Revokes a token of `me`; someone else's is "not found".
pub async fn revoke(app: &App, me: &Account, id: TokenId) -> Result<()> {
    let effects = Effects::audit(AuditEntry::new(Some(me.id), "token.revoked", "api_token", id));
    Ok(store::users::revoke_token(&app.db, me.id, id, &effects).await?)
}

/// The verified account a token belongs to, if it is a live one.
pub async fn authenticate(app: &App, secret: &str) -> Result<Option<Account>> {
    let hash = hash_secret(secret);
    let Some((user, note_use)) = store::users::token_user(&app.db, &hash).await? else { return Ok(None) };
    if note_use {
        crate::touch::note_use(app, store::users::UsedBy::ApiToken, hash);
    }
    let account = store::users::account(&app.db, user).await?;
    Ok(account.verified.then_some(account))
}
