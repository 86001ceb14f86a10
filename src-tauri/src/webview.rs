//! Settings of the web view that the configuration file cannot express.
//!
//! On Linux, WebKitGTK composites the page with OpenGL when it can. Casetrail
//! draws forms, lists and a 2D canvas timeline, which WebKit renders in
//! software either way; the GL compositor only adds a GPU (or, without one,
//! Mesa's llvmpipe) context to the web process. Measured under Xvfb with the
//! demo case, turning it off takes the web process from about 194 MB to about
//! 102 MB proportional set size (README, "The desktop app"), with no visible
//! difference. Other platforms keep their defaults.

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
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod platform {
    pub fn configure(_webview: tauri::webview::PlatformWebview) {}
}
