#!/usr/bin/env python3
"""Training step 0 of the official GDWCT code on the tiny fixture, for TrainStepFloat64ParityTest.

Imports the official, unmodified model.py from --official (a checkout of WonwoongCho/GDWCT, not
part of this repository) and repeats run.py's update_D / update_G loss computation (l.161-268,
reference doc §3.1) on the fixture's weights and batch, without the optimiser steps: meta.json's
train_step0 is the losses and gradients of the initial weights. Writes the loss terms, g_total,
d_loss and the L2 norm of every generator parameter's gradient, with meta.json's key names.

  /usr/bin/python3 tools/reference/train_step0.py --official /tmp/gdwct-official \
      --fixture src/test/resources/official/tiny --dtype float64 --out ref.json
"""
import argparse
import json
import os
import sys

import numpy as np
import torch

# configs/config.yaml with the tiny fixture's sizes (meta.json)
WEIGHTS = {'gen_adv': 1.0, 'cross_rec': 10.0, 'ae_rec': 10.0, 'latent_s': 1.0, 'latent_c': 1.0,
           'whitening_reg': 0.001, 'coloring_reg': 10.0}
D_OPTS = {'N_LAYER': 4, 'GAN_TYPE': 'lsgan', 'FIRST_DIM': 8, 'NORM': 'none', 'ACTIVATION': 'lrelu',
          'NUM_SCALES': 3, 'PAD_TYPE': 'mirror'}


def block_diagonal_mask(n_group, n_mem, dtype):
    # run.py get_block_diagonal_mask, without scipy
    return torch.block_diag(*[torch.ones(n_mem, n_mem) for _ in range(n_group)]).to(dtype)


def l1(a, b):
    return torch.mean(torch.abs(a - b))


def reg(x_arr):
    # run.py reg; its accumulator torch.FloatTensor([0]) would demote a float64 run to float32
    eye = torch.eye(x_arr[0][0].size(1), dtype=x_arr[0][0].dtype).unsqueeze(0)
    loss = torch.zeros(1, dtype=x_arr[0][0].dtype)
    for x in x_arr:
        loss = loss + torch.mean(torch.abs(torch.cat(x, dim=0) - eye))
    return loss / len(x_arr)


def load_fixture(official_dir, fixture, dtype):
    """The official model.py module, meta.json, the fixture's G_A, G_B, D_A, D_B in train mode
    and its batch (x_A, x_B), all in dtype (also made torch's default dtype: the official WCT
    builds eps*eye with it)."""
    sys.path.insert(0, official_dir)
    import model as official  # noqa: E402  (the official model.py)

    torch.set_default_dtype(dtype)
    meta = json.load(open(os.path.join(fixture, 'meta.json')))
    c_dim, g = meta['content_dim'], meta['n_group']
    mask = block_diagonal_mask(g, c_dim // g, dtype)

    def load(name, net):
        net.load_state_dict(torch.load(os.path.join(fixture, name + '.pth'), map_location='cpu'))
        return net.to(dtype).train()

    def generator():
        return official.Generator(meta['conv_dim'], meta['n_res_blocks'], mask, g, meta['mlp_dim'],
                                  meta['bias_dim'], c_dim, torch.device('cpu'))
    nets = (load('G_A', generator()), load('G_B', generator()),
            load('D_A', official.Discriminator(3, D_OPTS)), load('D_B', official.Discriminator(3, D_OPTS)))
    batch = tuple(torch.from_numpy(np.load(os.path.join(fixture, n + '.npy'))).to(dtype) for n in ('x_A', 'x_B'))
    return official, meta, nets, batch


def write_json(out, path):
    """out as indented JSON to path, or to stdout for '-'."""
    text = json.dumps(out, indent=1)
    if path == '-':
        print(text)
    else:
        with open(path, 'w') as f:
            f.write(text + '\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--official', required=True, help='directory holding the official model.py')
    ap.add_argument('--fixture', default='src/test/resources/official/tiny')
    ap.add_argument('--dtype', choices=['float32', 'float64'], default='float64')
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--out', default='-')
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    dtype = getattr(torch, args.dtype)
    official, meta, (G_A, G_B, D_A, D_B), (x_A, x_B) = load_fixture(args.official, args.fixture, dtype)

    # update_D (its loss only)
    c_A, c_B = G_A.c_encoder(x_A), G_B.c_encoder(x_B)
    s_A, s_B = G_A.s_encoder(x_A), G_B.s_encoder(x_B)
    x_AB, _, _ = G_B(c_A, s_B)
    x_BA, _, _ = G_A(c_B, s_A)
    d_loss = D_A.calc_dis_loss(x_BA.detach(), x_A) + D_B.calc_dis_loss(x_AB.detach(), x_B)

    # update_G
    for G in (G_A, G_B):
        for m in G.decoder.gdwct_modules:
            m.alpha.data.clamp_(0, 1)
    c_A, c_B = G_A.c_encoder(x_A), G_B.c_encoder(x_B)
    s_A, s_B = G_A.s_encoder(x_A), G_B.s_encoder(x_B)
    x_AB, w_AB, col_AB = G_B(c_A, s_B)
    x_BA, w_BA, col_BA = G_A(c_B, s_A)
    c_BA, c_AB = G_A.c_encoder(x_BA), G_B.c_encoder(x_AB)
    s_AB, s_BA = G_B.s_encoder(x_AB), G_A.s_encoder(x_BA)
    x_ABA, w_ABA, col_ABA = G_A(c_AB, s_BA)
    x_BAB, w_BAB, col_BAB = G_B(c_BA, s_AB)
    x_AA, _, _ = G_A(c_A, s_A)
    x_BB, _, _ = G_B(c_B, s_B)
    terms = {
        'gen_adv': D_A.calc_gen_loss(x_BA) + D_B.calc_gen_loss(x_AB),
        'cross_rec': l1(x_ABA, x_A) + l1(x_BAB, x_B),
        'ae_rec': l1(x_AA, x_A) + l1(x_BB, x_B),
        'latent_s': l1(s_AB, s_B) + l1(s_BA, s_A),
        'latent_c': l1(c_AB, c_A) + l1(c_BA, c_B),
        'whitening_reg': reg([w_AB, w_BA, w_ABA, w_BAB]),
        'coloring_reg': reg([col_AB, col_BA, col_ABA, col_BAB]),
    }
    g_total = sum(WEIGHTS[k] * v for k, v in terms.items())  # run.py l.224-230, same order
    for net in (G_A, G_B):
        net.zero_grad()
    g_total.backward()

    norms = {}
    for prefix, net in (('G_A', G_A), ('G_B', G_B)):
        for name, p in net.named_parameters():
            norms[prefix + '.' + name] = p.grad.norm().item() if p.grad is not None else 0.0
    out = {
        'dtype': args.dtype,
        'torch': torch.__version__,
        'threads': args.threads,
        'loss_terms': {k: v.item() for k, v in terms.items()},
        'weights': WEIGHTS,
        'g_total': g_total.item(),
        'd_loss': d_loss.item(),
        'grad_l2_norms': norms,
    }
    write_json(out, args.out)


if __name__ == '__main__':
    main()
