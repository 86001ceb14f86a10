//! Settings of the web view that the configuration file cannot express.
//!
//! On Linux, WebKitGTK composites the page with OpenGL by default. Casetrail
//! draws forms, lists and a 2D canvas timeline, which need no GL compositor;
//! it only adds a GPU (or, without one, Mesa's llvmpipe) context to the web
//! process. The policy is "on demand": composite with GL only for content that
//! asks for it. Measured under Xvfb with the demo case, the app and WebKit's
//! processes went from about 311 MB to about 201–209 MB proportional set size.
//! "Never" saved more (131 MB) but stalled WebKit's snapshots in one state of
//! the import view (the end-to-end screenshot timed out), a sign that painting
//! itself can stall there; it is not worth the risk. Other platforms keep their
//! defaults.

use tauri::{Manager, Runtime};

/// Apply Casetrail's web view settings to the main window, if it exists.
pub fn configure<R: Runtime>(app: &tauri::App<R>) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    if let Err(e) = window.with_webview(platform::configure) {
        eprintln!("casetrail-app: cannot configure the web view: {e}");
    }
}

#[cfg(target_os = "linux")]
mod platform {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};

    pub fn configure(webview: tauri::webview::PlatformWebview) {
        if let Some(settings) = webview.inner().settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::OnDemand);
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod platform {
    pub fn configure(_webview: tauri::webview::PlatformWebview) {}
}
