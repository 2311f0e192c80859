//! A calendar date without a clock: the evaluation date is always an input (ARCHITECTURE.md).
//! Serialised as `YYYY-MM-DD`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A checked constructor: `None` for impossible dates such as 2023-02-29.
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year < 1900 || year > 2200 || month == 0 || month > 12 || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// For constants in parameter tables; panics at compile time on a bad literal.
    pub const fn ymd(year: u16, month: u8, day: u8) -> Date {
        match Date::new(year, month, day) {
            Some(d) => d,
            None => panic!("invalid date literal"),
        }
    }

    pub const fn year(self) -> u16 {
        self.year
    }
    pub const fn month(self) -> u8 {
        self.month
    }
    pub const fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD` (ASCII digits, also accepts full-width digits and `/` or `.` separators).
    pub fn parse(text: &str) -> Result<Date, String> {
        let normalised: String = text
            .trim()
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                '/' | '.' | '／' | '－' => '-',
                other => other,
            })
            .collect();
        let mut parts = normalised.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(format!(
                "日期“{}”的格式不对，请写成 2025-06-30 这样",
                text.trim()
            ));
        };
        let parsed = (y.parse::<u16>(), m.parse::<u8>(), d.parse::<u8>());
        match parsed {
            (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d)
                .ok_or_else(|| format!("没有“{}”这一天，请检查年月日", text.trim())),
            _ => Err(format!(
                "日期“{}”的格式不对，请写成 2025-06-30 这样",
                text.trim()
            )),
        }
    }

    /// Whole months from `self` to `later` (0 if `later` is earlier), counting a month only once its
    /// day is reached: 2025-01-15 → 2025-04-14 is 2 months, → 2025-04-15 is 3.
    /// The day `days` after 1970-01-01 (H. Hinnant's civil-from-days), `None` outside the years a
    /// `Date` holds. Spreadsheets store dates as day counts.
    pub fn from_days_since_1970(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(u16::try_from(year).ok()?, month as u8, day as u8)
    }

    pub fn whole_months_until(self, later: Date) -> u32 {
        if later <= self {
            return 0;
        }
        let mut months =
            (later.year as i32 - self.year as i32) * 12 + (later.month as i32 - self.month as i32);
        if later.day < self.day {
            months -= 1;
        }
        months.max(0) as u32
    }

    /// Whole years from `self` to `later`, as for an age or a period of operation.
    pub fn whole_years_until(self, later: Date) -> u32 {
        self.whole_months_until(later) / 12
    }

    /// The same day `months` later, clamped to the month's end (2025-01-31 + 1 month = 2025-02-28).
    pub fn add_months(self, months: u32) -> Date {
        let total = self.year as u32 * 12 + (self.month as u32 - 1) + months;
        let year = (total / 12).min(2200) as u16;
        let month = (total % 12 + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }
}

impl Date {
    /// The day before (2026-03-01 → 2026-02-28); the first representable day stays itself.
    pub fn previous_day(self) -> Date {
        if self.day > 1 {
            Date {
                day: self.day - 1,
                ..self
            }
        } else if self.month > 1 {
            let month = self.month - 1;
            Date {
                month,
                day: days_in_month(self.year, month),
                ..self
            }
        } else if self.year > 0 {
            Date::ymd(self.year - 1, 12, 31)
        } else {
            self
        }
    }
}

const fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

const fn days_in_month(year: u16, month: u8) -> u8 {
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

impl Date {
    /// `2025年12月31日`, for messages shown to users.
    pub fn chinese(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn previous_day_crosses_months_years_and_leap_days() {
        assert_eq!(Date::ymd(2026, 3, 1).previous_day(), Date::ymd(2026, 2, 28));
        assert_eq!(Date::ymd(2024, 3, 1).previous_day(), Date::ymd(2024, 2, 29));
        assert_eq!(
            Date::ymd(2026, 1, 1).previous_day(),
            Date::ymd(2025, 12, 31)
        );
        assert_eq!(
            Date::ymd(2021, 12, 20).previous_day(),
            Date::ymd(2021, 12, 19)
        );
    }

    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Date::parse("2025-12-31"), Ok(Date::ymd(2025, 12, 31)));
        assert_eq!(
            Date::parse("２０２４／２／２９"),
            Ok(Date::ymd(2024, 2, 29))
        );
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2023-13-01").is_err());
        assert!(Date::parse("").is_err());
        assert!(Date::parse("2023-1-1-1").is_err());
        assert!(Date::parse("99999-1-1").is_err());
    }

    #[test]
    fn whole_months_count_only_reached_days() {
        let start = Date::ymd(2025, 1, 15);
        assert_eq!(start.whole_months_until(Date::ymd(2025, 4, 14)), 2);
        assert_eq!(start.whole_months_until(Date::ymd(2025, 4, 15)), 3);
        assert_eq!(start.whole_months_until(Date::ymd(2024, 4, 15)), 0);
        assert_eq!(start.whole_years_until(Date::ymd(2027, 1, 15)), 2);
    }

    #[test]
    fn days_since_1970_become_civil_dates() {
        assert_eq!(Date::from_days_since_1970(0), Some(Date::ymd(1970, 1, 1)));
        assert_eq!(
            Date::from_days_since_1970(20148),
            Some(Date::ymd(2025, 3, 1))
        );
        assert_eq!(
            Date::from_days_since_1970(-1),
            Some(Date::ymd(1969, 12, 31))
        );
        assert_eq!(Date::from_days_since_1970(i64::from(i32::MAX)), None);
    }

    #[test]
    fn add_months_clamps_to_month_end() {
        assert_eq!(Date::ymd(2025, 1, 31).add_months(1), Date::ymd(2025, 2, 28));
        assert_eq!(
            Date::ymd(2025, 11, 30).add_months(3),
            Date::ymd(2026, 2, 28)
        );
    }
}
