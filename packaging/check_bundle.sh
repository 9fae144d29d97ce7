#!/usr/bin/env bash
# Check a built bundle as IT would meet it (CI runs this after `make package`):
# its size; its own --self-test from a read-only folder whose path has spaces and non-ASCII
# letters; its command-line program; a clear refusal when the self-test's folder cannot be
# written; a start with no writable home folder; and a design opened by naming its file.
set -euo pipefail

BUNDLE="${1:-dist/RoleDesigner}"
LIMIT_MB=150
[ -x "$BUNDLE/RoleDesigner" ] || { echo "No bundle at $BUNDLE: run make package first." >&2; exit 2; }
[ -x "$BUNDLE/roledesigner-cli" ] \
    || { echo "The bundle at $BUNDLE has no roledesigner-cli: run make package again." >&2; exit 2; }

work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL  $*" >&2; exit 1; }
pass() { echo "PASS  $*"; }

size_mb=$(( $(du -s --apparent-size --block-size=1M "$BUNDLE" | cut -f1) ))
[ "$size_mb" -lt "$LIMIT_MB" ] || fail "the bundle is $size_mb MB, over $LIMIT_MB MB"
pass "size: $size_mb MB (limit $LIMIT_MB MB)"

place="$work/Dossier partagé ø/Role Designer"
mkdir -p "$place"
cp -r "$BUNDLE/." "$place/"
chmod -R a-w "$work/Dossier partagé ø"
app="$place/RoleDesigner"
cli="$place/roledesigner-cli"

# Its own self-test, with no display and nothing telling Qt where to draw.
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM timeout 300 "$app" --self-test >"$work/self-test.txt" \
    || { cat "$work/self-test.txt"; fail "the bundle's --self-test"; }
pass "the bundle's own --self-test, from a read-only folder: $(tail -n 1 "$work/self-test.txt")"

# The command-line program (the one Windows users and scripts run in a console).
timeout 120 "$cli" --version >"$work/out.txt" 2>"$work/err.txt" \
    || { cat "$work/err.txt" >&2; fail "roledesigner-cli --version"; }
grep -qx "Role Designer [0-9][^ ]*" "$work/out.txt" || fail "roledesigner-cli --version said: $(cat "$work/out.txt")"
pass "roledesigner-cli --version: $(cat "$work/out.txt")"

# A folder it cannot write: one sentence on stderr, exit 2.
touch "$work/a file"
set +e
"$app" --self-test "$work/a file/results" >"$work/out.txt" 2>"$work/err.txt"
code=$?
set -e
[ "$code" -eq 2 ] || fail "--self-test in an unwritable folder exited $code, not 2"
[ "$(wc -l <"$work/err.txt")" -eq 1 ] && grep -q "cannot write to" "$work/err.txt" \
    || fail "--self-test in an unwritable folder said: $(cat "$work/err.txt")"
pass "--self-test in an unwritable folder: $(cat "$work/err.txt")"

# No writable home folder: the app starts, says what it cannot do, and quits once shown.
blocked="$work/home is a file"
touch "$blocked"
env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u ROLEDESIGNER_CONFIG_DIR -u ROLEDESIGNER_DATA_DIR \
    HOME="$blocked/home" QT_QPA_PLATFORM=offscreen ROLEDESIGNER_QUIT_WHEN_SHOWN=1 \
    timeout 120 "$app" 2>"$work/err.txt" || { cat "$work/err.txt"; fail "starting with no writable home folder"; }
grep -q "Settings cannot be saved" "$work/err.txt" || fail "no word about the home folder: $(cat "$work/err.txt")"
pass "starts with no writable home folder and says: $(grep "cannot" "$work/err.txt" | head -n 1)"

# A design named on the command line, as a file manager passes it.
design="$work/Poste partagé.roledesign"
chmod u+w "$work"
QT_QPA_PLATFORM=offscreen "$app" new --from ics_executive_lead -o "$design" >/dev/null
QT_QPA_PLATFORM=offscreen ROLEDESIGNER_QUIT_WHEN_SHOWN=1 timeout 120 "$app" "$design" 2>"$work/err.txt" \
    || { cat "$work/err.txt"; fail "opening $design"; }
pass "opens a design named on the command line"
