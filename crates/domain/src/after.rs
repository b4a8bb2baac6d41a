//! Around the swap week: the checklists that prepare it (access for each guest, the
//! administrative matters of each leg), the daily check-in while it runs, and afterwards the
//! reflections and the approvers' feedback, with the rule of when a reflection may be read.

use crate::error::{Errors, FieldError, Reason};
use crate::org::choice;
use crate::values::IsoWeek;
use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use serde::Serialize;

choice! {
    /// What a guest needs at the host's workplace.
    AccessItem {
        GuestAccount = "guest_account",
        Badge = "badge",
        Vpn = "vpn",
        MeetingInvitations = "meeting_invitations",
        MailingLists = "mailing_lists",
    }
}

choice! {
    /// Where an access item stands; what was granted must be revoked at the end of the week.
    AccessState {
        Open = "open",
        Granted = "granted",
        Revoked = "revoked",
        NotNeeded = "not_needed",
    }
}

impl AccessItem {
    /// Granted by the Friday before the week.
    pub fn default_due(week: IsoWeek) -> NaiveDate {
        week.monday() - Days::new(3)
    }

    /// Revoked at the end of the week (its Friday).
    pub fn revoke_due(week: IsoWeek) -> NaiveDate {
        week.friday()
    }
}

choice! {
    /// The administrative matters of a leg.
    AdminItem {
        Classification = "classification",
        AccidentInsurance = "accident_insurance",
        TravelCosts = "travel_costs",
        WorkingTime = "working_time",
        Equipment = "equipment",
    }
}

choice! {
    /// How the week is classified in staff law.
    Classification {
        Hospitation = "hospitation",
        Secondment = "secondment",
    }
}

/// The longest note to an administrative item.
pub const ADMIN_VALUE_MAX: usize = 500;

/// The longest note to a check-in, a handover or a feedback.
pub const NOTE_MAX: usize = 1000;

/// The value of an administrative item as entered: for the classification one of
/// [`Classification`], otherwise a short note (who pays, who records, what is lent).
pub fn parse_admin_value(item: AdminItem, raw: &str) -> Result<String, FieldError> {
    let s = raw.trim();
    match item {
        AdminItem::Classification if s.is_empty() => Ok(String::new()),
        AdminItem::Classification => Classification::parse("value", s).map(|c| c.code().to_owned()),
        _ if s.chars().count() > ADMIN_VALUE_MAX => {
            Err(FieldError::new("value", Reason::TooLong { max: ADMIN_VALUE_MAX }))
        }
        _ => Ok(s.to_owned()),
    }
}

choice! {
    /// The daily check-in: all good, or help needed (the organisers see those).
    CheckinStatus {
        Ok = "ok",
        Help = "help",
    }
}

/// A note to a check-in or a feedback: optional for "all good", up to 1,000 characters.
pub fn parse_note(field: &'static str, raw: &str, required: bool) -> Result<Option<String>, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return if required { Err(FieldError::new(field, Reason::Required)) } else { Ok(None) };
    }
    if s.chars().count() > NOTE_MAX {
        return Err(FieldError::new(field, Reason::TooLong { max: NOTE_MAX }));
    }
    Ok(Some(s.to_owned()))
}

/// A member's reflection after the week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reflection {
    pub learned: String,
    pub will_change: String,
    pub recommend: bool,
    pub free_text: Option<String>,
}

impl Reflection {
    pub const MAX: usize = 4000;

    /// Parses the form; `recommend` is `yes` or `no`.
    pub fn parse(
        learned: &str,
        will_change: &str,
        recommend: &str,
        free_text: &str,
    ) -> Result<Self, crate::DomainError> {
        let mut errs = Errors::default();
        let text = |field: &'static str, raw: &str| -> Result<String, FieldError> {
            let s = raw.trim();
            match s.chars().count() {
                0 => Err(FieldError::new(field, Reason::Required)),
                1 => Err(FieldError::new(field, Reason::TooShort { min: 2 })),
                n if n > Self::MAX => Err(FieldError::new(field, Reason::TooLong { max: Self::MAX })),
                _ => Ok(s.to_owned()),
            }
        };
        let learned = errs.take(text("learned", learned));
        let will_change = errs.take(text("will_change", will_change));
        let recommend = errs.take(match recommend.trim() {
            "yes" => Ok(true),
            "no" => Ok(false),
            "" => Err(FieldError::new("recommend", Reason::Required)),
            _ => Err(FieldError::new("recommend", Reason::UnknownChoice)),
        });
        let free_text = match free_text.trim() {
            "" => Some(None),
            s => errs.take(text("free_text", s).map(Some)),
        };
        match (learned, will_change, recommend, free_text) {
            (Some(learned), Some(will_change), Some(recommend), Some(free_text)) => {
                Ok(Self { learned, will_change, recommend, free_text })
            }
            _ => Err(errs.into_error()),
        }
    }
}

/// How long reflections stay hidden from the partners when not everyone has written one.
pub const REFLECTIONS_HIDDEN_FOR: Duration = Duration::days(14);

/// Whether a member may read the others' reflections: once everyone wrote one, or 14 days
/// after the week was completed.
pub fn reflections_visible(
    members: usize,
    written: usize,
    completed_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    written >= members || completed_at.is_some_and(|c| now >= c + REFLECTIONS_HIDDEN_FOR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reflections_parse_and_stay_hidden() {
        let r = Reflection::parse(" Wie ein Verband arbeitet ", "Kürzere Wege", "yes", "").unwrap();
        assert_eq!((r.learned.as_str(), r.recommend, r.free_text), ("Wie ein Verband arbeitet", true, None));
        let e = Reflection::parse("", "x", "maybe", "").unwrap_err();
        let fields: Vec<_> = e.fields().iter().map(|f| (f.field, f.reason.clone())).collect();
        assert_eq!(
            fields,
            [
                ("learned", Reason::Required),
                ("will_change", Reason::TooShort { min: 2 }),
                ("recommend", Reason::UnknownChoice)
            ]
        );
        let done = Utc::now() - Duration::days(3);
        assert!(!reflections_visible(2, 1, Some(done), Utc::now()));
        assert!(reflections_visible(2, 2, Some(done), Utc::now()));
        assert!(reflections_visible(3, 1, Some(done), done + Duration::days(14)));
        assert!(!reflections_visible(3, 1, None, Utc::now()));
    }

    #[test]
    fn checklist_dates_and_values() {
        let week = IsoWeek::parse("w", "2027-W10").unwrap();
        assert_eq!(AccessItem::default_due(week).to_string(), "2027-03-05");
        assert_eq!(AccessItem::revoke_due(week).to_string(), "2027-03-12");
        assert_eq!(parse_admin_value(AdminItem::Classification, "hospitation").unwrap(), "hospitation");
        assert_eq!(parse_admin_value(AdminItem::Classification, "Urlaub").unwrap_err().reason, Reason::UnknownChoice);
        assert_eq!(
            parse_admin_value(AdminItem::TravelCosts, " Stadt trägt Bahnfahrt ").unwrap(),
            "Stadt trägt Bahnfahrt"
        );
        assert_eq!(parse_note("note", "", true).unwrap_err().reason, Reason::Required);
    }
}
