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
val=()
[ -d "$split/validation/photos" ] && val=(--val-a "$split/validation/photos" --val-b "$split/validation/paintings")
run() { # run NAME SEED ITERATIONS [FLAGS...]: skipped when done or when another slot holds it
  local name=$1 seed=$2 until=$3
  shift 3
  [ -f "$out/$name/done-$until" ] && return 0
  mkdir -p "$out/$name"
  mkdir "$out/$name/lock-$until" 2>/dev/null || return 0
  JAVA_OPTS="-Xmx2g -Dai.djl.pytorch.num_threads=1" "$repo/bin/gdwct" train \
    --data-a "$split/train/photos" --data-b "$split/train/paintings" "${val[@]}" --out "$out/$name" \
    --preset cpu-small --seed "$seed" --iterations "$until" \
    --sample-every 250 --checkpoint-every 250 --log-every 10 \
    --domain-a photo --domain-b painting --resume "$@" >> "$out/$name/train.log" 2>&1 \
    && touch "$out/$name/done-$until"
  rmdir "$out/$name/lock-$until"
}
# Two slots, one thread each, taking the runs below in order (a run directory's lock keeps them
# apart): the structure term (weight 4) from iteration 0 at 4 seeds, then the official losses at
# the same seeds, each to SCREEN_ITERATIONS and exported to RUN/model. Seed 1 is the seed that
# inverted (issue 11). A lock left by a killed run: remove RUN/lock-N by hand.
until=${SCREEN_ITERATIONS:-1000}
queue() {
  for seed in ${SCREEN_SEEDS:-1 2 3 4}; do run structure4-seed$seed "$seed" "$until" --lambda-structure 4; done
  for seed in ${SCREEN_SEEDS:-1 2 3 4}; do run official-seed$seed "$seed" "$until"; done
}
queue &
queue &
wait
