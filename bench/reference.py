"""The PyTorch side of ./course bench and ./course quality: the course's lesson models, built and trained exactly
as the Java library does it (same layers, losses, optimisers). Run with Debian's python3-torch (CPU, on OpenBLAS).

    reference.py                 the bench worker: batch 64 on random images in [-1, 1), answering the same line
                                 protocol as gancourse.bench.BenchWorker
    reference.py train MODEL --data DIR --seconds T --seed S --samples N --out FILE
                                 ./course quality's reference: a lesson's recipe trained on the real data for T
                                 seconds of wall time, then N samples written as an IDX file (uint8 pixels)"""
import argparse
import copy
import ctypes
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


def dcgan_networks(width):
    """Lesson 04's DCGAN (gancourse.models.Dcgan): z 100 -> 4x4x4w -> 8x8x2w -> 16x16xw -> 32x32x3; D mirrored,
    LeakyReLU, stride-2 convolutions, no batch norm on D's input layer, weights from N(0, 0.02)."""
    up = lambda i, o: nn.ConvTranspose2d(i, o, 4, 2, 1, bias=False)
    down = lambda i, o, bias: nn.Conv2d(i, o, 4, 2, 1, bias=bias)
    w = width
    g = nn.Sequential(nn.Linear(100, 64 * w, bias=False), nn.BatchNorm1d(64 * w), nn.ReLU(), nn.Unflatten(1, (4 * w, 4, 4)),
                      up(4 * w, 2 * w), nn.BatchNorm2d(2 * w), nn.ReLU(), up(2 * w, w), nn.BatchNorm2d(w), nn.ReLU(),
                      nn.ConvTranspose2d(w, 3, 4, 2, 1), nn.Tanh())
    d = nn.Sequential(down(3, w, True), lrelu(), down(w, 2 * w, False), nn.BatchNorm2d(2 * w), lrelu(),
                      down(2 * w, 4 * w, False), nn.BatchNorm2d(4 * w), lrelu(), nn.Flatten(), nn.Linear(64 * w, 1),
                      nn.Sigmoid())
    return normal_init(g), normal_init(d)


def normal_init(net):
    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
            nn.init.normal_(m.weight, 0, 0.02)
    return net


def adam(net, lr):
    return torch.optim.Adam(net.parameters(), lr=lr, betas=(0.5, 0.999), eps=1e-8)


def dcgan():
    # lesson 04, the paper's width 64: 4x4x256 -> 8x8x128 -> 16x16x64, Adam 2e-4 for both.
    g, d = dcgan_networks(64)
    return GanStep(g, d, adam(g, 2e-4), adam(d, 2e-4), 100, torch.rand(IMAGES, 3, 32, 32) * 2 - 1)


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


def dcgan_mnist_networks(width):
    """Lesson 05's digit DCGAN (gancourse.models.DcganMnist): z 100 -> 1024 -> 7x7x2w -> 14x14xw -> 28x28x1; D
    mirrored, with a hidden dense layer of 1024 too (InfoGAN's MNIST networks). G's images and D's input are rows
    of 784 pixels, as the digit loaders and writers take them."""
    w = width
    g = nn.Sequential(nn.Linear(100, 1024, bias=False), nn.BatchNorm1d(1024), nn.ReLU(),
                      nn.Linear(1024, 49 * 2 * w, bias=False), nn.BatchNorm1d(49 * 2 * w), nn.ReLU(),
                      nn.Unflatten(1, (2 * w, 7, 7)), nn.ConvTranspose2d(2 * w, w, 4, 2, 1, bias=False),
                      nn.BatchNorm2d(w), nn.ReLU(), nn.ConvTranspose2d(w, 1, 4, 2, 1), nn.Tanh(), nn.Flatten())
    d = nn.Sequential(nn.Unflatten(1, (1, 28, 28)), nn.Conv2d(1, w, 4, 2, 1), lrelu(),
                      nn.Conv2d(w, 2 * w, 4, 2, 1, bias=False), nn.BatchNorm2d(2 * w), lrelu(), nn.Flatten(),
                      nn.Linear(49 * 2 * w, 1024, bias=False), nn.BatchNorm1d(1024), lrelu(),
                      nn.Linear(1024, 1), nn.Sigmoid())
    return normal_init(g), normal_init(d)


def dcgan_cifar10_recipe():
    """Lesson 04's CPU recipe (gancourse.models.Dcgan's constants): width 32, batch 64, Adam 2e-4 for both,
    labels 1 and 0."""
    g, d = dcgan_networks(32)
    return g, d, adam(g, 2e-4), adam(d, 2e-4)


def dcgan_mnist_recipe():
    """Lesson 05's recipe (gancourse.models.DcganMnist's constants): width 32, batch 64, Adam 1e-3 for both,
    labels 1 and 0; the samples come from the 0.998 average of G (RECIPES)."""
    g, d = dcgan_mnist_networks(32)
    return g, d, adam(g, 1e-3), adam(d, 1e-3)


def read_cifar_images(folder, class_name=None):
    """CIFAR-10's 50,000 training photos as the course caches them (cifar-10-batches-bin), or one class of them:
    [n, 3, 32, 32] in [-1, 1]."""
    classes = "airplane automobile bird cat deer dog frog horse ship truck".split()
    if class_name is not None and class_name not in classes:
        raise SystemExit(f"no class '{class_name}' in CIFAR-10: {' '.join(classes)}")
    records = []
    for k in range(1, 6):
        f = pathlib.Path(folder) / "cifar-10-batches-bin" / f"data_batch_{k}.bin"
        if not f.is_file():
            raise SystemExit(f"no {f}: run ./course train dcgan-cifar10 once to cache CIFAR-10")
        records.append(torch.frombuffer(bytearray(f.read_bytes()), dtype=torch.uint8).reshape(-1, 3073))
    r = torch.cat(records)
    if class_name is not None:
        r = r[r[:, 0] == classes.index(class_name)]
    return r[:, 1:].reshape(-1, 3, 32, 32).float() / 127.5 - 1


def write_cifar(images, file):
    """CIFAR-10 binary records (label 0), as gancourse.data.SampleFiles writes them for ./course eval."""
    pixels = ((images + 1) * 127.5).clamp(0, 255).round().to(torch.uint8).reshape(len(images), -1)
    pathlib.Path(file).write_bytes(torch.cat([torch.zeros(len(images), 1, dtype=torch.uint8), pixels], 1).numpy().tobytes())




class GanStep:
    """One iteration as in the PyTorch DCGAN tutorial, and as gancourse.training.GanTrainer does it. The bench
    calls it on its fixed random images (step()); ./course quality's reference on batches of real data
    (step.train(real)). real_label is D's target for real images (0.9: one-sided label smoothing)."""

    def __init__(self, g, d, opt_g, opt_d, latent, data=None, clip=None, real_label=1.0):
        self.g, self.d, self.opt_g, self.opt_d, self.latent, self.data, self.clip = g, d, opt_g, opt_d, latent, data, clip
        self.real_label = real_label
        self.loss = nn.BCELoss()
        self.t = 0

    def __call__(self):
        start = (self.t * BATCH) % (IMAGES - BATCH + 1)
        self.t += 1
        return self.train(self.data[start:start + BATCH])

    def train(self, real):
        n = len(real)
        fake = self.g(torch.randn(n, self.latent))
        # D step: real -> real_label, fake -> 0, one step on the sum of both losses.
        self.opt_d.zero_grad()
        out_real, out_fake = self.d(real), self.d(fake.detach())
        loss_d = self.loss(out_real, torch.full((n, 1), self.real_label)) + self.loss(out_fake, torch.zeros(n, 1))
        loss_d.backward()
        self.clipped(self.d)
        self.opt_d.step()
        # G step, through the updated D, non-saturating loss.
        self.opt_g.zero_grad()
        loss_g = self.loss(self.d(fake), torch.ones(n, 1))
        loss_g.backward()
        self.clipped(self.g)
        self.opt_g.step()
        # What the Java trainer records each iteration: the losses and D's mean verdicts.
        return loss_d.item(), loss_g.item(), out_real.mean().item(), out_fake.mean().item()

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
    adam = lambda m: torch.optim.Adam(m.parameters(), lr=1e-3, betas=(0.5, 0.999), eps=1e-8)
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

    def __init__(self, build, batch, latent, load, write, real_label=1.0, threads=1, average=0.0):
        self.build, self.batch, self.latent, self.load, self.write = build, batch, latent, load, write
        # D's target for real images (0.9: one-sided label smoothing); threads: 1 for dense nets, every core for
        # convolutions, as the Java side runs them; average: the decay of the average of G's weights that draws
        # the samples (gancourse.training.WeightAverage), 0 for G itself.
        self.real_label, self.threads, self.average = real_label, threads, average


class WeightAverage:
    """gancourse.training.WeightAverage: an exponential moving average of G's weights, divided by 1 - decay^t, whose
    batch-norm statistics are measured anew on one batch of 1,024 latent vectors before it draws."""

    def __init__(self, g, decay):
        self.g, self.decay, self.t = g, decay, 0
        self.sums = [torch.zeros_like(p) for p in g.parameters()]

    @torch.no_grad()
    def update(self):
        self.t += 1
        for s, p in zip(self.sums, self.g.parameters()):
            s.mul_(self.decay).add_(p, alpha=1 - self.decay)

    @torch.no_grad()
    def network(self, latent):
        avg = copy.deepcopy(self.g)
        for a, s in zip(avg.parameters(), self.sums):
            a.copy_(s / (1 - self.decay ** self.t))
        for m in avg.modules():
            if isinstance(m, nn.modules.batchnorm._BatchNorm):
                m.reset_running_stats()
                m.momentum = None  # a cumulative mean: after one batch, that batch's statistics
        avg.train()
        avg(torch.randn(1024, latent))
        return avg.eval()


# ./course quality's references, by ./course train's model names.
RECIPES = {
    "mnist-gan": Recipe(mlp_recipe, 64, 100, read_idx_images, write_idx, average=0.998),
    "fashion-gan": Recipe(mlp_recipe, 64, 100, read_idx_images, write_idx, average=0.998),
    "dcgan-cifar10": Recipe(dcgan_cifar10_recipe, 64, 100, read_cifar_images, write_cifar,
                            threads=len(os.sched_getaffinity(0))),
    "dcgan-mnist": Recipe(dcgan_mnist_recipe, 64, 100, read_idx_images, write_idx,
                          threads=len(os.sched_getaffinity(0)), average=0.998),
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
    ap.add_argument("--threads", type=int, help="default: the recipe's (1 for dense models, every core for convolutions)")
    a = ap.parse_args(argv)
    r = RECIPES[a.model]
    batch = r.batch
    torch.manual_seed(a.seed)
    set_threads(a.threads or r.threads)
    x = r.load(a.data, a.class_name)
    step = GanStep(*r.build(), r.latent, real_label=r.real_label)
    average = WeightAverage(step.g, r.average) if r.average else None
    order, at, t = torch.randperm(len(x)), 0, 0
    start, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - start < a.seconds:
        if at + batch > len(x):  # a new epoch, shuffled anew; the last partial batch is dropped, as in Batches
            order, at = torch.randperm(len(x)), 0
        step.train(x[order[at:at + batch]])
        if average:
            average.update()
        at += batch
        t += 1
    seconds = time.perf_counter() - start
    g = average.network(r.latent) if average else step.g.eval()
    with torch.no_grad():
        r.write(g(torch.randn(a.samples, r.latent)), a.out)
    print(f"trained {t} iterations in {seconds:.1f} s (CPU {time.process_time() - cpu:.1f} s)", flush=True)


MODELS = {"mlp-gan": mlp_gan, "dense-autoencoder": dense_autoencoder, "dcgan": dcgan, "dcgan-keras": dcgan_keras}


def reply(*values):
    print("@" + " ".join(str(v) for v in values), flush=True)


def set_threads(n):
    """torch's thread count, and OpenBLAS's: Debian's torch multiplies through OpenBLAS, which keeps a thread count
    of its own (openblas_get_num_threads() still said 2 after torch.set_num_threads(1), measured)."""
    torch.set_num_threads(n)
    torch.mm(torch.rand(8, 8), torch.rand(8, 8))  # loads the BLAS library, if it is not loaded yet
    for lib in blas_libraries():
        if "openblas" in lib:
            ctypes.CDLL(lib).openblas_set_num_threads(n)


def peak_gflops():
    # The median of a few products, as on the Java side (a container may burst above its share for a moment).
    set_threads(_cores)
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
                set_threads(int(w[3]))
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


def blas_libraries():
    # Debian's torch calls whichever libblas.so.3 the system's alternatives point at: the ones loaded.
    with open("/proc/self/maps") as maps:
        return {line.split()[-1] for line in maps if "blas" in line.lower()}


def blas():
    torch.mm(torch.rand(8, 8), torch.rand(8, 8))
    libs = blas_libraries()
    if any("openblas" in lib for lib in libs):
        return "OpenBLAS"
    return "reference BLAS (slow: install libopenblas0-pthread)" if libs else "none loaded"


if __name__ == "__main__":
    if sys.argv[1:2] == ["train"]:
        train(sys.argv[2:])
    else:
        main()
