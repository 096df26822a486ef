#!/usr/bin/env python3
"""Reference values for StructureLossTest: SSIM's contrast-structure term on luminance.

An independent implementation (a full 11x11 2-D Gaussian window through torch's conv2d, not the
separable one StructureLoss uses), in float64, with torch autograd for the gradient. Writes two
random image pairs, the mean cs of each, and the gradient of 1 - cs with respect to the first
image of the first pair.

  /usr/bin/python3 tools/reference/structure_loss.py --out src/test/resources/training/structure_loss_reference.json
"""
import argparse
import json

import numpy as np
import torch
import torch.nn.functional as F

C2 = (0.03 * 2.0) ** 2  # dynamic range 2: images in [-1, 1]


def window():
    i = np.arange(-5, 6, dtype=np.float64)
    g = np.exp(-(i * i) / (2 * 1.5 * 1.5))
    w2 = np.outer(g, g)
    return torch.from_numpy(w2 / w2.sum()).view(1, 1, 11, 11)


def cs_mean(x, y):
    rgb = torch.tensor([0.299, 0.587, 0.114], dtype=torch.float64).view(1, 3, 1, 1)
    lx = (x * rgb).sum(1, keepdim=True)
    ly = (y * rgb).sum(1, keepdim=True)
    w = window()
    mu_x, mu_y = F.conv2d(lx, w), F.conv2d(ly, w)
    vx = F.conv2d(lx * lx, w) - mu_x ** 2
    vy = F.conv2d(ly * ly, w) - mu_y ** 2
    cxy = F.conv2d(lx * ly, w) - mu_x * mu_y
    return ((2 * cxy + C2) / (vx + vy + C2)).mean()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    rng = np.random.default_rng(7)
    shape = (2, 3, 16, 20)
    x = rng.uniform(-1, 1, shape)
    # y: a blurred, tone-shifted, noisy version of x (partly correlated), and an unrelated image
    y_related = np.clip(0.6 * x + 0.2 + 0.3 * rng.uniform(-1, 1, shape), -1, 1)
    y_random = rng.uniform(-1, 1, shape)
    out = {'shape': list(shape), 'x': x.ravel().tolist(), 'cases': []}
    for name, y in (('related', y_related), ('unrelated', y_random)):
        xt = torch.from_numpy(x).requires_grad_(True)
        s = cs_mean(xt, torch.from_numpy(y))
        (1 - s).backward()
        out['cases'].append({'name': name, 'y': y.ravel().tolist(), 'similarity': s.item(),
                             'gradX': xt.grad.numpy().ravel().tolist()})
    with open(args.out, 'w') as f:
        json.dump(out, f)
    print({c['name']: c['similarity'] for c in out['cases']})


if __name__ == '__main__':
    main()
