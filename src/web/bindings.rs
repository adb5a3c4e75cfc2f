//! The wasm bindings: what the JavaScript entries (`www/core.js`,
//! `www/element.js`) call. They convert arguments and results and
//! otherwise hand over to [`crate::parse_with`] and [`super::view::render`].
//!
//! Reports and options cross the boundary through `serde-wasm-bindgen`:
//! the report is the plain object `JSON.parse` would make of the command
//! line's JSON (keys in the contract's names and the model's order, `null`
//! for `None`, spans as two-number arrays), built directly in JavaScript's
//! heap. Its TypeScript declarations are derived from the same Rust types
//! (`tsify`), so there is no second description of the model.

use super::view;
use crate::{
    parse_document, parse_with, Document, IndicatorRule, Indicators, Lang, ParseOptions, Report,
};
use js_sys::{Array, Function, Object, Reflect};
use serde::{Deserialize, Serialize};

use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "debug-panic")]
    console_error_panic_hook::set_once();
}

#[wasm_bindgen(typescript_custom_section)]
const SPAN: &'static str = r#"
/** `[start, end)` in UTF-16 code units of the input: `text.slice(...span)` is the item's text. */
export type Span = [number, number];
"#;

/// What `parse(text, options)` takes from JavaScript.
#[derive(Default, Deserialize, tsify::Tsify)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// `'zh'` (default) or `'en'`: the language of checks' messages and
    /// warnings (and of the viewer's own words).
    #[serde(default)]
    #[tsify(optional)]
    pub lang: Option<String>,
    /// Indicator rules of the user's: a metric whose clause matches
    /// `pattern` (a regular expression) gets `id` as its indicator.
    #[serde(default)]
    #[tsify(optional)]
    pub indicators: Option<Vec<IndicatorRule>>,
}

/// Reads the options object (absent, `undefined` or `null`: the defaults).
fn options(value: JsValue, name: &str) -> Result<ParseOptions, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(ParseOptions::default());
    }
    if !value.is_object() {
        return Err(JsError::new(&format!(
            "govreport: {name}: options must be an object like {{ lang: 'en' }}"
        )));
    }
    // serde-wasm-bindgen reads a struct's own fields only, so a misspelt
    // key would pass unseen: the keys are checked first.
    known_keys(&value, &["lang", "indicators"], "options")
        .map_err(|e| JsError::new(&format!("govreport: {name}: {e}")))?;
    if let Ok(rules) = Reflect::get(&value, &"indicators".into()) {
        if Array::is_array(&rules) {
            for (i, rule) in Array::from(&rules).iter().enumerate() {
                if !rule.is_object() {
                    return Err(JsError::new(&format!("govreport: {name}: indicator rule {i} must be an object {{ id, name?, pattern, unit? }}")));
                }
                known_keys(&rule, &["id", "name", "pattern", "unit"], "indicator rule")
                    .map_err(|e| JsError::new(&format!("govreport: {name}: {e} (rule {i})")))?;
            }
        } else if !rules.is_undefined() && !rules.is_null() {
            return Err(JsError::new(&format!(
                "govreport: {name}: indicators must be an array of {{ id, name?, pattern, unit? }}"
            )));
        }
    }
    let options: Options = serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("govreport: {name}: options: {e}")))?;
    let lang = Lang::from_tag(options.lang.as_deref().unwrap_or("zh"));
    let rules = Indicators::new(options.indicators.unwrap_or_default())
        .map_err(|e| JsError::new(&format!("govreport: {name}: {e}")))?;
    Ok(ParseOptions::default()
        .with_lang(lang)
        .with_indicators(rules))
}

/// An error naming the first key of `value` (an object) that is not one
/// of `known`.
fn known_keys(value: &JsValue, known: &[&str], what: &str) -> Result<(), String> {
    if !value.is_object() {
        return Ok(());
    }
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            let expected = known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(format!(
                "{what}: unknown field `{key}`, expected one of {expected}"
            ));
        }
    }
    Ok(())
}

fn text_of(value: &JsValue, name: &str) -> Result<String, JsError> {
    value
        .as_string()
        .ok_or_else(|| JsError::new(&format!("govreport: {name}: text must be a string")))
}

/// A report (or a comparison) as a plain JavaScript object.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("govreport: cannot hand over the result: {e}")))
}

/// Builds the viewer of `report` (read from `text`) in `root`, and hands
/// the report over.
fn show(
    root: &web_sys::Element,
    text: &str,
    report: &Report,
    lang: Lang,
    run: Option<&Function>,
) -> Result<JsValue, JsError> {
    view::render(root, text, report, lang, run).map_err(|e| {
        JsError::new(&format!(
            "govreport: cannot build the viewer: {}",
            view::error_text(&e)
        ))
    })?;
    to_js(report)
}

/// Parses report text into the contract's plain object.
///
/// # Errors
///
/// `text` is not a string, or `options` is not `{ lang?, indicators? }`
/// (an unknown key, a rule whose pattern does not compile: the message
/// names the rule and the character position).
#[wasm_bindgen(js_name = parse, unchecked_return_type = "Report")]
pub fn parse_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let text = text_of(&text, "parse(text)")?;
    let options = self::options(options, "parse(text, options)")?;
    to_js(&parse_with(&text, &options))
}

/// Renders the report of `text` into `root` (replacing its content) and
/// returns the report it shows. `run(parent, start, end)`, when given,
/// appends `text.slice(start, end)` to `parent`: the text is already in
/// JavaScript, and copying each run out of wasm memory would cost a decode.
///
/// # Errors
///
/// As [`parse_js`], or a DOM call failed.
#[wasm_bindgen(js_name = render, unchecked_return_type = "Report")]
pub fn render_js(
    root: &web_sys::Element,
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "((parent: Element, start: number, end: number) => void) | undefined"
    )]
    run: Option<Function>,
) -> Result<JsValue, JsError> {
    let options = self::options(options, "render(root, text, options)")?;
    show(
        root,
        text,
        &parse_with(text, &options),
        options.lang,
        run.as_ref(),
    )
}

/// Reads a document object `{ text, tables }` (what `documentOf` builds
/// from the DOM; `tables` hold grids of `{ span, copy }` cells).
fn document_of(value: JsValue, name: &str) -> Result<Document, JsError> {
    if !value.is_object() {
        return Err(JsError::new(&format!(
            "govreport: {name}: document must be an object {{ text, tables }}"
        )));
    }
    known_keys(&value, &["text", "tables", "warnings"], "document")
        .map_err(|e| JsError::new(&format!("govreport: {name}: {e}")))?;
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("govreport: {name}: document: {e}")))
}

/// Parses a document (text with its tables as grids, as built from HTML)
/// into the contract's plain object; the report's `text` is the
/// document's, which its spans index.
///
/// # Errors
///
/// `document` is not `{ text, tables }`, or `options` as for [`parse_js`].
#[wasm_bindgen(js_name = parseDocument, unchecked_return_type = "Report")]
pub fn parse_document_js(
    #[wasm_bindgen(unchecked_param_type = "Document")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let document = document_of(document, "parseDocument(document)")?;
    let options = self::options(options, "parseDocument(document, options)")?;
    to_js(&parse_document(&document, &options))
}

/// [`render_js`] for a document: renders its report (tables as tables)
/// into `root` and returns the report.
///
/// # Errors
///
/// As [`parse_document_js`], or a DOM call failed.
#[wasm_bindgen(js_name = renderDocument, unchecked_return_type = "Report")]
pub fn render_document_js(
    root: &web_sys::Element,
    #[wasm_bindgen(unchecked_param_type = "Document")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "((parent: Element, start: number, end: number) => void) | undefined"
    )]
    run: Option<Function>,
) -> Result<JsValue, JsError> {
    let document = document_of(document, "renderDocument(root, document)")?;
    let options = self::options(options, "renderDocument(root, document, options)")?;
    let report = parse_document(&document, &options);
    show(root, &document.text, &report, options.lang, run.as_ref())
}

/// A report and its text, from a string or a document.
fn report_of(
    value: JsValue,
    options: &ParseOptions,
    name: &str,
) -> Result<(Report, String), JsError> {
    if let Some(text) = value.as_string() {
        let report = parse_with(&text, options);
        return Ok((report, text));
    }
    let document = document_of(value, name)?;
    let report = parse_document(&document, options);
    Ok((report, document.text))
}

/// Compares two reports, each a text or a document `{ text, tables }`:
/// the contract's comparison object.
///
/// # Errors
///
/// An argument is neither a string nor a document, or `options` as for
/// [`parse_js`].
#[wasm_bindgen(js_name = compare, unchecked_return_type = "Comparison")]
pub fn compare_js(
    #[wasm_bindgen(unchecked_param_type = "string | Document")] older: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Document")] newer: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = self::options(options, "compare(older, newer, options)")?;
    let (a, ta) = report_of(older, &options, "compare(older)")?;
    let (b, tb) = report_of(newer, &options, "compare(older, newer)")?;
    to_js(&crate::compare(&a, &ta, &b, &tb, options.lang))
}

/// The viewer's labels in a language, `{ key: text }`.
#[wasm_bindgen(unchecked_return_type = "Record<string, string>")]
pub fn labels(lang: &str) -> Object {
    let lang = Lang::from_tag(lang);
    let out = Object::new();
    for (key, _, _) in crate::i18n::sorted_labels() {
        // Setting a property of a fresh plain object cannot fail.
        let _ = Reflect::set(&out, &JsValue::from_str(key), &lang.label(key).into());
    }
    out
}

/// The name of a canonical indicator id in a language, or `undefined`.
#[wasm_bindgen(js_name = indicatorName)]
pub fn indicator_name(id: &str, lang: &str) -> Option<String> {
    crate::indicator(id).map(|row| match Lang::from_tag(lang) {
        Lang::En => row.en.to_string(),
        Lang::Zh => row.zh.to_string(),
    })
}

/// Every canonical indicator id, in the taxonomy's order, then those
/// derived from the tables.
#[wasm_bindgen(js_name = indicatorIds, unchecked_return_type = "string[]")]
pub fn indicator_ids() -> Array {
    crate::INDICATORS
        .iter()
        .chain(crate::parse::tables::derived::DERIVED)
        .map(|row| JsValue::from_str(row.id))
        .collect()
}

/// Panics on purpose. Exists only so that the browser tests can check that
/// a panic reaches JavaScript as an `Error` and leaves other viewers
/// working; not part of the documented API.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTest)]
pub fn panic_for_test() {
    panic!("govreport: test panic");
}
