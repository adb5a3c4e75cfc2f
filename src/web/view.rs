//! The view: [`Report`] → DOM, through web-sys. It reads only the public
//! model and the input text, and builds every node from text nodes: report
//! text never passes through `innerHTML`.
//!
//! The tree it builds (inside the shadow root the JavaScript shim makes):
//!
//! ```text
//! div.gr[part=viewer]
//!   header[part=header]   h2 title, dl metadata, p summary, toolbar
//!   div.layout
//!     article[part=report]  the whole input, in order:
//!       details.furniture   page furniture, folded
//!       div.preamble        opening text
//!       details.section     one per section: summary > hN heading, div.body, children
//!       figure.table        a statistical table where it stands (`tables.rs`)
//!     aside[part=panels]    checks panel, metrics panel (table head and
//!                           an empty body: the shim builds the rows from
//!                           the report, as it pages, sorts and filters them)
//!   div[role=tooltip]
//! ```
//!
//! Behaviour (sorting, filtering, revealing, tooltips, CSV) is wired by the
//! shim (`www/govreport.js`) on top of this markup.

use crate::parse::wraps;
use crate::{Check, CheckStatus, Lang, Metric, Report, Section, Span, TextIndex};
use js_sys::Function;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

pub(super) struct Dom<'a> {
    doc: Document,
    pub(super) lang: Lang,
    index: TextIndex<'a>,
    metrics: &'a [Metric],
    /// Next metric to place (metrics are in document order).
    next_metric: usize,
    pub(super) report: &'a Report,
    /// Prototype `<mark>`s by kind and change, cloned for each metric: one
    /// call into the DOM instead of five (every call that carries a string
    /// from wasm to JavaScript costs a decode).
    mark_templates: Vec<Option<Element>>,
    /// Where runs of the report text come from, when JavaScript holds it:
    /// `run(parent, start, end)` appends `text.slice(start, end)` to
    /// `parent`, so that runs pass by UTF-16 offsets instead of being
    /// copied out of wasm memory and decoded again (the bulk of the
    /// strings a render sends across).
    runs: Option<&'a Function>,
}

pub(super) type R<T = ()> = Result<T, JsValue>;

impl<'a> Dom<'a> {
    pub(super) fn el(&self, tag: &str, class: &str) -> R<Element> {
        let e = self.doc.create_element(tag)?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        Ok(e)
    }

    pub(super) fn text(&self, parent: &Element, s: &str) -> R {
        // ParentNode.append(string) makes the text node: one call, not two.
        parent.append_with_str_1(s)
    }

    /// Appends the report text `s` at `span`: by offsets when JavaScript
    /// holds the text, else as a string.
    fn run(&self, parent: &Element, span: Span, s: &str) -> R {
        match self.runs {
            Some(runs) => runs
                .call3(
                    &JsValue::UNDEFINED,
                    parent,
                    &JsValue::from(span.start),
                    &JsValue::from(span.end),
                )
                .map(drop),
            None => self.text(parent, s),
        }
    }

    /// An element holding a label of the viewer's own (not report text):
    /// marked `data-ui` so that text checks can tell them apart.
    pub(super) fn ui(&self, tag: &str, class: &str, key: &str) -> R<Element> {
        let e = self.el(tag, class)?;
        e.set_attribute("data-ui", "")?;
        self.text(&e, self.lang.label(key))?;
        Ok(e)
    }

    pub(super) fn label(&self, key: &str) -> &'static str {
        self.lang.label(key)
    }

    /// Appends the input's text of `span` to `parent`, split into
    /// paragraphs at line breaks, with each metric in it as a `<mark>`;
    /// a table inside it as a table. `inline` keeps it in one run (for
    /// headings).
    fn spans(&mut self, parent: &Element, span: Span, inline: bool) -> R {
        if inline || self.report.tables.is_empty() {
            return self.text_spans(parent, span, inline);
        }
        let mut at = span.start;
        for t in self.tables_in(span) {
            if t.span.start > at {
                self.text_spans(parent, Span::new(at, t.span.start), false)?;
            }
            self.table(parent, t)?;
            at = t.span.end;
        }
        if at < span.end {
            self.text_spans(parent, Span::new(at, span.end), false)?;
        }
        Ok(())
    }

    /// [`Self::spans`] as paragraphs, tables as their text.
    pub(super) fn plain_spans(&mut self, parent: &Element, span: Span) -> R {
        self.text_spans(parent, span, false)
    }

    fn text_spans(&mut self, parent: &Element, span: Span, inline: bool) -> R {
        let Some(text) = self.index.slice(span) else {
            return Ok(());
        };
        if text.is_empty() {
            return Ok(());
        }
        let mut pos = span.start;
        let mut para: Option<Element> = None;
        let mut rest = text;
        while !rest.is_empty() {
            // A paragraph broken by hard line breaks is one `<p>`, its
            // figures read across the breaks (parse::wraps).
            // A printed page's number or header stands apart.
            let mut line_len = rest.find(['\n', '\r']).unwrap_or(rest.len());
            let mut last_start = 0;
            let mut last_units = 0;
            let first_units = rest[..line_len].encode_utf16().count() as u32;
            let furniture = !inline && self.furniture_in(Span::new(pos, pos + first_units));
            while !inline && !furniture && line_len < rest.len() {
                let line = &rest[last_start..line_len];
                let tail = &rest[line_len..];
                let brk = if tail.starts_with("\r\n") {
                    2
                } else {
                    tail.chars().next().map_or(0, char::len_utf8)
                };
                let next = &tail[brk..];
                let next_len = next.find(['\n', '\r']).unwrap_or(next.len());
                let next_at = pos
                    + last_units
                    + rest[last_start..line_len + brk].encode_utf16().count() as u32;
                let next_units = next[..next_len].encode_utf16().count() as u32;
                if !wraps::ends_mid_sentence(line.trim())
                    || next[..next_len].trim().is_empty()
                    || self.furniture_in(Span::new(next_at, next_at + next_units))
                {
                    break;
                }
                last_units = next_at - pos;
                last_start = line_len + brk;
                line_len += brk + next_len;
            }
            let (line, tail) = rest.split_at(line_len);
            let brk = tail.chars().next().map_or(0, char::len_utf8);
            let (_, after) = tail.split_at(brk);
            let line_units = line.encode_utf16().count() as u32;
            if !line.trim().is_empty() {
                let target = if inline {
                    parent.clone()
                } else {
                    let p = self.el("p", if furniture { "page-furniture" } else { "" })?;
                    if furniture {
                        p.set_attribute("part", "furniture")?;
                    }
                    parent.append_child(&p)?;
                    para = Some(p.clone());
                    p
                };
                self.line(&target, Span::new(pos, pos + line_units))?;
            } else if !line.is_empty() {
                // Whitespace-only text stays in the DOM too.
                let target = para.clone().unwrap_or_else(|| parent.clone());
                self.run(&target, Span::new(pos, pos + line_units), line)?;
            }
            let brk_units = tail[..brk].encode_utf16().count() as u32;
            if brk > 0 {
                let target = if inline {
                    parent.clone()
                } else {
                    para.clone().unwrap_or_else(|| parent.clone())
                };
                let at = pos + line_units;
                self.run(&target, Span::new(at, at + brk_units), &tail[..brk])?;
            }
            pos += line_units + brk_units;
            rest = after;
        }
        Ok(())
    }

    /// True when page furniture starts inside `span` (furniture spans are
    /// whole trimmed lines: the line is a printed page's number or header).
    fn furniture_in(&self, span: Span) -> bool {
        let f = &self.report.furniture;
        let i = f.partition_point(|x| x.start < span.start);
        i < f.len() && f[i].start < span.end
    }

    /// One line: text nodes and `<mark>`s for the metrics inside it.
    fn line(&mut self, parent: &Element, span: Span) -> R {
        // Skip metrics that start before this line (cannot happen for
        // well-formed input; keeps a malformed report from looping).
        while self.next_metric < self.metrics.len()
            && self.metrics[self.next_metric].span.start < span.start
        {
            self.next_metric += 1;
        }
        let mut at = span.start;
        while self.next_metric < self.metrics.len() {
            let m = &self.metrics[self.next_metric];
            if m.span.start >= span.end || m.span.end > span.end {
                break;
            }
            if let Some(before) = self.index.slice(Span::new(at, m.span.start)) {
                if !before.is_empty() {
                    self.run(parent, Span::new(at, m.span.start), before)?;
                }
            }
            let mark = self.mark(m)?;
            parent.append_child(&mark)?;
            at = m.span.end;
            self.next_metric += 1;
        }
        if let Some(rest) = self.index.slice(Span::new(at, span.end)) {
            if !rest.is_empty() {
                self.run(parent, Span::new(at, span.end), rest)?;
            }
        }
        Ok(())
    }

    fn mark(&mut self, m: &Metric) -> R<Element> {
        let slot = m.kind.index() * 2 + usize::from(m.change);
        if self.mark_templates[slot].is_none() {
            let mut class = format!("metric kind-{}", m.kind.as_str());
            if m.change {
                class.push_str(" change");
            }
            let t = self.el("mark", &class)?;
            t.set_attribute("part", &format!("metric metric--{}", m.kind.as_str()))?;
            t.set_attribute("tabindex", "0")?;
            self.mark_templates[slot] = Some(t);
        }
        let mark: Element = self.mark_templates[slot]
            .as_ref()
            .map(|t| t.clone_node())
            .transpose()?
            .map(JsCast::unchecked_into)
            .ok_or("template")?;
        mark.set_attribute("data-metric", &m.id)?;
        self.run(&mark, m.span, &m.text)?;
        Ok(mark)
    }

    fn section(&mut self, parent: &Element, s: &Section) -> R {
        let level = s.level.clamp(1, 4);
        let details = self.el("details", &format!("section level-{level}"))?;
        details.set_attribute("part", &format!("section section--level-{level}"))?;
        details.set_attribute("data-section", &s.id)?;
        details.set_attribute("open", "")?;
        details.set_id(&format!("gr-{}", s.id));
        let summary = self.el("summary", "")?;
        summary.set_attribute("part", "heading")?;
        let heading = self.el(&format!("h{}", level + 2), "heading")?;
        self.spans(&heading, s.heading_span, true)?;
        summary.append_child(&heading)?;
        details.append_child(&summary)?;
        let body = self.el("div", "body")?;
        body.set_attribute("part", "body")?;
        self.spans(&body, s.body_span, false)?;
        details.append_child(&body)?;
        for child in &s.children {
            self.section(&details, child)?;
        }
        parent.append_child(&details)?;
        Ok(())
    }

    /// The preamble in order: runs of furniture lines folded into a
    /// `<details>`, everything else as paragraphs.
    fn preamble(&mut self, parent: &Element) -> R {
        let r = self.report;
        let mut at = r.preamble.start;
        let mut i = 0;
        while i < r.furniture.len() {
            // A run of furniture separated only by whitespace.
            let first = r.furniture[i];
            let mut last = first;
            let mut j = i + 1;
            while j < r.furniture.len() {
                let gap = self
                    .index
                    .slice(Span::new(last.end, r.furniture[j].start))
                    .unwrap_or("x");
                if !gap.trim().is_empty() {
                    break;
                }
                last = r.furniture[j];
                j += 1;
            }
            if first.start > at {
                let block = self.el("div", "preamble")?;
                block.set_attribute("part", "preamble")?;
                self.spans(&block, Span::new(at, first.start), false)?;
                parent.append_child(&block)?;
            }
            let details = self.el("details", "furniture")?;
            details.set_attribute("part", "furniture")?;
            let summary = self.ui("summary", "", "view.furniture")?;
            details.append_child(&summary)?;
            let body = self.el("div", "body")?;
            self.spans(&body, Span::new(first.start, last.end), false)?;
            details.append_child(&body)?;
            parent.append_child(&details)?;
            at = last.end;
            i = j;
        }
        if r.preamble.end > at {
            let block = self.el("div", "preamble")?;
            block.set_attribute("part", "preamble")?;
            self.spans(&block, Span::new(at, r.preamble.end), false)?;
            parent.append_child(&block)?;
        }
        Ok(())
    }

    fn header(&self, root: &Element) -> R {
        let r = self.report;
        let header = self.el("header", "header")?;
        header.set_attribute("part", "header")?;
        let h = match &r.title {
            Some(t) => {
                let h = self.el("h2", "title")?;
                self.text(&h, t)?;
                h
            }
            None => self.ui("h2", "title untitled", "view.no_title")?,
        };
        h.set_attribute("part", "title")?;
        header.append_child(&h)?;

        let dl = self.el("dl", "meta")?;
        dl.set_attribute("part", "meta")?;
        let year = r.year.map(|y| y.to_string());
        let rows = [
            ("view.year", year.as_ref()),
            ("view.meta.publisher", r.meta.publisher.as_ref()),
            ("view.meta.published", r.meta.published.as_ref()),
            ("view.meta.issued", r.meta.issued.as_ref()),
            ("view.meta.doc_no", r.meta.doc_no.as_ref()),
            ("view.meta.index_no", r.meta.index_no.as_ref()),
        ];
        for (key, value) in rows {
            if let Some(v) = value {
                let wrap = self.el("div", "")?;
                let dt = self.ui("dt", "", key)?;
                wrap.append_child(&dt)?;
                let dd = self.el("dd", "")?;
                self.text(&dd, v)?;
                wrap.append_child(&dd)?;
                dl.append_child(&wrap)?;
            }
        }
        header.append_child(&dl)?;

        let count = |s: CheckStatus| r.checks.iter().filter(|c| c.status == s).count();
        let summary = self.el("p", "summary")?;
        summary.set_attribute("part", "summary")?;
        summary.set_attribute("data-ui", "")?;
        let sections = r.all_sections().count();
        let text = format!(
            "{} {} · {} {} · {}：{} {} / {} {} / {} {}",
            sections,
            self.label("view.sections"),
            r.metrics.len(),
            self.label("view.metrics"),
            self.label("view.checks"),
            count(CheckStatus::Pass),
            self.label("view.passed"),
            count(CheckStatus::Warn),
            self.label("view.warned"),
            count(CheckStatus::Fail),
            self.label("view.failed"),
        );
        self.text(&summary, &text)?;
        header.append_child(&summary)?;

        let toolbar = self.el("div", "toolbar")?;
        toolbar.set_attribute("part", "toolbar")?;
        for (action, key) in [
            ("expand-all", "view.expand_all"),
            ("collapse-all", "view.collapse_all"),
        ] {
            let b = self.ui("button", "", key)?;
            b.set_attribute("type", "button")?;
            b.set_attribute("data-action", action)?;
            toolbar.append_child(&b)?;
        }
        header.append_child(&toolbar)?;

        if !r.warnings.is_empty() {
            let box_ = self.el("div", "warnings")?;
            box_.set_attribute("part", "warnings")?;
            box_.set_attribute("role", "note")?;
            let strong = self.ui("strong", "", "view.warnings")?;
            box_.append_child(&strong)?;
            let ul = self.el("ul", "")?;
            for w in &r.warnings {
                let li = self.el("li", "")?;
                self.text(&li, w)?;
                ul.append_child(&li)?;
            }
            box_.append_child(&ul)?;
            header.append_child(&box_)?;
        }
        root.append_child(&header)?;
        Ok(())
    }

    fn checks_panel(&self, aside: &Element) -> R {
        let panel = self.el("section", "panel checks")?;
        panel.set_attribute("part", "checks-panel")?;
        panel.set_attribute("aria-labelledby", "gr-checks-title")?;
        let h = self.ui("h3", "", "view.checks")?;
        h.set_id("gr-checks-title");
        panel.append_child(&h)?;
        let ul = self.el("ul", "")?;
        for (i, c) in self.report.checks.iter().enumerate() {
            let li = self.check(i, c)?;
            ul.append_child(&li)?;
        }
        panel.append_child(&ul)?;
        aside.append_child(&panel)?;
        Ok(())
    }

    fn check(&self, i: usize, c: &Check) -> R<Element> {
        let status = c.status.as_str();
        let li = self.el("li", &format!("check status-{status}"))?;
        li.set_attribute("part", &format!("check check--{status}"))?;
        li.set_attribute("data-check", &c.id)?;
        li.set_id(&format!("gr-check-{}", i + 1));
        let badge = self.ui("span", "badge", &format!("view.status.{status}"))?;
        li.append_child(&badge)?;
        let msg = self.el("span", "message")?;
        self.text(&msg, &c.message)?;
        li.append_child(&msg)?;
        if let Some(section) = &c.section {
            let b = self.ui("button", "link", "view.go_to_section")?;
            b.set_attribute("type", "button")?;
            b.set_attribute("data-reveal-section", section)?;
            li.append_child(&b)?;
        }
        if let Some(cell) = c.cells.first().filter(|_| c.id != "tables.blank") {
            let b = self.ui("button", "link", "view.go_to_cells")?;
            b.set_attribute("type", "button")?;
            b.set_attribute("data-reveal-cell", cell)?;
            li.append_child(&b)?;
        }
        if let Some(m) = c.metrics.last() {
            let b = self.ui("button", "link", "view.go_to_metric")?;
            b.set_attribute("type", "button")?;
            b.set_attribute("data-reveal-metric", m)?;
            b.set_attribute("data-metrics", &c.metrics.join(" "))?;
            li.append_child(&b)?;
        }
        Ok(li)
    }

    fn metrics_panel(&mut self, aside: &Element) -> R {
        let panel = self.el("section", "panel metrics")?;
        panel.set_attribute("part", "metrics-panel")?;
        panel.set_attribute("aria-labelledby", "gr-metrics-title")?;
        let h = self.ui("h3", "", "view.metrics")?;
        h.set_id("gr-metrics-title");
        panel.append_child(&h)?;

        let tools = self.el("div", "table-tools")?;
        let input = self.el("input", "filter")?;
        input.set_attribute("type", "search")?;
        input.set_attribute("part", "filter")?;
        input.set_attribute("aria-label", self.label("view.filter"))?;
        input.set_attribute("placeholder", self.label("view.filter"))?;
        tools.append_child(&input)?;
        let export = self.ui("button", "", "view.export_csv")?;
        export.set_attribute("type", "button")?;
        export.set_attribute("data-action", "export-csv")?;
        tools.append_child(&export)?;
        panel.append_child(&tools)?;

        let wrap = self.el("div", "table-wrap")?;
        let table = self.el("table", "")?;
        table.set_attribute("part", "metrics-table")?;
        let thead = self.el("thead", "")?;
        let tr = self.el("tr", "")?;
        for (col, key) in [
            ("subject", "view.col.subject"),
            ("value", "view.col.value"),
            ("unit", "view.col.unit"),
            ("qualifier", "view.col.qualifier"),
            ("section", "view.col.section"),
        ] {
            let th = self.el("th", "")?;
            th.set_attribute("scope", "col")?;
            th.set_attribute("aria-sort", "none")?;
            let b = self.ui("button", "sort", key)?;
            b.set_attribute("type", "button")?;
            b.set_attribute("data-sort", col)?;
            th.append_child(&b)?;
            tr.append_child(&th)?;
        }
        thead.append_child(&tr)?;
        table.append_child(&thead)?;
        // The rows are the shim's (viewer.js): it attaches them as they are
        // needed, and building hundreds of them here, across the wasm
        // boundary, was a fifth of a long report's render.
        let tbody = self.el("tbody", "")?;
        table.append_child(&tbody)?;
        wrap.append_child(&table)?;
        panel.append_child(&wrap)?;
        aside.append_child(&panel)?;
        Ok(())
    }
}

/// What a failed [`render`] reports: the text of the value a DOM call threw
/// (a `DOMException`'s or `Error`'s message, or a string), without the
/// generic formatter of any JavaScript value, which would add 2 KB of
/// JavaScript to the download.
pub fn error_text(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "a DOM call failed".to_string())
}

/// Renders `report` (read from `text`) into `root`, replacing its content.
/// With `runs` (a JavaScript function `(parent, start, end)` that appends
/// `text.slice(start, end)` to `parent`), the report's text is appended
/// through it, by offsets, instead of as strings from wasm.
///
/// # Errors
///
/// A DOM call failed (the root is detached from a document, or the page
/// forbids the operation).
pub fn render(
    root: &Element,
    text: &str,
    report: &Report,
    lang: Lang,
    runs: Option<&Function>,
) -> Result<(), JsValue> {
    let doc = root
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the element has no document"))?;
    let mut dom = Dom {
        mark_templates: vec![None; 12],
        runs,
        doc,
        lang,
        index: TextIndex::new(text),
        metrics: &report.metrics,
        next_metric: 0,
        report,
    };
    let viewer = dom.el("div", "gr")?;
    viewer.set_attribute("part", "viewer")?;
    viewer.set_attribute("lang", if lang == Lang::En { "en" } else { "zh-CN" })?;
    dom.header(&viewer)?;

    let layout = dom.el("div", "layout")?;
    let article = dom.el("article", "report")?;
    article.set_attribute("part", "report")?;
    article.set_attribute("lang", "zh-CN")?;
    if let Some(t) = &report.title {
        article.set_attribute("aria-label", t)?;
    }
    dom.preamble(&article)?;
    for s in &report.sections {
        dom.section(&article, s)?;
    }
    layout.append_child(&article)?;

    let aside = dom.el("aside", "panels")?;
    aside.set_attribute("part", "panels")?;
    dom.checks_panel(&aside)?;
    dom.metrics_panel(&aside)?;
    layout.append_child(&aside)?;
    viewer.append_child(&layout)?;

    let tooltip = dom.el("div", "tooltip")?;
    tooltip.set_attribute("role", "tooltip")?;
    tooltip.set_attribute("part", "tooltip")?;
    tooltip.set_id("gr-tooltip");
    tooltip.set_attribute("hidden", "")?;
    viewer.append_child(&tooltip)?;

    root.set_text_content(None);
    root.append_child(&viewer)?;
    Ok(())
}
