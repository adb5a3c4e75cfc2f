//! Where the long reports are: `../shared/corpus/long` when present, else
//! the copies in `tests/fixtures/long`. Shared by the benchmark and the
//! stress test (`#[path]`-included).

use std::path::{Path, PathBuf};

/// The folder of long reports.
pub fn long_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/corpus/long");
    if shared.is_dir() {
        shared
    } else {
        root.join("tests/fixtures/long")
    }
}
