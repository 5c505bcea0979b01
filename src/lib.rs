//! tarikh: dated events from Arabic news articles, for a timeline and a control map.
//! The library holds the whole engine; `main.rs` only parses the command line.

pub mod control;
pub mod corpus;
pub mod error;
pub mod events;
pub mod export;
pub mod fsutil;
pub mod gazetteer;
pub mod model;
pub mod normalize;
pub mod pack;
pub mod pipeline;
pub mod temporal;
#[cfg(feature = "gui")]
pub mod ui;

pub use error::Error;
pub use model::Extract;
pub use pack::Pack;
pub use pipeline::{Options, run};
