//! The scanner's word tables (names that are not quantities, qualifiers,
//! change words, the words around a subject) and the matcher that finds
//! them: lists indexed by first and last character.

use super::*;

/// Names and slogans that contain a numeral and a measure word but are not
/// quantities (`四个意识`, `三项制度`). Matched at the start of the number.
pub(super) const FIXED_NAMES: &[&str] = &[
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
pub(super) const PREFIX_QUALIFIERS: &[(&str, Qualifier, bool)] = &[
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
pub(super) const SUFFIX_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("左右", Qualifier::About),
    ("以上", Qualifier::AtLeast),
    ("以内", Qualifier::AtMost),
    ("以下", Qualifier::AtMost),
    ("之内", Qualifier::AtMost),
];

/// Verbs after which a bare magnitude (`千亿元`, `万亿元`) is a quantity.
pub(super) const MAGNITUDE_VERBS: &[&str] =
    &["超", "破", "近", "约", "达", "在", "逾", "上", "为", "过"];

/// Verbs of change: a share after one of them is a change, unless `到`/`至`
/// follows the verb (`提高到90%` is a level).
pub(super) const CHANGE_WORDS: &[&str] = &[
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
pub(super) const NOUN_STOPS: &[&str] = &[
    "实现", "完成", "获得", "纳入", "被", "均", "全部", "已", "得到", "参加", "荣获", "覆盖",
    "入选", "下放", "开展", "通过", "达到", "和", "及", "与", "在", "的", "进行", "列入", "获",
    "中", "分别", "共", "累计", "合计", "投入", "建成", "上线", "启用",
];

/// Words stripped from the end of a subject taken before the figure.
pub(super) const SUBJECT_TRAILERS: &[&str] = &[
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
    "高达",
    "多达",
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
    "由",
    "从",
];

/// Words stripped from the start of a subject, again and again: the time
/// (`目前`, `全年`), the body reporting (`我区`, `全区`), connectives and
/// adverbs that only open the clause (`其中`, `共`, `已`).
pub(super) const SUBJECT_LEADERS: &[&str] = &[
    "截至目前",
    "截至年底",
    "截至",
    "目前",
    "今年以来",
    "今年",
    "全年",
    "年内",
    "当年",
    "近年来",
    "以来",
    "同期",
    "期间",
    "其中",
    "同时",
    "此外",
    "另外",
    "并且",
    "我区",
    "我市",
    "我县",
    "我省",
    "全区",
    "全市",
    "全县",
    "全省",
    "共计",
    "共",
    "已经",
    "已",
    "先后",
    "均",
    "并",
    "还",
    "另",
    "和",
    "及",
    // Light verbs: the activity is the phrase (`开展应急演练`).
    "组织开展",
    "开展",
    "推动",
];

/// Characters after which a `共` is part of a word (`公共`, `总共`), and
/// characters before which it begins one (`共享`, `共同`, `共有`): any
/// other `共` inside a subject is the adverb "in all" and is left out.
pub(super) const GONG_AFTER: &str = "公总一";
pub(super) const GONG_BEFORE: &str = "享同建识青赢治有性产和商担创用";

/// A word list indexed by first and by last character: a position is
/// checked only against the words that start (or end) with its character,
/// usually none or one. The words are kept as characters, compared without
/// decoding.
pub(super) struct Words {
    pub(super) list: Vec<Box<[char]>>,
    pub(super) by_first: Buckets,
    pub(super) by_last: Buckets,
}

/// Word indices grouped by a hash of one character, each group in list
/// order: the group of hash `h` is `index[start[h]..start[h + 1]]`.
pub(super) struct Buckets {
    pub(super) start: [u16; 257],
    pub(super) index: Box<[u16]>,
}

pub(super) fn bucket(c: char) -> usize {
    ((c as u32).wrapping_mul(0x9E37_79B1) >> 24) as usize
}

impl Buckets {
    pub(super) fn new(keys: &[char]) -> Self {
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
    pub(super) fn of(&self, c: char) -> &[u16] {
        let h = bucket(c);
        &self.index[usize::from(self.start[h])..usize::from(self.start[h + 1])]
    }
}

impl Words {
    pub(super) fn new(list: Vec<&'static str>) -> Self {
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
    pub(super) fn starting_at(&self, line: &Line, k: usize) -> Option<usize> {
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
    pub(super) fn len_of(&self, i: usize) -> usize {
        self.list[i].len()
    }

    /// The indices of the words of the list written just before char `k`,
    /// in list order.
    pub(super) fn ending_at_all<'s>(
        &'s self,
        line: &'s Line,
        k: usize,
    ) -> impl Iterator<Item = usize> + 's {
        let last = k.checked_sub(1).and_then(|p| line.chars.get(p).copied());
        let group = last.map_or(&[][..], |c| self.by_last.of(c));
        group.iter().map(|&i| usize::from(i)).filter(move |&i| {
            let w = &self.list[i];
            Some(w[w.len() - 1]) == last && k >= w.len() && line.chars[k - w.len()..k] == **w
        })
    }

    /// The index of the first word of the list written just before char `k`.
    pub(super) fn ending_at(&self, line: &Line, k: usize) -> Option<usize> {
        self.ending_at_all(line, k).next()
    }
}

/// The word sets of this module, built once.
pub(super) struct Sets {
    pub(super) prefix: Words,
    pub(super) magnitude: Words,
    pub(super) noun_stops: Words,
    pub(super) trailers: Words,
    pub(super) leaders: Words,
    pub(super) change: Words,
    pub(super) fixed: Words,
    pub(super) suffix: Words,
    pub(super) compared: Words,
}

pub(super) fn sets() -> &'static Sets {
    static SETS: std::sync::OnceLock<Sets> = std::sync::OnceLock::new();
    SETS.get_or_init(|| Sets {
        prefix: Words::new(PREFIX_QUALIFIERS.iter().map(|p| p.0).collect()),
        magnitude: Words::new(MAGNITUDE_VERBS.to_vec()),
        noun_stops: Words::new(NOUN_STOPS.to_vec()),
        trailers: Words::new(SUBJECT_TRAILERS.to_vec()),
        leaders: Words::new(SUBJECT_LEADERS.to_vec()),
        change: Words::new(CHANGE_WORDS.to_vec()),
        fixed: Words::new(FIXED_NAMES.to_vec()),
        suffix: Words::new(SUFFIX_QUALIFIERS.iter().map(|s| s.0).collect()),
        compared: Words::new(COMPARED_VERBS.to_vec()),
    })
}
