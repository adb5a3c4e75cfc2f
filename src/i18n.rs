//! Every word govreport says to a person: warnings, check sentences and the
//! viewer's labels, in one table. A third language is one more column.

use serde::{Deserialize, Serialize};

/// A language of the messages and the viewer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese (the default: the viewer runs on Chinese portals).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Reads a BCP 47 tag: `en`, `en-GB` → English; anything else → Chinese.
    ///
    /// ```
    /// use govreport::Lang;
    /// assert_eq!(Lang::from_tag("en-US"), Lang::En);
    /// assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
    /// ```
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if primary == "en" {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// The label `key` of the table of labels in this language (the key itself when
    /// unknown).
    pub fn label(self, key: &str) -> &'static str {
        // A binary search over the table's order by key (sorted when
        // compiling: no sorting code in the wasm).
        let i = SORTED.partition_point(|&i| LABELS[usize::from(i)].0 < key);
        SORTED
            .get(i)
            .map(|&i| &LABELS[usize::from(i)])
            .filter(|l| l.0 == key)
            .map_or("", |l| match self {
                Lang::Zh => l.1,
                Lang::En => l.2,
            })
    }

    /// The sentence for a message: the label with `{0}`, `{1}` … replaced
    /// by the arguments, in one pass.
    pub fn say(self, msg: Msg) -> String {
        let (key, args) = msg.parts();
        let template = self.label(key);
        let mut out =
            String::with_capacity(template.len() + args.iter().map(String::len).sum::<usize>());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let arg = after[..digits]
                .parse::<usize>()
                .ok()
                .filter(|_| after[digits..].starts_with('}'))
                .and_then(|i| args.get(i));
            match arg {
                Some(a) => {
                    out.push_str(a);
                    rest = &after[digits + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// `a < b` on bytes, usable when compiling.
const fn key_less(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

/// Indices of [`LABELS`] in key order (a stable insertion sort run by the
/// compiler: with a duplicate key the first row wins).
static SORTED: [u16; LABELS.len()] = {
    let mut idx = [0u16; LABELS.len()];
    let mut i = 0;
    while i < idx.len() {
        idx[i] = i as u16;
        i += 1;
    }
    let mut i = 1;
    while i < idx.len() {
        let mut j = i;
        while j > 0 && key_less(LABELS[idx[j] as usize].0, LABELS[idx[j - 1] as usize].0) {
            let t = idx[j];
            idx[j] = idx[j - 1];
            idx[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    idx
};

/// The rows of [`LABELS`] in key order (the order of the label object the
/// wasm bindings hand to JavaScript).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn sorted_labels(
) -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
    SORTED.iter().map(|&i| &LABELS[usize::from(i)])
}

/// `(key, 中文, English)`. Placeholders `{0}`, `{1}` … take the message's
/// arguments in order.
pub const LABELS: &[(&str, &str, &str)] = &[
    // warnings
    ("warn.too_long", "文本过长（{0} 字节，上限 {1} 字节），未做分析，原文照常显示。", "The text is too long ({0} bytes, limit {1}); it was not analysed and is shown as is."),
    ("warn.too_many_sections", "标题超过 {0} 个，其后的标题按正文处理。", "More than {0} headings; later heading lines are treated as body text."),
    ("warn.too_much_furniture", "网页附加内容超过 {0} 行或 {0} 个字段，其后的按正文处理。", "More than {0} lines or fields of page furniture; later ones are treated as body text."),
    ("warn.too_many_page_lines", "页码和页眉超过 {0} 行，其后的按正文处理。", "More than {0} page numbers and running headers; later ones are treated as body text."),
    ("warn.too_many_metrics", "数据超过 {0} 项，其后的数据未标注。", "More than {0} figures; later figures are not marked."),
    ("warn.no_chinese", "文本中没有中文，不像是政府报告。", "The text has no Chinese characters; it does not look like a government report."),
    ("warn.no_headings", "未找到“一、”“（一）”等层次标题，全文按一段显示。", "No numbered headings (一、, （一）…) were found; the text is shown as one block."),
    // checks
    ("check.measures.pass", "有“主要举措和成效”部分：{0}。", "The main measures and results are reported: {0}."),
    ("check.measures.fail", "未找到“上一年度推进法治政府建设的主要举措和成效”部分。", "No part on the main measures and results of the year was found."),
    ("check.problems.pass", "有“存在的不足和原因”部分，并分析了原因：{0}。", "Shortcomings and their causes are reported: {0}."),
    ("check.problems.no_causes", "列出了存在的问题（{0}），但未说明原因。", "Problems are listed ({0}) but their causes are not stated."),
    ("check.problems.fail", "未找到“存在的不足和原因”部分。", "No part on shortcomings and their causes was found."),
    ("check.responsibility.pass", "报告了党政主要负责人履行推进法治建设第一责任人职责的情况。", "The report covers how the principal leaders fulfilled their duty as first persons responsible for the rule of law."),
    ("check.responsibility.fail", "未报告党政主要负责人履行推进法治建设第一责任人职责的情况。", "The report does not cover the principal leaders' duty as first persons responsible for the rule of law."),
    ("check.plan.pass", "有下一年度的主要安排：{0}。", "Plans for the next year are reported: {0}."),
    ("check.plan.wrong_year", "“{0}”写的是 {1} 年，报告年度为 {2} 年，应为 {3} 年的安排。", "“{0}” plans for {1}; the report covers {2}, so the plan should be for {3}."),
    ("check.plan.fail", "未找到下一年度推进法治政府建设的主要安排。", "No plans for the next year were found."),
    ("check.other.pass", "有“其他需要报告的情况”部分。", "The report has a part on other matters to report."),
    ("check.other.missing", "没有“其他需要报告的情况”部分（可选）。", "There is no part on other matters to report (optional)."),
    ("check.arith.balance", "{0} 列：本年新收 {1} + 上年结转 {2} = {3}；办理结果总计 {4} + 结转下年度 {5} = {6}。", "Column {0}: new {1} + carried in {2} = {3}; results total {4} + carried out {5} = {6}."),
    ("check.arith.results_sum", "{0} 列：（七）总计 {1}，各项办理结果之和 {2}。", "Column {0}: results total {1}, sum of the results {2}."),
    ("check.arith.row_total", "{0} 行：总计 {1}，六类申请人之和 {2}。", "Row {0}: total {1}, sum of the six applicant columns {2}."),
    ("check.arith.appeals_total", "{0}：总计 {1}，维持、纠正、其他结果、尚未审结之和 {2}。", "{0}: total {1}, sum of upheld, corrected, other and pending {2}."),
    ("check.arith.holds", "相符。", " They agree."),
    ("check.arith.differs", "不相符：以原文数字为准，未作改动。", " They differ; the printed figures are kept as they are."),
    ("check.arith.used", "相符，但单元格边界是按这一关系拆出的，不能据此确认。", " They agree, but this rule was used to recover the cell boundaries, so it cannot confirm them."),
    ("check.tables.blank", "{0} 个单元格空白，按 0 计算。", "{0} cells are blank and count as 0."),
    ("warn.table_unreadable", "表格中有 {0} 个单元格读不出（数字连在一起，拆分不唯一）：{1}。", "{0} table cells could not be read (their digits ran together and more than one split is possible): {1}."),
    ("warn.bad_grid", "{0} 个表格的位置不在文本内，已略过。", "{0} tables lay outside the text and were left out."),
    ("warn.nested_table", "{0} 个表格嵌在表格单元格里，按所在单元格的文字读取。", "{0} tables inside table cells were read as their cells' text."),
    ("warn.table_too_big", "表格超出读取上限（{0} 行、{1} 列、{2} 个表格），超出部分按文字读取。", "Tables past the limits ({0} rows, {1} columns, {2} tables) were read as text beyond them."),
    ("check.disclosure.part", "有“{0}”部分。", "The report has its part “{0}”."),
    ("check.disclosure.part_missing", "缺少“{0}”部分（国家格式规定的六部分之一）。", "The part “{0}” is missing (one of the six the national format requires)."),
    ("check.disclosure.period", "说明了数据的统计期限。", "The statistics period is stated."),
    ("check.disclosure.period_missing", "未找到数据的统计期限。", "No statistics period was found."),
    ("check.disclosure.restated", "正文“{0}”与表格 {1} = {2} 一致。", "The text's “{0}” agrees with the table: {1} = {2}."),
    ("check.disclosure.restated_differs", "正文“{0}”与表格 {1} = {2} 不一致。", "The text's “{0}” differs from the table: {1} = {2}."),
    ("check.disclosure.problems_empty", "“存在的主要问题及改进情况”没有内容。", "The part on problems and improvements says nothing."),
    ("check.disclosure.fees_unreported", "“其他需要报告的事项”写“无”，但表格中本年收费 {0} 万元。", "The part on other matters says “none”, but the table shows fees of {0} (10 000 yuan)."),
    ("table.kind.active", "主动公开政府信息情况", "Proactive disclosure"),
    ("table.kind.requests", "收到和处理政府信息公开申请情况", "Disclosure requests received and handled"),
    ("table.kind.appeals", "政府信息公开行政复议、行政诉讼情况", "Reconsiderations and lawsuits over disclosure"),
    ("table.kind.other", "表格", "Table"),
    ("table.format.2019", "2019 年试行格式", "2019 trial format"),
    ("table.format.2021", "2021 年格式", "2021 format"),
    ("table.source", "表格原文", "The table's text as printed"),
    ("table.blank", "空白", "blank"),
    ("table.recovered", "由数字串拆分", "split from a run of digits"),
    ("table.flag.fail", "核对未通过", "check failed"),
    ("table.flag.warn", "需留意", "check warns"),
    ("table.go_to_check", "查看核对", "Go to the check"),
    ("view.go_to_cells", "查看单元格", "Go to the cells"),
    ("cell.row.rules", "规章", "Rules"),
    ("cell.row.normative", "规范性文件", "Normative documents"),
    ("cell.row.licensing", "行政许可", "Licensing"),
    ("cell.row.other_services", "其他对外管理服务事项", "Other public services"),
    ("cell.row.penalty", "行政处罚", "Penalties"),
    ("cell.row.coercion", "行政强制", "Coercive measures"),
    ("cell.row.fees", "行政事业性收费", "Administrative fees"),
    ("cell.row.procurement", "政府集中采购", "Central procurement"),
    ("cell.row.new", "一、本年新收", "New this year"),
    ("cell.row.carried_in", "二、上年结转", "Carried in"),
    ("cell.row.disclosed", "（一）予以公开", "Disclosed"),
    ("cell.row.partly", "（二）部分公开", "Partly disclosed"),
    ("cell.row.withheld.secret", "（三）1. 属于国家秘密", "Withheld: state secret"),
    ("cell.row.withheld.prohibited", "（三）2. 其他法律行政法规禁止公开", "Withheld: prohibited by law"),
    ("cell.row.withheld.three_safety", "（三）3. 危及“三安全一稳定”", "Withheld: endangers security or stability"),
    ("cell.row.withheld.third_party", "（三）4. 保护第三方合法权益", "Withheld: third-party rights"),
    ("cell.row.withheld.internal", "（三）5. 属于三类内部事务信息", "Withheld: internal affairs"),
    ("cell.row.withheld.process", "（三）6. 属于四类过程性信息", "Withheld: deliberative"),
    ("cell.row.withheld.enforcement_file", "（三）7. 属于行政执法案卷", "Withheld: enforcement file"),
    ("cell.row.withheld.inquiry", "（三）8. 属于行政查询事项", "Withheld: inquiry service"),
    ("cell.row.unavailable.not_held", "（四）1. 本机关不掌握相关政府信息", "Unavailable: not held"),
    ("cell.row.unavailable.needs_creation", "（四）2. 没有现成信息需要另行制作", "Unavailable: would need creating"),
    ("cell.row.unavailable.unclear", "（四）3. 补正后申请内容仍不明确", "Unavailable: request unclear"),
    ("cell.row.not_handled.petition", "（五）1. 信访举报投诉类申请", "Not handled: petitions"),
    ("cell.row.not_handled.repeat", "（五）2. 重复申请", "Not handled: repeated"),
    ("cell.row.not_handled.publication", "（五）3. 要求提供公开出版物", "Not handled: publications"),
    ("cell.row.not_handled.mass_repeat", "（五）4. 无正当理由大量反复申请", "Not handled: mass repeats"),
    ("cell.row.not_handled.confirmation", "（五）5. 要求确认或重新出具已获取信息", "Not handled: confirmation"),
    ("cell.row.other", "（六）其他处理", "Other handling"),
    ("cell.row.other.no_supplement", "（六）1. 逾期不补正", "Other: not supplemented"),
    ("cell.row.other.no_fee", "（六）2. 逾期未缴纳费用", "Other: fee not paid"),
    ("cell.row.other.other", "（六）3. 其他", "Other: other"),
    ("cell.row.results_total", "（七）总计", "Results total"),
    ("cell.row.carried_out", "四、结转下年度继续办理", "Carried over"),
    ("cell.row.review", "行政复议", "Reconsideration"),
    ("cell.row.suit_direct", "行政诉讼（未经复议直接起诉）", "Lawsuit, direct"),
    ("cell.row.suit_after_review", "行政诉讼（复议后起诉）", "Lawsuit, after reconsideration"),
    ("cell.col.issued", "本年制发件数", "Issued"),
    ("cell.col.repealed", "本年废止件数", "Repealed"),
    ("cell.col.in_force", "现行有效件数", "In force"),
    ("cell.col.decisions", "处理决定数量", "Decisions"),
    ("cell.col.amount", "金额", "Amount"),
    ("cell.col.made", "本年新制作数量", "Made"),
    ("cell.col.published", "本年新公开数量", "Published"),
    ("cell.col.published_total", "对外公开总数量", "Published in all"),
    ("cell.col.prev_items", "上一年项目数量", "Items last year"),
    ("cell.col.change", "本年增/减", "Change"),
    ("cell.col.items", "采购项目数量", "Items"),
    ("cell.col.natural", "自然人", "Natural persons"),
    ("cell.col.business", "商业企业", "Businesses"),
    ("cell.col.research", "科研机构", "Research institutions"),
    ("cell.col.public_welfare", "社会公益组织", "Public-interest groups"),
    ("cell.col.legal_services", "法律服务机构", "Legal services"),
    ("cell.col.other_org", "其他", "Other organisations"),
    ("cell.col.total", "总计", "Total"),
    ("cell.col.upheld", "结果维持", "Upheld"),
    ("cell.col.corrected", "结果纠正", "Corrected"),
    ("cell.col.other", "其他结果", "Other result"),
    ("cell.col.pending", "尚未审结", "Pending"),
    ("check.cross_year.carried", "{0} 列：本年“上年结转”{1}，上年“结转下年度继续办理”{2}。", "Column {0}: carried in this year {1}, carried out last year {2}."),
    ("check.cross_year.in_force", "{0}：本年现行有效 {1}，上年现行有效 {2} + 本年制发 {3} − 本年废止 {4}。", "{0}: in force this year {1}; last year's {2} + issued {3} − repealed {4}."),
    ("compare.panel", "与上一份报告比较", "Compared with the previous report"),
    ("compare.older", "上一份", "Previous"),
    ("compare.newer", "本份", "This report"),
    ("compare.difference", "增减", "Change"),
    ("compare.ratio", "倍数", "Ratio"),
    ("compare.subject", "指标", "Figure"),
    ("compare.dim", "淡化沿用的文字", "Dim text carried over"),
    ("compare.reused", "沿用上一份报告的句子", "Sentence carried over from the previous report"),
    ("compare.share", "沿用上一份报告文字的比例", "Share of the text carried over"),
    ("compare.charts", "历年变化", "Over the years"),
    ("compare.table_view", "数据表", "Table view"),
    ("compare.year", "年度", "Year"),
    ("compare.value", "数值", "Value"),
    ("compare.was", "上一份：", "Previously: "),
    ("compare.export", "导出 CSV", "Export CSV"),
    ("compare.none", "没有可以配对的数字。", "No figures could be paired."),
    ("check.on_time.pass", "{0} 公开，早于 {1} 的期限。", "Published on {0}, before the deadline of {1}."),
    ("check.on_time.late", "{0} 公开，晚于 {1} 的期限。", "Published on {0}, after the deadline of {1}."),
    ("check.on_time.unknown", "未找到发布日期，无法核对是否按时公开（期限 {0}）。", "No publication date was found, so timeliness (deadline {0}) cannot be checked."),
    ("check.year.pass", "报告年度 {0} 年与标题、标题层次和发布日期一致。", "The report year {0} agrees with the title, the headings and the publication date."),
    ("check.year.mismatch", "年度不一致：{0}。", "The years disagree: {0}."),
    ("check.year.title_vs_published", "标题为 {0} 年，发布于 {1} 年", "the title says {0} but it was published in {1}"),
    ("check.entity.pass", "报告主体：{0}。", "Reporting body: {0}."),
    ("check.entity.unknown", "未能从标题或发布机构看出报告主体。", "The reporting body cannot be told from the title or the publisher."),
    ("check.closing.pass", "以“特此报告”结尾。", "It ends with the closing formula 特此报告."),
    ("check.closing.missing", "没有“特此报告”等结束语。", "It has no closing formula such as 特此报告."),
    ("check.coverage", "涉及《法治政府建设实施纲要》八大体系中的 {0} 个：{1}。", "It covers {0} of the eight systems of the implementation outline: {1}."),
    ("check.rate.pass", "{0}：{1} ÷ {2} = {3}%，与所报 {4}% 一致。", "{0}: {1} ÷ {2} = {3}%, which agrees with the stated {4}%."),
    ("check.rate.warn", "{0}：{1} ÷ {2} = {3}%，与所报 {4}% 不一致。", "{0}: {1} ÷ {2} = {3}%, which does not match the stated {4}%."),
    // entities
    ("entity.joint", "党委和政府联合报告", "the party committee and the government jointly"),
    ("entity.government", "人民政府", "a people's government"),
    ("entity.department", "政府部门", "a government department"),
    // viewer
    ("view.expand_all", "全部展开", "Expand all"),
    ("view.collapse_all", "全部收起", "Collapse all"),
    ("view.sections", "章节", "Sections"),
    ("view.metrics", "数据", "Figures"),
    ("view.checks", "检查", "Checks"),
    ("view.passed", "通过", "passed"),
    ("view.warned", "提示", "warnings"),
    ("view.failed", "未通过", "failed"),
    ("view.year", "报告年度", "Year"),
    ("view.no_title", "（无标题）", "(untitled)"),
    ("view.preamble", "前言", "Opening"),
    ("view.furniture", "网页附加内容", "Page furniture"),
    ("view.filter", "筛选数据", "Filter figures"),
    ("view.export_csv", "导出 CSV", "Export CSV"),
    ("view.col.subject", "指标", "Subject"),
    ("view.col.value", "数值", "Value"),
    ("view.col.unit", "单位", "Unit"),
    ("view.col.qualifier", "限定", "Qualifier"),
    ("view.col.section", "章节", "Section"),
    ("view.col.text", "原文", "Text"),
    ("view.col.indicator", "规范指标", "Indicator"),
    ("view.col.kind", "类型", "Kind"),
    ("view.change", "变化量", "change"),
    ("view.level", "水平值", "level"),
    ("view.status.pass", "通过", "Pass"),
    ("view.status.warn", "提示", "Warning"),
    ("view.status.fail", "未通过", "Fail"),
    ("view.warnings", "解析提示", "Parser warnings"),
    ("view.error", "无法解析此报告，下面显示原文。", "This report could not be parsed; the original text is shown below."),
    ("view.meta.index_no", "索引号", "Index no."),
    ("view.meta.doc_no", "文号", "Document no."),
    ("view.meta.issued", "发文日期", "Issued"),
    ("view.meta.published", "发布日期", "Published"),
    ("view.meta.publisher", "发布机构", "Publisher"),
    ("view.go_to_section", "转到章节", "Go to section"),
    ("view.go_to_metric", "转到数据", "Go to figure"),
    ("view.none", "无", "none"),
    // qualifiers
    ("qualifier.exact", "确数", "exact"),
    ("qualifier.over", "超过", "over"),
    ("qualifier.nearly", "接近", "nearly"),
    ("qualifier.about", "约", "about"),
    ("qualifier.at_least", "不少于", "at least"),
    ("qualifier.at_most", "不超过", "at most"),
    // kinds
    ("kind.count", "计数", "count"),
    ("kind.percent", "比例", "share"),
    ("kind.percentage_point", "百分点", "percentage points"),
    ("kind.money", "金额", "money"),
    ("kind.rank", "排名", "rank"),
    ("kind.other", "其他", "other"),
];

/// A message with its arguments.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Msg {
    /// The input exceeds the size limit.
    TooLong {
        /// Its size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// More headings than the limit.
    TooManySections {
        /// The limit.
        limit: usize,
    },
    /// More metrics than the limit.
    TooManyMetrics {
        /// The limit.
        limit: usize,
    },
    /// More page furniture lines or metadata fields than the limit.
    TooMuchFurniture {
        /// The limit.
        limit: usize,
    },
    /// No Chinese at all.
    NoChinese,
    /// No headings found.
    NoHeadings,
    /// Any label with arguments.
    Key(&'static str, Vec<String>),
}

impl Msg {
    fn parts(&self) -> (&'static str, Vec<String>) {
        match self {
            Msg::TooLong { bytes, limit } => {
                ("warn.too_long", vec![bytes.to_string(), limit.to_string()])
            }
            Msg::TooManySections { limit } => ("warn.too_many_sections", vec![limit.to_string()]),
            Msg::TooManyMetrics { limit } => ("warn.too_many_metrics", vec![limit.to_string()]),
            Msg::TooMuchFurniture { limit } => ("warn.too_much_furniture", vec![limit.to_string()]),
            Msg::NoChinese => ("warn.no_chinese", vec![]),
            Msg::NoHeadings => ("warn.no_headings", vec![]),
            Msg::Key(key, args) => (key, args.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_both_languages_and_unique_key() {
        let mut keys = std::collections::HashSet::new();
        for (key, zh, en) in LABELS {
            assert!(keys.insert(key), "duplicate key {key}");
            assert!(!zh.is_empty() && !en.is_empty(), "{key}");
            // The same placeholders in every language.
            for i in 0..5 {
                let p = format!("{{{i}}}");
                assert_eq!(zh.contains(&p), en.contains(&p), "{key} {p}");
            }
        }
    }

    #[test]
    fn fills_arguments() {
        assert_eq!(
            Lang::En.say(Msg::TooManyMetrics { limit: 5 }),
            "More than 5 figures; later figures are not marked."
        );
        // Report text in an argument is not read as a placeholder.
        assert_eq!(
            Lang::En.say(Msg::Key(
                "check.plan.wrong_year",
                vec![
                    "{1} {3}".into(),
                    "2023".into(),
                    "2021".into(),
                    "2022".into()
                ]
            )),
            "“{1} {3}” plans for 2023; the report covers 2021, so the plan should be for 2022."
        );
    }

    #[test]
    fn labels_come_in_key_order() {
        let keys: Vec<&str> = sorted_labels().map(|l| l.0).collect();
        assert_eq!(keys.len(), LABELS.len());
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
    }

    #[test]
    fn every_key_is_found() {
        for (key, zh, en) in LABELS {
            assert_eq!(Lang::Zh.label(key), *zh, "{key}");
            assert_eq!(Lang::En.label(key), *en, "{key}");
        }
        assert_eq!(Lang::Zh.label("no.such.key"), "");
    }
}
