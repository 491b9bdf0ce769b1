"""Lesson 01's GAN in PyTorch, trained as the lesson trains it, for checking the course's quality figures
against a second implementation. Writes 1,000 samples as an IDX file for `./course eval --dataset mnist`.

    /usr/bin/python3 bench/mlp_gan_quality.py --mnist DIR --iterations 9000 --seed 1 --out samples-idx3-ubyte
    ./course eval --dataset mnist --samples samples-idx3-ubyte

DIR holds MNIST's official train-images-idx3-ubyte.gz. --bigger trains exercise 2's networks instead
(G 100-256-512-784, D 784-512-256-1)."""
import argparse
import gzip
import pathlib
import struct

import numpy as np
import torch
from torch import nn

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument("--mnist", required=True, type=pathlib.Path, help="folder with train-images-idx3-ubyte.gz")
ap.add_argument("--iterations", type=int, default=6000)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--out", required=True, type=pathlib.Path)
ap.add_argument("--bigger", action="store_true")
args = ap.parse_args()

images = args.mnist / "train-images-idx3-ubyte.gz"
if not images.is_file():
    raise SystemExit(f"no {images}: give --mnist the folder with MNIST's official files")
torch.manual_seed(args.seed)
torch.set_num_threads(1)                    # as the lesson: small dense networks are fastest on one thread
raw = gzip.open(images).read()
x = torch.tensor(np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(-1, 784).astype(np.float32)) / 127.5 - 1

lrelu = lambda: nn.LeakyReLU(0.2)
if args.bigger:
    g = nn.Sequential(nn.Linear(100, 256), lrelu(), nn.Linear(256, 512), lrelu(), nn.Linear(512, 784), nn.Tanh())
    d = nn.Sequential(nn.Linear(784, 512), lrelu(), nn.Linear(512, 256), lrelu(), nn.Linear(256, 1), nn.Sigmoid())
else:
    g = nn.Sequential(nn.Linear(100, 256), lrelu(), nn.Linear(256, 784), nn.Tanh())
    d = nn.Sequential(nn.Linear(784, 256), lrelu(), nn.Linear(256, 1), nn.Sigmoid())
opt_g = torch.optim.Adam(g.parameters(), 2e-4, betas=(0.5, 0.999))
opt_d = torch.optim.Adam(d.parameters(), 2e-4, betas=(0.5, 0.999))
bce = nn.BCELoss()
real_label, fake_label = torch.ones(64, 1), torch.zeros(64, 1)

order, at = torch.randperm(len(x)), 0
for t in range(args.iterations):
    if at + 64 > len(x):                    # a new epoch, shuffled anew; the last partial batch is dropped
        order, at = torch.randperm(len(x)), 0
    real = x[order[at:at + 64]]
    at += 64
    fake = g(torch.randn(64, 100))
    opt_d.zero_grad()                       # D: real -> 1, fake -> 0
    (bce(d(real), real_label) + bce(d(fake.detach()), fake_label)).backward()
    opt_d.step()
    opt_g.zero_grad()                       # G: non-saturating, toward "real"
    bce(d(fake), real_label).backward()
    opt_g.step()

with torch.no_grad():
    pixels = ((g(torch.randn(1000, 100)) + 1) * 127.5).clamp(0, 255).round().to(torch.uint8).numpy()
args.out.write_bytes(struct.pack(">IIII", 0x803, 1000, 28, 28) + pixels.tobytes())
print(f"wrote 1,000 samples after {args.iterations} iterations to {args.out}")
