//! Pass 2: quantities. A scanner over one line of folded characters finds
//! each number (Arabic, Chinese, mixed, bare magnitudes, fractions, ranges,
//! `翻番`), reads its multiplier, approximation, unit and qualifiers, and
//! rejects what only looks like a quantity (years, dates, ordinals, names,
//! class thresholds). Subjects, lists (`分别…、…`) and change marks are
//! resolved per line afterwards.

use super::limits::{LOOKAHEAD, LOOKBACK, MAX_CJK_NUMERAL, MAX_INTEGER_DIGITS, MAX_METRICS};
use super::numeral::cjk_value_of;
use super::text::{cjk_digit, digit, fold, is_cjk_numeral, is_han};
use super::units::{unit_at, Guard, Unit};
use crate::{MetricKind, Qualifier};

/// A quantity in byte offsets, before the section and id are known.
#[derive(Clone, Debug, PartialEq)]
pub struct RawMetric {
    /// Byte range of the surface form.
    pub start: usize,
    /// One past the surface form.
    pub end: usize,
    /// Resolved value in the base unit.
    pub value: f64,
    /// Upper end of a range.
    pub upper: Option<f64>,
    /// Base unit, if written (or shared with the next figure).
    pub unit: Option<&'static str>,
    /// Kind of quantity.
    pub kind: MetricKind,
    /// Approximation or bound.
    pub qualifier: Qualifier,
    /// A change or comparison rather than a level.
    pub change: bool,
    /// The phrase it measures.
    pub subject: Option<String>,
    /// Byte where its sentence starts (for the consistency checks).
    pub sentence: usize,
    /// Byte where its clause starts (for the indicator context).
    pub clause: usize,
}

/// Names and slogans that contain a numeral and a measure word but are not
/// quantities (`四个意识`, `三项制度`). Matched at the start of the number.
const FIXED_NAMES: &[&str] = &[
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "四个全面",
    "三个代表",
    "两个一百年",
    "四个中心",
    "四个服务",
    "两个关键小事",
    "三项制度",
    "三个走在前列",
    "四个亲自",
    "两个毫不动摇",
    "八项规定",
    "三个务必",
    "两个结合",
    "两个大局",
    "五个必由之路",
    "三个没有变",
    "四个不摘",
    "两个健康",
    "三个一批",
];

/// Words right before a number that say how the stated value bounds the
/// true one. Longest first; `in_text` says whether the word belongs to the
/// metric's surface form (`近20个`, `约2350亿元`) or stays outside it as a
/// verb (`突破47万次`).
const PREFIX_QUALIFIERS: &[(&str, Qualifier, bool)] = &[
    ("不少于", Qualifier::AtLeast, false),
    ("不低于", Qualifier::AtLeast, false),
    ("不超过", Qualifier::AtMost, false),
    ("不高于", Qualifier::AtMost, false),
    ("不多于", Qualifier::AtMost, false),
    ("超过", Qualifier::Over, false),
    ("超出", Qualifier::Over, false),
    ("突破", Qualifier::Over, false),
    ("多达", Qualifier::Over, false),
    ("至少", Qualifier::AtLeast, false),
    // A milestone passed: 迈上4万亿、5万亿两个台阶.
    ("迈上", Qualifier::AtLeast, false),
    ("跨上", Qualifier::AtLeast, false),
    ("站上", Qualifier::AtLeast, false),
    ("不足", Qualifier::AtMost, false),
    ("不到", Qualifier::AtMost, false),
    ("最多", Qualifier::AtMost, false),
    ("接近", Qualifier::Nearly, false),
    ("将近", Qualifier::Nearly, false),
    ("大约", Qualifier::About, false),
    ("超", Qualifier::Over, false),
    ("逾", Qualifier::Over, false),
    ("近", Qualifier::Nearly, true),
    ("约", Qualifier::About, true),
];

/// Words after the unit that bound the value; they belong to the surface.
const SUFFIX_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("左右", Qualifier::About),
    ("以上", Qualifier::AtLeast),
    ("以内", Qualifier::AtMost),
    ("以下", Qualifier::AtMost),
    ("之内", Qualifier::AtMost),
];

/// Verbs after which a bare magnitude (`千亿元`, `万亿元`) is a quantity.
const MAGNITUDE_VERBS: &[&str] = &["超", "破", "近", "约", "达", "在", "逾", "上", "为", "过"];

/// Verbs of change: a share after one of them is a change, unless `到`/`至`
/// follows the verb (`提高到90%` is a level).
const CHANGE_WORDS: &[&str] = &[
    "增长",
    "增加",
    "提高",
    "提升",
    "下降",
    "降低",
    "减少",
    "上升",
    "回落",
    "压减",
    "精简",
    "缩减",
    "压缩",
    "缩短",
    "降幅",
    "增幅",
    "增速",
    "涨幅",
    "减幅",
    "扩大",
    "同比",
    "环比",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "增",
    "降",
    "减",
    "涨",
];

/// Words that end the counted noun after a figure (`530项政务服务事项实现…`).
const NOUN_STOPS: &[&str] = &[
    "实现", "完成", "获得", "纳入", "被", "均", "全部", "已", "得到", "参加", "荣获", "覆盖",
    "入选", "下放", "开展", "通过", "达到", "和", "及", "与", "在", "的", "进行", "列入", "获",
    "中", "分别", "共", "累计", "合计", "投入", "建成", "上线", "启用",
];

/// Words stripped from the end of a subject taken before the figure.
const SUBJECT_TRAILERS: &[&str] = &[
    "分别达到",
    "分别为",
    "分别达",
    "均达到",
    "均为",
    "均达",
    "均超",
    "分别",
    "达到",
    "已达",
    "共计",
    "合计",
    "累计",
    "增至",
    "提高到",
    "提升至",
    "降至",
    "稳定在",
    "保持在",
    "超过",
    "突破",
    "首次",
    "达",
    "为",
    "共",
    "均",
    "了",
    "到",
    "至",
    "超",
    "近",
    "约",
    "已",
    "有",
    "在",
];

/// Words stripped from the start of a subject.
const SUBJECT_LEADERS: &[&str] = &[
    "其中", "同时", "此外", "另外", "并且", "并", "还", "另", "和", "及",
];

/// One line of folded characters with their byte offsets.
struct Line<'a> {
    chars: &'a [char],
    /// Byte offset of each char; one extra entry for the line end.
    offs: &'a [usize],
}

impl Line<'_> {
    fn at(&self, k: usize) -> char {
        self.chars.get(k).copied().unwrap_or('\n')
    }

    fn before(&self, k: usize) -> char {
        if k == 0 {
            '\n'
        } else {
            self.chars[k - 1]
        }
    }

    /// True when the characters at `k` spell `word`.
    fn starts_with(&self, k: usize, word: &str) -> bool {
        let mut rest = self.chars.get(k..).unwrap_or_default().iter();
        word.chars().all(|c| rest.next() == Some(&c))
    }

    /// True when the characters just before `k` spell `word`.
    fn ends_with(&self, k: usize, word: &str) -> bool {
        // Backwards from `k`: most calls fail on the first comparison.
        let mut j = k.min(self.chars.len());
        word.chars().rev().all(|c| {
            let ok = j > 0 && self.chars[j - 1] == c;
            j = j.wrapping_sub(1);
            ok
        })
    }
}

/// A word list indexed by first and by last character: a position is
/// checked only against the words that start (or end) with its character,
/// usually none or one. The words are kept as characters, compared without
/// decoding.
struct Words {
    list: Vec<Box<[char]>>,
    by_first: Buckets,
    by_last: Buckets,
}

/// Word indices grouped by a hash of one character, each group in list
/// order: the group of hash `h` is `index[start[h]..start[h + 1]]`.
struct Buckets {
    start: [u16; 257],
    index: Box<[u16]>,
}

fn bucket(c: char) -> usize {
    ((c as u32).wrapping_mul(0x9E37_79B1) >> 24) as usize
}

impl Buckets {
    fn new(keys: &[char]) -> Self {
        let mut start = [0u16; 257];
        for &c in keys {
            start[bucket(c) + 1] += 1;
        }
        for h in 0..256 {
            start[h + 1] += start[h];
        }
        let mut next = start;
        let mut index = vec![0u16; keys.len()];
        for (i, &c) in keys.iter().enumerate() {
            let slot = &mut next[bucket(c)];
            index[usize::from(*slot)] = i as u16;
            *slot += 1;
        }
        Buckets {
            start,
            index: index.into_boxed_slice(),
        }
    }

    /// The indices of the words whose key character may be `c`, in list order.
    fn of(&self, c: char) -> &[u16] {
        let h = bucket(c);
        &self.index[usize::from(self.start[h])..usize::from(self.start[h + 1])]
    }
}

impl Words {
    fn new(list: Vec<&'static str>) -> Self {
        let list: Vec<Box<[char]>> = list.iter().map(|w| w.chars().collect()).collect();
        let firsts: Vec<char> = list.iter().map(|w| w[0]).collect();
        let lasts: Vec<char> = list.iter().map(|w| w[w.len() - 1]).collect();
        let by_first = Buckets::new(&firsts);
        let by_last = Buckets::new(&lasts);
        Words {
            list,
            by_first,
            by_last,
        }
    }

    /// The index of the first word of the list written at char `k`.
    fn starting_at(&self, line: &Line, k: usize) -> Option<usize> {
        let c = *line.chars.get(k)?;
        self.by_first
            .of(c)
            .iter()
            .map(|&i| usize::from(i))
            .find(|&i| {
                let w = &self.list[i];
                w[0] == c && line.chars.get(k..k + w.len()) == Some(&**w)
            })
    }

    /// The length in characters of word `i` of the list.
    fn len_of(&self, i: usize) -> usize {
        self.list[i].len()
    }

    /// The indices of the words of the list written just before char `k`,
    /// in list order.
    fn ending_at_all<'s>(&'s self, line: &'s Line, k: usize) -> impl Iterator<Item = usize> + 's {
        let last = k.checked_sub(1).and_then(|p| line.chars.get(p).copied());
        let group = last.map_or(&[][..], |c| self.by_last.of(c));
        group.iter().map(|&i| usize::from(i)).filter(move |&i| {
            let w = &self.list[i];
            Some(w[w.len() - 1]) == last && k >= w.len() && line.chars[k - w.len()..k] == **w
        })
    }

    /// The index of the first word of the list written just before char `k`.
    fn ending_at(&self, line: &Line, k: usize) -> Option<usize> {
        self.ending_at_all(line, k).next()
    }
}

/// The word sets of this module, built once.
struct Sets {
    prefix: Words,
    magnitude: Words,
    noun_stops: Words,
    trailers: Words,
    change: Words,
    fixed: Words,
    suffix: Words,
    compared: Words,
}

fn sets() -> &'static Sets {
    static SETS: std::sync::OnceLock<Sets> = std::sync::OnceLock::new();
    SETS.get_or_init(|| Sets {
        prefix: Words::new(PREFIX_QUALIFIERS.iter().map(|p| p.0).collect()),
        magnitude: Words::new(MAGNITUDE_VERBS.to_vec()),
        noun_stops: Words::new(NOUN_STOPS.to_vec()),
        trailers: Words::new(SUBJECT_TRAILERS.to_vec()),
        change: Words::new(CHANGE_WORDS.to_vec()),
        fixed: Words::new(FIXED_NAMES.to_vec()),
        suffix: Words::new(SUFFIX_QUALIFIERS.iter().map(|s| s.0).collect()),
        compared: Words::new(COMPARED_VERBS.to_vec()),
    })
}

/// The number core found at a position: value, where it ends, and how it
/// was written.
struct Number {
    value: f64,
    end: usize,
    /// Written with Chinese numerals only.
    cjk: bool,
    /// Only magnitude characters (`千亿`, `万`, `十`): no digit 1–9.
    magnitude_only: bool,
    /// Has a 万/亿 multiplier.
    multiplied: bool,
    /// A four-digit Arabic integer in the range of years.
    yearlike: bool,
}

fn arabic_at(line: &Line, k: usize) -> Option<Number> {
    let mut j = k;
    // The digits as an integer while they fit (`mant`), and how many.
    let mut d = Digits::default();
    let mut int_len = 0;
    while let Some(v) = digit(line.at(j)).filter(|_| j < line.chars.len()) {
        d.push(v);
        int_len += 1;
        j += 1;
        // Thousands separators: `1,234` (exactly three digits follow).
        if line.at(j) == ','
            && (1..=3).all(|m| digit(line.at(j + m)).is_some())
            && digit(line.at(j + 4)).is_none()
        {
            j += 1;
        }
    }
    if int_len > MAX_INTEGER_DIGITS {
        return None;
    }
    if line.at(j) == '.' && digit(line.at(j + 1)).is_some() {
        j += 1;
        while let Some(v) = digit(line.at(j)).filter(|_| j < line.chars.len()) {
            d.push(v);
            d.frac += 1;
            j += 1;
        }
    }
    // The number as written, without separators (only for the slow paths).
    let repr = || -> String {
        line.chars[k..j]
            .iter()
            .filter(|&&c| c != ',')
            .map(|&c| digit(c).map_or(c, |v| char::from(b'0' + v as u8)))
            .collect()
    };
    let mut value = d
        .value()
        .or_else(|| crate::number::parse_decimal(&repr()))?;
    let yearlike = int_len == 4 && d.frac == 0 && (1900.0..=2100.0).contains(&value);
    let mut multiplied = false;
    // Multipliers: 万, 亿, 万亿, and the mixed forms 3万4000, 1亿2000万.
    if line.at(j) == '万' && line.at(j + 1) == '亿' {
        value = d.scaled(12, repr);
        j += 2;
        multiplied = true;
    } else if line.at(j) == '亿' {
        value = d.scaled(8, repr);
        j += 1;
        multiplied = true;
        let (rest, after) = small_arabic(line, j);
        if after > j && line.at(after) == '万' {
            value += rest * 1e4;
            j = after + 1;
        }
    } else if line.at(j) == '万' {
        value = d.scaled(4, repr);
        j += 1;
        multiplied = true;
        let (rest, after) = small_arabic(line, j);
        if after > j && after - j <= 4 {
            value += rest;
            j = after;
        }
    }
    Some(Number {
        value,
        end: j,
        cjk: false,
        magnitude_only: false,
        multiplied,
        yearlike,
    })
}

/// The digits of a decimal number, read one at a time without a string.
#[derive(Default)]
struct Digits {
    /// The digits as an integer, while there are at most 19 of them.
    mant: u64,
    /// How many digits (integer and fraction).
    count: usize,
    /// How many of them are after the decimal point.
    frac: usize,
}

impl Digits {
    fn push(&mut self, v: u32) {
        if self.count < 19 {
            self.mant = self.mant * 10 + u64::from(v);
        }
        self.count += 1;
    }

    /// The value, when it is exact without parsing: at most 15 digits
    /// (below 2^53) divided by an exactly representable power of ten, one
    /// correctly rounded division, as `str::parse` gives. `None` otherwise.
    fn value(&self) -> Option<f64> {
        (self.count <= 15).then(|| self.mant as f64 / crate::number::POW10[self.frac])
    }

    /// The number times 10^`exp`, computed on the digits so that `75.4亿` is
    /// 7540000000 and not 7540000000.000001.
    fn scaled(&self, exp: i32, repr: impl Fn() -> String) -> f64 {
        let shift = exp - self.frac as i32;
        match self.mant {
            n if self.count <= 19 && n < (1 << 53) && shift >= 0 => n as f64 * 10f64.powi(shift),
            n if self.count <= 19 && n < (1 << 53) => n as f64 / 10f64.powi(-shift),
            _ => crate::number::parse_decimal(&repr()).unwrap_or(0.0) * 10f64.powi(exp),
        }
    }
}

/// An integer of up to four digits at `k` that is not followed by a decimal
/// point (the tail of `3万4000`).
fn small_arabic(line: &Line, k: usize) -> (f64, usize) {
    let mut j = k;
    let mut v = 0f64;
    while j - k < 4 {
        match digit(line.at(j)).filter(|_| j < line.chars.len()) {
            Some(d) => v = v * 10.0 + f64::from(d),
            None => break,
        }
        j += 1;
    }
    if digit(line.at(j)).is_some() || line.at(j) == '.' {
        return (0.0, k);
    }
    (v, j)
}

fn cjk_at(line: &Line, k: usize) -> Option<Number> {
    let mut j = k;
    while j < line.chars.len() && is_cjk_numeral(line.at(j)) && j - k < MAX_CJK_NUMERAL {
        j += 1;
    }
    let value = cjk_value_of(&line.chars[k..j])?;
    let magnitude_only = !line.chars[k..j]
        .iter()
        .any(|&c| matches!(cjk_digit(c), Some(1..=9)));
    let multiplied = line.chars[k..j].iter().any(|&c| matches!(c, '万' | '亿'));
    Some(Number {
        value,
        end: j,
        cjk: true,
        magnitude_only,
        multiplied,
        yearlike: false,
    })
}

/// Scans one line `text[start..end]` and appends its quantities to `out`.
/// Buffers reused from window to window, so that scanning allocates only
/// for the metrics it finds.
#[derive(Default)]
pub struct Scanner {
    chars: Vec<char>,
    offs: Vec<usize>,
    /// Set when the window in `chars`/`offs` starts at this byte and runs to
    /// its clause's end (not cut at `WINDOW_AFTER`): a later candidate of
    /// the same clause reads the same window.
    whole_clause_from: Option<usize>,
    /// Tests: build every window afresh (to check that reuse changes nothing).
    #[cfg(test)]
    fresh_windows: bool,
}

/// Characters of context kept before a candidate number (subject,
/// qualifiers, change words, short quotations) and after it (the number,
/// its unit and the counted noun).
const WINDOW_BEFORE: usize = LOOKBACK + 4;
const WINDOW_AFTER: usize = 64;

/// Where the scan stands in a line (byte offsets).
struct Cursor {
    /// Start of the current clause.
    clause: usize,
    /// Where the subject of the next figure may start: after the clause
    /// break, the previous figure, and the noun that figure counted.
    subject_from: usize,
    /// Start of the current sentence.
    sentence: usize,
    /// The last opening quotation mark not yet closed.
    quote: Option<usize>,
}

/// What a character means to the byte-level scan.
enum Byte {
    /// A number may start here.
    Candidate,
    /// `。！？；`: ends a sentence (and a clause).
    Sentence,
    /// `，、：`: ends a clause.
    Clause,
    /// `《`: a book title opens; its numbers are names.
    BookOpen,
    /// `》`: a book title closes.
    BookClose,
    /// `“「『‘`: a quotation opens.
    QuoteOpen,
    /// `”」』’`: a quotation closes.
    QuoteClose,
    /// `"`: opens or closes.
    QuoteToggle,
    Other,
}

/// The three-byte (U+0800–U+FFFF) characters [`classify_char`] does not
/// call [`Byte::Other`], as a bitmap: the scan skips every other CJK
/// character with one lookup instead of decoding and classifying it.
static NOTABLE: [u64; 1024] = {
    const CHARS: &str =
        "０１２３４５６７８９翻零〇一二两三四五六七八九十百千万亿。！？；，、：《》“「『‘”」』’";
    let mut bits = [0u64; 1024];
    let b = CHARS.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = ((b[i] as usize & 0x0F) << 12)
            | ((b[i + 1] as usize & 0x3F) << 6)
            | (b[i + 2] as usize & 0x3F);
        bits[c >> 6] |= 1 << (c & 63);
        i += 3;
    }
    bits
};

/// [`NOTABLE`]'s row for a lead byte: `(b & 0x0F) << 6` for the lead of a
/// three-byte character, and for any other byte the row after the
/// bitmap's last, [`NOT_THREE`], where every bit is set. The skip loop
/// then needs no separate test of the lead byte.
static ROW_OF_LEAD: [u16; 256] = {
    let mut rows = [1024u16; 256];
    let mut b = 0xE0;
    while b <= 0xEF {
        rows[b] = ((b & 0x0F) << 6) as u16;
        b += 1;
    }
    rows
};

/// [`NOTABLE`] with one more row of 64 set bits ([`ROW_OF_LEAD`]'s row
/// for bytes that do not lead a three-byte character).
static NOT_THREE: [u64; 1088] = {
    let mut bits = [u64::MAX; 1088];
    let mut i = 0;
    while i < 1024 {
        bits[i] = NOTABLE[i];
        i += 1;
    }
    bits
};

fn classify_char(c: char) -> Byte {
    match c {
        '0'..='9' | '０'..='９' | '翻' => Byte::Candidate,
        c if is_cjk_numeral(c) => Byte::Candidate,
        '。' | '！' | '？' | '；' | '!' | '?' | ';' => Byte::Sentence,
        '，' | '、' | '：' | ',' | ':' => Byte::Clause,
        '《' => Byte::BookOpen,
        '》' => Byte::BookClose,
        '“' | '「' | '『' | '‘' => Byte::QuoteOpen,
        '”' | '」' | '』' | '’' => Byte::QuoteClose,
        '"' => Byte::QuoteToggle,
        _ => Byte::Other,
    }
}

impl Scanner {
    /// Scans one line `text[start..end]` and appends its quantities to
    /// `out`, stopping early once `out` holds more than
    /// [`MAX_METRICS`](super::limits::MAX_METRICS). `sentence_start` carries
    /// the start of the current sentence from line to line.
    ///
    /// The line is read byte by byte, decoding only the characters that can
    /// matter (ASCII, and the three-byte block of CJK and full-width forms);
    /// a folded window of characters is built around each candidate number
    /// only, so the cost per byte of plain text stays small.
    pub fn scan_line(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        sentence_start: &mut usize,
        out: &mut Vec<RawMetric>,
    ) {
        let bytes = text.as_bytes();
        let first = out.len();
        // Windows are read within a line only.
        self.whole_clause_from = None;
        let mut cur = Cursor {
            clause: start,
            subject_from: start,
            sentence: *sentence_start,
            quote: None,
        };
        let mut book = 0u32;
        let mut book_at = start;
        let mut i = start;
        while i < end {
            // Only ASCII and three-byte characters matter to the scan, and
            // of the three-byte ones only those in NOTABLE.
            // A run of three-byte characters not in NOTABLE is skipped in
            // whole-character steps (chunks_exact: no per-byte bounds checks),
            // one table lookup each: NOT_THREE answers "stop here" for a
            // notable character and for any byte that does not lead a
            // three-byte one (2.4 % fewer instructions natively for a long
            // report than testing the lead byte apart, 0.9 % in V8).
            let mut skipped = 0;
            for ch in bytes[i..end].chunks_exact(3) {
                let row =
                    usize::from(ROW_OF_LEAD[usize::from(ch[0])]) | (usize::from(ch[1]) & 0x3F);
                if NOT_THREE[row] & (1 << (ch[2] & 0x3F)) != 0 {
                    break;
                }
                skipped += 3;
            }
            if skipped > 0 {
                i += skipped;
                continue;
            }
            let (c, len) = super::text::scan_char(bytes, i);
            match classify_char(c) {
                Byte::Other => {}
                Byte::Sentence => {
                    cur.clause = i + len;
                    cur.subject_from = i + len;
                    cur.sentence = i + len;
                }
                Byte::QuoteOpen => cur.quote = Some(i),
                Byte::QuoteClose => cur.quote = None,
                Byte::QuoteToggle => cur.quote = if cur.quote.is_some() { None } else { Some(i) },
                Byte::Clause => {
                    cur.clause = i + len;
                    cur.subject_from = i + len;
                }
                Byte::BookOpen => {
                    book += 1;
                    book_at = i;
                }
                Byte::BookClose => book = book.saturating_sub(1),
                Byte::Candidate => {
                    if book == 0 || !in_book_title(text, book_at, i, end) {
                        if let Some(next) = self.candidate(text, (start, end), i, &mut cur, out) {
                            // One past the cap tells the caller to stop and
                            // warn; reading on would only grow `out` (a
                            // 10 MB line of `1件2件…` held 3.5 million).
                            if out.len() > MAX_METRICS {
                                break;
                            }
                            i = next;
                            continue;
                        }
                    }
                    i = skip_run_bytes(text, i, end);
                    continue;
                }
            }
            i += len;
        }
        *sentence_start = cur.sentence;
        resolve_lists(text, &mut out[first..]);
    }

    /// Folds `text[ws..]` into the window buffers: up to the first clause
    /// or sentence break after byte `at`, or `WINDOW_AFTER` characters past
    /// it, or `line_end`. Returns the index of the character at `at`.
    fn window(&mut self, text: &str, ws: usize, at: usize, line_end: usize) -> usize {
        self.chars.clear();
        self.offs.clear();
        // Room for a window of CJK text up front (the buffers keep it from
        // window to window): the pushes below then compile to a loop whose
        // growth path is cold.
        let room = WINDOW_BEFORE + WINDOW_AFTER + 1;
        self.chars.reserve(room);
        self.offs.reserve(room + 1);
        let mut k = 0;
        let mut window_end = line_end;
        let mut whole = true;
        for (p, c) in text[ws..line_end].char_indices() {
            let byte = ws + p;
            // Ideographs fold to themselves and break no clause.
            let ideograph = ('\u{4E00}'..='\u{9FFF}').contains(&c);
            if byte == at {
                k = self.chars.len();
            } else if byte > at {
                if self.chars.len() >= k + WINDOW_AFTER {
                    window_end = byte;
                    whole = false;
                    break;
                }
                if !ideograph && matches!(c, '，' | '。' | '；' | '！' | '？' | ';' | '!' | '?')
                {
                    window_end = byte;
                    break;
                }
            }
            self.chars.push(if ideograph { c } else { fold(c) });
            self.offs.push(byte);
        }
        self.offs.push(window_end);
        self.whole_clause_from = whole.then_some(ws);
        k
    }

    /// Reads the quantity at byte `at` of the line `bounds`, if there is
    /// one; returns the byte to continue from.
    fn candidate(
        &mut self,
        text: &str,
        (line_start, line_end): (usize, usize),
        at: usize,
        cur: &mut Cursor,
        out: &mut Vec<RawMetric>,
    ) -> Option<usize> {
        if !plausible_at(text, at, line_end) {
            return None;
        }
        // A number inside a short quotation is a name: “十四五”, “24小时不打烊”.
        if let Some(open) = cur.quote {
            if in_short_quote(text, open, at, line_end) {
                return None;
            }
        }
        // The window: back to the clause start (at most WINDOW_BEFORE
        // characters), forward to the end of the clause (at most
        // WINDOW_AFTER characters): everything the reading of one figure
        // looks at.
        let ws = if at - cur.clause <= WINDOW_BEFORE * 3 {
            cur.clause.max(line_start)
        } else {
            text[line_start..at]
                .char_indices()
                .rev()
                .nth(WINDOW_BEFORE - 1)
                .map_or(line_start, |(p, _)| line_start + p)
        };
        let reuse = self.whole_clause_from == Some(ws) && self.offs.last().is_some_and(|&e| at < e);
        #[cfg(test)]
        let reuse = reuse && !self.fresh_windows;
        let k = if reuse {
            self.offs.partition_point(|&o| o < at)
        } else {
            self.window(text, ws, at, line_end)
        };
        let line = Line {
            chars: &self.chars,
            offs: &self.offs,
        };
        let (mut m, next) = quantity_at(&line, k)?;
        m.sentence = cur.sentence;
        m.clause = cur.clause;
        let from = line.offs.partition_point(|&o| o < cur.subject_from);
        let (subject, used_to) = subject(&line, from, k, next);
        m.subject = subject;
        cur.subject_from = line.offs[used_to.max(next)];
        out.push(m);
        Some(line.offs[next])
    }
}

/// True when the quotation opened at byte `open` holds byte `at` and is
/// short (at most 15 characters between the marks): a name or slogan, not a
/// quoted statement.
fn in_short_quote(text: &str, open: usize, at: usize, end: usize) -> bool {
    const SHORT: usize = 15;
    // Opened further back than 4 × (SHORT + 2) bytes: more than SHORT + 1
    // characters (at most four bytes each), not counted (the quotation may
    // have opened thousands of characters back, with figures all along).
    if at - open > 4 * (SHORT + 2) {
        return false;
    }
    let inside_before = text[open..at].chars().count() - 1;
    if inside_before > SHORT {
        return false;
    }
    text[at..end]
        .chars()
        .take(SHORT + 1 - inside_before)
        .any(|c| matches!(c, '”' | '」' | '』' | '’' | '"'))
}

/// True when a `《` at byte `open` really opens a book title around byte
/// `at`: a `》` closes it soon after, and it opened not long before (an
/// unclosed `《` in garbled text must not hide the rest of the line).
fn in_book_title(text: &str, open: usize, at: usize, end: usize) -> bool {
    const TITLE_BYTES: usize = 240;
    let limit = super::text::floor_boundary(text, (at + TITLE_BYTES).min(end));
    at - open <= TITLE_BYTES && text[at..limit].contains('》')
}

/// Skips a numeric run starting at byte `i` (so that `2021年` does not
/// yield `021年`, nor `十九届` `九届`); returns the byte after it.
fn skip_run_bytes(text: &str, i: usize, end: usize) -> usize {
    let mut chars = text[i..end].char_indices();
    let Some((_, first)) = chars.next() else {
        return end;
    };
    let digits = digit(first).is_some();
    for (p, c) in chars {
        let more = if digits {
            digit(c).is_some()
                || (matches!(c, '.' | ',' | '．' | '，')
                    && text[i + p + c.len_utf8()..end]
                        .chars()
                        .next()
                        .and_then(digit)
                        .is_some())
        } else {
            is_cjk_numeral(c)
        };
        if !more {
            return i + p;
        }
    }
    end
}

/// A cheap first look at a Chinese numeral at byte `at`: most (一体化,
/// 进一步, 三农) are followed by no unit and are skipped before any real
/// work. Arabic numbers always get the full look.
fn plausible_at(text: &str, at: usize, end: usize) -> bool {
    let mut chars = text[at..end].chars().map(fold).peekable();
    let Some(first) = chars.next() else {
        return false;
    };
    if first == '翻' {
        return true;
    }
    let mut multiplied = matches!(first, '万' | '亿');
    let mut next = chars.next().unwrap_or('\n');
    if digit(first).is_some() {
        // Digits, separators and decimals, 万/亿 and a mixed tail (3万4000).
        for _ in 0..64 {
            let more = digit(next).is_some()
                || (matches!(next, '.' | ',') && chars.peek().is_some_and(|&c| digit(c).is_some()))
                || matches!(next, '万' | '亿');
            if !more {
                break;
            }
            multiplied |= matches!(next, '万' | '亿');
            next = chars.next().unwrap_or('\n');
        }
        // A year (2021年) unless a duration (连续8年).
        if next == '年' && !text[..at].ends_with("连续") {
            return false;
        }
    } else {
        for _ in 0..super::limits::MAX_CJK_NUMERAL {
            if !is_cjk_numeral(next) {
                break;
            }
            multiplied |= matches!(next, '万' | '亿');
            next = chars.next().unwrap_or('\n');
        }
    }
    if matches!(next, '余' | '多' | '几') {
        next = chars.next().unwrap_or('\n');
    }
    super::units::starts_unit(next)
        || matches!(next, '分' | '至' | '到' | '-' | '~' | '～' | '—' | '－')
        || (multiplied && !is_han(next))
        || (multiplied && (matches!(next, '和' | '与' | '及' | '、') || is_cjk_numeral(next)))
}

/// Reads the quantity whose number starts at char `k`, returning it and
/// the char index to continue from.
fn quantity_at(line: &Line, k: usize) -> Option<(RawMetric, usize)> {
    let prev = line.before(k);
    // Inside an identifier or a code (`PM2.5`, `G20`), after an ordinal or a
    // denominator (`第三名`, `每万人`), or continuing a date or phone number
    // (`2022-02-23`).
    if prev.is_ascii_alphabetic() || matches!(prev, '第' | '每' | '_' | '#') {
        return None;
    }
    if matches!(prev, '-' | '/' | ':' | '.' | '~') && k >= 2 && digit(line.before(k - 1)).is_some()
    {
        return None;
    }
    if sets().fixed.starting_at(line, k).is_some() {
        return None;
    }
    let (prefix_q, prefix_in_text, prefix_len) = prefix_qualifier(line, k);
    let c = line.at(k);

    // 翻番, 翻一番, 翻两番: a change of one or more doublings.
    if c == '翻' {
        let mut j = k + 1;
        if line.at(j) == '了' {
            j += 1;
        }
        let times = match line.at(j) {
            '番' => Some(1.0),
            d => cjk_digit(d).filter(|_| line.at(j + 1) == '番').map(|v| {
                j += 1;
                f64::from(v)
            }),
        }?;
        let end = j + 1;
        let metric = raw(
            line,
            k,
            end,
            times,
            None,
            Some("番"),
            MetricKind::Other,
            Qualifier::Exact,
            true,
        );
        return Some((metric, end));
    }

    let number = if digit(c).is_some() {
        arabic_at(line, k)?
    } else {
        cjk_number(line, k, prefix_q.is_some())?
    };
    let mut j = number.end;

    // Fractions: 三分之一, 百分之九十五.
    if number.cjk && line.starts_with(j, "分之") {
        let den = number.value;
        let num = cjk_at(line, j + 2).filter(|n| n.end > j + 2)?;
        if den <= 0.0 {
            return None;
        }
        let value = (num.value / den * 100.0 * 100.0).round() / 100.0;
        let end = num.end;
        let (q, end) = suffix_qualifier(line, end, prefix_q);
        let metric = raw(
            line,
            k,
            end,
            value,
            None,
            Some("%"),
            MetricKind::Percent,
            q,
            false,
        );
        return Some((metric, end));
    }

    // Ranges: 3至5个, 1-2部, 3～5.
    let mut upper = None;
    if matches!(line.at(j), '至' | '到' | '-' | '~' | '～' | '—' | '－') && !number.yearlike {
        let second = if number.cjk {
            cjk_at(line, j + 1)
        } else {
            arabic_at(line, j + 1)
        };
        if let Some(second) = second.filter(|s| s.end > j + 1 && s.value > number.value) {
            if unit_at(&line.chars[second.end.min(line.chars.len())..]).is_some()
                || line.at(second.end) == '%'
            {
                upper = Some(second.value);
                j = second.end;
            }
        }
    }

    // Approximation between the number and its unit: 2.4万余人次, 1000多个.
    let mut q = prefix_q.unwrap_or_default();
    if matches!(line.at(j), '余' | '多') {
        q = Qualifier::Over;
        j += 1;
    }
    if line.at(j) == '几' {
        return None; // 十几个: too vague to state a value
    }

    let unit = unit_at(&line.chars[j.min(line.chars.len())..]);
    let (unit, unit_end) = match unit {
        Some(u) if unit_allowed(line, k, j, u, &number) => (Some(u), j + usize::from(u.chars)),
        Some(_) => return None,
        None => {
            // A figure with 万/亿 and no unit word is still a quantity
            // (`使用人次已达508万`), unless a word follows it (`百万英才`).
            let after = line.at(j);
            let boundary = !is_han(after)
                || matches!(after, '和' | '与' | '及' | '、')
                || is_cjk_numeral(after);
            if !(number.multiplied && boundary && !number.magnitude_only)
                && !(number.multiplied && number.magnitude_only && prefix_q.is_some() && boundary)
            {
                return None;
            }
            (None, j)
        }
    };
    if number.magnitude_only && number.cjk && !(number.value == 10.0 || magnitude_verb(line, k)) {
        return None;
    }
    // A lone 一 is the article "a/one" in running text (一批, 一系列).
    if number.cjk && number.value == 1.0 && line.chars[k..number.end].len() == 1 {
        return None;
    }
    // A window or threshold: 50米内, 3年内.
    if line.at(unit_end) == '内' {
        return None;
    }
    let (q2, end) = suffix_qualifier(line, unit_end, Some(q));
    let q = q2;
    // Class thresholds: 万亿级, 亿元以上项目, 超千万人次的机场, 超千亿元县.
    let next = line.at(end);
    if next == '级' {
        return None;
    }
    if number.magnitude_only
        && number.value != 10.0
        && is_han(next)
        && !matches!(next, '和' | '与' | '及' | '、')
    {
        return None;
    }
    // 海拔5000米以上乡镇, 亿元以上项目: an amount or a measure with a bound,
    // followed by the noun it classifies. (Counts and shares quantify the
    // noun instead: 50%以上号源, 10家以上企业.)
    if matches!(q, Qualifier::AtLeast | Qualifier::AtMost)
        && matches!(
            unit.map(|u| u.kind),
            Some(MetricKind::Money | MetricKind::Other)
        )
        && end >= 2
        && matches!(
            (line.before(end - 1), line.before(end)),
            ('以', '上' | '下')
        )
        && (is_han(next) && !matches!(next, '和' | '与' | '及' | '、'))
    {
        return None;
    }
    if prefix_q == Some(Qualifier::Over) && next == '的' {
        return None;
    }
    // A rank: 前10名, 排名前1%; but 提前两周 is a duration.
    if line.ends_with(k, "前") && !line.ends_with(k, "提前") {
        return None;
    }

    let kind = unit.map_or(MetricKind::Other, |u| u.kind);
    let start = if prefix_in_text { k - prefix_len } else { k };
    let change = is_change(line, start, k, kind, prefix_len, prefix_in_text);
    let mut metric = raw(
        line,
        start,
        end,
        number.value,
        upper,
        unit.map(|u| u.base),
        kind,
        q,
        change,
    );
    if unit.is_none() {
        metric.kind = MetricKind::Other;
    }
    Some((metric, end))
}

/// A Chinese number at `k`, including a bare 万/亿 after a qualifier verb
/// (`超万亿元`).
fn cjk_number(line: &Line, k: usize, has_prefix: bool) -> Option<Number> {
    let c = line.at(k);
    if matches!(c, '万' | '亿') && !has_prefix {
        return None;
    }
    cjk_at(line, k).filter(|n| n.end > k)
}

fn magnitude_verb(line: &Line, k: usize) -> bool {
    sets().magnitude.ending_at(line, k).is_some()
}

/// Unit guards (see [`Guard`]).
fn unit_allowed(line: &Line, k: usize, j: usize, unit: &Unit, number: &Number) -> bool {
    let after = j + usize::from(unit.chars);
    match unit.guard {
        Guard::None => true,
        Guard::AfterLianxu => line.ends_with(k, "连续") && !number.yearlike,
        Guard::OrdinalWithCjk => {
            // 二十余期 (an approximate count) is no ordinal.
            !number.cjk
                || matches!(line.before(j), '余' | '多')
                || line.at(k) == '两'
                || line.ends_with(k, "连续")
                || line.ends_with(k, "共")
        }
        Guard::NotBeforeMeeting => ![
            "全会",
            "会议",
            "全体会议",
            "党代会",
            "代表大会",
            "人大",
            "常委会",
            "产业",
        ]
        .iter()
        .any(|w| line.starts_with(after, w)),
        Guard::NotBeforeNian => line.at(after) != '年',
        Guard::NotRoundTheClock => number.value != 24.0 || line.at(after) == '内',
        Guard::NotBumen => line.at(after) != '门',
    }
}

/// The qualifier word right before char `k`, whether it belongs to the
/// surface form, and its length in chars.
fn prefix_qualifier(line: &Line, k: usize) -> (Option<Qualifier>, bool, usize) {
    // Allow one 了 between verb and number (`突破了47万次`).
    let at = if line.before(k) == '了' { k - 1 } else { k };
    // The table in order, longest words first (the index by last
    // character rejects most positions, which have no qualifier, at once).
    let prefix = &sets().prefix;
    for i in prefix.ending_at_all(line, at) {
        let (word, q, in_text) = PREFIX_QUALIFIERS[i];
        // `最近`, `附近`, `临近` are not `近`; `大约` is handled above.
        if word == "近" && matches!(line.before(at - 1), '最' | '附' | '临' | '接' | '将' | '靠')
        {
            continue;
        }
        let in_text = in_text && at == k;
        return (Some(q), in_text, prefix.len_of(i));
    }
    (None, false, 0)
}

/// Reads a bound after the unit (`左右`, `以上`, `以内`); returns the
/// qualifier and the end of the surface form.
fn suffix_qualifier(line: &Line, at: usize, current: Option<Qualifier>) -> (Qualifier, usize) {
    // The index by first character rejects most positions, which have no
    // bound, at once.
    let suffix = &sets().suffix;
    match suffix.starting_at(line, at) {
        Some(i) => (SUFFIX_QUALIFIERS[i].1, at + suffix.len_of(i)),
        None => (current.unwrap_or_default(), at),
    }
}

/// True when a share right after the change words before it is a change
/// (`增长5.4%`, `降幅达92.2%`, `高于全国0.4个百分点`), not a level
/// (`提高到90%`, `占比95.87%`).
fn is_change(
    line: &Line,
    start: usize,
    k: usize,
    kind: MetricKind,
    prefix_len: usize,
    prefix_in_text: bool,
) -> bool {
    // Where the words before the figure end: before its qualifier, and
    // before one 了 (`增长了5%`).
    let verb_end = if prefix_in_text {
        start
    } else {
        k - prefix_len
    };
    let verb_end = if line.before(verb_end) == '了' {
        verb_end - 1
    } else {
        verb_end
    };
    match kind {
        MetricKind::PercentagePoint => return true,
        MetricKind::Percent => {}
        _ => return is_compared_change(line, verb_end),
    }
    // Look back within the clause for the nearest change word.
    let floor = verb_end.saturating_sub(8);
    let mut j = verb_end;
    while j > floor {
        let c = line.chars[j - 1];
        if super::text::is_clause_break(c) {
            break;
        }
        if sets().change.ending_at(line, j).is_some() {
            let gap = &line.chars[j..verb_end];
            // 提高到 / 增至 / 降至: the level reached.
            if matches!(gap.first(), Some('到' | '至' | '为')) {
                return false;
            }
            // 占比 / 占 / 比重 / 比例 / 贡献: a share, not a change.
            if gap.contains(&'占')
                || gap
                    .windows(2)
                    .any(|w| matches!(w, ['比', '重' | '例'] | ['贡', '献']))
            {
                return false;
            }
            return gap.len() <= 4;
        }
        j -= 1;
    }
    false
}

/// The verbs of [`is_compared_change`].
const COMPARED_VERBS: [&str; 9] = [
    "提高", "增加", "增长", "下降", "减少", "降低", "上升", "缩短", "延长",
];

/// A count or measure is a change only when compared with a base and
/// introduced by a change verb: `较2020年提高1.16岁`, `比上年增加198项`
/// (not `新增198项`, which is the amount added). `verb_end` is where the
/// words before the figure end (see [`is_change`]).
fn is_compared_change(line: &Line, verb_end: usize) -> bool {
    let compared = &sets().compared;
    let Some(verb) = compared.ending_at(line, verb_end) else {
        return false;
    };
    let verb_start = verb_end - compared.len_of(verb);
    let floor = verb_start.saturating_sub(LOOKBACK);
    (floor..verb_start)
        .rev()
        .take_while(|&j| !super::text::is_clause_break(line.chars[j]))
        .any(|j| {
            ["较", "比", "同比", "环比"]
                .iter()
                .any(|w| line.starts_with(j, w))
                && !line.starts_with(j, "比例")
                && !line.starts_with(j, "比重")
        })
}

#[allow(clippy::too_many_arguments)]
fn raw(
    line: &Line,
    start: usize,
    end: usize,
    value: f64,
    upper: Option<f64>,
    unit: Option<&'static str>,
    kind: MetricKind,
    qualifier: Qualifier,
    change: bool,
) -> RawMetric {
    RawMetric {
        start: line.offs[start],
        end: line.offs[end],
        value,
        upper,
        unit,
        kind,
        qualifier,
        change,
        subject: None,
        sentence: 0,
        clause: 0,
    }
}

/// The phrase a figure measures: the text before it since `from` (without
/// the verbs that only introduce the figure), or, when the figure comes
/// first, the noun phrase after its unit (`完成了152项重点改革任务`).
/// Returns the subject and where the text it used ends (char index).
fn subject(line: &Line, from: usize, k: usize, end: usize) -> (Option<String>, usize) {
    let mut from = from.max(k.saturating_sub(LOOKBACK)).min(k);
    // Strip the verbs that only introduce the figure, then the connectives
    // that only start the clause (on char indices: no allocation).
    let mut to = k;
    let trailers = &sets().trailers;
    while let Some(t) = trailers.ending_at(line, to).filter(|_| to > from) {
        to -= trailers.len_of(t);
    }
    for l in SUBJECT_LEADERS {
        if from < to && line.starts_with(from, l) {
            from += l.chars().count();
        }
    }
    // Trimmed on the chars, then one string for the phrase chosen.
    let keep = |c: char| is_han(c) || c.is_alphanumeric() || matches!(c, '“' | '”');
    let mut lo = from;
    let mut hi = to.max(from);
    while lo < hi && !keep(line.chars[lo]) {
        lo += 1;
    }
    while hi > lo && !keep(line.chars[hi - 1]) {
        hi -= 1;
    }
    if lo < hi && matches!(line.chars[lo], '对' | '将' | '把' | '从' | '向' | '由') {
        lo += 1;
    }
    let before = &line.chars[lo..hi];
    // The noun after the unit, up to a verb or a clause break.
    let noun_follows = is_han(line.at(end)) && sets().noun_stops.starting_at(line, end).is_none();
    let mut after_end = end;
    let after: Option<&[char]> = noun_follows.then(|| {
        let mut j = end;
        while j < line.chars.len()
            && j - end < LOOKAHEAD
            && (is_han(line.at(j)) || matches!(line.at(j), '“' | '”'))
            && !(j > end && sets().noun_stops.starting_at(line, j).is_some())
        {
            j += 1;
        }
        after_end = j;
        &line.chars[end..j]
    });
    let n_before = before.len();
    let none: &[char] = &[];
    // The phrase as two runs of chars, joined.
    let chosen: Option<(&[char], &[char])> = match after {
        // `对群众反映的1889个热点难点问题`: the clause qualifies the noun.
        Some(a) if before.last() == Some(&'的') && !a.is_empty() => Some((before, a)),
        // `义务教育入学“网上办”等80余个场景`: examples, then the noun.
        Some(a) if before.last() == Some(&'等') && a.len() >= 2 => Some((a, none)),
        Some(a) if a.len() >= 2 && n_before <= 2 => Some((a, none)),
        _ if n_before >= 2 => Some((before, none)),
        Some(a) if !a.is_empty() => Some((a, none)),
        _ if n_before > 0 => Some((before, none)),
        // `393项实现“秒批秒办”`: name the figure by what it achieved.
        _ => {
            let mut j = end;
            while j < line.chars.len()
                && j - end < LOOKAHEAD
                && !super::text::is_clause_break(line.at(j))
            {
                j += 1;
            }
            // Blanks around it are layout, not the phrase (a run of
            // them is no subject at all).
            let mut p = &line.chars[end..j];
            while let [' ', rest @ ..] = p {
                p = rest;
            }
            while let [rest @ .., ' '] = p {
                p = rest;
            }
            (p.len() >= 2).then_some((p, none))
        }
    };
    let used = if chosen.is_some_and(|(x, y)| {
        let mut phrase = x.iter().chain(y).rev();
        after_end > end
            && line.chars[end..after_end]
                .iter()
                .rev()
                .all(|a| phrase.next() == Some(a))
    }) {
        after_end
    } else {
        end
    };
    let chosen = chosen.map(|(x, y)| {
        let mut s = String::with_capacity((x.len() + y.len()) * 3);
        s.extend(x.iter().chain(y));
        s
    });
    (chosen, used)
}

/// Lists of figures joined by `、`, `和`, `与`, `及`: a unit written once
/// applies to the figures before it (`1409万、1305万人次`); a qualifier or
/// change verb before the first applies to the rest (`分别超98.5%和99%`,
/// `分别下降3.6%和1.3%`); `分别` pairs each figure with its own subject
/// (`省级市级示范基地分别达到29处、353处`).
fn resolve_lists(text: &str, metrics: &mut [RawMetric]) {
    let joined = |a: &RawMetric, b: &RawMetric| {
        let between = &text[a.end..b.start];
        // One or two of these three-byte characters, and nothing else.
        (3..=6).contains(&between.len())
            && between
                .chars()
                .all(|c| matches!(c, '、' | '和' | '与' | '及'))
    };
    // Shared units, back to front.
    for i in (0..metrics.len().saturating_sub(1)).rev() {
        if metrics[i].unit.is_none()
            && joined(&metrics[i], &metrics[i + 1])
            && metrics[i + 1].unit.is_some()
        {
            metrics[i].unit = metrics[i + 1].unit;
            metrics[i].kind = metrics[i + 1].kind;
        }
    }
    // Qualifiers, change marks and subjects, front to back.
    let mut i = 0;
    while i < metrics.len() {
        let mut j = i;
        while j + 1 < metrics.len() && joined(&metrics[j], &metrics[j + 1]) {
            j += 1;
        }
        if j > i {
            let head_q = metrics[i].qualifier;
            let head_prefix = &text[metrics[i].clause..metrics[i].start];
            for m in &mut metrics[i + 1..=j] {
                if m.qualifier == Qualifier::Exact
                    && matches!(
                        head_q,
                        Qualifier::Over | Qualifier::AtLeast | Qualifier::Nearly
                    )
                {
                    m.qualifier = head_q;
                }
            }
            let head_change = metrics[i].change;
            let head_kind = metrics[i].kind;
            for m in &mut metrics[i + 1..=j] {
                if head_change && m.kind == head_kind {
                    m.change = true;
                }
            }
            if super::text::contains(head_prefix, "分别") {
                let subjects =
                    split_subjects(metrics[i].subject.as_deref().unwrap_or(""), j - i + 1);
                if let Some(subjects) = subjects {
                    for (m, s) in metrics[i..=j].iter_mut().zip(subjects) {
                        m.subject = Some(s);
                    }
                }
            } else {
                // A figure that follows a list separator has the head's
                // subject when its own clause gives none.
                let head_subject = metrics[i].subject.clone();
                for m in &mut metrics[i + 1..=j] {
                    if m.subject.as_deref().is_none_or(|s| s.chars().count() < 2) {
                        m.subject = head_subject.clone();
                    }
                }
            }
        }
        i = j + 1;
    }
    // `平均压减时间58%、材料52%`: a share after `、` and a short new subject
    // continues the change of the share before it.
    for i in 1..metrics.len() {
        let (prev, cur) = (&metrics[i - 1], &metrics[i]);
        if prev.change
            && !cur.change
            && cur.unit == prev.unit
            && cur.kind == MetricKind::Percent
            && cur.start >= prev.end
        {
            let between = &text[prev.end..cur.start];
            // `、` and one to four ideographs (at most 4 bytes each).
            if between.starts_with('、')
                && between.len() <= 20
                && (2..=5).contains(&between.chars().count())
                && between.chars().skip(1).all(is_han)
            {
                metrics[i].change = true;
            }
        }
    }
}

/// Splits a coordinated subject into `n` subjects that share a head noun:
/// `城镇和农村居民人均可支配收入` → `城镇居民人均可支配收入`,
/// `农村居民人均可支配收入`; `省级市级示范基地` → `省级示范基地`, `市级示范基地`.
fn split_subjects(subject: &str, n: usize) -> Option<Vec<String>> {
    let parts: Vec<&str> = subject
        .split(['、', '和', '与', '及'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() == n {
        let first_len = parts[0].chars().count();
        let last = parts[n - 1];
        let tail: String = last.chars().skip(first_len).collect();
        return Some(
            parts
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    if i + 1 < n && p.chars().count() == first_len {
                        format!("{p}{tail}")
                    } else {
                        p.to_string()
                    }
                })
                .collect(),
        );
    }
    // Adjacent two-character modifiers with the same last character:
    // 省级市级示范基地.
    let chars: Vec<char> = subject.chars().collect();
    for s in 0..chars.len() {
        if s + 2 * n > chars.len() {
            break;
        }
        let ok = (1..n).all(|m| chars[s + 2 * m + 1] == chars[s + 1]);
        if ok && chars[s + 1] != chars[s] {
            let head: String = chars[..s].iter().collect();
            let tail: String = chars[s + 2 * n..].iter().collect();
            return Some(
                (0..n)
                    .map(|m| format!("{head}{}{}{tail}", chars[s + 2 * m], chars[s + 2 * m + 1]))
                    .collect(),
            );
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every figure of a text, scanned line by line as `parse` does.
    fn scan_all(text: &str, fresh_windows: bool) -> Vec<RawMetric> {
        let mut scanner = Scanner {
            fresh_windows,
            ..Scanner::default()
        };
        let (mut sentence, mut out) = (0, Vec::new());
        for line in super::super::text::lines(text) {
            scanner.scan_line(text, line.start, line.end, &mut sentence, &mut out);
        }
        out
    }

    #[test]
    fn a_line_stops_one_figure_past_the_cap() {
        // A line of figures and nothing else: the scan stops reading once it
        // holds one more than the cap (the caller's sign to stop and warn),
        // instead of collecting every figure of the line first.
        let line = "1件".repeat(MAX_METRICS + 1000);
        let mut out = Vec::new();
        Scanner::default().scan_line(&line, 0, line.len(), &mut 0, &mut out);
        assert_eq!(out.len(), MAX_METRICS + 1);
        assert_eq!(out[MAX_METRICS].start, MAX_METRICS * "1件".len());
    }

    #[test]
    fn a_reused_window_reads_what_a_fresh_one_reads() {
        let texts = [
            include_str!("../../tests/fixtures/seed.txt"),
            include_str!("../../tests/fixtures/long/gzbg-2026-11.txt"),
            "省级市级示范基地分别达到29处、353处和1200处，共计1582处。",
            "办理1409万、1305万人次；分别超98.5%和99%；平均压减时间58%、材料52%。",
            "审结案件553件 综合纠错280件 纠错率50.63% 其中1件",
        ];
        for text in texts {
            let reused = scan_all(text, false);
            assert!(!reused.is_empty());
            assert_eq!(
                reused,
                scan_all(text, true),
                "{}",
                &text[..text.len().min(60)]
            );
        }
    }

    #[test]
    fn a_window_cut_short_is_not_offered_for_reuse() {
        let mut scanner = Scanner::default();
        // Cut at the clause's end: the next figure of the clause may reuse it.
        let text = "共有12个和3个，其他";
        let k = scanner.window(text, 0, text.find("12").unwrap(), text.len());
        assert_eq!((k, scanner.whole_clause_from), (2, Some(0)));
        // Cut WINDOW_AFTER characters after the figure: a later figure
        // would see less after it than a window of its own shows.
        let text = format!("共有12个{}3个", " ".repeat(WINDOW_AFTER + 8));
        scanner.window(&text, 0, text.find("12").unwrap(), text.len());
        assert_eq!(scanner.whole_clause_from, None);
        assert_eq!(scanner.chars.len(), 2 + WINDOW_AFTER);
    }

    #[test]
    fn every_suffix_qualifier_is_read() {
        for (word, _) in SUFFIX_QUALIFIERS {
            let chars: Vec<char> = format!("{word}。").chars().collect();
            let offs: Vec<usize> = (0..=chars.len()).collect();
            let line = Line {
                chars: &chars,
                offs: &offs,
            };
            assert_ne!(suffix_qualifier(&line, 0, None).1, 0, "{word}");
        }
    }

    #[test]
    fn every_compared_verb_is_found_before_a_figure() {
        for verb in COMPARED_VERBS {
            let chars: Vec<char> = format!("{verb}5").chars().collect();
            let offs: Vec<usize> = (0..=chars.len()).collect();
            let line = Line {
                chars: &chars,
                offs: &offs,
            };
            let end = chars.len() - 1;
            let found = sets().compared.ending_at(&line, end);
            assert_eq!(found.map(|i| COMPARED_VERBS[i]), Some(verb), "{verb}");
        }
    }

    #[test]
    fn digits_give_what_parsing_the_string_gives() {
        // A linear congruential walk over digit strings of 1 to 19 digits
        // with the point anywhere.
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..200_000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = 1 + (x >> 59) as usize % 19;
            let point = (x >> 40) as usize % (len + 1);
            let mut d = Digits::default();
            let mut repr = String::new();
            for i in 0..len {
                if i == point && i > 0 {
                    repr.push('.');
                }
                let v = ((x >> (i * 3 % 60)) % 10) as u32;
                repr.push(char::from(b'0' + v as u8));
                d.push(v);
                if repr.contains('.') {
                    d.frac += 1;
                }
            }
            let parsed: f64 = repr.parse().unwrap();
            if let Some(v) = d.value() {
                assert_eq!(v.to_bits(), parsed.to_bits(), "{repr}");
            }
            assert!(d.count > 15 || d.value().is_some());
        }
    }

    #[test]
    fn notable_bitmap_matches_the_classifier() {
        for c in '\u{800}'..='\u{FFFF}' {
            let cp = c as usize;
            let notable = NOTABLE[cp >> 6] & (1 << (cp & 63)) != 0;
            assert_eq!(
                notable,
                !matches!(classify_char(c), Byte::Other),
                "{c} U+{cp:04X}"
            );
        }
    }

    #[test]
    fn the_skip_table_skips_exactly_the_plain_three_byte_characters() {
        // Every lead byte with every pair of continuation bytes: skipped
        // when, and only when, it leads a three-byte character NOTABLE
        // does not hold.
        for b0 in 0..=255u8 {
            for b1 in 0x80..=0xBFu8 {
                for b2 in 0x80..=0xBFu8 {
                    let row = usize::from(ROW_OF_LEAD[usize::from(b0)]) | (usize::from(b1) & 0x3F);
                    let skipped = NOT_THREE[row] & (1 << (b2 & 0x3F)) == 0;
                    let c = ((usize::from(b0) & 0x0F) << 12)
                        | ((usize::from(b1) & 0x3F) << 6)
                        | (usize::from(b2) & 0x3F);
                    let plain =
                        (0xE0..=0xEF).contains(&b0) && NOTABLE[c >> 6] & (1 << (c & 63)) == 0;
                    assert_eq!(skipped, plain, "{b0:02X} {b1:02X} {b2:02X}");
                }
            }
        }
    }

    #[test]
    fn split_coordinated_subjects() {
        assert_eq!(
            split_subjects("省级市级示范基地", 2),
            Some(vec!["省级示范基地".to_string(), "市级示范基地".to_string()])
        );
        assert_eq!(
            split_subjects("城镇和农村居民人均可支配收入", 2),
            Some(vec![
                "城镇居民人均可支配收入".to_string(),
                "农村居民人均可支配收入".to_string()
            ])
        );
    }
}
