//! Tests for the scotus reader.
