//! The wasm bindings: what the JavaScript shim (`www/govreport.js`) calls.
//! They convert arguments and results and otherwise hand over to
//! [`crate::parse_with`] and [`crate::view::render`].
//!
//! Reports cross the boundary as one byte buffer ([`crate::transport`]),
//! which the shim turns into the contract's plain object
//! (`www/transport.js`): no JSON text is written in wasm, decoded out of its
//! memory or parsed (measured in BENCHMARKS.md; building the object field
//! by field from wasm was slower still).

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

/// Parses report text; returns the report in the layout of
/// [`crate::transport`].
#[wasm_bindgen(js_name = parseReport)]
pub fn parse_report(text: &str, lang: &str) -> Vec<u8> {
    crate::transport::encode(&parse_with(text, options(lang)))
}

/// Renders the report of `text` into `root` (replacing its content) and
/// returns the report it shows, as [`parse_report`] does. The text is
/// parsed here: parsing is deterministic, so a report the caller parsed
/// before is the same, and reading one back from JavaScript would cost a
/// deserializer in the download. `runs`, when given, appends runs of the
/// same text held by JavaScript (see [`view::TextRuns`]).
///
/// # Errors
///
/// A DOM call failed.
#[wasm_bindgen(js_name = renderReport)]
pub fn render_report(
    root: &web_sys::Element,
    text: &str,
    lang: &str,
    runs: Option<view::TextRuns>,
) -> Result<Vec<u8>, JsError> {
    let report: Report = parse_with(text, options(lang));
    let lang_of_view = Lang::from_tag(lang);
    match &runs {
        Some(runs) => view::render_with_runs(root, text, &report, lang_of_view, runs),
        None => view::render(root, text, &report, lang_of_view),
    }
    .map_err(|e| {
        JsError::new(&format!(
            "govreport: cannot build the viewer: {}",
            view::error_text(&e)
        ))
    })?;
    Ok(crate::transport::encode(&report))
}

/// The viewer's labels in a language: keys and texts alternating
/// (`[key, text, key, text, …]`), in key order.
#[wasm_bindgen(js_name = labelPairs)]
pub fn label_pairs(lang: &str) -> Vec<String> {
    let lang = Lang::from_tag(lang);
    crate::i18n::sorted_labels()
        .flat_map(|(key, _, _)| [(*key).to_string(), lang.label(key).to_string()])
        .collect()
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
