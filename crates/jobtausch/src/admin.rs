//! `jobtausch admin ...`: what an operator does on the command line.

use domain::UserId;
use domain::values::{DisplayName, Email, Locale, Password};
use store::users::{NewUser, Proof};
use store::{AuditEntry, Db, Effects};

/// A refused command-line value, in the words the forms use (English).
fn flag_text(flag: &str, e: &domain::FieldError) -> String {
    format!("{flag}: {}", web::forms::reason_text(Locale::En, &e.reason))
}

fn flag_error(flag: &str, e: &domain::FieldError) -> anyhow::Error {
    anyhow::anyhow!(flag_text(flag, e))
}

/// What the application refused, for the operator: field by field (a field is named by its
/// flag), or by its stable code.
fn refused(e: web::error::AppError) -> anyhow::Error {
    match e {
        web::error::AppError::Invalid(fields) => {
            let each: Vec<String> =
                fields.iter().map(|f| flag_text(&format!("--{}", f.field.replace('_', "-")), f)).collect();
            anyhow::anyhow!(each.join(" "))
        }
        web::error::AppError::Forbidden(code) | web::error::AppError::Conflict(code) => {
            anyhow::anyhow!("refused: {code}")
        }
        web::error::AppError::Internal => anyhow::anyhow!("internal error (details in the log above)"),
        other => anyhow::anyhow!("refused: {other:?}"),
    }
}

/// Creates a network organiser, or marks an existing account as one. Without a given password
/// one is generated and returned once.
pub async fn create_organiser(db: &Db, email: &str, name: &str, password: Option<String>) -> anyhow::Result<String> {
    let email = Email::parse("email", email).map_err(|e| flag_error("--email", &e))?;
    let name = DisplayName::parse("name", name).map_err(|e| flag_error("--name", &e))?;
    if let Some(existing) = store::users::account_by_email(db, &email.normalised()).await? {
        let effects = Effects::audit(AuditEntry::new(None, "organiser.granted", "user", existing).detail("cli"));
        store::users::set_organiser(db, existing, true, &effects).await?;
        return Ok(format!("{email} is now a network organiser"));
    }
    let (password, generated) = match password {
        Some(p) => (p, false),
        None => (generate_password(), true),
    };
    let parsed = Password::parse("password", &password).map_err(|e| anyhow::anyhow!("password: {e}"))?;
    let hash = web::auth::hash_password(&parsed).map_err(|_| anyhow::anyhow!("cannot hash the password"))?;
    let user = NewUser {
        id: UserId::new(),
        email: email.to_string(),
        email_norm: email.normalised(),
        display_name: name.to_string(),
        password_hash: hash,
        org_id: None,
        locale: Locale::De,
        organiser: true,
        verified: true,
    };
    let effects = Effects::audit(AuditEntry::new(None, "organiser.created", "user", user.id).detail("cli"));
    store::users::create(db, &user, &Proof::Operator, &effects).await?;
    Ok(if generated {
        format!("created network organiser {email}\npassword (shown once): {password}")
    } else {
        format!("created network organiser {email}")
    })
}

fn generate_password() -> String {
    // 32 hex characters of a fresh secret: 128 bits.
    web::security::new_secret()[..32].to_owned()
}

/// Creates a personal API token for an existing account (for scripts an operator runs);
/// returns the secret, which is shown this once.
pub async fn create_token(db: &Db, email: &str, name: &str) -> anyhow::Result<String> {
    let email = Email::parse("email", email).map_err(|e| flag_error("--email", &e))?;
    let name = domain::values::TokenName::parse("name", name).map_err(|e| flag_error("--name", &e))?;
    let user = store::users::account_by_email(db, &email.normalised())
        .await?
        .ok_or_else(|| anyhow::anyhow!("no account with the address {email}"))?;
    let secret = format!("jt_{}", web::security::new_secret());
    let effects = Effects::audit(AuditEntry::new(None, "token.created", "user", user).detail("cli"));
    store::users::create_token(db, user, name.as_str(), &web::security::hash_secret(&secret), &effects).await?;
    Ok(secret)
}

/// Loads `people` generated people (and their organisations) free in weeks `from..=to`.
pub async fn seed_synthetic(db: &Db, people: usize, seed: u64, from: &str, to: &str) -> anyhow::Result<String> {
    let period = domain::round::Period::parse(from, to, chrono::Utc::now().date_naive())
        .map_err(|e| anyhow::anyhow!("--from/--to: {e}"))?;
    let (orgs, persons) = crate::synthetic::generate(people, seed, period.weeks());
    let t0 = std::time::Instant::now();
    store::synthetic::insert(db, &orgs, &persons).await?;
    Ok(format!(
        "loaded {} organisations and {} people in {:.1} s",
        orgs.len(),
        persons.len(),
        t0.elapsed().as_secs_f64()
    ))
}

/// Queues a matching round as the organiser `email`, runs it here and returns its figures as
/// JSON (the same round a page would start; its proposals are sent). Rounds queued before it
/// run first; if a server's worker claims it first, this waits until that worker is done.
pub async fn run_round(db: &Db, email: &str, form: &web::rounds::RoundForm) -> anyhow::Result<String> {
    let email = Email::parse("email", email).map_err(|e| flag_error("--email", &e))?;
    let account = store::users::account_by_email(db, &email.normalised())
        .await?
        .ok_or_else(|| anyhow::anyhow!("no account {email}"))?;
    let account = store::users::account(db, account).await?;
    let state = web::AppState { db: db.clone(), config: std::sync::Arc::new(web::Config::new("http://localhost")) };
    let id = web::rounds::queue(&state, &account.actor(), form).await.map_err(refused)?;
    let mut told = false;
    loop {
        // Also takes the round over if its worker stalled (see `store::rounds::STALE_CLAIM`).
        web::rounds::run_queued(&state).await.map_err(refused)?;
        let round = store::rounds::get(db, id).await?;
        if matches!(round.state, store::rounds::RoundState::Finished | store::rounds::RoundState::Failed) {
            return Ok(serde_json::to_string_pretty(&round)?);
        }
        if !told {
            eprintln!("round {id} is being run by a server's worker; waiting for its result");
            told = true;
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}
