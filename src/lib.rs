//! # govreport
//!
//! Reads Chinese government annual reports — 法治政府建设年度报告, and
//! 政府信息公开工作年度报告 with their three statistical tables — and returns
//! their structure (title, portal metadata, the heading tree by the official
//! numbering, inline enumerations), every quantity with its value, unit,
//! qualifier and subject, canonical indicators, the tables' cells by
//! canonical id, and the checks a reviewer would run; and compares two
//! reports ([`compare`]).
//!
//! ```
//! let report = govreport::parse("一、主要举措和成效\n组织培训2.4万余人次，换发执法证件10539个。");
//! let m = &report.metrics[0];
//! assert_eq!((m.text.as_str(), m.value, m.unit.as_deref()), ("2.4万余人次", 24000.0, Some("人次")));
//! assert_eq!(m.qualifier, govreport::Qualifier::Over);
//! ```
//!
//! The crate's rooms:
//!
//! - **parse** ([`parse`], [`parse_with`], [`parse_document`] and
//!   [`ParseOptions`]; module `parse`): text, or a [`Document`] (text with
//!   its tables as grids), → [`Report`], pure Rust. A user's indicator
//!   rules are [`IndicatorRule`]s compiled into [`Indicators`]. HTML →
//!   [`Document`] natively (module `html`, html5ever through scraper).
//! - **compare** ([`compare`], [`compare_texts`]): two reports →
//!   [`Comparison`]: sections aligned, figures paired, table cells and the
//!   checks across years, text reuse.
//! - **model** ([`Report`] and the types it holds): the contract's objects,
//!   serialised with serde to exactly the contract's JSON; [`validate`]
//!   checks the guarantees every report keeps (module `invariants`).
//! - **bindings + view** (module `web`, wasm32 only): the functions
//!   JavaScript calls, and [`Report`] → DOM. Nothing else imports them.
//! - the words shown to a person, in Chinese and English (module `i18n`,
//!   chosen by [`Lang`]), and numbers as a person writes them
//!   ([`format_number`], module `number`); the named limits ([`limits`]).
//!
//! The command line (`src/bin/govreport/`) is a user of this library.
//!
//! Offsets are UTF-16 code units of the input as given (see [`Span`]).

#![forbid(unsafe_code)]
#![deny(rustdoc::broken_intra_doc_links)]

mod compare;
mod i18n;
mod invariants;
mod model;
mod number;
mod parse;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(not(target_arch = "wasm32"))]
pub mod html;

pub use compare::{compare, compare_texts};
pub use i18n::Lang;
pub use invariants::validate;
pub use model::*;
pub use parse::document::{Document, GridCell, GridTable};
pub use parse::indicators::{indicator, Indicator, INDICATORS};
pub use parse::limits;
pub use parse::rules::{IndicatorRule, Indicators, RuleError};
pub use parse::tables::derived::DERIVED;
pub use parse::tables::layout::cell_ids;
pub use parse::{parse, parse_document, parse_with, ParseOptions};
