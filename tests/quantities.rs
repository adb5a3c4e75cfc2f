//! Runs every case of tests/fixtures/quantities.md: each number form the
//! parser reads and each thing it must leave alone.
#![cfg(not(target_arch = "wasm32"))]

use govreport::{format_number, parse, Metric};

fn describe(m: &Metric) -> String {
    let mut s = format!(
        "{} = {} {} {} {}",
        m.text,
        format_number(m.value),
        m.unit.as_deref().unwrap_or("-"),
        m.qualifier.as_str(),
        m.kind.as_str()
    );
    if m.change {
        s.push_str(" change");
    }
    if let Some(u) = m.upper {
        s.push_str(&format!(" upper {}", format_number(u)));
    }
    s
}

#[test]
fn quantities_fixture() {
    let doc = include_str!("fixtures/quantities.md");
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut unreadable = Vec::new();
    for (n, line) in doc.lines().enumerate() {
        let Some(rest) = line.strip_prefix("- `") else {
            continue;
        };
        // Every case line must read as `input` => `expected`.
        let Some((input, expected)) = rest
            .split_once("` => `")
            .and_then(|(i, e)| Some((i, e.strip_suffix('`')?)))
        else {
            unreadable.push(format!("line {}: {line}", n + 1));
            continue;
        };
        let got: Vec<String> = parse(input).metrics.iter().map(describe).collect();
        let got = if got.is_empty() {
            "(none)".to_string()
        } else {
            got.join(" ; ")
        };
        cases += 1;
        if got != expected {
            failures.push(format!(
                "{input}\n    expected {expected}\n    got      {got}"
            ));
        }
    }
    assert!(
        unreadable.is_empty(),
        "case lines that do not read as `input` => `expected`:\n{}",
        unreadable.join("\n")
    );
    assert!(cases > 0, "no case read");
    println!("{cases} cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
