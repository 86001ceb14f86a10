//! The deadline engine's integration tests, in one binary (one link, not three):
//! hand-checked vectors, properties, and the rules as data.

mod props;
mod rules;
mod state_vectors;
mod vectors;
