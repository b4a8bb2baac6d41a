//! A person's profile and who may see which part of it.
//!
//! Privacy rules live here, not in the pages: profiles are only for signed-in members, the
//! e-mail address is never part of what others see, and "open to a swap" stays hidden from the
//! person's own organisation until the person shares it.

use crate::error::{Errors, FieldError};
use crate::ids::{OrgId, UserId};
use crate::values::{About, IsoWeek, Language, PayGrade, RoleTitle, Topic, TravelRadius, Unit};
use serde::Serialize;

/// A profile as edited by its owner, parsed from the form or API body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    pub role_title: RoleTitle,
    pub unit: Unit,
    pub pay_grade: Option<PayGrade>,
    pub topics: Vec<Topic>,
    pub wants_to_learn: Vec<Topic>,
    pub languages: Vec<Language>,
    pub availability: Vec<IsoWeek>,
    pub travel_radius: TravelRadius,
    pub about: Option<About>,
    /// Off by default: taking part is voluntary.
    pub open_to_swap: bool,
    /// Whether the person's own organisation may see that they are open to a swap.
    pub shared_with_own_org: bool,
}

/// The raw values of the profile form; lists are comma-separated text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileInput {
    pub role_title: String,
    pub unit: String,
    pub pay_grade: String,
    pub topics: String,
    pub wants_to_learn: String,
    pub languages: String,
    pub availability: String,
    pub travel_radius_km: String,
    pub about: String,
    pub open_to_swap: bool,
    pub shared_with_own_org: bool,
}

impl Profile {
    pub const MAX_TOPICS: usize = 20;
    pub const MAX_LANGUAGES: usize = 10;
    pub const MAX_WEEKS: usize = 104;

    pub fn parse(input: &ProfileInput) -> Result<Self, crate::DomainError> {
        let mut errs = Errors::default();
        let role_title = errs.take(RoleTitle::parse("role_title", &input.role_title));
        let unit = errs.take(Unit::parse("unit", &input.unit));
        let pay_grade = errs.take(optional(&input.pay_grade, |s| PayGrade::parse("pay_grade", s)));
        let topics = errs.take(Topic::parse_list("topics", &input.topics, Self::MAX_TOPICS));
        let wants = errs.take(Topic::parse_list("wants_to_learn", &input.wants_to_learn, Self::MAX_TOPICS));
        let languages = errs.take(Language::parse_list("languages", &input.languages, Self::MAX_LANGUAGES));
        let availability = errs.take(IsoWeek::parse_list("availability", &input.availability, Self::MAX_WEEKS));
        let travel = errs.take(TravelRadius::parse("travel_radius_km", &input.travel_radius_km));
        let about = errs.take(optional(&input.about, |s| About::parse("about", s)));
        match (role_title, unit, pay_grade, topics, wants, languages, availability, travel, about) {
            (
                Some(role_title),
                Some(unit),
                Some(pay_grade),
                Some(topics),
                Some(wants_to_learn),
                Some(languages),
                Some(availability),
                Some(travel_radius),
                Some(about),
            ) => Ok(Self {
                role_title,
                unit,
                pay_grade,
                topics,
                wants_to_learn,
                languages,
                availability,
                travel_radius,
                about,
                open_to_swap: input.open_to_swap,
                shared_with_own_org: input.shared_with_own_org,
            }),
            _ => Err(errs.into_error()),
        }
    }

    /// The form values that would produce this profile again.
    pub fn to_input(&self) -> ProfileInput {
        let join = |v: Vec<String>| v.join(", ");
        ProfileInput {
            role_title: self.role_title.to_string(),
            unit: self.unit.to_string(),
            pay_grade: self.pay_grade.map(|g| g.to_string()).unwrap_or_default(),
            topics: join(self.topics.iter().map(ToString::to_string).collect()),
            wants_to_learn: join(self.wants_to_learn.iter().map(ToString::to_string).collect()),
            languages: join(self.languages.iter().map(|l| l.as_str().to_owned()).collect()),
            availability: join(self.availability.iter().map(ToString::to_string).collect()),
            travel_radius_km: self.travel_radius.km().to_string(),
            about: self.about.as_ref().map(ToString::to_string).unwrap_or_default(),
            open_to_swap: self.open_to_swap,
            shared_with_own_org: self.shared_with_own_org,
        }
    }
}

fn optional<T>(raw: &str, parse: impl Fn(&str) -> Result<T, FieldError>) -> Result<Option<T>, FieldError> {
    if raw.trim().is_empty() { Ok(None) } else { parse(raw).map(Some) }
}

/// Whether `viewer` may learn that the person (of `owner_org`) is open to a swap.
pub fn swap_interest_visible(
    viewer: UserId,
    viewer_org: Option<OrgId>,
    owner: UserId,
    owner_org: OrgId,
    open_to_swap: bool,
    shared_with_own_org: bool,
) -> bool {
    if viewer == owner {
        return true;
    }
    open_to_swap && (viewer_org != Some(owner_org) || shared_with_own_org)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProfileInput {
        ProfileInput {
            role_title: "Digitalisierungsbeauftragte".into(),
            unit: "Stabsstelle Digitalisierung".into(),
            pay_grade: "a13".into(),
            topics: "Open Data, E-Akte".into(),
            wants_to_learn: "Rechenzentrumsbetrieb".into(),
            languages: "de, EN".into(),
            availability: "2027-W10, 2027-W07".into(),
            travel_radius_km: "150".into(),
            about: "".into(),
            open_to_swap: true,
            shared_with_own_org: false,
        }
    }

    #[test]
    fn parses_and_round_trips() {
        let p = Profile::parse(&input()).unwrap();
        assert_eq!(p.pay_grade.unwrap().to_string(), "A 13");
        assert_eq!(p.availability[0].to_string(), "2027-W07");
        assert!(p.about.is_none());
        assert_eq!(Profile::parse(&p.to_input()).unwrap(), p);
    }

    #[test]
    fn lists_every_bad_field() {
        let bad = ProfileInput {
            role_title: "".into(),
            availability: "next week".into(),
            travel_radius_km: "-5".into(),
            ..input()
        };
        let crate::DomainError::Invalid(errs) = Profile::parse(&bad).unwrap_err() else { panic!() };
        assert_eq!(
            errs.iter().map(|e| e.field).collect::<Vec<_>>(),
            ["role_title", "availability", "travel_radius_km"]
        );
    }

    #[test]
    fn swap_interest_is_hidden_from_own_org_until_shared() {
        let (me, colleague, stranger) = (UserId::new(), UserId::new(), UserId::new());
        let (my_org, other_org) = (OrgId::new(), OrgId::new());
        assert!(swap_interest_visible(me, Some(my_org), me, my_org, true, false));
        assert!(!swap_interest_visible(colleague, Some(my_org), me, my_org, true, false));
        assert!(swap_interest_visible(colleague, Some(my_org), me, my_org, true, true));
        assert!(swap_interest_visible(stranger, Some(other_org), me, my_org, true, false));
        assert!(!swap_interest_visible(stranger, Some(other_org), me, my_org, false, true));
    }
}
