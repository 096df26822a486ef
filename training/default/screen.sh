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
  [ -f "$out/$name/model/model.json" ] && return 0
  mkdir -p "$out/$name"
  JAVA_OPTS="-Xmx2g -Dai.djl.pytorch.num_threads=1" "$repo/bin/gdwct" train \
    --data-a "$split/train/photos" --data-b "$split/train/paintings" --out "$out/$name" \
    --preset cpu-small --seed "$seed" --iterations "$until" \
    --sample-every 250 --checkpoint-every 250 --log-every 10 \
    --domain-a photo --domain-b painting --resume "$@" > "$out/$name/train.log" 2>&1
}
# the screen that fits one session on 2 cores at SSE4.1 (about 0.2 it/s per run): the seed that
# inverted, with and without the structure term from iteration 0
run structure4-seed1 1 100000 --lambda-structure 4 &
run official-seed1 1 100000 &
wait
