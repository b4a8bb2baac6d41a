//! Organisations: the list, one organisation's page, and what organisers and organisation
//! admins keep: data, domains, co-determination policy, roles and invitations.

use super::ctx::{Ctx, SignedIn};
use super::flash;
use super::forms::{Field, FormErrors, Kind};
use super::page::{render, render_form};
use super::people::{kind_options, region_options};
use crate::error::HttpResult;
use crate::extract::{CsrfForm, Id};
use app::orgs::{
    InvitationInput, MatchingInput, Member, OrgInput, OrgSummary, Organisation, PolicyInput, RoleChange, TemplateInput,
};
use app::{Account, App};
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use domain::OrgId;
use domain::access::OrgRole;
use domain::org::{Body, OrgKind, Policy, PolicyRule};
use domain::values::{Locale, OrgName, Place};
use serde::Deserialize;

pub fn routes() -> Router<App> {
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
        .route("/orgs/{id}/invitations/resend", post(resend_invitation))
        .route("/orgs/{id}/invitations/revoke", post(revoke_invitation))
        .route("/orgs/{id}/templates", get(templates).post(add_template))
}

/// The organisation form as sent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct OrgForm {
    name: String,
    kind: String,
    region: String,
    parent: String,
    domains: String,
}

impl OrgForm {
    fn of(input: OrgInput) -> Self {
        Self { name: input.name, kind: input.kind, region: input.region, parent: input.parent, domains: input.domains }
    }

    fn input(&self) -> OrgInput {
        OrgInput {
            name: self.name.clone(),
            kind: self.kind.clone(),
            region: self.region.clone(),
            parent: self.parent.clone(),
            domains: self.domains.clone(),
        }
    }
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

async fn list(State(app): State<App>, SignedIn(ctx, _): SignedIn) -> HttpResult<Response> {
    let orgs = app::orgs::list(&app).await?;
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
    app: &App,
    ctx: Ctx,
    form: &OrgForm,
    errors: FormErrors,
    this: Option<OrgId>,
) -> HttpResult<Response> {
    let l = ctx.lang;
    let mut parents = vec![(String::new(), ctx.t("none"))];
    parents.extend(app::orgs::umbrella_choices(app, this).await?.into_iter().map(|o| (o.id.to_string(), o.name)));
    let fields = vec![
        Field::new(l, &errors, "name", Kind::Text, &form.name)
            .max_len(OrgName::MAX)
            .required()
            .autocomplete("organization"),
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

async fn new_form(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    app::orgs::may_create(&me.actor())?;
    org_form_page(&app, ctx, &OrgForm::default(), FormErrors::default(), None).await
}

async fn create(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> HttpResult<Response> {
    match app::orgs::create(&app, &me.actor(), &form.input()).await {
        Ok(id) => Ok(flash::redirect(&app, jar, "flash-org-created", &format!("/orgs/{id}"))),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            org_form_page(&app, ctx, &form, errors, None).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn edit_form(State(app): State<App>, SignedIn(ctx, me): SignedIn, Id(id): Id<OrgId>) -> HttpResult<Response> {
    let org = app::orgs::editable(&app, &me.actor(), id).await?;
    org_form_page(&app, ctx, &OrgForm::of(OrgInput::of(&org)), FormErrors::default(), Some(id)).await
}

async fn update(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<OrgId>,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> HttpResult<Response> {
    match app::orgs::update(&app, &me.actor(), id, &form.input()).await {
        Ok(()) => Ok(flash::redirect(&app, jar, "flash-org-saved", &format!("/orgs/{id}"))),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            org_form_page(&app, ctx, &form, errors, Some(id)).await
        }
        Err(e) => Err(e.into()),
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
    /// For its admins: the setup checklist, what it shows in public, and (an association) the
    /// members that take part.
    /// (step's words, done, where it is done)
    setup: Vec<(String, bool, String)>,
    public_fields: Vec<Field>,
    umbrella_members: Vec<app::network::UmbrellaMember>,
}

impl OrgPage {
    fn blocked_names(&self) -> String {
        let names: Vec<&str> = self.block_choices.iter().filter(|c| c.2).map(|c| c.1.as_str()).collect();
        if names.is_empty() { self.ctx.t("org-matching-none") } else { names.join(", ") }
    }
    fn kind_label(&self) -> String {
        self.ctx.t(&format!("kind-{}", self.org.kind.code()))
    }
    fn setup_open(&self) -> usize {
        self.setup.iter().filter(|s| !s.1).count()
    }
    fn code_label(&self, prefix: &str, code: &str) -> String {
        self.ctx.t(&format!("{prefix}-{code}"))
    }
    fn date(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        app::i18n::local_date(*t)
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
        .map(|r| (r.code().to_owned(), app::i18n::t(lang, &format!("rule-{}", r.code()))))
        .collect();
    policy
        .rules()
        .iter()
        .map(|(b, r)| {
            Field::new(lang, errors, app::orgs::policy_field(*b), Kind::Select, r.code())
                .required()
                .options(options.clone())
        })
        .collect()
}

/// A place as a choice: its label, with the federal state unless the label names it.
/// Where a setup step is done.
fn setup_page(org: OrgId, step: app::tasks::SetupStep) -> String {
    use app::tasks::SetupStep as S;
    match step {
        S::Domains => format!("/orgs/{org}/edit"),
        S::Policy => format!("/orgs/{org}#policy-heading"),
        S::Location => format!("/orgs/{org}#matching-heading"),
        S::Approvers | S::Bodies | S::Invite => format!("/orgs/{org}/members"),
        S::Template => format!("/orgs/{org}/templates"),
        S::Public => format!("/orgs/{org}#public-heading"),
    }
}

pub(super) fn place_choice(p: &domain::places::Locality) -> String {
    let (label, state) = (p.label(), domain::places::state_name(p.region));
    if label.contains(state) { label } else { format!("{label} – {state}") }
}

/// The matching form's values from its pairs (`blocked` repeats, once per ticked organisation).
fn matching_input(pairs: &[(String, String)]) -> MatchingInput {
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    let blocked = pairs.iter().filter(|(n, _)| n == "blocked").map(|(_, v)| v.clone()).collect();
    // The page offers places, never coordinates (those are the API's).
    MatchingInput { place: get("place"), coordinates: String::new(), blocked }
}

async fn org_page(app: &App, ctx: Ctx, me: &Account, id: OrgId, errors: FormErrors) -> HttpResult<Response> {
    org_page_with(app, ctx, me, id, errors, None).await
}

async fn org_page_with(
    app: &App,
    ctx: Ctx,
    me: &Account,
    id: OrgId,
    errors: FormErrors,
    matching_refused: Option<(MatchingInput, FormErrors)>,
) -> HttpResult<Response> {
    let org = app::orgs::get(app, id).await?;
    let (matching_form, matching_errors) = match matching_refused {
        Some(refused) => refused,
        None => (MatchingInput::of(&app::orgs::matching(app, id).await?), FormErrors::default()),
    };
    let block_choices = app::orgs::list(app)
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
    // A place several places answer to becomes a choice between them; otherwise a name or
    // postcode is typed.
    let ambiguous = matching_errors.reason("place") == Some(domain::Reason::AmbiguousPlace);
    let place = if ambiguous {
        Field::new(l, &matching_errors, "place", Kind::Select, "")
            .options(
                app::orgs::places_named(&matching_form.place).iter().map(|p| (p.label(), place_choice(p))).collect(),
            )
            .required()
    } else {
        Field::new(l, &matching_errors, "place", Kind::Text, &matching_form.place).max_len(Place::MAX)
    };
    let matching_fields = vec![place.in_form("m-")];
    let parent_name = match org.parent {
        Some(p) => Some(app::orgs::get(app, p).await?.name),
        None => None,
    };
    let can_admin = me.actor().ensure_org_admin(id).is_ok();
    let policy_fields = policy_fields(ctx.lang, &errors, &org.policy);
    let (setup, public_fields, umbrella_members) = if can_admin {
        let actor = me.actor();
        let v = app::network::visibility(app, &actor, id).await?;
        let none = FormErrors::default();
        let public_fields = vec![
            Field::new(l, &none, "public_listed", Kind::Checkbox, "on").checked(v.listed),
            Field::new(l, &none, "public_map", Kind::Checkbox, "on").checked(v.map),
            Field::new(l, &none, "public_swaps", Kind::Checkbox, "on").checked(v.swaps),
        ];
        let members = if org.kind == OrgKind::Association {
            app::network::umbrella_members(app, &actor, id).await?
        } else {
            Vec::new()
        };
        let setup = app::tasks::setup_checklist(app, &actor, id)
            .await?
            .into_iter()
            .map(|(step, done)| (ctx.t(&format!("setup-{}", step.code())), done, setup_page(id, step)))
            .collect();
        (setup, public_fields, members)
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
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
        setup,
        public_fields,
        umbrella_members,
    };
    Ok(render_form(&page, failed))
}

async fn show(State(app): State<App>, SignedIn(ctx, me): SignedIn, Id(id): Id<OrgId>) -> HttpResult<Response> {
    org_page(&app, ctx, &me, id, FormErrors::default()).await
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
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<OrgId>,
    CsrfForm(form): CsrfForm<PolicyForm>,
) -> HttpResult<Response> {
    let input = PolicyInput {
        staff_council: form.policy_staff_council,
        equal_opportunities: form.policy_equal_opportunities,
        disability_representative: form.policy_disability_representative,
        data_protection: form.policy_data_protection,
    };
    match app::orgs::set_policy(&app, &me.actor(), id, &input).await {
        Ok(()) => Ok(flash::redirect(&app, jar, "flash-policy-saved", &format!("/orgs/{id}"))),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            org_page(&app, ctx, &me, id, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn matching(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<OrgId>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> HttpResult<Response> {
    let form = matching_input(&pairs);
    match app::orgs::set_matching(&app, &me.actor(), id, &form).await {
        Ok(()) => Ok(flash::redirect(&app, jar, "flash-org-matching-saved", &format!("/orgs/{id}"))),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::in_form(ctx.lang, &errs, "m-");
            org_page_with(&app, ctx, &me, id, FormErrors::default(), Some((form, errors))).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "org_members.html")]
struct MembersPage {
    ctx: Ctx,
    org: Organisation,
    members: Vec<Member>,
    /// Unused invitations: (address, role in words, valid until).
    pending: Vec<(String, String, String)>,
    /// The search as typed, how many match, and the pages before and after (as query strings).
    search: String,
    found: String,
    prev_query: Option<String>,
    next_query: Option<String>,
    roles: Vec<(String, String)>,
    errors: FormErrors,
    invite_fields: Vec<Field>,
}

impl MembersPage {
    /// Whether the member is the signed-in admin (who deletes their own account elsewhere).
    fn is_me(&self, m: &Member) -> bool {
        self.ctx.user.as_ref().is_some_and(|u| u.id == m.user_id)
    }

    fn holds(&self, m: &Member, code: &str) -> bool {
        m.roles.iter().any(|r| r.code() == code)
    }

    /// The member's roles in words ("Genehmigende Person, Personalrat"), or that they take part.
    fn roles_in_words(&self, m: &Member) -> String {
        let held: Vec<&str> =
            self.roles.iter().filter(|(code, _)| self.holds(m, code)).map(|(_, label)| label.as_str()).collect();
        if held.is_empty() { self.ctx.t("role-participant") } else { held.join(", ") }
    }
}

fn role_options(lang: Locale) -> Vec<(String, String)> {
    OrgRole::ALL
        .iter()
        .map(|r| (r.code().to_owned(), app::i18n::t(lang, &format!("role-{}", r.code().replace(':', "-")))))
        .collect()
}

/// The members list's search and page, from the address.
#[derive(Deserialize, Default)]
#[serde(default)]
struct MembersQuery {
    q: String,
    page: u32,
}

async fn members_page(
    app: &App,
    ctx: Ctx,
    me: &Account,
    id: OrgId,
    query: &MembersQuery,
    errors: FormErrors,
    invite: &InviteForm,
) -> HttpResult<Response> {
    let (members, total) = app::orgs::members_page(app, &me.actor(), id, &query.q, query.page).await?;
    let page_query =
        |page: u32| serde_urlencoded::to_string([("q", query.q.as_str()), ("page", &page.to_string())]).ok();
    let shown_to = (i64::from(query.page) + 1) * i64::from(app::orgs::MEMBERS_PAGE_SIZE);
    let prev_query = (query.page > 0).then(|| page_query(query.page - 1)).flatten();
    let next_query = (shown_to < total).then(|| page_query(query.page + 1)).flatten();
    let pending = app::orgs::invitations(app, &me.actor(), id)
        .await?
        .into_iter()
        .map(|p| {
            let role = p.role.map_or("participant".to_owned(), |r| r.code().replace(':', "-"));
            (p.email_norm, ctx.t(&format!("role-{role}")), super::forms::local_datetime(p.expires_at))
        })
        .collect();
    let found = app::i18n::t_args(
        ctx.lang,
        "org-members-found",
        &[("count", app::i18n::count(usize::try_from(total).unwrap_or(0)))],
    );
    let org = app::orgs::get(app, id).await?;
    let l = ctx.lang;
    let mut invite_roles = vec![("participant".to_owned(), ctx.t("role-participant"))];
    invite_roles.extend(role_options(l));
    let invite_fields = vec![
        Field::new(l, &errors, "email", Kind::Email, &invite.email).required(),
        Field::new(l, &errors, "role", Kind::Select, &invite.role).options(invite_roles),
    ];
    let failed = !errors.is_empty();
    let page = MembersPage {
        roles: role_options(l),
        ctx,
        org,
        members,
        pending,
        search: query.q.clone(),
        found,
        prev_query,
        next_query,
        errors,
        invite_fields,
    };
    Ok(render_form(&page, failed))
}

async fn members(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    Id(id): Id<OrgId>,
    Query(query): Query<MembersQuery>,
) -> HttpResult<Response> {
    members_page(&app, ctx, &me, id, &query, FormErrors::default(), &InviteForm::default()).await
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
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<OrgId>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> HttpResult<Response> {
    let change = RoleChange { user: form.user_id, role: form.role, grant: form.action != "revoke" };
    app::orgs::change_role(&app, &me.actor(), id, &change).await?;
    Ok(flash::redirect(&app, jar, "flash-roles-saved", &format!("/orgs/{id}/members")))
}

#[derive(Deserialize, Default)]
struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

async fn invite(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<OrgId>,
    CsrfForm(form): CsrfForm<InviteForm>,
) -> HttpResult<Response> {
    let input = InvitationInput { email: form.email.clone(), role: form.role.clone() };
    match app::orgs::invite(&app, &me, ctx.lang, id, &input).await {
        Ok(()) => Ok(flash::redirect(&app, jar, "flash-invited", &format!("/orgs/{id}/members"))),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            members_page(&app, ctx, &me, id, &MembersQuery::default(), errors, &form).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct PendingForm {
    #[serde(default)]
    email: String,
}

async fn resend_invitation(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<OrgId>,
    CsrfForm(form): CsrfForm<PendingForm>,
) -> HttpResult<Response> {
    app::orgs::resend_invitation(&app, &me, ctx.lang, id, &form.email).await?;
    Ok(flash::redirect(&app, jar, "flash-invitation-resent", &format!("/orgs/{id}/members#invitations")))
}

async fn revoke_invitation(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<OrgId>,
    CsrfForm(form): CsrfForm<PendingForm>,
) -> HttpResult<Response> {
    app::orgs::revoke_invitation(&app, &me.actor(), id, &form.email).await?;
    Ok(flash::redirect(&app, jar, "flash-invitation-revoked", &format!("/orgs/{id}/members#invitations")))
}

/// A new version of an organisation's agreement template, as sent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct TemplateForm {
    lang: String,
    title: String,
    body: String,
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
    app: &App,
    ctx: Ctx,
    me: &Account,
    id: OrgId,
    form: &TemplateForm,
    errors: FormErrors,
) -> HttpResult<Response> {
    let actor = me.actor();
    let versions = app::orgs::template_versions(app, &actor, id)
        .await?
        .into_iter()
        .map(|t| (t.lang, t.version, t.title, super::forms::local_datetime(t.created_at)))
        .collect();
    let org = app::orgs::get(app, id).await?;
    let mut current = Vec::new();
    for t in app::orgs::current_templates(app, &actor, id).await? {
        let lang = t.lang.clone();
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
        Field::new(l, &errors, "title", Kind::Text, &form.title).max_len(OrgName::MAX).required(),
        Field::new(l, &errors, "body", Kind::TextArea, &form.body).max_len(app::orgs::TEMPLATE_MAX).required(),
    ];
    let failed = !errors.is_empty();
    Ok(render_form(&TemplatesPage { ctx, org, versions, current, errors, fields }, failed))
}

async fn templates(State(app): State<App>, SignedIn(ctx, me): SignedIn, Id(id): Id<OrgId>) -> HttpResult<Response> {
    templates_page(&app, ctx, &me, id, &TemplateForm::default(), FormErrors::default()).await
}

async fn add_template(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<OrgId>,
    CsrfForm(form): CsrfForm<TemplateForm>,
) -> HttpResult<Response> {
    let input = TemplateInput { lang: form.lang.clone(), title: form.title.clone(), body: form.body.clone() };
    match app::orgs::add_template(&app, &me.actor(), id, &input).await {
        Ok(_) => Ok(flash::redirect(&app, jar, "flash-template-saved", &format!("/orgs/{id}/templates"))),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            templates_page(&app, ctx, &me, id, &form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}
