//! One's own profile, the search over people open to a swap, and the page of a person.

use super::render_form;
use crate::AppState;
use crate::auth::{Ctx, SignedIn};
use crate::error::{AppError, AppResult};
use crate::forms::{Field, FormErrors, Kind};
use crate::security::{CsrfForm, flash_redirect};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use axum_extra::extract::CookieJar;
use domain::UserId;
use domain::org::{OrgKind, Region};
use domain::profile::{Profile, ProfileInput};
use domain::values::{IsoWeek, Locale};
use serde::Deserialize;
use store::profiles::{PersonCard, PersonPage, SearchFilter};
use store::{AuditEntry, Effects};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/profile", get(profile_form).post(save_profile))
        .route("/people", get(search))
        .route("/people/{id}", get(person))
}

/// The profile form's body: lists as comma-separated text, checkboxes as "on".
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct ProfileForm {
    #[serde(default)]
    pub role_title: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub pay_grade: String,
    #[serde(default)]
    pub topics: String,
    #[serde(default)]
    pub wants_to_learn: String,
    #[serde(default)]
    pub languages: String,
    #[serde(default)]
    pub availability: String,
    #[serde(default)]
    pub travel_radius_km: String,
    #[serde(default)]
    pub about: String,
    #[serde(default, deserialize_with = "crate::actions::checkbox")]
    pub open_to_swap: bool,
    #[serde(default, deserialize_with = "crate::actions::checkbox")]
    pub shared_with_own_org: bool,
}

impl From<ProfileForm> for ProfileInput {
    fn from(f: ProfileForm) -> Self {
        ProfileInput {
            role_title: f.role_title,
            unit: f.unit,
            pay_grade: f.pay_grade,
            topics: f.topics,
            wants_to_learn: f.wants_to_learn,
            languages: f.languages,
            availability: f.availability,
            travel_radius_km: f.travel_radius_km,
            about: f.about,
            open_to_swap: f.open_to_swap,
            shared_with_own_org: f.shared_with_own_org,
        }
    }
}

#[derive(Template)]
#[template(path = "profile_edit.html")]
struct ProfilePage {
    ctx: Ctx,
    errors: FormErrors,
    fields: Vec<Field>,
    open: Field,
    shared: Field,
    email: String,
}

fn profile_page(ctx: Ctx, email: String, input: &ProfileInput, errors: FormErrors) -> Response {
    let l = ctx.lang;
    let fields = vec![
        Field::new(l, &errors, "role_title", Kind::Text, &input.role_title)
            .required()
            .autocomplete("organization-title"),
        Field::new(l, &errors, "unit", Kind::Text, &input.unit).required(),
        Field::new(l, &errors, "pay_grade", Kind::Text, &input.pay_grade),
        Field::new(l, &errors, "topics", Kind::Text, &input.topics),
        Field::new(l, &errors, "wants_to_learn", Kind::Text, &input.wants_to_learn),
        Field::new(l, &errors, "languages", Kind::Text, &input.languages),
        Field::new(l, &errors, "availability", Kind::Text, &input.availability),
        Field::new(l, &errors, "travel_radius_km", Kind::Number, &input.travel_radius_km).required(),
        Field::new(l, &errors, "about", Kind::TextArea, &input.about),
    ];
    let open = Field::new(l, &errors, "open_to_swap", Kind::Checkbox, "").checked(input.open_to_swap);
    let shared = Field::new(l, &errors, "shared_with_own_org", Kind::Checkbox, "").checked(input.shared_with_own_org);
    let failed = !errors.is_empty();
    render_form(&ProfilePage { ctx, errors, fields, open, shared, email }, failed)
}

async fn profile_form(State(state): State<AppState>, SignedIn(ctx, me): SignedIn) -> AppResult<Response> {
    let input = match store::profiles::get(&state.db, me.id).await? {
        Some(p) => p.to_input(),
        None => ProfileInput { languages: "de".into(), travel_radius_km: "50".into(), ..Default::default() },
    };
    Ok(profile_page(ctx, me.email, &input, FormErrors::default()))
}

/// Parses and stores a person's profile; shared with the API.
pub async fn store_profile(state: &AppState, me: &store::users::Account, input: &ProfileInput) -> AppResult<Profile> {
    let profile = Profile::parse(input)?;
    if me.org_id.is_none() {
        return Err(AppError::Forbidden("no-organisation"));
    }
    let effects = Effects::audit(AuditEntry::new(Some(me.id), "profile.saved", "user", me.id));
    store::profiles::save(&state.db, me.id, &profile, &effects).await?;
    Ok(profile)
}

async fn save_profile(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> AppResult<Response> {
    let input: ProfileInput = form.into();
    match store_profile(&state, &me, &input).await {
        Ok(_) => Ok(flash_redirect(&state, jar, "flash-profile-saved", "/profile")),
        Err(AppError::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(profile_page(ctx, me.email, &input, errors))
        }
        Err(e) => Err(e),
    }
}

/// The search's query string; unknown or malformed values are reported, not ignored.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// A topic of the person's job, such as "Open Data".
    #[serde(default)]
    pub topic: String,
    /// Organisation kind code, such as `city`.
    #[serde(default)]
    pub kind: String,
    /// Federal state code, such as `NW`.
    #[serde(default)]
    pub region: String,
    /// ISO week, such as `2027-W07`.
    #[serde(default)]
    pub week: String,
    /// Page number, from 0.
    #[serde(default)]
    pub page: String,
}

impl SearchQuery {
    pub fn parse(&self) -> Result<SearchFilter, domain::DomainError> {
        let mut errs = domain::error::Errors::default();
        let opt = |s: &str| if s.trim().is_empty() { None } else { Some(s.trim().to_owned()) };
        let kind = opt(&self.kind).and_then(|k| errs.take(OrgKind::parse("kind", &k)));
        let region = opt(&self.region).and_then(|r| errs.take(Region::parse("region", &r)));
        let week = opt(&self.week).and_then(|w| errs.take(IsoWeek::parse("week", &w)));
        let topic = opt(&self.topic);
        if topic.as_ref().is_some_and(|t| t.chars().count() > 60) {
            errs.push(domain::FieldError::new("topic", domain::Reason::TooLong { max: 60 }));
        }
        let page = match opt(&self.page) {
            None => 0,
            Some(p) => errs
                .take(
                    p.parse::<u32>()
                        .ok()
                        .filter(|p| *p <= 10_000)
                        .ok_or(domain::FieldError::new("page", domain::Reason::OutOfRange { min: 0, max: 10_000 })),
                )
                .unwrap_or(0),
        };
        errs.into_result()?;
        Ok(SearchFilter { topic, kind, region, week, page })
    }
}

pub fn kind_options(lang: Locale, with_any: bool) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = OrgKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), crate::i18n::t(lang, &format!("kind-{}", k.code()))))
        .collect();
    if with_any {
        v.insert(0, (String::new(), crate::i18n::t(lang, "any")));
    }
    v
}

pub fn region_options(lang: Locale, with_any: bool) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = Region::ALL
        .iter()
        .map(|r| (r.code().to_owned(), crate::i18n::t(lang, &format!("region-{}", r.code()))))
        .collect();
    if with_any {
        v.insert(0, (String::new(), crate::i18n::t(lang, "any")));
    }
    v
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    ctx: Ctx,
    errors: FormErrors,
    fields: Vec<Field>,
    cards: Vec<PersonCard>,
    more: bool,
    next_query: String,
    prev_query: Option<String>,
}

impl SearchPage {
    fn kind_label(&self, k: &OrgKind) -> String {
        self.ctx.t(&format!("kind-{}", k.code()))
    }
    fn region_label(&self, r: &Region) -> String {
        self.ctx.t(&format!("region-{}", r.code()))
    }
}

async fn search(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    Query(q): Query<SearchQuery>,
) -> AppResult<Response> {
    let l = ctx.lang;
    let (filter, errors) = match q.parse() {
        Ok(f) => (Some(f), FormErrors::default()),
        Err(domain::DomainError::Invalid(errs)) => (None, FormErrors::new(l, &errs)),
        Err(e) => return Err(e.into()),
    };
    let (cards, more) = match &filter {
        Some(f) => store::profiles::search(&state.db, me.id, me.org_id, f).await?,
        None => (Vec::new(), false),
    };
    let page = filter.as_ref().map_or(0, |f| f.page);
    let query_for = |p: u32| {
        serde_urlencoded::to_string([
            ("topic", q.topic.as_str()),
            ("kind", q.kind.as_str()),
            ("region", q.region.as_str()),
            ("week", q.week.as_str()),
            ("page", &p.to_string()),
        ])
        .unwrap_or_default()
    };
    let fields = vec![
        Field::new(l, &errors, "topic", Kind::Text, &q.topic),
        Field::new(l, &errors, "kind", Kind::Select, &q.kind).options(kind_options(l, true)),
        Field::new(l, &errors, "region", Kind::Select, &q.region).options(region_options(l, true)),
        Field::new(l, &errors, "week", Kind::Text, &q.week),
    ];
    let failed = !errors.is_empty();
    Ok(render_form(
        &SearchPage {
            ctx,
            errors,
            fields,
            cards,
            more,
            next_query: query_for(page + 1),
            prev_query: (page > 0).then(|| query_for(page - 1)),
        },
        failed,
    ))
}

#[derive(Template)]
#[template(path = "person.html")]
struct PersonView {
    ctx: Ctx,
    p: PersonPage,
    is_me: bool,
    can_propose: bool,
    errors: FormErrors,
    propose_fields: Vec<Field>,
}

impl PersonView {
    fn kind_label(&self) -> String {
        self.ctx.t(&format!("kind-{}", self.p.org_kind.code()))
    }
    fn region_label(&self) -> String {
        self.ctx.t(&format!("region-{}", self.p.region.code()))
    }
    fn join<T: std::fmt::Display>(items: &[T]) -> String {
        items.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
    }
    fn languages(&self) -> String {
        self.p
            .profile
            .as_ref()
            .map(|p| p.languages.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", "))
            .unwrap_or_default()
    }
}

/// A person's page, with the form to propose a swap to them (and its errors, if any).
pub async fn person_page(
    state: &AppState,
    ctx: Ctx,
    me: &store::users::Account,
    id: UserId,
    errors: FormErrors,
    form: &super::swaps::ProposeForm,
) -> AppResult<Response> {
    let p = store::profiles::person(&state.db, me.id, me.org_id, id).await?;
    let l = ctx.lang;
    let today = crate::swaps::today();
    // Offer the person's free weeks still ahead; without any, a week can be typed in.
    let weeks: Vec<(String, String)> = p
        .profile
        .as_ref()
        .map(|pr| {
            pr.availability
                .iter()
                .filter(|w| w.monday() > today)
                .map(|w| (w.to_string(), crate::swaps::week_label(l, *w)))
                .collect()
        })
        .unwrap_or_default();
    let week = if weeks.is_empty() {
        Field::new(l, &errors, "week", Kind::Text, &form.week)
    } else {
        Field::new(l, &errors, "week", Kind::Select, &form.week).options(weeks)
    };
    let propose_fields = vec![
        week.required().in_form("propose-"),
        Field::new(l, &errors, "message", Kind::TextArea, &form.message).in_form("propose-"),
    ];
    let can_propose = id != me.id && me.org_id.is_some() && me.org_id != Some(p.org_id);
    Ok(render_form(
        &PersonView { ctx, p, is_me: id == me.id, can_propose, propose_fields, errors: errors.clone() },
        !errors.is_empty(),
    ))
}

async fn person(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id: UserId = id.parse().map_err(|_| AppError::NotFound)?;
    person_page(&state, ctx, &me, id, FormErrors::default(), &Default::default()).await
}
