#!/usr/bin/env bash
# The start-robustness screen of issue 11: several seeds trained from scratch for a short while,
# with and without the tone-preserving structure loss from iteration 0, two runs side by side at
# one thread each. Each run exports RUN/model at the end; `evaluate` on the validation split reads
# the tone of each (docs/implementation-notes.md has the table).
#   training/default/screen.sh [SPLIT_DIR] [OUT_DIR]
# SPLIT_DIR is what training/default/split.sh made (train/ validation/ test/).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
split=${1:-$repo/runs/split}
out=${2:-$repo/runs/screen}
export OPENCV_IO_MAX_IMAGE_PIXELS=100000000
mkdir -p "$out"
[ -d "$out/app" ] || cp -r "$repo/target/quarkus-app" "$out/app"   # a rebuild must not swap the jar under the runs
export GDWCT_APP_DIR=$out/app
run() { # run NAME SEED ITERATIONS [FLAGS...]
  local name=$1 seed=$2 until=$3
  shift 3
  [ -f "$out/$name/done-$until" ] && return 0
  mkdir -p "$out/$name"
  JAVA_OPTS="-Xmx2g -Dai.djl.pytorch.num_threads=1" "$repo/bin/gdwct" train \
    --data-a "$split/train/photos" --data-b "$split/train/paintings" --out "$out/$name" \
    --preset cpu-small --seed "$seed" --iterations "$until" \
    --sample-every 250 --checkpoint-every 250 --log-every 10 \
    --domain-a photo --domain-b painting --resume "$@" >> "$out/$name/train.log" 2>&1 && touch "$out/$name/done-$until"
}
# Two slots, one thread each. Slot A: the seed that inverted, with the structure term from iteration 0,
# exported at SCREEN_ITERATIONS (RUN/model) and then trained on as the long candidate (RUN/ checkpoint,
# export with `train --resume --iterations N --export DIR` and the same flags). Slot B: the other seeds.
until=${SCREEN_ITERATIONS:-1000}
slot_a() {
  run structure4-seed1 1 "$until" --lambda-structure 4
  [ -n "${SCREEN_ONLY:-}" ] || run structure4-seed1 1 100000 --lambda-structure 4 --export "$out/structure4-seed1/model-long"
}
slot_b() {
  for seed in ${SCREEN_SEEDS:-2 3 4}; do run structure4-seed$seed "$seed" "$until" --lambda-structure 4; done
  for seed in ${SCREEN_OFFICIAL_SEEDS:-1 2 3 4}; do run official-seed$seed "$seed" "$until"; done
}
slot_a &
slot_b &
wait
