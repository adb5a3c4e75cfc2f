//! Numbers as these reports write them: Arabic (half- and full-width, with
//! thousands separators and decimals) and Chinese numerals.

use super::text::{cjk_digit, cjk_small_unit};

/// The value of a Chinese numeral, given as characters: `一千二百三十四` →
/// 1234, `二十` → 20, `十` → 10, `两` → 2, `三万四千` → 34000, `千亿` → 1e11,
/// `万亿` → 1e12, `一百零五` → 105, `二〇二六` (read digit by digit) → 2026;
/// `None` for what is not a numeral.
pub fn cjk_value_of(s: &[char]) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    // Digit by digit when there is no magnitude character: 二〇二六.
    if s.iter().all(|&c| cjk_digit(c).is_some()) && s.len() > 1 {
        let mut v = 0f64;
        for &c in s {
            v = v * 10.0 + f64::from(cjk_digit(c)?);
        }
        return Some(v);
    }
    let mut yi = 0f64; // everything before the last 亿
    let mut wan = 0f64; // the 万 part
    let mut section = 0f64; // below 万
    let mut digit: Option<f64> = None;
    for &c in s {
        if let Some(d) = cjk_digit(c) {
            digit = Some(f64::from(d));
        } else if let Some(u) = cjk_small_unit(c) {
            section += digit.unwrap_or(1.0) * f64::from(u);
            digit = None;
        } else if c == '万' {
            let n = section + digit.unwrap_or(0.0);
            wan = if n == 0.0 { 1.0 } else { n } * 1e4;
            section = 0.0;
            digit = None;
        } else if c == '亿' {
            let n = wan + section + digit.unwrap_or(0.0);
            yi = (yi + if n == 0.0 { 1.0 } else { n }) * 1e8;
            wan = 0.0;
            section = 0.0;
            digit = None;
        } else {
            return None;
        }
    }
    Some(yi + wan + section + digit.unwrap_or(0.0))
}

#[cfg(test)]
mod tests {
    use super::cjk_value_of;

    fn cjk_value(s: &str) -> Option<f64> {
        cjk_value_of(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn chinese_numerals() {
        for (s, v) in [
            ("一", 1.0),
            ("两", 2.0),
            ("十", 10.0),
            ("十五", 15.0),
            ("二十", 20.0),
            ("九十九", 99.0),
            ("一百零五", 105.0),
            ("一千二百三十四", 1234.0),
            ("三万四千", 34000.0),
            ("十万", 100000.0),
            ("三亿五千万", 350000000.0),
            ("百亿", 1e10),
            ("千亿", 1e11),
            ("万亿", 1e12),
            ("二〇二六", 2026.0),
        ] {
            assert_eq!(cjk_value(s), Some(v), "{s}");
        }
    }
}
