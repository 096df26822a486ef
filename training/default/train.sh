#!/usr/bin/env bash
# Trains (or resumes) the shipped default model, photo <-> painting, exactly as it was trained.
#   training/default/train.sh [DATASETS_DIR] [RUN_DIR] [EXTRA TRAIN FLAGS...]
# DATASETS_DIR holds photos/ and paintings/ (default: ../shared/datasets beside the repository).
# The held-out split (heldout.txt) is excluded; the run resumes from RUN_DIR/checkpoint.safetensors,
# or from the compact checkpoint kept in this folder when RUN_DIR has none (the usual case: it
# continues the shipped model). With neither, it retraces the model's history from scratch: the
# phases below, each resuming the last with more of the non-official options switched on
# (docs/implementation-notes.md says why and what each one measured).
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
fresh=1
if [ -f "$run/checkpoint.safetensors" ]; then
  fresh=0
elif [ -f "$here/checkpoint.safetensors" ]; then
  cp "$here/checkpoint.safetensors" "$run/checkpoint.safetensors"
  cp "$here/metrics.jsonl" "$run/metrics.jsonl"   # the run's history, continued by the resumed run
  fresh=0
fi
export OPENCV_IO_MAX_IMAGE_PIXELS=100000000
train() { # train UNTIL_ITERATION [FLAGS...]
  local until=$1
  shift
  JAVA_OPTS="${JAVA_OPTS:--Xmx3g -Dai.djl.pytorch.num_threads=2}" ${last:+exec} "$repo/bin/gdwct" train \
    --data-a "$split/photos" --data-b "$split/paintings" --out "$run" \
    --preset cpu-small --seed 1 --iterations "$until" \
    --sample-every 250 --checkpoint-every 250 --log-every 10 \
    --domain-a photo --domain-b painting --resume "$@"
}
if [ "$fresh" = 1 ]; then
  train 15422                                  # the official losses
  train 16000 --lambda-structure 4             # + structure loss
  train 16500 --lambda-texture 2               # + texture loss
  train 19005 --lambda-texture 8
  train 21000 --lambda-texture 32 --ema-decay 0.999   # + weight average for the exported model
  train 22500 --lambda-texture 128
fi
# the shipped model's settings, named in full so that resuming any checkpoint continues with them;
# exec, so that a SIGTERM to this script reaches the trainer, which checkpoints and stops
last=1
train 100000 --lambda-structure 8 --lambda-texture 128 --ema-decay 0.999 "$@"
