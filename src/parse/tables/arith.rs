//! The arithmetic of the tables (`disclosure.md`): one check per rule
//! instance, `arith.<table>.<rule>.<column|row|group>`, naming its cells
//! and both sides. A blank cell counts as 0, as the format intends; a rule
//! that served to read the cells cannot confirm them and is a warning.

use super::layout::{request_rows, result_rows, APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_COLUMNS};
use super::rows::Facts;
use crate::i18n::{Lang, Msg};
use crate::{format_number, Check, CheckStatus, TableFormat};

/// Every arithmetic check the cells allow (a rule with an unread cell is
/// left out), then one warning listing the blank cells.
pub fn run(facts: &Facts, lang: Lang, out: &mut Vec<Check>) {
    if facts.cells.is_empty() {
        return;
    }
    let format = facts.format.unwrap_or(TableFormat::Revised2021);
    let rows = request_rows(format);
    let get = |id: &str| facts.cells.get(id).map(|c| c.value);
    for c in REQUEST_COLUMNS {
        let ids = [
            format!("requests.new.{c}"),
            format!("requests.carried_in.{c}"),
            format!("requests.results_total.{c}"),
            format!("requests.carried_out.{c}"),
        ];
        if let [Some(a), Some(b), Some(t), Some(d)] = ids.each_ref().map(|i| get(i)) {
            let args = vec![
                c.to_string(),
                num(a),
                num(b),
                num(a + b),
                num(t),
                num(d),
                num(t + d),
            ];
            push(
                facts,
                lang,
                format!("requests.balance.{c}"),
                a + b,
                t + d,
                "check.arith.balance",
                args,
                ids.to_vec(),
                out,
            );
        }
        let parts = result_rows(format)
            .iter()
            .map(|r| format!("requests.{r}.{c}"));
        let rule = format!("requests.results_sum.{c}");
        total_rule(
            facts,
            lang,
            rule,
            format!("requests.results_total.{c}"),
            parts,
            "check.arith.results_sum",
            c,
            out,
        );
    }
    for r in rows {
        let parts = REQUEST_COLUMNS[..6]
            .iter()
            .map(|c| format!("requests.{r}.{c}"));
        let rule = format!("requests.row_total.{r}");
        total_rule(
            facts,
            lang,
            rule,
            format!("requests.{r}.total"),
            parts,
            "check.arith.row_total",
            r,
            out,
        );
    }
    for g in APPEAL_GROUPS {
        let parts = APPEAL_COLUMNS[..4]
            .iter()
            .map(|c| format!("appeals.{g}.{c}"));
        let rule = format!("appeals.total.{g}");
        total_rule(
            facts,
            lang,
            rule,
            format!("appeals.{g}.total"),
            parts,
            "check.arith.appeals_total",
            g,
            out,
        );
    }
    if !facts.blank.is_empty() {
        out.push(Check {
            id: "tables.blank".into(),
            status: CheckStatus::Warn,
            message: lang.say(Msg::Key(
                "check.tables.blank",
                vec![facts.blank.len().to_string()],
            )),
            metrics: vec![],
            section: None,
            cells: facts.blank.clone(),
        });
    }
}

/// A total that is the sum of its parts (`rule`: `requests.row_total.new`),
/// checked when every cell was read; `name` is the column, row or group
/// its message names.
#[allow(clippy::too_many_arguments)]
fn total_rule(
    facts: &Facts,
    lang: Lang,
    rule: String,
    total: String,
    parts: impl Iterator<Item = String>,
    key: &'static str,
    name: &str,
    out: &mut Vec<Check>,
) {
    let get = |id: &str| facts.cells.get(id).map(|c| c.value);
    let mut cells = vec![total];
    cells.extend(parts);
    let (Some(t), Some(sum)) = (
        get(&cells[0]),
        cells[1..].iter().map(|i| get(i)).sum::<Option<f64>>(),
    ) else {
        return;
    };
    let args = vec![name.to_string(), num(t), num(sum)];
    push(facts, lang, rule, t, sum, key, args, cells, out);
}

fn num(v: f64) -> String {
    format_number(v)
}

#[allow(clippy::too_many_arguments)]
fn push(
    facts: &Facts,
    lang: Lang,
    rule: String,
    lhs: f64,
    rhs: f64,
    key: &'static str,
    args: Vec<String>,
    cells: Vec<String>,
    out: &mut Vec<Check>,
) {
    let holds = (lhs - rhs).abs() < 1e-6;
    let used = facts.used.contains(&rule);
    let (status, verdict) = match (holds, used) {
        (true, true) => (CheckStatus::Warn, "check.arith.used"),
        (true, false) => (CheckStatus::Pass, "check.arith.holds"),
        (false, _) => (CheckStatus::Fail, "check.arith.differs"),
    };
    let mut message = lang.say(Msg::Key(key, args));
    message.push_str(&lang.say(Msg::Key(verdict, vec![])));
    out.push(Check {
        id: format!("arith.{rule}"),
        status,
        message,
        metrics: vec![],
        section: None,
        cells,
    });
}
