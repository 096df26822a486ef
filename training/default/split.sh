#!/usr/bin/env bash
# Makes the split folders of the default model from training/default/split.txt: every listed image
# of the shared datasets linked into OUT/SPLIT/DOMAIN/ (train, validation, test x photos, paintings).
#   training/default/split.sh [DATASETS_DIR] [OUT_DIR]
# Fails if a listed file is missing, so that a changed dataset cannot shift the split silently.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
datasets=$(cd "${1:-$repo/../shared/datasets}" && pwd)
out=${2:-$repo/runs/split}
grep -v '^#' "$here/split.txt" | while read -r split file; do
  [ -f "$datasets/$file" ] || { echo "error: $datasets/$file (listed in split.txt) is missing" >&2; exit 1; }
  mkdir -p "$out/$split/$(dirname "$file")"
  ln -sfn "$datasets/$file" "$out/$split/$file"
done
for d in "$out"/*/*; do echo "$d: $(find "$d" -maxdepth 1 -type l | wc -l) images"; done
