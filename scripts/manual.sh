#!/usr/bin/env bash
# Prints a manual page (roff, section 1) for nines from its own --help texts.
# Usage: scripts/manual.sh [PATH-TO-NINES]
set -euo pipefail

nines=${1:-nines}
version=$("$nines" --version)

# The help text as literal roff: backslashes doubled, a leading . or ' protected.
literal() {
    sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"
}

cat <<EOF
.TH NINES 1 "" "nines $version" "User Commands"
.SH NAME
nines \\- availability planning and downtime cost analysis
.SH SYNOPSIS
.B nines
.I command
.RI [ options ]
.SH DESCRIPTION
.nf
EOF
"$nines" --help | literal
echo ".fi"
echo ".SH COMMANDS"
for command in $("$nines" --help | awk '/^SUBCOMMANDS:/ {on = 1; next} on && /^  [a-z]/ {print $1}'); do
    echo ".SS nines $command"
    echo ".nf"
    "$nines" help "$command" | literal
    echo ".fi"
done
cat <<'EOF'
.SH FILES
.TP
.I PREFIX/share/nines/Catalog, PREFIX/share/nines/Templates
The catalog and templates an installed nines uses when no other is given.
.TP
.I $XDG_DATA_HOME/nines/assessments.sqlite
The assessment history (~/.local/share/nines/assessments.sqlite when XDG_DATA_HOME is unset).
.SH ENVIRONMENT
.TP
.B NINES_CATALOG, NINES_TEMPLATES
Catalog and templates folders to use.
.TP
.B NINES_DB
The assessment database to use.
EOF
