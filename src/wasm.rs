//! The wasm bindings: what JavaScript calls. They convert arguments and
//! results and otherwise hand over to [`crate::parse_with`] and
//! [`crate::view::render`].
//!
//! Errors in arguments throw a JavaScript `Error` with a sentence that
//! names the argument; problems in the report text are never errors (they
//! are `warnings` in the result).

use crate::{parse_with, view, Lang, ParseOptions, Report};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// Options of `parse` and `render` as JavaScript passes them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsOptions {
    /// `"zh"` (default) or `"en"`, or any BCP 47 tag.
    #[serde(default)]
    lang: Option<String>,
}

impl JsOptions {
    fn read(value: &JsValue) -> Result<JsOptions, JsError> {
        if value.is_undefined() || value.is_null() {
            return Ok(JsOptions::default());
        }
        serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
            JsError::new(&format!(
                "govreport: bad options ({e}); the only option is {{ lang: \"zh\" | \"en\" }}"
            ))
        })
    }

    fn lang(&self) -> Lang {
        self.lang.as_deref().map_or(Lang::Zh, Lang::from_tag)
    }
}

fn text_arg(text: &JsValue, what: &str) -> Result<String, JsError> {
    text.as_string()
        .ok_or_else(|| JsError::new(&format!("govreport: {what} must be a string")))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("govreport: cannot convert the result: {e}")))
}

#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "debug-panic")]
    console_error_panic_hook::set_once();
}

/// Parses report text; returns the contract's plain object.
#[wasm_bindgen(js_name = parse, unchecked_return_type = "Report")]
pub fn parse_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ParseOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = JsOptions::read(&options)?;
    let text = text_arg(&text, "parse(text): text")?;
    to_js(&parse_with(
        &text,
        ParseOptions::default().with_lang(options.lang()),
    ))
}

/// Renders a report into `root` (replacing its content) and returns the
/// report it shows. `report` may be a result of `parse(text)` to skip
/// parsing again; it must come from the same text.
#[wasm_bindgen(js_name = render, unchecked_return_type = "Report")]
pub fn render_js(
    root: &web_sys::Element,
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Report | undefined")] report: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ParseOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = JsOptions::read(&options)?;
    let text = text_arg(&text, "render(root, text): text")?;
    let lang = options.lang();
    let report: Report = if report.is_undefined() || report.is_null() {
        parse_with(&text, ParseOptions::default().with_lang(lang))
    } else {
        serde_wasm_bindgen::from_value(report).map_err(|e| {
            JsError::new(&format!(
                "govreport: render(…, report): not a report from parse(): {e}"
            ))
        })?
    };
    view::render(root, &text, &report, lang).map_err(|e| {
        JsError::new(&format!(
            "govreport: cannot build the viewer: {}",
            e.as_string().unwrap_or_else(|| format!("{e:?}"))
        ))
    })?;
    to_js(&report)
}

/// The viewer's labels in a language, as `{ key: text }` (for the shim's
/// tooltips and messages).
#[wasm_bindgen(js_name = labels)]
pub fn labels_js(lang: &str) -> Result<JsValue, JsError> {
    let lang = Lang::from_tag(lang);
    let obj = js_sys::Object::new();
    for (key, _, _) in crate::LABELS {
        js_sys::Reflect::set(
            &obj,
            &JsValue::from_str(key),
            &JsValue::from_str(lang.label(key)),
        )
        .map_err(|_| JsError::new("govreport: cannot build labels"))?;
    }
    Ok(obj.into())
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
