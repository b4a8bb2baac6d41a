//! `jobtausch admin ...`: what an operator does on the command line, through the same
//! functions of `app` as a person in a browser.

use app::{App, Error};
use domain::values::{DisplayName, Email, Locale, Password};

/// A refused command-line value, in the words the forms use (English).
fn flag_text(flag: &str, e: &domain::FieldError) -> String {
    format!("{flag}: {}", app::i18n::reason_text(Locale::En, &e.reason))
}

fn flag_error(flag: &str, e: &domain::FieldError) -> anyhow::Error {
    anyhow::anyhow!(flag_text(flag, e))
}

/// What the application refused, for the operator: field by field (a field is named by its
/// flag), or by its stable code.
fn refused(e: Error) -> anyhow::Error {
    match e {
        Error::Invalid(fields) => {
            let each: Vec<String> =
                fields.iter().map(|f| flag_text(&format!("--{}", f.field.replace('_', "-")), f)).collect();
            anyhow::anyhow!(each.join(" "))
        }
        Error::Forbidden(code) | Error::Conflict(code) => anyhow::anyhow!("refused: {code}"),
        Error::Internal => anyhow::anyhow!("internal error (details in the log above)"),
        other => anyhow::anyhow!("refused: {other}"),
    }
}

/// Creates a network organiser, or marks an existing account as one. Without a given password
/// one is generated and returned once.
pub async fn create_organiser(app: &App, email: &str, name: &str, password: Option<String>) -> anyhow::Result<String> {
    let email = Email::parse("email", email).map_err(|e| flag_error("--email", &e))?;
    let name = DisplayName::parse("name", name).map_err(|e| flag_error("--name", &e))?;
    if app::account::make_organiser(app, &email, "cli").await.map_err(refused)?.is_some() {
        return Ok(format!("{email} is now a network organiser"));
    }
    let (password, generated) = match password {
        Some(p) => (p, false),
        None => (generate_password(), true),
    };
    let parsed = Password::parse("password", &password).map_err(|e| anyhow::anyhow!("password: {e}"))?;
    app::account::create_verified(app, &email, &name, &parsed, None, true, "cli").await.map_err(refused)?;
    Ok(if generated {
        format!("created network organiser {email}\npassword (shown once): {password}")
    } else {
        format!("created network organiser {email}")
    })
}

fn generate_password() -> String {
    // 32 hex characters of a fresh secret: 128 bits.
    app::secrets::new_secret()[..32].to_owned()
}

/// Creates a personal API token for an existing account (for scripts an operator runs);
/// returns the secret, which is shown this once.
pub async fn create_token(app: &App, email: &str, name: &str) -> anyhow::Result<String> {
    let email = Email::parse("email", email).map_err(|e| flag_error("--email", &e))?;
    let owner = match app::account::by_email(app, &email).await {
        Ok(a) => a,
        Err(Error::NotFound) => anyhow::bail!("no account with the address {email}"),
        Err(e) => return Err(refused(e)),
    };
    let token = app::tokens::create_for(app, &owner, name, Some("cli")).await.map_err(|e| match e {
        Error::Invalid(fields) => {
            anyhow::anyhow!(fields.iter().map(|f| flag_text("--name", f)).collect::<Vec<_>>().join(" "))
        }
        other => refused(other),
    })?;
    Ok(token.secret)
}

/// Loads `people` generated people (and their organisations) free in weeks `from..=to`.
pub async fn seed_synthetic(
    app: &App,
    people: usize,
    swaps: usize,
    seed: u64,
    from: &str,
    to: &str,
) -> anyhow::Result<String> {
    let period = domain::round::Period::parse(from, to, chrono::Utc::now().date_naive())
        .map_err(|e| anyhow::anyhow!("--from/--to: {e}"))?;
    let (orgs, persons) = crate::synthetic::generate(people, seed, period.weeks());
    let generated = crate::synthetic::generate_swaps(&persons, swaps, seed, chrono::Utc::now());
    let t0 = std::time::Instant::now();
    store::synthetic::insert(&app.db, &orgs, &persons).await?;
    store::synthetic::insert_swaps(&app.db, &generated).await?;
    Ok(format!(
        "loaded {} organisations, {} people and {} swaps in {:.1} s",
        orgs.len(),
        persons.len(),
        generated.len(),
        t0.elapsed().as_secs_f64()
    ))
}

/// The network's figures as CSV in German, as the organisers download them; how long they took
/// goes to standard error (the figures' benchmark reads it).
pub async fn figures(app: &App, year: &str) -> anyhow::Result<String> {
    let year = app::figures::parse_year(year).map_err(|e| anyhow::anyhow!("--year: {e}"))?;
    let t0 = std::time::Instant::now();
    let f = app::figures::figures(app, app::figures::Whose::Network, year).await.map_err(refused)?;
    eprintln!("network figures computed in {:.0} ms", t0.elapsed().as_secs_f64() * 1000.0);
    let csv = app::figures::csv(&f, domain::values::Locale::De, &[]);
    Ok(String::from_utf8(csv.bytes)?)
}

/// Queues a matching round as the organiser `email`, runs it here and returns its figures as
/// JSON (the same round a page would start; its proposals are sent). Rounds queued before it
/// run first; if a server's worker claims it first, this waits until that worker is done.
pub async fn run_round(app: &App, email: &str, input: &app::rounds::RoundInput) -> anyhow::Result<String> {
    let email = Email::parse("email", email).map_err(|e| flag_error("--email", &e))?;
    let account = match app::account::by_email(app, &email).await {
        Ok(a) => a,
        Err(Error::NotFound) => anyhow::bail!("no account {email}"),
        Err(e) => return Err(refused(e)),
    };
    let actor = account.actor();
    let id = app::rounds::queue(app, &actor, input).await.map_err(refused)?;
    let mut told = false;
    loop {
        // Also takes the round over if its worker stalled (see `store::rounds::STALE_CLAIM`).
        app::rounds::run_queued(app).await.map_err(refused)?;
        let (round, _) = app::rounds::get(app, &actor, id).await.map_err(refused)?;
        if matches!(round.state, app::rounds::RoundState::Finished | app::rounds::RoundState::Failed) {
            return Ok(serde_json::to_string_pretty(&round)?);
        }
        if !told {
            eprintln!("round {id} is being run by a server's worker; waiting for its result");
            told = true;
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}
