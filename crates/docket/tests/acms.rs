//! Tests for the acms reader.
