//! Control history per place, derived from the control claims of events.

pub mod query;

use crate::model::{ControlHistory, Event};

pub fn derive(_events: &[Event]) -> Vec<ControlHistory> {
    Vec::new()
}
