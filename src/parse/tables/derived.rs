//! Indicators derived from the tables' cells: 受理总量, 予以公开率,
//! 实质公开率, 无法提供占比, 结转率, 复议纠错率, 诉讼纠正率 and the count of
//! documents published, each with the cells it comes from, so that
//! `metrics`, the viewer and comparisons see them as indicators.

use super::layout::{result_rows, APPEAL_GROUPS};
use super::rows::Facts;
use crate::parse::indicators::Indicator;
use crate::MetricKind::{Count, Percent};
use crate::{Derived, TableFormat};

const fn derived(id: &'static str, zh: &'static str, en: &'static str, percent: bool) -> Indicator {
    Indicator {
        id,
        zh,
        en,
        domain: "OPEN",
        kinds: if percent { &[Percent] } else { &[Count] },
        subject: &[],
        context: &[],
        not: &[],
    }
}

/// The derived indicators (never matched against text: computed).
pub const DERIVED: &[Indicator] = &[
    derived(
        "disclosure.requests_received",
        "受理政府信息公开申请总量",
        "Disclosure requests handled (new + carried in)",
        false,
    ),
    derived(
        "disclosure.disclosed_rate",
        "予以公开率",
        "Share of requests disclosed",
        true,
    ),
    derived(
        "disclosure.substantive_rate",
        "实质公开率",
        "Share disclosed in full or in part",
        true,
    ),
    derived(
        "disclosure.unavailable_share",
        "无法提供占比",
        "Share that could not be provided",
        true,
    ),
    derived(
        "disclosure.carried_over_rate",
        "结转率",
        "Share carried over to next year",
        true,
    ),
    derived(
        "disclosure.review_correction_rate",
        "信息公开行政复议纠错率",
        "Disclosure reconsiderations corrected",
        true,
    ),
    derived(
        "disclosure.suit_correction_rate",
        "信息公开行政诉讼纠正率",
        "Disclosure lawsuits corrected",
        true,
    ),
    derived(
        "disclosure.documents_issued",
        "本年制发规章和规范性文件",
        "Rules and normative documents issued",
        false,
    ),
];

/// Every derived indicator the cells allow (a zero denominator gives none).
pub fn compute(facts: &Facts) -> Vec<Derived> {
    let get = |id: &str| facts.cells.get(id).map(|c| c.value);
    let sum = |ids: &[String]| -> Option<f64> { ids.iter().map(|i| get(i)).sum() };
    let mut out = Vec::new();
    let mut push =
        |indicator: &'static str, value: Option<f64>, unit: &'static str, cells: Vec<String>| {
            if let Some(v) = value.filter(|v| v.is_finite()) {
                out.push(Derived {
                    id: crate::parse::numbered("d", out.len() + 1),
                    indicator: indicator.into(),
                    value: v,
                    unit: Some(unit.into()),
                    cells,
                });
            }
        };
    let format = facts.format.unwrap_or(TableFormat::Revised2021);
    let received_cells = vec![
        "requests.new.total".to_string(),
        "requests.carried_in.total".to_string(),
    ];
    let received = sum(&received_cells);
    push(
        "disclosure.requests_received",
        received,
        "件",
        received_cells.clone(),
    );
    let rate = |part: Option<f64>| match (part, received) {
        (Some(p), Some(r)) if r > 0.0 => Some((p / r * 10000.0).round() / 100.0),
        _ => None,
    };
    let with = |ids: &[&str]| -> Vec<String> {
        ids.iter()
            .map(|s| s.to_string())
            .chain(received_cells.iter().cloned())
            .collect()
    };
    push(
        "disclosure.disclosed_rate",
        rate(get("requests.disclosed.total")),
        "%",
        with(&["requests.disclosed.total"]),
    );
    let substantive = ["requests.disclosed.total", "requests.partly.total"];
    push(
        "disclosure.substantive_rate",
        rate(sum(&substantive.map(String::from))),
        "%",
        with(&substantive),
    );
    let unavailable: Vec<String> = result_rows(format)
        .iter()
        .filter(|r| r.starts_with("unavailable."))
        .map(|r| format!("requests.{r}.total"))
        .collect();
    let ids: Vec<&str> = unavailable.iter().map(String::as_str).collect();
    push(
        "disclosure.unavailable_share",
        rate(sum(&unavailable)),
        "%",
        with(&ids),
    );
    push(
        "disclosure.carried_over_rate",
        rate(get("requests.carried_out.total")),
        "%",
        with(&["requests.carried_out.total"]),
    );
    let corrected = |groups: &[&str]| -> (Option<f64>, Vec<String>) {
        let c: Vec<String> = groups
            .iter()
            .map(|g| format!("appeals.{g}.corrected"))
            .collect();
        let t: Vec<String> = groups
            .iter()
            .map(|g| format!("appeals.{g}.total"))
            .collect();
        let value = match (sum(&c), sum(&t)) {
            (Some(c), Some(t)) if t > 0.0 => Some((c / t * 10000.0).round() / 100.0),
            _ => None,
        };
        (value, c.into_iter().chain(t).collect())
    };
    let (v, cells) = corrected(&APPEAL_GROUPS[..1]);
    push("disclosure.review_correction_rate", v, "%", cells);
    let (v, cells) = corrected(&APPEAL_GROUPS[1..]);
    push("disclosure.suit_correction_rate", v, "%", cells);
    let column = match format {
        TableFormat::Revised2021 => "issued",
        TableFormat::Trial2019 => "made",
    };
    let issued = vec![
        format!("active.rules.{column}"),
        format!("active.normative.{column}"),
    ];
    push(
        "disclosure.documents_issued",
        sum(&issued),
        "件",
        issued.clone(),
    );
    out
}
