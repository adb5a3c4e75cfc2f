//! The tables of a report in the view: each where it stands in the text, as
//! a `<table>` of its canonical cells (rows and columns by their printed
//! labels, `th` with scope), every cell of a failing or warning check
//! marked by an icon and words (never colour alone) with a button to the
//! check; the table's text as printed folded under it, so that no text is
//! lost. At 320 px the table scrolls inside its own box.
//!
//! ```text
//! figure.table[part=table][data-table=t1]
//!   figcaption#gr-t1-caption
//!   div.table-scroll[role=region][tabindex=0]
//!     table > thead, tbody > tr > th[scope=row], td#gr-cell-… [data-cell]
//!   dl.derived            the indicators derived from its cells (予以公开率 …)
//!   details.table-source > summary, div.body (the text at the table's span)
//! ```

use super::view::{Dom, R};
use crate::{format_number, CheckStatus, Span, Table, TableFormat, TableKind};
use web_sys::Element;

/// A canonical id's row and column: `requests.withheld.secret.natural` →
/// (`withheld.secret`, `natural`).
fn row_and_column(id: &str) -> (&str, &str) {
    let rest = id.split_once('.').map_or(id, |(_, r)| r);
    rest.rsplit_once('.').unwrap_or((rest, ""))
}

impl<'a> Dom<'a> {
    /// The tables lying inside `span`, in order.
    pub(super) fn tables_in(&self, span: Span) -> Vec<&'a Table> {
        let report: &'a crate::Report = self.report;
        report
            .tables
            .iter()
            .filter(|t| span.contains(&t.span) && t.span.start < t.span.end)
            .collect()
    }

    /// Renders table `t` at its place.
    pub(super) fn table(&mut self, parent: &Element, t: &Table) -> R {
        let figure = self.el("figure", "table")?;
        figure.set_attribute("part", "table")?;
        figure.set_attribute("data-table", &t.id)?;
        let caption_id = format!("gr-{}-caption", t.id);
        let caption = self.el("figcaption", "")?;
        caption.set_id(&caption_id);
        caption.set_attribute("data-ui", "")?;
        let kind = match t.kind {
            Some(TableKind::Active) => "table.kind.active",
            Some(TableKind::Requests) => "table.kind.requests",
            Some(TableKind::Appeals) => "table.kind.appeals",
            None => "table.kind.other",
        };
        let mut words = self.label(kind).to_string();
        if let Some(f) = t.format {
            let key = match f {
                TableFormat::Trial2019 => "table.format.2019",
                TableFormat::Revised2021 => "table.format.2021",
            };
            words.push_str(if self.lang == crate::Lang::En {
                " · "
            } else {
                "（"
            });
            words.push_str(self.label(key));
            if self.lang != crate::Lang::En {
                words.push('）');
            }
        }
        self.text(&caption, &words)?;
        figure.append_child(&caption)?;
        if !t.cells.is_empty() {
            let scroll = self.el("div", "table-scroll")?;
            scroll.set_attribute("role", "region")?;
            scroll.set_attribute("tabindex", "0")?;
            scroll.set_attribute("aria-labelledby", &caption_id)?;
            let table = self.grid(t)?;
            table.set_attribute("aria-labelledby", &caption_id)?;
            scroll.append_child(&table)?;
            figure.append_child(&scroll)?;
            self.derived(&figure, t)?;
        }
        let source = self.el("details", "table-source")?;
        source.set_attribute("part", "table-source")?;
        // A table of words (not one of the three) shows its text open.
        if t.cells.is_empty() {
            source.set_attribute("open", "")?;
        }
        let summary = self.ui("summary", "", "table.source")?;
        source.append_child(&summary)?;
        let body = self.el("div", "body")?;
        self.plain_spans(&body, t.span)?;
        source.append_child(&body)?;
        figure.append_child(&source)?;
        parent.append_child(&figure)?;
        Ok(())
    }

    /// The `<table>` of `t`'s cells: rows and columns in reading order.
    fn grid(&self, t: &Table) -> R<Element> {
        let mut rows: Vec<&str> = Vec::new();
        let mut columns: Vec<&str> = Vec::new();
        for c in &t.cells {
            let (r, col) = row_and_column(&c.id);
            if !rows.contains(&r) {
                rows.push(r);
            }
            if !columns.contains(&col) {
                columns.push(col);
            }
        }
        let table = self.el("table", "cells")?;
        let thead = self.el("thead", "")?;
        let tr = self.el("tr", "")?;
        let corner = self.el("td", "")?;
        tr.append_child(&corner)?;
        for col in &columns {
            let th = self.el("th", "")?;
            th.set_attribute("scope", "col")?;
            th.set_attribute("data-ui", "")?;
            self.text(&th, self.name("cell.col.", col))?;
            tr.append_child(&th)?;
        }
        thead.append_child(&tr)?;
        table.append_child(&thead)?;
        let tbody = self.el("tbody", "")?;
        let prefix = t
            .cells
            .first()
            .and_then(|c| c.id.split_once('.'))
            .map_or("", |p| p.0);
        for row in &rows {
            let tr = self.el("tr", "")?;
            let th = self.el("th", "")?;
            th.set_attribute("scope", "row")?;
            th.set_attribute("data-ui", "")?;
            self.text(&th, self.name("cell.row.", row))?;
            tr.append_child(&th)?;
            for col in &columns {
                let id = format!("{prefix}.{row}.{col}");
                let td = self.el("td", "")?;
                if let Some(c) = t.cells.iter().find(|c| c.id == id) {
                    td.set_id(&format!("gr-cell-{id}"));
                    td.set_attribute("data-cell", &id)?;
                    let value = self.el("span", "value")?;
                    self.text(&value, &format_number(c.value))?;
                    td.append_child(&value)?;
                    if c.blank {
                        self.note(&td, "blank", "table.blank")?;
                    }
                    if c.recovered {
                        self.note(&td, "recovered", "table.recovered")?;
                    }
                    self.flags(&td, &id)?;
                }
                tr.append_child(&td)?;
            }
            tbody.append_child(&tr)?;
        }
        table.append_child(&tbody)?;
        Ok(table)
    }

    /// The indicators derived from this table's cells (予以公开率 …), as a
    /// list of name and value under it.
    fn derived(&self, figure: &Element, t: &Table) -> R {
        let prefix = t
            .cells
            .first()
            .and_then(|c| c.id.split_once('.'))
            .map_or("", |p| p.0);
        let of_table = |d: &&crate::Derived| {
            d.cells
                .first()
                .is_some_and(|c| c.split_once('.').is_some_and(|p| p.0 == prefix))
        };
        let mut list: Option<Element> = None;
        for d in self.report.derived.iter().filter(of_table) {
            let dl = match &list {
                Some(dl) => dl.clone(),
                None => {
                    let dl = self.el("dl", "derived")?;
                    dl.set_attribute("part", "derived")?;
                    figure.append_child(&dl)?;
                    list = Some(dl.clone());
                    dl
                }
            };
            let wrap = self.el("div", "")?;
            let dt = self.el("dt", "")?;
            dt.set_attribute("data-ui", "")?;
            let name =
                crate::indicator(&d.indicator).map_or(d.indicator.as_str(), |i| match self.lang {
                    crate::Lang::En => i.en,
                    crate::Lang::Zh => i.zh,
                });
            self.text(&dt, name)?;
            wrap.append_child(&dt)?;
            let dd = self.el("dd", "")?;
            dd.set_attribute("data-derived", &d.indicator)?;
            let mut v = format_number(d.value);
            v.push_str(d.unit.as_deref().unwrap_or_default());
            self.text(&dd, &v)?;
            wrap.append_child(&dd)?;
            dl.append_child(&wrap)?;
        }
        Ok(())
    }

    /// A row's or a column's printed label, or its id.
    fn name<'k>(&self, prefix: &str, id: &'k str) -> &'k str {
        let label = self.label(&format!("{prefix}{id}"));
        if label.is_empty() {
            id
        } else {
            label
        }
    }

    /// A small note in words inside a cell (`空白`, `由数字串拆分`).
    fn note(&self, td: &Element, class: &str, key: &str) -> R {
        td.class_list().add_1(class)?;
        let note = self.ui("small", "note", key)?;
        td.append_child(&note).map(drop)
    }

    /// Marks a cell that a failing or warning check names (an icon and
    /// words) with a button to each such check.
    fn flags(&self, td: &Element, id: &str) -> R {
        for (i, c) in self.report.checks.iter().enumerate() {
            if c.status == CheckStatus::Pass
                || c.id == "tables.blank"
                || !c.cells.iter().any(|x| x == id)
            {
                continue;
            }
            let (class, icon, key) = match c.status {
                CheckStatus::Fail => ("flag-fail", "✗", "table.flag.fail"),
                _ => ("flag-warn", "!", "table.flag.warn"),
            };
            td.class_list().add_1(class)?;
            let b = self.el("button", &format!("flag {class}"))?;
            b.set_attribute("type", "button")?;
            b.set_attribute("data-reveal-check", &format!("gr-check-{}", i + 1))?;
            b.set_attribute("data-ui", "")?;
            b.set_attribute("title", &c.message)?;
            let mark = self.el("span", "icon")?;
            mark.set_attribute("aria-hidden", "true")?;
            self.text(&mark, icon)?;
            b.append_child(&mark)?;
            self.text(&b, self.label(key))?;
            td.append_child(&b)?;
        }
        Ok(())
    }
}
