//! A document as blocks: its text (paragraphs one per line) and its tables
//! as grids. What the HTML reader builds from a page and what the viewer
//! builds from the DOM it upgrades; [`crate::parse_document`] reads it.

use crate::Span;
use serde::{Deserialize, Serialize};

/// Text with its tables as grids. Spans are UTF-16 code units of `text`.
///
/// ```
/// use govreport::{Document, GridCell, GridTable, Span};
/// let text = "二、主动公开政府信息情况\n规章\t0\t0\t3\n规范性文件\t5\t1\t20\n";
/// // The cells' UTF-16 offsets, as the viewer takes them from the DOM.
/// let (mut rows, mut at) = (Vec::new(), 13);
/// for line in ["规章\t0\t0\t3", "规范性文件\t5\t1\t20"] {
///     let mut row = Vec::new();
///     for cell in line.split('\t') {
///         let len = cell.encode_utf16().count() as u32;
///         row.push(GridCell { span: Span::new(at, at + len), copy: false });
///         at += len + 1;
///     }
///     rows.push(row);
/// }
/// let table = GridTable { span: Span::new(13, at - 1), rows };
/// let doc = Document { text: text.into(), tables: vec![table], warnings: vec![] };
/// let report = govreport::parse_document(&doc, &Default::default());
/// let cell = |id: &str| report.tables[0].cells.iter().find(|c| c.id == id).map(|c| c.value);
/// assert_eq!(cell("active.rules.in_force"), Some(3.0));
/// assert_eq!(cell("active.normative.issued"), Some(5.0));
/// assert_eq!(report.text.as_deref(), Some(text));
/// ```
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The document's text: each paragraph on its own line; a table's rows
    /// on lines of their own, cells separated by tabs.
    pub text: String,
    /// Its tables, in document order, each on whole lines of `text`.
    #[serde(default)]
    pub tables: Vec<GridTable>,
    /// What the reader that built it could not read (a table inside a
    /// table, a table past the limits), in words; the report repeats them.
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// A table of a [`Document`]: its rows, colspan and rowspan expanded.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GridTable {
    /// The table's lines in the text.
    pub span: Span,
    /// Rows of cells.
    pub rows: Vec<Vec<GridCell>>,
}

/// A position of a [`GridTable`].
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridCell {
    /// The cell's text.
    pub span: Span,
    /// Covered by the colspan or rowspan of a cell before it (whose span
    /// it repeats): shown, but read once.
    #[serde(default)]
    pub copy: bool,
}
