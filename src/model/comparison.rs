//! The comparison of two reports (`shared/design/contract.md`,
//! "Comparison"): what [`crate::compare`] returns, serialised to exactly
//! the contract's JSON, with the fields this crate adds marked
//! *extension*.

use super::{Check, Span};
use serde::{Deserialize, Serialize};

/// Two reports compared: the older and the newer.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The older report.
    pub older: Side,
    /// The newer report.
    pub newer: Side,
    /// Sections aligned: the required parts by their role, other headings
    /// by title.
    pub sections: Vec<SectionPair>,
    /// Figures paired: the same canonical indicator, else the same subject
    /// and unit; never different units, never a level with a change.
    pub pairs: Vec<FigurePair>,
    /// *Extension.* Figures left unpaired, by side.
    pub unpaired: Unpaired,
    /// Every table cell of either report, with its difference.
    pub cells: Vec<CellPair>,
    /// Checks across years (`cross_year.requests.carried.natural`,
    /// `cross_year.active.in_force.rules`); their `cells` name each
    /// report's cell as `older.…` and `newer.…`.
    pub checks: Vec<Check>,
    /// Text of the newer report found in the older.
    pub reuse: Reuse,
}

/// One report of a comparison.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// Its title.
    pub title: Option<String>,
    /// The year it reports on.
    pub year: Option<i32>,
    /// Its publisher (发布机构), when the page names one.
    pub publisher: Option<String>,
}

/// How a section fares from the older report to the newer.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionStatus {
    /// Aligned, the same title and the same text.
    Same,
    /// Aligned, the text changed.
    Changed,
    /// Only in the newer report.
    Added,
    /// Only in the older report.
    Removed,
}

/// A section of one report aligned with one of the other, or alone.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionPair {
    /// Section id in the older report.
    pub older: Option<String>,
    /// Section id in the newer report.
    pub newer: Option<String>,
    /// Same, changed, added or removed.
    pub status: SectionStatus,
}

/// Two figures that measure the same thing.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FigurePair {
    /// The canonical indicator both carry, if that is what paired them.
    pub indicator: Option<String>,
    /// The newer figure's subject.
    pub subject: Option<String>,
    /// The unit both have.
    pub unit: Option<String>,
    /// Metric id in the older report.
    pub older: String,
    /// Metric id in the newer report.
    pub newer: String,
    /// The older value.
    pub older_value: f64,
    /// The newer value.
    pub newer_value: f64,
    /// Newer − older.
    pub difference: f64,
    /// Newer ÷ older; `None` when the older value is 0.
    pub ratio: Option<f64>,
}

/// *Extension.* Metric ids left without a pair.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unpaired {
    /// In the older report.
    pub older: Vec<String>,
    /// In the newer report.
    pub newer: Vec<String>,
}

/// A table cell of either report.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CellPair {
    /// Canonical id (`requests.new.natural`).
    pub id: String,
    /// Its value in the older report.
    pub older: Option<f64>,
    /// Its value in the newer report.
    pub newer: Option<f64>,
    /// Newer − older, when both have it.
    pub difference: Option<f64>,
}

/// Text of the newer report found in the older.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Reuse {
    /// Of the newer report's characters (blanks not counted), the share in
    /// sentences found in the older one, 0..1.
    pub share: f64,
    /// Each reused sentence: its span in the older text and in the newer.
    pub spans: Vec<ReusedSpan>,
    /// *Extension.* The share per top-level section of the newer report.
    pub sections: Vec<SectionShare>,
}

/// A sentence of the newer report found in the older.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReusedSpan {
    /// Where it is in the older text.
    pub older: Span,
    /// Where it is in the newer text.
    pub newer: Span,
    /// *Extension.* Word for word (`false`: a few characters changed,
    /// such as dates and figures).
    pub verbatim: bool,
}

/// *Extension.* The reused share of one section.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SectionShare {
    /// Section id in the newer report.
    pub section: String,
    /// Its reused share, 0..1.
    pub share: f64,
}
