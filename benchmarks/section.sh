#!/bin/sh
# section.sh NAME DOC COMMAND... runs COMMAND and puts what it prints in
# DOC between the lines <!-- NAME:begin --> and <!-- NAME:end -->, for
# run.sh --update and library.sh --update.
set -eu
name=$1 doc=$2
shift 2
if ! grep -qx "<!-- $name:begin -->" "$doc" || ! grep -qx "<!-- $name:end -->" "$doc"; then
	echo "section.sh: $doc has no <!-- $name:begin --> and <!-- $name:end --> lines to write between" >&2
	exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$@" >"$work/section.md"
awk -v section="$work/section.md" -v begin="<!-- $name:begin -->" -v end="<!-- $name:end -->" '
	$0 == begin { print; while ((getline line < section) > 0) print line; skip = 1; next }
	$0 == end { skip = 0 }
	!skip { print }' "$doc" >"$work/doc.md"
cat "$work/doc.md" >"$doc"
echo "section.sh: updated the $name section of $doc" >&2
