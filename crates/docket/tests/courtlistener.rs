//! Tests for the courtlistener reader.
