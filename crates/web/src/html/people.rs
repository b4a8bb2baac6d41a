//! One's own profile, the search over people open to a swap, and the page of a person.

use super::ctx::{Ctx, SignedIn};
use super::flash;
use super::forms::{Field, FormErrors, Kind, checkbox};
use super::page::render_form;
use crate::error::HttpResult;
use crate::extract::{CsrfForm, Id};
use app::profiles::{PersonCard, PersonPage, ProfileInput, SearchInput};
use app::{Account, App};
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use axum_extra::extract::CookieJar;
use domain::UserId;
use domain::org::{OrgKind, Region};
use domain::values::{About, IsoWeek, Locale, PayGrade, RoleTitle, Topic, Unit};
use serde::Deserialize;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/profile", get(profile_form).post(save_profile))
        .route("/people", get(search))
        .route("/people/{id}", get(person))
}

/// The profile form's body: groups of checkboxes as lists (with a field each for topics not
/// offered yet), checkboxes as "on".
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    pub role_title: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub pay_grade: String,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub topics_more: String,
    #[serde(default)]
    pub wants_to_learn: Vec<String>,
    #[serde(default)]
    pub wants_to_learn_more: String,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub availability: Vec<String>,
    #[serde(default)]
    pub travel_radius_km: String,
    #[serde(default)]
    pub about: String,
    #[serde(default, deserialize_with = "checkbox")]
    pub open_to_swap: bool,
    #[serde(default, deserialize_with = "checkbox")]
    pub shared_with_own_org: bool,
}

impl From<ProfileForm> for ProfileInput {
    fn from(f: ProfileForm) -> Self {
        // The domain reads lists as comma-separated text; ticked topics come first, then the
        // ones typed in.
        let topics = |ticked: Vec<String>, typed: String| {
            ticked
                .into_iter()
                .chain(std::iter::once(typed))
                .filter(|t| !t.trim().is_empty())
                .collect::<Vec<_>>()
                .join(",")
        };
        ProfileInput {
            role_title: f.role_title,
            unit: f.unit,
            pay_grade: f.pay_grade,
            topics: topics(f.topics, f.topics_more),
            wants_to_learn: topics(f.wants_to_learn, f.wants_to_learn_more),
            languages: f.languages.join(","),
            availability: f.availability.join(","),
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
    /// Weeks a swap already takes, which the list of free weeks leaves out.
    taken: Vec<String>,
}

/// A stored grade as the list spells it ("a13" becomes "A 13"), so that it is selected.
fn pay_grade_value(raw: &str) -> String {
    PayGrade::parse("pay_grade", raw).map(|g| g.to_string()).unwrap_or_else(|_| raw.to_owned())
}

/// The items of a comma-separated list as sent or stored, for ticking checkboxes.
fn items(raw: &str) -> Vec<String> {
    raw.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// The language choices, named in the reader's language; a code outside the list that the
/// person has keeps a choice of its own.
fn language_options(l: Locale, own: &[String]) -> Vec<(String, String)> {
    let name = |code: &str| app::i18n::try_t(l, &format!("language-{code}")).unwrap_or_else(|| code.to_owned());
    let mut codes: Vec<String> = app::profiles::LANGUAGES.iter().map(|c| (*c).to_owned()).collect();
    codes.extend(own.iter().map(|c| c.to_lowercase()).filter(|c| !app::profiles::LANGUAGES.contains(&c.as_str())));
    codes.into_iter().map(|c| (c.clone(), name(&c))).collect()
}

/// What the profile form offers to choose from.
struct ProfileChoices {
    topics: Vec<String>,
    weeks: Vec<IsoWeek>,
    taken: Vec<IsoWeek>,
}

async fn profile_choices(app: &App, me: &Account, input: &ProfileInput) -> HttpResult<ProfileChoices> {
    let own: Vec<Topic> = items(&input.topics)
        .iter()
        .chain(items(&input.wants_to_learn).iter())
        .filter_map(|t| Topic::parse("topics", t).ok())
        .collect();
    let topics = app::profiles::topic_choices(app, &own).await?;
    let (weeks, taken) = app::profiles::week_choices(app, me).await?;
    Ok(ProfileChoices { topics, weeks, taken })
}

fn profile_page(
    ctx: Ctx,
    email: String,
    input: &ProfileInput,
    choices: ProfileChoices,
    errors: FormErrors,
) -> Response {
    let l = ctx.lang;
    let topic_options: Vec<(String, String)> = choices.topics.iter().map(|t| (t.clone(), t.clone())).collect();
    // A topic is ticked when it matches a choice as topics compare (case and spaces aside).
    let ticked = |raw: &str| {
        let mine: Vec<String> =
            items(raw).iter().filter_map(|t| Topic::parse("topics", t).ok()).map(|t| t.normalised()).collect();
        choices
            .topics
            .iter()
            .filter(|c| Topic::parse("topics", c).is_ok_and(|t| mine.contains(&t.normalised())))
            .cloned()
            .collect::<Vec<_>>()
    };
    let languages = items(&input.languages);
    let fields = vec![
        Field::new(l, &errors, "role_title", Kind::Text, &input.role_title)
            .max_len(RoleTitle::MAX)
            .required()
            .autocomplete("organization-title"),
        Field::new(l, &errors, "unit", Kind::Text, &input.unit).max_len(Unit::MAX).required(),
        Field::new(l, &errors, "pay_grade", Kind::Select, pay_grade_value(&input.pay_grade)).options(
            std::iter::once((String::new(), app::i18n::t(l, "pay-grade-none")))
                .chain(PayGrade::all().iter().map(|g| (g.to_string(), g.to_string())))
                .collect(),
        ),
        Field::new(l, &errors, "topics", Kind::Choices, "")
            .options(topic_options.clone())
            .chosen(ticked(&input.topics)),
        Field::new(l, &errors, "topics_more", Kind::Text, "").max_len(Topic::MAX),
        Field::new(l, &errors, "wants_to_learn", Kind::Choices, "")
            .options(topic_options)
            .chosen(ticked(&input.wants_to_learn)),
        Field::new(l, &errors, "wants_to_learn_more", Kind::Text, "").max_len(Topic::MAX),
        Field::new(l, &errors, "languages", Kind::Choices, "")
            .options(language_options(l, &languages))
            .chosen(languages.iter().map(|c| c.to_lowercase()).collect()),
        Field::new(l, &errors, "availability", Kind::Choices, "")
            .options(choices.weeks.iter().map(|w| (w.to_string(), app::i18n::week_choice(l, *w))).collect())
            .chosen(items(&input.availability).iter().map(|w| w.to_uppercase()).collect()),
        Field::new(l, &errors, "travel_radius_km", Kind::Number, &input.travel_radius_km).required(),
        Field::new(l, &errors, "about", Kind::TextArea, &input.about).max_len(About::MAX),
    ];
    let open = Field::new(l, &errors, "open_to_swap", Kind::Checkbox, "").checked(input.open_to_swap);
    let shared = Field::new(l, &errors, "shared_with_own_org", Kind::Checkbox, "").checked(input.shared_with_own_org);
    // In a sentence: with the year, and not ending in a dot of its own.
    let taken = choices.taken.iter().map(|w| app::i18n::week_label(l, *w)).collect();
    let failed = !errors.is_empty();
    render_form(&ProfilePage { ctx, errors, fields, open, shared, email, taken }, failed)
}

async fn profile_form(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    let input = match app::profiles::mine(&app, &me).await? {
        Some(p) => p.to_input(),
        None => ProfileInput { languages: "de".into(), travel_radius_km: "50".into(), ..Default::default() },
    };
    let choices = profile_choices(&app, &me, &input).await?;
    Ok(profile_page(ctx, me.email, &input, choices, FormErrors::default()))
}

async fn save_profile(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> HttpResult<Response> {
    let input: ProfileInput = form.into();
    match app::profiles::save(&app, &me, &input).await {
        Ok(_) => Ok(flash::redirect(&app, jar, "flash-profile-saved", "/profile")),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            let choices = profile_choices(&app, &me, &input).await?;
            Ok(profile_page(ctx, me.email, &input, choices, errors))
        }
        Err(e) => Err(e.into()),
    }
}

/// The search's query string, as sent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct SearchQuery {
    q: String,
    topic: String,
    kind: String,
    region: String,
    week: String,
    after: String,
}

pub fn kind_options(lang: Locale, with_any: bool) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> =
        OrgKind::ALL.iter().map(|k| (k.code().to_owned(), app::i18n::t(lang, &format!("kind-{}", k.code())))).collect();
    if with_any {
        v.insert(0, (String::new(), app::i18n::t(lang, "any")));
    }
    v
}

pub fn region_options(lang: Locale, with_any: bool) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = Region::ALL
        .iter()
        .map(|r| (r.code().to_owned(), app::i18n::t(lang, &format!("region-{}", r.code()))))
        .collect();
    if with_any {
        v.insert(0, (String::new(), app::i18n::t(lang, "any")));
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
    next_query: Option<String>,
    first_query: Option<String>,
    /// Why nobody was found, in words (empty when someone was).
    empty_because: Vec<String>,
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
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    Query(q): Query<SearchQuery>,
) -> HttpResult<Response> {
    let l = ctx.lang;
    let input = SearchInput {
        words: q.q.clone(),
        topic: q.topic.clone(),
        kind: q.kind.clone(),
        region: q.region.clone(),
        week: q.week.clone(),
        after: q.after.clone(),
    };
    let (filter, errors) = match input.parse() {
        Ok(f) => (Some(f), FormErrors::default()),
        Err(app::Error::Invalid(errs)) => (None, FormErrors::new(l, &errs)),
        Err(e) => return Err(e.into()),
    };
    let (cards, next) = match &filter {
        Some(f) => app::profiles::search(&app, &me, f).await?,
        None => (Vec::new(), None),
    };
    let query_from = |after: &str| {
        serde_urlencoded::to_string([
            ("q", q.q.as_str()),
            ("topic", q.topic.as_str()),
            ("kind", q.kind.as_str()),
            ("region", q.region.as_str()),
            ("week", q.week.as_str()),
            ("after", after),
        ])
        .unwrap_or_default()
    };
    let any = || (String::new(), app::i18n::t(l, "any"));
    // A topic or week sent that the lists do not hold (an old link) stays a choice, so that the
    // form shows what was searched for.
    let sent_topic = Topic::parse("topic", &q.topic).ok();
    let topics = app::profiles::topic_choices(&app, sent_topic.as_slice()).await?;
    let mut weeks = app::profiles::weeks_to_offer(&app, &me).await?;
    if let Some(w) = filter.as_ref().and_then(|f| f.week).filter(|w| !weeks.contains(w)) {
        weeks.insert(0, w);
    }
    let fields = vec![
        Field::new(l, &errors, "q", Kind::Text, &q.q),
        Field::new(l, &errors, "topic", Kind::Select, &q.topic)
            .options(std::iter::once(any()).chain(topics.into_iter().map(|t| (t.clone(), t))).collect()),
        Field::new(l, &errors, "kind", Kind::Select, &q.kind).options(kind_options(l, true)),
        Field::new(l, &errors, "region", Kind::Select, &q.region).options(region_options(l, true)),
        Field::new(l, &errors, "week", Kind::Select, &q.week).options(
            std::iter::once(any())
                .chain(weeks.into_iter().map(|w| (w.to_string(), app::i18n::week_choice(l, w))))
                .collect(),
        ),
    ];
    let failed = !errors.is_empty();
    let mut empty_because = Vec::new();
    if let (true, Some(f)) = (cards.is_empty(), &filter) {
        let (why, i_am_open) = app::profiles::why_empty(&app, &me, f).await?;
        empty_because.push(ctx.t(match why {
            app::profiles::EmptySearch::NoMatch => "search-empty-no-match",
            app::profiles::EmptySearch::NobodyElseYet => "search-empty-nobody-yet",
        }));
        if !i_am_open {
            empty_because.push(ctx.t("search-empty-not-open"));
        }
    }
    Ok(render_form(
        &SearchPage {
            ctx,
            errors,
            fields,
            cards,
            empty_because,
            next_query: next.map(|c| query_from(&c.token())),
            first_query: filter.as_ref().is_some_and(|f| f.after.is_some()).then(|| query_from("")),
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

/// The form that proposes a swap to the person of the page, as sent.
#[derive(Deserialize, Default)]
pub struct ProposeForm {
    #[serde(default)]
    pub partner: String,
    #[serde(default)]
    pub week: String,
    #[serde(default)]
    pub message: String,
}

/// A person's page, with the form to propose a swap to them (and its errors, if any).
pub async fn person_page(
    app: &App,
    ctx: Ctx,
    me: &Account,
    id: UserId,
    errors: FormErrors,
    form: &ProposeForm,
) -> HttpResult<Response> {
    let p = app::profiles::person(app, me, id).await?;
    let l = ctx.lang;
    let weeks = app::profiles::weeks_to_propose(app, me, id, &p).await?;
    let week = Field::new(l, &errors, "week", Kind::Select, &form.week)
        .options(weeks.iter().map(|w| (w.to_string(), app::i18n::week_choice(l, *w))).collect());
    let propose_fields = vec![
        week.required().in_form("propose-"),
        Field::new(l, &errors, "message", Kind::TextArea, &form.message)
            .max_len(app::swaps::MESSAGE_MAX)
            .in_form("propose-"),
    ];
    let can_propose = id != me.id && me.org_id.is_some() && me.org_id != Some(p.org_id);
    Ok(render_form(
        &PersonView { ctx, p, is_me: id == me.id, can_propose, propose_fields, errors: errors.clone() },
        !errors.is_empty(),
    ))
}

async fn person(State(app): State<App>, SignedIn(ctx, me): SignedIn, Id(id): Id<UserId>) -> HttpResult<Response> {
    person_page(&app, ctx, &me, id, FormErrors::default(), &Default::default()).await
}
