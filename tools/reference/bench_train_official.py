#!/usr/bin/env python3
"""Seconds per training iteration of the official GDWCT code, for docs/benchmarks.md: the same
measurement as `gdwct bench --train` (one update_D + update_G with Adam steps, random inputs, no
I/O, median of --runs after --warmup), on the official run.py's own Run methods.

  /usr/bin/python3 tools/reference/bench_train_official.py --official /tmp/gdwct-official \
      --size 216 --batch 1 --threads 2            # official config (conv 64, G 8, MLP 256)
  ... --conv-dim 16 --n-group 4 --mlp-dim 128 --size 128   # our cpu-small preset's model
"""
import argparse
import statistics
import sys
import time

import torch

from train_step0 import block_diagonal_mask, reg
from train_steps import official_run_class


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--official', required=True, help='directory holding the official model.py and run.py')
    ap.add_argument('--conv-dim', type=int, default=64)
    ap.add_argument('--n-group', type=int, default=8)
    ap.add_argument('--mlp-dim', type=int, default=256)
    ap.add_argument('--size', type=int, default=216)
    ap.add_argument('--batch', type=int, default=1)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--warmup', type=int, default=1)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    sys.path.insert(0, args.official)
    import model as official  # noqa: E402  (the official model.py)

    c_dim = 4 * args.conv_dim
    mask = block_diagonal_mask(args.n_group, c_dim // args.n_group, torch.float32)
    d_opts = {'N_LAYER': 4, 'GAN_TYPE': 'lsgan', 'FIRST_DIM': args.conv_dim, 'NORM': 'none',
              'ACTIVATION': 'lrelu', 'NUM_SCALES': 3, 'PAD_TYPE': 'mirror'}
    config = {'G_LR': 1e-4, 'D_LR': 1e-4, 'BETA1': 0.5, 'BETA2': 0.999, 'WEIGHT_DECAY': 1e-4,
              'LAMBDA_X_REC': 10.0, 'LAMBDA_X_CYC': 10.0, 'LAMBDA_C': 1.0, 'LAMBDA_S': 1.0,
              'LAMBDA_W_REG': 0.001, 'LAMBDA_C_REG': 10.0, 'DATA_PARALLEL': False}

    def generator():
        return official.Generator(args.conv_dim, 8, mask, args.n_group, args.mlp_dim, c_dim, c_dim,
                                  torch.device('cpu')).train()

    Run = official_run_class(args.official)
    run = Run.__new__(Run)  # Run.__init__ would build a data loader
    run.config, run.device, run.loss, run.reg = config, torch.device('cpu'), {}, reg
    run.G_A, run.G_B = generator(), generator()
    run.D_A, run.D_B = official.Discriminator(3, d_opts).train(), official.Discriminator(3, d_opts).train()
    g_params = list(run.G_A.parameters()) + list(run.G_B.parameters())
    d_params = list(run.D_A.parameters()) + list(run.D_B.parameters())
    run.G_optimizer = torch.optim.Adam(g_params, 1e-4, [0.5, 0.999], weight_decay=1e-4)
    run.D_optimizer = torch.optim.Adam(d_params, 1e-4, [0.5, 0.999], weight_decay=1e-4)

    times = []
    for i in range(args.warmup + args.runs):
        x_a = torch.rand(args.batch, 3, args.size, args.size) * 2 - 1
        x_b = torch.rand(args.batch, 3, args.size, args.size) * 2 - 1
        t0 = time.perf_counter()
        run.update_D(x_a, x_b)
        run.update_G(x_a, x_b)
        if i >= args.warmup:
            times.append(time.perf_counter() - t0)
    print('official training iteration (torch %s, %d threads, conv %d, G %d, MLP %d, %dx%d, batch %d): '
          'median %.3f s, min %.3f s, max %.3f s over %d runs (after %d warm-up)'
          % (torch.__version__, args.threads, args.conv_dim, args.n_group, args.mlp_dim, args.size,
             args.size, args.batch, statistics.median(times), min(times), max(times), args.runs, args.warmup))


if __name__ == '__main__':
    main()
