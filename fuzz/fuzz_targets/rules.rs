//! Indicator rules of a user's on arbitrary text: the first line of the
//! input is a pattern, the rest the report. Compiling must give a rule or
//! an error (never a panic), and a parse with the rule keeps every
//! guarantee of `govreport::validate`.
#![no_main]

use govreport::{IndicatorRule, Indicators, ParseOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (pattern, report_text) = text.split_once('\n').unwrap_or((&text, ""));
    let rule = IndicatorRule {
        id: "fuzz".into(),
        name: None,
        pattern: pattern.into(),
        unit: None,
    };
    if let Ok(rules) = Indicators::new(vec![rule]) {
        let report = govreport::parse_with(report_text, &ParseOptions::default().with_indicators(rules));
        let errors = govreport::validate(report_text, &report);
        assert!(errors.is_empty(), "{errors:?}");
    }
});
