//! Reading numbers and dates as people type them: full-width digits (０-９), blanks, thousands
//! separators, a trailing unit, 万, and dates written the Chinese way are understood; anything else
//! gets a message in Chinese. No library parser (the app's wasm size matters): a few small loops.

use crate::vocabulary::date::Date;
use rust_decimal::Decimal;

fn normalise(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' | '。' => Some('.'),
            ',' | '，' | ' ' | '\u{3000}' | '_' => None,
            other => Some(other),
        })
        .collect::<String>()
        .trim_end_matches(['元', '年', '天', '人', '个', '岁', '月', '%', '％'])
        .to_string()
}

/// A whole number such as an age or a headcount.
pub fn parse_count(text: &str) -> Result<u32, String> {
    let cleaned = normalise(text.trim());
    if cleaned.is_empty() {
        return Err("请填写一个数字".to_string());
    }
    if cleaned.starts_with('-') {
        return Err("不能填负数".to_string());
    }
    if !cleaned.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("“{}”不是整数，请只填数字", text.trim()));
    }
    cleaned
        .parse::<u32>()
        .map_err(|_| format!("“{}”太大了，请检查", text.trim()))
}

/// An amount of money in yuan, up to two decimal places; `60万`, `60万元` and `1.5万` are read with
/// 万 = 10000 (exactly, still to the fen).
pub fn parse_money(text: &str) -> Result<Decimal, String> {
    let cleaned = normalise(text.trim());
    let (cleaned, wan) = match cleaned.strip_suffix('万') {
        Some(number) => (number.to_string(), true),
        None => (cleaned, false),
    };
    if cleaned.is_empty() {
        return Err("请填写金额".to_string());
    }
    if cleaned.starts_with('-') {
        return Err("金额不能是负数".to_string());
    }
    let valid_shape = cleaned.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && cleaned.bytes().filter(|b| *b == b'.').count() <= 1
        && cleaned.bytes().any(|b| b.is_ascii_digit());
    if !valid_shape || cleaned.len() > 20 {
        return Err(format!(
            "“{}”不是有效金额，请只填数字，例如 1500 或 1500.50",
            text.trim()
        ));
    }
    // Digits and at most one point, checked above: read them as a whole number of 角/分 and a
    // scale (the library's general parser, with exponents and rounding, costs kilobytes of wasm).
    // With 万 the point moves four places: 1.5万 = 15000, 1.2345万 = 12345.
    let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    let shift = if wan { 4 } else { 0 };
    if fraction.len() > 2 + shift {
        return Err("金额最多精确到分（小数点后两位）".to_string());
    }
    let too_big = || format!("“{}”太大了，请检查", text.trim());
    let mut mantissa = whole
        .bytes()
        .chain(fraction.bytes())
        .try_fold(0_i64, |n, digit| {
            n.checked_mul(10)?.checked_add(i64::from(digit - b'0'))
        })
        .ok_or_else(too_big)?;
    let mut scale = fraction.len();
    for _ in 0..shift {
        if scale > 0 {
            scale -= 1;
        } else {
            mantissa = mantissa.checked_mul(10).ok_or_else(too_big)?;
        }
    }
    Ok(Decimal::new(mantissa, scale as u32))
}

/// The example every date message and help text gives: the form the app writes dates in
/// ([`Date::chinese`]).
pub const DATE_EXAMPLE: &str = "2026年8月1日";

/// The same day as data writes it (answers JSON, `--as-of`): [`Date::parse`]'s strict form.
pub const ISO_DATE_EXAMPLE: &str = "2026-08-01";

/// A date as people write it: `2026-08-01`, `2026/8/1`, `2026.8.1`, `2026年8月1日` (or `号`),
/// `20260801`, with full-width digits, or Chinese numerals (`2026年八月一日`, `二〇二六年八月三十一日`).
///
/// A month alone (`2026-08`, `2026/8`, `2026年8月`, `202608`) is read as the 1st of that month. The
/// questions that take dates count whole months (since when one has worked, when a business or
/// graduation was) and people often remember only the month; where the exact day could decide, the
/// rules still read the 1st, so a month-only answer may count up to one month more than the real day.
///
/// A date without a year (`8月1日`) is refused with a message asking for the year. [`Date::parse`]
/// stays strict: it reads saved data.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let shown = text.trim();
    let bad = || format!("日期“{shown}”看不懂，请写成 {DATE_EXAMPLE} 这样");
    if shown.is_empty() {
        return Err(format!("请填写日期，例如 {DATE_EXAMPLE}"));
    }
    // The numbers written, each with how many digits it took and the mark after it (年, 月, -, …).
    // A digit is ASCII, full-width or a Chinese numeral; 十 makes tens (十二, 二十, 三十一).
    let mut numbers: Vec<(u32, u32, char)> = Vec::new();
    let mut number: Option<(u32, u32)> = None;
    let mut tens = false;
    for c in shown.chars().chain(['\0']) {
        let digit = match c {
            '0'..='9' => Some(c as u32 - '0' as u32),
            '０'..='９' => Some(c as u32 - '０' as u32),
            '零' => Some(0),
            _ => "〇一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .map(|n| n as u32),
        };
        match (digit, number) {
            (_, _) if c == ' ' || c == '\u{3000}' => {}
            (Some(d), Some((n, count))) if tens => {
                number = Some((n + d, count + 1));
                tens = false;
            }
            (Some(d), n) => {
                let (n, count) = n.unwrap_or((0, 0));
                number = Some((n * 10 + d, count + 1));
            }
            (None, n) if c == '十' && !tens => {
                number = Some(match n {
                    None => (10, 1),
                    Some((d, 1)) => (d * 10, 2),
                    Some(_) => return Err(bad()),
                });
                tens = true;
            }
            (None, Some((n, count)))
                if matches!(
                    c,
                    '年' | '月' | '日' | '号' | '-' | '/' | '.' | '／' | '－' | '．' | '。' | '\0'
                ) =>
            {
                numbers.push((n, count, c));
                number = None;
                tens = false;
            }
            (None, None) if c == '\0' => {}
            _ => return Err(bad()),
        }
    }
    let (year, month, day) = match numbers.as_slice() {
        [(n, 8, _)] => (n / 10_000, n / 100 % 100, n % 100),
        [(n, 6, _)] => (n / 100, n % 100, 1),
        [(y, 4, _), (m, ..)] => (*y, *m, 1),
        [(y, 4, _), (m, ..), (d, ..)] => (*y, *m, *d),
        [(_, 1 | 2, '月'), ..] => return Err(format!("请写上年份，例如 {DATE_EXAMPLE}")),
        [(_, 1 | 2, _), _, ..] => return Err(format!("请写上完整的年份，例如 {DATE_EXAMPLE}")),
        _ => return Err(bad()),
    };
    let (Ok(year), Ok(month), Ok(day)) =
        (u16::try_from(year), u8::try_from(month), u8::try_from(day))
    else {
        return Err(bad());
    };
    Date::new(year, month, day)
        .ok_or_else(|| format!("没有“{shown}”这一天，请检查年月日，例如 {DATE_EXAMPLE}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn understands_how_people_type() {
        assert_eq!(parse_count("３５"), Ok(35));
        assert_eq!(parse_count(" 35 岁"), Ok(35));
        assert_eq!(parse_count("1,200"), Ok(1200));
        assert!(parse_count("").is_err());
        assert!(parse_count("-3").is_err());
        assert!(parse_count("三十").is_err());
        assert!(parse_count("99999999999").is_err());
        assert_eq!(parse_money("１５００．５元"), Ok(Decimal::new(15005, 1)));
        assert_eq!(parse_money("300,000"), Ok(Decimal::from(300_000)));
        assert!(parse_money("1.234").is_err());
        assert!(parse_money("1.2.3").is_err());
        assert!(parse_money(".").is_err());
        assert!(parse_money("-5").is_err());
        assert!(parse_money("abc").is_err());
        assert!(parse_money("12345678901234567890").is_err());
    }

    #[test]
    fn money_in_wan() {
        assert_eq!(parse_money("60万"), Ok(Decimal::from(600_000)));
        assert_eq!(parse_money("60万元"), Ok(Decimal::from(600_000)));
        assert_eq!(parse_money("1.5万"), Ok(Decimal::from(15_000)));
        assert_eq!(parse_money("３０万"), Ok(Decimal::from(300_000)));
        assert_eq!(parse_money("1.234567万"), Ok(Decimal::new(1_234_567, 2)));
        assert_eq!(parse_money("0.5万").map(|d| d.scale()), Ok(0));
        assert!(parse_money("1.2345678万").is_err());
        assert!(parse_money("万").is_err());
        assert!(parse_money("-3万").is_err());
        assert!(parse_money("3万万").is_err());
        assert!(parse_money("999999999999999万").is_err());
    }

    #[test]
    fn dates_as_people_write_them() {
        let day = Ok(Date::ymd(2026, 8, 1));
        for text in [
            "2026-08-01",
            "2026/8/1",
            "2026.8.1",
            "2026年8月1日",
            "2026年8月1号",
            " 2026 年 8 月 1 日 ",
            "20260801",
            "２０２６年８月１日",
            "２０２６－０８－０１",
            "2026年八月一日",
            "二〇二六年八月一日",
            "二零二六年八月一号",
            // Month precision: the 1st.
            "2026-08",
            "2026/8",
            "2026年8月",
            "2026年八月",
            "202608",
        ] {
            assert_eq!(parse_date(text), day, "{text}");
        }
        assert_eq!(
            parse_date("2026年十二月三十一日"),
            Ok(Date::ymd(2026, 12, 31))
        );
        assert_eq!(parse_date("2026年十月二十日"), Ok(Date::ymd(2026, 10, 20)));
        assert_eq!(parse_date("2024年2月29日"), Ok(Date::ymd(2024, 2, 29)));
        assert_eq!(
            parse_date("2026年十一月十五日"),
            Ok(Date::ymd(2026, 11, 15))
        );
    }

    #[test]
    fn dates_refused_in_chinese() {
        assert_eq!(DATE_EXAMPLE, Date::ymd(2026, 8, 1).chinese());
        assert_eq!(Date::parse(ISO_DATE_EXAMPLE), Ok(Date::ymd(2026, 8, 1)));
        for text in [
            "2026-13-01",
            "2026年2月30日",
            "2025年2月29日",
            "abc",
            "",
            "   ",
            "8月1日",
            "8月",
            "26年8月1日",
            "2026年十三月一日",
            "2026年八月三十二日",
            "2026年十十月",
            "2026-8-1-1",
            "2026081",
            "2026年8月1日日",
            "1800-01-01",
        ] {
            let message = parse_date(text).expect_err(text);
            assert!(message.contains(DATE_EXAMPLE), "{text}: {message}");
            assert!(!message.is_ascii(), "{text}: {message}");
        }
        assert!(parse_date("8月1日").unwrap_err().contains("请写上年份"));
        assert!(parse_date("2026年八月二十一一日").is_err());
        assert!(parse_date("").unwrap_err().contains("请填写日期"));
        assert!(parse_date("2026年2月30日").unwrap_err().contains("没有"));
    }

    #[test]
    fn money_reads_as_the_library_parser_does() {
        use std::str::FromStr;
        for text in [
            "0",
            "1.",
            ".5",
            "0.05",
            "1.50",
            "007",
            "1500.5",
            "300000",
            "999999999999.99",
        ] {
            let expected = Decimal::from_str(text).expect("a valid amount");
            let read = parse_money(text).expect("accepted");
            assert_eq!(read, expected, "{text}");
            assert_eq!(read.scale(), expected.scale(), "{text}");
        }
    }
}
