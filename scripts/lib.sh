# Shared shell helpers for scripts/*; sourced, never run. Knows paths and messages, not what any step does.
ESSAY_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Third-party sources and prebuilt wasm dependencies live here, outside git (see .gitignore).
ESSAY_CACHE=${ESSAY_CACHE:-$ESSAY_ROOT/.cache}
export ESSAY_ROOT ESSAY_CACHE
note() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# Debian's emscripten finds its node modules (acorn) only through NODE_PATH when node is not Debian's own (pitfall P2).
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
