//! Metadata detection's integration tests, in one binary: typed first pages of
//! real filings, and per-field accuracy floors on the shared corpus.

mod corpus;
mod fixtures;
