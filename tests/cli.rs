//! The command line as a reviewer uses it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_govreport"))
}

fn seed_path() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seed.txt")
        .to_string_lossy()
        .into_owned()
}

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("govreport-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn parse_prints_the_contract_json() {
    let out = bin().args(["parse", &seed_path()]).output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["title"], "淄博市2021年度法治政府建设工作的报告");
    assert_eq!(json["year"], 2021);
    assert_eq!(json["meta"]["doc_no"], serde_json::Value::Null);
    assert_eq!(json["sections"][1]["children"][0]["marker"], "(一)");
    assert_eq!(
        json["sections"][1]["children"][0]["span"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(json["metrics"][22]["text"], "2.4万余人次");
    assert_eq!(json["metrics"][22]["qualifier"], "over");
    assert!(json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == "consistency.rate" && c["status"] == "pass"));
}

#[test]
fn parse_reads_stdin_and_counts_utf16() {
    let mut child = bin()
        .args(["parse", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("𠀀\n一、总体情况\n办理12件。".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // 𠀀 is two UTF-16 units: the heading starts at 3, 12件 at 3+7+2 = 12.
    assert_eq!(json["sections"][0]["heading_span"][0], 3);
    assert_eq!(json["metrics"][0]["span"], serde_json::json!([12, 15]));
}

#[test]
fn parse_out_dir_writes_one_file_each_and_survives_a_bad_one() {
    let dir = tmp("out");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, [0xE4, 0xB8, 0x80, 0xFF, 0x41]).unwrap();
    let out = bin()
        .args(["parse", "--out"])
        .arg(dir.join("json"))
        .arg(seed_path())
        .arg(&bad)
        .arg(dir.join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failure is reported in the exit status"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not UTF-8") && err.contains("offset 3"),
        "{err}"
    );
    assert!(err.contains("missing.txt: cannot read"), "{err}");
    let written = std::fs::read_to_string(dir.join("json/seed.json")).unwrap();
    assert!(written.contains("\"title\": \"淄博市2021年度法治政府建设工作的报告\""));
}

#[test]
fn metrics_writes_csv_over_a_folder() {
    let dir = tmp("metrics");
    std::fs::copy(seed_path(), dir.join("a.txt")).unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "一、主要举措和成效\n审结行政复议案件553件，综合纠错280件，纠错率50.63%。\n",
    )
    .unwrap();
    // 中文 in GBK.
    std::fs::write(dir.join("c.txt"), [0xD6, 0xD0, 0xCE, 0xC4]).unwrap();
    let out = bin().args(["metrics"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "file,title,year,section,subject,text,value,upper,unit,qualifier,kind,change,indicator"
    );
    assert_eq!(lines.len(), 1 + 56 + 3);
    let last = lines.last().unwrap();
    assert!(last.ends_with(",纠错率,50.63%,50.63,,%,exact,percent,false,admin_reconsideration_correction_rate.comprehensive"), "{last}");
    assert!(last.contains("一、主要举措和成效"), "{last}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("c.txt: not UTF-8"));

    let out = bin()
        .args(["metrics", "--format", "jsonl"])
        .arg(dir.join("b.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2]["metric"]["value"], 50.63);
    assert_eq!(rows[2]["section_path"], "一、主要举措和成效");
    // Keys in the order of the contract, as `parse` writes them.
    let out = bin()
        .args(["metrics", "--format", "jsonl"])
        .arg(dir.join("b.txt"))
        .output()
        .unwrap();
    let first = String::from_utf8(out.stdout).unwrap();
    let first = first.lines().next().unwrap();
    let b = dir.join("b.txt");
    let want = format!(
        "{{\"file\":{},\"title\":null,\"year\":null,\"section_path\":\"一、主要举措和成效\",\"metric\":{{\"id\":\"m1\",\"text\":\"553件\",",
        serde_json::to_string(&b.to_string_lossy()).unwrap()
    );
    assert!(first.starts_with(&want), "{first}");
}

#[test]
fn usage_errors_exit_2() {
    let out = bin().args(["parse"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin().args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
}

#[test]
fn parse_out_dir_keeps_the_first_of_two_files_with_one_name() {
    // a/x.txt and b/x.txt both map to DIR/x.json: the files are parsed in
    // parallel, so which one landed there used to depend on timing.
    let dir = tmp("same-stem");
    for (sub, text) in [
        ("a", "一、总体情况\n办理12件。\n"),
        ("b", "一、总体情况\n办理34件。\n"),
    ] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(dir.join(sub).join("x.txt"), text).unwrap();
    }
    let out = bin()
        .args(["parse", "--out"])
        .arg(dir.join("json"))
        .arg(dir.join("a/x.txt"))
        .arg(dir.join("b/x.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("b/x.txt: skipped") && err.contains("a/x.txt's"),
        "{err}"
    );
    let written = std::fs::read_to_string(dir.join("json/x.json")).unwrap();
    assert!(written.contains("\"text\": \"12件\""), "{written}");
}

#[test]
fn metrics_over_many_files_keeps_their_order() {
    // More files than one parallel batch: the rows still come file by file
    // in name order, each file's as `metrics FILE` gives them.
    let dir = tmp("many");
    let mut expected = String::new();
    for i in 0..150 {
        let name = format!("r{i:03}.txt");
        let text = format!("一、总体情况\n办理{}件，其中{}件当场办结。\n", i + 10, i);
        std::fs::write(dir.join(&name), &text).unwrap();
        let one = bin()
            .args(["metrics"])
            .arg(dir.join(&name))
            .output()
            .unwrap();
        assert!(one.status.success());
        let csv = String::from_utf8(one.stdout).unwrap();
        expected.push_str(csv.split_once('\n').unwrap().1);
    }
    let out = bin().args(["metrics"]).arg(&dir).output().unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let (_, rows) = csv.split_once('\n').unwrap();
    assert_eq!(rows.lines().count(), 300);
    assert_eq!(rows, expected);
}

#[test]
fn metrics_out_to_a_path_that_cannot_be_written_fails_at_once() {
    let dir = tmp("unwritable");
    let out = bin()
        .args(["metrics", "--out"])
        .arg(dir.join("no/such/dir/out.csv"))
        .arg(seed_path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("out.csv: cannot write"), "{err}");
}

/// Runs `args` as `govreport ARGS | head -1` would: reads the first line of
/// its output, closes the pipe, and says it succeeded with nothing on
/// stderr (no panic, no "Broken pipe").
fn first_line_then_close(args: &[&std::ffi::OsStr]) -> String {
    use std::io::{BufRead, BufReader};
    let mut child = bin()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?} {err}", out.status);
    assert!(err.is_empty(), "{err}");
    first
}

#[test]
fn metrics_piped_into_a_reader_that_stops_early_is_no_error() {
    // `govreport metrics DIR | head`: 1.7 MB of rows, far more than a
    // pipe holds, and a reader that takes one line and goes.
    let dir = tmp("pipe");
    for i in 0..100 {
        std::fs::copy(seed_path(), dir.join(format!("r{i:03}.txt"))).unwrap();
    }
    let first = first_line_then_close(&["metrics".as_ref(), dir.as_os_str()]);
    assert!(first.starts_with("file,title,year"), "{first}");
}

#[test]
fn parse_piped_into_a_reader_that_stops_early_does_not_panic() {
    let long = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/long/gzbg-2026-11.txt");
    let first = first_line_then_close(&["parse".as_ref(), long.as_os_str()]);
    assert_eq!(first, "{\n");
}

#[test]
fn metrics_out_inside_the_folder_read_is_not_read_as_a_report() {
    // Run twice with the output in the folder: the second run must not
    // read the first run's output as one of the reports.
    let dir = tmp("out-inside");
    std::fs::copy(seed_path(), dir.join("a.txt")).unwrap();
    let run = || {
        let out = bin()
            .args(["metrics", "--out"])
            .arg(dir.join("all.txt"))
            .arg(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read_to_string(dir.join("all.txt")).unwrap()
    };
    let first = run();
    assert_eq!(first.lines().count(), 1 + 56);
    assert_eq!(run(), first);
}

#[test]
fn utf16_with_its_byte_order_mark_is_read_as_the_same_text() {
    let dir = tmp("utf16");
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    let with_bom = format!("\u{FEFF}{seed}");
    let units: Vec<u16> = with_bom.encode_utf16().collect();
    let utf8 = dir.join("utf8.txt");
    std::fs::write(&utf8, &with_bom).unwrap();
    let write = |name: &str, unit: fn(u16) -> [u8; 2]| {
        let path = dir.join(name);
        std::fs::write(
            &path,
            units.iter().flat_map(|&u| unit(u)).collect::<Vec<_>>(),
        )
        .unwrap();
        path
    };
    let le = write("le.txt", u16::to_le_bytes);
    let be = write("be.txt", u16::to_be_bytes);
    let parse = |p: &Path| bin().arg("parse").arg(p).output().unwrap();
    let want = parse(&utf8);
    assert!(want.status.success());
    for p in [&le, &be] {
        let got = parse(p);
        assert!(
            got.status.success(),
            "{}",
            String::from_utf8_lossy(&got.stderr)
        );
        assert_eq!(got.stdout, want.stdout, "{}", p.display());
    }
    // Cut inside a unit: an error that says what the file is.
    let mut cut = std::fs::read(&le).unwrap();
    cut.pop();
    std::fs::write(&le, cut).unwrap();
    let out = parse(&le);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-16"));
}

#[test]
fn each_command_has_its_own_flags_and_help() {
    let out = bin()
        .args(["parse", "--format", "csv", &seed_path()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("invalid option '--format'") && err.contains("usage: govreport parse"),
        "{err}"
    );
    let out = bin()
        .args(["parse", "--lang=en", &seed_path()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json["checks"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("The main measures"),
        "{}",
        json["checks"][0]
    );
    for (command, says) in [
        ("parse", "--indicators RULES"),
        ("metrics", "--format csv|jsonl"),
    ] {
        let out = bin().args([command, "--help"]).output().unwrap();
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains(&format!("usage: govreport {command}")) && text.contains(says),
            "{text}"
        );
    }
}

#[test]
fn indicator_rules_from_a_file() {
    let dir = tmp("rules");
    let rules = dir.join("rules.json");
    std::fs::write(
        &rules,
        r#"[{"id":"user.reconsideration","name":"行政复议","pattern":"行政复议.{0,8}案件","unit":"件"}]"#,
    )
    .unwrap();
    let rules = rules.to_string_lossy().into_owned();
    let out = bin()
        .args([
            "metrics",
            "--format",
            "jsonl",
            "--indicators",
            &rules,
            &seed_path(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ruled: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|row| row["metric"]["indicator"] == "user.reconsideration")
        .map(|row| row["metric"]["text"].as_str().unwrap().to_string())
        .collect();
    // The seed's 行政复议 sentence: 办理行政复议案件553件 and the like.
    assert!(
        !ruled.is_empty() && ruled.iter().all(|t| t.ends_with('件')),
        "{ruled:?}"
    );

    // A pattern that does not compile: exit 2, the rule and the position named.
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"[{"id":"ok","pattern":"a"},{"id":"broken","pattern":"案件(办理"}]"#,
    )
    .unwrap();
    let out = bin()
        .args([
            "parse",
            "--indicators",
            &bad.to_string_lossy(),
            &seed_path(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "indicator rule 1 (\"broken\"): invalid pattern at character 2: unclosed group"
        ),
        "{err}"
    );
    // Not a list of rules: the file and what was expected.
    std::fs::write(&bad, r#"{"id":"x"}"#).unwrap();
    let out = bin()
        .args([
            "metrics",
            "--indicators",
            &bad.to_string_lossy(),
            &seed_path(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a JSON array of indicator rules"));
}

#[test]
fn csv_cells_that_would_be_formulas_get_a_quote() {
    let dir = tmp("formula");
    let file = dir.join("f.txt");
    std::fs::write(
        &file,
        "=某市2021年度法治政府建设情况报告\n一、总体情况\n共办理12件。\n",
    )
    .unwrap();
    let out = bin()
        .args(["metrics", &file.to_string_lossy()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8_lossy(&out.stdout);
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.contains(",'=某市2021年度法治政府建设情况报告,2021,一、总体情况,"),
        "{row}"
    );
    // The value is a number, as written.
    assert!(row.contains(",12,"), "{row}");
}

#[test]
fn tables_writes_one_row_per_cell_from_text_and_html() {
    let dir = tmp("tables");
    let xxgk = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xxgk");
    for f in ["xxgk-01.page.html", "xxgk-03.txt"] {
        std::fs::copy(xxgk.join(f), dir.join(f)).unwrap();
    }
    std::fs::write(dir.join("bad.txt"), [0xD6, 0xD0]).unwrap();
    let out = bin().args(["tables"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.txt: not UTF-8"));
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "file,title,year,format,table,row,column,cell,value,blank,recovered"
    );
    // 198 cells from the page's HTML, 197 of 200 from the crawler text
    // (三 of them unreadable: 693665 splits more than one way).
    assert_eq!(lines.len(), 1 + 198 + 197);
    let page = dir.join("xxgk-01.page.html").to_string_lossy().into_owned();
    let row = format!("{page},平潭综合实验区2019年政府信息公开工作年度报告,2019,2019,requests,new,natural,requests.new.natural,23,false,false");
    assert!(lines.contains(&row.as_str()), "{}", lines[23]);
    assert!(lines
        .iter()
        .any(|l| l.ends_with(",requests.new.natural,64,false,true")));

    let out = bin()
        .args(["tables", "--format=jsonl"])
        .arg(dir.join("xxgk-03.txt"))
        .output()
        .unwrap();
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["table"], "active");
    assert_eq!(first["id"], "active.rules.issued");
    assert_eq!(first["format"], "2021");
}

#[test]
fn html_on_standard_input_is_read_with_its_tables_and_never_run() {
    let page = "<html><body><nav>首页 | 政务公开</nav><div><p>二、主动公开政府信息情况</p>\
        <table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\
        <tr><td>规章</td><td>0</td><td>0</td><td>3</td></tr>\
        <tr><td>行政规范性文件</td><td>5<script>alert(1)</script></td><td></td><td>40</td></tr></table></div></body></html>";
    let mut child = bin()
        .args(["parse", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = json["text"].as_str().unwrap();
    assert!(!text.contains("alert") && !text.contains("首页"), "{text}");
    let cells = json["tables"][0]["cells"].as_array().unwrap();
    let normative: Vec<f64> = cells[3..]
        .iter()
        .map(|c| c["value"].as_f64().unwrap())
        .collect();
    assert_eq!(normative, [5.0, 0.0, 40.0]);
    assert_eq!(cells[4]["blank"], true);
    // Spans index the document's text.
    let span = cells[2]["span"].as_array().unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    let at = |i: usize| span[i].as_u64().unwrap() as usize;
    assert_eq!(String::from_utf16(&units[at(0)..at(1)]).unwrap(), "3");
}

#[test]
fn compare_writes_the_comparison_as_json_or_csv() {
    let xxgk = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xxgk");
    let (a, b) = (
        xxgk.join("xxgk-01.page.html"),
        xxgk.join("xxgk-02.page.html"),
    );
    let out = bin().arg("compare").arg(&a).arg(&b).output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["older"]["year"], 2019);
    assert_eq!(json["newer"]["year"], 2020);
    let new_total = json["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "requests.new.total")
        .unwrap();
    // 23 requests in 2019, 21 in 2020.
    assert_eq!(
        (
            new_total["older"].as_f64(),
            new_total["newer"].as_f64(),
            new_total["difference"].as_f64()
        ),
        (Some(23.0), Some(21.0), Some(-2.0))
    );
    assert!(json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == "cross_year.requests.carried.total" && c["status"] == "pass"));
    let share = json["reuse"]["share"].as_f64().unwrap();
    assert!(share > 0.0 && share < 1.0, "{share}");

    let out = bin()
        .args(["compare", "--format=csv"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        csv.lines().next(),
        Some("kind,id,indicator,subject,unit,older,newer,difference,ratio")
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("cell,requests.new.total,,,,23,21,-2,")),
        "{csv}"
    );

    let out = bin().arg("compare").arg(&a).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("compare takes two files"));
}

#[test]
fn series_compares_each_body_year_by_year_and_panel_writes_the_dataset() {
    let dir = tmp("series");
    let xxgk = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xxgk");
    for f in ["xxgk-01.txt", "xxgk-02.txt", "xxgk-03.txt", "xxgk-09.txt"] {
        std::fs::copy(xxgk.join(f), dir.join(f)).unwrap();
    }
    std::fs::write(dir.join("untitled.txt"), "一、总体情况\n共办理12件。\n").unwrap();
    let out = bin().arg("series").arg(&dir).output().unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "body,older,newer,older_year,newer_year,pairs,cells_changed,reuse_share,cross_year_failed"
    );
    // 平潭 2019 → 2020 → 2021; 上海市科委 alone; the untitled file unplaced.
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(
        lines[1].starts_with("平潭综合实验区政府信息公开工作年度报告,")
            && lines[1].contains(",2019,2020,"),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains(",2020,2021,"), "{}", lines[2]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("untitled.txt: no body or year"));

    let out = bin()
        .args(["panel", "--format", "jsonl"])
        .arg(dir.join("xxgk-03.txt"))
        .output()
        .unwrap();
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rows.iter().any(|r| r["indicator"] == "requests.new.total"
        && r["value"] == 70.0
        && r["source"] == "cell"));
    assert!(rows
        .iter()
        .any(|r| r["indicator"] == "disclosure.requests_received" && r["source"] == "derived"));
    let out = bin().args(["panel", "--wide"]).arg(&dir).output().unwrap();
    let wide = String::from_utf8(out.stdout).unwrap();
    let header: Vec<&str> = wide.lines().next().unwrap().split(',').collect();
    let col = header
        .iter()
        .position(|h| *h == "requests.new.total")
        .unwrap();
    let row = wide.lines().find(|l| l.contains("xxgk-03.txt")).unwrap();
    assert_eq!(row.split(',').nth(col), Some("70"));
    assert!(wide
        .lines()
        .skip(1)
        .all(|l| l.split(',').count() == header.len() || l.contains('"')));
}
