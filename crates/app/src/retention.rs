//! How long the installation keeps each class of personal data ([`Periods`], set in the
//! configuration with the defaults of `docs/privacy.md`), and the worker that erases what is
//! past its period.

use chrono::{DateTime, Months, Utc};
use domain::values::IsoWeek;

/// A period of retention: days, or calendar months (years are twelve months).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Days(u32),
    Months(u32),
}

impl Period {
    /// `7d`, `12m` or `6y`.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (number, unit) = text.split_at(text.len().checked_sub(1)?);
        let n: u32 = number.parse().ok()?;
        match unit {
            "d" => Some(Period::Days(n)),
            "m" => Some(Period::Months(n)),
            "y" => Some(Period::Months(n.checked_mul(12)?)),
            _ => None,
        }
    }

    /// The moment the period ends when it starts at `start`.
    pub fn after(self, start: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            Period::Days(d) => start + chrono::Duration::days(i64::from(d)),
            Period::Months(m) => start.checked_add_months(Months::new(m)).unwrap_or(DateTime::<Utc>::MAX_UTC),
        }
    }

    /// The moment the period, ending now, started: what began before it is past its period.
    pub fn before(self, now: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            Period::Days(d) => now - chrono::Duration::days(i64::from(d)),
            Period::Months(m) => now.checked_sub_months(Months::new(m)).unwrap_or(DateTime::<Utc>::MIN_UTC),
        }
    }

    /// As written in the configuration (`6y`, `90d`).
    pub fn code(self) -> String {
        match self {
            Period::Days(d) => format!("{d}d"),
            Period::Months(m) if m % 12 == 0 => format!("{}y", m / 12),
            Period::Months(m) => format!("{m}m"),
        }
    }
}

/// The retention period of each class of data (`JOBTAUSCH_RETENTION`, e.g.
/// `unverified=7d,check_ins=90d,mails=30d,proposals=1y,swaps=6y`). Sessions and links in mails
/// go when they expire; audit entries go with their object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periods {
    /// Accounts whose address was never confirmed, after sign-up; invitations nobody
    /// accepted, after they expired.
    pub unverified: Period,
    /// Daily check-ins with their help-request notes, after the swap week.
    pub check_ins: Period,
    /// Mails in the outbox, after they were sent.
    pub mails: Period,
    /// Declined, withdrawn and cancelled proposals that were never confirmed, after they ended.
    pub proposals: Period,
    /// Confirmed swaps with their agreements, after the week: then they keep only pseudonyms.
    pub swaps: Period,
}

impl Default for Periods {
    fn default() -> Self {
        Self {
            unverified: Period::Days(7),
            check_ins: Period::Days(90),
            mails: Period::Days(30),
            proposals: Period::Months(12),
            swaps: Period::Months(72),
        }
    }
}

impl Periods {
    /// The classes by their names in the configuration, with their periods.
    pub fn classes(&self) -> [(&'static str, Period); 5] {
        [
            ("unverified", self.unverified),
            ("check_ins", self.check_ins),
            ("mails", self.mails),
            ("proposals", self.proposals),
            ("swaps", self.swaps),
        ]
    }

    /// The defaults with the classes `text` names set otherwise (`class=period`, comma
    /// separated). An unknown class or period is refused with what was not understood.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut periods = Self::default();
        for item in text.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let (class, period) = item.split_once('=').ok_or_else(|| format!("{item:?}: expected class=period"))?;
            let period = Period::parse(period).ok_or_else(|| format!("{period:?}: expected e.g. 7d, 12m or 6y"))?;
            let slot = match class.trim() {
                "unverified" => &mut periods.unverified,
                "check_ins" => &mut periods.check_ins,
                "mails" => &mut periods.mails,
                "proposals" => &mut periods.proposals,
                "swaps" => &mut periods.swaps,
                other => {
                    return Err(format!(
                        "{other:?}: not a class of data (unverified, check_ins, mails, proposals, swaps)"
                    ));
                }
            };
            *slot = period;
        }
        Ok(periods)
    }
}

/// When a swap week is over: the Monday after it, 00:00 in Germany.
pub fn week_end(week: IsoWeek) -> DateTime<Utc> {
    let monday = week.monday() + chrono::Duration::days(7);
    let local = monday.and_hms_opt(0, 0, 0).unwrap_or_default();
    local
        .and_local_timezone(chrono_tz::Europe::Berlin)
        .earliest()
        .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_read_as_written() {
        assert_eq!(Period::parse("7d"), Some(Period::Days(7)));
        assert_eq!(Period::parse("6y"), Some(Period::Months(72)));
        assert_eq!(Period::parse("y"), None);
        assert_eq!(Period::parse("7w"), None);
        let p = Periods::parse("mails=14d, swaps=10y").unwrap();
        assert_eq!((p.mails, p.swaps, p.check_ins), (Period::Days(14), Period::Months(120), Period::Days(90)));
        assert!(Periods::parse("emails=3d").unwrap_err().contains("not a class"));
        assert_eq!(Period::Months(72).code(), "6y");
        let start: DateTime<Utc> = "2027-03-15T00:00:00Z".parse().unwrap();
        assert_eq!(Period::Months(72).after(start).to_rfc3339(), "2033-03-15T00:00:00+00:00");
        assert_eq!(Period::Months(72).before(Period::Months(72).after(start)), start);
    }

    #[test]
    fn a_week_ends_at_the_next_monday_in_germany() {
        let week = IsoWeek::parse("week", "2027-W11").unwrap();
        assert_eq!(week_end(week).to_rfc3339(), "2027-03-21T23:00:00+00:00");
    }
}
