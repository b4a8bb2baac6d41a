//! Organisations (public employers and associations), their kinds, regions and the
//! co-determination policy they keep per body.

use crate::error::{FieldError, Reason};
use crate::ids::OrgId;
use crate::values::{EmailDomain, OrgName};
use serde::Serialize;

/// Declares a closed set of choices with a stable code (stored, sent in the API, part of the
/// Fluent key of its label).
macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $code:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum $name { $(#[serde(rename = $code)] $variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn code(&self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)* _ => None }
            }

            pub fn parse(field: &'static str, raw: &str) -> Result<Self, $crate::FieldError> {
                match raw.trim() {
                    "" => Err($crate::FieldError::new(field, $crate::Reason::Required)),
                    s => Self::from_code(s).ok_or($crate::FieldError::new(field, $crate::Reason::UnknownChoice)),
                }
            }
        }
    };
}
pub(crate) use choice;

choice! {
    /// What kind of public body an organisation is.
    OrgKind {
        City = "city",
        District = "district",
        ItServiceProvider = "it_service_provider",
        Association = "association",
        StateAgency = "state_agency",
        FederalAgency = "federal_agency",
        OtherPublic = "other_public",
    }
}

choice! {
    /// The German federal state an organisation sits in (ISO 3166-2:DE codes). It decides the
    /// public holidays of a swap week, too.
    Region {
        BadenWuerttemberg = "BW",
        Bayern = "BY",
        Berlin = "BE",
        Brandenburg = "BB",
        Bremen = "HB",
        Hamburg = "HH",
        Hessen = "HE",
        MecklenburgVorpommern = "MV",
        Niedersachsen = "NI",
        NordrheinWestfalen = "NW",
        RheinlandPfalz = "RP",
        Saarland = "SL",
        Sachsen = "SN",
        SachsenAnhalt = "ST",
        SchleswigHolstein = "SH",
        Thueringen = "TH",
    }
}

choice! {
    /// A co-determination body of an organisation.
    Body {
        StaffCouncil = "staff_council",
        EqualOpportunities = "equal_opportunities",
        DisabilityRepresentative = "disability_representative",
        DataProtection = "data_protection",
    }
}

choice! {
    /// What a body's part in a swap is: told the facts, asked to consent, or nothing.
    PolicyRule {
        Inform = "inform",
        Consent = "consent",
        NotNeeded = "not_needed",
    }
}

/// The rule for every body. An organisation that never chose keeps the cautious default: the
/// staff council is informed, the other bodies are not needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Policy(Vec<(Body, PolicyRule)>);

impl Default for Policy {
    fn default() -> Self {
        Self(
            Body::ALL
                .iter()
                .map(|b| (*b, if *b == Body::StaffCouncil { PolicyRule::Inform } else { PolicyRule::NotNeeded }))
                .collect(),
        )
    }
}

impl Policy {
    /// A policy from stored or submitted rules; bodies not named keep the default rule.
    pub fn from_rules(rules: impl IntoIterator<Item = (Body, PolicyRule)>) -> Self {
        let mut p = Self::default();
        for (body, rule) in rules {
            p.set(body, rule);
        }
        p
    }

    pub fn rule(&self, body: Body) -> PolicyRule {
        self.0.iter().find(|(b, _)| *b == body).map_or(PolicyRule::NotNeeded, |(_, r)| *r)
    }

    pub fn set(&mut self, body: Body, rule: PolicyRule) {
        if let Some(entry) = self.0.iter_mut().find(|(b, _)| *b == body) {
            entry.1 = rule;
        }
    }

    pub fn rules(&self) -> &[(Body, PolicyRule)] {
        &self.0
    }
}

/// A new or edited organisation, as submitted, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgDraft {
    pub name: OrgName,
    pub kind: OrgKind,
    pub region: Region,
    pub parent: Option<OrgId>,
    pub domains: Vec<EmailDomain>,
}

impl OrgDraft {
    pub const MAX_DOMAINS: usize = 10;

    /// Parses the raw form values; `parent` is an id of an existing association or empty.
    pub fn parse(
        name: &str,
        kind: &str,
        region: &str,
        parent: &str,
        domains: &str,
    ) -> Result<Self, crate::DomainError> {
        let mut errs = crate::error::Errors::default();
        let name = errs.take(OrgName::parse("name", name));
        let kind = errs.take(OrgKind::parse("kind", kind));
        let region = errs.take(Region::parse("region", region));
        let parent = match parent.trim() {
            "" => Some(None),
            p => errs.take(p.parse::<OrgId>().map(Some).map_err(|_| FieldError::new("parent", Reason::UnknownChoice))),
        };
        let domains = errs.take(parse_domains("domains", domains, Self::MAX_DOMAINS));
        match (name, kind, region, parent, domains) {
            (Some(name), Some(kind), Some(region), Some(parent), Some(domains)) => {
                Ok(Self { name, kind, region, parent, domains })
            }
            _ => Err(errs.into_error()),
        }
    }
}

fn parse_domains(field: &'static str, raw: &str, max: usize) -> Result<Vec<EmailDomain>, FieldError> {
    let mut out: Vec<EmailDomain> = Vec::new();
    for part in raw.split([',', ';', ' ', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
        let d = EmailDomain::parse(field, part)?;
        if !out.contains(&d) {
            out.push(d);
        }
    }
    if out.len() > max {
        return Err(FieldError::new(field, Reason::TooMany { max }));
    }
    Ok(out)
}

/// An organisation as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organisation {
    pub id: OrgId,
    pub name: String,
    pub kind: OrgKind,
    pub region: Region,
    pub parent: Option<OrgId>,
    pub domains: Vec<String>,
    pub policy: Policy,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_policy_informs_the_staff_council_only() {
        let p = Policy::default();
        assert_eq!(p.rule(Body::StaffCouncil), PolicyRule::Inform);
        assert_eq!(p.rule(Body::DataProtection), PolicyRule::NotNeeded);
        let p = Policy::from_rules([(Body::StaffCouncil, PolicyRule::Consent)]);
        assert_eq!(p.rule(Body::StaffCouncil), PolicyRule::Consent);
        assert_eq!(p.rules().len(), Body::ALL.len());
    }

    #[test]
    fn org_draft_reports_every_bad_field() {
        let e = OrgDraft::parse("", "village", "XX", "not-an-id", "no_domain").unwrap_err();
        let crate::DomainError::Invalid(fields) = e else { panic!("expected invalid") };
        let names: Vec<_> = fields.iter().map(|f| f.field).collect();
        assert_eq!(names, ["name", "kind", "region", "parent", "domains"]);
    }

    #[test]
    fn org_draft_parses_domains() {
        let d = OrgDraft::parse(
            "Stadt Musterstadt",
            "city",
            "NW",
            "",
            "musterstadt.de, @Stadt.Musterstadt.de musterstadt.de",
        )
        .unwrap();
        assert_eq!(
            d.domains.iter().map(|d| d.as_str()).collect::<Vec<_>>(),
            ["musterstadt.de", "stadt.musterstadt.de"]
        );
        assert_eq!(d.kind, OrgKind::City);
        assert_eq!(d.region, Region::NordrheinWestfalen);
    }

    #[test]
    fn codes_round_trip() {
        for k in OrgKind::ALL {
            assert_eq!(OrgKind::from_code(k.code()), Some(*k));
        }
        for r in Region::ALL {
            assert_eq!(Region::from_code(r.code()), Some(*r));
        }
        assert_eq!(Region::ALL.len(), 16);
    }
}
