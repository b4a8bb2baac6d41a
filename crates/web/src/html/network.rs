//! The network's growth: "Mitmachen" (an employer applies, confirms its address and answers
//! questions through its link), the organisers' review of the applications and their framework
//! agreement, the public network page (members, map, completed swaps), and an organisation's
//! public settings.

use super::account::MessagePage;
use super::ctx::{Ctx, SignedIn};
use super::flash;
use super::forms::Empty;
use super::forms::{Field, FormErrors, Kind, checkbox};
use super::map;
use super::page::{render, render_form};
use super::people::{kind_options, region_options};
use crate::error::HttpResult;
use crate::extract::{CsrfForm, Id};
use app::App;
use app::network::{Application, ApplicationFields, Framework, Message, Network, NetworkFilter, PublicMember, Review};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use domain::OrgId;
use domain::network::ApplicationState;
use domain::org::OrgKind;
use domain::values::{DisplayName, OrgName, Place};
use serde::Deserialize;
use uuid::Uuid;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/join", get(join_form).post(apply))
        .route("/join/{secret}", get(status))
        .route("/join/{secret}/confirm", post(confirm))
        .route("/join/{secret}/answer", post(answer))
        .route("/network", get(network))
        .route("/admin/applications", get(queue))
        .route("/admin/applications/{id}", get(review))
        .route("/admin/applications/{id}/ask", post(ask))
        .route("/admin/applications/{id}/approve", post(approve))
        .route("/admin/applications/{id}/refuse", post(refuse))
        .route("/admin/framework", get(frameworks).post(add_framework))
        .route("/orgs/{id}/public", post(set_public))
}

fn kind_label(ctx: &Ctx, k: OrgKind) -> String {
    ctx.t(&format!("kind-{}", k.code()))
}

fn region_label(ctx: &Ctx, r: domain::org::Region) -> String {
    ctx.t(&format!("region-{}", r.code()))
}

/// The application form as sent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct JoinForm {
    name: String,
    kind: String,
    region: String,
    parent: String,
    domains: String,
    place: String,
    #[serde(deserialize_with = "checkbox")]
    public_listed: bool,
    #[serde(deserialize_with = "checkbox")]
    public_map: bool,
    admin_name: String,
    admin_email: String,
    framework_version: String,
    #[serde(deserialize_with = "checkbox")]
    accept_framework: bool,
}

impl JoinForm {
    fn fields(&self) -> ApplicationFields {
        ApplicationFields {
            name: self.name.clone(),
            kind: self.kind.clone(),
            region: self.region.clone(),
            parent: self.parent.clone(),
            domains: self.domains.clone(),
            place: self.place.clone(),
            public_listed: self.public_listed,
            public_map: self.public_map,
            admin_name: self.admin_name.clone(),
            admin_email: self.admin_email.clone(),
            framework_version: self.framework_version.clone(),
            accept_framework: self.accept_framework,
        }
    }
}

#[derive(Template)]
#[template(path = "join.html")]
struct JoinPage {
    ctx: Ctx,
    errors: FormErrors,
    organisation: Vec<Field>,
    public: Vec<Field>,
    admin: Vec<Field>,
    accept: Field,
    framework: Framework,
}

impl JoinPage {
    fn paragraphs(&self) -> Vec<&str> {
        paragraphs(&self.framework.body)
    }
    fn framework_date(&self) -> String {
        app::i18n::local_date(self.framework.created_at)
    }
}

fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect()
}

async fn join_page(app: &App, ctx: Ctx, f: &JoinForm, errors: FormErrors) -> HttpResult<Response> {
    let l = ctx.lang;
    let framework = app::network::framework(app).await?;
    // Only associations that show themselves in public are named to visitors.
    let mut parents = vec![(String::new(), ctx.t("none"))];
    parents.extend(
        app::network::public_network(app, &NetworkFilter::default())
            .await?
            .umbrellas
            .into_iter()
            .map(|o| (o.id.to_string(), o.name)),
    );
    // A place several places answer to becomes a choice between them.
    let place = if errors.reason("place") == Some(domain::Reason::AmbiguousPlace) {
        Field::new(l, &errors, "place", Kind::Select, "")
            .options(
                app::orgs::places_named(&f.place).iter().map(|p| (p.label(), super::orgs::place_choice(p))).collect(),
            )
            .required()
    } else {
        let mut seat =
            Field::new(l, &errors, "place", Kind::Text, &f.place).max_len(Place::MAX).autocomplete("address-level2");
        seat.hint = Some(ctx.t("join-place-hint"));
        seat
    };
    let mut name = Field::new(l, &errors, "name", Kind::Text, &f.name)
        .max_len(OrgName::MAX)
        .required()
        .autocomplete("organization");
    // The form asks for two names: the organisation's and its contact's.
    name.label = ctx.t("join-org-name");
    let organisation = vec![
        name,
        Field::new(l, &errors, "kind", Kind::Select, &f.kind)
            .required()
            .options(with_choose(l, kind_options(l, false))),
        Field::new(l, &errors, "region", Kind::Select, &f.region)
            .required()
            .options(with_choose(l, region_options(l, false))),
        place,
        Field::new(l, &errors, "parent", Kind::Select, &f.parent).options(parents),
        Field::new(l, &errors, "domains", Kind::Text, &f.domains).required(),
    ];
    let public = vec![
        Field::new(l, &errors, "public_listed", Kind::Checkbox, "on").checked(f.public_listed),
        Field::new(l, &errors, "public_map", Kind::Checkbox, "on").checked(f.public_map),
    ];
    let admin = vec![
        Field::new(l, &errors, "admin_name", Kind::Text, &f.admin_name)
            .max_len(DisplayName::MAX)
            .required()
            .autocomplete("name"),
        Field::new(l, &errors, "admin_email", Kind::Email, &f.admin_email).required().autocomplete("email"),
    ];
    let mut accept =
        Field::new(l, &errors, "accept_framework", Kind::Checkbox, "on").checked(f.accept_framework).required();
    accept.label = ctx.ta("join-accept", "version", framework.version);
    let failed = !errors.is_empty();
    Ok(render_form(&JoinPage { ctx, errors, organisation, public, admin, accept, framework }, failed))
}

/// A choice that starts empty, so that nobody applies as the first kind in the list unawares.
fn with_choose(lang: domain::values::Locale, mut options: Vec<(String, String)>) -> Vec<(String, String)> {
    options.insert(0, (String::new(), app::i18n::t(lang, "choose-one")));
    options
}

async fn join_form(State(app): State<App>, ctx: Ctx) -> HttpResult<Response> {
    // Public by default: an employer that joins wants to be seen; it may say otherwise here.
    let f = JoinForm { public_listed: true, public_map: true, ..Default::default() };
    join_page(&app, ctx, &f, FormErrors::default()).await
}

async fn apply(State(app): State<App>, ctx: Ctx, CsrfForm(f): CsrfForm<JoinForm>) -> HttpResult<Response> {
    match app::network::apply(&app, ctx.lang, &f.fields()).await {
        Ok(()) => {
            let title = ctx.t("join-sent-title");
            let text = ctx.ta("join-sent-text", "email", f.admin_email.trim());
            Ok(render(&MessagePage { ctx, title, text, link: None }))
        }
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            // The form shows the version now in force (it may have changed meanwhile).
            join_page(&app, ctx, &f, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

/// A message of an application's exchange, ready to show.
struct Said {
    who: String,
    at: String,
    body: String,
}

fn said(ctx: &Ctx, messages: &[Message]) -> Vec<Said> {
    messages
        .iter()
        .map(|m| Said {
            who: if m.from_applicant {
                ctx.t("application-from-applicant")
            } else {
                m.author.clone().unwrap_or_else(|| ctx.t("application-from-organisers"))
            },
            at: app::i18n::local_datetime(m.at),
            body: m.body.clone(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "join_status.html")]
struct StatusPage {
    ctx: Ctx,
    secret: String,
    a: Application,
    messages: Vec<Said>,
    errors: FormErrors,
    answer: Field,
}

impl StatusPage {
    fn state_label(&self) -> String {
        self.ctx.t(&format!("application-state-{}", self.a.state.code()))
    }
    fn state_text(&self) -> String {
        self.ctx.t(&format!("application-state-{}-text", self.a.state.code()))
    }
    fn is(&self, state: &str) -> bool {
        self.a.state.code() == state
    }
}

async fn status_page(app: &App, ctx: Ctx, secret: String, answer: &str, errors: FormErrors) -> HttpResult<Response> {
    let view = app::network::by_secret(app, &secret).await?;
    let messages = said(&ctx, &view.messages);
    let answer =
        Field::new(ctx.lang, &errors, "answer", Kind::TextArea, answer).required().max_len(app::network::MAX_MESSAGE);
    let failed = !errors.is_empty();
    Ok(render_form(&StatusPage { ctx, secret, a: view.application, messages, errors, answer }, failed))
}

/// The applicant's page behind their link: confirm the address, see where the application
/// stands, answer a question. Opening it changes nothing.
async fn status(State(app): State<App>, ctx: Ctx, Path(secret): Path<String>) -> HttpResult<Response> {
    status_page(&app, ctx, secret, "", FormErrors::default()).await
}

async fn confirm(
    State(app): State<App>,
    _ctx: Ctx,
    jar: CookieJar,
    Path(secret): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    app::network::confirm(&app, &secret).await?;
    Ok(flash::redirect(&app, jar, "flash-application-confirmed", &format!("/join/{secret}")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AnswerForm {
    answer: String,
}

async fn answer(
    State(app): State<App>,
    ctx: Ctx,
    jar: CookieJar,
    Path(secret): Path<String>,
    CsrfForm(f): CsrfForm<AnswerForm>,
) -> HttpResult<Response> {
    match app::network::answer(&app, &secret, &f.answer).await {
        Ok(()) => Ok(flash::redirect(&app, jar, "flash-application-answered", &format!("/join/{secret}"))),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            status_page(&app, ctx, secret, &f.answer, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

/// A member as the public page shows it.
struct MemberRow {
    name: String,
    kind: String,
    region: String,
    since: String,
    place: Option<String>,
    swaps: Option<i64>,
    /// Its dot on the map (x, y), if it shows one.
    dot: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "network.html")]
struct NetworkPage {
    ctx: Ctx,
    members: Vec<MemberRow>,
    listed: usize,
    /// "12" or "< 5".
    completed_swaps: String,
    /// The number the words after it agree with.
    completed_plural: i64,
    filters: Vec<Field>,
    filtered: bool,
    outline: &'static str,
    width: u32,
    height: u32,
    /// The next public events: (page, title, when, where).
    events: Vec<(String, String, String, String)>,
}

impl NetworkPage {
    fn dots(&self) -> usize {
        self.members.iter().filter(|m| m.dot.is_some()).count()
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NetworkQuery {
    kind: String,
    region: String,
    umbrella: String,
}

fn member_row(ctx: &Ctx, m: &PublicMember) -> MemberRow {
    MemberRow {
        name: m.name.clone(),
        kind: kind_label(ctx, m.kind),
        region: region_label(ctx, m.region),
        since: app::i18n::local_date(m.since),
        place: m.place.clone(),
        swaps: m.swaps,
        dot: m.point.and_then(map::position),
    }
}

/// How many coming events the network page names.
const NEXT_EVENTS: i64 = 5;

/// The network in public: no sign-in, no script.
async fn network(State(app): State<App>, ctx: Ctx, Query(q): Query<NetworkQuery>) -> HttpResult<Response> {
    let l = ctx.lang;
    let (filter, errors) = match NetworkFilter::parse(&q.kind, &q.region, &q.umbrella) {
        Ok(f) => (f, FormErrors::default()),
        Err(app::Error::Invalid(errs)) => (NetworkFilter::default(), FormErrors::new(l, &errs)),
        Err(e) => return Err(e.into()),
    };
    let Network { members, listed, umbrellas, completed_swaps } = app::network::public_network(&app, &filter).await?;
    let mut umbrella_options = vec![(String::new(), ctx.t("any"))];
    umbrella_options.extend(umbrellas.iter().map(|u| (u.id.to_string(), u.name.clone())));
    let filters = vec![
        Field::new(l, &errors, "kind", Kind::Select, &q.kind).options(kind_options(l, true)),
        Field::new(l, &errors, "region", Kind::Select, &q.region).options(region_options(l, true)),
        Field::new(l, &errors, "umbrella", Kind::Select, &q.umbrella).options(umbrella_options),
    ];
    let filtered = filter.kind.is_some() || filter.region.is_some() || filter.umbrella.is_some();
    let members = members.iter().map(|m| member_row(&ctx, m)).collect();
    let (width, height) = map::size();
    let events = app::events::upcoming_public(&app, NEXT_EVENTS)
        .await?
        .into_iter()
        .map(|e| {
            let place = e.place.unwrap_or_else(|| ctx.t("event-online"));
            (e.path, e.title, e.when, place)
        })
        .collect();
    Ok(render(&NetworkPage {
        ctx,
        members,
        listed,
        completed_swaps: app::figures::shown_text(l, completed_swaps),
        completed_plural: completed_swaps.value().map_or(2, |v| i64::try_from(v).unwrap_or(i64::MAX)),
        filters,
        filtered,
        outline: map::OUTLINE.as_str(),
        width,
        height,
        events,
    }))
}

/// An application in the organisers' queue.
struct QueueRow {
    id: Uuid,
    name: String,
    kind: String,
    region: String,
    received: String,
    state: String,
    open: bool,
}

#[derive(Template)]
#[template(path = "applications.html")]
struct QueuePage {
    ctx: Ctx,
    open: Vec<QueueRow>,
    decided: Vec<QueueRow>,
}

async fn queue(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    let all = app::network::queue(&app, &me.actor()).await?;
    let (open, decided): (Vec<QueueRow>, Vec<QueueRow>) = all
        .iter()
        .map(|a| QueueRow {
            id: a.id,
            name: a.name.clone(),
            kind: kind_label(&ctx, a.kind),
            region: region_label(&ctx, a.region),
            received: app::i18n::local_date(a.created_at),
            state: ctx.t(&format!("application-state-{}", a.state.code())),
            open: a.state.is_open(),
        })
        .partition(|r| r.open);
    Ok(render(&QueuePage { ctx, open, decided }))
}

#[derive(Template)]
#[template(path = "application.html")]
struct ReviewPage {
    ctx: Ctx,
    r: Review,
    messages: Vec<Said>,
    errors: FormErrors,
    question: Field,
    refusal: Field,
}

impl ReviewPage {
    fn kind(&self) -> String {
        kind_label(&self.ctx, self.r.application.kind)
    }
    fn region(&self) -> String {
        region_label(&self.ctx, self.r.application.region)
    }
    fn state_label(&self) -> String {
        self.ctx.t(&format!("application-state-{}", self.r.application.state.code()))
    }
    fn received(&self) -> String {
        app::i18n::local_datetime(self.r.application.created_at)
    }
    fn decided(&self) -> String {
        self.r.application.decided_at.map(app::i18n::local_datetime).unwrap_or_default()
    }
    fn yes_no(&self, on: &bool) -> String {
        self.ctx.t(if *on { "yes" } else { "no" })
    }
    fn open(&self) -> bool {
        self.r.application.state.is_open()
    }
    /// Nothing stands against an approval (the warnings above say what does).
    fn approvable(&self) -> bool {
        self.r.held_domains.is_empty() && !self.r.name_taken && !self.r.admin_has_account
    }
    fn approved(&self) -> bool {
        self.r.application.state == ApplicationState::Approved
    }
    fn framework_label(&self) -> String {
        self.ctx.ta("application-framework-version", "version", self.r.framework.version)
    }
}

async fn review_page(
    app: &App,
    ctx: Ctx,
    me: &app::Account,
    id: Uuid,
    typed: (&str, &str),
    errors: FormErrors,
) -> HttpResult<Response> {
    let r = app::network::review(app, &me.actor(), id).await?;
    let messages = said(&ctx, &r.messages);
    let l = ctx.lang;
    let question =
        Field::new(l, &errors, "question", Kind::TextArea, typed.0).required().max_len(app::network::MAX_MESSAGE);
    let refusal =
        Field::new(l, &errors, "refusal_reason", Kind::TextArea, typed.1).required().max_len(app::network::MAX_MESSAGE);
    let failed = !errors.is_empty();
    Ok(render_form(&ReviewPage { ctx, r, messages, errors, question, refusal }, failed))
}

async fn review(State(app): State<App>, SignedIn(ctx, me): SignedIn, Id(id): Id<Uuid>) -> HttpResult<Response> {
    review_page(&app, ctx, &me, id, ("", ""), FormErrors::default()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AskForm {
    question: String,
}

async fn ask(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<Uuid>,
    CsrfForm(f): CsrfForm<AskForm>,
) -> HttpResult<Response> {
    match app::network::ask(&app, &me.actor(), id, &f.question).await {
        Ok(()) => Ok(flash::redirect(&app, jar, "flash-application-asked", &format!("/admin/applications/{id}"))),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            review_page(&app, ctx, &me, id, (&f.question, ""), errors).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn approve(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<Uuid>,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    app::network::approve(&app, &me.actor(), id).await?;
    Ok(flash::redirect(&app, jar, "flash-application-approved", &format!("/admin/applications/{id}")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RefuseForm {
    refusal_reason: String,
}

async fn refuse(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<Uuid>,
    CsrfForm(f): CsrfForm<RefuseForm>,
) -> HttpResult<Response> {
    match app::network::refuse(&app, &me.actor(), id, &f.refusal_reason).await {
        Ok(()) => Ok(flash::redirect(&app, jar, "flash-application-refused", &format!("/admin/applications/{id}"))),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            review_page(&app, ctx, &me, id, ("", &f.refusal_reason), errors).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "framework.html")]
struct FrameworkPage {
    ctx: Ctx,
    versions: Vec<Framework>,
    errors: FormErrors,
    fields: Vec<Field>,
}

impl FrameworkPage {
    fn paragraphs<'a>(&self, f: &'a Framework) -> Vec<&'a str> {
        paragraphs(&f.body)
    }
    fn date(&self, f: &Framework) -> String {
        app::i18n::local_date(f.created_at)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FrameworkForm {
    framework_title: String,
    framework_body: String,
}

async fn framework_page(
    app: &App,
    ctx: Ctx,
    me: &app::Account,
    f: &FrameworkForm,
    errors: FormErrors,
) -> HttpResult<Response> {
    let versions = app::network::framework_versions(app, &me.actor()).await?;
    // A new version starts from the one in force.
    let (title, body) = match (f.framework_title.is_empty() && f.framework_body.is_empty(), versions.first()) {
        (true, Some(current)) => (current.title.clone(), current.body.clone()),
        _ => (f.framework_title.clone(), f.framework_body.clone()),
    };
    let l = ctx.lang;
    let fields = vec![
        Field::new(l, &errors, "framework_title", Kind::Text, title).required().max_len(OrgName::MAX),
        Field::new(l, &errors, "framework_body", Kind::TextArea, body).required().max_len(app::network::MAX_FRAMEWORK),
    ];
    let failed = !errors.is_empty();
    Ok(render_form(&FrameworkPage { ctx, versions, errors, fields }, failed))
}

async fn frameworks(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    framework_page(&app, ctx, &me, &FrameworkForm::default(), FormErrors::default()).await
}

async fn add_framework(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    CsrfForm(f): CsrfForm<FrameworkForm>,
) -> HttpResult<Response> {
    match app::network::add_framework(&app, &me.actor(), &f.framework_title, &f.framework_body).await {
        Ok(_) => Ok(flash::redirect(&app, jar, "flash-framework-added", "/admin/framework")),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            framework_page(&app, ctx, &me, &f, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PublicForm {
    #[serde(deserialize_with = "checkbox")]
    public_listed: bool,
    #[serde(deserialize_with = "checkbox")]
    public_map: bool,
    #[serde(deserialize_with = "checkbox")]
    public_swaps: bool,
}

async fn set_public(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<OrgId>,
    CsrfForm(f): CsrfForm<PublicForm>,
) -> HttpResult<Response> {
    app::network::set_visibility(&app, &me.actor(), id, f.public_listed, f.public_map, f.public_swaps).await?;
    Ok(flash::redirect(&app, jar, "flash-org-public-saved", &format!("/orgs/{id}#public-heading")))
}
