//! The birth date a 公民身份号码 encodes (GB 11643-1999): 18 characters, the birth date in the 7th to
//! 14th, a check character computed by ISO 7064 MOD 11-2 (`X` for 10); 15-digit numbers issued before
//! 1999 carry `YYMMDD` of the 1900s in the 7th to 12th. Only the date is taken: the number itself is
//! never copied into an answer, a message or anything else this module returns.

use crate::vocabulary::date::Date;

/// Why a number gives no birth date (never quoting the number).
pub const NOT_AN_ID: &str = "不是有效的身份证号码（位数、出生日期或校验位不对），没有从中读取年龄";

/// The birth date in an 18- or 15-character 身份证号码, or why not.
pub fn birth_date(cell: &str) -> Result<Date, &'static str> {
    let id: Vec<char> = cell
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\'')
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            'x' | 'Ｘ' | 'ｘ' => 'X',
            c => c,
        })
        .collect();
    let digit = |c: &char| c.to_digit(10);
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        id.get(range)?
            .iter()
            .try_fold(0_u32, |n, c| Some(n * 10 + digit(c)?))
    };
    let (year, month, day) = match id.len() {
        18 => {
            const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
            let mut sum = 0;
            for (c, w) in id.iter().zip(WEIGHTS) {
                sum += digit(c).ok_or(NOT_AN_ID)? * w;
            }
            let check = b"10X98765432"[(sum % 11) as usize] as char;
            if id.get(17) != Some(&check) {
                return Err(NOT_AN_ID);
            }
            (number(6..10), number(10..12), number(12..14))
        }
        15 => {
            if !id.iter().all(|c| c.is_ascii_digit()) {
                return Err(NOT_AN_ID);
            }
            (
                number(6..8).map(|y| 1900 + y),
                number(8..10),
                number(10..12),
            )
        }
        _ => return Err(NOT_AN_ID),
    };
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err(NOT_AN_ID);
    };
    let (Ok(year), Ok(month), Ok(day)) =
        (u16::try_from(year), u8::try_from(month), u8::try_from(day))
    else {
        return Err(NOT_AN_ID);
    };
    Date::new(year, month, day).ok_or(NOT_AN_ID)
}

/// Whole years from `birth` to `day` (the screening date); `None` for a birth after it.
pub fn age_on(birth: Date, day: Date) -> Option<u32> {
    (birth <= day).then(|| birth.whole_years_until(day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_birth_date_of_a_valid_number_and_none_of_an_invalid_one() {
        // GB 11643's own example: 11010519491231002X, born 1949-12-31.
        assert_eq!(
            birth_date("11010519491231002X"),
            Ok(Date::ymd(1949, 12, 31))
        );
        assert_eq!(
            birth_date("11010519491231002x"),
            Ok(Date::ymd(1949, 12, 31))
        );
        assert_eq!(
            birth_date(" 110105 19491231 002X "),
            Ok(Date::ymd(1949, 12, 31))
        );
        // The check character wrong, one digit changed, a day that does not exist, the wrong length.
        assert_eq!(birth_date("110105194912310021"), Err(NOT_AN_ID));
        assert_eq!(birth_date("11010519491231003X"), Err(NOT_AN_ID));
        assert_eq!(birth_date("1101051949123100"), Err(NOT_AN_ID));
        assert_eq!(birth_date(""), Err(NOT_AN_ID));
        // 15 digits: 1900s.
        assert_eq!(birth_date("110105491231002"), Ok(Date::ymd(1949, 12, 31)));
        assert_eq!(birth_date("110105491331002"), Err(NOT_AN_ID));
        assert!(!NOT_AN_ID.chars().any(|c| c.is_ascii_digit()));
    }

    #[test]
    fn age_counts_whole_years_on_the_screening_day() {
        let birth = Date::ymd(1980, 6, 15);
        assert_eq!(age_on(birth, Date::ymd(2025, 6, 14)), Some(44));
        assert_eq!(age_on(birth, Date::ymd(2025, 6, 15)), Some(45));
        assert_eq!(age_on(birth, Date::ymd(1979, 1, 1)), None);
    }
}
