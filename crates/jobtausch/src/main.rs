//! The `jobtausch` binary: command line, configuration from flags and `JOBTAUSCH_*` variables,
//! logging, the web server and the outbox worker that sends mail.

use anyhow::Context;
use clap::{Parser, Subcommand};
use jobtausch::{demo, mailer, server};
use std::io::{Read, Write};
use store::Db;

#[derive(Parser)]
#[command(name = "jobtausch", version, about = "Job swaps between public employers")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct DbArgs {
    /// sqlite://FILE (created if missing) or postgres://USER@HOST/DB
    #[arg(long, env = "JOBTAUSCH_DATABASE_URL", default_value = "sqlite://jobtausch.db")]
    database_url: String,
}

#[derive(clap::Args, Clone)]
struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "JOBTAUSCH_BIND", default_value = "127.0.0.1:8080")]
    bind: String,
    /// The address people reach this instance at, for links in e-mails (default: http://BIND).
    #[arg(long, env = "JOBTAUSCH_BASE_URL")]
    base_url: Option<String>,
    /// The mail relay: smtp://[USER:PASSWORD@]HOST[:PORT] (STARTTLS; required with a user) or
    /// smtps://... (TLS from the start); `log:` writes mails to the log; unset, mails wait in
    /// the outbox until a relay is configured.
    #[arg(long, env = "JOBTAUSCH_SMTP_URL")]
    smtp_url: Option<String>,
    /// A PEM file with the certificate of a private CA that signed the relay's certificate.
    #[arg(long, env = "JOBTAUSCH_SMTP_CA_FILE")]
    smtp_ca_file: Option<std::path::PathBuf>,
    /// The sender of all mails.
    #[arg(long, env = "JOBTAUSCH_MAIL_FROM", default_value = "Jobtausch <noreply@jobtausch.invalid>")]
    mail_from: String,
    /// The secret a monitoring system sends (`Authorization: Bearer ...`) to read `/metrics`;
    /// unset, there is no `/metrics`.
    #[arg(long, env = "JOBTAUSCH_METRICS_TOKEN", hide_env_values = true)]
    metrics_token: Option<String>,
    /// How long each class of personal data is kept, where not as in docs/privacy.md:
    /// `unverified=7d,check_ins=90d,mails=30d,proposals=1y,swaps=6y,events=1y` (d, m or y).
    #[arg(long, env = "JOBTAUSCH_RETENTION", default_value = "", value_parser = app::retention::Periods::parse)]
    retention: app::retention::Periods,
    /// How long a worker's claim on a mail lasts, in seconds: for fault drills only.
    #[arg(long, env = "JOBTAUSCH_MAIL_LEASE_SECONDS", default_value_t = 120, hide = true)]
    mail_lease_seconds: u32,
}

#[derive(Subcommand)]
enum Command {
    /// Runs the web server and the mail worker.
    Serve {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        serve: ServeArgs,
    },
    /// Runs a fresh demo installation with example organisations and people.
    Demo {
        /// Where the demo database goes (default: a new file in the temporary folder).
        #[arg(long)]
        database_url: Option<String>,
        #[command(flatten)]
        serve: ServeArgs,
    },
    /// Brings the database schema up to date.
    Migrate {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Writes a consistent snapshot of a SQLite installation to a new file, while it runs
    /// (PostgreSQL: use pg_dump).
    Backup {
        #[command(flatten)]
        db: DbArgs,
        /// The new file.
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Finds the optimal pair and ring swaps of a jobswap-v1 graph and prints them as JSON.
    Match {
        /// The instance file (jobswap-v1).
        #[arg(long)]
        graph: std::path::PathBuf,
        /// Longest ring: 2 for pairs only, 3 for rings of three, 4 for rings of four.
        #[arg(long, default_value_t = 3)]
        max_cycle: usize,
        /// Stop after this many seconds with the best answer, its proven bound and the gap.
        // Negative numbers reach our own check, which explains what is allowed.
        #[arg(long, allow_negative_numbers = true)]
        time_limit: Option<f64>,
        /// Print the answer in words instead of JSON: what the bound proves, and for each
        /// swap who takes whose place, the weights and the weeks all members are free.
        #[arg(long)]
        explain: bool,
    },
    /// Database tools.
    Db {
        #[command(subcommand)]
        command: DbCommand,
    },
    /// Administration.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Subcommand)]
enum DbCommand {
    /// Copies a whole installation into an empty database and checks the row counts.
    Copy {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// Afterwards compare the contents of every table, row by row.
        #[arg(long)]
        verify: bool,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Creates a network organiser account (or makes an existing account one).
    CreateOrganiser {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Netzwerk-Koordination")]
        name: String,
        /// Read the password from standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Starts a matching round as an organiser, runs it here, and prints its figures as JSON.
    RunRound {
        #[command(flatten)]
        db: DbArgs,
        /// The organiser who starts it.
        #[arg(long)]
        email: String,
        /// First week, such as 2027-W10.
        #[arg(long)]
        from: String,
        /// Last week (inclusive).
        #[arg(long)]
        to: String,
        #[arg(long, default_value_t = 3)]
        max_cycle: usize,
        /// Seconds the engine may search.
        #[arg(long, default_value_t = 60)]
        time_limit: u64,
    },
    /// Loads generated organisations and people (for benchmarks of matching rounds), and
    /// swaps among them in the past two years (for benchmarks of the figures).
    SeedSynthetic {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        people: usize,
        /// Swaps of two of the people each, with their approvals and reflections.
        #[arg(long, default_value_t = 0)]
        swaps: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// First week people are free in, such as 2027-W10.
        #[arg(long)]
        from: String,
        /// Last week.
        #[arg(long)]
        to: String,
    },
    /// Prints the network's figures as CSV (suppressed as on the organisers' page) and, on
    /// standard error, how long they took to compute.
    Figures {
        #[command(flatten)]
        db: DbArgs,
        /// Only the swaps proposed in this year (empty: all years).
        #[arg(long, default_value = "")]
        year: String,
    },
    /// Creates a personal API token for an account and prints it once.
    CreateToken {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "CLI")]
        name: String,
    },
}

fn server_config(serve: &ServeArgs) -> server::Options {
    server::Options {
        bind: serve.bind.clone(),
        base_url: serve.base_url.clone().unwrap_or_else(|| format!("http://{}", serve.bind)),
        smtp_url: serve.smtp_url.clone().filter(|s| !s.is_empty()),
        mail_from: serve.mail_from.clone(),
        smtp_ca_file: serve.smtp_ca_file.clone(),
        demo: false,
        metrics_token: serve.metrics_token.clone().filter(|t| !t.is_empty()),
        mail_lease: chrono::Duration::seconds(i64::from(serve.mail_lease_seconds.max(1))),
        retention: serve.retention,
    }
}

/// The application over a database, for the command line: links in what it sends point to
/// `JOBTAUSCH_BASE_URL` (or this machine).
fn cli_app(db: Db) -> app::App {
    let base = std::env::var("JOBTAUSCH_BASE_URL").ok().filter(|b| !b.is_empty());
    app::App::new(db, app::Config::new(base.unwrap_or_else(|| "http://localhost".into())))
}

async fn open(url: &str) -> anyhow::Result<Db> {
    let db = Db::connect(url).await.with_context(|| format!("cannot open the database {}", redact(url)))?;
    db.migrate().await.context("cannot migrate the database")?;
    Ok(db)
}

/// A database URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => match url[s + 3..at].split_once(':') {
            Some((user, _)) => format!("{}{}:***{}", &url[..s + 3], user, &url[at..]),
            None => url.to_owned(),
        },
        _ => url.to_owned(),
    }
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let filter = tracing_subscriber::EnvFilter::try_from_env("JOBTAUSCH_LOG")
        .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into());
    let log = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    // JSON lines for log collectors, each with the fields of its request's span (request id,
    // method, route).
    if std::env::var("JOBTAUSCH_LOG_FORMAT").is_ok_and(|f| f == "json") {
        log.json().with_current_span(true).with_span_list(false).init();
    } else {
        log.init();
    }
    match run(Cli::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            // The message and its causes on one line, without a backtrace: this is for the
            // person at the terminal, not a crash report.
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Prints a line of a command's answer. A reader that stopped early (`| head`) is not an error:
/// nothing is left to tell anyone.
fn say(line: impl std::fmt::Display) -> anyhow::Result<()> {
    match writeln!(std::io::stdout().lock(), "{line}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve { db, serve } => {
            let db = open(&db.database_url).await?;
            server::run(db, server_config(&serve), None).await
        }
        Command::Demo { database_url, serve } => {
            let url = match database_url {
                Some(u) => u,
                None => {
                    let path = std::env::temp_dir().join(format!("jobtausch-demo-{}.db", std::process::id()));
                    format!("sqlite://{}", path.display())
                }
            };
            let db = open(&url).await?;
            // The demo writes mails to the log unless a relay is given.
            let opts = server::Options {
                smtp_url: Some(serve.smtp_url.clone().filter(|s| !s.is_empty()).unwrap_or(mailer::LOG_URL.into())),
                demo: true,
                ..server_config(&serve)
            };
            let demo = demo::seed(&server::app(db.clone(), &opts)).await.context("cannot seed the demo data")?;
            let banner = demo::banner(&opts.base_url, &demo);
            server::run(db, opts, Some(banner)).await
        }
        Command::Match { graph, max_cycle, time_limit, explain } => {
            use jobtausch::match_cmd::{Output, run};
            let output = if explain { Output::Explained } else { Output::Json };
            let answer = run(&graph, max_cycle, time_limit, output, &mut std::io::stderr())?;
            say(answer.trim_end())
        }
        Command::Migrate { db } => {
            open(&db.database_url).await?;
            say(format!("migrated {}", redact(&db.database_url)))
        }
        Command::Backup { db, to } => {
            let db = Db::connect(&db.database_url).await.context("cannot open the database")?;
            db.backup(&to).await.context("backup failed")?;
            say(format!("backup written to {}", to.display()))
        }
        Command::Db { command: DbCommand::Copy { from, to, verify } } => {
            let from_db = Db::connect(&from).await.with_context(|| format!("cannot open {}", redact(&from)))?;
            let to_db = Db::connect(&to).await.with_context(|| format!("cannot open {}", redact(&to)))?;
            let copied = store::copy::copy_all(&from_db, &to_db).await?;
            for (table, rows) in copied {
                say(format!("{table:<22} {rows:>9} rows"))?;
            }
            say(format!("copied {} to {} in one transaction", redact(&from), redact(&to)))?;
            if verify {
                let compared = store::copy::verify(&from_db, &to_db).await?;
                say(format!("contents verified: {} tables, row by row", compared.len()))?;
            }
            Ok(())
        }
        Command::Admin { command: AdminCommand::CreateOrganiser { db, email, name, password_stdin } } => {
            let db = open(&db.database_url).await?;
            let password = if password_stdin {
                let mut s = String::new();
                std::io::stdin().read_to_string(&mut s)?;
                Some(s.trim_end_matches(['\r', '\n']).to_owned())
            } else {
                None
            };
            let outcome = jobtausch::admin::create_organiser(&cli_app(db), &email, &name, password).await?;
            say(outcome)
        }
        Command::Admin { command: AdminCommand::RunRound { db, email, from, to, max_cycle, time_limit } } => {
            let db = open(&db.database_url).await?;
            let input = app::rounds::RoundInput {
                from,
                to,
                max_cycle: max_cycle.to_string(),
                time_limit: time_limit.to_string(),
            };
            say(jobtausch::admin::run_round(&cli_app(db), &email, &input).await?)
        }
        Command::Admin { command: AdminCommand::SeedSynthetic { db, people, swaps, seed, from, to } } => {
            let db = open(&db.database_url).await?;
            say(jobtausch::admin::seed_synthetic(&cli_app(db), people, swaps, seed, &from, &to).await?)
        }
        Command::Admin { command: AdminCommand::Figures { db, year } } => {
            let db = open(&db.database_url).await?;
            say(jobtausch::admin::figures(&cli_app(db), &year).await?)
        }
        Command::Admin { command: AdminCommand::CreateToken { db, email, name } } => {
            let db = open(&db.database_url).await?;
            say(jobtausch::admin::create_token(&cli_app(db), &email, &name).await?)
        }
    }
}
