//! Canonical indicators: the taxonomy of `shared/design/domain.md` §6 as a
//! table, and the rule that maps a metric to a row of it.
//!
//! A row matches a metric when the metric's kind is one the row accepts,
//! one of the row's `subject` words appears in the metric's subject or
//! clause, a word of every `context` entry appears somewhere in its
//! sentence, and no `not` word appears in its subject or clause. The first
//! matching row wins, so specific rows (直接 vs
//! 综合 纠错率) come before general ones.

use super::metrics::RawMetric;
use crate::MetricKind::{self, Count, Money, Other, Percent};

/// One canonical indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Indicator {
    /// Stable id; a variant after a dot keeps definitions apart
    /// (`admin_reconsideration_correction_rate.direct`).
    pub id: &'static str,
    /// Chinese name.
    pub zh: &'static str,
    /// English name.
    pub en: &'static str,
    /// The 纲要 system it belongs to: LEAD, FUNC, RULE, DECI, ENF, EMER,
    /// DISP, OVER, TECH, EDU (domain.md §6).
    pub domain: &'static str,
    /// Metric kinds it accepts.
    pub kinds: &'static [MetricKind],
    /// One of these must appear in the subject or the clause.
    pub subject: &'static [&'static str],
    /// From each entry, one word must appear in the sentence.
    pub context: &'static [&'static [&'static str]],
    /// None of these may appear in the subject or the clause.
    pub not: &'static [&'static str],
}

#[allow(clippy::too_many_arguments)] // one argument per column of the table
const fn row(
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    domain: &'static str,
    kinds: &'static [MetricKind],
    subject: &'static [&'static str],
    context: &'static [&'static [&'static str]],
    not: &'static [&'static str],
) -> Indicator {
    Indicator {
        id,
        zh,
        en,
        domain,
        kinds,
        subject,
        context,
        not,
    }
}

const C: &[MetricKind] = &[Count];
const P: &[MetricKind] = &[Percent];
const CM: &[MetricKind] = &[Count, Money, Other];

/// The taxonomy (domain.md §6), most specific rows first.
pub const INDICATORS: &[Indicator] = &[
    row(
        "admin_reconsideration_correction_rate.direct",
        "行政复议直接纠错率",
        "Administrative reconsideration correction rate (direct)",
        "DISP",
        P,
        &["纠错率"],
        &[&["行政复议", "复议"], &["直接"]],
        &[],
    ),
    row(
        "admin_reconsideration_correction_rate.comprehensive",
        "行政复议综合纠错率",
        "Administrative reconsideration correction rate (comprehensive)",
        "DISP",
        P,
        &["纠错率"],
        &[&["行政复议", "复议"], &["综合"]],
        &[],
    ),
    row(
        "admin_reconsideration_correction_rate",
        "行政复议纠错率",
        "Administrative reconsideration correction rate",
        "DISP",
        P,
        &["纠错率"],
        &[&["行政复议", "复议"]],
        &[],
    ),
    row(
        "admin_reconsideration_mediation_rate",
        "行政复议调解和解结案率",
        "Reconsideration cases closed by mediation or settlement",
        "DISP",
        P,
        &["调撤", "调解和解", "综合化解率"],
        &[],
        &[],
    ),
    row(
        "admin_reconsideration_compliance_rate",
        "行政复议决定履行率",
        "Compliance with reconsideration decisions",
        "DISP",
        P,
        &["履行率"],
        &[&["复议"]],
        &[],
    ),
    row(
        "agency_head_court_appearance_rate",
        "行政机关负责人出庭应诉率",
        "Agency heads appearing in court",
        "DISP",
        P,
        &["出庭应诉率", "出庭率"],
        &[],
        &[],
    ),
    row(
        "admin_litigation_loss_rate",
        "行政诉讼败诉率",
        "Administrative litigation loss rate",
        "DISP",
        P,
        &["败诉率"],
        &[],
        &[],
    ),
    row(
        "admin_reconsideration_received",
        "行政复议收案数",
        "Reconsideration cases received",
        "DISP",
        C,
        &["收到", "新收", "受理", "收案"],
        &[&["行政复议", "复议案件"]],
        &["审结", "纠错"],
    ),
    row(
        "admin_reconsideration_closed",
        "行政复议审结数",
        "Reconsideration cases closed",
        "DISP",
        C,
        &["审结", "办结"],
        &[&["行政复议", "复议案件"]],
        &["纠错"],
    ),
    row(
        "admin_litigation_cases",
        "行政应诉案件数",
        "Administrative litigation cases",
        "DISP",
        C,
        &["行政应诉", "行政诉讼", "一审行政"],
        &[],
        &["败诉"],
    ),
    row(
        "pre_litigation_mediation_rate",
        "诉前调解成功率",
        "Pre-litigation mediation success rate",
        "DISP",
        P,
        &["成功率"],
        &[&["诉前"]],
        &[],
    ),
    row(
        "pre_litigation_mediation",
        "诉前调解成功件数",
        "Pre-litigation mediations succeeded",
        "DISP",
        C,
        &["诉前"],
        &[&["调解"]],
        &[],
    ),
    row(
        "mediation_organizations",
        "行业性专业性调解组织数",
        "Sector mediation organisations",
        "DISP",
        C,
        &["调解组织"],
        &[],
        &[],
    ),
    row(
        "legal_review_staff_ratio",
        "法制审核人员占执法人员比例",
        "Legal reviewers as a share of enforcement staff",
        "ENF",
        P,
        &["法制审核人员"],
        &[],
        &[],
    ),
    row(
        "enforcement_certificates",
        "行政执法证件数",
        "Enforcement certificates",
        "ENF",
        C,
        &["执法证", "持证"],
        &[],
        &[],
    ),
    row(
        "enforcement_training_persontimes",
        "执法人员培训人次",
        "Enforcement training (person-times)",
        "ENF",
        C,
        &["培训"],
        &[&["执法"]],
        &[],
    ),
    row(
        "admin_penalty_cases",
        "行政处罚案件数",
        "Administrative penalty cases",
        "ENF",
        C,
        &["处罚案件", "行政处罚"],
        &[],
        &[],
    ),
    row(
        "lenient_enforcement_list_items",
        "不罚轻罚清单事项数",
        "Items on no-penalty and light-penalty lists",
        "ENF",
        C,
        &["不罚", "轻罚", "免罚", "减罚"],
        &[],
        &[],
    ),
    row(
        "case_file_review_pass_rate",
        "行政执法案卷评查合格率",
        "Enforcement case files passing review",
        "ENF",
        P,
        &["案卷"],
        &[&["评查"]],
        &[],
    ),
    row(
        "emergencies_handled",
        "处置突发事件次数",
        "Emergencies handled",
        "EMER",
        C,
        &["突发事件"],
        &[&["处置"]],
        &[],
    ),
    row(
        "emergency_plans_and_drills",
        "应急预案与演练数",
        "Emergency plans and drills",
        "EMER",
        C,
        &["预案", "演练"],
        &[],
        &[],
    ),
    row(
        "legal_adviser_participation",
        "法律顾问参与决策次数",
        "Legal advisers in decision meetings",
        "DECI",
        C,
        &["法律顾问", "议程"],
        &[&["法律顾问"]],
        &[],
    ),
    row(
        "legal_adviser_coverage_rate",
        "法律顾问、公职律师覆盖率",
        "Legal adviser and public lawyer coverage",
        "DECI",
        P,
        &["法律顾问", "公职律师"],
        &[],
        &[],
    ),
    row(
        "major_decision_catalog_items",
        "重大行政决策事项数",
        "Major administrative decisions in the catalogue",
        "DECI",
        C,
        &["重大行政决策"],
        &[],
        &[],
    ),
    row(
        "normative_docs_filing_rate",
        "规范性文件报备率",
        "Normative documents filed on time",
        "RULE",
        P,
        &["报备率", "报备及时率", "规范率"],
        &[],
        &[],
    ),
    row(
        "normative_docs_filing_count",
        "规范性文件备案审查件数",
        "Normative documents reviewed on filing",
        "RULE",
        C,
        &["备案审查", "报备"],
        &[&["规范性文件"]],
        &[],
    ),
    row(
        "legality_review_count",
        "合法性审查件数",
        "Legality reviews",
        "RULE",
        C,
        &["合法性审查", "合法性审核"],
        &[],
        &[],
    ),
    row(
        "normative_docs_cleanup",
        "规范性文件清理数",
        "Normative documents cleaned up",
        "RULE",
        C,
        &["规范性文件", "继续执行", "失效"],
        &[&["废止", "失效", "继续执行", "清理"]],
        &["备案"],
    ),
    row(
        "regulations_rules_enacted",
        "法规规章立改废数",
        "Laws and rules made, amended or repealed",
        "RULE",
        C,
        &["法规", "规章", "制定", "修改", "废止", "修订"],
        &[&["法规", "规章"]],
        &["规范性文件"],
    ),
    row(
        "govt_service_cross_region_items",
        "跨域通办事项数",
        "Services available across regions",
        "FUNC",
        C,
        &["跨域", "跨省", "通办"],
        &[&["跨域", "跨省"]],
        &[],
    ),
    row(
        "instant_approval_items",
        "秒批秒办事项数",
        "Instant-approval services",
        "FUNC",
        C,
        &["秒批", "秒办", "即办"],
        &[],
        &[],
    ),
    row(
        "govt_service_online_rate",
        "政务服务事项网上可办率",
        "Services available online",
        "FUNC",
        P,
        &["网上可办", "全程网办", "网办率", "一网通办"],
        &[],
        &[],
    ),
    row(
        "integrated_permits_issued",
        "综合许可证发放数",
        "Integrated permits issued",
        "FUNC",
        C,
        &["综合许可证", "一业一证"],
        &[],
        &[],
    ),
    row(
        "admin_powers_cancelled_or_delegated",
        "取消、下放、承接行政权力事项数",
        "Administrative powers cancelled, delegated or taken over",
        "FUNC",
        C,
        &["权力事项", "许可事项", "关联事项"],
        &[&["取消", "下放", "承接", "调整"]],
        &[],
    ),
    row(
        "govt_service_items_total",
        "政务服务事项数",
        "Government service items",
        "FUNC",
        C,
        &["政务服务事项"],
        &[],
        &[],
    ),
    row(
        "npc_cppcc_proposals_satisfaction",
        "人大代表建议、政协提案满意率",
        "Satisfaction with handling of deputies' proposals",
        "OVER",
        P,
        &["满意率"],
        &[&["建议", "提案"]],
        &[],
    ),
    row(
        "npc_cppcc_proposals",
        "人大代表建议、政协提案办理数",
        "Deputies' suggestions and proposals handled",
        "OVER",
        C,
        &["建议", "提案"],
        &[&["人大", "政协"]],
        &[],
    ),
    row(
        "foi_requests_received",
        "政府信息公开申请数",
        "Information disclosure requests",
        "OVER",
        C,
        &["信息公开申请"],
        &[],
        &[],
    ),
    row(
        "supervision_items_completion_rate",
        "督查交办件办结率",
        "Supervision items completed",
        "OVER",
        P,
        &["办结率"],
        &[&["交办", "督查"]],
        &[],
    ),
    row(
        "supervision_items_completion",
        "督查交办件数",
        "Supervision items handled",
        "OVER",
        C,
        &["交办"],
        &[],
        &[],
    ),
    row(
        "hotline_12345_issues",
        "12345热线诉求数",
        "12345 hotline issues",
        "OVER",
        C,
        &["问题", "诉求", "工单", "来电"],
        &[&["12345", "热线"]],
        &[],
    ),
    row(
        "staff_law_exam_rate",
        "学法考法合格（优秀）率",
        "Law exam pass (excellence) rate",
        "EDU",
        P,
        &["优秀率", "合格率", "参考率"],
        &[&["学法", "考法", "考试"]],
        &[],
    ),
    row(
        "staff_law_exam",
        "学法考法参加人数",
        "Staff taking the law exam",
        "EDU",
        C,
        &["学法考法", "考法", "法律知识考试"],
        &[],
        &[],
    ),
    row(
        "leadership_law_study_sessions",
        "专题学法次数",
        "Leadership law study sessions",
        "LEAD",
        C,
        &["学法", "法治讲座", "法治专题"],
        &[],
        &["考法"],
    ),
    row(
        "rule_of_law_assessment_weight",
        "法治建设考核权重",
        "Weight of the rule of law in performance assessment",
        "LEAD",
        P,
        &["权重"],
        &[&["法治"]],
        &[],
    ),
    row(
        "rule_of_law_inspections",
        "法治督察次数",
        "Rule-of-law inspections",
        "LEAD",
        C,
        &["督察"],
        &[],
        &[],
    ),
    row(
        "credit_commitment_records",
        "信用承诺数据条数",
        "Credit commitment records",
        "TECH",
        C,
        &["信用承诺"],
        &[],
        &[],
    ),
    row(
        "digital_scenarios",
        "数字化应用场景数",
        "Digital application scenarios",
        "TECH",
        C,
        &["场景"],
        &[],
        &[],
    ),
    row(
        "law_education_bases",
        "法治宣传教育基地数",
        "Rule-of-law education bases",
        "EDU",
        CM,
        &["示范基地", "教育基地"],
        &[],
        &[],
    ),
];

/// A 256-bit Bloom filter of characters.
type Mask = [u64; 4];

fn bit(c: char) -> (usize, u64) {
    let h = ((c as u32).wrapping_mul(0x9E37_79B1) >> 24) as usize;
    (h / 64, 1 << (h % 64))
}

fn mask(text: &str) -> Mask {
    let mut m = [0u64; 4];
    for c in text.chars() {
        let (i, b) = bit(c);
        m[i] |= b;
    }
    m
}

/// A text with its character mask, so that most words of the table are
/// ruled out by four AND operations instead of a substring search.
struct Probe<'a> {
    text: &'a str,
    bits: Mask,
}

impl<'a> Probe<'a> {
    fn new(text: &'a str) -> Self {
        Probe {
            text,
            bits: mask(text),
        }
    }

    fn has_any(&self, words: &[Word]) -> bool {
        words.iter().any(|w| {
            // The first character's bit alone rules out most words.
            self.bits[w.first.0] & w.first.1 != 0
                && (0..4).all(|i| self.bits[i] & w.mask[i] == w.mask[i])
                && super::text::contains(self.text, w.text)
        })
    }
}

/// A word of the table with its character mask and its first character's
/// bit.
struct Word {
    text: &'static str,
    mask: Mask,
    first: (usize, u64),
}

impl Word {
    fn new(text: &'static str) -> Self {
        Word {
            text,
            mask: mask(text),
            first: text.chars().next().map_or((0, 0), bit),
        }
    }
}

/// A row's words with their masks (computed once).
struct Masked {
    row: &'static Indicator,
    /// The bits of the subject words' first characters: a text with none
    /// of them holds none of the words.
    subject_first: Mask,
    subject: Vec<Word>,
    context: Vec<Vec<Word>>,
    not: Vec<Word>,
}

/// For each metric kind, the rows that accept it, in table order, with
/// their masks (computed once): a metric is tried against its kind's rows
/// only.
fn masked(kind: MetricKind) -> &'static [Masked] {
    static MASKED: std::sync::OnceLock<Vec<Vec<Masked>>> = std::sync::OnceLock::new();
    let words = |list: &[&'static str]| list.iter().map(|w| Word::new(w)).collect::<Vec<_>>();
    &MASKED.get_or_init(|| {
        MetricKind::ALL
            .iter()
            .map(|kind| {
                INDICATORS
                    .iter()
                    .filter(|row| row.kinds.contains(kind))
                    .map(|row| {
                        let subject = words(row.subject);
                        let mut subject_first = [0; 4];
                        for w in &subject {
                            subject_first[w.first.0] |= w.first.1;
                        }
                        Masked {
                            row,
                            subject_first,
                            subject,
                            context: row.context.iter().map(|c| words(c)).collect(),
                            not: words(row.not),
                        }
                    })
                    .collect()
            })
            .collect()
    })[kind.index()]
}

/// The character mask of the last sentence a metric needed, kept for the
/// next metric: half the metrics of a report share their sentence with the
/// one before.
#[derive(Default)]
pub struct SentenceCache {
    /// Address and length of the sentence (a slice of the report text).
    key: (usize, usize),
    bits: Option<Mask>,
}

/// The indicator of a metric, given the text of its clause and of its
/// sentence.
pub fn classify(
    metric: &RawMetric,
    clause: &str,
    sentence: &str,
    cache: &mut SentenceCache,
) -> Option<&'static str> {
    // The subject is usually inside the clause, but not for the later
    // items of a list (`29处、353处`), which take theirs from the head.
    let subject = Probe::new(metric.subject.as_deref().unwrap_or(""));
    let clause = Probe::new(clause);
    let key = (sentence.as_ptr() as usize, sentence.len());
    let mut sentence_probe: Option<Probe> = match cache.bits {
        Some(bits) if cache.key == key => Some(Probe {
            text: sentence,
            bits,
        }),
        _ => None,
    };
    let either: Mask = std::array::from_fn(|i| clause.bits[i] | subject.bits[i]);
    for m in masked(metric.kind) {
        if (0..4).all(|i| either[i] & m.subject_first[i] == 0)
            || !(clause.has_any(&m.subject) || subject.has_any(&m.subject))
            || clause.has_any(&m.not)
            || subject.has_any(&m.not)
        {
            continue;
        }
        let sentence = sentence_probe.get_or_insert_with(|| {
            let probe = Probe::new(sentence);
            *cache = SentenceCache {
                key,
                bits: Some(probe.bits),
            };
            probe
        });
        if m.context.iter().all(|c| sentence.has_any(c)) {
            return Some(m.row.id);
        }
    }
    None
}

/// The row with this id.
pub fn indicator(id: &str) -> Option<&'static Indicator> {
    INDICATORS.iter().find(|row| row.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_place_in_the_row_lists() {
        for (i, &kind) in MetricKind::ALL.iter().enumerate() {
            assert_eq!(kind.index(), i, "{kind:?}");
            let rows: Vec<&str> = masked(kind).iter().map(|m| m.row.id).collect();
            let expected: Vec<&str> = INDICATORS
                .iter()
                .filter(|row| row.kinds.contains(&kind))
                .map(|row| row.id)
                .collect();
            assert_eq!(rows, expected, "{kind:?}");
        }
    }

    #[test]
    fn ids_are_unique_and_domains_known() {
        let mut ids = std::collections::HashSet::new();
        for row in INDICATORS {
            assert!(ids.insert(row.id), "duplicate {}", row.id);
            assert!(
                ["LEAD", "FUNC", "RULE", "DECI", "ENF", "EMER", "DISP", "OVER", "TECH", "EDU"]
                    .contains(&row.domain),
                "{}",
                row.id
            );
            assert!(!row.subject.is_empty(), "{}", row.id);
            // Word::new keys the quick test on the first character.
            let mut words = row
                .subject
                .iter()
                .chain(row.not)
                .chain(row.context.iter().flat_map(|c| c.iter()));
            assert!(words.all(|w| !w.is_empty()), "{}: an empty word", row.id);
        }
    }
}
