//! One import at a time: the running import's cancel flag, held while it runs.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use casetrail_store::{Error, ErrorReport};

/// Where the running import's cancel flag lives (empty when no import runs).
#[derive(Default)]
pub struct ImportSlot {
    running: Mutex<Option<Arc<AtomicBool>>>,
}

/// Held while an import runs; frees the slot when dropped (also on error or panic).
pub struct ImportTicket<'a> {
    slot: &'a ImportSlot,
    cancel: Arc<AtomicBool>,
}

impl ImportSlot {
    /// Claim the slot for a new import, or say one is already running.
    pub fn begin(&self) -> Result<ImportTicket<'_>, ErrorReport> {
        let mut running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        if running.is_some() {
            return Err(Error::invalid(
                "an import is already running; wait for it to finish or cancel it",
            )
            .into());
        }
        let cancel = Arc::new(AtomicBool::new(false));
        *running = Some(Arc::clone(&cancel));
        Ok(ImportTicket { slot: self, cancel })
    }

    /// Ask the running import to stop. False when none is running.
    pub fn cancel(&self) -> bool {
        let running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        match running.as_ref() {
            Some(flag) => {
                flag.store(true, Ordering::Relaxed);
                true
            }
            None => false,
        }
    }
}

impl ImportTicket<'_> {
    /// The flag the import polls; set by [`ImportSlot::cancel`].
    pub fn flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.cancel)
    }
}

impl Drop for ImportTicket<'_> {
    fn drop(&mut self) {
        let mut running = self.slot.running.lock().unwrap_or_else(|p| p.into_inner());
        *running = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_import_is_refused_while_one_runs() {
        let slot = ImportSlot::default();
        let ticket = slot.begin().expect("first import starts");
        let err = slot.begin().err().expect("second import must be refused");
        assert_eq!(err.kind, casetrail_store::ErrorKind::InvalidInput);
        assert!(err.message.contains("already running"), "{}", err.message);
        drop(ticket);
        assert!(
            slot.begin().is_ok(),
            "the slot is free once the import ends"
        );
    }

    #[test]
    fn cancel_sets_the_running_flag_and_only_that() {
        let slot = ImportSlot::default();
        assert!(!slot.cancel(), "nothing to cancel");
        let ticket = slot.begin().unwrap();
        let flag = ticket.flag();
        assert!(!flag.load(Ordering::Relaxed));
        assert!(slot.cancel());
        assert!(flag.load(Ordering::Relaxed));
        drop(ticket);
        // A new import starts with a fresh flag.
        let next = slot.begin().unwrap();
        assert!(!next.flag().load(Ordering::Relaxed));
    }
}
