//! Numbers as text, without the standard library's float formatting.
//!
//! `format!("{v}")` and `format!("{:.2}", v)` on an `f64` pull Grisu and
//! Dragon4 into the wasm module: about 9 KB of the gzipped download.
//! `zmij`, the shortest round-trip formatter serde_json uses for the
//! command line's JSON, is much smaller; [`plain`] takes its digits and
//! writes them out in plain decimal, which is what `Display` prints
//! (property-tested below). [`fixed`] rounds to a few decimals for the
//! checks' messages.

/// `v` as `format!("{v}")` prints it: the shortest digits that read back
/// as `v`, in plain decimal (no exponent), `NaN`, `inf` or `-inf`. The one
/// difference: where two digit strings of that length read back as `v`
/// and lie equally near it (17 significant digits, so never a figure from
/// a report), the last digit may be the other one.
pub fn plain(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf" } else { "-inf" }.into();
    }
    let mut buffer = zmij::Buffer::new();
    let s = buffer.format_finite(v);
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    // zmij writes `d.ddd`, `ddd.d` or `d.ddde±x`: split into the digits and
    // the place of the decimal point among them.
    let (mantissa, exp) = match s.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (s, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    let point = int.len() as i32 + exp;
    // Leading and trailing zeros carry no digits of their own.
    let first = digits.iter().position(|&d| d != b'0');
    let Some(first) = first else {
        return if negative { "-0" } else { "0" }.into();
    };
    let last = digits.iter().rposition(|&d| d != b'0').unwrap_or(first);
    let digits = &digits[first..=last];
    let point = point - first as i32;

    let mut out = String::with_capacity(digits.len() + 8);
    if negative {
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

    proptest! {
        /// Any float: the same length as `Display`, and reads back as `v`.
        #[test]
        fn plain_agrees_with_display_on_any_float(bits in any::<u64>()) {
            let v = f64::from_bits(bits);
            let (ours, std) = (plain(v), format!("{v}"));
            prop_assert_eq!(ours.len(), std.len(), "{} vs {}", ours, std);
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
