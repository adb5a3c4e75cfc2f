//! The indicator logic: what a reviewer checks in an annual report
//! (domain.md §1.5, C1–C10) and whether stated rates agree with stated
//! counts.
//!
//! Required parts are found by content: each top-level section is read as
//! measures, problems, plans or the leaders' duty from its heading *and*
//! its text, so thematic headings (`一、坚持以习近平法治思想为统领……`) count
//! as measures and the first-responsible-person part is found in a
//! paragraph as well as in a heading.

pub mod disclosure;
pub(crate) mod parts;

use super::metrics::RawMetric;
use super::text;
use crate::i18n::{Lang, Msg};
use crate::{Check, CheckStatus, Meta, MetricKind};

/// A section as the checks see it: byte ranges resolved to text.
pub struct Sec<'a> {
    /// Section id.
    pub id: String,
    /// Heading level.
    pub level: u8,
    /// Heading title.
    pub title: &'a str,
    /// The whole section (heading, body and sub-sections).
    pub text: &'a str,
    /// Byte range of the whole section.
    pub range: (usize, usize),
}

/// What kind of report this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Genre {
    /// 法治政府建设年度报告.
    RuleOfLaw,
    /// 政府信息公开工作年度报告.
    Disclosure,
    /// 政府工作报告.
    WorkReport,
    /// Anything else.
    Other,
}

/// Tells the genre from the title and the opening of the text.
pub fn genre(title: Option<&str>, text: &str) -> Genre {
    // The opening 3000 characters, cut only if the title does not decide.
    let opening = std::cell::OnceCell::new();
    let head = || *opening.get_or_init(|| text::first_chars(text, 3000));
    let in_title = |s: &str| title.is_some_and(|t| text::contains(t, s));
    let probe = |s: &str| in_title(s) || text::contains(head(), s);
    if in_title("信息公开")
        || (title.is_none() && text::contains(head(), "政府信息公开工作年度报告"))
    {
        Genre::Disclosure
    } else if in_title("法治") || (title.is_none() && probe("法治政府建设")) {
        Genre::RuleOfLaw
    } else if probe("政府工作报告") || text::contains(head(), "各位代表") {
        Genre::WorkReport
    } else if probe("法治政府") {
        Genre::RuleOfLaw
    } else {
        Genre::Other
    }
}

/// `a` (any of its alternatives) followed by `b` within `gap` characters;
/// returns the byte where the `a` match starts.
pub(super) fn near(s: &str, a: &[&str], b: &[&str], gap: usize) -> Option<usize> {
    // For each word of `a`, its first occurrence that qualifies (the
    // search stops there); the earliest of those.
    a.iter()
        .filter_map(|w| text::match_starts(s, w).find(|&i| followed_by(&s[i + w.len()..], b, gap)))
        .min()
}

/// True when a word of `b` starts within the first `gap` characters of `s`.
pub(super) fn followed_by(s: &str, b: &[&str], gap: usize) -> bool {
    let window: usize = s.chars().take(gap + 1).map(char::len_utf8).sum();
    b.iter().any(|x| {
        let end = (window + x.len()).min(s.len());
        text::find_bytes(&s.as_bytes()[..end], x.as_bytes(), 0).is_some()
    })
}

pub(super) fn any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text::contains(s, w))
}

pub(super) use crate::parse::text::first_year;

pub(super) fn check(
    id: &str,
    status: CheckStatus,
    message: String,
    metrics: Vec<String>,
    section: Option<String>,
) -> Check {
    Check {
        id: id.to_string(),
        status,
        message,
        metrics,
        section,
        cells: Vec::new(),
    }
}

fn say(lang: Lang, key: &'static str, args: &[&str]) -> String {
    lang.say(Msg::Key(key, args.iter().map(|s| s.to_string()).collect()))
}

/// A check about the report's parts (no metrics involved), worded from the
/// label `key` with `args`.
pub(super) fn verdict(
    lang: Lang,
    id: &str,
    status: CheckStatus,
    key: &'static str,
    args: &[&str],
    section: Option<String>,
) -> Check {
    check(id, status, say(lang, key, args), vec![], section)
}

/// Everything the checks read.
pub struct Input<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Every section, parents first, document order.
    pub sections: &'a [Sec<'a>],
    /// Portal metadata.
    pub meta: &'a Meta,
    /// The title.
    pub title: Option<&'a str>,
    /// The year reported on.
    pub year: Option<i32>,
    /// Metrics: the public ones (id, subject)…
    pub metrics: &'a [crate::Metric],
    /// …and, index for index, what the scan knew of each (byte offsets,
    /// sentence). Two slices, not a vector of pairs: with 500 000 metrics
    /// that vector was a fifth of the parse's peak memory.
    pub raw: &'a [RawMetric],
    /// The genre, as [`genre`] decided it.
    pub genre: Genre,
}

/// Runs every check that applies to the report's genre.
pub fn run(input: &Input, lang: Lang) -> Vec<Check> {
    let mut out = Vec::new();
    let g = input.genre;
    if g == Genre::RuleOfLaw {
        parts::required_parts(input, lang, &mut out);
    }
    if matches!(g, Genre::RuleOfLaw | Genre::Disclosure) {
        on_time(input, g, lang, &mut out);
        year_consistency(input, lang, &mut out);
    }
    if g == Genre::RuleOfLaw {
        entity(input, lang, &mut out);
        closing(input, lang, &mut out);
        coverage(input, lang, &mut out);
    }
    rates(input, lang, &mut out);
    out
}

pub(super) fn titles(secs: &[&Sec]) -> String {
    secs.iter().map(|s| s.title).collect::<Vec<_>>().join("；")
}

/// C6: published by the deadline (1 April of the following year for these
/// reports, 31 March for a government's disclosure report, 31 January for
/// a department's).
fn on_time(input: &Input, g: Genre, lang: Lang, out: &mut Vec<Check>) {
    let Some(year) = input.year else { return };
    let department = input.title.is_some_and(|t| {
        !text::contains(t, "政府")
            && ["局", "厅", "委员会", "办公室", "中心"]
                .iter()
                .any(|w| text::contains(t, w))
    });
    let deadline = match g {
        Genre::Disclosure if department => format!("{}-01-31", year + 1),
        _ => format!("{}-03-31", year + 1),
    };
    let date = input.meta.published.as_ref().or(input.meta.issued.as_ref());
    match date {
        Some(d) if d.as_str() <= deadline.as_str() => out.push(verdict(
            lang,
            "timeliness.published_on_time",
            CheckStatus::Pass,
            "check.on_time.pass",
            &[d, &deadline],
            None,
        )),
        Some(d) => out.push(verdict(
            lang,
            "timeliness.published_on_time",
            CheckStatus::Warn,
            "check.on_time.late",
            &[d, &deadline],
            None,
        )),
        None => out.push(verdict(
            lang,
            "timeliness.published_on_time",
            CheckStatus::Warn,
            "check.on_time.unknown",
            &[&deadline],
            None,
        )),
    }
}

/// C7: the title's year, the headings' years and the publication year
/// agree with the year reported on.
fn year_consistency(input: &Input, lang: Lang, out: &mut Vec<Check>) {
    let Some(year) = input.year else { return };
    let mut problems = Vec::new();
    if let (Some(title), Some(published)) = (input.title, input.meta.published.as_ref()) {
        let title_year = first_year(title);
        let pub_year = published.get(..4).and_then(|y| y.parse::<i32>().ok());
        if let (Some(ty), Some(py)) = (title_year, pub_year) {
            if py != ty + 1 {
                problems.push(say(
                    lang,
                    "check.year.title_vs_published",
                    &[&ty.to_string(), &py.to_string()],
                ));
            }
        }
    }
    for s in input.sections.iter().filter(|s| s.level == 1) {
        if let Some(y) = first_year(s.title) {
            if y != year && y != year + 1 {
                problems.push(format!("“{}”", s.title));
            }
        }
    }
    if problems.is_empty() {
        out.push(verdict(
            lang,
            "consistency.year",
            CheckStatus::Pass,
            "check.year.pass",
            &[&year.to_string()],
            None,
        ));
    } else {
        out.push(verdict(
            lang,
            "consistency.year",
            CheckStatus::Warn,
            "check.year.mismatch",
            &[&problems.join("；")],
            None,
        ));
    }
}

/// C8: who reports.
fn entity(input: &Input, lang: Lang, out: &mut Vec<Check>) {
    let names = [
        input.title.unwrap_or(""),
        input.meta.publisher.as_deref().unwrap_or(""),
    ]
    .join(" ");
    let title = input.title.unwrap_or("");
    let key = if (text::contains(title, "党委")
        || text::contains(title, "中共")
        || text::contains(title, "区委")
        || text::contains(title, "县委")
        || text::contains(title, "市委"))
        && text::contains(title, "政府")
    {
        Some("entity.joint")
    } else if text::contains(title, "政府") {
        Some("entity.government")
    } else if ["局", "厅", "委员会", "办公室"]
        .iter()
        .any(|w| text::contains(&names, w))
    {
        Some("entity.department")
    } else if title.contains('市')
        || title.contains('县')
        || title.contains('区')
        || title.contains('省')
    {
        Some("entity.government")
    } else {
        None
    };
    match key {
        Some(k) => out.push(verdict(
            lang,
            "reporting.entity",
            CheckStatus::Pass,
            "check.entity.pass",
            &[lang.label(k)],
            None,
        )),
        None => out.push(verdict(
            lang,
            "reporting.entity",
            CheckStatus::Warn,
            "check.entity.unknown",
            &[],
            None,
        )),
    }
}

/// C9: the closing formula.
fn closing(input: &Input, lang: Lang, out: &mut Vec<Check>) {
    let tail_start = text::ceil_boundary(input.text, input.text.len().saturating_sub(600));
    if text::contains(&input.text[tail_start..], "特此报告") {
        out.push(verdict(
            lang,
            "format.closing",
            CheckStatus::Pass,
            "check.closing.pass",
            &[],
            None,
        ));
    } else {
        out.push(verdict(
            lang,
            "format.closing",
            CheckStatus::Warn,
            "check.closing.missing",
            &[],
            None,
        ));
    }
}

/// The eight systems of the 纲要 (2021—2025) and words that show a section
/// covers one.
const SYSTEMS: &[(&str, &str)] = &[
    (
        "政府机构职能",
        "职能|放管服|简政放权|营商环境|政务服务|审批",
    ),
    ("依法行政制度", "立法|规章|规范性文件|制度建设"),
    ("行政决策", "决策"),
    ("行政执法", "执法"),
    ("突发事件应对", "突发事件|应急"),
    ("矛盾纠纷化解", "矛盾|纠纷|复议|调解|信访|应诉"),
    ("权力制约监督", "监督|制约|政务公开|信息公开"),
    ("科技保障", "数字|科技|信息化|智慧|一网通办"),
];

/// C10: which of the eight systems the headings cover.
fn coverage(input: &Input, lang: Lang, out: &mut Vec<Check>) {
    let headings: String = input
        .sections
        .iter()
        .map(|s| s.title)
        .collect::<Vec<_>>()
        .join("|");
    let covered: Vec<&str> = SYSTEMS
        .iter()
        .filter(|(_, words)| words.split('|').any(|w| text::contains(&headings, w)))
        .map(|(name, _)| *name)
        .collect();
    let status = if covered.len() >= 6 {
        CheckStatus::Pass
    } else {
        CheckStatus::Warn
    };
    let list = if covered.is_empty() {
        lang.label("view.none").to_string()
    } else {
        covered.join("、")
    };
    out.push(verdict(
        lang,
        "coverage.outline_systems",
        status,
        "check.coverage",
        &[&covered.len().to_string(), &list],
        None,
    ));
}

/// Decimal places written in a figure's text (`50.63%` → 2).
fn decimals(text: &str) -> usize {
    let folded: String = text.chars().map(super::text::fold).collect();
    match folded.split_once('.') {
        Some((_, frac)) => frac.chars().take_while(char::is_ascii_digit).count(),
        None => 0,
    }
}

/// Rates recomputed from counts stated in the same sentence:
/// `审结……553件，综合纠错280件，纠错率50.63%` → 280 ÷ 553 = 50.63%.
///
/// The numerator is a count whose subject contains the rate's stem (纠错 of
/// 纠错率); the denominator a larger count with the same unit.
fn rates(input: &Input, lang: Lang, out: &mut Vec<Check>) {
    let (pubs, raws) = (input.metrics, input.raw);
    for (i, (rate_pub, rate)) in pubs.iter().zip(raws).enumerate() {
        if rate.kind != MetricKind::Percent || rate.unit != Some("%") || rate.value > 100.0 {
            continue;
        }
        let Some(subject) = rate_pub.subject.as_deref() else {
            continue;
        };
        let Some(stem) = subject
            .strip_suffix('率')
            .or_else(|| subject.split_once('率').map(|(a, _)| a))
        else {
            continue;
        };
        let stem: String = stem
            .chars()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if stem.chars().count() < 2 {
            continue;
        }
        // Counts earlier in the same sentence (at most 32 back, so that a
        // sentence of thousands of figures stays linear).
        let lo = i.saturating_sub(32);
        let from = raws[lo..i]
            .iter()
            .rposition(|m| m.sentence != rate.sentence)
            .map_or(lo, |p| lo + p + 1);
        let before: Vec<(&crate::Metric, &RawMetric)> = pubs[from..i]
            .iter()
            .zip(&raws[from..i])
            .filter(|(_, m)| m.kind == MetricKind::Count)
            .collect();
        let Some((num_id, num)) = before
            .iter()
            .rev()
            .find(|(p, _)| {
                p.subject
                    .as_deref()
                    .is_some_and(|s| text::contains(s, &stem))
            })
            .map(|x| (&x.0.id, &x.1))
        else {
            continue;
        };
        let dens: Vec<&(&crate::Metric, &RawMetric)> = before
            .iter()
            .filter(|(_, m)| m.unit == num.unit && m.value > num.value && m.value > 0.0)
            .collect();
        let Some(den) = dens.last() else { continue };
        let d = decimals(&input.text[rate.start..rate.end]);
        let tolerance = 0.5 * 10f64.powi(-(d as i32)) + 1e-9;
        let matching = dens
            .iter()
            .find(|(_, m)| (num.value / m.value * 100.0 - rate.value).abs() <= tolerance);
        let ((den_id, den), status, key) = match matching {
            Some(m) => ((&m.0.id, m.1), CheckStatus::Pass, "check.rate.pass"),
            None => ((&den.0.id, den.1), CheckStatus::Warn, "check.rate.warn"),
        };
        let computed = crate::number::fixed(num.value / den.value * 100.0, d);
        let stated = crate::number::fixed(rate.value, d);
        out.push(check(
            "consistency.rate",
            status,
            say(
                lang,
                key,
                &[
                    subject,
                    &crate::format_number(num.value),
                    &crate::format_number(den.value),
                    &computed,
                    &stated,
                ],
            ),
            vec![num_id.clone(), den_id.clone(), rate_pub.id.clone()],
            // The section of the stated rate, the check's last metric.
            rate_pub.section.clone(),
        ));
    }
}
