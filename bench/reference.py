"""The PyTorch side of ./course bench and ./course quality: the course's lesson models, built and trained exactly
as the Java library does it (same layers, losses, optimisers). Run with Debian's python3-torch (CPU, on OpenBLAS).

    reference.py                 the bench worker: batch 64 on random images in [-1, 1), answering the same line
                                 protocol as gancourse.bench.BenchWorker
    reference.py train MODEL --data DIR --seconds T --seed S --samples N --out FILE
                                 ./course quality's reference: a lesson's recipe trained on the real data for T
                                 seconds of wall time, then N samples written as an IDX file (uint8 pixels)"""
import argparse
import gzip
import os
import pathlib
import struct
import sys
import time

import torch
from torch import nn

BATCH = 64
IMAGES = 1024
torch.manual_seed(7)


def lrelu():
    return nn.LeakyReLU(0.2)


def mlp_gan():
    g = nn.Sequential(nn.Linear(100, 256), lrelu(), nn.Linear(256, 784), nn.Tanh())
    d = nn.Sequential(nn.Linear(784, 256), lrelu(), nn.Linear(256, 1), nn.Sigmoid())
    adam = lambda m: torch.optim.Adam(m.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-8)
    return GanStep(g, d, adam(g), adam(d), 100, torch.rand(IMAGES, 784) * 2 - 1)


def dcgan():
    # lesson 04: z 100 -> 4x4x256 -> 8x8x128 -> 16x16x64 -> 32x32x3; D mirrored, LeakyReLU, stride-2 convolutions.
    up = lambda i, o: nn.ConvTranspose2d(i, o, 4, 2, 1, bias=False)
    down = lambda i, o, bias: nn.Conv2d(i, o, 4, 2, 1, bias=bias)
    g = nn.Sequential(nn.Linear(100, 4096, bias=False), nn.BatchNorm1d(4096), nn.ReLU(), nn.Unflatten(1, (256, 4, 4)),
                      up(256, 128), nn.BatchNorm2d(128), nn.ReLU(), up(128, 64), nn.BatchNorm2d(64), nn.ReLU(),
                      nn.ConvTranspose2d(64, 3, 4, 2, 1), nn.Tanh())
    d = nn.Sequential(down(3, 64, True), lrelu(), down(64, 128, False), nn.BatchNorm2d(128), lrelu(),
                      down(128, 256, False), nn.BatchNorm2d(256), lrelu(), nn.Flatten(), nn.Linear(4096, 1), nn.Sigmoid())
    for m in list(g.modules()) + list(d.modules()):
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
            nn.init.normal_(m.weight, 0, 0.02)
    adam = lambda m: torch.optim.Adam(m.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-8)
    return GanStep(g, d, adam(g), adam(d), 100, torch.rand(IMAGES, 3, 32, 32) * 2 - 1)


def dcgan_keras():
    # The Keras book's DCGAN (Chollet, 8.5): RMSprop with gradient values clipped to 1, dropout 0.4 in D.
    same = lambda i, o, k: nn.Conv2d(i, o, k, padding=k // 2)
    g = nn.Sequential(nn.Linear(32, 16 * 16 * 128), lrelu(), nn.Unflatten(1, (128, 16, 16)),
                      same(128, 256, 5), lrelu(), nn.ConvTranspose2d(256, 256, 4, 2, 1), lrelu(),
                      same(256, 256, 5), lrelu(), same(256, 256, 5), lrelu(), same(256, 3, 7), nn.Tanh())
    d = nn.Sequential(nn.Conv2d(3, 128, 3), lrelu(), nn.Conv2d(128, 128, 4, 2), lrelu(), nn.Conv2d(128, 128, 4, 2), lrelu(),
                      nn.Conv2d(128, 128, 4, 2), lrelu(), nn.Flatten(), nn.Dropout(0.4), nn.Linear(512, 1), nn.Sigmoid())
    rms = lambda m, lr: torch.optim.RMSprop(m.parameters(), lr=lr, alpha=0.9, eps=1e-7)
    return GanStep(g, d, rms(g, 4e-4), rms(d, 8e-4), 32, torch.rand(IMAGES, 3, 32, 32) * 2 - 1, clip=1.0)


class GanStep:
    """One iteration as in the PyTorch DCGAN tutorial, and as gancourse.training.GanTrainer does it."""

    def __init__(self, g, d, opt_g, opt_d, latent, data, clip=None):
        self.g, self.d, self.opt_g, self.opt_d, self.latent, self.data, self.clip = g, d, opt_g, opt_d, latent, data, clip
        self.loss = nn.BCELoss()
        self.t = 0

    def __call__(self):
        start = (self.t * BATCH) % (IMAGES - BATCH + 1)
        real = self.data[start:start + BATCH]
        self.t += 1
        z = torch.randn(BATCH, self.latent)
        fake = self.g(z)
        # D step: real -> 1, fake -> 0, the two gradients added.
        self.opt_d.zero_grad()
        out_real = self.d(real)
        loss_real = self.loss(out_real, torch.ones(BATCH, 1))
        loss_real.backward()
        out_fake = self.d(fake.detach())
        loss_fake = self.loss(out_fake, torch.zeros(BATCH, 1))
        loss_fake.backward()
        self.clipped(self.d)
        self.opt_d.step()
        # G step, through the updated D, non-saturating loss.
        self.opt_g.zero_grad()
        loss_g = self.loss(self.d(fake), torch.ones(BATCH, 1))
        loss_g.backward()
        self.clipped(self.g)
        self.opt_g.step()
        # What the Java trainer records each iteration: the losses and D's mean verdicts.
        return (loss_real + loss_fake).item(), loss_g.item(), out_real.mean().item(), out_fake.mean().item()

    def clipped(self, m):
        if self.clip:
            nn.utils.clip_grad_value_(m.parameters(), self.clip)


def dense_autoencoder():
    # lesson 03: 784 -> 256 -> 128 -> 32 -> 128 -> 256 -> 784, ReLU, tanh out, MSE, Adam 1e-3.
    sizes = [784, 256, 128, 32, 128, 256]
    layers = []
    for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
        layers += [nn.Linear(a, b)] + ([] if b == 32 else [nn.ReLU()])
    net = nn.Sequential(*layers, nn.Linear(256, 784), nn.Tanh())
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    data = torch.rand(IMAGES, 784) * 2 - 1
    loss = nn.MSELoss()
    state = {"t": 0}

    def step():
        start = (state["t"] * BATCH) % (IMAGES - BATCH + 1)
        state["t"] += 1
        x = data[start:start + BATCH]
        opt.zero_grad()
        l = loss(net(x), x)
        l.backward()
        opt.step()
        return l.item()
    return step


def mlp_recipe():
    """Lessons 01 and 02 (gancourse.models.MlpGan): G 100-256-512-1024-784 with batch norm after the 512 and 1024
    layers, D 784-512-256-1, LeakyReLU 0.2, Adam 2e-4/0.5, Xavier initialisation as DL4J's WeightInit.XAVIER."""
    def g_block(i, o):
        return [nn.Linear(i, o), nn.BatchNorm1d(o, eps=1e-5, momentum=0.1), lrelu()]
    g = nn.Sequential(nn.Linear(100, 256), lrelu(), *g_block(256, 512), *g_block(512, 1024), nn.Linear(1024, 784),
                      nn.Tanh())
    d = nn.Sequential(nn.Linear(784, 512), lrelu(), nn.Linear(512, 256), lrelu(), nn.Linear(256, 1), nn.Sigmoid())
    for m in list(g.modules()) + list(d.modules()):
        if isinstance(m, nn.Linear):
            nn.init.xavier_normal_(m.weight)
            nn.init.zeros_(m.bias)
    adam = lambda m: torch.optim.Adam(m.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-8)
    return g, d, adam(g), adam(d)


def read_idx_images(folder, class_name=None):
    """The training images of MNIST or Fashion-MNIST, as the course caches them (IDX, optionally gzipped)."""
    if class_name is not None:
        raise SystemExit("this recipe trains on every class, not on one (--class)")
    for name in ("train-images-idx3-ubyte", "train-images-idx3-ubyte.gz"):
        f = pathlib.Path(folder) / name
        if f.is_file():
            raw = (gzip.open if name.endswith(".gz") else open)(f, "rb").read()
            n, h, w = struct.unpack(">III", raw[4:16])
            x = torch.frombuffer(bytearray(raw[16:16 + n * h * w]), dtype=torch.uint8)
            return x.reshape(n, h * w).float() / 127.5 - 1
    raise SystemExit(f"no train-images-idx3-ubyte in {folder}")


def write_idx(images, file):
    pixels = ((images + 1) * 127.5).clamp(0, 255).round().to(torch.uint8)
    n = pixels.shape[0]
    pathlib.Path(file).write_bytes(struct.pack(">IIII", 0x803, n, 28, 28) + pixels.numpy().tobytes())


class Recipe:
    """A lesson's recipe for ./course quality: build() returns (g, d, opt_g, opt_d) with D ending in a sigmoid;
    load(folder, class_name) returns the training images in [-1, 1] as D takes them, from the dataset's folder in
    the course's data cache; write(images, file) writes G's samples in the format ./course train writes."""

    def __init__(self, build, batch, latent, load, write):
        self.build, self.batch, self.latent, self.load, self.write = build, batch, latent, load, write


# ./course quality's references, by ./course train's model names.
RECIPES = {
    "mnist-gan": Recipe(mlp_recipe, 64, 100, read_idx_images, write_idx),
    "fashion-gan": Recipe(mlp_recipe, 64, 100, read_idx_images, write_idx),
}


def train(argv):
    if argv == ["--list"]:  # for ./course quality, which checks this before any work
        print(" ".join(sorted(RECIPES)))
        return
    ap = argparse.ArgumentParser(prog="reference.py train")
    ap.add_argument("model", choices=sorted(RECIPES))
    ap.add_argument("--data", required=True, help="the dataset's folder in the course's data cache")
    ap.add_argument("--seconds", type=float, required=True, help="wall time to train for")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--samples", type=int, default=2000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--class", dest="class_name", help="train on this class only")
    ap.add_argument("--threads", type=int, default=1, help="1: the dense models are fastest on one thread")
    a = ap.parse_args(argv)
    r = RECIPES[a.model]
    batch = r.batch
    torch.manual_seed(a.seed)
    torch.set_num_threads(a.threads)
    x = r.load(a.data, a.class_name)
    g, d, opt_g, opt_d = r.build()
    bce = nn.BCELoss()
    ones, zeros = torch.ones(batch, 1), torch.zeros(batch, 1)
    order, at, t = torch.randperm(len(x)), 0, 0
    start, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - start < a.seconds:
        if at + batch > len(x):  # a new epoch, shuffled anew; the last partial batch is dropped, as in Batches
            order, at = torch.randperm(len(x)), 0
        real = x[order[at:at + batch]]
        at += batch
        fake = g(torch.randn(batch, r.latent))
        opt_d.zero_grad()  # D: real -> 1, fake -> 0, one step on the sum of both losses
        (bce(d(real), ones) + bce(d(fake.detach()), zeros)).backward()
        opt_d.step()
        opt_g.zero_grad()  # G: non-saturating, through the updated D
        bce(d(fake), ones).backward()
        opt_g.step()
        t += 1
    seconds = time.perf_counter() - start
    g.eval()
    with torch.no_grad():
        r.write(g(torch.randn(a.samples, r.latent)), a.out)
    print(f"trained {t} iterations in {seconds:.1f} s (CPU {time.process_time() - cpu:.1f} s)", flush=True)


MODELS = {"mlp-gan": mlp_gan, "dense-autoencoder": dense_autoencoder, "dcgan": dcgan, "dcgan-keras": dcgan_keras}


def reply(*values):
    print("@" + " ".join(str(v) for v in values), flush=True)


def peak_gflops():
    # The median of a few products, as on the Java side (a container may burst above its share for a moment).
    torch.set_num_threads(_cores)
    n = 2048
    a, b = torch.rand(n, n), torch.rand(n, n)
    torch.mm(a, b)
    rates = []
    for _ in range(5):
        t0 = time.perf_counter()
        torch.mm(a, b)
        rates.append(2.0 * n ** 3 / (time.perf_counter() - t0) / 1e9)
    return sorted(rates)[len(rates) // 2]


_cores = len(os.sched_getaffinity(0))


def main():
    loaded = {}
    for line in sys.stdin:
        w = line.split()
        if not w:
            continue
        try:
            if w[0] == "load":
                loaded[w[1]] = MODELS[w[1]]()
                reply("ready", w[1])
            elif w[0] == "run":  # run MODEL STEPS THREADS
                step = loaded.setdefault(w[1], MODELS[w[1]]())
                torch.set_num_threads(int(w[3]))
                t0 = time.perf_counter()
                for _ in range(int(w[2])):
                    step()
                reply("time", w[1], w[2], time.perf_counter() - t0)
            elif w[0] == "peak":
                reply("peak", peak_gflops())
            elif w[0] == "info":
                reply("info", "torch=" + torch.__version__, "blas=" + blas(), "cores=" + str(_cores))
            elif w[0] == "quit":
                return
            else:
                reply("error", "unknown command: " + line.strip())
        except Exception as e:  # the driver shows it and goes on
            reply("error", repr(e).replace("\n", " "))


def blas():
    # Debian's torch calls whichever libblas.so.3 the system's alternatives point at: see which one is loaded.
    torch.mm(torch.rand(8, 8), torch.rand(8, 8))
    with open("/proc/self/maps") as maps:
        libs = {line.split()[-1] for line in maps if "blas" in line.lower()}
    if any("openblas" in lib for lib in libs):
        return "OpenBLAS"
    return "reference BLAS (slow: install libopenblas0-pthread)" if libs else "none loaded"


if __name__ == "__main__":
    if sys.argv[1:2] == ["train"]:
        train(sys.argv[2:])
    else:
        main()
