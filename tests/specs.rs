//! The readable specs of each pass, one fixture file each:
//! `tests/fixtures/quantities.md` (every number form and exclusion),
//! `headings.md`, `metadata.md`, `checks.md`, `indicators.md`,
//! `tables.md` (HTML input read as the command line reads it). A case is a
//! line
//!
//!     - `input` => `expected`
//!
//! where `\n` in the input is a line break and `\t` a tab. Every such
//! line must read; every case is run and counted.
#![cfg(not(target_arch = "wasm32"))]

use govreport::{format_number, parse, Report};

/// How a spec writes what the parser found.
type Describe = fn(&Report) -> String;

/// Runs every case of `doc`, each through `describe`; the failures.
fn run(name: &str, doc: &str, describe: Describe) -> (usize, Vec<String>) {
    let (mut cases, mut failures) = (0, Vec::new());
    for (n, line) in doc.lines().enumerate() {
        let Some(rest) = line.strip_prefix("- `") else {
            continue;
        };
        let Some((input, expected)) = rest
            .split_once("` => `")
            .and_then(|(i, e)| Some((i, e.strip_suffix('`')?)))
        else {
            failures.push(format!(
                "{name} line {}: does not read as `input` => `expected`",
                n + 1
            ));
            continue;
        };
        let text = input.replace("\\n", "\n").replace("\\t", "\t");
        // HTML input is read as the command line reads it.
        let report = if govreport::html::looks_like_html(&text) {
            let doc = govreport::html::read(&text, govreport::Lang::Zh);
            govreport::parse_document(&doc, &Default::default())
        } else {
            parse(&text)
        };
        let got = describe(&report);
        cases += 1;
        if std::env::var_os("SPEC_PRINT").is_some() {
            println!("- `{input}` => `{got}`");
        }
        if got != expected {
            failures.push(format!(
                "{name} line {}: {input}\n    expected {expected}\n    got      {got}",
                n + 1
            ));
        }
    }
    (cases, failures)
}

fn joined(items: Vec<String>) -> String {
    if items.is_empty() {
        "(none)".into()
    } else {
        items.join(" ; ")
    }
}

/// Each metric as `text = value unit qualifier kind`, then `change` and
/// `upper N` where they apply (`-` for no unit).
fn quantities(r: &Report) -> String {
    joined(
        r.metrics
            .iter()
            .map(|m| {
                let mut s = format!(
                    "{} = {} {} {} {}",
                    m.text.replace('\n', "\\n"),
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
            })
            .collect(),
    )
}

fn headings(r: &Report) -> String {
    joined(
        r.all_sections()
            .map(|s| format!("{} {} {}", s.level, s.marker, s.title))
            .collect(),
    )
}

fn metadata(r: &Report) -> String {
    let m = &r.meta;
    let mut out = vec![
        format!("title {}", r.title.as_deref().unwrap_or("-")),
        format!("year {}", r.year.map_or("-".into(), |y| y.to_string())),
    ];
    for (k, v) in [
        ("index_no", &m.index_no),
        ("doc_no", &m.doc_no),
        ("issued", &m.issued),
        ("published", &m.published),
        ("publisher", &m.publisher),
    ] {
        if let Some(v) = v {
            out.push(format!("{k} {v}"));
        }
    }
    out.push(format!("furniture {}", r.furniture.len()));
    joined(out)
}

fn checks(r: &Report) -> String {
    joined(
        r.checks
            .iter()
            .map(|c| format!("{} {}", c.id, c.status.as_str()))
            .collect(),
    )
}

fn indicators(r: &Report) -> String {
    joined(
        r.metrics
            .iter()
            .map(|m| format!("{} {}", m.text, m.indicator.as_deref().unwrap_or("-")))
            .collect(),
    )
}

/// Each table row's cells as `row: v v v` (`~` recovered, `_` blank),
/// then the tables' checks as `id status`, then `warnings N`.
fn tables(r: &Report) -> String {
    let mut out: Vec<String> = Vec::new();
    for t in &r.tables {
        let mut row = String::new();
        for c in &t.cells {
            let (prefix, _) = c.id.rsplit_once('.').unwrap_or((&c.id, ""));
            if !row.starts_with(&format!("{prefix}:")) {
                if !row.is_empty() {
                    out.push(std::mem::take(&mut row));
                }
                row = format!("{prefix}:");
            }
            row.push(' ');
            row.push_str(&format_number(c.value));
            if c.recovered {
                row.push('~');
            }
            if c.blank {
                row.push('_');
            }
        }
        if !row.is_empty() {
            out.push(row);
        }
    }
    for c in &r.checks {
        if c.id.starts_with("arith.") || c.id.starts_with("tables.") {
            out.push(format!("{} {}", c.id, c.status.as_str()));
        }
    }
    if !r.warnings.is_empty() {
        out.push(format!("warnings {}", r.warnings.len()));
    }
    joined(out)
}

#[test]
fn every_spec_holds() {
    let specs: [(&str, &str, Describe); 6] = [
        (
            "quantities.md",
            include_str!("fixtures/quantities.md"),
            quantities,
        ),
        (
            "headings.md",
            include_str!("fixtures/headings.md"),
            headings,
        ),
        (
            "metadata.md",
            include_str!("fixtures/metadata.md"),
            metadata,
        ),
        ("checks.md", include_str!("fixtures/checks.md"), checks),
        ("tables.md", include_str!("fixtures/tables.md"), tables),
        (
            "indicators.md",
            include_str!("fixtures/indicators.md"),
            indicators,
        ),
    ];
    let mut all = Vec::new();
    for (name, doc, describe) in specs {
        let (cases, failures) = run(name, doc, describe);
        assert!(cases > 0, "{name}: no case read");
        println!("{name}: {cases} cases, {} failing", failures.len());
        all.extend(failures);
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}
