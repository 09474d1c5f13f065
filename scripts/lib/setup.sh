# shellcheck shell=bash
# Shared by scripts/demo and scripts/test (sourced, not run): installs the Debian packages the
# build needs when some are missing, then configures and builds the project in build/.
#
# Environment:
#   BACKOFFICE_BUILD_DIR   build folder (default: build/ in the repository)
#   BACKOFFICE_JOBS        parallel build and test jobs (default: 2)
#   CCACHE_DIR             compiler cache (default: ~/.cache/ccache)

BACKOFFICE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BACKOFFICE_BUILD_DIR="${BACKOFFICE_BUILD_DIR:-$BACKOFFICE_ROOT/build}"
BACKOFFICE_JOBS="${BACKOFFICE_JOBS:-2}"

# Everything the build, the tests and the demo use, as Debian 12 package names.
BACKOFFICE_PACKAGES=(
    cmake g++ ninja-build ccache pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev
    libqt6sql6-sqlite libqt6sql6-psql qt6-l10n-tools qt6-tools-dev-tools
    libqt6opengl6-dev # Qt6Charts' CMake package requires Qt6OpenGL, which qt6-charts-dev does not pull in
    libsodium-dev iso-codes libgl-dev
    libphonenumber-dev # dictionaries: destination resolution (phone number -> country)
    libzip-dev libfreexl-dev libxlsxwriter-dev # rate import: XLSX and XLS readers; XLSX test files
    xvfb xauth x11-apps fonts-dejavu-core qt6-qpa-plugins libqt6svg6 curl
    wrk # benchmarks: HTTP load from outside the server process
    openssl # SMPP TLS test: a self-signed certificate made at test time
)

backoffice_log() {
    printf '==> %s\n' "$*" >&2
}

# Installs the packages dpkg does not report as installed. Runs apt-get only when something is
# missing, so a prepared machine (or a second run) never touches the network.
backoffice_ensure_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        backoffice_log "dpkg-query not found: not a Debian system, assuming the build dependencies are present"
        return 0
    fi
    local missing=() package
    for package in "${BACKOFFICE_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    backoffice_log "installing missing packages: ${missing[*]}"
    local sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "error: these packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
            return 1
        fi
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# --- dictionaries: locked npm data packages (resources/npm) -----------------------------------------
# The MCC/MNC network list comes from the npm package mcc-mnc-list, locked by
# resources/npm/package-lock.json; resources/CMakeLists.txt copies its data into the binaries.
backoffice_ensure_npm_data() {
    if [[ -d "$BACKOFFICE_ROOT/resources/npm/node_modules/mcc-mnc-list" ]]; then
        return 0
    fi
    if ! command -v npm >/dev/null 2>&1; then
        local BACKOFFICE_PACKAGES=(nodejs npm) # dynamic scope: only for this call
        backoffice_ensure_packages || return 1
    fi
    backoffice_log "installing the locked npm data packages in resources/npm"
    npm ci --prefix "$BACKOFFICE_ROOT/resources/npm" --no-audit --no-fund
}
# --- end dictionaries ---------------------------------------------------------------------------------

# --- SMPP interoperability: the npm package smpp (tests/interop) --------------------------------------
# tst_smpp_interop_npm runs peers built on an independent SMPP implementation, locked by
# tests/interop/package-lock.json; node runs them, so nodejs comes with npm.
backoffice_ensure_npm_interop() {
    if [[ -d "$BACKOFFICE_ROOT/tests/interop/node_modules/smpp" ]] && command -v node >/dev/null 2>&1; then
        return 0
    fi
    if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
        local BACKOFFICE_PACKAGES=(nodejs npm) # dynamic scope: only for this call
        backoffice_ensure_packages || return 1
    fi
    backoffice_log "installing the locked npm packages of the SMPP interoperability tests in tests/interop"
    npm ci --prefix "$BACKOFFICE_ROOT/tests/interop" --no-audit --no-fund
}
# --- end SMPP interoperability ------------------------------------------------------------------------

backoffice_configure() {
    backoffice_ensure_npm_data || return 1
    backoffice_ensure_npm_interop || return 1
    export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
    export CCACHE_NOHASHDIR=1 # cache hits across checkouts in different folders:
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$BACKOFFICE_ROOT}" # include paths hashed relative to the checkout
    mkdir -p "$CCACHE_DIR"
    backoffice_log "configuring $BACKOFFICE_BUILD_DIR"
    cmake -G Ninja -S "$BACKOFFICE_ROOT" -B "$BACKOFFICE_BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo
}

# Builds everything. Mode "keep-going" continues past failing targets so the rest can
# still be tested (the return status still reports the failure); "stop-on-error" stops at the first.
backoffice_build() {
    local extra=()
    if [[ "${1:-}" == keep-going ]]; then
        extra=(-- -k 0)
    fi
    backoffice_log "building with $BACKOFFICE_JOBS jobs"
    cmake --build "$BACKOFFICE_BUILD_DIR" -j"$BACKOFFICE_JOBS" "${extra[@]}"
}
