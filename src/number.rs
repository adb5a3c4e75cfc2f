//! Numbers as text and text as numbers, without the standard library's
//! float formatting and parsing and without their tables.
//!
//! `format!("{v}")` pulls Grisu and Dragon4 into the wasm module (about
//! 9 KB of the gzipped download), a table-driven shortest formatter
//! (`zmij`, `ryu`) 12–13 KB with its tables, and `str::parse::<f64>`
//! 5.5 KB (a 10 KB table of powers of five). Report figures are short
//! decimals, so both directions take an exact fast path (a decimal of at
//! most 15 digits and a power of ten up to 10^15 are exact doubles, and
//! one IEEE division or multiplication of two exact doubles is correctly
//! rounded); the rest goes through a small exact big-integer comparison.
//! [`plain`] prints what `Display` prints and [`parse_decimal`] reads what
//! `str::parse` reads (property-tested below against both).

/// `v` as `format!("{v}")` prints it: the shortest digits that read back
/// as `v` (of two equally near, the larger), in plain decimal (no
/// exponent), `NaN`, `inf` or `-inf`.
pub fn plain(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf" } else { "-inf" }.into();
    }
    let (digits, point) = shortest(v.abs());
    // Leading and trailing zeros carry no digits of their own.
    let first = digits.iter().position(|&d| d != b'0');
    let Some(first) = first else {
        return if v.is_sign_negative() { "-0" } else { "0" }.into();
    };
    let last = digits.iter().rposition(|&d| d != b'0').unwrap_or(first);
    let digits = &digits[first..=last];
    let point = point - first as i32;

    let mut out = String::with_capacity(digits.len() + 8);
    if v.is_sign_negative() {
        out.push('-');
    }
    let n = digits.len() as i32;
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.extend(digits.iter().map(|&d| d as char));
    } else if point >= n {
        out.extend(digits.iter().map(|&d| d as char));
        out.extend(std::iter::repeat_n('0', (point - n) as usize));
    } else {
        let (a, b) = digits.split_at(point as usize);
        out.extend(a.iter().map(|&d| d as char));
        out.push('.');
        out.extend(b.iter().map(|&d| d as char));
    }
    out
}

/// Exact powers of ten as doubles (10^22 is the last exact one).
pub(crate) const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The shortest decimal digits of a finite `v ≥ 0` that read back as `v`,
/// with the place of the decimal point among them (`(b"5063", 2)` is
/// 50.63; the digits may carry leading or trailing zeros).
fn shortest(v: f64) -> (Vec<u8>, i32) {
    if v == 0.0 {
        return (vec![b'0'], 1);
    }
    // Fast path: the fewest decimals k for which v is M / 10^k with M below
    // 10^15. Then the spacing of such decimals (10^-k) is more than twice
    // the spacing of doubles near v, so at most one reads back as v, and
    // round(v·10^k) finds it despite the rounding of the product; the
    // check is one exact division.
    for (k, &p) in POW10.iter().enumerate().take(16) {
        let x = v * p;
        if x >= 1e15 {
            break;
        }
        let m = x.round();
        if m / p == v {
            let digits = (m as u64).to_string().into_bytes();
            let point = digits.len() as i32 - k as i32;
            return (digits, point);
        }
    }
    // Exact path: all the digits of v (a double is a finite decimal), then
    // the first length at which the nearer, or else the other, of the two
    // roundings of those digits reads back as v.
    let (exact, exp) = exact_digits(v);
    let point = exact.len() as i32 + exp;
    for p in 1..exact.len() {
        let down = exact[..p].to_vec();
        let mut up = down.clone();
        let mut up_point = point;
        if !increment(&mut up) {
            up.insert(0, b'1');
            up_point += 1;
        }
        // Halfway (the rest is exactly 5): up, as std's shortest mode does.
        let up_nearer = exact[p] >= b'5';
        let [(a, ap), (b, bp)] = if up_nearer {
            [(&up, up_point), (&down, point)]
        } else {
            [(&down, point), (&up, up_point)]
        };
        for (digits, at) in [(a, ap), (b, bp)] {
            if from_digits(digits, at - digits.len() as i32) == v {
                return (digits.clone(), at);
            }
        }
    }
    (exact, point)
}

/// Adds one to a decimal digit string in place; false when it carried out
/// of the first digit (`999` became `000`).
fn increment(digits: &mut [u8]) -> bool {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return true;
        }
    }
    false
}

/// Every decimal digit of a finite `v > 0`: `(digits, e)` with
/// v = digits × 10^e exactly.
fn exact_digits(v: f64) -> (Vec<u8>, i32) {
    let (m, e) = decompose(v);
    let mut n = Big::from_u64(m);
    if e >= 0 {
        n.mul_pow2(e as u32);
        (n.into_decimal(), 0)
    } else {
        // m / 2^k = m · 5^k / 10^k
        n.mul_pow5((-e) as u32);
        (n.into_decimal(), e)
    }
}

/// `v = m × 2^e` with `m` an integer below 2^53 (`v` finite, ≥ 0).
fn decompose(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i32;
    let frac = bits & ((1 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    }
}

/// The double nearest to a decimal number written as ASCII digits with at
/// most one `.` (`"123.456"`, `"007"`), rounding ties to even, as
/// `str::parse::<f64>` reads it. `None` for anything else (a sign, an
/// exponent, no digit).
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let all = int.bytes().chain(frac.bytes());
    if int.len() + frac.len() == 0 || !all.clone().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits: Vec<u8> = all.collect();
    Some(from_digits(&digits, -(frac.len() as i32)))
}

/// Digits kept when reading a decimal: beyond this many, a later digit can
/// only tell whether the value is above the digits kept, which a final
/// `1` records (a double's halfway points have at most 767 significant
/// digits).
const MAX_DIGITS: usize = 800;

/// The double nearest to `digits × 10^exp` (ASCII digits), ties to even.
fn from_digits(digits: &[u8], exp: i32) -> f64 {
    let start = digits
        .iter()
        .position(|&d| d != b'0')
        .unwrap_or(digits.len());
    let end = digits
        .iter()
        .rposition(|&d| d != b'0')
        .map_or(start, |i| i + 1);
    if start == end {
        return 0.0;
    }
    let mut exp = exp.saturating_add((digits.len() - end) as i32);
    let mut d: Vec<u8> = digits[start..end].to_vec();
    if d.len() > MAX_DIGITS {
        let dropped = exp.saturating_add((d.len() - MAX_DIGITS) as i32);
        d.truncate(MAX_DIGITS);
        // The dropped digits are not all zero (the last digit is not 0).
        d.push(b'1');
        exp = dropped.saturating_sub(1);
    }
    // Decimal point position: value = 0.d × 10^magnitude.
    let magnitude = exp.saturating_add(d.len() as i32);
    if magnitude > 310 {
        return f64::INFINITY;
    }
    if magnitude < -325 {
        return 0.0;
    }
    // The leading digits (all of them, up to 19).
    let lead = d
        .iter()
        .take(19)
        .fold(0u64, |a, &c| a * 10 + u64::from(c - b'0')) as f64;
    // Fast path: at most 15 digits and an exact power of ten.
    if d.len() <= 15 && (-22..=22).contains(&exp) {
        return if exp < 0 {
            lead / POW10[(-exp) as usize]
        } else {
            lead * POW10[exp as usize]
        };
    }
    // A first guess from the leading digits, within a few units in the
    // last place, then corrected by exact comparison with the halfway
    // points on either side.
    let shift = exp + d.len() as i32 - d.len().min(19) as i32;
    let mut z = lead * 10f64.powi(shift / 2) * 10f64.powi(shift - shift / 2);
    if !z.is_finite() {
        z = f64::MAX;
    }
    let value = Big::from_decimal(&d);
    loop {
        let (m, e) = decompose(z);
        // Above the halfway point to the next double?
        match compare(&value, exp, 2 * m + 1, e - 1) {
            std::cmp::Ordering::Greater => {
                if z == f64::MAX {
                    return f64::INFINITY;
                }
                z = f64::from_bits(z.to_bits() + 1);
                continue;
            }
            std::cmp::Ordering::Equal => {
                return if m & 1 == 1 {
                    f64::from_bits(z.to_bits() + 1)
                } else {
                    z
                };
            }
            std::cmp::Ordering::Less => {}
        }
        if z == 0.0 {
            return z;
        }
        // Below the halfway point to the previous double? (The gap below
        // is half as wide at a power of two.)
        let (lm, le) = if m == 1 << 52 && e > -1074 {
            (4 * m - 1, e - 2)
        } else {
            (2 * m - 1, e - 1)
        };
        match compare(&value, exp, lm, le) {
            std::cmp::Ordering::Less => z = f64::from_bits(z.to_bits() - 1),
            std::cmp::Ordering::Equal => {
                return if m & 1 == 1 {
                    f64::from_bits(z.to_bits() - 1)
                } else {
                    z
                };
            }
            std::cmp::Ordering::Greater => return z,
        }
    }
}

/// Compares `value × 10^exp` with `m × 2^e`, exactly.
fn compare(value: &Big, exp: i32, m: u64, e: i32) -> std::cmp::Ordering {
    let mut left = value.clone();
    let mut right = Big::from_u64(m);
    // 10^exp = 5^exp · 2^exp: put every factor on the side where its
    // exponent is positive.
    let (mut left2, mut right2) = (0i64, 0i64);
    if exp >= 0 {
        left.mul_pow5(exp as u32);
        left2 += i64::from(exp);
    } else {
        right.mul_pow5((-exp) as u32);
        right2 -= i64::from(exp);
    }
    if e >= 0 {
        right2 += i64::from(e);
    } else {
        left2 -= i64::from(e);
    }
    let common = left2.min(right2);
    left.mul_pow2((left2 - common) as u32);
    right.mul_pow2((right2 - common) as u32);
    left.cmp(&right)
}

/// A non-negative big integer: 32-bit limbs, least significant first, no
/// high zero limbs.
#[derive(Clone, Debug)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Self {
        let mut b = Big(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }

    fn from_decimal(digits: &[u8]) -> Self {
        let mut b = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let mut v = 0u32;
            for &c in chunk {
                v = v * 10 + u32::from(c - b'0');
            }
            b.mul_add(10u32.pow(chunk.len() as u32), v);
        }
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// self = self × m + a
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let x = u64::from(*limb) * u64::from(m) + carry;
            *limb = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow5(&mut self, mut k: u32) {
        // 5^13 is the largest power of five below 2^32.
        while k > 0 {
            let step = k.min(13);
            self.mul_add(5u32.pow(step), 0);
            k -= step;
        }
    }

    fn mul_pow2(&mut self, k: u32) {
        if self.0.is_empty() {
            return;
        }
        let (limbs, bits) = ((k / 32) as usize, k % 32);
        if bits > 0 {
            self.mul_add(1 << bits, 0);
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// The decimal digits (ASCII), most significant first.
    fn into_decimal(mut self) -> Vec<u8> {
        let mut chunks = Vec::new();
        while !self.0.is_empty() {
            let mut rem = 0u64;
            for limb in self.0.iter_mut().rev() {
                let x = (rem << 32) | u64::from(*limb);
                *limb = (x / 1_000_000_000) as u32;
                rem = x % 1_000_000_000;
            }
            self.trim();
            chunks.push(rem as u32);
        }
        let mut out = chunks
            .pop()
            .map_or_else(|| b"0".to_vec(), |c| c.to_string().into_bytes());
        for c in chunks.iter().rev() {
            out.extend(format!("{c:09}").bytes());
        }
        out
    }
}

/// `v` with exactly `decimals` digits after the point (at most 12), rounded
/// half away from zero: `fixed(50.6329, 2)` → `"50.63"`. Used for the rates
/// the checks recompute; it agrees with `format!("{:.*}", decimals, v)`
/// except on exact ties, which `format!` rounds to even.
pub fn fixed(v: f64, decimals: usize) -> String {
    let decimals = decimals.min(12);
    let scale = 10f64.powi(decimals as i32);
    let scaled = (v * scale).round();
    if !v.is_finite() || scaled.abs() >= 1e15 {
        // Beyond what a rate in a report can be: the plain digits.
        return plain(v);
    }
    let negative = scaled < 0.0;
    let units = scaled.abs() as u64;
    let divisor = 10u64.pow(decimals as u32);
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&(units / divisor).to_string());
    if decimals > 0 {
        let frac = (units % divisor).to_string();
        out.push('.');
        out.extend(std::iter::repeat_n('0', decimals - frac.len()));
        out.push_str(&frac);
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn plain_prints_what_display_prints() {
        for v in [
            0.0,
            -0.0,
            1.0,
            50.63,
            0.1,
            1e-7,
            1.5e-300,
            123456789.125,
            1e15,
            1e21,
            2.5e22,
            -3.75,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            f64::NAN,
            f64::INFINITY,
            -f64::INFINITY,
        ] {
            assert_eq!(plain(v), format!("{v}"), "{v:e}");
        }
    }

    #[test]
    fn fixed_rounds_the_checks_rates() {
        assert_eq!(fixed(280.0 / 553.0 * 100.0, 2), "50.63");
        assert_eq!(fixed(99.96, 1), "100.0");
        assert_eq!(fixed(0.004, 2), "0.00");
        assert_eq!(fixed(7.0, 0), "7");
        assert_eq!(fixed(-2.25, 3), "-2.250");
        // Many decimals, huge and odd values: no overflow, no panic.
        assert_eq!(fixed(0.0, 40), "0.000000000000");
        assert_eq!(fixed(1e300, 2), plain(1e300));
        assert_eq!(fixed(f64::NAN, 2), "NaN");
    }

    /// `s` with its exponent written out as zeros, the only form
    /// `parse_decimal` reads: `1e-3` → `0.001`.
    fn expand(mantissa: &str, exp: i32) -> String {
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = format!("{int}{frac}");
        let point = int.len() as i32 + exp;
        if point <= 0 {
            format!("0.{}{digits}", "0".repeat((-point) as usize))
        } else if point as usize >= digits.len() {
            format!("{digits}{}", "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        }
    }

    #[test]
    fn parse_decimal_reads_what_str_parse_reads() {
        for (m, e) in [
            ("0", 0),
            ("000.000", 0),
            ("50.63", 0),
            ("9007199254740993", 0), // 2^53 + 1: a tie, to even
            ("9007199254740995", 0), // a tie, to even (up)
            ("9007199254740993000000000000000000000001", -24),
            ("1.7976931348623157", 308),  // f64::MAX
            ("1.7976931348623158", 308),  // rounds down to MAX
            ("1.7976931348623159", 308),  // overflows
            ("2.2250738585072011", -308), // the classic slow case
            ("2.2250738585072012", -308),
            ("4.9406564584124654", -324), // smallest subnormal
            ("2.4703282292062327", -324), // just below half of it: 0
            ("2.4703282292062328", -324), // just above: the subnormal
            ("1", 400),
            ("1", -400),
            ("123456789012345678901234567890", 0),
            ("0.1", 0),
            ("3.14159265358979323846264338327950288419716939937510", 0),
        ] {
            let s = expand(m, e);
            assert_eq!(
                parse_decimal(&s).map(f64::to_bits),
                s.parse::<f64>().ok().map(f64::to_bits),
                "{m}e{e}"
            );
        }
        // Past MAX_DIGITS: the same as std (a halfway point and a hair above).
        let half = format!("9007199254740992.5{}", "0".repeat(900));
        assert_eq!(parse_decimal(&half), half.parse::<f64>().ok());
        let above = format!("9007199254740992.5{}1", "0".repeat(900));
        assert_eq!(parse_decimal(&above), above.parse::<f64>().ok());
        for bad in ["", ".", "-1", "1e5", "1.2.3", "1,000", " 1"] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
        assert_eq!(parse_decimal("5."), Some(5.0));
        assert_eq!(parse_decimal(".5"), Some(0.5));
    }

    proptest! {
        /// Any float's decimal expansion (shortest, 17 digits, and digits
        /// nudged by one in the last place) reads back as std reads it.
        #[test]
        fn parse_decimal_agrees_with_str_parse_on_any_float(bits in any::<u64>(), nudge in -2i64..=2, precision in 1usize..=25) {
            let v = f64::from_bits(bits & !(1 << 63));
            prop_assume!(v.is_finite());
            for text in [format!("{v:e}"), format!("{v:.*e}", precision)] {
                let (m, e) = text.split_once('e').unwrap();
                let mut s = expand(m, e.parse().unwrap());
                if nudge != 0 {
                    // Change the last digit by one or two (within 0–9).
                    let last = s.pop().unwrap();
                    if last == '.' { s.push(last); } else {
                        let d = (i64::from(last.to_digit(10).unwrap()) + nudge).clamp(0, 9);
                        s.push(char::from(b'0' + d as u8));
                    }
                }
                prop_assert_eq!(parse_decimal(&s).map(f64::to_bits), s.parse::<f64>().ok().map(f64::to_bits), "{}", s);
            }
        }

        #[test]
        fn parse_decimal_agrees_with_str_parse_on_report_like_text(int in 0u64..1_000_000_000_000_000, frac in "[0-9]{0,30}") {
            let s = if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") };
            prop_assert_eq!(parse_decimal(&s).map(f64::to_bits), s.parse::<f64>().ok().map(f64::to_bits), "{}", s);
        }

        /// Any float: what `Display` prints, and it reads back as `v`.
        #[test]
        fn plain_agrees_with_display_on_any_float(bits in any::<u64>()) {
            let v = f64::from_bits(bits);
            let (ours, std) = (plain(v), format!("{v}"));
            prop_assert_eq!(&ours, &std);
            if v.is_nan() {
                prop_assert_eq!(ours, std);
            } else {
                prop_assert_eq!(ours.parse::<f64>().map(f64::to_bits), Ok(bits), "{}", ours);
            }
        }

        #[test]
        fn plain_matches_display_on_report_like_values(whole in 0u64..10_000_000_000, frac in 0u32..10_000, places in 0u32..5) {
            let v = whole as f64 + f64::from(frac) / 10f64.powi(places as i32);
            prop_assert_eq!(plain(v), format!("{v}"));
        }

        /// Rates recomputed from two counts, as the checks do: the same as
        /// `format!` wherever the value is not within a hair of a tie.
        #[test]
        fn fixed_matches_format_away_from_ties(num in 0u32..1_000_000, den in 1u32..1_000_000, decimals in 0usize..4) {
            let v = f64::from(num) / f64::from(den) * 100.0;
            let scaled = v * 10f64.powi(decimals as i32);
            prop_assume!((scaled - scaled.floor() - 0.5).abs() > 1e-6);
            prop_assert_eq!(fixed(v, decimals), format!("{v:.decimals$}"));
        }
    }
}
