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
        let total = format!("requests.results_total.{c}");
        let parts: Vec<String> = result_rows(format)
            .iter()
            .map(|r| format!("requests.{r}.{c}"))
            .collect();
        if let (Some(t), Some(sum)) = (get(&total), sum(&parts, &get)) {
            let mut cells = vec![total];
            cells.extend(parts);
            let args = vec![c.to_string(), num(t), num(sum)];
            push(
                facts,
                lang,
                format!("requests.results_sum.{c}"),
                t,
                sum,
                "check.arith.results_sum",
                args,
                cells,
                out,
            );
        }
    }
    for r in rows {
        let total = format!("requests.{r}.total");
        let parts: Vec<String> = REQUEST_COLUMNS[..6]
            .iter()
            .map(|c| format!("requests.{r}.{c}"))
            .collect();
        if let (Some(t), Some(sum)) = (get(&total), sum(&parts, &get)) {
            let mut cells = vec![total];
            cells.extend(parts);
            let args = vec![r.to_string(), num(t), num(sum)];
            push(
                facts,
                lang,
                format!("requests.row_total.{r}"),
                t,
                sum,
                "check.arith.row_total",
                args,
                cells,
                out,
            );
        }
    }
    for g in APPEAL_GROUPS {
        let total = format!("appeals.{g}.total");
        let parts: Vec<String> = APPEAL_COLUMNS[..4]
            .iter()
            .map(|c| format!("appeals.{g}.{c}"))
            .collect();
        if let (Some(t), Some(sum)) = (get(&total), sum(&parts, &get)) {
            let mut cells = vec![total];
            cells.extend(parts);
            let args = vec![g.to_string(), num(t), num(sum)];
            push(
                facts,
                lang,
                format!("appeals.total.{g}"),
                t,
                sum,
                "check.arith.appeals_total",
                args,
                cells,
                out,
            );
        }
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

fn sum(ids: &[String], get: &impl Fn(&str) -> Option<f64>) -> Option<f64> {
    ids.iter().map(|i| get(i)).sum()
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
