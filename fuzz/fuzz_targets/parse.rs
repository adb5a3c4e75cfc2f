//! `parse` on arbitrary text: it must not panic, hang or lose text, and
//! every output must keep the guarantees of `govreport::validate`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Bytes as a page might deliver them: lossily decoded, as a browser
    // turns invalid UTF-8 (and JavaScript lone surrogates) into U+FFFD.
    let text = String::from_utf8_lossy(data);
    let report = govreport::parse(&text);
    let errors = govreport::validate(&text, &report);
    assert!(errors.is_empty(), "{errors:?}");
});
