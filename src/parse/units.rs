//! The unit table: every measure word and unit the metric scanner knows,
//! with its base unit and kind. This list is data; the scanner has no
//! unit spelled out anywhere else.

use crate::MetricKind::{self, Count, Money, Other, Percent, PercentagePoint};

/// One unit as written after a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    /// As written (after width folding): `人次`, `微克/立方米`, `%`.
    pub surface: &'static str,
    /// The base unit reported in [`crate::Metric::unit`].
    pub base: &'static str,
    /// What it measures.
    pub kind: MetricKind,
    /// Extra conditions the scanner checks (see [`Guard`]).
    pub guard: Guard,
    /// Characters in `surface` (a `u8`: it fits beside `kind` and `guard`).
    pub chars: u8,
}

/// Conditions under which a unit word is not a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guard {
    /// Always a unit.
    None,
    /// `年`: only after `连续` (`连续五年`); otherwise a year or a period name.
    AfterLianxu,
    /// `届`, `期`: ordinals with Chinese numerals (`十九届`, `二期`), counts
    /// only with Arabic digits, `两`, or after `连续`/`共`.
    OrdinalWithCjk,
    /// `次`: not before a meeting name (`二次全会`, `三次会议`).
    NotBeforeMeeting,
    /// `周`: not before `年` (`80周年` is an anniversary).
    NotBeforeNian,
    /// `小时`: `24小时` means round the clock (`24小时应急值守`), unless a
    /// deadline follows (`24小时内`).
    NotRoundTheClock,
    /// `类`: not a class's name right after a count or a level (`2个1类创新药`,
    /// `四级三类国土空间规划体系`): 1 to 3 after `个`, `种`, `款`, `项` or `级`.
    NotClassName,
    /// `部`: not the start of `部门`, `部分` (`六部分`: six parts), `部署`,
    /// `部委`, `部长`.
    NotBumen,
}

const fn u(surface: &'static str, base: &'static str, kind: MetricKind) -> Unit {
    Unit {
        surface,
        base,
        kind,
        guard: Guard::None,
        chars: char_count(surface),
    }
}

const fn g(surface: &'static str, kind: MetricKind, guard: Guard) -> Unit {
    Unit {
        surface,
        base: surface,
        kind,
        guard,
        chars: char_count(surface),
    }
}

/// Characters in `s`: its bytes that do not continue a character.
const fn char_count(s: &str) -> u8 {
    let b = s.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < b.len() {
        if b[i] & 0xC0 != 0x80 {
            n += 1;
        }
        i += 1;
    }
    n
}

/// Every unit, longest surface first within each leading character so that
/// the first match is the longest (`个百分点` before `个月` before `个`).
pub const UNITS: &[Unit] = &[
    // shares
    u("%", "%", Percent),
    u("‰", "‰", Percent),
    u("个百分点", "个百分点", PercentagePoint),
    u("百分点", "个百分点", PercentagePoint),
    u("成", "成", Percent),
    // money
    u("美元", "美元", Money),
    u("欧元", "欧元", Money),
    u("港元", "港元", Money),
    u("元", "元", Money),
    // compound counts
    u("人次", "人次", Count),
    u("户次", "户次", Count),
    u("家次", "家次", Count),
    u("批次", "批次", Count),
    u("架次", "架次", Count),
    u("辆次", "辆次", Count),
    u("车次", "车次", Count),
    u("场次", "场次", Count),
    u("件次", "件次", Count),
    // As 广东 writes it: vehicle (vessel, aircraft, train) trips. Matched
    // on folded text, reported as written there.
    u("辆(艘、架、列)次", "辆（艘、架、列）次", Count),
    u("个月", "个月", Other),
    u("个工作日", "个工作日", Other),
    u("方面", "方面", Count),
    // measure words
    u("个", "个", Count),
    u("项", "项", Count),
    u("件", "件", Count),
    g("次", Count, Guard::NotBeforeMeeting),
    u("张", "张", Count),
    u("处", "处", Count),
    u("名", "名", Count),
    u("位", "位", Count),
    u("人", "人", Count),
    u("家", "家", Count),
    u("条", "条", Count),
    g("期", Count, Guard::OrdinalWithCjk),
    u("场", "场", Count),
    u("篇", "篇", Count),
    u("户", "户", Count),
    u("份", "份", Count),
    u("批", "批", Count),
    g("类", Count, Guard::NotClassName),
    u("轮", "轮", Count),
    u("所", "所", Count),
    u("座", "座", Count),
    u("台", "台", Count),
    u("辆", "辆", Count),
    u("款", "款", Count),
    u("支", "支", Count),
    u("套", "套", Count),
    u("对", "对", Count),
    u("株", "株", Count),
    u("种", "种", Count),
    g("部", Count, Guard::NotBumen),
    g("届", Count, Guard::OrdinalWithCjk),
    u("起", "起", Count),
    u("例", "例", Count),
    u("宗", "宗", Count),
    u("艘", "艘", Count),
    u("架", "架", Count),
    u("列", "列", Count),
    u("笔", "笔", Count),
    u("册", "册", Count),
    u("栋", "栋", Count),
    u("间", "间", Count),
    u("棵", "棵", Count),
    u("头", "头", Count),
    u("只", "只", Count),
    u("孔", "孔", Count),
    u("块", "块", Count),
    // measures
    u("微克/立方米", "微克/立方米", Other),
    u("平方公里", "平方公里", Other),
    u("平方米", "平方米", Other),
    u("立方米", "立方米", Other),
    u("公里", "公里", Other),
    u("千米", "千米", Other),
    u("公顷", "公顷", Other),
    u("公斤", "公斤", Other),
    u("千克", "千克", Other),
    u("千瓦时", "千瓦时", Other),
    u("千瓦", "千瓦", Other),
    u("兆瓦", "兆瓦", Other),
    u("标箱", "标箱", Other),
    u("亩", "亩", Other),
    u("吨", "吨", Other),
    u("米", "米", Other),
    g("小时", Other, Guard::NotRoundTheClock),
    u("分钟", "分钟", Other),
    u("工作日", "工作日", Other),
    u("天", "天", Other),
    g("周", Other, Guard::NotBeforeNian),
    u("岁", "岁", Other),
    u("倍", "倍", Other),
    g("年", Other, Guard::AfterLianxu),
];

/// Unit indices by first character, sorted, with table order kept within
/// one first character (made by the compiler: no sort in the module).
static BY_FIRST: [(char, u8); UNITS.len()] = {
    let mut index = [('\0', 0u8); UNITS.len()];
    let mut i = 0;
    while i < UNITS.len() {
        index[i] = (first_char(UNITS[i].surface), i as u8);
        i += 1;
    }
    // Insertion sort: an entry moves only past larger first characters.
    let mut i = 1;
    while i < index.len() {
        let mut j = i;
        while j > 0 && index[j - 1].0 as u32 > index[j].0 as u32 {
            let t = index[j - 1];
            index[j - 1] = index[j];
            index[j] = t;
            j -= 1;
        }
        i += 1;
    }
    index
};

/// The first character of a non-empty string, at compile time.
const fn first_char(s: &str) -> char {
    let b = s.as_bytes();
    let c = match b[0] {
        x if x < 0x80 => x as u32,
        x if x < 0xE0 => ((x as u32 & 0x1F) << 6) | (b[1] as u32 & 0x3F),
        x if x < 0xF0 => {
            ((x as u32 & 0x0F) << 12) | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F)
        }
        x => {
            ((x as u32 & 0x07) << 18)
                | ((b[1] as u32 & 0x3F) << 12)
                | ((b[2] as u32 & 0x3F) << 6)
                | (b[3] as u32 & 0x3F)
        }
    };
    match char::from_u32(c) {
        Some(c) => c,
        None => panic!("not UTF-8"),
    }
}

fn by_first() -> &'static [(char, u8)] {
    &BY_FIRST
}

/// True when some unit starts with `c`.
pub fn starts_unit(c: char) -> bool {
    let index = by_first();
    index
        .get(index.partition_point(|&(f, _)| f < c))
        .is_some_and(|&(f, _)| f == c)
}

/// The longest unit written at the start of `rest` (folded characters).
pub fn unit_at(rest: &[char]) -> Option<&'static Unit> {
    let first = *rest.first()?;
    let index = by_first();
    let from = index.partition_point(|&(f, _)| f < first);
    // Within one first character, table order puts longer surfaces first.
    index[from..]
        .iter()
        .take_while(|&&(f, _)| f == first)
        .map(|&(_, i)| &UNITS[i as usize])
        .find(|unit| {
            unit.surface
                .chars()
                .skip(1)
                .enumerate()
                .all(|(k, c)| rest.get(k + 1) == Some(&c))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Option<&'static str> {
        let chars: Vec<char> = s.chars().collect();
        unit_at(&chars).map(|u| u.surface)
    }

    #[test]
    fn longest_match_wins() {
        assert_eq!(at("个百分点，"), Some("个百分点"));
        assert_eq!(at("个月"), Some("个月"));
        assert_eq!(at("个部门"), Some("个"));
        assert_eq!(at("人次"), Some("人次"));
        assert_eq!(at("平方公里"), Some("平方公里"));
        assert_eq!(at("公里"), Some("公里"));
        assert_eq!(at("微克/立方米"), Some("微克/立方米"));
        assert_eq!(at("报告"), None);
    }

    #[test]
    fn the_compiled_index_is_the_sorted_table() {
        let mut v: Vec<(char, u8)> = UNITS
            .iter()
            .enumerate()
            .map(|(i, u)| (u.surface.chars().next().unwrap(), i as u8))
            .collect();
        v.sort();
        assert_eq!(by_first(), &v[..]);
    }

    #[test]
    fn every_surface_is_reachable() {
        // A shorter surface listed before a longer one with the same start
        // would hide it.
        for (i, long) in UNITS.iter().enumerate() {
            for short in &UNITS[..i] {
                assert!(
                    !long.surface.starts_with(short.surface),
                    "{} is hidden by {}",
                    long.surface,
                    short.surface
                );
            }
        }
    }
}
