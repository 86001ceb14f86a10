//! Tests for the rss reader.
