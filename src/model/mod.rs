//! The public data model: exactly the objects of the parse contract
//! (`shared/design/contract.md`), with the fields this crate adds marked
//! *extension* in their docs.
//!
//! Every [`Span`] counts **UTF-16 code units of the input as given**, the
//! indices a JavaScript string uses, so `text.slice(start, end)` in
//! JavaScript (or [`Span::slice`] in Rust) returns exactly the item's text.
//! The native command line prints the same numbers, so its JSON is identical
//! to what the browser receives.

mod comparison;

pub use comparison::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A half-open range `[start, end)` of UTF-16 code units in the input.
///
/// Serialised as a two-element array `[start, end]`.
///
/// ```
/// use govreport::Span;
/// let text = "共办理𠀀案件553件";
/// // 𠀀 lies outside the BMP: it counts as two UTF-16 units.
/// let span = Span::new(7, 11);
/// assert_eq!(span.slice(text), Some("553件"));
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(from = "[u32; 2]", into = "[u32; 2]")]
pub struct Span {
    /// First UTF-16 code unit of the item.
    pub start: u32,
    /// One past its last UTF-16 code unit.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (UTF-16 code units).
    pub const fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }

    /// Number of UTF-16 code units covered.
    pub const fn len(&self) -> u32 {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies inside `self` (both ends included).
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text of this span in `text`, or `None` when the span does not fall
    /// on character boundaries of `text` or lies outside it. (It indexes
    /// the text first: to slice many spans of one text, keep a
    /// [`TextIndex`].)
    ///
    /// ```
    /// use govreport::Span;
    /// assert_eq!(Span::new(0, 2).slice("报告"), Some("报告"));
    /// assert_eq!(Span::new(0, 9).slice("报告"), None);
    /// ```
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        TextIndex::new(text).slice(*self)
    }
}

pub use crate::parse::text::TextIndex;

impl From<[u32; 2]> for Span {
    fn from([start, end]: [u32; 2]) -> Self {
        Span { start, end }
    }
}

impl From<Span> for [u32; 2] {
    fn from(span: Span) -> Self {
        [span.start, span.end]
    }
}

/// What `parse` returns: the whole reading of one report.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The report's own title line (`淄博市2021年度法治政府建设工作的报告`), or
    /// `None` when the text starts mid-report.
    pub title: Option<String>,
    /// Portal metadata lines, when present.
    pub meta: Meta,
    /// The year reported on (2021 for a report on 2021, published in 2022).
    pub year: Option<i32>,
    /// The heading tree, in document order.
    pub sections: Vec<Section>,
    /// Every quantity, in document order.
    pub metrics: Vec<Metric>,
    /// What the indicator logic concluded.
    pub checks: Vec<Check>,
    /// What could not be understood, in words (in the language of
    /// `ParseOptions::lang`).
    pub warnings: Vec<String>,
    /// *Extension.* The text before the first heading: page furniture,
    /// metadata lines, the title and the opening paragraphs. Together with
    /// every section's `heading_span` and `body_span` it covers the input
    /// exactly once.
    pub preamble: Span,
    /// *Extension.* Lines that are page furniture rather than report text,
    /// in order: in the preamble, a portal's navigation, `打印`/`字号`
    /// buttons, date banners, metadata and title lines; anywhere, a printed
    /// page's number (`— 3 —`) and running header. They stay reachable in
    /// the viewer, folded away or dimmed.
    pub furniture: Vec<Span>,
    /// *Extension.* Inline enumerations (`一是……二是……`) of the preamble.
    pub items: Vec<Item>,
    /// *Extension.* Length of the input in UTF-16 code units.
    pub length: u32,
    /// The statistical tables (政府信息公开工作年度报告, `disclosure.md`), each
    /// with its cells by canonical id. Empty for a report without tables.
    pub tables: Vec<Table>,
    /// Indicators computed from the tables' cells (受理总量, 予以公开率 …),
    /// each with the cells it comes from.
    pub derived: Vec<Derived>,
    /// The text the spans index, when it is not the input as given: for a
    /// document read from HTML, the text of its blocks (paragraphs one per
    /// line, a table's cells separated by tabs). `None` for text input.
    pub text: Option<String>,
}

/// Portal metadata (`索引号`, `文号`, `发文日期`, `发布机构`, …).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// 索引号.
    pub index_no: Option<String>,
    /// 文号 / 发文字号; `None` when absent or empty.
    pub doc_no: Option<String>,
    /// 发文日期 / 成文日期, as `YYYY-MM-DD`.
    pub issued: Option<String>,
    /// 发布日期 / 发布时间 / 时间 / 日期, as `YYYY-MM-DD`.
    pub published: Option<String>,
    /// 发布机构 / 发文单位 / 发文机关, else 来源.
    pub publisher: Option<String>,
    /// *Extension.* Every labelled field as written, in order (label without
    /// spaces, value trimmed; empty values kept as `""`).
    pub fields: Vec<Field>,
}

/// One labelled metadata field as the page writes it (*extension*).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// The label without spaces: `索引号`, `发布机构`.
    pub label: String,
    /// The value, trimmed; `""` when the page leaves it empty.
    pub value: String,
}

/// A heading and everything under it.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Stable within one parse: `s1`, `s1.2`, `s1.2.3`, from the position in
    /// the tree.
    pub id: String,
    /// 1 `一、`, 2 `（一）`, 3 `1.`, 4 `（1）` (GB/T 9704-2012). A heading line
    /// without a marker counts as level 1.
    pub level: u8,
    /// The marker exactly as in the text (`（三）`, `1．`), `""` for an
    /// unmarked heading line.
    pub marker: String,
    /// Heading text without marker and without the closing `。` of a run-in
    /// heading.
    pub title: String,
    /// The whole section: heading through the end of its last descendant.
    pub span: Span,
    /// The heading: marker, title and the closing `。` of a run-in heading.
    pub heading_span: Span,
    /// *Extension.* The section's own text: from the end of the heading to
    /// the first child heading (or the section's end).
    pub body_span: Span,
    /// Sub-sections, in document order.
    pub children: Vec<Section>,
    /// *Extension.* Inline enumerations (`一是……二是……`) of the section's own
    /// body.
    pub items: Vec<Item>,
}

/// One item of an inline enumeration (`二是依法行政有待规范。……`), *extension*.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// The ordinal as written: `二是`.
    pub marker: String,
    /// Its lead phrase: the text after the marker up to the first `。`,
    /// `；` or `，` (`依法行政有待规范`).
    pub title: String,
    /// From the marker to the next item or the end of its paragraph.
    pub span: Span,
}

/// How a stated value relates to the true one.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// As stated.
    #[default]
    Exact,
    /// 余 / 多 / 超过 / 突破: more than the value.
    Over,
    /// 近 / 接近: a little less than the value.
    Nearly,
    /// 约 / 左右: about the value.
    About,
    /// 以上 / 不少于: the value or more.
    AtLeast,
    /// 以内 / 不超过: the value or less.
    AtMost,
}

/// What a quantity counts or measures.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// Items counted with a measure word: 件, 项, 人次.
    #[default]
    Count,
    /// A share: `%`, `成` (tenths), fractions.
    Percent,
    /// `个百分点`.
    PercentagePoint,
    /// 元, 美元 (values in the base unit: 亿元 → 元).
    Money,
    /// A position in a ranking.
    Rank,
    /// Physical measures and durations: 吨, 公里, 小时, 年, 番.
    Other,
}

/// A quantity stated in the text.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// `m1`, `m2`, … in document order.
    pub id: String,
    /// Surface form: `2.4万余人次`, `近20个`, `90%以上`.
    pub text: String,
    /// Where `text` is.
    pub span: Span,
    /// Resolved in the base unit: `2.4万余人次` → 24000.
    pub value: f64,
    /// *Extension.* Upper end of a range (`3至5个` → value 3, upper 5).
    pub upper: Option<f64>,
    /// Base unit: `人次`, `件`, `%`, `元`, `个百分点`; `None` when the text
    /// names none (`508万`). Borrowed from the unit table when parsed (no
    /// allocation per metric); owned when deserialised.
    #[serde(serialize_with = "static_str")]
    pub unit: Option<Cow<'static, str>>,
    /// 余/多/超过/突破 → over; 近 → nearly; 约/左右 → about; 以上 → at least;
    /// 以内 → at most.
    pub qualifier: Qualifier,
    /// What it counts or measures.
    pub kind: MetricKind,
    /// *Extension (asked for by the contract's indicator issue).* True for a
    /// change or comparison (`增长5.4%`, `高于全国0.4个百分点`, `翻番`), false
    /// for a level (`达到100%`, `提高到90%`).
    pub change: bool,
    /// The phrase it measures: `诉前成功调解案件`.
    pub subject: Option<String>,
    /// Canonical indicator id (`admin_reconsideration_correction_rate.comprehensive`),
    /// when it maps to one of [`crate::INDICATORS`]. Borrowed from the table
    /// when parsed; owned when deserialised.
    #[serde(serialize_with = "static_str")]
    pub indicator: Option<Cow<'static, str>>,
    /// Id of the innermost section it lies in.
    pub section: Option<String>,
}

/// Serialises a string of the crate's own tables (a unit, an indicator id)
/// as serde's unit variant of that name: the same string to every format
/// (serde_json writes `"件"`), and one that serde-wasm-bindgen converts
/// to a JavaScript string once and then reuses, instead of decoding the
/// same few bytes for every metric.
fn static_str<S: serde::Serializer>(
    value: &Option<Cow<'static, str>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        None => serializer.serialize_none(),
        Some(Cow::Borrowed(s)) => serializer.serialize_some(&Interned(s)),
        Some(Cow::Owned(s)) => serializer.serialize_some(s),
    }
}

struct Interned(&'static str);

impl Serialize for Interned {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit_variant("", 0, self.0)
    }
}

/// Outcome of a check.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// Satisfied.
    #[default]
    Pass,
    /// Worth a reviewer's look.
    Warn,
    /// A required part is missing or a figure contradicts another.
    Fail,
}

/// What the indicator logic concludes about the report as a whole.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// `required.next_year_plan`, `consistency.rate`, …
    pub id: String,
    /// Pass, warn or fail.
    pub status: CheckStatus,
    /// One sentence a reviewer can read.
    pub message: String,
    /// Ids of the metrics involved, if any.
    pub metrics: Vec<String>,
    /// The section it is about, if any.
    pub section: Option<String>,
    /// Canonical ids of the table cells involved (`requests.new.total`), if
    /// any.
    pub cells: Vec<String>,
}

/// Which of the three statistical tables of a 政府信息公开工作年度报告 a
/// table is.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// 二、主动公开政府信息情况.
    Active,
    /// 三、收到和处理政府信息公开申请情况.
    Requests,
    /// 四、政府信息公开行政复议、行政诉讼情况.
    Appeals,
}

/// The national format a table follows.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TableFormat {
    /// The trial format of 国办公开办函〔2019〕60号 (reports on 2019 and 2020).
    #[serde(rename = "2019")]
    Trial2019,
    /// The revised format of 国办公开办函〔2021〕30号 (reports on 2021 on).
    #[serde(rename = "2021")]
    Revised2021,
}

/// A table of the document, as read.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// `t1`, `t2`, … in document order.
    pub id: String,
    /// Which statistical table it is; `None` for any other table.
    pub kind: Option<TableKind>,
    /// The format its labels follow, when they tell.
    pub format: Option<TableFormat>,
    /// The whole table in the text.
    pub span: Span,
    /// The grid as read (colspan and rowspan expanded, header rows
    /// included), each cell's text trimmed.
    pub rows: Vec<Vec<String>>,
    /// Every cell mapped to a canonical id, in reading order.
    pub cells: Vec<Cell>,
}

/// An indicator computed from table cells (`disclosure.substantive_rate`
/// = (（一）+（二）) ÷ 受理总量).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Derived {
    /// `d1`, `d2`, … in order.
    pub id: String,
    /// Its canonical indicator (names: [`crate::indicator`]).
    pub indicator: String,
    /// The value (a percentage for a rate, rounded to two places).
    pub value: f64,
    /// `%` or `件`.
    pub unit: Option<String>,
    /// The cells it is computed from.
    pub cells: Vec<String>,
}

/// One cell of a statistical table, by canonical id.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// `requests.new.natural`: `TABLE.ROW.COLUMN` (`disclosure.md`).
    pub id: String,
    /// The number printed (0 for a blank cell).
    pub value: f64,
    /// Where it is printed; `None` when it was recovered from inside a run
    /// of digits.
    pub span: Option<Span>,
    /// Printed empty, `/` or `—`: the value is 0.
    pub blank: bool,
    /// Its boundaries were lost (digits run together) and recovered with
    /// the format's arithmetic, the only split that satisfies it.
    pub recovered: bool,
}

impl Report {
    /// Every section of the tree, parents before children, in document order.
    ///
    /// ```
    /// let report = govreport::parse("一、总体情况\n（一）主动公开\n内容。\n二、存在问题\n");
    /// let ids: Vec<&str> = report.all_sections().map(|s| s.id.as_str()).collect();
    /// assert_eq!(ids, ["s1", "s1.1", "s2"]);
    /// ```
    pub fn all_sections(&self) -> impl Iterator<Item = &Section> {
        let mut stack: Vec<&Section> = self.sections.iter().rev().collect();
        std::iter::from_fn(move || {
            let next = stack.pop()?;
            stack.extend(next.children.iter().rev());
            Some(next)
        })
    }

    /// The section with this id, if any. The parser's ids are paths
    /// (`s2.3` is the third child of the second section), followed
    /// directly; any other id is searched for.
    pub fn section(&self, id: &str) -> Option<&Section> {
        let by_path = || {
            let mut list = &self.sections;
            let mut found = None;
            for part in id.strip_prefix('s')?.split('.') {
                let k: usize = part.parse().ok()?;
                let s = list.get(k.checked_sub(1)?)?;
                list = &s.children;
                found = Some(s);
            }
            found
        };
        by_path()
            .filter(|s| s.id == id)
            .or_else(|| self.all_sections().find(|s| s.id == id))
    }
}

impl Qualifier {
    /// The JSON name: `exact`, `over`, `nearly`, `about`, `at_least`, `at_most`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Over => "over",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }
}

impl MetricKind {
    /// Every kind, in declaration order: `ALL[k.index()] == k`.
    pub const ALL: [MetricKind; 6] = [
        MetricKind::Count,
        MetricKind::Percent,
        MetricKind::PercentagePoint,
        MetricKind::Money,
        MetricKind::Rank,
        MetricKind::Other,
    ];

    /// Position in declaration order, 0 (`Count`) to 5 (`Other`), for
    /// tables indexed by kind.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The JSON name: `count`, `percent`, `percentage_point`, `money`, `rank`, `other`.
    pub const fn as_str(self) -> &'static str {
        match self {
            MetricKind::Count => "count",
            MetricKind::Percent => "percent",
            MetricKind::PercentagePoint => "percentage_point",
            MetricKind::Money => "money",
            MetricKind::Rank => "rank",
            MetricKind::Other => "other",
        }
    }
}

impl CheckStatus {
    /// The JSON name: `pass`, `warn`, `fail`.
    pub const fn as_str(self) -> &'static str {
        match self {
            CheckStatus::Pass => "pass",
            CheckStatus::Warn => "warn",
            CheckStatus::Fail => "fail",
        }
    }
}

/// A value as a person writes it: no trailing `.0`, no exponent for the
/// magnitudes these reports use (`5.2万亿元` → `5200000000000`).
///
/// ```
/// assert_eq!(govreport::format_number(24000.0), "24000");
/// assert_eq!(govreport::format_number(50.63), "50.63");
/// ```
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        crate::number::plain(v)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn section_by_id_follows_the_path_and_falls_back_to_a_search() {
        let text = "某市2021年度法治政府建设情况报告\n一、总体\n（一）第一\n1.办理12件。\n2.办理3件。\n（二）第二\n1.共5个。\n二、其他\n（一）再一\n";
        let mut report = crate::parse(text);
        let ids: Vec<String> = report.all_sections().map(|s| s.id.clone()).collect();
        assert_eq!(
            ids,
            ["s1", "s1.1", "s1.1.1", "s1.1.2", "s1.2", "s1.2.1", "s2", "s2.1"]
        );
        for id in &ids {
            assert_eq!(report.section(id).map(|s| &s.id), Some(id));
        }
        for missing in [
            "s9", "s1.9", "s1.1.1.1", "s0", "s", "x1", "s1..2", "s-1", "",
        ] {
            assert!(report.section(missing).is_none(), "{missing}");
        }
        // Ids that are not paths are still found, and a path whose section
        // has another id does not hide the section that has it.
        report.sections[0].children[1].id = "custom".into();
        report.sections[1].id = "s1".into();
        assert_eq!(
            report.section("custom").map(|s| s.title.as_str()),
            Some("第二")
        );
        assert_eq!(report.section("s1").map(|s| s.title.as_str()), Some("总体"));
        report.sections[0].id = "first".into();
        assert_eq!(report.section("s1").map(|s| s.title.as_str()), Some("其他"));
    }
}
