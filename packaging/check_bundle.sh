#!/usr/bin/env bash
# Check a built bundle as IT would meet it (CI runs this after `make package`):
# its size; its licence folder (check_licences.sh); its own --self-test from a read-only folder
# whose path has spaces and non-ASCII letters; its command-line program; a clear refusal when the self-test's folder cannot be
# written; a start with no writable home folder; a design opened by naming its file; and an LGPL
# library replaced by the user's own copy, as its licence allows.
# Every run of the bundle has a time limit, so a window waiting for a click cannot hang CI.
set -euo pipefail

BUNDLE="${1:-dist/RoleDesigner}"
LIMIT_MB=150
WAIT=120  # seconds for one start of the bundle (the self-test gets longer)
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

bash "$(dirname "$0")/check_licences.sh" "$BUNDLE/licences" || fail "the bundle's licence folder"

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
timeout "$WAIT" "$cli" --version >"$work/out.txt" 2>"$work/err.txt" \
    || { cat "$work/err.txt" >&2; fail "roledesigner-cli --version"; }
grep -qx "Role Designer [0-9][^ ]*" "$work/out.txt" || fail "roledesigner-cli --version said: $(cat "$work/out.txt")"
pass "roledesigner-cli --version: $(cat "$work/out.txt")"

# A folder it cannot write: one sentence on stderr, exit 2.
touch "$work/a file"
set +e
timeout "$WAIT" "$app" --self-test "$work/a file/results" >"$work/out.txt" 2>"$work/err.txt"
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
    timeout "$WAIT" "$app" 2>"$work/err.txt" || { cat "$work/err.txt"; fail "starting with no writable home folder"; }
grep -q "Settings cannot be saved" "$work/err.txt" || fail "no word about the home folder: $(cat "$work/err.txt")"
pass "starts with no writable home folder and says: $(grep "cannot" "$work/err.txt" | head -n 1)"

# A design named on the command line, as a file manager passes it. It runs in a home folder of
# its own, so the real user's settings and recent files are left alone.
home="$work/home"
mkdir "$home"
at_home() {
    env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u ROLEDESIGNER_CONFIG_DIR -u ROLEDESIGNER_DATA_DIR \
        HOME="$home" QT_QPA_PLATFORM=offscreen "$@"
}
design="$work/Poste partagé.roledesign"
at_home timeout "$WAIT" "$cli" new --from ics_executive_lead -o "$design" >/dev/null 2>"$work/err.txt" \
    || fail "making $design: $(cat "$work/err.txt")"
# Read it first with the command line, which says at once what is wrong: the app would show it in
# a message box, and wait for a click until the time limit.
at_home timeout "$WAIT" "$cli" show "$design" >/dev/null 2>"$work/err.txt" \
    || fail "the bundle cannot read $design: $(cat "$work/err.txt")"
set +e
at_home ROLEDESIGNER_QUIT_WHEN_SHOWN=1 timeout "$WAIT" "$app" "$design" 2>"$work/err.txt"
code=$?
set -e
[ "$code" -ne 124 ] || fail "opening $design: no answer in $WAIT s (a message box may be waiting for a click)"
[ "$code" -eq 0 ] || { cat "$work/err.txt" >&2; fail "opening $design exited $code"; }
grep -qF "$(basename "$design")" "$home/.config/RoleDesigner/window.ini" 2>/dev/null \
    || fail "the app started, but $design is not among its recent files, so it was not opened"
pass "opens a design named on the command line"

# An LGPL library replaced by the user's own copy is the one the bundle runs: here docxtpl, kept as
# plain source in _internal/docxtpl, changed to leave a mark when it is imported (the self-test's
# Word export imports it).
swap="$work/replaced"
mkdir "$swap"
cp -r "$BUNDLE/." "$swap/"
[ -f "$swap/_internal/docxtpl/__init__.py" ] || fail "docxtpl is not kept as source in _internal/docxtpl, so it cannot be replaced"
mark="$work/replaced docxtpl ran"
printf '\nimport os as _os\nopen(_os.environ["ROLEDESIGNER_CHECK_MARK"], "w").close()\n' >>"$swap/_internal/docxtpl/__init__.py"
env -u DISPLAY -u WAYLAND_DISPLAY ROLEDESIGNER_CHECK_MARK="$mark" QT_QPA_PLATFORM=offscreen \
    timeout 300 "$swap/roledesigner-cli" --self-test "$work" >"$work/out.txt" 2>&1 \
    || { cat "$work/out.txt"; fail "the self-test with a replaced docxtpl"; }
[ -f "$mark" ] || fail "a replaced _internal/docxtpl was not the docxtpl the bundle ran"
pass "an LGPL library (docxtpl) replaced in _internal/ is the one the bundle runs"
