//! Organisations: the list, one organisation's page, and what organisers and organisation
//! admins keep: data, domains, co-determination policy, roles and invitations.

use super::people::{kind_options, region_options};
use super::{render, render_form};
use crate::AppState;
use crate::auth::{Ctx, SignedIn};
use crate::error::{AppError, AppResult};
use crate::forms::{Field, FormErrors, Kind};
use crate::security::{CsrfForm, flash_redirect, hash_secret, new_secret};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use domain::access::{Actor, OrgRole};
use domain::org::{Body, OrgDraft, OrgKind, Organisation, Policy, PolicyRule};
use domain::round::OrgMatching;
use domain::values::{Email, Locale};
use domain::{OrgId, Reason, UserId};
use serde::Deserialize;
use store::orgs::{Member, OrgSummary};
use store::{AuditEntry, Effects};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/orgs", get(list))
        .route("/orgs/new", get(new_form).post(create))
        .route("/orgs/{id}", get(show))
        .route("/orgs/{id}/edit", get(edit_form).post(update))
        .route("/orgs/{id}/policy", post(policy))
        .route("/orgs/{id}/matching", post(matching))
        .route("/orgs/{id}/members", get(members))
        .route("/orgs/{id}/roles", post(roles))
        .route("/orgs/{id}/invitations", post(invite))
        .route("/orgs/{id}/templates", get(templates).post(add_template))
}

fn org_id(raw: &str) -> AppResult<OrgId> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// The organisation form's body (also the API's).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct OrgForm {
    #[serde(default)]
    pub name: String,
    /// `city`, `district`, `it_service_provider`, `association` or `state_agency`.
    #[serde(default)]
    pub kind: String,
    /// Federal state code such as `NW`.
    #[serde(default)]
    pub region: String,
    /// Id of the umbrella association, or empty.
    #[serde(default)]
    pub parent: String,
    /// E-mail domains, separated by commas.
    #[serde(default)]
    pub domains: String,
}

/// Parses a draft and checks that the umbrella is an existing association (not itself).
async fn parse_draft(state: &AppState, form: &OrgForm, this: Option<OrgId>) -> AppResult<OrgDraft> {
    let draft = OrgDraft::parse(&form.name, &form.kind, &form.region, &form.parent, &form.domains)?;
    if let Some(parent) = draft.parent {
        let ok = Some(parent) != this
            && match store::orgs::get(&state.db, parent).await {
                Ok(p) => p.kind == OrgKind::Association,
                Err(store::StoreError::NotFound) => false,
                Err(e) => return Err(e.into()),
            };
        if !ok {
            return Err(AppError::field("parent", Reason::UnknownChoice));
        }
    }
    Ok(draft)
}

pub async fn create_org(state: &AppState, actor: &Actor, form: &OrgForm) -> AppResult<OrgId> {
    actor.ensure_organiser()?;
    let draft = parse_draft(state, form, None).await?;
    let effects =
        Effects::audit(AuditEntry::new(Some(actor.user_id), "org.created", "organisation", draft.name.as_str()));
    Ok(store::orgs::create(&state.db, &draft, &effects).await?)
}

pub async fn update_org(state: &AppState, actor: &Actor, id: OrgId, form: &OrgForm) -> AppResult<()> {
    actor.ensure_org_admin(id)?;
    let draft = parse_draft(state, form, Some(id)).await?;
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), "org.updated", "organisation", id));
    Ok(store::orgs::update(&state.db, id, &draft, &effects).await?)
}

/// The form field of a body's rule.
fn policy_field(body: Body) -> &'static str {
    match body {
        Body::StaffCouncil => "policy_staff_council",
        Body::EqualOpportunities => "policy_equal_opportunities",
        Body::DisabilityRepresentative => "policy_disability_representative",
        Body::DataProtection => "policy_data_protection",
    }
}

/// The rules per body as submitted (form or API), each one of `inform`, `consent`,
/// `not_needed`; every wrong one is reported at its field.
pub fn parse_policy(
    staff_council: &str,
    equal_opportunities: &str,
    disability: &str,
    data_protection: &str,
) -> AppResult<Policy> {
    let mut errs = domain::error::Errors::default();
    let mut policy = Policy::default();
    for (body, raw) in [
        (Body::StaffCouncil, staff_council),
        (Body::EqualOpportunities, equal_opportunities),
        (Body::DisabilityRepresentative, disability),
        (Body::DataProtection, data_protection),
    ] {
        if let Some(rule) = errs.take(PolicyRule::parse(policy_field(body), raw)) {
            policy.set(body, rule);
        }
    }
    errs.into_result()?;
    Ok(policy)
}

pub async fn set_policy(state: &AppState, actor: &Actor, id: OrgId, policy: &Policy) -> AppResult<()> {
    actor.ensure_org_admin(id)?;
    let detail = policy.rules().iter().map(|(b, r)| format!("{}={}", b.code(), r.code())).collect::<Vec<_>>().join(",");
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), "org.policy", "organisation", id).detail(detail));
    Ok(store::orgs::set_policy(&state.db, id, policy, &effects).await?)
}

pub async fn change_role(
    state: &AppState,
    actor: &Actor,
    id: OrgId,
    user: &str,
    role: &str,
    grant: bool,
) -> AppResult<()> {
    actor.ensure_org_admin(id)?;
    let role = OrgRole::parse("role", role).map_err(|e| AppError::Invalid(vec![e]))?;
    let user: UserId = user.parse().map_err(|_| AppError::field("user_id", Reason::UnknownChoice))?;
    if !grant && role == OrgRole::OrgAdmin && user == actor.user_id && !actor.organiser {
        // An organisation must not lock itself out by accident.
        return Err(AppError::Conflict("last-own-admin-role"));
    }
    let action = if grant { "role.granted" } else { "role.revoked" };
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), action, "user", user).detail(role.code()));
    if grant {
        store::orgs::grant_role(&state.db, id, user, role, &effects).await?;
    } else {
        store::orgs::revoke_role(&state.db, id, user, role, &effects).await?;
    }
    Ok(())
}

pub async fn invite_person(
    state: &AppState,
    actor: &Actor,
    inviter: &str,
    lang: Locale,
    id: OrgId,
    email: &str,
    role: &str,
) -> AppResult<()> {
    actor.ensure_org_admin(id)?;
    let mut errs = domain::error::Errors::default();
    let email = errs.take(Email::parse("email", email));
    let role = match role.trim() {
        "" | "participant" => Some(None),
        r => errs.take(OrgRole::parse("role", r).map(Some)),
    };
    let (Some(email), Some(role)) = (email, role) else { return Err(errs.into_error().into()) };
    let org = store::orgs::get(&state.db, id).await?;
    let secret = new_secret();
    let link = format!("{}/invitations/{secret}", state.config.base_url);
    let effects = Effects::audit(
        AuditEntry::new(Some(actor.user_id), "invitation.sent", "organisation", id)
            .detail(role.map_or("participant", |r| r.code())),
    )
    .with_mail(crate::mail::invitation(lang, &email.to_string(), &org.name, inviter, &link));
    let expires = store::now() + state.config.link_validity * 7;
    store::users::invite(
        &state.db,
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

#[derive(Template)]
#[template(path = "orgs.html")]
struct ListPage {
    ctx: Ctx,
    orgs: Vec<OrgSummary>,
}

impl ListPage {
    fn kind_label(&self, k: &OrgKind) -> String {
        self.ctx.t(&format!("kind-{}", k.code()))
    }
    fn region_label(&self, r: &domain::org::Region) -> String {
        self.ctx.t(&format!("region-{}", r.code()))
    }
}

async fn list(State(state): State<AppState>, SignedIn(ctx, _): SignedIn) -> AppResult<Response> {
    let orgs = store::orgs::list(&state.db).await?;
    Ok(render(&ListPage { ctx, orgs }))
}

#[derive(Template)]
#[template(path = "org_form.html")]
struct OrgFormPage {
    ctx: Ctx,
    errors: FormErrors,
    fields: Vec<Field>,
    action: String,
    title: String,
}

async fn org_form_page(
    state: &AppState,
    ctx: Ctx,
    form: &OrgForm,
    errors: FormErrors,
    this: Option<OrgId>,
) -> AppResult<Response> {
    let l = ctx.lang;
    let mut parents = vec![(String::new(), ctx.t("none"))];
    parents.extend(
        store::orgs::list(&state.db)
            .await?
            .into_iter()
            .filter(|o| o.kind == OrgKind::Association && Some(o.id) != this)
            .map(|o| (o.id.to_string(), o.name)),
    );
    let fields = vec![
        Field::new(l, &errors, "name", Kind::Text, &form.name).required().autocomplete("organization"),
        Field::new(l, &errors, "kind", Kind::Select, &form.kind).required().options(kind_options(l, false)),
        Field::new(l, &errors, "region", Kind::Select, &form.region).required().options(region_options(l, false)),
        Field::new(l, &errors, "parent", Kind::Select, &form.parent).options(parents),
        Field::new(l, &errors, "domains", Kind::Text, &form.domains),
    ];
    let (action, title) = match this {
        Some(id) => (format!("/orgs/{id}/edit"), ctx.t("org-edit-title")),
        None => ("/orgs/new".to_owned(), ctx.t("org-new-title")),
    };
    let failed = !errors.is_empty();
    Ok(render_form(&OrgFormPage { ctx, errors, fields, action, title }, failed))
}

async fn new_form(State(state): State<AppState>, SignedIn(ctx, me): SignedIn) -> AppResult<Response> {
    me.actor().ensure_organiser()?;
    org_form_page(&state, ctx, &OrgForm::default(), FormErrors::default(), None).await
}

async fn create(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> AppResult<Response> {
    match create_org(&state, &me.actor(), &form).await {
        Ok(id) => Ok(flash_redirect(&state, jar, "flash-org-created", &format!("/orgs/{id}"))),
        Err(AppError::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            org_form_page(&state, ctx, &form, errors, None).await
        }
        Err(e) => Err(e),
    }
}

fn form_of(o: &Organisation) -> OrgForm {
    OrgForm {
        name: o.name.clone(),
        kind: o.kind.code().into(),
        region: o.region.code().into(),
        parent: o.parent.map(|p| p.to_string()).unwrap_or_default(),
        domains: o.domains.join(", "),
    }
}

async fn edit_form(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id = org_id(&id)?;
    me.actor().ensure_org_admin(id)?;
    let org = store::orgs::get(&state.db, id).await?;
    org_form_page(&state, ctx, &form_of(&org), FormErrors::default(), Some(id)).await
}

async fn update(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> AppResult<Response> {
    let id = org_id(&id)?;
    match update_org(&state, &me.actor(), id, &form).await {
        Ok(()) => Ok(flash_redirect(&state, jar, "flash-org-saved", &format!("/orgs/{id}"))),
        Err(AppError::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            org_form_page(&state, ctx, &form, errors, Some(id)).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "org.html")]
struct OrgPage {
    ctx: Ctx,
    org: Organisation,
    parent_name: Option<String>,
    can_admin: bool,
    errors: FormErrors,
    policy_fields: Vec<Field>,
    matching_errors: FormErrors,
    matching_fields: Vec<Field>,
    /// Every other organisation: (id, name, blocked by this one).
    block_choices: Vec<(String, String, bool)>,
}

impl OrgPage {
    fn blocked_names(&self) -> String {
        let names: Vec<&str> = self.block_choices.iter().filter(|c| c.2).map(|c| c.1.as_str()).collect();
        if names.is_empty() { self.ctx.t("org-matching-none") } else { names.join(", ") }
    }
    fn kind_label(&self) -> String {
        self.ctx.t(&format!("kind-{}", self.org.kind.code()))
    }
    fn region_label(&self) -> String {
        self.ctx.t(&format!("region-{}", self.org.region.code()))
    }
    fn body_label(&self, b: &Body) -> String {
        self.ctx.t(&format!("body-{}", b.code()))
    }
    fn rule_label(&self, r: &PolicyRule) -> String {
        self.ctx.t(&format!("rule-{}", r.code()))
    }
}

fn policy_fields(lang: Locale, errors: &FormErrors, policy: &Policy) -> Vec<Field> {
    let options: Vec<(String, String)> = PolicyRule::ALL
        .iter()
        .map(|r| (r.code().to_owned(), crate::i18n::t(lang, &format!("rule-{}", r.code()))))
        .collect();
    policy
        .rules()
        .iter()
        .map(|(b, r)| {
            Field::new(lang, errors, policy_field(*b), Kind::Select, r.code()).required().options(options.clone())
        })
        .collect()
}

/// The matching form as submitted: place, coordinates and the blocked organisations' ids.
#[derive(Debug, Clone, Default)]
pub struct MatchingForm {
    pub place: String,
    pub coordinates: String,
    pub blocked: Vec<String>,
}

impl MatchingForm {
    /// From the form's pairs (`blocked` repeats, once per ticked organisation).
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
        let blocked = pairs.iter().filter(|(n, _)| n == "blocked").map(|(_, v)| v.clone()).collect();
        Self { place: get("place"), coordinates: get("coordinates"), blocked }
    }

    fn of(m: &OrgMatching) -> Self {
        Self {
            place: m.place.as_ref().map(|p| p.to_string()).unwrap_or_default(),
            coordinates: m.location.map(|l| l.to_string()).unwrap_or_default(),
            blocked: m.blocked.iter().map(ToString::to_string).collect(),
        }
    }
}

/// Parses and stores an organisation's matching settings (its admins and organisers).
pub async fn set_matching(state: &AppState, actor: &Actor, id: OrgId, form: &MatchingForm) -> AppResult<()> {
    actor.ensure_org_admin(id)?;
    let settings = OrgMatching::parse(&form.place, &form.coordinates, &form.blocked, id)?;
    let known: Vec<OrgId> = store::orgs::list(&state.db).await?.into_iter().map(|o| o.id).collect();
    if settings.blocked.iter().any(|b| !known.contains(b)) {
        return Err(AppError::field("blocked", Reason::UnknownChoice));
    }
    let detail = format!("place={:?} blocked={}", form.place.trim(), settings.blocked.len());
    let effects =
        Effects::audit(AuditEntry::new(Some(actor.user_id), "org.matching", "organisation", id).detail(detail));
    Ok(store::orgs::set_matching(&state.db, id, &settings, &effects).await?)
}

async fn org_page(
    state: &AppState,
    ctx: Ctx,
    me: &store::users::Account,
    id: OrgId,
    errors: FormErrors,
) -> AppResult<Response> {
    org_page_with(state, ctx, me, id, errors, None).await
}

async fn org_page_with(
    state: &AppState,
    ctx: Ctx,
    me: &store::users::Account,
    id: OrgId,
    errors: FormErrors,
    matching_refused: Option<(MatchingForm, FormErrors)>,
) -> AppResult<Response> {
    let org = store::orgs::get(&state.db, id).await?;
    let (matching_form, matching_errors) = match matching_refused {
        Some(refused) => refused,
        None => (MatchingForm::of(&store::orgs::matching(&state.db, id).await?), FormErrors::default()),
    };
    let block_choices = store::orgs::list(&state.db)
        .await?
        .into_iter()
        .filter(|o| o.id != id)
        .map(|o| {
            let id = o.id.to_string();
            let on = matching_form.blocked.contains(&id);
            (id, o.name, on)
        })
        .collect();
    let l = ctx.lang;
    let matching_fields = vec![
        Field::new(l, &matching_errors, "place", Kind::Text, &matching_form.place).in_form("m-"),
        Field::new(l, &matching_errors, "coordinates", Kind::Text, &matching_form.coordinates).in_form("m-"),
    ];
    let parent_name = match org.parent {
        Some(p) => Some(store::orgs::get(&state.db, p).await?.name),
        None => None,
    };
    let can_admin = me.actor().ensure_org_admin(id).is_ok();
    let policy_fields = policy_fields(ctx.lang, &errors, &org.policy);
    let failed = !errors.is_empty() || !matching_errors.is_empty();
    let page = OrgPage {
        ctx,
        org,
        parent_name,
        can_admin,
        errors,
        policy_fields,
        matching_errors,
        matching_fields,
        block_choices,
    };
    Ok(render_form(&page, failed))
}

async fn show(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id = org_id(&id)?;
    org_page(&state, ctx, &me, id, FormErrors::default()).await
}

#[derive(Deserialize)]
struct PolicyForm {
    #[serde(default)]
    policy_staff_council: String,
    #[serde(default)]
    policy_equal_opportunities: String,
    #[serde(default)]
    policy_disability_representative: String,
    #[serde(default)]
    policy_data_protection: String,
}

async fn policy(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<PolicyForm>,
) -> AppResult<Response> {
    let id = org_id(&id)?;
    me.actor().ensure_org_admin(id)?;
    match parse_policy(
        &form.policy_staff_council,
        &form.policy_equal_opportunities,
        &form.policy_disability_representative,
        &form.policy_data_protection,
    ) {
        Ok(p) => {
            set_policy(&state, &me.actor(), id, &p).await?;
            Ok(flash_redirect(&state, jar, "flash-policy-saved", &format!("/orgs/{id}")))
        }
        Err(AppError::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            org_page(&state, ctx, &me, id, errors).await
        }
        Err(e) => Err(e),
    }
}

async fn matching(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let id = org_id(&id)?;
    let form = MatchingForm::from_pairs(&pairs);
    match set_matching(&state, &me.actor(), id, &form).await {
        Ok(()) => Ok(flash_redirect(&state, jar, "flash-org-matching-saved", &format!("/orgs/{id}"))),
        Err(AppError::Invalid(errs)) => {
            let errors = FormErrors::in_form(ctx.lang, &errs, "m-");
            org_page_with(&state, ctx, &me, id, FormErrors::default(), Some((form, errors))).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "org_members.html")]
struct MembersPage {
    ctx: Ctx,
    org: Organisation,
    members: Vec<Member>,
    roles: Vec<(String, String)>,
    errors: FormErrors,
    invite_fields: Vec<Field>,
}

impl MembersPage {
    fn holds(&self, m: &Member, code: &str) -> bool {
        m.roles.iter().any(|r| r.code() == code)
    }
}

fn role_options(lang: Locale) -> Vec<(String, String)> {
    OrgRole::ALL
        .iter()
        .map(|r| (r.code().to_owned(), crate::i18n::t(lang, &format!("role-{}", r.code().replace(':', "-")))))
        .collect()
}

async fn members_page(
    state: &AppState,
    ctx: Ctx,
    id: OrgId,
    errors: FormErrors,
    invite: &InviteForm,
) -> AppResult<Response> {
    let org = store::orgs::get(&state.db, id).await?;
    let members = store::orgs::members(&state.db, id).await?;
    let l = ctx.lang;
    let mut invite_roles = vec![("participant".to_owned(), ctx.t("role-participant"))];
    invite_roles.extend(role_options(l));
    let invite_fields = vec![
        Field::new(l, &errors, "email", Kind::Email, &invite.email).required(),
        Field::new(l, &errors, "role", Kind::Select, &invite.role).options(invite_roles),
    ];
    let failed = !errors.is_empty();
    Ok(render_form(&MembersPage { roles: role_options(l), ctx, org, members, errors, invite_fields }, failed))
}

async fn members(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id = org_id(&id)?;
    me.actor().ensure_org_admin(id)?;
    members_page(&state, ctx, id, FormErrors::default(), &InviteForm::default()).await
}

#[derive(Deserialize)]
struct RoleForm {
    #[serde(default)]
    user_id: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    action: String,
}

async fn roles(
    State(state): State<AppState>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> AppResult<Response> {
    let id = org_id(&id)?;
    change_role(&state, &me.actor(), id, &form.user_id, &form.role, form.action != "revoke").await?;
    Ok(flash_redirect(&state, jar, "flash-roles-saved", &format!("/orgs/{id}/members")))
}

#[derive(Deserialize, Default)]
struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

async fn invite(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<InviteForm>,
) -> AppResult<Response> {
    let id = org_id(&id)?;
    match invite_person(&state, &me.actor(), &me.display_name, ctx.lang, id, &form.email, &form.role).await {
        Ok(()) => Ok(flash_redirect(&state, jar, "flash-invited", &format!("/orgs/{id}/members"))),
        Err(AppError::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            members_page(&state, ctx, id, errors, &form).await
        }
        Err(e) => Err(e),
    }
}

/// A new version of an organisation's agreement template, as submitted.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TemplateForm {
    /// `de` or `en`.
    pub lang: String,
    pub title: String,
    /// Paragraphs separated by blank lines; `{week}`, `{names}` and `{organisations}` are filled in.
    pub body: String,
}

/// Adds a template version for the organisation; its admins and organisers only.
pub async fn add_template_version(state: &AppState, actor: &Actor, id: OrgId, form: &TemplateForm) -> AppResult<i64> {
    actor.ensure_org_admin(id)?;
    let mut errs = domain::error::Errors::default();
    let lang = match form.lang.trim() {
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
    let title = errs.take(domain::values::OrgName::parse("title", &form.title));
    let body = form.body.trim();
    if body.is_empty() {
        errs.push(domain::FieldError::new("body", Reason::Required));
    } else if body.chars().count() > 20_000 {
        errs.push(domain::FieldError::new("body", Reason::TooLong { max: 20_000 }));
    }
    let (Some(lang), Some(title)) = (lang, title) else { return Err(errs.into_error().into()) };
    errs.into_result()?;
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), "org.template", "organisation", id).detail(lang));
    Ok(store::agreements::add_version(&state.db, id, lang, title.as_str(), body, actor.user_id, &effects).await?)
}

#[derive(Template)]
#[template(path = "org_templates.html")]
struct TemplatesPage {
    ctx: Ctx,
    org: Organisation,
    versions: Vec<(String, i64, String, String)>,
    current: Vec<(String, String, String)>,
    errors: FormErrors,
    fields: Vec<Field>,
}

async fn templates_page(
    state: &AppState,
    ctx: Ctx,
    id: OrgId,
    form: &TemplateForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let org = store::orgs::get(&state.db, id).await?;
    let versions = store::agreements::versions(&state.db, id)
        .await?
        .into_iter()
        .map(|t| (t.lang, t.version, t.title, crate::forms::local_datetime(t.created_at)))
        .collect();
    let mut current = Vec::new();
    for lang in ["de", "en"] {
        let t = store::agreements::current(&state.db, id, lang).await?;
        let source = if t.org_id.is_some() {
            ctx.ta("templates-own", "version", t.version)
        } else {
            ctx.t("agreement-network-default")
        };
        current.push((format!("{lang}: {}", t.title), source, t.body));
    }
    let l = ctx.lang;
    let langs = vec![("de".to_owned(), "Deutsch".to_owned()), ("en".to_owned(), "English".to_owned())];
    let fields = vec![
        Field::new(l, &errors, "lang", Kind::Select, if form.lang.is_empty() { "de" } else { &form.lang })
            .required()
            .options(langs),
        Field::new(l, &errors, "title", Kind::Text, &form.title).required(),
        Field::new(l, &errors, "body", Kind::TextArea, &form.body).required(),
    ];
    let failed = !errors.is_empty();
    Ok(render_form(&TemplatesPage { ctx, org, versions, current, errors, fields }, failed))
}

async fn templates(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id = org_id(&id)?;
    me.actor().ensure_org_admin(id)?;
    templates_page(&state, ctx, id, &TemplateForm::default(), FormErrors::default()).await
}

async fn add_template(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<TemplateForm>,
) -> AppResult<Response> {
    let id = org_id(&id)?;
    match add_template_version(&state, &me.actor(), id, &form).await {
        Ok(_) => Ok(flash_redirect(&state, jar, "flash-template-saved", &format!("/orgs/{id}/templates"))),
        Err(AppError::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            templates_page(&state, ctx, id, &form, errors).await
        }
        Err(e) => Err(e),
    }
}
