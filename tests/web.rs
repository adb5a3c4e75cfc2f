//! The renderer in a real browser (wasm-bindgen-test, headless Chromium):
//! `wasm-pack test --headless --chrome -- --test web`.
#![cfg(target_arch = "wasm32")]

use govreport::web::view;
use govreport::{parse, Lang};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("fixtures/seed.txt");

fn root() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap())
        .collect()
}

/// Text of `el` without the viewer's own labels (`[data-ui]`).
fn report_text(el: &Element) -> String {
    let clone = el
        .clone_node_with_deep(true)
        .unwrap()
        .dyn_into::<Element>()
        .unwrap();
    for ui in all(&clone, "[data-ui]") {
        ui.remove();
    }
    clone.text_content().unwrap_or_default()
}

fn no_space(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}'))
        .collect()
}

#[wasm_bindgen_test]
fn renders_the_seed_sections_nested_by_level() {
    let root = root();
    let report = parse(SEED);
    view::render(&root, SEED, &report, Lang::Zh, None).unwrap();
    let sections = all(&root, "details.section");
    assert_eq!(sections.len(), 13);
    let top = all(&root, "article > details.section");
    assert_eq!(top.len(), 4);
    assert_eq!(all(&top[1], ":scope > details.section").len(), 9);
    // Each section keeps its heading as written, marker included.
    let first_child = all(&top[1], ":scope > details.section > summary")[0]
        .text_content()
        .unwrap();
    assert_eq!(first_child, "(一)全面提升依法履职效能。");
    assert_eq!(
        root.query_selector("h2.title")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        report.title.clone().unwrap()
    );
}

#[wasm_bindgen_test]
fn every_metric_is_a_mark_with_its_text() {
    let root = root();
    let report = parse(SEED);
    view::render(&root, SEED, &report, Lang::Zh, None).unwrap();
    let marks = all(&root, "article mark.metric");
    assert_eq!(marks.len(), report.metrics.len());
    for (mark, m) in marks.iter().zip(&report.metrics) {
        assert_eq!(
            mark.get_attribute("data-metric").as_deref(),
            Some(m.id.as_str())
        );
        assert_eq!(mark.text_content().as_deref(), Some(m.text.as_str()));
        assert!(mark
            .class_list()
            .contains(&format!("kind-{}", m.kind.as_str())));
        assert_eq!(mark.get_attribute("tabindex").as_deref(), Some("0"));
    }
    // The table's rows are the shim's (www/viewer.js builds them from the
    // report; tests/browser/e2e.mjs checks them): the view renders the
    // head and an empty body.
    assert_eq!(all(&root, ".metrics thead th").len(), 5);
    assert_eq!(all(&root, ".metrics tbody").len(), 1);
    assert!(all(&root, ".metrics tbody tr").is_empty());
}

#[wasm_bindgen_test]
fn no_text_is_lost() {
    let root = root();
    let report = parse(SEED);
    view::render(&root, SEED, &report, Lang::Zh, None).unwrap();
    let article = root.query_selector("article").unwrap().unwrap();
    assert_eq!(no_space(&report_text(&article)), no_space(SEED));
}

// What the shim passes: runs of the text JavaScript holds, by UTF-16 offsets.
#[wasm_bindgen(
    inline_js = "export function runs(text) { return (p, s, e) => p.append(text.slice(s, e)); }"
)]
extern "C" {
    fn runs(text: &str) -> js_sys::Function;
}

#[wasm_bindgen_test]
fn text_appended_by_offsets_is_the_same_text() {
    for text in [
        SEED,
        "一、总体情况\r\n共办理12件，𠀀增长5.4%。\u{2028}二、问题\n  \n（一）不足𠀀3项\n",
    ] {
        let report = parse(text);
        let by_string = root();
        view::render(&by_string, text, &report, Lang::Zh, None).unwrap();
        let by_offsets = root();
        view::render(&by_offsets, text, &report, Lang::Zh, Some(&runs(text))).unwrap();
        assert_eq!(by_offsets.inner_html(), by_string.inner_html());
        let article = by_offsets.query_selector("article").unwrap().unwrap();
        assert_eq!(no_space(&report_text(&article)), no_space(text));
        let marks = all(&by_offsets, "article mark.metric");
        assert_eq!(marks.len(), report.metrics.len());
        for (mark, m) in marks.iter().zip(&report.metrics) {
            assert_eq!(mark.text_content().as_deref(), Some(m.text.as_str()));
        }
    }
}

#[wasm_bindgen_test]
fn markup_in_the_report_stays_text() {
    let text = "一、总体情况\n<script>document.title='owned'</script><img src=x onerror=\"document.title='owned'\">共办理12件。\n";
    let root = root();
    let report = parse(text);
    view::render(&root, text, &report, Lang::En, None).unwrap();
    assert!(all(&root, "script, img").is_empty());
    assert!(report_text(&root).contains("<img src=x onerror="));
    assert_eq!(all(&root, "mark.metric").len(), 1);
    assert_eq!(
        root.query_selector(".toolbar button")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Expand all"
    );
}

#[wasm_bindgen_test]
fn checks_panel_lists_every_check_with_a_worded_status() {
    let root = root();
    let report = parse(SEED);
    view::render(&root, SEED, &report, Lang::Zh, None).unwrap();
    let items = all(&root, ".checks li");
    assert_eq!(items.len(), report.checks.len());
    for (li, c) in items.iter().zip(&report.checks) {
        let badge = li
            .query_selector(".badge")
            .unwrap()
            .unwrap()
            .dyn_into::<HtmlElement>()
            .unwrap();
        assert!(
            !badge.text_content().unwrap().is_empty(),
            "status in words, not colour alone"
        );
        assert!(li.text_content().unwrap().contains(&c.message));
    }
}

/// A failed render says what the browser threw: a `DOMException`'s message,
/// a string as it is, and for anything else that a DOM call failed.
#[wasm_bindgen_test]
fn error_text_names_what_was_thrown() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let thrown = doc.create_element("not a name").unwrap_err();
    let text = view::error_text(&thrown);
    assert!(text.contains("not a name"), "{text}");
    assert_eq!(
        view::error_text(&JsValue::from_str("the element has no document")),
        "the element has no document"
    );
    assert_eq!(view::error_text(&JsValue::from(3)), "a DOM call failed");
}
