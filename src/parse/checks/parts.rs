//! C1–C5, the parts of an annual report on building law-based government
//! (domain.md §1.5): each top-level section is read as measures, problems,
//! plans, the leaders' duty or other matters from its heading by the word
//! lists below, and the duty is also looked for in the text.

use super::{any, first_year, followed_by, near, titles, verdict, Input, Sec};
use crate::i18n::Lang;
use crate::parse::text;
use crate::{Check, CheckStatus};

/// The role of a top-level section in the five-part structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Measures,
    Problems,
    Plans,
    Duty,
    Other,
}

const PROBLEM_WORDS: &[&str] = &["问题", "不足", "短板", "差距"];
const PLAN_WORDS: &[&str] = &[
    "安排",
    "打算",
    "思路",
    "计划",
    "工作要点",
    "重点工作",
    "工作重点",
];
const MEASURE_WORDS: &[&str] = &[
    "主要举措",
    "主要做法",
    "主要工作",
    "主要措施",
    "工作情况",
    "工作开展情况",
    "工作回顾",
    "取得成效",
    "取得的成效",
    "基本情况",
    "主要成效",
];

/// The leaders' duty: 主要负责人/同志 … 第一责任人 (within 20 characters).
fn duty_at(s: &str) -> Option<usize> {
    // near(s, &["主要负责人", "主要负责同志"], &["第一责任人"], 20), with
    // one search of the whole text for the stem the two words share.
    const STEM: &str = "主要负责";
    text::match_starts(s, STEM).find(|&i| {
        let rest = &s[i + STEM.len()..];
        ["人", "同志"].iter().any(|end| {
            rest.starts_with(end) && followed_by(&rest[end.len()..], &["第一责任人"], 20)
        })
    })
}

fn is_problems(title: &str) -> bool {
    near(title, &["存在"], PROBLEM_WORDS, 6).is_some()
        || near(title, PROBLEM_WORDS, &["和", "与", "及"], 0).is_some()
        || any(title, &["不足之处", "薄弱环节"])
}

fn is_plans(title: &str) -> bool {
    any(title, &["下一年度", "下一步", "今后", "明年"])
        || first_year(title).is_some() && near(title, &["年"], PLAN_WORDS, 14).is_some()
}

fn is_measures(title: &str) -> bool {
    any(title, MEASURE_WORDS)
}

fn is_other(title: &str) -> bool {
    text::contains(title, "其他需要报告")
}

fn has_causes(text: &str) -> bool {
    any(
        text,
        &["原因", "由于", "根源", "究其", "主要是因为", "归因"],
    )
}

/// The role a heading names explicitly, for aligning two reports' parts:
/// `problems`, `plans`, `duty`, `other_matters` or `measures`; `None` for a
/// thematic heading (which [`part`] counts as measures).
pub(crate) fn role(title: &str) -> Option<&'static str> {
    if is_other(title) {
        Some("other_matters")
    } else if is_problems(title) && !is_measures(title) {
        Some("problems")
    } else if is_plans(title) && !is_measures(title) {
        Some("plans")
    } else if duty_at(title).is_some() || text::contains(title, "第一责任人") {
        Some("duty")
    } else if is_measures(title) {
        Some("measures")
    } else {
        None
    }
}

/// The part a top-level heading names; a heading that names none is a
/// measures part (thematic headings such as `一、坚持以习近平法治思想为统领……`
/// are).
fn part(title: &str) -> Part {
    if is_other(title) {
        Part::Other
    } else if is_problems(title) && !is_measures(title) {
        Part::Problems
    } else if is_plans(title) && !is_measures(title) {
        Part::Plans
    } else if duty_at(title).is_some()
        || (text::contains(title, "第一责任人") && !is_measures(title))
    {
        Part::Duty
    } else {
        Part::Measures
    }
}

/// C1–C5: the five parts of an annual report on building law-based
/// government.
pub(super) fn required_parts(input: &Input, lang: Lang, out: &mut Vec<Check>) {
    // Each top-level section read once.
    let top: Vec<(&Sec, Part)> = input
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| (s, part(s.title)))
        .collect();
    let of = |want: Part| {
        top.iter()
            .filter(|(_, p)| *p == want)
            .map(|(s, _)| *s)
            .collect::<Vec<_>>()
    };
    let (measures, problems, plans) = (of(Part::Measures), of(Part::Problems), of(Part::Plans));

    // C1
    match measures.first() {
        Some(first) => out.push(verdict(
            lang,
            "required.measures_and_results",
            CheckStatus::Pass,
            "check.measures.pass",
            &[&titles(&measures)],
            Some(first.id.clone()),
        )),
        None => out.push(verdict(
            lang,
            "required.measures_and_results",
            CheckStatus::Fail,
            "check.measures.fail",
            &[],
            None,
        )),
    }
    // C2
    match problems.first() {
        Some(first) if problems.iter().any(|s| has_causes(s.text)) => out.push(verdict(
            lang,
            "required.problems_and_causes",
            CheckStatus::Pass,
            "check.problems.pass",
            &[&titles(&problems)],
            Some(first.id.clone()),
        )),
        Some(first) => out.push(verdict(
            lang,
            "required.problems_and_causes",
            CheckStatus::Warn,
            "check.problems.no_causes",
            &[&titles(&problems)],
            Some(first.id.clone()),
        )),
        None => out.push(verdict(
            lang,
            "required.problems_and_causes",
            CheckStatus::Fail,
            "check.problems.fail",
            &[],
            None,
        )),
    }
    // C3: in a heading or in any paragraph.
    let duty = duty_at(input.text);
    let duty_section = duty.and_then(|at| {
        input
            .sections
            .iter()
            .rfind(|s| s.range.0 <= at && at < s.range.1)
            .map(|s| s.id.clone())
    });
    if duty.is_some() || top.iter().any(|(_, p)| *p == Part::Duty) {
        out.push(verdict(
            lang,
            "required.leaders_duty",
            CheckStatus::Pass,
            "check.responsibility.pass",
            &[],
            duty_section,
        ));
    } else {
        out.push(verdict(
            lang,
            "required.leaders_duty",
            CheckStatus::Fail,
            "check.responsibility.fail",
            &[],
            None,
        ));
    }
    // C4: and it plans for the year after the report year.
    match plans.first() {
        Some(first) => {
            let planned = first_year(first.title);
            match (planned, input.year) {
                (Some(py), Some(y)) if py != y + 1 => out.push(verdict(
                    lang,
                    "required.next_year_plan",
                    CheckStatus::Warn,
                    "check.plan.wrong_year",
                    &[
                        first.title,
                        &py.to_string(),
                        &y.to_string(),
                        &(y + 1).to_string(),
                    ],
                    Some(first.id.clone()),
                )),
                _ => out.push(verdict(
                    lang,
                    "required.next_year_plan",
                    CheckStatus::Pass,
                    "check.plan.pass",
                    &[first.title],
                    Some(first.id.clone()),
                )),
            }
        }
        None => out.push(verdict(
            lang,
            "required.next_year_plan",
            CheckStatus::Fail,
            "check.plan.fail",
            &[],
            None,
        )),
    }
    // C5 (optional part)
    match input.sections.iter().find(|s| part(s.title) == Part::Other) {
        Some(s) => out.push(verdict(
            lang,
            "required.other_matters",
            CheckStatus::Pass,
            "check.other.pass",
            &[],
            Some(s.id.clone()),
        )),
        None => out.push(verdict(
            lang,
            "required.other_matters",
            CheckStatus::Warn,
            "check.other.missing",
            &[],
            None,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_duty_is_found_as_near_finds_it() {
        let texts = [
            "党政主要负责人切实履行推进法治建设第一责任人职责",
            "主要负责同志履行第一责任人职责",
            "主要负责人。主要负责同志带头履行第一责任人职责",
            "主要负责人员和单位主要负责人是第一责任人",
            "主要负责人",
            "主要负责同志，二十个字以外才有的一二三四五六七八九十一二三四五六七八九十第一责任人",
            "区政府主要负责人专题听取工作汇报；主要负责同志是第一责任人",
            "没有这个词",
        ];
        for t in texts {
            assert_eq!(
                duty_at(t),
                near(t, &["主要负责人", "主要负责同志"], &["第一责任人"], 20),
                "{t}"
            );
        }
        assert_eq!(duty_at(texts[0]), Some(6));
        assert_eq!(duty_at(texts[5]), None);
    }

    #[test]
    fn headings_get_their_parts_from_the_table() {
        let cases = [
            ("2021年度推进法治政府建设的主要举措和成效", Part::Measures),
            ("坚持以习近平法治思想为统领", Part::Measures),
            ("存在的不足和原因", Part::Problems),
            ("存在的主要问题", Part::Problems),
            ("工作中还存在一些薄弱环节", Part::Problems),
            ("问题与不足", Part::Problems),
            ("主要举措和存在问题", Part::Measures),
            ("2022年推进法治政府建设的工作安排", Part::Plans),
            ("下一步工作打算", Part::Plans),
            ("年度工作计划", Part::Measures),
            ("12022年计划", Part::Measures),
            (
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                Part::Duty,
            ),
            ("履行第一责任人职责", Part::Duty),
            ("其他需要报告的事项", Part::Other),
        ];
        for (title, want) in cases {
            assert_eq!(part(title), want, "{title}");
        }
    }
}
