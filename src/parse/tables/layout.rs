//! The three tables of the national format (`disclosure.md`): their rows,
//! their columns, and the words that name them. Data, read by
//! [`super::rows`].

use crate::{TableFormat, TableKind};

/// Columns of `requests`, in the order the format prints them.
pub const REQUEST_COLUMNS: [&str; 7] = [
    "natural",
    "business",
    "research",
    "public_welfare",
    "legal_services",
    "other_org",
    "total",
];

/// Groups of `appeals`, in print order.
pub const APPEAL_GROUPS: [&str; 3] = ["review", "suit_direct", "suit_after_review"];

/// Columns of each `appeals` group, in print order.
pub const APPEAL_COLUMNS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];

/// A row of `requests`: its id and the words of its label, the most
/// specific rows first so that a label that runs into its neighbours'
/// (`三、本年度办理结果（三）不予公开1.属于国家秘密`) finds its own.
pub struct RequestRow {
    /// `withheld.secret`.
    pub id: &'static str,
    /// Any of these in the label (whitespace removed).
    pub words: &'static [&'static str],
}

const fn row(id: &'static str, words: &'static [&'static str]) -> RequestRow {
    RequestRow { id, words }
}

/// Label words of every `requests` row but 其他处理 and 总计, which need the
/// format and the context.
pub const REQUEST_WORDS: &[RequestRow] = &[
    row("new", &["本年新收"]),
    row("carried_in", &["上年结转"]),
    row("carried_out", &["结转下年", "转下年度"]),
    row("withheld.secret", &["国家秘密"]),
    row("withheld.prohibited", &["禁止公开"]),
    row("withheld.three_safety", &["三安全一稳定", "危及"]),
    row("withheld.third_party", &["第三方"]),
    row("withheld.internal", &["内部事务"]),
    row("withheld.process", &["过程性"]),
    row("withheld.enforcement_file", &["执法案卷"]),
    row("withheld.inquiry", &["行政查询"]),
    row("unavailable.not_held", &["不掌握"]),
    row("unavailable.needs_creation", &["现成信息", "另行制作"]),
    row("unavailable.unclear", &["不明确"]),
    row("not_handled.petition", &["信访"]),
    row("not_handled.repeat", &["重复申请"]),
    row("not_handled.publication", &["出版物"]),
    row("not_handled.mass_repeat", &["大量反复"]),
    row("not_handled.confirmation", &["重新出具", "确认或"]),
    row("other.no_supplement", &["不补正"]),
    row("other.no_fee", &["缴纳费用", "收费通知"]),
    row("partly", &["部分公开"]),
    row("disclosed", &["予以公开"]),
];

/// The rows of `requests` both formats share, in print order, up to
/// （六）其他处理.
macro_rules! request_rows {
    ($($tail:literal),*) => {
        [
            "new", "carried_in", "disclosed", "partly",
            "withheld.secret", "withheld.prohibited", "withheld.three_safety",
            "withheld.third_party", "withheld.internal", "withheld.process",
            "withheld.enforcement_file", "withheld.inquiry",
            "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear",
            "not_handled.petition", "not_handled.repeat", "not_handled.publication",
            "not_handled.mass_repeat", "not_handled.confirmation",
            $($tail),*
        ]
    };
}

/// The rows of `requests` in print order, for a format.
pub fn request_rows(format: TableFormat) -> &'static [&'static str] {
    const R2021: [&str; 25] = request_rows!(
        "other.no_supplement",
        "other.no_fee",
        "other.other",
        "results_total",
        "carried_out"
    );
    const R2019: [&str; 23] = request_rows!("other", "results_total", "carried_out");
    match format {
        TableFormat::Revised2021 => &R2021,
        TableFormat::Trial2019 => &R2019,
    }
}

/// The result rows of 三、本年度办理结果 that （七）总计 sums.
pub fn result_rows(format: TableFormat) -> &'static [&'static str] {
    let rows = request_rows(format);
    // From 予以公开 to the row before 总计.
    &rows[2..rows.len() - 2]
}

/// A row of `active`: id, label words, columns in each format.
pub struct ActiveRow {
    /// `normative`.
    pub id: &'static str,
    /// Any of these in the label.
    pub words: &'static [&'static str],
    /// Columns in the 2021 format (empty: no such row).
    pub columns_2021: &'static [&'static str],
    /// Columns in the 2019 format.
    pub columns_2019: &'static [&'static str],
}

/// The rows of `active`, most specific words first.
pub const ACTIVE_ROWS: &[ActiveRow] = &[
    ActiveRow {
        id: "other_services",
        words: &["对外管理服务"],
        columns_2021: &[],
        columns_2019: &["prev_items", "change", "decisions"],
    },
    ActiveRow {
        id: "normative",
        words: &["规范性文件"],
        columns_2021: &["issued", "repealed", "in_force"],
        columns_2019: &["made", "published", "published_total"],
    },
    ActiveRow {
        id: "rules",
        words: &["规章"],
        columns_2021: &["issued", "repealed", "in_force"],
        columns_2019: &["made", "published", "published_total"],
    },
    ActiveRow {
        id: "licensing",
        words: &["行政许可"],
        columns_2021: &["decisions"],
        columns_2019: &["prev_items", "change", "decisions"],
    },
    ActiveRow {
        id: "penalty",
        words: &["行政处罚"],
        columns_2021: &["decisions"],
        columns_2019: &["prev_items", "change", "decisions"],
    },
    ActiveRow {
        id: "coercion",
        words: &["行政强制"],
        columns_2021: &["decisions"],
        columns_2019: &["prev_items", "change", "decisions"],
    },
    ActiveRow {
        id: "fees",
        words: &["事业性收费"],
        columns_2021: &["amount"],
        columns_2019: &["prev_items", "change"],
    },
    ActiveRow {
        id: "procurement",
        words: &["集中采购"],
        columns_2021: &[],
        columns_2019: &["items", "amount"],
    },
];

impl ActiveRow {
    /// The row's columns in `format`.
    pub fn columns(&self, format: TableFormat) -> &'static [&'static str] {
        match format {
            TableFormat::Revised2021 => self.columns_2021,
            TableFormat::Trial2019 => self.columns_2019,
        }
    }
}

/// Every canonical cell id of both formats (`disclosure.md`), in print
/// order: `active`, `requests`, `appeals`; each id once.
///
/// ```
/// let ids = govreport::cell_ids();
/// assert!(ids.contains(&"requests.new.natural".to_string()));
/// assert!(ids.contains(&"active.procurement.amount".to_string()));
/// assert_eq!(ids.iter().filter(|id| id.starts_with("appeals.")).count(), 15);
/// ```
pub fn cell_ids() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |id: String| {
        if !out.contains(&id) {
            out.push(id);
        }
    };
    for f in [TableFormat::Revised2021, TableFormat::Trial2019] {
        for r in ACTIVE_ROWS {
            for c in r.columns(f) {
                push(format!("active.{}.{c}", r.id));
            }
        }
    }
    for f in [TableFormat::Revised2021, TableFormat::Trial2019] {
        for r in request_rows(f) {
            for c in REQUEST_COLUMNS {
                push(format!("requests.{r}.{c}"));
            }
        }
    }
    for g in APPEAL_GROUPS {
        for c in APPEAL_COLUMNS {
            push(format!("appeals.{g}.{c}"));
        }
    }
    out
}

/// Words of each format, in any table's labels.
const WORDS_2021: &[&str] = &["本年制发", "本年废止", "现行有效", "不补正", "缴纳费用"];
const WORDS_2019: &[&str] = &[
    "新制作",
    "新公开数量",
    "对外公开总数",
    "上一年项目",
    "集中采购",
];

/// The format the labels tell, if they do (2021 words win: the revised
/// format kept some of the trial's).
pub fn format_of(labels: &str) -> Option<TableFormat> {
    if WORDS_2021.iter().any(|w| labels.contains(w)) {
        Some(TableFormat::Revised2021)
    } else if WORDS_2019.iter().any(|w| labels.contains(w)) {
        Some(TableFormat::Trial2019)
    } else {
        None
    }
}

/// The kind a table's labels tell: the one whose words they hold most of
/// (two at least).
pub fn kind_of(labels: &str) -> Option<TableKind> {
    let count = |words: &[&str]| words.iter().filter(|w| labels.contains(*w)).count();
    let active = count(&[
        "规章",
        "规范性文件",
        "行政许可",
        "行政处罚",
        "行政强制",
        "事业性收费",
    ]);
    let requests = count(&[
        "本年新收",
        "上年结转",
        "予以公开",
        "部分公开",
        "不予公开",
        "无法提供",
    ]);
    let appeals = count(&["行政复议", "行政诉讼", "维持", "纠正", "尚未审结"]);
    let best = active.max(requests).max(appeals);
    if best < 2 {
        None
    } else if requests == best {
        Some(TableKind::Requests)
    } else if active == best {
        Some(TableKind::Active)
    } else {
        Some(TableKind::Appeals)
    }
}

/// The part headings under which each table is printed, and the words a
/// table's own text starts with right after its heading.
pub struct Part {
    /// The table.
    pub kind: TableKind,
    /// The heading's words.
    pub heading: &'static [&'static str],
    /// The first words of the table, soon after the heading.
    pub start: &'static [&'static str],
}

/// The three parts with tables, in print order.
pub const PARTS: [Part; 3] = [
    Part {
        kind: TableKind::Active,
        heading: &["主动公开政府信息情况"],
        start: &["第二十条", "信息内容"],
    },
    Part {
        kind: TableKind::Requests,
        heading: &["收到和处理政府信息公开申请情况"],
        start: &["（本列数据", "(本列数据", "申请人情况", "本年新收"],
    },
    Part {
        kind: TableKind::Appeals,
        heading: &[
            "行政复议、行政诉讼情况",
            "行政复议和行政诉讼情况",
            "行政复议、行政诉讼",
        ],
        start: &["行政复议"],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formats_list_the_rows_of_disclosure_md() {
        assert_eq!(request_rows(TableFormat::Revised2021).len(), 25);
        assert_eq!(request_rows(TableFormat::Trial2019).len(), 23);
        assert_eq!(result_rows(TableFormat::Trial2019).last(), Some(&"other"));
        assert_eq!(
            result_rows(TableFormat::Revised2021).first(),
            Some(&"disclosed")
        );
        assert!(request_rows(TableFormat::Revised2021)
            .iter()
            .all(|r| !r.is_empty()));
    }

    #[test]
    fn labels_tell_the_kind_and_the_format() {
        assert_eq!(kind_of("规章规范性文件行政许可"), Some(TableKind::Active));
        assert_eq!(
            kind_of("行政复议行政诉讼结果维持"),
            Some(TableKind::Appeals)
        );
        assert_eq!(kind_of("一段正文"), None);
        assert_eq!(
            format_of("信息内容本年制发件数"),
            Some(TableFormat::Revised2021)
        );
        assert_eq!(format_of("上一年项目数量"), Some(TableFormat::Trial2019));
    }
}
