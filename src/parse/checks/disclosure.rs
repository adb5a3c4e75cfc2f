//! The checks of a 政府信息公开工作年度报告 beyond the tables' arithmetic
//! (`disclosure.md`): the six parts, the statistics period, figures of
//! 一、总体情况 that restate a cell, a 五 that says nothing, and a 六 that
//! says 无 while fees were charged.

use super::{any, check, verdict, Input};
use crate::i18n::{Lang, Msg};
use crate::parse::tables::rows::Facts;
use crate::Check;
use crate::{format_number, CheckStatus};

/// The six parts: check id, the words a heading of the part holds, its name.
pub(crate) const PARTS: [(&str, &[&str], &str); 6] = [
    ("required.overview", &["总体情况"], "总体情况"),
    (
        "required.active_disclosure",
        &["主动公开"],
        "主动公开政府信息情况",
    ),
    (
        "required.requests",
        &["收到和处理", "依申请", "申请情况"],
        "收到和处理政府信息公开申请情况",
    ),
    (
        "required.appeals",
        &["行政复议", "行政诉讼"],
        "政府信息公开行政复议、行政诉讼情况",
    ),
    (
        "required.problems",
        &["存在的主要问题", "主要问题", "改进情况"],
        "存在的主要问题及改进情况",
    ),
    (
        "required.other_matters",
        &["其他需要报告"],
        "其他需要报告的事项",
    ),
];

/// Figures of 总体情况 that restate a cell: the words of its clause (those
/// before the figure first), words the clause must also hold, and the cells
/// whose sum it restates.
type Restated = (
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);
const RESTATED: [Restated; 6] = [
    (
        &["结转下年", "转下一年", "顺延"],
        &[],
        &["requests.carried_out.total"],
    ),
    (
        &["上年结转", "上年度结转", "上一年度结转"],
        &[],
        &["requests.carried_in.total"],
    ),
    (&["办结", "答复"], &[], &["requests.results_total.total"]),
    (
        &["收到", "受理", "新收"],
        &["申请"],
        &["requests.new.total"],
    ),
    (&["行政复议"], &[], &["appeals.review.total"]),
    (
        &["行政诉讼"],
        &[],
        &[
            "appeals.suit_direct.total",
            "appeals.suit_after_review.total",
        ],
    ),
];

/// Runs the checks of this genre.
pub fn run(input: &Input, facts: &Facts, lang: Lang, out: &mut Vec<Check>) {
    for (id, words, name) in PARTS {
        let found = input.sections.iter().find(|s| any(s.title, words));
        out.push(match found {
            Some(s) => verdict(
                lang,
                id,
                CheckStatus::Pass,
                "check.disclosure.part",
                &[name],
                Some(s.id.clone()),
            ),
            None => verdict(
                lang,
                id,
                CheckStatus::Fail,
                "check.disclosure.part_missing",
                &[name],
                None,
            ),
        });
    }
    let period = any(
        input.text,
        &["统计期限", "统计期间", "统计时限", "统计时间"],
    ) || (input.text.contains("1月1日") && input.text.contains("12月31日"));
    out.push(if period {
        verdict(
            lang,
            "required.statistics_period",
            CheckStatus::Pass,
            "check.disclosure.period",
            &[],
            None,
        )
    } else {
        verdict(
            lang,
            "required.statistics_period",
            CheckStatus::Warn,
            "check.disclosure.period_missing",
            &[],
            None,
        )
    });
    restated(input, facts, lang, out);
    empty_parts(input, facts, lang, out);
}

/// Figures in 总体情况 against the cells they restate: the first figure in
/// `件` whose clause names each.
fn restated(input: &Input, facts: &Facts, lang: Lang, out: &mut Vec<Check>) {
    if facts.cells.is_empty() {
        return;
    }
    let Some(overview) = input
        .sections
        .iter()
        .find(|s| s.level == 1 && s.title.contains("总体情况"))
    else {
        return;
    };
    let mut done = [false; RESTATED.len()];
    for (i, m) in input.raw.iter().enumerate() {
        if m.start < overview.range.0
            || m.end > overview.range.1
            || m.unit != Some("件")
            || m.change
        {
            continue;
        }
        let (clause_end, _) = crate::parse::clause_and_sentence_end(input.text, m.end);
        let before = &input.text[m.clause.min(m.start)..m.start];
        let clause = &input.text[m.clause.min(m.start)..clause_end];
        let fits = |(words, also, _): &Restated, part: &str| {
            any(part, words) && also.iter().all(|w| clause.contains(w))
        };
        let Some(k) = RESTATED.iter().position(|r| fits(r, before)).or_else(|| {
            RESTATED
                .iter()
                .position(|r| fits(r, &input.text[m.end..clause_end]))
        }) else {
            continue;
        };
        if done[k] {
            continue;
        }
        let cells = RESTATED[k].2;
        let values: Option<Vec<f64>> = cells
            .iter()
            .map(|c| facts.cells.get(c).map(|f| f.value))
            .collect();
        let Some(values) = values else { continue };
        done[k] = true;
        let cell: f64 = values.iter().sum();
        let status = if (cell - m.value).abs() < 1e-6 {
            CheckStatus::Pass
        } else {
            CheckStatus::Fail
        };
        let metric = &input.metrics[i];
        let message = lang.say(Msg::Key(
            if status == CheckStatus::Pass {
                "check.disclosure.restated"
            } else {
                "check.disclosure.restated_differs"
            },
            vec![metric.text.clone(), cells.join(" + "), format_number(cell)],
        ));
        let mut c = check(
            &format!("consistency.table.{}", cells[0]),
            status,
            message,
            vec![metric.id.clone()],
            metric.section.clone(),
        );
        c.cells = cells.iter().map(|s| s.to_string()).collect();
        out.push(c);
    }
}

/// 五 that says nothing; 六 that says 无 while fees were charged.
fn empty_parts(input: &Input, facts: &Facts, lang: Lang, out: &mut Vec<Check>) {
    let body = |title_words: &[&str]| {
        input
            .sections
            .iter()
            .find(|s| s.level == 1 && any(s.title, title_words))
            .map(|s| {
                let t = s.text;
                let after = t.find(s.title).map_or(t, |i| &t[i + s.title.len()..]);
                (
                    s.id.clone(),
                    after.trim_matches(|c: char| c.is_whitespace() || "。：:".contains(c)),
                )
            })
    };
    let says_nothing =
        |b: &str| b.is_empty() || matches!(b, "无" | "暂无" | "没有" | "无。" | "暂无。");
    if let Some((id, b)) = body(&["存在的主要问题", "改进情况"]) {
        if says_nothing(b) {
            out.push(verdict(
                lang,
                "content.problems_stated",
                CheckStatus::Warn,
                "check.disclosure.problems_empty",
                &[],
                Some(id),
            ));
        }
    }
    if let Some((id, b)) = body(&["其他需要报告"]) {
        let fees = facts
            .cells
            .get("active.fees.amount")
            .map_or(0.0, |c| c.value);
        let says_none = b.chars().count() <= 20 && b.contains('无');
        if says_none && fees > 0.0 {
            let mut c = verdict(
                lang,
                "content.fees_reported",
                CheckStatus::Warn,
                "check.disclosure.fees_unreported",
                &[&format_number(fees)],
                Some(id),
            );
            c.cells = vec!["active.fees.amount".into()];
            out.push(c);
        }
    }
}
