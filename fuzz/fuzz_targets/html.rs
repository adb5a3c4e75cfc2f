//! The HTML reader and the table reader on arbitrary markup: they must not
//! panic or hang, and every report keeps the guarantees of
//! `govreport::validate` over the document's text. Inputs start from a
//! portal table, so that mutations reach colspan, rowspan and cells.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let doc = govreport::html::read(&page, govreport::Lang::Zh);
    let report = govreport::parse_document(&doc, &Default::default());
    let errors = govreport::validate(&doc.text, &report);
    assert!(errors.is_empty(), "{errors:?}");
});
