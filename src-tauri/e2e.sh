#!/usr/bin/env bash
# The desktop app's whole test run, in one command (from anywhere):
#   bash src-tauri/e2e.sh
# 1. ui/: npm ci, Vitest, svelte-check, production build (ui/dist).
# 2. The TypeScript bindings are up to date (ts-rs, core feature `ts`).
# 3. The shell's unit tests, and the app built with the UI embedded.
# 4. The end-to-end tests of the real window under xvfb-run, through
#    tauri-driver (installed with cargo if missing) and WebKitWebDriver.
# Screenshots go to test-output/screenshots/. Window-interactive figures are
# printed as lines starting with "FIGURE".
#
# System packages (Debian/Ubuntu): to build libwebkit2gtk-4.1-dev libgtk-3-dev
# librsvg2-dev libayatana-appindicator3-dev build-essential libssl-dev pkg-config;
# to drive the window xvfb xauth webkit2gtk-driver. Missing ones are installed
# when running as root.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

step() { printf '\n== %s\n' "$*"; }

need_pkgs=()
for pair in xvfb-run:xvfb xauth:xauth WebKitWebDriver:webkit2gtk-driver; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need_pkgs+=("${pair##*:}")
done
pkg-config --exists webkit2gtk-4.1 2>/dev/null || need_pkgs+=(libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev pkg-config build-essential)
if ((${#need_pkgs[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    step "apt-get install ${need_pkgs[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}"
  else
    echo "missing system packages: ${need_pkgs[*]} (sudo apt-get install them)" >&2
    exit 1
  fi
fi

step "ui: npm ci, vitest, svelte-check, build"
(
  cd ui
  npm ci --no-audit --no-fund
  npx vitest run
  npm run check
  npm run build
)

step "TypeScript bindings are current"
cargo test -p casetrail --features ts --test bindings

step "shell unit tests (and the app, with the UI embedded)"
cargo test -p casetrail-app --features custom-protocol --bins

step "tauri-driver"
tauri_driver="${TAURI_DRIVER:-$(command -v tauri-driver || echo "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver")}"
if [[ ! -x "$tauri_driver" ]]; then
  cargo install tauri-driver --locked --version 2.1.0
  tauri_driver="${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver"
fi
export TAURI_DRIVER="$tauri_driver"

step "end-to-end tests of the window (xvfb-run)"
mkdir -p test-output/screenshots
xvfb-run -a -s "-screen 0 1440x960x24" \
  cargo test -p casetrail-app --features custom-protocol --test e2e -- --ignored --test-threads=1 --nocapture
