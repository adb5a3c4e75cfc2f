//! Number cores: Arabic digits (with separators, decimals, full-width
//! forms), Chinese numerals and their mixtures, read at a position.

use super::*;

/// The number core found at a position: value, where it ends, and how it
/// was written.
pub(super) struct Number {
    pub(super) value: f64,
    pub(super) end: usize,
    /// Written with Chinese numerals only.
    pub(super) cjk: bool,
    /// Only magnitude characters (`千亿`, `万`, `十`): no digit 1–9.
    pub(super) magnitude_only: bool,
    /// Has a 万/亿 multiplier.
    pub(super) multiplied: bool,
    /// A four-digit Arabic integer in the range of years.
    pub(super) yearlike: bool,
}

pub(super) fn arabic_at(line: &Line, k: usize) -> Option<Number> {
    let mut j = k;
    // The digits as an integer while they fit (`mant`), and how many.
    let mut d = Digits::default();
    let mut int_len = 0;
    while let Some(v) = digit(line.at(j)).filter(|_| j < line.chars.len()) {
        d.push(v);
        int_len += 1;
        j += 1;
        // Thousands separators: `1,234` (exactly three digits follow).
        if line.at(j) == ','
            && (1..=3).all(|m| digit(line.at(j + m)).is_some())
            && digit(line.at(j + 4)).is_none()
        {
            j += 1;
        }
    }
    if int_len > MAX_INTEGER_DIGITS {
        return None;
    }
    if line.at(j) == '.' && digit(line.at(j + 1)).is_some() {
        j += 1;
        while let Some(v) = digit(line.at(j)).filter(|_| j < line.chars.len()) {
            d.push(v);
            d.frac += 1;
            j += 1;
        }
    }
    // The number as written, without separators (only for the slow paths).
    let repr = || -> String {
        line.chars[k..j]
            .iter()
            .filter(|&&c| c != ',')
            .map(|&c| digit(c).map_or(c, |v| char::from(b'0' + v as u8)))
            .collect()
    };
    let mut value = d
        .value()
        .or_else(|| crate::number::parse_decimal(&repr()))?;
    let yearlike = int_len == 4 && d.frac == 0 && (1900.0..=2100.0).contains(&value);
    let mut multiplied = false;
    // Multipliers: 万, 亿, 万亿, and the mixed forms 3万4000, 1亿2000万.
    if line.at(j) == '万' && line.at(j + 1) == '亿' {
        value = d.scaled(12, repr);
        j += 2;
        multiplied = true;
    } else if line.at(j) == '亿' {
        value = d.scaled(8, repr);
        j += 1;
        multiplied = true;
        let (rest, after) = small_arabic(line, j);
        if after > j && line.at(after) == '万' {
            value += rest * 1e4;
            j = after + 1;
        }
    } else if line.at(j) == '千' && thousand_before_unit(line, j) {
        // 6千余辆次: 千 as a magnitude, where a unit follows (not 千米, 千克).
        value = d.scaled(3, repr);
        j += 1;
    } else if line.at(j) == '万' {
        value = d.scaled(4, repr);
        j += 1;
        multiplied = true;
        let (rest, after) = small_arabic(line, j);
        if after > j && after - j <= 4 {
            value += rest;
            j = after;
        }
    }
    Some(Number {
        value,
        end: j,
        cjk: false,
        magnitude_only: false,
        multiplied,
        yearlike,
    })
}

/// Whether the 千 at `j` is a magnitude before a unit (`6千余辆次`, `3千人`)
/// rather than the first character of a unit (`5千米`, `2千瓦时`).
fn thousand_before_unit(line: &Line, j: usize) -> bool {
    let at = |k: usize| unit_at(&line.chars[k.min(line.chars.len())..]);
    if at(j).is_some_and(|u| u.surface.starts_with('千')) {
        return false;
    }
    let k = if matches!(line.at(j + 1), '余' | '多') {
        j + 2
    } else {
        j + 1
    };
    at(k).is_some()
}

/// The digits of a decimal number, read one at a time without a string.
#[derive(Default)]
pub(super) struct Digits {
    /// The digits as an integer, while there are at most 19 of them.
    pub(super) mant: u64,
    /// How many digits (integer and fraction).
    pub(super) count: usize,
    /// How many of them are after the decimal point.
    pub(super) frac: usize,
}

impl Digits {
    pub(super) fn push(&mut self, v: u32) {
        if self.count < 19 {
            self.mant = self.mant * 10 + u64::from(v);
        }
        self.count += 1;
    }

    /// The value, when it is exact without parsing: at most 15 digits
    /// (below 2^53) divided by an exactly representable power of ten, one
    /// correctly rounded division, as `str::parse` gives. `None` otherwise.
    pub(super) fn value(&self) -> Option<f64> {
        (self.count <= 15).then(|| self.mant as f64 / crate::number::POW10[self.frac])
    }

    /// The number times 10^`exp`, computed on the digits so that `75.4亿` is
    /// 7540000000 and not 7540000000.000001.
    pub(super) fn scaled(&self, exp: i32, repr: impl Fn() -> String) -> f64 {
        let shift = exp - self.frac as i32;
        match self.mant {
            n if self.count <= 19 && n < (1 << 53) && shift >= 0 => n as f64 * 10f64.powi(shift),
            n if self.count <= 19 && n < (1 << 53) => n as f64 / 10f64.powi(-shift),
            _ => crate::number::parse_decimal(&repr()).unwrap_or(0.0) * 10f64.powi(exp),
        }
    }
}

/// An integer of up to four digits at `k` that is not followed by a decimal
/// point (the tail of `3万4000`).
pub(super) fn small_arabic(line: &Line, k: usize) -> (f64, usize) {
    let mut j = k;
    let mut v = 0f64;
    while j - k < 4 {
        match digit(line.at(j)).filter(|_| j < line.chars.len()) {
            Some(d) => v = v * 10.0 + f64::from(d),
            None => break,
        }
        j += 1;
    }
    if digit(line.at(j)).is_some() || line.at(j) == '.' {
        return (0.0, k);
    }
    (v, j)
}

pub(super) fn cjk_at(line: &Line, k: usize) -> Option<Number> {
    let mut j = k;
    while j < line.chars.len() && is_cjk_numeral(line.at(j)) && j - k < MAX_CJK_NUMERAL {
        j += 1;
    }
    let value = cjk_value_of(&line.chars[k..j])?;
    let magnitude_only = !line.chars[k..j]
        .iter()
        .any(|&c| matches!(cjk_digit(c), Some(1..=9)));
    let multiplied = line.chars[k..j].iter().any(|&c| matches!(c, '万' | '亿'));
    Some(Number {
        value,
        end: j,
        cjk: true,
        magnitude_only,
        multiplied,
        yearlike: false,
    })
}
