"""./course bench: times the course's lesson models in the Java library and in an identical PyTorch reference
(bench/reference.py), alternating rounds in the same run, and prints one table.

Both sides are long-lived worker processes that answer one command a line (see gancourse.bench.BenchWorker),
so neither pays for start-up or warm-up inside a timed round, and a slow moment of the machine hits both."""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = ["mlp-gan", "dense-autoencoder", "dcgan", "dcgan-keras"]


class Worker:
    def __init__(self, name, command, env=None):
        self.name = name
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
                                     env={**os.environ, **(env or {})})

    def ask(self, line):
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        while True:
            out = self.proc.stdout.readline()
            if not out:
                sys.exit(f"bench: the {self.name} worker stopped while answering '{line}' (its error is above)")
            if out.startswith("@error"):
                sys.exit(f"bench: the {self.name} worker could not do '{line}': {out[7:].strip()}")
            if out.startswith("@"):
                return out[1:].split()

    def seconds(self, model, steps, *extra):
        return float(self.ask(" ".join(["run", model, str(steps), *map(str, extra)]))[3])

    def close(self):
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=30)
        except Exception:
            self.proc.kill()


def max_difference(a, b):
    return max(abs(float(x) - float(y)) for x, y in zip(a, b))


def steps_for(seconds_per_step, round_seconds):
    return max(1, round(round_seconds / seconds_per_step))


def bench_model(model, java, stock, torch_, cores, args):
    _, _, flops, threads = java.ask(f"load {model}")
    flops, threads = int(flops), int(threads)
    torch_.ask(f"load {model}")
    # Warm-up (the first steps allocate and compile), then a first estimate of each side's step time; slow
    # models (seconds a step) get one step of each.
    java.seconds(model, 1)
    java_step = java.seconds(model, 1)
    warm = args.warmup if java_step < 1 else 1
    java_step = min(java_step, java.seconds(model, warm) / warm)
    # PyTorch runs with whichever is faster for this model: one thread, or all.
    torch_runs = []
    for n in sorted({1, cores}):
        torch_.seconds(model, 1, n)
        torch_runs.append((torch_.seconds(model, warm, n) / warm, n))
    torch_step, torch_threads = min(torch_runs)
    use_stock = stock is not None and model in args.stock.split(",")
    if use_stock:
        stock.ask(f"load {model}")
        stock.seconds(model, 1)
        stock_step = stock.seconds(model, 1)
    java_n, torch_n = steps_for(java_step, args.round_seconds), steps_for(torch_step, args.round_seconds)
    stock_n = steps_for(stock_step, args.round_seconds) if use_stock else 0
    java_t, torch_t, stock_t, ratios = [], [], [], []
    for r in range(args.rounds):
        # Alternate which side goes first, so that neither always runs on a machine the other has just warmed.
        order = [("java", java_n), ("torch", torch_n)] if r % 2 == 0 else [("torch", torch_n), ("java", java_n)]
        got = {}
        for side, n in order:
            got[side] = (java.seconds(model, n) if side == "java" else torch_.seconds(model, n, torch_threads)) / n
        java_t.append(got["java"])
        torch_t.append(got["torch"])
        ratios.append(got["torch"] / got["java"])
        if use_stock:
            stock_t.append(stock.seconds(model, stock_n) / stock_n)
    result = {"model": model, "flops": flops, "threads": threads, "torch_threads": torch_threads,
              "java": statistics.median(java_t), "torch": statistics.median(torch_t), "ratio": statistics.median(ratios),
              "stock": statistics.median(stock_t) if stock_t else None, "rounds": args.rounds}
    if use_stock:
        # oneDNN must change the speed, not the result: a fresh model, a few steps, on each set-up.
        # Before any step (the forward pass alone), and after a few (where Adam's division by small second
        # moments magnifies rounding differences).
        result["probe"] = {n: max_difference(java.ask(f"probe {model} {n}")[2:], stock.ask(f"probe {model} {n}")[2:])
                           for n in (0, args.probe_steps)}
    return result


def measure_peak(java, torch_):
    return max(float(java.ask("peak")[1]), float(torch_.ask("peak")[1]))


def rate(seconds_per_step):
    return f"{1 / seconds_per_step:7.1f} it/s" if seconds_per_step < 0.1 else f"{1000 * seconds_per_step:7.0f} ms/step"


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--models", default=",".join(MODELS), help="comma-separated, from " + ",".join(MODELS))
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--round-seconds", type=float, default=3.0, help="target length of one side's timed round")
    p.add_argument("--warmup", type=int, default=3, help="steps before timing")
    p.add_argument("--probe-steps", type=int, default=2)
    p.add_argument("--stock", default="dcgan", help="models also timed on DL4J as it comes (no oneDNN, plain "
                   "native build); dcgan-keras takes about 90 s a step there")
    p.add_argument("--no-stock", action="store_true", help="skip DL4J as it comes")
    p.add_argument("--java", required=True, help="the command that starts the Java worker (shell words)")
    p.add_argument("--java-stock", help="the same without the oneDNN switch")
    args = p.parse_args()
    models = args.models.split(",")
    unknown = [m for m in models if m not in MODELS]
    if unknown:
        sys.exit(f"bench: unknown model(s) {unknown}: choose from {MODELS}")

    worker = "gancourse.bench.BenchWorker"
    java = Worker("Java", shlex.split(args.java) + [worker])
    stock = None if args.no_stock or not args.java_stock else Worker("Java (stock)", shlex.split(args.java_stock) + [worker])
    torch_ = Worker("PyTorch", [sys.executable, os.path.join(HERE, "reference.py")])
    try:
        info_j, info_t = java.ask("info")[1:], torch_.ask("info")[1:]
        cores = int(info_t[-1].split("=")[1])
        peak = measure_peak(java, torch_)
        print(f"machine: {cores} cores, peak {peak:.1f} GFLOP/s (2048x2048 float products, the better of ND4J and PyTorch)")
        print(f"Java: {' '.join(info_j)}   PyTorch: {' '.join(info_t)}")
        print(f"{args.rounds} rounds of about {args.round_seconds:g} s a side, alternating, after {args.warmup} warm-up steps\n")
        results = []
        for m in models:
            t0 = time.time()
            results.append(bench_model(m, java, stock, torch_, cores, args))
            print(f"  {m}: done in {time.time() - t0:.0f} s", file=sys.stderr)
        # Measured again at the end: a busy moment at the start must not make the shares look better.
        later = measure_peak(java, torch_)
        if later > peak:
            print(f"(peak measured again at the end: {later:.1f} GFLOP/s; the shares use it)")
            peak = later
    finally:
        for w in (java, stock, torch_):
            if w:
                w.close()
    print_table(results, peak)


def print_table(results, peak):
    head = f"{'model':<18} {'GFLOP/step':>10} {'DL4J (course)':>16} {'threads':>7} {'PyTorch':>16} {'threads':>7} " \
           f"{'ratio':>6} {'DL4J %peak':>10} {'torch %peak':>11} {'DL4J no oneDNN':>16}"
    print(head)
    print("-" * len(head))
    for r in results:
        share = lambda s: f"{100 * r['flops'] / s / 1e9 / peak:9.1f}%"
        stock = rate(r["stock"]) if r["stock"] else "-"
        print(f"{r['model']:<18} {r['flops'] / 1e9:10.3f} {rate(r['java']):>16} {r['threads']:>7} {rate(r['torch']):>16} "
              f"{r['torch_threads']:>7} {r['ratio']:6.2f} {share(r['java']):>10} {share(r['torch']):>11} {stock:>16}")
    print()
    for r in results:
        if r["stock"]:
            (n0, d0), (n1, d1) = r["probe"].items()
            print(f"{r['model']}: oneDNN makes a step {r['stock'] / r['java']:.1f} times faster than DL4J as it comes; "
                  f"G's outputs (in [-1, 1]) differ by at most {d0:.1e} before training, {d1:.1e} after {n1} steps")
    worst = min(results, key=lambda r: r["ratio"])
    print(f"ratio = PyTorch time / DL4J time (median of the rounds; above 1 means the course is faster)")
    print(f"worst ratio: {worst['ratio']:.2f} ({worst['model']})")


if __name__ == "__main__":
    main()
