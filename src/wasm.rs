//! The wasm bindings: what the JavaScript shim (`www/govreport.js`) calls.
//! They convert arguments and results and otherwise hand over to
//! [`crate::parse_with`] and [`crate::view::render`].
//!
//! Reports cross the boundary as JSON text: the shim turns it into plain
//! objects with `JSON.parse`, which is several times faster than building
//! them field by field from wasm (measured in BENCHMARKS.md), and keeps
//! the module smaller.

use crate::{parse_with, view, Lang, ParseOptions, Report};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "debug-panic")]
    console_error_panic_hook::set_once();
}

fn options(lang: &str) -> ParseOptions {
    ParseOptions::default().with_lang(Lang::from_tag(lang))
}

/// Parses report text; returns the report as JSON (the contract's object).
#[wasm_bindgen(js_name = parseJson)]
pub fn parse_json(text: &str, lang: &str) -> String {
    serde_json::to_string(&parse_with(text, options(lang))).unwrap_or_else(|_| "null".into())
}

/// Renders the report of `text` into `root` (replacing its content) and
/// returns the report it shows, as JSON. The text is parsed here: parsing
/// is deterministic, so a report the caller parsed before is the same, and
/// reading one back from JavaScript would cost a deserializer in the
/// download. `runs`, when given, appends runs of the same text held by
/// JavaScript (see [`view::TextRuns`]).
///
/// # Errors
///
/// A DOM call failed.
#[wasm_bindgen(js_name = renderJson)]
pub fn render_json(
    root: &web_sys::Element,
    text: &str,
    lang: &str,
    runs: Option<view::TextRuns>,
) -> Result<String, JsError> {
    let report: Report = parse_with(text, options(lang));
    let lang_of_view = Lang::from_tag(lang);
    match &runs {
        Some(runs) => view::render_with_runs(root, text, &report, lang_of_view, runs),
        None => view::render(root, text, &report, lang_of_view),
    }
    .map_err(|e| {
        JsError::new(&format!(
            "govreport: cannot build the viewer: {}",
            e.as_string().unwrap_or_else(|| format!("{e:?}"))
        ))
    })?;
    serde_json::to_string(&report).map_err(|e| JsError::new(&format!("govreport: {e}")))
}

/// The viewer's labels in a language, as JSON `{ key: text }`.
#[wasm_bindgen(js_name = labelsJson)]
pub fn labels_json(lang: &str) -> String {
    let lang = Lang::from_tag(lang);
    let map: std::collections::BTreeMap<&str, &str> = crate::LABELS
        .iter()
        .map(|(key, _, _)| (*key, lang.label(key)))
        .collect();
    serde_json::to_string(&map).unwrap_or_else(|_| "{}".into())
}

/// The name of a canonical indicator id in a language, or `undefined`.
#[wasm_bindgen(js_name = indicatorName)]
pub fn indicator_name_js(id: &str, lang: &str) -> Option<String> {
    crate::indicator(id).map(|row| match Lang::from_tag(lang) {
        Lang::En => row.en.to_string(),
        Lang::Zh => row.zh.to_string(),
    })
}

/// Panics on purpose. Exists only so that the browser tests can check that
/// a panic reaches JavaScript as an `Error` and leaves other viewers
/// working; not part of the documented API.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTest)]
pub fn panic_for_test() {
    panic!("govreport: test panic");
}
