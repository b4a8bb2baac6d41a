//! Organisations: the list, one organisation, and what organisers and organisation admins
//! keep: name, kind, region, umbrella and domains; the co-determination policy; roles and
//! invitations; matching settings; agreement templates; and the audit export.

use crate::names::Names;
use crate::secrets::{hash_secret, new_secret};
use crate::{Account, App, Download, Error, Result};
use domain::access::{Actor, OrgRole};
use domain::org::{Body, OrgDraft, OrgKind, Policy, PolicyRule};
use domain::round::OrgMatching;
use domain::values::{Email, Locale};
use domain::{OrgId, Reason, UserId};
use store::{AuditEntry, Effects};

/// The longest agreement template text.
pub const TEMPLATE_MAX: usize = 20_000;

pub use domain::org::Organisation;
pub use store::agreements::Template;
pub use store::orgs::OrgSummary;

/// An organisation as created or changed, as typed.
#[derive(Debug, Clone, Default)]
pub struct OrgInput {
    pub name: String,
    /// `city`, `district`, `it_service_provider`, `association` or `state_agency`.
    pub kind: String,
    /// Federal state code such as `NW`.
    pub region: String,
    /// Id of the umbrella association, or empty.
    pub parent: String,
    /// E-mail domains, separated by commas.
    pub domains: String,
}

impl OrgInput {
    /// The input that would leave `o` as it is (a form's starting values).
    pub fn of(o: &Organisation) -> Self {
        Self {
            name: o.name.clone(),
            kind: o.kind.code().into(),
            region: o.region.code().into(),
            parent: o.parent.map(|p| p.to_string()).unwrap_or_default(),
            domains: o.domains.join(", "),
        }
    }
}

/// Every organisation of the network, by name (for every signed-in person).
pub async fn list(app: &App) -> Result<Vec<OrgSummary>> {
    Ok(store::orgs::list(&app.db).await?)
}

/// One organisation (for every signed-in person).
pub async fn get(app: &App, id: OrgId) -> Result<Organisation> {
    Ok(store::orgs::get(&app.db, id).await?)
}

/// An organisation as its admins (and organisers) edit it.
pub async fn editable(app: &App, actor: &Actor, id: OrgId) -> Result<Organisation> {
    actor.ensure_org_admin(id)?;
    get(app, id).await
}

/// The associations an organisation may name as its umbrella (not itself).
pub async fn umbrella_choices(app: &App, this: Option<OrgId>) -> Result<Vec<OrgSummary>> {
    Ok(list(app).await?.into_iter().filter(|o| o.kind == OrgKind::Association && Some(o.id) != this).collect())
}

/// Parses a draft and checks that the umbrella is an existing association (not itself).
async fn parse_draft(app: &App, input: &OrgInput, this: Option<OrgId>) -> Result<OrgDraft> {
    let draft = OrgDraft::parse(&input.name, &input.kind, &input.region, &input.parent, &input.domains)?;
    check_umbrella(app, &draft, this).await?;
    Ok(draft)
}

/// Refuses an umbrella that is not an existing association (or is the organisation itself).
pub(crate) async fn check_umbrella(app: &App, draft: &OrgDraft, this: Option<OrgId>) -> Result<()> {
    if let Some(parent) = draft.parent {
        let ok = Some(parent) != this
            && match store::orgs::get(&app.db, parent).await {
                Ok(p) => p.kind == OrgKind::Association,
                Err(store::StoreError::NotFound) => false,
                Err(e) => return Err(e.into()),
            };
        if !ok {
            return Err(Error::field("parent", Reason::UnknownChoice));
        }
    }
    Ok(())
}

/// Whether `actor` may create organisations (network organisers only).
pub fn may_create(actor: &Actor) -> Result<()> {
    Ok(actor.ensure_organiser()?)
}

/// Creates an organisation (network organisers only).
pub async fn create(app: &App, actor: &Actor, input: &OrgInput) -> Result<OrgId> {
    may_create(actor)?;
    let draft = parse_draft(app, input, None).await?;
    let effects =
        Effects::audit(AuditEntry::new(Some(actor.user_id), "org.created", "organisation", draft.name.as_str()));
    Ok(store::orgs::create(&app.db, &draft, &effects).await?)
}

/// Changes an organisation's data (its admins and organisers).
pub async fn update(app: &App, actor: &Actor, id: OrgId, input: &OrgInput) -> Result<()> {
    actor.ensure_org_admin(id)?;
    let draft = parse_draft(app, input, Some(id)).await?;
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), "org.updated", "organisation", id));
    Ok(store::orgs::update(&app.db, id, &draft, &effects).await?)
}

/// The rule per co-determination body, as typed: each one of `inform`, `consent`, `not_needed`.
#[derive(Debug, Clone, Default)]
pub struct PolicyInput {
    pub staff_council: String,
    pub equal_opportunities: String,
    pub disability_representative: String,
    pub data_protection: String,
}

/// The form field of a body's rule.
pub fn policy_field(body: Body) -> &'static str {
    match body {
        Body::StaffCouncil => "policy_staff_council",
        Body::EqualOpportunities => "policy_equal_opportunities",
        Body::DisabilityRepresentative => "policy_disability_representative",
        Body::DataProtection => "policy_data_protection",
    }
}

/// Sets the co-determination policy (its admins and organisers); every wrong rule is reported
/// at its field.
pub async fn set_policy(app: &App, actor: &Actor, id: OrgId, input: &PolicyInput) -> Result<()> {
    actor.ensure_org_admin(id)?;
    let mut errs = domain::error::Errors::default();
    let mut policy = Policy::default();
    for (body, raw) in [
        (Body::StaffCouncil, &input.staff_council),
        (Body::EqualOpportunities, &input.equal_opportunities),
        (Body::DisabilityRepresentative, &input.disability_representative),
        (Body::DataProtection, &input.data_protection),
    ] {
        if let Some(rule) = errs.take(PolicyRule::parse(policy_field(body), raw)) {
            policy.set(body, rule);
        }
    }
    errs.into_result()?;
    let detail = policy.rules().iter().map(|(b, r)| format!("{}={}", b.code(), r.code())).collect::<Vec<_>>().join(",");
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), "org.policy", "organisation", id).detail(detail));
    Ok(store::orgs::set_policy(&app.db, id, &policy, &effects).await?)
}

/// A role given or taken, as typed.
#[derive(Debug, Clone, Default)]
pub struct RoleChange {
    /// The person's id.
    pub user: String,
    /// `approver`, `org_admin` or `body:...`.
    pub role: String,
    pub grant: bool,
}

/// Gives or takes a role in an organisation (its admins and organisers). Nobody gives
/// themselves a role of a co-determination body; every change is in the organisation's audit
/// trail.
pub async fn change_role(app: &App, actor: &Actor, id: OrgId, change: &RoleChange) -> Result<()> {
    actor.ensure_org_admin(id)?;
    let role = OrgRole::parse("role", &change.role)?;
    let user: UserId = change.user.trim().parse().map_err(|_| Error::field("user_id", Reason::UnknownChoice))?;
    if !change.grant && role == OrgRole::OrgAdmin && user == actor.user_id && !actor.organiser {
        // An organisation must not lock itself out by accident.
        return Err(Error::Conflict("last-own-admin-role"));
    }
    if change.grant && role.body().is_some() && user == actor.user_id {
        return Err(Error::Forbidden("own-body-role"));
    }
    let action = if change.grant { "role.granted" } else { "role.revoked" };
    let detail = format!("{} {user}", role.code());
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), action, "organisation", id).detail(detail));
    if change.grant {
        store::orgs::grant_role(&app.db, id, user, role, &effects).await?;
    } else {
        store::orgs::revoke_role(&app.db, id, user, role, &effects).await?;
    }
    Ok(())
}

/// The members of an organisation with their roles and addresses (its admins, to contact them).
/// A person of an organisation, as its admins and the organisers see them.
#[derive(Debug, Clone)]
pub struct Member {
    pub user_id: UserId,
    pub display_name: String,
    /// Only for the organisation's own admins, who contact its people; an organiser names
    /// admins and grants roles by name (docs/visibility.md).
    pub email: Option<String>,
    pub roles: Vec<OrgRole>,
}

pub async fn members(app: &App, actor: &Actor, id: OrgId) -> Result<Vec<Member>> {
    actor.ensure_org_admin(id)?;
    let own_admin = actor.org_id == Some(id) && actor.has(OrgRole::OrgAdmin);
    Ok(store::orgs::members(&app.db, id).await?.into_iter().map(|m| Member::as_seen(m, own_admin)).collect())
}

/// How many people a page of an organisation's members shows.
pub const MEMBERS_PAGE_SIZE: u32 = 25;

/// One page of an organisation's members whose name or address contains `search`, and how
/// many match in all (its admins and the organisers).
pub async fn members_page(app: &App, actor: &Actor, id: OrgId, search: &str, page: u32) -> Result<(Vec<Member>, i64)> {
    actor.ensure_org_admin(id)?;
    let own_admin = actor.org_id == Some(id) && actor.has(OrgRole::OrgAdmin);
    // Only those who see the addresses search by them (the organisers do neither).
    let (members, total) = store::orgs::members_page(&app.db, id, search, own_admin, (page, MEMBERS_PAGE_SIZE)).await?;
    Ok((members.into_iter().map(|m| Member::as_seen(m, own_admin)).collect(), total))
}

impl Member {
    fn as_seen(m: store::orgs::Member, own_admin: bool) -> Self {
        Member { user_id: m.user_id, display_name: m.display_name, email: own_admin.then_some(m.email), roles: m.roles }
    }
}

/// An invitation as typed: the address, and a role to grant on acceptance (or none).
#[derive(Debug, Clone, Default)]
pub struct InvitationInput {
    pub email: String,
    /// A role, or `participant`/empty for none.
    pub role: String,
}

/// Invites a person to the organisation by mail (in `lang`, the inviter's language).
pub async fn invite(app: &App, me: &Account, lang: Locale, id: OrgId, input: &InvitationInput) -> Result<()> {
    let actor = me.actor();
    actor.ensure_org_admin(id)?;
    let mut errs = domain::error::Errors::default();
    let email = errs.take(Email::parse("email", &input.email));
    let role = match input.role.trim() {
        "" | "participant" => Some(None),
        r => errs.take(OrgRole::parse("role", r).map(Some)),
    };
    let (Some(email), Some(role)) = (email, role) else { return Err(errs.into_error().into()) };
    let org = store::orgs::get(&app.db, id).await?;
    let secret = new_secret();
    let link = app.config.link(&format!("/invitations/{secret}"));
    let effects = Effects::audit(
        AuditEntry::new(Some(actor.user_id), "invitation.sent", "organisation", id)
            .detail(role.map_or("participant", |r| r.code())),
    )
    .with_mail(crate::notify::invitation(
        lang,
        &email.to_string(),
        &org.name,
        &me.display_name,
        &crate::i18n::t(
            lang,
            &format!("role-{}", role.map_or("participant".to_owned(), |r| r.code().replace(':', "-"))),
        ),
        &link,
    ));
    let expires = store::now() + app.config.link_validity * 7;
    store::users::invite(
        &app.db,
        id,
        &email.normalised(),
        role,
        actor.user_id,
        &hash_secret(&secret),
        expires,
        &effects,
    )
    .await?;
    Ok(())
}

/// The organisation's invitations not yet used (its admins and organisers).
pub async fn invitations(app: &App, actor: &Actor, id: OrgId) -> Result<Vec<store::users::PendingInvitation>> {
    actor.ensure_org_admin(id)?;
    Ok(store::users::pending_invitations(&app.db, id).await?)
}

/// Sends an unused invitation again, with the same role and a new link (the old one stops
/// working).
pub async fn resend_invitation(app: &App, me: &Account, lang: Locale, id: OrgId, email: &str) -> Result<()> {
    let pending = invitations(app, &me.actor(), id).await?;
    let norm = Email::parse("email", email)?.normalised();
    let invitation = pending.iter().find(|p| p.email_norm == norm).ok_or(Error::NotFound)?;
    let role = invitation.role.map_or("participant", |r| r.code()).to_owned();
    invite(app, me, lang, id, &InvitationInput { email: norm, role }).await
}

/// Takes an unused invitation back: its link stops working.
pub async fn revoke_invitation(app: &App, actor: &Actor, id: OrgId, email: &str) -> Result<()> {
    actor.ensure_org_admin(id)?;
    let norm = Email::parse("email", email)?.normalised();
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), "invitation.revoked", "organisation", id));
    match store::users::revoke_invitations(&app.db, id, &norm, &effects).await? {
        0 => Err(Error::NotFound),
        _ => Ok(()),
    }
}

/// Matching settings as typed: place, coordinates and the blocked organisations' ids.
#[derive(Debug, Clone, Default)]
pub struct MatchingInput {
    pub place: String,
    pub coordinates: String,
    pub blocked: Vec<String>,
}

impl MatchingInput {
    pub fn of(m: &OrgMatching) -> Self {
        Self {
            place: m.place.as_ref().map(|p| p.to_string()).unwrap_or_default(),
            coordinates: m.location.map(|l| l.to_string()).unwrap_or_default(),
            blocked: m.blocked.iter().map(ToString::to_string).collect(),
        }
    }
}

/// The German places a name or postcode may mean, to choose from.
pub fn places_named(query: &str) -> Vec<domain::places::Locality> {
    domain::places::find(query)
}

/// An organisation's matching settings.
pub async fn matching(app: &App, id: OrgId) -> Result<OrgMatching> {
    Ok(store::orgs::matching(&app.db, id).await?)
}

/// Parses and stores an organisation's matching settings (its admins and organisers).
pub async fn set_matching(app: &App, actor: &Actor, id: OrgId, input: &MatchingInput) -> Result<()> {
    actor.ensure_org_admin(id)?;
    let settings = OrgMatching::parse(&input.place, &input.coordinates, &input.blocked, id)?;
    let known: Vec<OrgId> = store::orgs::list(&app.db).await?.into_iter().map(|o| o.id).collect();
    if settings.blocked.iter().any(|b| !known.contains(b)) {
        return Err(Error::field("blocked", Reason::UnknownChoice));
    }
    let detail = format!("place={:?} blocked={}", input.place.trim(), settings.blocked.len());
    let effects =
        Effects::audit(AuditEntry::new(Some(actor.user_id), "org.matching", "organisation", id).detail(detail));
    Ok(store::orgs::set_matching(&app.db, id, &settings, &effects).await?)
}

/// A new version of an agreement template, as typed.
#[derive(Debug, Clone, Default)]
pub struct TemplateInput {
    /// `de` or `en`.
    pub lang: String,
    pub title: String,
    /// Paragraphs separated by blank lines; `{week}`, `{names}` and `{organisations}` are filled in.
    pub body: String,
}

/// The templates that apply to the organisation's new agreements, German and English (its
/// admins and organisers).
pub async fn current_templates(app: &App, actor: &Actor, id: OrgId) -> Result<Vec<Template>> {
    actor.ensure_org_admin(id)?;
    let mut out = Vec::new();
    for lang in ["de", "en"] {
        out.push(store::agreements::current(&app.db, id, lang).await?);
    }
    Ok(out)
}

/// Every version of the organisation's own templates.
pub async fn template_versions(app: &App, actor: &Actor, id: OrgId) -> Result<Vec<Template>> {
    actor.ensure_org_admin(id)?;
    Ok(store::agreements::versions(&app.db, id).await?)
}

/// Adds a template version for the organisation (its admins and organisers); agreements
/// already made stay as they are. Returns the new version number.
pub async fn add_template(app: &App, actor: &Actor, id: OrgId, input: &TemplateInput) -> Result<i64> {
    actor.ensure_org_admin(id)?;
    let mut errs = domain::error::Errors::default();
    let lang = match input.lang.trim() {
        l @ ("de" | "en") => Some(l),
        "" => {
            errs.push(domain::FieldError::new("lang", Reason::Required));
            None
        }
        _ => {
            errs.push(domain::FieldError::new("lang", Reason::UnknownChoice));
            None
        }
    };
    let title = errs.take(domain::values::OrgName::parse("title", &input.title));
    let body = input.body.trim();
    if body.is_empty() {
        errs.push(domain::FieldError::new("body", Reason::Required));
    } else if body.chars().count() > TEMPLATE_MAX {
        errs.push(domain::FieldError::new("body", Reason::TooLong { max: TEMPLATE_MAX }));
    }
    let (Some(lang), Some(title)) = (lang, title) else { return Err(errs.into_error().into()) };
    errs.into_result()?;
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), "org.template", "organisation", id).detail(lang));
    Ok(store::agreements::add_version(&app.db, id, lang, title.as_str(), body, actor.user_id, &effects).await?)
}

/// One CSV cell, quoted. A value a spreadsheet would read as a formula (starting with `=`, `+`,
/// `-`, `@`, TAB or CR) gets a leading apostrophe, so that opening the export runs nothing
/// (OWASP's rule for CSV injection).
pub(crate) fn csv_field(s: &str) -> String {
    let neutral = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_owned() };
    format!("\"{}\"", neutral.replace('"', "\"\""))
}

/// The audit trail of an organisation's swaps (and of the organisation) as CSV, for its
/// admins; the export itself is recorded.
pub async fn audit_export(app: &App, actor: &Actor, org: OrgId) -> Result<Download> {
    actor.ensure_org_admin(org)?;
    let mut csv = String::from("time_utc,actor,action,object_type,object_id,detail\r\n");
    let mut records = store::audit::for_object(&app.db, "organisation", &org.to_string()).await?;
    for s in store::swaps::of_organisation(&app.db, org).await? {
        records.extend(store::audit::for_object(&app.db, "swap", &s.id.to_string()).await?);
    }
    records.sort_by_key(|r| r.at);
    let mut names = Names::default();
    names.include(app, records.iter().filter_map(|r| r.actor_id.map(UserId))).await?;
    for r in &records {
        let actor_name = r.actor_id.map(|a| names.person(UserId(a))).unwrap_or_default();
        csv.push_str(
            &[
                r.at.to_rfc3339(),
                csv_field(&actor_name),
                csv_field(&r.action),
                csv_field(&r.object_type),
                csv_field(&r.object_id),
                csv_field(&r.detail),
            ]
            .join(","),
        );
        csv.push_str("\r\n");
    }
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), "audit.exported", "organisation", org));
    store::outbox::record(&app.db, &effects).await?;
    Ok(Download { name: "audit.csv".into(), media_type: "text/csv; charset=utf-8", bytes: csv.into_bytes() })
}
