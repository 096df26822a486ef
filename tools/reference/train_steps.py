#!/usr/bin/env python3
"""K full training iterations of the official GDWCT code on the tiny fixture, for
TrainLoopFloat64ParityTest.

Runs the official run.py's own Run.update_D / update_G / update_learning_rate methods (the class is
taken from --official's run.py source, unmodified; run.py itself cannot be imported: it trains at
import) with torch.optim.Adam for G_A+G_B and for D_A+D_B and StepLR, as Run.init_network builds
them, then repeats Run.train's loop body: update_D, update_G, then the scheduler step when
i > NUM_ITERS_DECAY. One departure: Run.reg's accumulator torch.FloatTensor([0]) would demote a
float64 run to float32, so reg is train_step0.reg (same formula, the run's dtype).

Iteration i's batch is batch(x, i, ...) below, defined identically in TrainLoopFloat64ParityTest.
Writes per iteration the learning rate, d_loss and the unweighted loss terms, and after the last
iteration, for every state_dict entry of the four networks (parameters and instance-norm running
statistics): L2 norm and sum, and for parameters the L2 norm of (final - initial).

--djl-float-scalars rounds to float32 the two hyper-parameters that our DJL code can only pass as
Java floats, so that a float64 run of ours can be compared tightly over several iterations: the
LeakyReLU slope (0.01f) and the scalars of DJL's fused Adam update, which computes the same
update as torch.optim.Adam in the algebraically equal form
    g += wd*p;  m = b1*m + (1-b1)*g;  v = b2*v + (1-b2)*g*g;  p -= c*m / (sqrt(v) + e),
    c = lr*sqrt(1-b2^t)/(1-b1^t),  e = eps*sqrt(1-b2^t),
with wd, b1, b2, 1-b1, 1-b2, c and e float32 (AdamOptimizer.java). Without the flag the run is the
official one (torch.optim.Adam, slope 0.01). The float32 beta2 alone (1-b2 off by 1.3e-5) moves
the tiny model's losses by ~1e-7 relative after two iterations and ~1e-3 after four, because
Adam's first steps normalise every gradient element; with the flag ours matches to ~1e-11.

  /usr/bin/python3 tools/reference/train_steps.py --official /tmp/gdwct-official \
      --fixture src/test/resources/official/tiny --iterations 4 --out ref.json
"""
import argparse
import ast
import os

import numpy as np
import torch
from torch.optim import lr_scheduler

from train_step0 import WEIGHTS, load_fixture, reg, write_json

# configs/config.yaml's optimiser and loss settings; the schedule is shrunk so that K iterations
# exercise it: StepLR(step_size=1, gamma=0.5) stepped after every iteration i > 0.
CONFIG = {'G_LR': 1e-4, 'D_LR': 1e-4, 'BETA1': 0.5, 'BETA2': 0.999, 'WEIGHT_DECAY': 1e-4,
          'NUM_ITERS_DECAY': 0, 'LR_POLICY': 'step', 'STEP_SIZE': 1, 'GAMMA': 0.5,
          'LAMBDA_X_REC': 10.0, 'LAMBDA_X_CYC': 10.0, 'LAMBDA_C': 1.0, 'LAMBDA_S': 1.0,
          'LAMBDA_W_REG': 0.001, 'LAMBDA_C_REG': 10.0, 'DATA_PARALLEL': False}
# Run.loss keys -> (our name, the factor Run.update_G multiplied the logged value by)
LOGGED = {'G/loss_fake': ('gen_adv', 1.0), 'G/loss_cross_rec': ('cross_rec', CONFIG['LAMBDA_X_REC']),
          'G/loss_ae_rec': ('ae_rec', CONFIG['LAMBDA_X_REC']), 'G/loss_latent_s': ('latent_s', CONFIG['LAMBDA_S']),
          'G/loss_latent_c': ('latent_c', CONFIG['LAMBDA_C']),
          'G/loss_whitening_reg': ('whitening_reg', CONFIG['LAMBDA_W_REG']),
          'G/loss_coloring_reg': ('coloring_reg', CONFIG['LAMBDA_C_REG'])}


def batch(x, i, dy, dx, flip_dim):
    """Iteration i's batch from the fixture's x (B, 3, H, W): samples rolled by i, pixels rolled
    by (dy*i, dx*i) (out[j] = in[j - shift], cyclic), then flipped along flip_dim for odd i."""
    y = torch.roll(x, shifts=(i, dy * i, dx * i), dims=(0, 2, 3))
    return torch.flip(y, dims=(flip_dim,)) if i % 2 == 1 else y


def batch_a(x, i):
    return batch(x, i, 5, 11, 3)


def batch_b(x, i):
    return batch(x, i, 9, 4, 2)


def f32(v):
    return float(np.float32(v))


class FusedFloatScalarAdam(torch.optim.Adam):
    """torch.optim.Adam (one parameter group, L2 weight decay) in DJL's fused form with float32
    scalars; see the module docstring. State: step count, m, v."""

    @torch.no_grad()
    def step(self, closure=None):
        group = self.param_groups[0]
        b1, b2 = group['betas']
        for p in group['params']:
            if p.grad is None:
                continue  # as torch.optim.Adam (and ours: no gradient, no update)
            st = self.state[p]
            if not st:
                st['step'], st['m'], st['v'] = 0, torch.zeros_like(p), torch.zeros_like(p)
            st['step'] += 1
            t = st['step']
            s2 = (1 - b2 ** t) ** 0.5
            c, e = f32(group['lr'] * s2 / (1 - b1 ** t)), f32(group['eps'] * s2)
            g = p.grad.add(p, alpha=f32(group['weight_decay']))
            st['m'].mul_(f32(b1)).add_(g, alpha=float(np.float32(1) - np.float32(b1)))
            st['v'].mul_(f32(b2)).addcmul_(g, g, value=float(np.float32(1) - np.float32(b2)))
            p.sub_(st['m'].mul(c).div(st['v'].sqrt().add(e)))


def official_run_class(official_dir):
    path = os.path.join(official_dir, 'run.py')
    tree = ast.parse(open(path).read(), path)
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == 'Run')
    ns = {'torch': torch, 'nn': torch.nn, 'np': np, 'os': os}
    exec(compile(ast.Module(body=[cls], type_ignores=[]), path, 'exec'), ns)
    return ns['Run']


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--official', required=True, help='directory holding the official model.py and run.py')
    ap.add_argument('--fixture', default='src/test/resources/official/tiny')
    ap.add_argument('--dtype', choices=['float32', 'float64'], default='float64')
    ap.add_argument('--iterations', type=int, default=4)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--djl-float-scalars', action='store_true',
                    help='LeakyReLU slope and Adam scalars rounded to float32, as our DJL code passes them')
    ap.add_argument('--out', default='-')
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    dtype = getattr(torch, args.dtype)
    _, _, (G_A, G_B, D_A, D_B), (x_A, x_B) = load_fixture(args.official, args.fixture, dtype)
    nets = {'G_A': G_A, 'G_B': G_B, 'D_A': D_A, 'D_B': D_B}
    if args.djl_float_scalars:
        for net in nets.values():
            for m in net.modules():
                if isinstance(m, torch.nn.LeakyReLU):
                    m.negative_slope = f32(m.negative_slope)
    initial = {n: {k: v.detach().clone() for k, v in net.state_dict().items()} for n, net in nets.items()}

    Run = official_run_class(args.official)
    run = Run.__new__(Run)  # Run.__init__ would build a data loader and fresh networks
    run.config, run.device, run.loss = CONFIG, torch.device('cpu'), {}
    run.G_A, run.G_B, run.D_A, run.D_B = G_A, G_B, D_A, D_B
    run.reg = reg
    c = CONFIG
    # Run.init_network's optimisers; get_scheduler's StepLR (last_epoch=-1)
    Adam = FusedFloatScalarAdam if args.djl_float_scalars else torch.optim.Adam
    G_params = list(G_A.parameters()) + list(G_B.parameters())
    run.G_optimizer = Adam([p for p in G_params if p.requires_grad], c['G_LR'],
                                       [c['BETA1'], c['BETA2']], weight_decay=c['WEIGHT_DECAY'])
    D_params = list(D_A.parameters()) + list(D_B.parameters())
    run.D_optimizer = Adam([p for p in D_params if p.requires_grad], c['D_LR'],
                                       [c['BETA1'], c['BETA2']], weight_decay=c['WEIGHT_DECAY'])
    run.G_scheduler = lr_scheduler.StepLR(run.G_optimizer, step_size=c['STEP_SIZE'], gamma=c['GAMMA'], last_epoch=-1)
    run.D_scheduler = lr_scheduler.StepLR(run.D_optimizer, step_size=c['STEP_SIZE'], gamma=c['GAMMA'], last_epoch=-1)

    iterations = []
    for i in range(args.iterations):  # Run.train, START = 0
        xa, xb = batch_a(x_A, i), batch_b(x_B, i)
        lr = run.G_optimizer.param_groups[0]['lr']
        run.update_D(xa, xb)
        run.update_G(xa, xb)
        terms = {LOGGED[k][0]: run.loss[k] / LOGGED[k][1] for k in LOGGED}
        iterations.append({'iteration': i, 'lr': lr, 'd_loss': run.loss['D/loss'], 'loss_terms': terms,
                           'g_total': sum(WEIGHTS[k] * terms[k] for k in WEIGHTS)})
        if i > c['NUM_ITERS_DECAY']:
            run.update_learning_rate()

    final = {}
    for n, net in nets.items():
        trainable = {k for k, p in net.named_parameters() if p.requires_grad}
        for k, v in net.state_dict().items():
            if k.endswith('num_batches_tracked'):
                continue
            e = {'l2': v.norm().item(), 'sum': v.sum().item()}
            if k in trainable:
                e['delta_l2'] = (v - initial[n][k]).norm().item()
            final[n + '.' + k] = e
    out = {
        'dtype': args.dtype,
        'torch': torch.__version__,
        'threads': args.threads,
        'djl_float_scalars': args.djl_float_scalars,
        'config': CONFIG,
        'batches': 'iteration i: x_A rolled by (i, 5i, 11i) on dims (0, 2, 3), x_B by (i, 9i, 4i); '
                   'odd i then flips x_A along W (dim 3) and x_B along H (dim 2)',
        'iterations': iterations,
        'final': final,
    }
    write_json(out, args.out)


if __name__ == '__main__':
    main()
