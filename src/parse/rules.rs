//! Indicator rules a user adds: `{ id, name, pattern, unit }`, where
//! `pattern` is a regular expression (the `regex` crate's syntax) matched
//! against the clause a metric stands in. A metric whose clause matches
//! (and, when the rule names a unit, whose unit is that unit) gets the
//! rule's id as its `indicator`, before the built-in taxonomy is asked.
//!
//! ```
//! use govreport::{parse_with, IndicatorRule, Indicators, ParseOptions};
//! let rules = Indicators::new(vec![IndicatorRule {
//!     id: "training.sessions".into(),
//!     name: Some("法治培训场次".into()),
//!     pattern: "培训.{0,6}(场|期)".into(),
//!     unit: None,
//! }])
//! .unwrap();
//! let report = parse_with(
//!     "一、主要举措\n全年开展法治培训12场。",
//!     &ParseOptions::default().with_indicators(rules),
//! );
//! assert_eq!(report.metrics[0].indicator.as_deref(), Some("training.sessions"));
//! ```
//!
//! The regex crate matches in time linear in the text for any pattern
//! (no backtracking), so a rule cannot make parsing superlinear; each
//! pattern's compiled size is bounded by [`MAX_RULE_SIZE`], the number of
//! rules by [`MAX_RULES`] and a pattern's length by [`MAX_PATTERN_CHARS`]
//! (in [`crate::limits`]).

use super::limits::{MAX_PATTERN_CHARS, MAX_RULES, MAX_RULE_SIZE};
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One indicator rule as a user writes it (JSON `{ "id", "name",
/// "pattern", "unit" }`).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorRule {
    /// The indicator id a matching metric gets (`training.sessions`).
    pub id: String,
    /// Its name, shown by the viewer; the id when absent.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub name: Option<String>,
    /// A regular expression matched anywhere in the metric's clause.
    pub pattern: String,
    /// When given, only metrics in this base unit match (`件`, `%`, `人次`).
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub unit: Option<String>,
}

/// A rule that cannot be used, with what to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    /// Position of the rule in the list, from 0.
    pub rule: usize,
    /// The rule's id (may be empty).
    pub id: String,
    /// Character position in the pattern where the problem is, when known
    /// (from 0).
    pub position: Option<usize>,
    /// What is wrong.
    pub reason: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "indicator rule {} ({:?}): ", self.rule, self.id)?;
        match self.position {
            Some(p) => write!(f, "invalid pattern at character {p}: {}", self.reason),
            None => f.write_str(&self.reason),
        }
    }
}

impl std::error::Error for RuleError {}

/// Compiled indicator rules, in the order given: the first that matches
/// wins.
#[derive(Clone, Debug, Default)]
pub struct Indicators {
    rules: Vec<(IndicatorRule, Regex)>,
}

impl Indicators {
    /// Compiles `rules`.
    ///
    /// # Errors
    ///
    /// The first rule that is unusable: an empty id or pattern, a pattern
    /// the regex syntax rejects (with the character position), one too long
    /// or too large once compiled, or more than [`MAX_RULES`](crate::limits::MAX_RULES) rules.
    ///
    /// ```
    /// use govreport::{IndicatorRule, Indicators};
    /// let bad = IndicatorRule { id: "x".into(), pattern: "案件(".into(), ..Default::default() };
    /// let e = Indicators::new(vec![bad]).unwrap_err();
    /// assert_eq!((e.rule, e.position), (0, Some(2)));
    /// assert!(e.to_string().starts_with("indicator rule 0 (\"x\"): invalid pattern at character 2"));
    /// ```
    pub fn new(rules: Vec<IndicatorRule>) -> Result<Self, RuleError> {
        if rules.len() > MAX_RULES {
            return Err(RuleError {
                rule: MAX_RULES,
                id: rules[MAX_RULES].id.clone(),
                position: None,
                reason: format!("too many rules ({}; at most {MAX_RULES})", rules.len()),
            });
        }
        let mut out = Vec::with_capacity(rules.len());
        for (i, rule) in rules.into_iter().enumerate() {
            let fail = |position, reason: String| RuleError {
                rule: i,
                id: rule.id.clone(),
                position,
                reason,
            };
            if rule.id.trim().is_empty() {
                return Err(fail(None, "the id is empty".into()));
            }
            if rule.pattern.is_empty() {
                return Err(fail(None, "the pattern is empty".into()));
            }
            if rule.pattern.chars().count() > MAX_PATTERN_CHARS {
                return Err(fail(
                    None,
                    format!("the pattern is longer than {MAX_PATTERN_CHARS} characters"),
                ));
            }
            // The syntax first, for the position of a mistake (the regex
            // crate's own error is a rendered message only).
            if let Err(e) = regex_syntax::ast::parse::Parser::new().parse(&rule.pattern) {
                let at = rule.pattern[..e.span().start.offset].chars().count();
                return Err(fail(Some(at), e.kind().to_string()));
            }
            let re = RegexBuilder::new(&rule.pattern)
                .size_limit(MAX_RULE_SIZE)
                .build()
                .map_err(|e| match e {
                    regex::Error::CompiledTooBig(limit) => fail(
                        None,
                        format!("the pattern compiles to more than {limit} bytes"),
                    ),
                    other => fail(None, first_error_line(&other.to_string())),
                })?;
            out.push((rule, re));
        }
        Ok(Indicators { rules: out })
    }

    /// True when there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The rules, as given.
    pub fn rules(&self) -> impl Iterator<Item = &IndicatorRule> {
        self.rules.iter().map(|(r, _)| r)
    }

    /// The id of the first rule that matches `clause` (and `unit`).
    pub fn classify(&self, clause: &str, unit: Option<&str>) -> Option<&str> {
        self.rules
            .iter()
            .find(|(rule, re)| {
                rule.unit.as_deref().is_none_or(|u| Some(u) == unit) && re.is_match(clause)
            })
            .map(|(rule, _)| rule.id.as_str())
    }
}

/// The line of a regex error message that says what is wrong (its message
/// repeats the pattern and draws a caret above).
fn first_error_line(message: &str) -> String {
    message
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("error: "))
        .unwrap_or(message)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: &str, pattern: &str) -> IndicatorRule {
        IndicatorRule {
            id: id.into(),
            pattern: pattern.into(),
            ..Default::default()
        }
    }

    #[test]
    fn errors_name_the_rule_and_the_position() {
        let cases = [
            ("a", "(", Some(0)),
            ("b", "培训[", Some(2)),
            ("c", "x{2,1}", Some(1)),
            ("d", "案件\\", Some(2)),
        ];
        for (id, pattern, at) in cases {
            let e = Indicators::new(vec![rule("ok", "案件"), rule(id, pattern)]).unwrap_err();
            assert_eq!(
                (e.rule, e.id.as_str(), e.position),
                (1, id, at),
                "{pattern}"
            );
            assert!(e.to_string().contains(&format!("({id:?})")), "{e}");
        }
        let e = Indicators::new(vec![rule(" ", "x")]).unwrap_err();
        assert_eq!(e.reason, "the id is empty");
        let e = Indicators::new(vec![rule("x", "")]).unwrap_err();
        assert_eq!(e.reason, "the pattern is empty");
        let e = Indicators::new(vec![rule("x", &"a".repeat(MAX_PATTERN_CHARS + 1))]).unwrap_err();
        assert!(e.reason.contains("longer"), "{e}");
        let e = Indicators::new(vec![rule("x", "(?:案件.{0,100}){100}")]).unwrap_err();
        assert!(e.reason.contains("compiles to more than"), "{e}");
        let e = Indicators::new(vec![rule("x", "a"); MAX_RULES + 1]).unwrap_err();
        assert!(e.reason.contains("too many"), "{e}");
    }

    #[test]
    fn the_first_matching_rule_wins_and_units_restrict() {
        let mut only_percent = rule("rate", "率");
        only_percent.unit = Some("%".into());
        let rules = Indicators::new(vec![only_percent, rule("any", "案件|率")]).unwrap();
        assert_eq!(rules.classify("纠错率50%", Some("%")), Some("rate"));
        assert_eq!(rules.classify("纠错率3件", Some("件")), Some("any"));
        assert_eq!(rules.classify("办理案件", None), Some("any"));
        assert_eq!(rules.classify("其他", Some("件")), None);
    }
}
