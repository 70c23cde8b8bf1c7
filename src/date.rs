//! Calendar dates (proleptic Gregorian), enough for deadlines and timelines.
//!
//! Agreement files write dates as `"YYYY-MM-DD"` strings; an impossible date
//! such as `2020-02-30` is rejected when the file is read.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("expected a date written YYYY-MM-DD, found `{0}`")]
    Syntax(String),
    #[error("{0} is not a real calendar date (month {1} has {2} days)")]
    NoSuchDay(String, u8, u8),
    #[error("{0} is not a real calendar date (months run 1 to 12)")]
    NoSuchMonth(String),
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    pub fn parse(text: &str) -> Result<Self, DateError> {
        let bytes = text.as_bytes();
        let well_formed = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !well_formed {
            return Err(DateError::Syntax(text.to_string()));
        }
        let year: i32 = text[0..4]
            .parse()
            .map_err(|_| DateError::Syntax(text.into()))?;
        let month: u8 = text[5..7]
            .parse()
            .map_err(|_| DateError::Syntax(text.into()))?;
        let day: u8 = text[8..10]
            .parse()
            .map_err(|_| DateError::Syntax(text.into()))?;
        if !(1..=12).contains(&month) {
            return Err(DateError::NoSuchMonth(text.to_string()));
        }
        Self::new(year, month, day).ok_or_else(|| {
            DateError::NoSuchDay(text.to_string(), month, days_in_month(year, month))
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Self {
        Self::from_days(self.to_days() + days)
    }

    /// Adds whole months, clamping to the end of a shorter month.
    pub fn add_months(self, months: i64) -> Self {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let year = index.div_euclid(12) as i32;
        let month = (index.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Self { year, month, day }
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as a quoted string \"YYYY-MM-DD\"")
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Date, E> {
                Date::parse(value).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("2020-02-29").is_ok());
        assert!(matches!(
            Date::parse("2021-02-29"),
            Err(DateError::NoSuchDay(..))
        ));
        assert!(matches!(
            Date::parse("2020-13-01"),
            Err(DateError::NoSuchMonth(_))
        ));
        assert!(matches!(Date::parse("2020-2-1"), Err(DateError::Syntax(_))));
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let signing = Date::parse("2020-02-29").unwrap();
        assert_eq!(signing.add_days(135).to_string(), "2020-07-13");
        assert_eq!(signing.add_months(14).to_string(), "2021-04-29");
        for days in [-800_000, -1, 0, 1, 18_321, 900_000] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
    }
}
