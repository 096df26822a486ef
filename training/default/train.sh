#!/usr/bin/env bash
# Trains (or resumes) the shipped default model, photo <-> painting, exactly as it was trained.
#   training/default/train.sh [DATASETS_DIR] [RUN_DIR] [EXTRA TRAIN FLAGS...]
# DATASETS_DIR holds photos/ and paintings/ (default: ../shared/datasets beside the repository).
# The held-out split (heldout.txt) is excluded; the run resumes from RUN_DIR/checkpoint.safetensors,
# or from the compact checkpoint kept in this folder when RUN_DIR has none.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
data=${1:-$repo/../shared/datasets}
run=${2:-$repo/runs/default}
shift $(( $# < 2 ? $# : 2 ))
split=$run/data
mkdir -p "$split/photos" "$split/paintings"
for domain in photos paintings; do
  for f in "$data/$domain"/*; do
    name=$(basename "$f")
    grep -qx "$domain/$name" "$here/heldout.txt" || ln -sf "$(cd "$(dirname "$f")" && pwd)/$name" "$split/$domain/$name"
  done
done
if [ ! -f "$run/checkpoint.safetensors" ] && [ -f "$here/checkpoint.safetensors" ]; then
  cp "$here/checkpoint.safetensors" "$run/checkpoint.safetensors"
  cp "$here/metrics.jsonl" "$run/metrics.jsonl"   # the run's history, continued by the resumed run
fi
export OPENCV_IO_MAX_IMAGE_PIXELS=100000000
JAVA_OPTS="${JAVA_OPTS:--Xmx3g -Dai.djl.pytorch.num_threads=2}" exec "$repo/bin/gdwct" train \
  --data-a "$split/photos" --data-b "$split/paintings" --out "$run" \
  --preset cpu-small --seed 1 --iterations 100000 \
  --sample-every 250 --checkpoint-every 250 --log-every 10 \
  --domain-a photo --domain-b painting --resume "$@"
