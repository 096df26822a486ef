#!/usr/bin/env python3
"""Reference values for TextureLossTest: oriented edge energy at four octaves, log-L1 compared.

An independent implementation (differences by slicing and torch's avg_pool2d, where TextureLoss
uses 2x2 convolution kernels), in float64, with torch autograd for the gradient with respect to
the translation.

  /usr/bin/python3 tools/reference/texture_loss.py --out src/test/resources/training/texture_loss_reference.json
"""
import argparse
import json

import numpy as np
import torch
import torch.nn.functional as F

EPS = 1e-4


def statistics(x):
    rgb = torch.tensor([0.299, 0.587, 0.114], dtype=torch.float64).view(1, 3, 1, 1)
    y = (x * rgb).sum(1, keepdim=True)
    stats = []
    for level in range(4):
        if level:
            y = F.avg_pool2d(y, 2)
        a, b = y[:, :, :-1, :-1], y[:, :, :-1, 1:]  # top-left, top-right
        c, d = y[:, :, 1:, :-1], y[:, :, 1:, 1:]    # bottom-left, bottom-right
        for r in (0.5 * (a - b + c - d), 0.5 * (a + b - c - d), 0.5 * (a - d), 0.5 * (b - c)):
            stats.append(r.abs().mean(dim=(1, 2, 3)))
    return torch.stack(stats, 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    rng = np.random.default_rng(11)
    t = rng.uniform(-1, 1, (2, 3, 20, 24)) * np.linspace(0.1, 1, 24)  # varying contrast
    e = np.clip(rng.normal(0, 0.4, (2, 3, 21, 18)), -1, 1)            # odd height: floor pooling
    tt = torch.from_numpy(t).requires_grad_(True)
    st = statistics(tt)
    se = statistics(torch.from_numpy(e))
    loss = ((st + EPS).log() - (se + EPS).log()).abs().mean()
    loss.backward()
    out = {'translationShape': list(t.shape), 'exemplarShape': list(e.shape),
           'translation': t.ravel().tolist(), 'exemplar': e.ravel().tolist(),
           'statistics': st.detach().numpy().ravel().tolist(), 'loss': loss.item(),
           'gradTranslation': tt.grad.numpy().ravel().tolist()}
    with open(args.out, 'w') as f:
        json.dump(out, f)
    print('loss', loss.item())


if __name__ == '__main__':
    main()
