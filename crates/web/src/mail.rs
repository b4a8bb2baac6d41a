//! The e-mails Jobtausch writes, in the recipient's language. They go into the outbox with the
//! change that causes them; the worker of the binary sends them.

use crate::i18n::t_args;
use domain::values::Locale;
use fluent_templates::fluent_bundle::FluentValue;
use store::OutboxMail;

fn mail(kind: &'static str, lang: Locale, to: &str, args: &[(&str, &str)]) -> OutboxMail {
    let args: Vec<(&str, FluentValue<'static>)> =
        args.iter().map(|(k, v)| (*k, FluentValue::from((*v).to_owned()))).collect();
    OutboxMail {
        kind,
        recipient: to.to_owned(),
        subject: t_args(lang, &format!("mail-{kind}-subject"), &args),
        body: t_args(lang, &format!("mail-{kind}-body"), &args),
        attachment: None,
    }
}

pub fn verify(lang: Locale, to: &str, name: &str, link: &str) -> OutboxMail {
    mail("verify", lang, to, &[("name", name), ("link", link)])
}

pub fn reset(lang: Locale, to: &str, name: &str, link: &str) -> OutboxMail {
    mail("reset", lang, to, &[("name", name), ("link", link)])
}

/// Sent instead of a second account, so that sign-up does not reveal who has an account.
pub fn already_registered(lang: Locale, to: &str, login_link: &str) -> OutboxMail {
    mail("already", lang, to, &[("link", login_link)])
}

pub fn invitation(lang: Locale, to: &str, org: &str, inviter: &str, link: &str) -> OutboxMail {
    mail("invite", lang, to, &[("org", org), ("inviter", inviter), ("link", link)])
}

/// An out-of-band notice about a security-relevant change of one's account.
pub fn security_notice(lang: Locale, to: &str, name: &str, what: &str) -> OutboxMail {
    mail("notice", lang, to, &[("name", name), ("what", what)])
}
