//! Organisations: the list, one organisation, and what its admins keep (data, policy, roles,
//! invitations, agreement templates, the audit export).

use super::common::{Created, Status};
use crate::error::HttpResult;
use crate::extract::{ApiJson, ApiUser, Id, Ids, Lang};
use app::App;
use app::orgs::{
    InvitationInput, MatchingInput, Member, OrgInput, OrgSummary, Organisation, PolicyInput, RoleChange, Template,
    TemplateInput,
};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use domain::OrgId;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use uuid::Uuid;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/organisations", get(list_orgs).post(create_org))
        .route("/organisations/{id}", get(get_org).put(update_org))
        .route("/organisations/{id}/policy", put(put_policy))
        .route("/organisations/{id}/members", get(list_members))
        .route("/organisations/{id}/members/{user}/erase", post(erase_member))
        .route("/organisations/{id}/roles", post(post_role))
        .route("/organisations/{id}/invitations", post(post_invitation))
        .route("/organisations/{id}/templates", get(list_templates).post(add_template))
        .route("/organisations/{id}/matching", get(get_matching).put(put_matching))
        .route("/organisations/{id}/audit.csv", get(org_audit))
}

#[derive(OpenApi)]
#[openapi(paths(
    list_orgs,
    create_org,
    get_org,
    update_org,
    put_policy,
    list_members,
    erase_member,
    post_role,
    post_invitation,
    list_templates,
    add_template,
    get_matching,
    put_matching,
    org_audit
))]
pub struct Doc;

#[derive(Debug, Serialize, ToSchema)]
pub struct OrgSummaryJson {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub region: String,
    pub parent_id: Option<Uuid>,
}

impl From<OrgSummary> for OrgSummaryJson {
    fn from(o: OrgSummary) -> Self {
        Self {
            id: o.id.0,
            name: o.name,
            kind: o.kind.code().into(),
            region: o.region.code().into(),
            parent_id: o.parent.map(|p| p.0),
        }
    }
}

/// The rule per co-determination body: `inform`, `consent` or `not_needed`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct PolicyJson {
    pub staff_council: String,
    pub equal_opportunities: String,
    pub disability_representative: String,
    pub data_protection: String,
}

impl PolicyJson {
    fn of(p: &domain::org::Policy) -> Self {
        use domain::org::Body;
        let r = |b| p.rule(b).code().to_owned();
        Self {
            staff_council: r(Body::StaffCouncil),
            equal_opportunities: r(Body::EqualOpportunities),
            disability_representative: r(Body::DisabilityRepresentative),
            data_protection: r(Body::DataProtection),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrgJson {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub region: String,
    pub parent_id: Option<Uuid>,
    pub domains: Vec<String>,
    pub policy: PolicyJson,
}

impl From<Organisation> for OrgJson {
    fn from(o: Organisation) -> Self {
        Self {
            id: o.id.0,
            policy: PolicyJson::of(&o.policy),
            name: o.name,
            kind: o.kind.code().into(),
            region: o.region.code().into(),
            parent_id: o.parent.map(|p| p.0),
            domains: o.domains,
        }
    }
}

/// An organisation as created or changed: domains as a list.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct OrgRequest {
    pub name: String,
    /// `city`, `district`, `it_service_provider`, `association` or `state_agency`.
    pub kind: String,
    /// Federal state code such as `NW`.
    pub region: String,
    pub parent_id: Option<String>,
    pub domains: Vec<String>,
}

impl OrgRequest {
    fn input(&self) -> OrgInput {
        OrgInput {
            name: self.name.clone(),
            kind: self.kind.clone(),
            region: self.region.clone(),
            parent: self.parent_id.clone().unwrap_or_default(),
            domains: self.domains.join(","),
        }
    }
}

#[utoipa::path(get, path = "/api/organisations", security(("bearer" = [])), responses((status = 200, body = Vec<OrgSummaryJson>)))]
async fn list_orgs(State(app): State<App>, ApiUser(_): ApiUser) -> HttpResult<Json<Vec<OrgSummaryJson>>> {
    Ok(Json(app::orgs::list(&app).await?.into_iter().map(Into::into).collect()))
}

/// Network organisers only.
#[utoipa::path(post, path = "/api/organisations", request_body = OrgRequest, security(("bearer" = [])),
    responses((status = 201, body = Created)))]
async fn create_org(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<OrgRequest>,
) -> HttpResult<(StatusCode, Json<Created>)> {
    let id = app::orgs::create(&app, &me.actor(), &body.input()).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.0 })))
}

#[utoipa::path(get, path = "/api/organisations/{id}", params(("id" = Uuid, Path, description = "organisation id")),
    security(("bearer" = [])), responses((status = 200, body = OrgJson)))]
async fn get_org(State(app): State<App>, ApiUser(_): ApiUser, Id(id): Id<OrgId>) -> HttpResult<Json<OrgJson>> {
    Ok(Json(app::orgs::get(&app, id).await?.into()))
}

/// The organisation's admins and network organisers.
#[utoipa::path(put, path = "/api/organisations/{id}", request_body = OrgRequest,
    params(("id" = Uuid, Path, description = "organisation id")), security(("bearer" = [])), responses((status = 204)))]
async fn update_org(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<OrgId>,
    ApiJson(body): ApiJson<OrgRequest>,
) -> HttpResult<StatusCode> {
    app::orgs::update(&app, &me.actor(), id, &body.input()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(put, path = "/api/organisations/{id}/policy", request_body = PolicyJson,
    params(("id" = Uuid, Path, description = "organisation id")), security(("bearer" = [])), responses((status = 204)))]
async fn put_policy(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<OrgId>,
    ApiJson(body): ApiJson<PolicyJson>,
) -> HttpResult<StatusCode> {
    let input = PolicyInput {
        staff_council: body.staff_council,
        equal_opportunities: body.equal_opportunities,
        disability_representative: body.disability_representative,
        data_protection: body.data_protection,
    };
    app::orgs::set_policy(&app, &me.actor(), id, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A member of an organisation, as its admins see them (with the address, to contact them) and
/// the network's organisers (without).
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberJson {
    pub id: Uuid,
    pub display_name: String,
    pub email: Option<String>,
    pub roles: Vec<String>,
}

impl From<Member> for MemberJson {
    fn from(m: Member) -> Self {
        Self {
            id: m.user_id.0,
            display_name: m.display_name,
            email: m.email,
            roles: m.roles.iter().map(|r| r.code().to_owned()).collect(),
        }
    }
}

#[utoipa::path(get, path = "/api/organisations/{id}/members", params(("id" = Uuid, Path, description = "organisation id")),
    security(("bearer" = [])), responses((status = 200, body = Vec<MemberJson>)))]
async fn list_members(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<OrgId>,
) -> HttpResult<Json<Vec<MemberJson>>> {
    Ok(Json(app::orgs::members(&app, &me.actor(), id).await?.into_iter().map(Into::into).collect()))
}

/// That the person left: said on purpose, as on the page.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct EraseMemberRequest {
    /// Must be true: the person has left the organisation.
    pub left: bool,
}

/// Erases the account of a person who left the organisation (its admins and the organisers),
/// recorded in its audit trail; their swaps that are not over are cancelled with notice.
#[utoipa::path(post, path = "/api/organisations/{id}/members/{user}/erase", request_body = EraseMemberRequest,
    params(("id" = Uuid, Path, description = "organisation id"), ("user" = Uuid, Path, description = "the person's id")),
    security(("bearer" = [])), responses((status = 204), (status = 409, description = "Changed meanwhile: try again")))]
async fn erase_member(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Ids(id, user): Ids<OrgId, domain::UserId>,
    ApiJson(body): ApiJson<EraseMemberRequest>,
) -> HttpResult<StatusCode> {
    if !body.left {
        return Err(app::Error::field("left", domain::Reason::Required).into());
    }
    app::privacy::erase_member(&app, &me, id, user).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct RoleRequest {
    pub user_id: String,
    /// `approver`, `org_admin`, `body:staff_council`, `body:equal_opportunities`,
    /// `body:disability_representative` or `body:data_protection`.
    pub role: String,
    /// True to grant, false to take away.
    pub grant: bool,
}

#[utoipa::path(post, path = "/api/organisations/{id}/roles", request_body = RoleRequest,
    params(("id" = Uuid, Path, description = "organisation id")), security(("bearer" = [])), responses((status = 204)))]
async fn post_role(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<OrgId>,
    ApiJson(body): ApiJson<RoleRequest>,
) -> HttpResult<StatusCode> {
    let change = RoleChange { user: body.user_id, role: body.role, grant: body.grant };
    app::orgs::change_role(&app, &me.actor(), id, &change).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct InvitationRequest {
    pub email: String,
    /// A role to grant on acceptance, or `participant`/empty for none.
    pub role: String,
}

#[utoipa::path(post, path = "/api/organisations/{id}/invitations", request_body = InvitationRequest,
    params(("id" = Uuid, Path, description = "organisation id")), security(("bearer" = [])), responses((status = 202, body = Status)))]
async fn post_invitation(
    State(app): State<App>,
    Lang(lang): Lang,
    ApiUser(me): ApiUser,
    Id(id): Id<OrgId>,
    ApiJson(body): ApiJson<InvitationRequest>,
) -> HttpResult<(StatusCode, Json<Status>)> {
    let input = InvitationInput { email: body.email, role: body.role };
    app::orgs::invite(&app, &me, lang, id, &input).await?;
    Ok((StatusCode::ACCEPTED, Status::of("invited")))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TemplateJson {
    pub lang: String,
    pub version: i64,
    pub title: String,
    pub body: String,
    /// Null for the network's default.
    pub organisation_id: Option<Uuid>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<Template> for TemplateJson {
    fn from(t: Template) -> Self {
        Self {
            lang: t.lang,
            version: t.version,
            title: t.title,
            body: t.body,
            organisation_id: t.org_id,
            created_at: t.created_at,
        }
    }
}

/// The templates that apply to the organisation's new agreements (German and English).
#[utoipa::path(get, path = "/api/organisations/{id}/templates", params(("id" = Uuid, Path, description = "organisation id")),
    security(("bearer" = [])), responses((status = 200, body = Vec<TemplateJson>)))]
async fn list_templates(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<OrgId>,
) -> HttpResult<Json<Vec<TemplateJson>>> {
    Ok(Json(app::orgs::current_templates(&app, &me.actor(), id).await?.into_iter().map(Into::into).collect()))
}

/// A new version of an organisation's agreement template.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct TemplateRequest {
    /// `de` or `en`.
    pub lang: String,
    pub title: String,
    /// Paragraphs separated by blank lines; `{week}`, `{names}` and `{organisations}` are filled in.
    pub body: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VersionJson {
    pub version: i64,
}

/// Adds a version of the organisation's template; agreements already made stay as they are.
#[utoipa::path(post, path = "/api/organisations/{id}/templates", request_body = TemplateRequest,
    params(("id" = Uuid, Path, description = "organisation id")), security(("bearer" = [])), responses((status = 201, body = VersionJson)))]
async fn add_template(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<OrgId>,
    ApiJson(body): ApiJson<TemplateRequest>,
) -> HttpResult<(StatusCode, Json<VersionJson>)> {
    let input = TemplateInput { lang: body.lang, title: body.title, body: body.body };
    let version = app::orgs::add_template(&app, &me.actor(), id, &input).await?;
    Ok((StatusCode::CREATED, Json(VersionJson { version })))
}

/// The organisation's audit trail as CSV; its admins only.
#[utoipa::path(get, path = "/api/organisations/{id}/audit.csv", params(("id" = Uuid, Path, description = "organisation id")),
    security(("bearer" = [])), responses((status = 200, description = "The audit trail", content_type = "text/csv")))]
async fn org_audit(State(app): State<App>, ApiUser(me): ApiUser, Id(id): Id<OrgId>) -> HttpResult<Response> {
    Ok(crate::respond::download(app::orgs::audit_export(&app, &me.actor(), id).await?))
}

/// What matching rounds know of an organisation: where it is and which organisations it does
/// not swap with.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct MatchingJson {
    /// A German place name or postcode ("Münster (Nordrhein-Westfalen)", "48143"); without
    /// `coordinates` it is looked up in the shipped list of places and stored as that place's
    /// name (refused as `unknown-place` or `ambiguous-place` otherwise).
    pub place: String,
    /// "51.96, 7.63" (latitude, longitude), to name a place outside the list; usually empty.
    pub coordinates: String,
    /// Ids of organisations this one does not swap with.
    pub blocked: Vec<String>,
}

/// The organisation's matching settings.
#[utoipa::path(get, path = "/api/organisations/{id}/matching", params(("id" = Uuid, Path, description = "organisation id")),
    security(("bearer" = [])), responses((status = 200, body = MatchingJson)))]
async fn get_matching(
    State(app): State<App>,
    ApiUser(_): ApiUser,
    Id(id): Id<OrgId>,
) -> HttpResult<Json<MatchingJson>> {
    let m = MatchingInput::of(&app::orgs::matching(&app, id).await?);
    Ok(Json(MatchingJson { place: m.place, coordinates: m.coordinates, blocked: m.blocked }))
}

/// Changes the organisation's matching settings (its admins and organisers).
#[utoipa::path(put, path = "/api/organisations/{id}/matching", request_body = MatchingJson,
    params(("id" = Uuid, Path, description = "organisation id")), security(("bearer" = [])), responses((status = 204)))]
async fn put_matching(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Id(id): Id<OrgId>,
    ApiJson(b): ApiJson<MatchingJson>,
) -> HttpResult<StatusCode> {
    let input = MatchingInput { place: b.place, coordinates: b.coordinates, blocked: b.blocked };
    app::orgs::set_matching(&app, &me.actor(), id, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}
