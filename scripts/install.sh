#!/usr/bin/env bash
# Installs nines into PREFIX (default /usr/local):
#   PREFIX/bin/nines                                  the executable
#   PREFIX/share/nines/Catalog, PREFIX/share/nines/Templates
#   PREFIX/share/bash-completion/completions/nines    shell completions
#   PREFIX/share/zsh/site-functions/_nines
#   PREFIX/share/fish/vendor_completions.d/nines.fish
#   PREFIX/share/man/man1/nines.1                     the manual page
# The installed nines finds its catalog and templates in PREFIX/share/nines from any folder.
#
# Usage: scripts/install.sh [--binary PATH] [PREFIX]
#   --binary PATH   install this nines instead of building one (swift build -c release)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
binary=""
if [ "${1:-}" = "--binary" ]; then
    binary=${2:?--binary needs a path}
    shift 2
fi
prefix=${1:-/usr/local}

if [ -z "$binary" ]; then
    scratch=${NINES_SCRATCH_PATH:-$root/.build}
    (cd "$root" && swift build -c release --product nines --scratch-path "$scratch")
    binary=$scratch/release/nines
fi
[ -x "$binary" ] || { echo "error: $binary is not an executable" >&2; exit 66; }

share=$prefix/share
install -d "$prefix/bin" "$share/nines" "$share/bash-completion/completions" "$share/zsh/site-functions" \
    "$share/fish/vendor_completions.d" "$share/man/man1"
install -m 755 "$binary" "$prefix/bin/nines"

# Catalog and templates: replaced whole, so that a file removed upstream does not linger. An
# installed copy that differs from this one (edited by hand, or an older release) is kept
# beside it, never deleted.
stamp=$(date +%Y%m%d-%H%M%S)
for folder in Catalog Templates; do
    rm -rf "$share/nines/$folder.new"
    cp -R "$root/$folder" "$share/nines/$folder.new"
    if [ -e "$share/nines/$folder" ]; then
        if diff -rq "$share/nines/$folder" "$share/nines/$folder.new" >/dev/null 2>&1; then
            rm -rf "$share/nines/$folder"
        else
            mv "$share/nines/$folder" "$share/nines/$folder.before-$stamp"
            echo "Kept the installed $folder, which differs from this one, as $share/nines/$folder.before-$stamp"
        fi
    fi
    mv "$share/nines/$folder.new" "$share/nines/$folder"
done

nines=$prefix/bin/nines
"$nines" --generate-completion-script bash >"$share/bash-completion/completions/nines"
"$nines" --generate-completion-script zsh >"$share/zsh/site-functions/_nines"
"$nines" --generate-completion-script fish >"$share/fish/vendor_completions.d/nines.fish"
"$root/scripts/manual.sh" "$nines" >"$share/man/man1/nines.1"

echo "Installed $nines (catalog and templates in $share/nines, completions, man page)."
case ":$PATH:" in
*":$prefix/bin:"*) ;;
*) echo "Add $prefix/bin to PATH to run it as \`nines\`." ;;
esac
