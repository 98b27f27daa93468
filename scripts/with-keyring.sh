#!/usr/bin/env bash
# Runs a command with a private D-Bus session and an unlocked gnome-keyring (a real Secret Service),
# so keytar talks to a real keychain in tests. With AZCRED_KEYRING=none the command runs without one
# (to test the "no Secret Service" path); outside Linux the OS keychain is used as it is.
set -euo pipefail
if [ "$(uname -s)" != "Linux" ] || [ "${AZCRED_KEYRING:-}" = "none" ] || [ -n "${AZCRED_IN_KEYRING_SESSION:-}" ]; then
  exec "$@"
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: $tool is missing. Install the test prerequisites: sudo apt-get install dbus gnome-keyring libsecret-1-dev" >&2
    exit 1
  fi
done
export AZCRED_IN_KEYRING_SESSION=1
exec dbus-run-session -- bash -c '
  set -euo pipefail
  # A throwaway keyring for this session only: its own HOME-less data dir, unlocked with a fixed
  # password fed on stdin (the daemon reads it from there with --unlock).
  export XDG_DATA_HOME="$(mktemp -d)"
  eval "$(printf "test-keyring\n" | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
  trap "rm -rf \"$XDG_DATA_HOME\"" EXIT
  "$@"
' with-keyring "$@"
