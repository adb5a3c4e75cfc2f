//! Canonical indicators: the taxonomy of `shared/design/domain.md` §6 as a
//! table, and the rule that maps a metric to a row of it.
//!
//! A row matches a metric when the metric's kind is one the row accepts,
//! one of the row's `subject` words appears in the metric's subject or
//! clause, a word of every `context` entry appears somewhere in its
//! sentence, and no `not` word appears in its subject or clause. The first
//! matching row wins, so specific rows (直接 vs
//! 综合 纠错率) come before general ones.

mod table;

pub use table::INDICATORS;

use super::metrics::RawMetric;
use crate::MetricKind;

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
pub(super) const fn row(
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

/// The row with this id: of the taxonomy, or of the indicators derived from
/// the tables.
pub fn indicator(id: &str) -> Option<&'static Indicator> {
    INDICATORS
        .iter()
        .chain(crate::parse::tables::derived::DERIVED)
        .find(|row| row.id == id)
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
