#!/bin/sh
# Regenerates Sources/Console/Terminal/TerminalWidthTable.swift from this machine's glibc
# wcwidth (the widths ncurses draws with). Needs a C compiler and the C.UTF-8 locale.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/table" scripts/terminal-width-table.c
"$tmp/table" > Sources/Console/Terminal/TerminalWidthTable.swift
