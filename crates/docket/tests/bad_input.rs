//! Tests for the bad_input reader.
