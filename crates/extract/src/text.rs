//! Text measures used when deciding whether a page needs OCR; the normalisation
//! itself is the model's ([`casetrail_model::normalize`]), shared with search.

pub use casetrail_model::normalize;

/// Number of characters that are not whitespace.
pub fn visible_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_visible_characters() {
        assert_eq!(visible_chars(" a b\n c "), 3);
    }
}
