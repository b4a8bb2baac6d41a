//! The installation's legal details: who runs it (the imprint), its data protection officer,
//! the legal basis it names and the supervisory authority (the privacy statement), and the
//! accessibility statement's status, limitations, contact and enforcement body. The texts are
//! the operator's own; the pages put them into the product's standard wording.

use crate::error::{Errors, FieldError, Reason};
use crate::values::{Email, LegalLine, LegalText};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How far the installation meets BITV 2.0 / WCAG 2.1 AA, as the accessibility statement says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conformance {
    Full,
    Partial,
    None,
}

impl Conformance {
    pub const ALL: [Conformance; 3] = [Conformance::Full, Conformance::Partial, Conformance::None];

    pub fn code(&self) -> &'static str {
        match self {
            Conformance::Full => "full",
            Conformance::Partial => "partial",
            Conformance::None => "none",
        }
    }

    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|c| c.code() == raw.trim())
            .ok_or(FieldError::new(field, if raw.trim().is_empty() { Reason::Required } else { Reason::UnknownChoice }))
    }
}

/// The legal details as typed (and as stored: they are parsed again when read).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LegalInput {
    pub operator_name: String,
    pub operator_address: String,
    pub represented_by: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub content_responsible: String,
    pub dpo_name: String,
    pub dpo_contact: String,
    pub legal_basis: String,
    pub supervisory_authority: String,
    pub conformance: String,
    pub limitations: String,
    pub statement_date: String,
    pub accessibility_email: String,
    pub accessibility_phone: String,
    pub enforcement_body: String,
}

/// The installation's legal details, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Legal {
    /// The public body that runs the installation (the controller, too).
    pub operator_name: LegalLine,
    pub operator_address: LegalText,
    pub represented_by: Option<LegalLine>,
    pub contact_email: Email,
    pub contact_phone: Option<LegalLine>,
    /// Responsible for the content (§ 18 Abs. 2 MStV).
    pub content_responsible: LegalLine,
    pub dpo_name: Option<LegalLine>,
    /// How to reach the data protection officer: an address, a mailbox.
    pub dpo_contact: LegalText,
    /// The legal basis the operator names beside the GDPR's (a federal state's data protection
    /// act, a service agreement).
    pub legal_basis: Option<LegalText>,
    pub supervisory_authority: LegalText,
    pub conformance: Conformance,
    pub limitations: Option<LegalText>,
    pub statement_date: NaiveDate,
    pub accessibility_email: Email,
    pub accessibility_phone: Option<LegalLine>,
    /// Where people turn when the feedback gets no satisfying answer (the federal state's
    /// enforcement body, the arbitration board under § 16 BGG).
    pub enforcement_body: LegalText,
}

impl Legal {
    pub fn parse(input: &LegalInput) -> Result<Self, crate::DomainError> {
        let mut errs = Errors::default();
        fn optional<T>(raw: &str, parse: impl Fn(&str) -> Result<T, FieldError>) -> Result<Option<T>, FieldError> {
            if raw.trim().is_empty() { Ok(None) } else { parse(raw).map(Some) }
        }
        let line = |field: &'static str, raw: &str| LegalLine::parse(field, raw);
        let text = |field: &'static str, raw: &str| LegalText::parse(field, raw);
        let operator_name = errs.take(line("operator_name", &input.operator_name));
        let operator_address = errs.take(text("operator_address", &input.operator_address));
        let represented_by = errs.take(optional(&input.represented_by, |s| line("represented_by", s)));
        let contact_email = errs.take(Email::parse("contact_email", &input.contact_email));
        let contact_phone = errs.take(optional(&input.contact_phone, |s| line("contact_phone", s)));
        let content_responsible = errs.take(line("content_responsible", &input.content_responsible));
        let dpo_name = errs.take(optional(&input.dpo_name, |s| line("dpo_name", s)));
        let dpo_contact = errs.take(text("dpo_contact", &input.dpo_contact));
        let legal_basis = errs.take(optional(&input.legal_basis, |s| text("legal_basis", s)));
        let supervisory_authority = errs.take(text("supervisory_authority", &input.supervisory_authority));
        let conformance = errs.take(Conformance::parse("conformance", &input.conformance));
        let limitations = errs.take(optional(&input.limitations, |s| text("limitations", s)));
        let statement_date = errs.take(crate::week::parse_date("statement_date", &input.statement_date));
        let accessibility_email = errs.take(Email::parse("accessibility_email", &input.accessibility_email));
        let accessibility_phone = errs.take(optional(&input.accessibility_phone, |s| line("accessibility_phone", s)));
        let enforcement_body = errs.take(text("enforcement_body", &input.enforcement_body));
        errs.into_result()?;
        // Every value above parsed, or `into_result` returned the errors.
        let missing = || crate::DomainError::from(FieldError::new("operator_name", Reason::Required));
        Ok(Self {
            operator_name: operator_name.ok_or_else(missing)?,
            operator_address: operator_address.ok_or_else(missing)?,
            represented_by: represented_by.ok_or_else(missing)?,
            contact_email: contact_email.ok_or_else(missing)?,
            contact_phone: contact_phone.ok_or_else(missing)?,
            content_responsible: content_responsible.ok_or_else(missing)?,
            dpo_name: dpo_name.ok_or_else(missing)?,
            dpo_contact: dpo_contact.ok_or_else(missing)?,
            legal_basis: legal_basis.ok_or_else(missing)?,
            supervisory_authority: supervisory_authority.ok_or_else(missing)?,
            conformance: conformance.ok_or_else(missing)?,
            limitations: limitations.ok_or_else(missing)?,
            statement_date: statement_date.ok_or_else(missing)?,
            accessibility_email: accessibility_email.ok_or_else(missing)?,
            accessibility_phone: accessibility_phone.ok_or_else(missing)?,
            enforcement_body: enforcement_body.ok_or_else(missing)?,
        })
    }

    /// The values that would produce these details again.
    pub fn to_input(&self) -> LegalInput {
        let opt = |v: &Option<LegalLine>| v.as_ref().map(ToString::to_string).unwrap_or_default();
        let opt_text = |v: &Option<LegalText>| v.as_ref().map(ToString::to_string).unwrap_or_default();
        LegalInput {
            operator_name: self.operator_name.to_string(),
            operator_address: self.operator_address.to_string(),
            represented_by: opt(&self.represented_by),
            contact_email: self.contact_email.to_string(),
            contact_phone: opt(&self.contact_phone),
            content_responsible: self.content_responsible.to_string(),
            dpo_name: opt(&self.dpo_name),
            dpo_contact: self.dpo_contact.to_string(),
            legal_basis: opt_text(&self.legal_basis),
            supervisory_authority: self.supervisory_authority.to_string(),
            conformance: self.conformance.code().to_owned(),
            limitations: opt_text(&self.limitations),
            // As the date picker shows and sends it; `parse` takes "19.01.2027" as well.
            statement_date: self.statement_date.to_string(),
            accessibility_email: self.accessibility_email.to_string(),
            accessibility_phone: opt(&self.accessibility_phone),
            enforcement_body: self.enforcement_body.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> LegalInput {
        LegalInput {
            operator_name: "Stadt Lindenfeld".into(),
            operator_address: "Rathausplatz 1\n12345 Lindenfeld".into(),
            contact_email: "jobtausch@lindenfeld.example".into(),
            content_responsible: "Amt für Digitalisierung".into(),
            dpo_contact: "datenschutz@lindenfeld.example".into(),
            supervisory_authority: "Landesbeauftragte für Datenschutz".into(),
            conformance: "partial".into(),
            statement_date: "19.01.2027".into(),
            accessibility_email: "barrierefrei@lindenfeld.example".into(),
            enforcement_body: "Durchsetzungsstelle des Landes".into(),
            ..Default::default()
        }
    }

    #[test]
    fn complete_details_parse_and_come_back_as_typed() {
        let legal = Legal::parse(&example()).unwrap();
        assert_eq!(legal.conformance, Conformance::Partial);
        assert_eq!(legal.statement_date, NaiveDate::from_ymd_opt(2027, 1, 19).unwrap());
        assert_eq!(legal.represented_by, None);
        assert_eq!(Legal::parse(&legal.to_input()).unwrap(), legal);
    }

    #[test]
    fn missing_and_wrong_details_are_named_by_field() {
        let input = LegalInput {
            contact_email: "nicht-erreichbar".into(),
            conformance: "bald".into(),
            statement_date: "".into(),
            ..example()
        };
        let err = Legal::parse(&input).unwrap_err();
        let fields: Vec<&str> = err.fields().iter().map(|f| f.field).collect();
        assert_eq!(fields, ["contact_email", "conformance", "statement_date"]);
        let empty = Legal::parse(&LegalInput::default()).unwrap_err();
        assert_eq!(empty.fields().len(), 10, "{:?}", empty.fields());
    }
}
