#!/usr/bin/env bash
# Check a built bundle's licence folder: it is there, every package its index lists has a non-empty
# licence file, every package under the GNU Lesser General Public License (LGPL) has the LGPL's text,
# and the LGPL libraries the app is known to use are listed. check_bundle.sh runs it on Linux; the
# bundles workflow (.github/workflows/bundles.yml) runs it on Windows, macOS and Linux.
#
#   bash packaging/check_licences.sh dist/RoleDesigner/licences
#   bash packaging/check_licences.sh "dist/Role Designer.app/Contents/Resources/licences"
set -euo pipefail

FOLDER="${1:-dist/RoleDesigner/licences}"
#: Known LGPL libraries, as a safety net beside the index (which the build writes from the packages'
#: own metadata): if one of them is missing from the index, the index is wrong, not the library gone.
KNOWN_LGPL=(pyside6-essentials shiboken6 docxtpl)

fail() { echo "FAIL  $*" >&2; exit 1; }
pass() { echo "PASS  $*"; }

[ -d "$FOLDER" ] || fail "no licence folder at $FOLDER"
for file in index.tsv README.txt; do
    [ -s "$FOLDER/$file" ] || fail "the licence folder $FOLDER has no $file"
done

count=0
lgpl=()
while IFS=$'\t' read -r name version licence _source file; do
    file="${file%$'\r'}"
    [ -n "$file" ] || fail "index.tsv has a row for $name with no file"
    [ -s "$FOLDER/$file" ] || fail "no licence text for $name $version: $FOLDER/$file is missing or empty"
    case "$licence" in
        *LGPL* | *"Lesser General Public"*)
            grep -q "GNU LESSER GENERAL PUBLIC LICENSE" "$FOLDER/$file" \
                || fail "$name $version is under the LGPL, but $file has no LGPL text"
            lgpl+=("$(echo "$name" | tr 'A-Z_.' 'a-z--')")
            ;;
    esac
    count=$((count + 1))
done < <(tail -n +2 "$FOLDER/index.tsv")
[ "$count" -gt 0 ] || fail "index.tsv in $FOLDER lists no packages"

for known in "${KNOWN_LGPL[@]}"; do
    printf '%s\n' ${lgpl[@]+"${lgpl[@]}"} | grep -qx "$known" || fail "$known is not listed as an LGPL library in $FOLDER/index.tsv"
done
grep -q "in place of the files of the same name" "$FOLDER/README.txt" \
    || fail "README.txt in $FOLDER does not say how to replace the LGPL libraries"
pass "licences: $count packages, each with its licence text; LGPL texts and the replacement offer for ${lgpl[*]-}"
