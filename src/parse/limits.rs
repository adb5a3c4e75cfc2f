//! Named limits. Each bounds work or output that would otherwise grow with
//! hostile input; beyond a limit the report says so in `warnings` and the
//! text stays whole (the viewer still shows every character).

/// Largest input analysed: 128 MiB. Spans are `u32` UTF-16 offsets (4 Gi
/// units), and at about 7× the input in peak memory a 128 MiB report still
/// fits the 4 GiB address space of wasm32. Longer input is returned as one
/// preamble with a warning.
pub const MAX_INPUT_BYTES: usize = 128 * 1024 * 1024;

/// Most sections kept: 20 000. The longest real reports have about 300
/// headings; a page with a million `（一）` lines would otherwise become a
/// million DOM nodes in the viewer. Later heading lines stay body text.
pub const MAX_SECTIONS: usize = 20_000;

/// Most lines of page furniture (navigation, labels, dates) before the
/// first heading, and most metadata fields: 100 each. Real pages have at
/// most 13 such lines and 6 fields. Each run of furniture folds into a
/// `<details>` in the viewer, and closed `<details>` are slow to lay out in
/// numbers: 20 000 date lines between paragraphs took 396 s to paint in
/// Chromium with no limit, 8.9 s with a limit of 1 000 and 2.3 s with
/// this one (the same text without the date lines: 1.6 s). Later lines
/// are read as text; later fields are not recorded (their lines stay in
/// the text).
pub const MAX_FURNITURE: usize = 100;

/// Most page numbers and running headers set aside as furniture: 10 000,
/// a PDF of 5 000 pages with a header and a number on each. Later ones are
/// read as text.
pub const MAX_PAGE_FURNITURE: usize = 10_000;

/// Fewest lines between two occurrences of a running header: a printed
/// page holds more (the labels of a table in plain text recur a few lines
/// apart).
pub const PAGE_LINES: usize = 12;

/// Most metrics kept: 500 000 (the densest real report has about 1 500;
/// the benchmark's 100× concatenation of the long reports has 250 000).
/// Each becomes a `<mark>` and a table row in the viewer.
pub const MAX_METRICS: usize = 500_000;

/// Most digits in the integer part of a number that is still a quantity.
/// Longer digit runs (identifiers, a million `1`s) are skipped in one step,
/// so their cost stays linear.
pub const MAX_INTEGER_DIGITS: usize = 15;

/// Most characters in one Chinese numeral (`一千二百三十四万五千六百七十八`
/// has 15).
pub const MAX_CJK_NUMERAL: usize = 16;

/// How far back (in characters) the metric scanner looks for the subject,
/// qualifier and change words of a quantity. Keeps each quantity's work
/// constant on lines of any length.
pub const LOOKBACK: usize = 40;

/// How far back (in bytes) a quantity's indicator reads its clause and
/// its sentence: 1 500 bytes, 500 Chinese characters, where the longest
/// sentence of the corpus runs 234 characters before a figure. Keeps the
/// work per quantity constant in a sentence that never ends (a line of
/// 40 000 figures and no stop took 80 s without it).
pub const CONTEXT_BEFORE: usize = 1500;

/// How far ahead (in characters) it looks for the counted noun.
pub const LOOKAHEAD: usize = 20;

/// Heading levels are 1–4 by marker style (GB/T 9704-2012), so the section
/// tree is at most four deep whatever the input: no depth limit is needed
/// beyond this constant, which the tests check.
pub const MAX_DEPTH: usize = 4;

/// Most rules one parse takes: 1 000.
pub const MAX_RULES: usize = 1_000;
/// Longest pattern, in characters: 2 000.
pub const MAX_PATTERN_CHARS: usize = 2_000;
/// Largest compiled program of one pattern, in bytes: 1 MiB (the regex
/// crate's `size_limit`; `.{0,6}` inside a long alternation grows fast).
pub const MAX_RULE_SIZE: usize = 1 << 20;

/// Most steps one row's cell split may take: 100 000. A run of digits
/// whose cell boundaries were lost is split by trying cuts under the
/// format's arithmetic; the corpus rows take at most a few hundred. A row
/// that needs more is ambiguous (its cells unreadable), never slow.
pub const MAX_SPLIT_STEPS: usize = 100_000;

/// Most rows and most columns of a table read: 2 000 and 64. The three
/// tables of the format have at most 30 rows and 15 columns; a `colspan`
/// or `rowspan` of a billion is cut to these, with a warning.
pub const MAX_TABLE_ROWS: usize = 2_000;
/// See [`MAX_TABLE_ROWS`].
pub const MAX_TABLE_COLUMNS: usize = 64;

/// Most tables one document keeps: 200. Later tables stay text.
pub const MAX_TABLES: usize = 200;
