//! Tauri build step (no commands of its own).

fn main() {
    tauri_build::build()
}
