//! Tests for the district reader.
