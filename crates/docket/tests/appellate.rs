//! Tests for the appellate reader.
