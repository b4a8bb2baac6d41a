//! Profiles: one's own, the search over people open to a swap, and another person.

use crate::error::HttpResult;
use crate::extract::{ApiJson, ApiUser, Id};
use app::App;
use app::profiles::{PersonCard, PersonPage, Profile, ProfileInput, SearchInput};
use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use domain::UserId;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};
use uuid::Uuid;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/profile", get(get_profile).put(put_profile))
        .route("/people", get(search_people))
        .route("/people/{id}", get(get_person))
}

#[derive(OpenApi)]
#[openapi(paths(get_profile, put_profile, search_people, get_person))]
pub struct Doc;

/// A profile as sent and received.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct ProfileJson {
    pub role_title: String,
    pub unit: String,
    /// Such as "A 13" or "E 11"; empty for none.
    pub pay_grade: Option<String>,
    pub topics: Vec<String>,
    pub wants_to_learn: Vec<String>,
    /// ISO 639-1 codes such as "de".
    pub languages: Vec<String>,
    /// ISO weeks such as "2027-W07".
    pub availability: Vec<String>,
    #[schema(minimum = 0, maximum = 1000)]
    pub travel_radius_km: i64,
    pub about: Option<String>,
    pub open_to_swap: bool,
    pub shared_with_own_org: bool,
}

impl ProfileJson {
    pub fn of(p: &Profile) -> Self {
        let strings = |v: &[domain::values::Topic]| v.iter().map(ToString::to_string).collect();
        Self {
            role_title: p.role_title.to_string(),
            unit: p.unit.to_string(),
            pay_grade: p.pay_grade.map(|g| g.to_string()),
            topics: strings(&p.topics),
            wants_to_learn: strings(&p.wants_to_learn),
            languages: p.languages.iter().map(|l| l.as_str().to_owned()).collect(),
            availability: p.availability.iter().map(ToString::to_string).collect(),
            travel_radius_km: i64::from(p.travel_radius.km()),
            about: p.about.as_ref().map(ToString::to_string),
            open_to_swap: p.open_to_swap,
            shared_with_own_org: p.shared_with_own_org,
        }
    }

    /// The same raw values the form would give.
    fn input(&self) -> ProfileInput {
        ProfileInput {
            role_title: self.role_title.clone(),
            unit: self.unit.clone(),
            pay_grade: self.pay_grade.clone().unwrap_or_default(),
            topics: self.topics.join(","),
            wants_to_learn: self.wants_to_learn.join(","),
            languages: self.languages.join(","),
            availability: self.availability.join(","),
            travel_radius_km: self.travel_radius_km.to_string(),
            about: self.about.clone().unwrap_or_default(),
            open_to_swap: self.open_to_swap,
            shared_with_own_org: self.shared_with_own_org,
        }
    }
}

#[utoipa::path(get, path = "/api/profile", security(("bearer" = [])), responses((status = 200, body = ProfileJson)))]
async fn get_profile(State(app): State<App>, ApiUser(me): ApiUser) -> HttpResult<Json<ProfileJson>> {
    let p = app::profiles::mine(&app, &me).await?.ok_or(app::Error::NotFound)?;
    Ok(Json(ProfileJson::of(&p)))
}

#[utoipa::path(put, path = "/api/profile", request_body = ProfileJson, security(("bearer" = [])),
    responses((status = 200, body = ProfileJson)))]
async fn put_profile(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<ProfileJson>,
) -> HttpResult<Json<ProfileJson>> {
    let p = app::profiles::save(&app, &me, &body.input()).await?;
    Ok(Json(ProfileJson::of(&p)))
}

/// The search's query string; unknown or malformed values are reported, not ignored.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct SearchQuery {
    /// Words to look for in role titles, units, topics and the text about a person; each word
    /// matches the words it begins ("digi" finds "Digitalisierung"). At most 8 words.
    pub q: String,
    /// A topic of the person's job, such as "Open Data".
    pub topic: String,
    /// Organisation kind code, such as `city`.
    pub kind: String,
    /// Federal state code, such as `NW`.
    pub region: String,
    /// ISO week, such as `2027-W07`.
    pub week: String,
    /// Where the page starts: `next` of the previous page; empty for the first page.
    pub after: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonCardJson {
    pub id: Uuid,
    pub display_name: String,
    pub role_title: String,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub organisation_kind: String,
    pub region: String,
    pub topics: Vec<String>,
}

impl From<PersonCard> for PersonCardJson {
    fn from(c: PersonCard) -> Self {
        Self {
            id: c.user_id.0,
            display_name: c.display_name,
            role_title: c.role_title,
            organisation_id: c.org_id.0,
            organisation_name: c.org_name,
            organisation_kind: c.org_kind.code().into(),
            region: c.region.code().into(),
            topics: c.topics,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResult {
    pub items: Vec<PersonCardJson>,
    /// Whether a further page exists.
    pub more: bool,
    /// Where the further page starts: pass it as `after`.
    pub next: Option<String>,
}

/// People open to a swap whom the caller may see as such.
#[utoipa::path(get, path = "/api/people", params(SearchQuery), security(("bearer" = [])),
    responses((status = 200, body = SearchResult)))]
async fn search_people(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Query(q): Query<SearchQuery>,
) -> HttpResult<Json<SearchResult>> {
    let input =
        SearchInput { words: q.q, topic: q.topic, kind: q.kind, region: q.region, week: q.week, after: q.after };
    let filter = input.parse()?;
    let (cards, next) = app::profiles::search(&app, &me, &filter).await?;
    Ok(Json(SearchResult {
        items: cards.into_iter().map(Into::into).collect(),
        more: next.is_some(),
        next: next.map(|c| c.token()),
    }))
}

/// Another person as a signed-in member sees them: no e-mail address.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonJson {
    pub id: Uuid,
    pub display_name: String,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub organisation_kind: String,
    pub region: String,
    pub open_to_swap: bool,
    pub profile: Option<ProfileJson>,
}

impl From<PersonPage> for PersonJson {
    fn from(p: PersonPage) -> Self {
        Self {
            id: p.user_id.0,
            display_name: p.display_name,
            organisation_id: p.org_id.0,
            organisation_name: p.org_name,
            organisation_kind: p.org_kind.code().into(),
            region: p.region.code().into(),
            open_to_swap: p.open_to_swap,
            profile: p.profile.as_ref().map(ProfileJson::of),
        }
    }
}

#[utoipa::path(get, path = "/api/people/{id}", params(("id" = Uuid, Path, description = "person id")), security(("bearer" = [])),
    responses((status = 200, body = PersonJson)))]
async fn get_person(State(app): State<App>, ApiUser(me): ApiUser, Id(id): Id<UserId>) -> HttpResult<Json<PersonJson>> {
    Ok(Json(app::profiles::person(&app, &me, id).await?.into()))
}
