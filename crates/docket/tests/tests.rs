//! The docket readers against real court files (`../shared/corpus/dockets`,
//! compared with juriscraper's own parse of each) and this crate's own
//! fixtures (`fixtures/`), which run without `../shared`.

mod acms;
mod appellate;
mod bad_input;
mod courtlistener;
mod district;
mod rss;
mod scotus;
