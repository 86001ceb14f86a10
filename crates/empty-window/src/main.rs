//! An empty Tauri 2 window: the floor the app's start-up and memory are
//! measured against (`cargo xtask bench app`). The same Tauri, the same three
//! plugins loaded, the same window size and content security policy as
//! `casetrail-app`; its page only marks itself interactive. It takes the app's
//! `--db PATH` argument and ignores it, so the benchmark harness launches both
//! the same way.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .run(tauri::generate_context!())
        .expect("error while running the empty window");
}
