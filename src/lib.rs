//! wirecheck: check a French wire dispatch against its English source.
//!
//! Data flows one way: `source` loads both texts into [`document::Document`]s,
//! `document` parses each into a [`document::Dispatch`] (headline, dateline, body,
//! quotations, credits), `align` pairs the paragraphs, every check in
//! [`checks::REGISTRY`] turns the pair into [`finding::Finding`]s, `policy` decides
//! their severity and whether they block, and `report` renders the resulting
//! [`report::Report`]. The library never prints; `main.rs` does.

pub mod align;
pub mod atomic;
pub mod batch;
pub mod checks;
pub mod credits;
pub mod document;
pub mod error;
pub mod eval;
pub mod finding;
pub mod lang;
pub mod layers;
pub mod pipeline;
pub mod policy;
pub mod report;
pub mod serve;
pub mod source;
pub mod util;
pub mod waivers;

pub use error::Error;
pub use finding::{Finding, Severity};

/// Tool version, as written in reports and the User-Agent.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
