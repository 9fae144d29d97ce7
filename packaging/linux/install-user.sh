#!/usr/bin/env bash
# Install a built Role Designer for the current user only: no administrator rights, no sudo.
#
#   install-user.sh [--dest DIR] DIST_FOLDER    install, or replace an earlier install
#   install-user.sh [--dest DIR] --uninstall    remove it again
#
# DIST_FOLDER is the folder `make package` builds (dist/RoleDesigner). It is copied to
# ~/.local/opt/RoleDesigner (or DIR), and a menu entry, the icon and the .roledesign file type
# are registered under ~/.local/share. Keep this script beside roledesigner.desktop and
# roledesigner-mime.xml. Settings and the user's own library entries are never touched.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
dest=$HOME/.local/opt/RoleDesigner
program=RoleDesigner
desktop_file=$data_home/applications/roledesigner.desktop
mime_file=$data_home/mime/packages/roledesigner.xml
app_icon=$data_home/icons/hicolor/256x256/apps/roledesigner.png
mime_icon=$data_home/icons/hicolor/256x256/mimetypes/application-x-roledesign.png

die() {
    printf 'install-user.sh: %s\n' "$1" >&2
    exit 1
}

usage() {
    echo "Usage:" >&2
    sed -n '4,5s/^#  //p' "${BASH_SOURCE[0]}" >&2
    exit 2
}

# The Exec key of a desktop entry: the program in double quotes, where " ` $ and \ take a
# backslash; then, as in every string value, each backslash is doubled; and % is written %%
# (a % in the install path is refused further down, but this function handles it anyway).
# shellcheck disable=SC1003  # the single-quoted backslashes are meant literally
desktop_exec() {
    local path=$1 out='' ch i
    for ((i = 0; i < ${#path}; i++)); do
        ch=${path:i:1}
        case $ch in
            '"' | '`' | '$') out+='\\'"$ch" ;;
            '\') out+='\\\\' ;;
            '%') out+='%%' ;;
            *) out+=$ch ;;
        esac
    done
    printf '"%s"' "$out"
}

# A plain string value of a desktop entry (TryExec): only the backslash is escaped.
# shellcheck disable=SC1003
desktop_string() {
    local path=$1 out='' ch i
    for ((i = 0; i < ${#path}; i++)); do
        ch=${path:i:1}
        if [[ $ch == '\' ]]; then out+='\\'; else out+=$ch; fi
    done
    printf '%s' "$out"
}

is_install() {
    [[ -f $1/$program && -x $1/$program ]]
}

refresh_databases() {
    if [[ ! -d $data_home/mime/packages ]]; then
        : # no file types were ever installed here, so there is nothing to refresh
    elif command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$data_home/mime" || echo "Note: update-mime-database failed; see above." >&2
    else
        echo "Note: update-mime-database (package shared-mime-info) is not installed, so the file manager" \
            "may not recognise .roledesign files until the desktop refreshes its file types." >&2
    fi
    if [[ -d $data_home/applications ]] && command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data_home/applications" || true
    fi
    # Only if some other program made an icon cache here: a stale one would hide the new icon.
    if [[ -f $data_home/icons/hicolor/icon-theme.cache ]] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -f -t "$data_home/icons/hicolor" || true
    fi
}

uninstall=false
dist=''
while (($#)); do
    case $1 in
        --dest)
            (($# >= 2)) || usage
            dest=$2
            shift 2
            ;;
        --uninstall)
            uninstall=true
            shift
            ;;
        -h | --help)
            sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
            exit 0
            ;;
        -*) die "unknown option $1 (see --help)" ;;
        *)
            [[ -z $dist ]] || usage
            dist=$1
            shift
            ;;
    esac
done

if [[ $EUID -eq 0 && -n ${SUDO_USER-} ]]; then
    die "this installs for one user and needs no sudo; run it again as $SUDO_USER, without sudo."
fi
[[ $dest == /* ]] || dest=$PWD/$dest
dest=${dest%/}
[[ $dest != *$'\n'* ]] || die "the destination folder's name contains a line break; choose another --dest."
# A desktop entry writes % as %%, but GLib (GNOME and others) looks for the program before undoing
# that, finds no such file and hides the entry; so a % anywhere in the path is refused.
[[ $dest != *%* ]] || die "the destination $dest contains a %, which menu entries cannot point to; choose another --dest."

if $uninstall; then
    [[ -z $dist ]] || usage
    if [[ -e $dest ]]; then
        is_install "$dest" || die "$dest is not a Role Designer install (there is no $program in it), so it was left alone."
        rm -rf -- "$dest"
        echo "Removed $dest"
    fi
    rm -f -- "$desktop_file" "$mime_file" "$app_icon" "$mime_icon"
    refresh_databases
    echo "Role Designer is uninstalled. Your settings, library entries and role designs are kept."
    exit 0
fi

[[ -n $dist ]] || usage
[[ -d $dist ]] || die "$dist is not a folder; give the folder make package built (dist/RoleDesigner)."
dist=$(cd -- "$dist" && pwd -P)
is_install "$dist" || die "$dist has no $program program in it; build it first with make package."
for file in roledesigner.desktop roledesigner-mime.xml; do
    [[ -f $here/$file ]] || die "$here/$file is missing; keep this script beside it."
done
case $dest/ in
    "$dist"/*) die "the destination $dest is the built folder $dist or inside it; choose another --dest." ;;
esac
case $dist/ in
    "$dest"/*) die "the built folder $dist is inside the destination $dest; choose another --dest." ;;
esac
if [[ -e $dest ]] && ! is_install "$dest"; then
    die "$dest already exists and is not a Role Designer install; move it or choose another --dest."
fi

# Copy beside the destination first, so a failed copy leaves any earlier install as it was.
parent=$(dirname -- "$dest")
mkdir -p -- "$parent"
staging=$(mktemp -d -- "$parent/.RoleDesigner-installing.XXXXXX")
old=''
entry=''
cleanup() {
    # If the new copy did not take the old one's place, put the old one back.
    if [[ -n $old && -e $old/previous && ! -e $dest ]]; then mv -- "$old/previous" "$dest"; fi
    rm -rf -- "$staging"
    if [[ -n $old ]]; then rm -rf -- "$old"; fi
    if [[ -n $entry ]]; then rm -f -- "$entry"; fi
}
trap cleanup EXIT
cp -a -- "$dist/." "$staging/"
# A build copied from a read-only place stays read-only; the user must be able to replace it.
chmod -R u+w -- "$staging"
chmod 755 -- "$staging"
if [[ -e $dest ]]; then
    old=$(mktemp -d -- "$parent/.RoleDesigner-old.XXXXXX")
    mv -- "$dest" "$old/previous"
fi
mv -- "$staging" "$dest"
echo "Copied $dist to $dest"

icon=''
for candidate in "$dest/_internal/$program.png" "$dest/$program.png" "$here/../icons/roledesigner.png"; do
    if [[ -f $candidate ]]; then
        icon=$candidate
        break
    fi
done
if [[ -n $icon ]]; then
    mkdir -p -- "$(dirname -- "$app_icon")" "$(dirname -- "$mime_icon")"
    cp -- "$icon" "$app_icon"
    cp -- "$icon" "$mime_icon"
else
    echo "Note: no icon was found, so the menu shows a generic one." >&2
fi

mkdir -p -- "$(dirname -- "$desktop_file")" "$(dirname -- "$mime_file")"
entry=$(mktemp -- "$desktop_file.XXXXXX")
while IFS= read -r line || [[ -n $line ]]; do
    case $line in
        Exec=*) printf 'Exec=%s%s\n' "$(desktop_exec "$dest/$program")" "${line#Exec="$program"}" ;;
        TryExec=*) printf 'TryExec=%s\n' "$(desktop_string "$dest/$program")" ;;
        '#'*) ;; # the template's notes are not needed in the installed entry
        *) printf '%s\n' "$line" ;;
    esac
done <"$here/roledesigner.desktop" >"$entry"
chmod 644 -- "$entry"
mv -- "$entry" "$desktop_file"
cp -- "$here/roledesigner-mime.xml" "$mime_file"
refresh_databases

cat <<EOF
Role Designer is installed for $(id -un).
  Program:    $dest/$program
  Menu entry: $desktop_file
  File type:  .roledesign (application/x-roledesign) opens in Role Designer
Check it with:  "$dest/$program" --self-test
EOF
