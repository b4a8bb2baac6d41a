//! The network grows: a public employer applies to join ("Mitmachen") and confirms its address;
//! the organisers review the queue (ask a question, approve, refuse with a reason) and keep the
//! framework agreement's versions; an approval creates the organisation and invites its first
//! admin, who works through the setup checklist. In public, the network shows its members (as
//! far as each organisation chooses), their dots on the map and the completed swaps; an
//! umbrella association sees which of its members take part.

use crate::i18n::local_date;
use crate::notify as mail;
use crate::secrets::{hash_secret, new_secret};
use crate::{App, Error, Result};
use chrono::Duration;
use domain::access::{Actor, OrgRole};
use domain::error::Errors;
use domain::network::{ApplicationDraft, ApplicationState, ApplicationStep, Visibility};
use domain::org::{OrgKind, Region};
use domain::values::{EmailDomain, Locale, OrgName};
use domain::{FieldError, OrgId, Reason};
use store::network::{FirstAdmin, Step};
use store::{AuditEntry, Effects, StoreError};
use uuid::Uuid;

pub use domain::network::ApplicationFields;
pub use store::network::{Application, Framework, Message, PublicMember, UmbrellaMember};

/// The longest question, answer, refusal reason and framework agreement.
pub const MAX_MESSAGE: usize = 5000;
pub const MAX_FRAMEWORK: usize = 20_000;

/// At most this many applications in [`FLOOD_WINDOW`] across the installation: the form needs
/// no sign-in.
const FLOOD_LIMIT: i64 = 30;
const FLOOD_WINDOW: Duration = Duration::minutes(10);
/// At most this many applications a day name one address (each sends it a mail).
const PER_ADDRESS_A_DAY: i64 = 3;

/// How long the first admin's invitation stays valid.
const FIRST_ADMIN_INVITATION: Duration = Duration::days(14);

/// The framework agreement applicants accept now.
pub async fn framework(app: &App) -> Result<Framework> {
    Ok(store::network::current_framework(&app.db).await?)
}

/// Every version of the framework agreement (organisers).
pub async fn framework_versions(app: &App, actor: &Actor) -> Result<Vec<Framework>> {
    actor.ensure_organiser()?;
    Ok(store::network::framework_versions(&app.db).await?)
}

/// Adds a new version of the framework agreement (organisers); applications from now on
/// accept it, those already made keep the version they accepted.
pub async fn add_framework(app: &App, actor: &Actor, title: &str, body: &str) -> Result<i64> {
    actor.ensure_organiser()?;
    let mut errs = Errors::default();
    let title = errs.take(OrgName::parse("framework_title", title));
    let body = body.trim();
    if body.is_empty() {
        errs.push(FieldError::new("framework_body", Reason::Required));
    } else if body.chars().count() > MAX_FRAMEWORK {
        errs.push(FieldError::new("framework_body", Reason::TooLong { max: MAX_FRAMEWORK }));
    }
    let Some(title) = title else { return Err(errs.into_error().into()) };
    errs.into_result()?;
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), "framework.added", "framework_agreement", "new"));
    store::network::add_framework(&app.db, title.as_str(), body, actor.user_id, &effects).await.map_err(|e| match e {
        // Another organiser published a version at the same moment.
        StoreError::Taken(_) => Error::Conflict("changed-meanwhile"),
        e => e.into(),
    })
}

/// A public employer's application. The applicant gets a mail with a link that confirms the
/// address; only then does it reach the organisers. A domain another organisation holds, or
/// an organisation's name already in the network, is refused at its field.
pub async fn apply(app: &App, lang: Locale, fields: &ApplicationFields) -> Result<()> {
    // The form needs no sign-in: the limits come before any other work.
    let now = store::now();
    if store::network::count_since(&app.db, now - FLOOD_WINDOW, None).await? >= FLOOD_LIMIT {
        return Err(Error::TooManyAttempts { retry_after_seconds: FLOOD_WINDOW.num_seconds().unsigned_abs() });
    }
    let to = fields.admin_email.trim().to_lowercase();
    if store::network::count_since(&app.db, now - Duration::days(1), Some(&to)).await? >= PER_ADDRESS_A_DAY {
        // Nobody's mailbox is flooded with confirmations from a public body.
        return Err(Error::TooManyAttempts { retry_after_seconds: 86_400 });
    }
    let current = framework(app).await?;
    let mut errs = Errors::default();
    let draft = match ApplicationDraft::parse(fields, current.version) {
        Ok(d) => Some(d),
        Err(e) => {
            errs.extend(e);
            None
        }
    };
    // Conflicts with the network are said together with the form's own mistakes (on at most
    // as many domains as an organisation may have).
    let domains: Vec<String> = fields
        .domains
        .split([',', ';', ' ', '\n'])
        .filter_map(|d| EmailDomain::parse("domains", d).ok())
        .map(|d| d.as_str().to_owned())
        .take(domain::org::OrgDraft::MAX_DOMAINS)
        .collect();
    if !store::network::held_domains(&app.db, &domains).await?.is_empty() {
        errs.push(FieldError::new("domains", Reason::DomainHeld));
    }
    if let Ok(name) = OrgName::parse("name", &fields.name)
        && store::network::name_taken(&app.db, name.as_str()).await?
    {
        errs.push(FieldError::new("name", Reason::Taken));
    }
    if let Some(d) = &draft
        && let Err(Error::Invalid(umbrella)) = crate::orgs::check_umbrella(app, &d.org, None).await
    {
        umbrella.into_iter().for_each(|e| errs.push(e));
    }
    errs.into_result()?;
    let Some(draft) = draft else { return Err(Error::Internal) };
    let id = Uuid::now_v7();
    let secret = new_secret();
    let link = app.config.link(&format!("/join/{secret}"));
    let effects = Effects::audit(AuditEntry::new(None, "application.received", "org_application", id))
        .with_mail(mail::application_confirm(lang, &draft.admin_email.to_string(), draft.org.name.as_str(), &link));
    store::network::create_application(&app.db, id, lang.as_str(), &draft, &hash_secret(&secret), &effects).await?;
    Ok(())
}

/// An application as its applicant sees it through their link, with the questions and answers.
#[derive(Debug, Clone)]
pub struct ApplicantView {
    pub application: Application,
    pub messages: Vec<Message>,
}

/// The application behind an applicant's link (reading it changes nothing).
pub async fn by_secret(app: &App, secret: &str) -> Result<ApplicantView> {
    let application = match store::network::application_by_secret(&app.db, &hash_secret(secret)).await {
        Err(StoreError::NotFound) => return Err(Error::NotFound),
        found => found?,
    };
    let messages = store::network::messages(&app.db, application.id).await?;
    Ok(ApplicantView { application, messages })
}

fn conflict(e: StoreError) -> Error {
    match e {
        StoreError::Conflict => Error::Conflict("already-decided"),
        StoreError::Taken("domains") => Error::Conflict("domain-held"),
        StoreError::Taken(_) => Error::Conflict("organisation-name-taken"),
        e => e.into(),
    }
}

/// The organisers' mails about an application that waits for them.
async fn to_organisers(app: &App, a: &Application, answered: bool) -> Result<Vec<store::OutboxMail>> {
    let link = app.config.link(&format!("/admin/applications/{}", a.id));
    Ok(store::contacts::organisers(&app.db)
        .await?
        .iter()
        .map(|o| mail::application_waiting(o.locale, &o.email, &a.name, answered, &link))
        .collect())
}

/// The applicant confirms their address: the application reaches the organisers.
pub async fn confirm(app: &App, secret: &str) -> Result<()> {
    let view = by_secret(app, secret).await?;
    let a = &view.application;
    if a.state != ApplicationState::Unconfirmed {
        // Confirmed already (a second click): nothing to do.
        return Ok(());
    }
    let mut effects = Effects::audit(AuditEntry::new(None, "application.confirmed", "org_application", a.id));
    effects.mails.extend(to_organisers(app, a, false).await?);
    let step = Step::new(ApplicationState::Unconfirmed, ApplicationState::Submitted);
    store::network::step(&app.db, a.id, &step, &effects).await.map_err(conflict)
}

fn message_text(field: &'static str, raw: &str) -> Result<String> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(Error::field(field, Reason::Required));
    }
    if text.chars().count() > MAX_MESSAGE {
        return Err(Error::field(field, Reason::TooLong { max: MAX_MESSAGE }));
    }
    Ok(text.to_owned())
}

/// The applicant answers the organisers' question.
pub async fn answer(app: &App, secret: &str, text: &str) -> Result<()> {
    let view = by_secret(app, secret).await?;
    let a = &view.application;
    let to = a.state.after(ApplicationStep::Answer).ok_or(Error::Conflict("no-question-open"))?;
    let text = message_text("answer", text)?;
    let mut effects = Effects::audit(AuditEntry::new(None, "application.answered", "org_application", a.id));
    effects.mails.extend(to_organisers(app, a, true).await?);
    let step = Step { message: Some((&text, None)), ..Step::new(a.state, to) };
    store::network::step(&app.db, a.id, &step, &effects).await.map_err(conflict)
}

/// Every confirmed application, open ones first (organisers).
pub async fn queue(app: &App, actor: &Actor) -> Result<Vec<Application>> {
    actor.ensure_organiser()?;
    Ok(store::network::confirmed_applications(&app.db).await?)
}

/// An application as the organisers review it: what was asked and answered, the framework
/// agreement's version it accepted, and what stands against an approval now.
#[derive(Debug, Clone)]
pub struct Review {
    pub application: Application,
    pub messages: Vec<Message>,
    pub framework: Framework,
    /// Domains another organisation holds by now.
    pub held_domains: Vec<String>,
    /// Whether an organisation of this name exists by now.
    pub name_taken: bool,
    /// Whether the first admin's address has an account already (of another organisation: an
    /// account does not move, so the invitation could not be accepted).
    pub admin_has_account: bool,
}

pub async fn review(app: &App, actor: &Actor, id: Uuid) -> Result<Review> {
    actor.ensure_organiser()?;
    let application = match store::network::application(&app.db, id).await {
        Err(StoreError::NotFound) => return Err(Error::NotFound),
        found => found?,
    };
    if application.state == ApplicationState::Unconfirmed {
        // Not confirmed: not an application yet, for the organisers.
        return Err(Error::NotFound);
    }
    let messages = store::network::messages(&app.db, id).await?;
    let framework = store::network::framework(&app.db, application.framework_version).await?;
    let open = application.state.is_open();
    let held_domains =
        if open { store::network::held_domains(&app.db, &application.domains).await? } else { Vec::new() };
    let name_taken = open && store::network::name_taken(&app.db, &application.name).await?;
    let admin_has_account =
        open && store::users::account_by_email(&app.db, &application.admin_email.to_lowercase()).await?.is_some();
    Ok(Review { application, messages, framework, held_domains, name_taken, admin_has_account })
}

/// Nobody decides on their own application (four eyes): an organiser whose address is the
/// applicant's, or lies in the domains applied for, leaves it to another organiser.
async fn ensure_not_own(app: &App, actor: &Actor, a: &Application) -> Result<()> {
    let me = store::users::account(&app.db, actor.user_id).await?;
    let mine = me.email.to_lowercase();
    let domain = mine.rsplit_once('@').map(|(_, d)| d).unwrap_or_default();
    if mine == a.admin_email.to_lowercase() || a.domains.iter().any(|d| domain::network::within(domain, d)) {
        return Err(Error::Forbidden("own-application"));
    }
    Ok(())
}

fn applicant_lang(a: &Application) -> Locale {
    Locale::from_code(&a.lang).unwrap_or(Locale::De)
}

/// An organiser asks the applicant a question; the applicant answers through their link.
pub async fn ask(app: &App, actor: &Actor, id: Uuid, text: &str) -> Result<()> {
    let a = review(app, actor, id).await?.application;
    ensure_not_own(app, actor, &a).await?;
    let to = a.state.after(ApplicationStep::Ask).ok_or(Error::Conflict("already-decided"))?;
    let text = message_text("question", text)?;
    // The applicant's link is kept only as its hash: the mail brings a new one (the old one
    // stops working, so that the newest mail is the one that counts).
    let secret = new_secret();
    let link = app.config.link(&format!("/join/{secret}"));
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), "application.asked", "org_application", id))
        .with_mail(mail::application_question(applicant_lang(&a), &a.admin_email, &a.name, &text, &link));
    let step = Step {
        new_secret_hash: Some(hash_secret(&secret)),
        message: Some((&text, Some(actor.user_id))),
        ..Step::new(a.state, to)
    };
    store::network::step(&app.db, id, &step, &effects).await.map_err(conflict)
}

/// Approves an application: the organisation exists with its domains, seat and public
/// settings, and its first admin gets an invitation with the setup checklist.
pub async fn approve(app: &App, actor: &Actor, id: Uuid) -> Result<OrgId> {
    let r = review(app, actor, id).await?;
    let a = &r.application;
    ensure_not_own(app, actor, a).await?;
    a.state.after(ApplicationStep::Approve).ok_or(Error::Conflict("already-decided"))?;
    if !r.held_domains.is_empty() {
        return Err(Error::Conflict("domain-held"));
    }
    if r.name_taken {
        return Err(Error::Conflict("organisation-name-taken"));
    }
    if r.admin_has_account {
        return Err(Error::Conflict("admin-has-account"));
    }
    let secret = new_secret();
    let token_hash = hash_secret(&secret);
    let email_norm = a.admin_email.to_lowercase();
    let link = app.config.link(&format!("/invitations/{secret}"));
    let lang = applicant_lang(a);
    let until = local_date(store::now() + FIRST_ADMIN_INVITATION);
    let org = OrgId::new();
    let by = Some(actor.user_id);
    let public = format!("listed={} map={} swaps=false", a.visibility.listed, a.visibility.map);
    let effects = Effects {
        audit: vec![
            AuditEntry::new(by, "application.approved", "org_application", id).detail(org.to_string()),
            AuditEntry::new(by, "org.created", "organisation", org).detail(format!("application {id}")),
            // What the application chose to show counts as the organisation's choice.
            AuditEntry::new(by, "org.public", "organisation", org).detail(public),
            AuditEntry::new(by, "invitation.sent", "organisation", org).detail(OrgRole::OrgAdmin.code()),
        ],
        mails: vec![mail::application_approved(lang, &a.admin_email, &a.admin_name, &a.name, &link, &until)],
        ..Default::default()
    };
    let admin = FirstAdmin {
        email_norm: &email_norm,
        token_hash: &token_hash,
        expires_at: store::now() + FIRST_ADMIN_INVITATION,
    };
    store::network::approve(&app.db, a, org, actor.user_id, &admin, &effects).await.map_err(conflict)?;
    Ok(org)
}

/// Refuses an application with a reason the applicant reads.
pub async fn refuse(app: &App, actor: &Actor, id: Uuid, reason: &str) -> Result<()> {
    let a = review(app, actor, id).await?.application;
    ensure_not_own(app, actor, &a).await?;
    let to = a.state.after(ApplicationStep::Refuse).ok_or(Error::Conflict("already-decided"))?;
    let reason = message_text("refusal_reason", reason)?;
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), "application.refused", "org_application", id))
        .with_mail(mail::application_refused(applicant_lang(&a), &a.admin_email, &a.name, &reason));
    let step = Step { decided_by: Some(actor.user_id), refusal_reason: Some(&reason), ..Step::new(a.state, to) };
    store::network::step(&app.db, id, &step, &effects).await.map_err(conflict)
}

/// Which members the public page shows: all, or those of one kind, federal state or umbrella.
#[derive(Debug, Clone, Default)]
pub struct NetworkFilter {
    pub kind: Option<OrgKind>,
    pub region: Option<Region>,
    pub umbrella: Option<OrgId>,
}

impl NetworkFilter {
    /// Parses the filter as a page's query or the API sends it; empty means "all".
    pub fn parse(kind: &str, region: &str, umbrella: &str) -> Result<Self> {
        let mut errs = Errors::default();
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        let kind = opt(kind).and_then(|k| errs.take(OrgKind::parse("kind", &k)));
        let region = opt(region).and_then(|r| errs.take(Region::parse("region", &r)));
        let umbrella = opt(umbrella).and_then(|u| {
            errs.take(u.parse::<OrgId>().map_err(|_| FieldError::new("umbrella", Reason::UnknownChoice)))
        });
        errs.into_result()?;
        Ok(Self { kind, region, umbrella })
    }

    fn admits(&self, m: &PublicMember) -> bool {
        self.kind.is_none_or(|k| k == m.kind)
            && self.region.is_none_or(|r| r == m.region)
            && self.umbrella.is_none_or(|u| m.parent == Some(u))
    }
}

/// The network in public: the members shown (filtered), every listed umbrella association to
/// filter by, and the swaps completed (fewer than five are said as "< 5", as the figures do).
#[derive(Debug, Clone)]
pub struct Network {
    pub members: Vec<PublicMember>,
    /// How many organisations are listed in all (before the filter).
    pub listed: usize,
    pub umbrellas: Vec<PublicMember>,
    pub completed_swaps: domain::disclosure::Shown,
}

/// The network as anyone sees it, without signing in.
pub async fn public_network(app: &App, filter: &NetworkFilter) -> Result<Network> {
    let all = store::network::public_members(&app.db).await?;
    let umbrellas = all.iter().filter(|m| m.kind == OrgKind::Association).cloned().collect();
    let listed = all.len();
    let members = all.into_iter().filter(|m| filter.admits(m)).collect();
    let completed = u64::try_from(store::network::completed_swaps(&app.db).await?).unwrap_or(0);
    Ok(Network { members, listed, umbrellas, completed_swaps: domain::disclosure::publish_one(completed) })
}

/// What an organisation shows in public (its admins and organisers).
pub async fn visibility(app: &App, actor: &Actor, org: OrgId) -> Result<Visibility> {
    actor.ensure_org_admin(org)?;
    Ok(store::network::visibility(&app.db, org).await?)
}

/// Sets what an organisation shows in public (its admins and organisers).
pub async fn set_visibility(app: &App, actor: &Actor, org: OrgId, listed: bool, map: bool, swaps: bool) -> Result<()> {
    actor.ensure_org_admin(org)?;
    let v = Visibility::chosen(listed, map, swaps);
    let detail = format!("listed={} map={} swaps={}", v.listed, v.map, v.swaps);
    let effects =
        Effects::audit(AuditEntry::new(Some(actor.user_id), "org.public", "organisation", org).detail(detail));
    Ok(store::network::set_visibility(&app.db, org, v, &effects).await?)
}

/// The organisations that name this association as their umbrella, with how many of their
/// people have an account and how many swaps they completed (the association's admins and
/// the organisers).
pub async fn umbrella_members(app: &App, actor: &Actor, org: OrgId) -> Result<Vec<UmbrellaMember>> {
    actor.ensure_org_admin(org)?;
    Ok(store::network::umbrella_members(&app.db, org).await?)
}
