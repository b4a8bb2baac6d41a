//! What the API sends and accepts, described for OpenAPI. Kept apart from `domain` so that the
//! core stays free of web concerns; each type says how it is made from its domain twin.

use domain::org::Organisation;
use serde::{Deserialize, Serialize};
use store::orgs::{Member, OrgSummary};
use store::profiles::{PersonCard, PersonPage};
use store::users::{Account, ApiToken};
use utoipa::ToSchema;
use uuid::Uuid;

/// An RFC 9457 problem.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    pub r#type: String,
    pub title: String,
    pub status: u16,
    /// Stable machine code: `invalid`, `unauthenticated`, `forbidden`, `not-found`, ...
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldProblem>>,
}

/// One refused field.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    /// Stable reason code: `required`, `too-long`, `email`, ...
    pub code: String,
    /// The reason in the caller's language.
    pub message: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Status {
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Created {
    pub id: Uuid,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct VerifyRequest {
    pub token: String,
}

/// The signed-in account, with its own e-mail address.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeJson {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub organisation_id: Option<Uuid>,
    pub organisation_name: Option<String>,
    pub locale: String,
    pub organiser: bool,
    pub roles: Vec<String>,
}

impl From<Account> for MeJson {
    fn from(a: Account) -> Self {
        Self {
            id: a.id.0,
            email: a.email,
            display_name: a.display_name,
            organisation_id: a.org_id.map(|o| o.0),
            organisation_name: a.org_name,
            locale: a.locale.as_str().into(),
            organiser: a.organiser,
            roles: a.roles.iter().map(|r| r.code().to_owned()).collect(),
        }
    }
}

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
    pub fn from_profile(p: &domain::profile::Profile) -> Self {
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
    pub fn to_input(&self) -> domain::profile::ProfileInput {
        domain::profile::ProfileInput {
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
            profile: p.profile.as_ref().map(ProfileJson::from_profile),
        }
    }
}

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
    pub fn from_policy(p: &domain::org::Policy) -> Self {
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
            policy: PolicyJson::from_policy(&o.policy),
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
    pub fn to_form(&self) -> crate::pages::orgs::OrgForm {
        crate::pages::orgs::OrgForm {
            name: self.name.clone(),
            kind: self.kind.clone(),
            region: self.region.clone(),
            parent: self.parent_id.clone().unwrap_or_default(),
            domains: self.domains.join(","),
        }
    }
}

/// A member of one's organisation, as its admins see them (with the address, to contact them).
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberJson {
    pub id: Uuid,
    pub display_name: String,
    pub email: String,
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

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct InvitationRequest {
    pub email: String,
    /// A role to grant on acceptance, or `participant`/empty for none.
    pub role: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenJson {
    pub id: Uuid,
    pub name: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl From<ApiToken> for TokenJson {
    fn from(t: ApiToken) -> Self {
        Self { id: t.id.0, name: t.name, created_at: t.created_at, last_used_at: t.last_used_at }
    }
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct TokenRequest {
    pub name: String,
}

/// A new token: the secret is shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedToken {
    pub id: Uuid,
    pub token: String,
}

/// A swap as the API shows it to those who may see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SwapJson {
    pub id: Uuid,
    /// ISO week such as "2030-W10".
    pub week: String,
    /// `proposed`, `accepted`, `approvals_pending`, `agreement_pending`, `confirmed`, `declined`, `withdrawn`, `cancelled`.
    pub state: String,
    /// Send it back with an action; a changed swap refuses actions on an older version.
    pub version: i64,
    pub proposer_id: Uuid,
    pub message: Option<String>,
    /// In cycle order: each member goes to the workplace of the next, the last to the first's.
    pub members: Vec<SwapMemberJson>,
    pub approvals: Vec<ApprovalJson>,
    pub bodies: Vec<BodyStepJson>,
    pub agreement_hash: Option<String>,
    pub signatures: Vec<SignatureJson>,
    pub end_reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SwapMemberJson {
    pub user_id: Uuid,
    pub organisation_id: Uuid,
    pub accepted: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApprovalJson {
    pub index: usize,
    pub leg: usize,
    /// `sending` or `receiving`.
    pub side: String,
    pub organisation_id: Uuid,
    pub deadline: chrono::DateTime<chrono::Utc>,
    pub delegate_id: Option<Uuid>,
    /// `pending`, `approved` or `declined`.
    pub status: String,
    pub decided_by: Option<Uuid>,
    pub comment: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BodyStepJson {
    pub index: usize,
    pub organisation_id: Uuid,
    pub body: String,
    /// `inform` or `consent`.
    pub rule: String,
    /// `pending`, `informed`, `consented` or `refused`.
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SignatureJson {
    pub user_id: Uuid,
    pub signed_at: chrono::DateTime<chrono::Utc>,
    pub document_hash: String,
}

impl From<&domain::swap::Swap> for SwapJson {
    fn from(s: &domain::swap::Swap) -> Self {
        use domain::swap::{ApprovalStatus, BodyStatus};
        Self {
            id: s.id.0,
            week: s.week.to_string(),
            state: s.state.code().into(),
            version: s.version,
            proposer_id: s.proposer.0,
            message: s.message.clone(),
            members: s
                .members
                .iter()
                .map(|m| SwapMemberJson { user_id: m.user.0, organisation_id: m.org.0, accepted: m.accepted })
                .collect(),
            approvals: s
                .approvals
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let (status, by, comment, reason) = match &a.status {
                        ApprovalStatus::Pending => ("pending", None, None, None),
                        ApprovalStatus::Approved { by, comment, .. } => ("approved", Some(by.0), comment.clone(), None),
                        ApprovalStatus::Declined { by, reason, .. } => (
                            "declined",
                            Some(by.0),
                            None,
                            Some(format!("{} {}", reason.code(), reason.text()).trim().to_owned()),
                        ),
                    };
                    ApprovalJson {
                        index: i,
                        leg: a.leg,
                        side: a.side.code().into(),
                        organisation_id: a.org.0,
                        deadline: a.deadline,
                        delegate_id: a.delegate.map(|d| d.0),
                        status: status.into(),
                        decided_by: by,
                        comment,
                        reason,
                    }
                })
                .collect(),
            bodies: s
                .bodies
                .iter()
                .enumerate()
                .map(|(i, b)| BodyStepJson {
                    index: i,
                    organisation_id: b.org.0,
                    body: b.body.code().into(),
                    rule: b.rule.code().into(),
                    status: match b.status {
                        BodyStatus::Pending => "pending",
                        BodyStatus::Informed { .. } => "informed",
                        BodyStatus::Consented { .. } => "consented",
                        BodyStatus::Refused { .. } => "refused",
                    }
                    .into(),
                })
                .collect(),
            agreement_hash: s.agreement_hash.clone(),
            signatures: s
                .signatures
                .iter()
                .map(|g| SignatureJson { user_id: g.user.0, signed_at: g.at, document_hash: g.document_hash.clone() })
                .collect(),
            end_reason: s.end_reason.clone(),
        }
    }
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ProposeRequest {
    /// The user id of the person to swap with.
    pub partner: String,
    /// ISO week such as "2030-W10".
    pub week: String,
    pub message: String,
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

impl From<store::agreements::Template> for TemplateJson {
    fn from(t: store::agreements::Template) -> Self {
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

#[derive(Debug, Serialize, ToSchema)]
pub struct VersionJson {
    pub version: i64,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ForgotRequest {
    pub email: String,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ResetRequest {
    /// The secret of the reset link.
    pub token: String,
    pub password: String,
    pub password_confirm: String,
}

/// A message of the in-app inbox.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationJson {
    pub id: Uuid,
    pub swap_id: Option<Uuid>,
    pub kind: String,
    pub text: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub read: bool,
}

impl From<store::swaps::Notification> for NotificationJson {
    fn from(n: store::swaps::Notification) -> Self {
        Self {
            id: n.id,
            swap_id: n.swap_id,
            kind: n.kind,
            text: n.text,
            created_at: n.created_at,
            read: n.read_at.is_some(),
        }
    }
}

/// A matching round: its period, state and, once finished, its figures.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoundJson {
    pub id: Uuid,
    pub first_week: String,
    pub last_week: String,
    pub max_cycle: usize,
    pub time_limit_seconds: u64,
    /// `queued`, `running`, `finished` or `failed`.
    pub state: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub finished_at: Option<chrono::DateTime<chrono::Utc>>,
    pub figures: Option<RoundFiguresJson>,
}

/// What a finished round found; `bound_people` is a proven upper bound on people matched.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoundFiguresJson {
    pub candidates: usize,
    pub edges: usize,
    pub people_matched: usize,
    pub pairs: usize,
    pub rings: usize,
    pub weight: i64,
    pub bound_people: usize,
    pub bound_weight: i64,
    pub optimal: bool,
    pub milliseconds: u64,
}

impl From<store::rounds::Round> for RoundJson {
    fn from(r: store::rounds::Round) -> Self {
        Self {
            id: r.id.0,
            first_week: r.first_week.to_string(),
            last_week: r.last_week.to_string(),
            max_cycle: r.max_cycle,
            time_limit_seconds: r.time_limit_seconds,
            state: r.state.code().to_owned(),
            created_at: r.created_at,
            finished_at: r.finished_at,
            figures: r.figures.map(|f| RoundFiguresJson {
                candidates: f.candidates,
                edges: f.edges,
                people_matched: f.people_matched,
                pairs: f.pairs,
                rings: f.rings,
                weight: f.weight,
                bound_people: f.bound_people,
                bound_weight: f.bound_weight,
                optimal: f.optimal,
                milliseconds: f.milliseconds,
            }),
        }
    }
}
