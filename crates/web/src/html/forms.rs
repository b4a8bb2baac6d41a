//! Form fields and their errors, prepared for the templates: every field has a label, says
//! whether it is required in text, and carries its error message, which the error summary at
//! the top of the form links to.

use app::i18n::{label, reason_text};
use domain::FieldError;
use domain::values::Locale;

pub use app::i18n::local_datetime;

/// The errors of one submitted form.
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    /// (element id, label, message) in the order of the fields.
    items: Vec<(String, String, String)>,
    fields: Vec<String>,
    reasons: Vec<domain::Reason>,
}

impl FormErrors {
    pub fn new(lang: Locale, errs: &[FieldError]) -> Self {
        Self::in_form(lang, errs, "")
    }

    /// Errors of one of several forms on a page: element ids get the form's prefix.
    pub fn in_form(lang: Locale, errs: &[FieldError], prefix: &str) -> Self {
        Self {
            items: errs
                .iter()
                .map(|e| (format!("{prefix}{}", e.field), label(lang, e.field), reason_text(lang, &e.reason)))
                .collect(),
            fields: errs.iter().map(|e| e.field.to_owned()).collect(),
            reasons: errs.iter().map(|e| e.reason.clone()).collect(),
        }
    }

    /// Why the field was refused, for pages that offer another control then.
    pub fn reason(&self, field: &str) -> Option<domain::Reason> {
        self.fields.iter().position(|f| f == field).map(|i| self.reasons[i].clone())
    }

    pub fn get(&self, field: &str) -> Option<String> {
        self.fields.iter().position(|f| f == field).map(|i| self.items[i].2.clone())
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// (element id, label, message) for the summary at the top of the form.
    pub fn summary(&self) -> &[(String, String, String)] {
        &self.items
    }
}

/// What kind of control a field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Email,
    Password,
    Number,
    TextArea,
    Checkbox,
    Select,
    /// A group of checkboxes of one name, any number of them ticked (`options`, `chosen`).
    Choices,
    /// A date with the browser's date picker (it shows the date as the person's locale writes
    /// it and sends `2027-01-19`).
    Date,
}

/// One field, ready to render.
#[derive(Debug, Clone)]
pub struct Field {
    /// The element id (the name, unless several forms on one page share field names).
    pub id: String,
    pub name: &'static str,
    pub label: String,
    pub value: String,
    pub error: Option<String>,
    pub hint: Option<String>,
    pub kind: Kind,
    pub required: bool,
    pub options: Vec<(String, String)>,
    pub checked: bool,
    /// The ticked options of a group of checkboxes.
    pub chosen: Vec<String>,
    pub autocomplete: &'static str,
    /// The most characters the field takes (`maxlength`), so that a browser stops there; the
    /// server checks the same limit.
    pub max: Option<usize>,
}

impl Field {
    pub fn new(lang: Locale, errors: &FormErrors, name: &'static str, kind: Kind, value: impl Into<String>) -> Self {
        Self {
            id: name.to_owned(),
            name,
            label: label(lang, name),
            value: value.into(),
            error: errors.get(name),
            hint: app::i18n::try_t(lang, &format!("hint-{name}")),
            kind,
            required: false,
            options: Vec::new(),
            checked: false,
            chosen: Vec::new(),
            autocomplete: "off",
            max: match kind {
                Kind::Email => Some(domain::values::Email::MAX),
                Kind::Password => Some(domain::values::Password::MAX),
                _ => None,
            },
        }
    }

    /// Without the field's usual hint (a password asked again is not a new one to choose).
    pub fn without_hint(mut self) -> Self {
        self.hint = None;
        self
    }

    pub fn max_len(mut self, max: usize) -> Self {
        self.max = Some(max);
        self
    }

    /// Gives the control an id of its own form (`prefix` + name).
    pub fn in_form(mut self, prefix: &str) -> Self {
        self.id = format!("{prefix}{}", self.name);
        self
    }

    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    pub fn autocomplete(mut self, token: &'static str) -> Self {
        self.autocomplete = token;
        self
    }

    pub fn options(mut self, options: Vec<(String, String)>) -> Self {
        self.options = options;
        self
    }

    /// Ticks these options of a group of checkboxes.
    pub fn chosen(mut self, values: Vec<String>) -> Self {
        self.chosen = values;
        self
    }

    pub fn is_chosen(&self, value: &str) -> bool {
        self.chosen.iter().any(|c| c == value)
    }

    pub fn checked(mut self, on: bool) -> Self {
        self.checked = on;
        self
    }

    pub fn input_type(&self) -> &'static str {
        match self.kind {
            Kind::Email => "email",
            Kind::Password => "password",
            Kind::Number => "number",
            Kind::Date => "date",
            _ => "text",
        }
    }

    pub fn is(&self, kind: &str) -> bool {
        matches!(
            (self.kind, kind),
            (Kind::TextArea, "textarea")
                | (Kind::Checkbox, "checkbox")
                | (Kind::Select, "select")
                | (Kind::Choices, "choices")
        ) || (kind == "input"
            && matches!(self.kind, Kind::Text | Kind::Email | Kind::Password | Kind::Number | Kind::Date))
    }

    /// The ids that describe the control (hint, error), for `aria-describedby`.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        ids.join(" ")
    }

    pub fn selected(&self, value: &str) -> bool {
        self.value == value
    }
}

/// A form that sends nothing but its CSRF token (a button that confirms, approves, signs out).
#[derive(Debug, Default, serde::Deserialize)]
pub struct Empty {}

/// Reads a form checkbox: "on" (or "true", "1", "yes") when ticked, absent when not.
pub fn checkbox<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let raw = <Option<String> as serde::Deserialize>::deserialize(d)?;
    Ok(raw.is_some_and(|s| matches!(s.as_str(), "on" | "true" | "1" | "yes")))
}

/// A typed value from a form field (an index, an id, a date), or the field's "unknown choice".
pub fn choice<T: std::str::FromStr>(raw: &str, field: &'static str) -> Result<T, FieldError> {
    raw.trim().parse().map_err(|_| FieldError::new(field, domain::Reason::UnknownChoice))
}
