//! **bindings + view**, wasm only: nothing else in the crate imports this
//! room. [`bindings`] is what JavaScript calls (`parse`, `render`,
//! `labels`, `indicatorName`); [`view`] builds the viewer's DOM from a
//! [`crate::Report`] through web-sys.

pub mod bindings;
mod tables;
pub mod view;
