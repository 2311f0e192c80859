//! Reading numbers as people type them: full-width digits (０-９), blanks, thousands separators and a
//! trailing unit are understood; anything else gets a message in Chinese.

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

/// An amount of money in yuan, up to two decimal places.
pub fn parse_money(text: &str) -> Result<Decimal, String> {
    let cleaned = normalise(text.trim());
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
    let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    if fraction.len() > 2 {
        return Err("金额最多精确到分（小数点后两位）".to_string());
    }
    let mantissa = whole
        .bytes()
        .chain(fraction.bytes())
        .try_fold(0_i64, |n, digit| {
            n.checked_mul(10)?.checked_add(i64::from(digit - b'0'))
        })
        .ok_or_else(|| format!("“{}”太大了，请检查", text.trim()))?;
    Ok(Decimal::new(mantissa, fraction.len() as u32))
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
