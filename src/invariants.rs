//! The guarantees every [`Report`] keeps, as a checker that the property
//! tests, the stress test and the fuzz target share (and that callers may
//! use on reports they receive).

use crate::{Report, Section, Span, TextIndex};

/// Checks `report` against the text it was parsed from and returns every
/// broken guarantee, in words (empty when all hold):
///
/// - every span lies inside the input and on UTF-16 character boundaries;
/// - children lie inside their parent; siblings are in order and do not
///   overlap; a section's heading starts it, its body follows the heading;
/// - levels are 1–4 and a child's level is deeper than its parent's;
/// - every metric's text is exactly the input at its span, and the metric
///   lies inside the section it names (or in the preamble when it names
///   none);
/// - the preamble and every heading and body cover the input exactly once:
///   no text is lost; furniture lies inside the preamble or a section's
///   body, in order;
/// - tables are in order and do not overlap; each cell lies inside its
///   table, each canonical id occurs once, a blank cell is 0.
///
/// For a report of a [`crate::Document`] (HTML), `text` is the document's
/// text, [`Report::text`].
///
/// ```
/// let text = "一、总体情况\n共办理12件。";
/// let report = govreport::parse(text);
/// assert!(govreport::validate(text, &report).is_empty());
/// ```
pub fn validate(text: &str, report: &Report) -> Vec<String> {
    let mut errors = Vec::new();
    let index = TextIndex::new(text);
    let len = index.len_utf16();
    let check_span = |what: &str, span: Span, errors: &mut Vec<String>| {
        if span.start > span.end || span.end > len {
            errors.push(format!(
                "{what}: span {span:?} outside the input (length {len})"
            ));
        } else if index.slice(span).is_none() {
            errors.push(format!("{what}: span {span:?} not on character boundaries"));
        }
    };
    if report.length != len {
        errors.push(format!(
            "length {} but the input has {len} UTF-16 units",
            report.length
        ));
    }
    check_span("preamble", report.preamble, &mut errors);
    // Furniture: in the preamble, or inside a section's body (a printed
    // page's number or header), in order.
    let mut bodies: Vec<Span> = report.all_sections().map(|s| s.body_span).collect();
    bodies.sort();
    let in_body = |f: &Span| {
        let i = bodies.partition_point(|b| b.start <= f.start);
        i > 0 && bodies[i - 1].contains(f)
    };
    let mut last_furniture = 0;
    for (i, f) in report.furniture.iter().enumerate() {
        check_span(&format!("furniture {i}"), *f, &mut errors);
        if !report.preamble.contains(f) && !in_body(f) {
            errors.push(format!(
                "furniture {f:?} neither in the preamble {:?} nor in a section's body",
                report.preamble
            ));
        }
        if f.start < last_furniture {
            errors.push(format!("furniture {f:?} out of order"));
        }
        last_furniture = f.end;
    }

    fn walk(
        s: &Section,
        parent: Option<&Section>,
        out: &mut Vec<(String, Span, Option<Span>)>,
        errors: &mut Vec<String>,
    ) {
        if !(1..=4).contains(&s.level) {
            errors.push(format!("{}: level {}", s.id, s.level));
        }
        if let Some(p) = parent {
            if !p.span.contains(&s.span) {
                errors.push(format!(
                    "{} {:?} is not inside its parent {} {:?}",
                    s.id, s.span, p.id, p.span
                ));
            }
            if s.level <= p.level {
                errors.push(format!(
                    "{} (level {}) under {} (level {})",
                    s.id, s.level, p.id, p.level
                ));
            }
        }
        if s.heading_span.start != s.span.start || s.body_span.start != s.heading_span.end {
            errors.push(format!(
                "{}: heading {:?} and body {:?} do not start the section {:?}",
                s.id, s.heading_span, s.body_span, s.span
            ));
        }
        for w in s.children.windows(2) {
            if w[0].span.end > w[1].span.start {
                errors.push(format!(
                    "siblings {} {:?} and {} {:?} overlap or are out of order",
                    w[0].id, w[0].span, w[1].id, w[1].span
                ));
            }
        }
        out.push((s.id.clone(), s.heading_span, None));
        out.push((s.id.clone(), s.body_span, Some(s.span)));
        for c in &s.children {
            walk(c, Some(s), out, errors);
        }
    }
    let mut pieces = Vec::new();
    for w in report.sections.windows(2) {
        if w[0].span.end > w[1].span.start {
            errors.push(format!(
                "sections {} and {} overlap or are out of order",
                w[0].id, w[1].id
            ));
        }
    }
    for s in &report.sections {
        walk(s, None, &mut pieces, &mut errors);
    }
    for s in report.all_sections() {
        check_span(&s.id, s.span, &mut errors);
        check_span(&format!("{} heading", s.id), s.heading_span, &mut errors);
        check_span(&format!("{} body", s.id), s.body_span, &mut errors);
        for item in &s.items {
            if !(s.body_span.contains(&item.span)) {
                errors.push(format!(
                    "{}: item {} {:?} outside the body {:?}",
                    s.id, item.marker, item.span, s.body_span
                ));
            }
        }
    }

    // Coverage: preamble + headings + bodies tile the input.
    let mut tiles: Vec<Span> = pieces.iter().map(|p| p.1).collect();
    tiles.push(report.preamble);
    tiles.sort();
    let mut at = 0;
    for t in &tiles {
        if t.start != at {
            errors.push(format!("text lost or doubled between {at} and {}", t.start));
            break;
        }
        at = t.end;
    }
    if at != len && errors.is_empty() {
        errors.push(format!("text after {at} is not covered (length {len})"));
    }

    // Metrics: text, order, section.
    let spans: std::collections::HashMap<&str, Span> = report
        .all_sections()
        .map(|s| (s.id.as_str(), s.span))
        .collect();
    let mut last_start = 0;
    for m in &report.metrics {
        check_span(&m.id, m.span, &mut errors);
        if index.slice(m.span) != Some(m.text.as_str()) {
            errors.push(format!(
                "{}: text {:?} is not the input at {:?}",
                m.id, m.text, m.span
            ));
        }
        if m.span.start < last_start {
            errors.push(format!("{}: out of document order", m.id));
        }
        last_start = m.span.start;
        match &m.section {
            Some(id) => match spans.get(id.as_str()) {
                Some(s) if s.contains(&m.span) => {}
                Some(s) => errors.push(format!(
                    "{} {:?} is not inside its section {id} {s:?}",
                    m.id, m.span
                )),
                None => errors.push(format!("{}: unknown section {id}", m.id)),
            },
            None if !report.preamble.contains(&m.span) => errors.push(format!(
                "{} {:?} names no section but is outside the preamble",
                m.id, m.span
            )),
            None => {}
        }
        if !m.value.is_finite() {
            errors.push(format!("{}: value {}", m.id, m.value));
        }
    }

    // Tables: in order, cells inside their table, each id once.
    let mut ids = std::collections::HashSet::new();
    let mut last_end = 0;
    for t in &report.tables {
        check_span(&t.id, t.span, &mut errors);
        if t.span.start < last_end {
            errors.push(format!("{} {:?} overlaps the table before", t.id, t.span));
        }
        last_end = t.span.end;
        for c in &t.cells {
            if !ids.insert(c.id.as_str()) {
                errors.push(format!("{}: cell {} twice", t.id, c.id));
            }
            if let Some(span) = c.span {
                check_span(&c.id, span, &mut errors);
                if !t.span.contains(&span) {
                    errors.push(format!("{} {span:?} outside its table {:?}", c.id, t.span));
                }
            }
            if !c.value.is_finite() || (c.blank && c.value != 0.0) {
                errors.push(format!("{}: value {} (blank {})", c.id, c.value, c.blank));
            }
        }
    }
    errors
}
