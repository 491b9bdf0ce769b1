"""Execute the course's notebooks through the real Java kernel, headlessly.

    python3 tools/execute.py --out DIR [--html] [--test] [--solutions] NOTEBOOK...

Each notebook runs in a fresh kernel and is written, executed, to DIR (never over the source), with an
HTML copy when --html is given. With --test it is a test: a notebook fails on an error in any cell (a
lesson's checks throw when they do not hold), on an error log or a stack trace that a library printed
and carried on after, on a cell that runs past the time-out, on a cell tagged
`expect-image` that shows no image, on a kernel process that is still alive after shutdown, on a code
line longer than the page (100 characters), and on a source notebook saved with outputs (notebooks are
committed clean; finished outputs live in the book, ./course book). The last line reads
`notebooks: N passed, M failed`.

Exercise solutions (code cells tagged `solution`) run in smoke mode, so that every one is tested; at full
size they are left for the student, and the run time is the lesson's own, unless --solutions is given.
"""

import argparse
import os
import pathlib
import re
import signal
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import settings  # noqa: E402 (GAN_COURSE_SMOKE, read by the course's one rule)

IMAGE_TYPES = ("image/png", "image/gif", "image/jpeg", "image/svg+xml")
PAGE_WIDTH = 100   # characters of code a line: what the classic Notebook shows without a scrollbar

# The course's kernel lives in the project's own Jupyter folder (./course setup puts it there).
PROJECT_JUPYTER = pathlib.Path(__file__).resolve().parent.parent / "build" / "jupyter"
os.environ.setdefault("JUPYTER_PATH", str(PROJECT_JUPYTER))


def image_count(cell):
    """Pictures a student sees: image outputs, and HTML outputs holding an inline image (an animated GIF)."""
    count = 0
    for o in cell.get("outputs", []):
        data = o.get("data", {})
        count += sum(1 for t in IMAGE_TYPES if t in data)
        count += "<img" in data.get("text/html", "") and "data:image/" in data.get("text/html", "")
    return count


# A library's log line at ERROR or WARN level (ND4J's and DL4J's loggers print "ERROR org.nd4j...") and a
# frame of a Java stack trace, printed by a library that caught an exception and carried on.
ALARMING_LINE = re.compile(r"^(?:(?:ERROR|WARN) [a-z][\w.]*\.[A-Z]\w* - |\tat [\w.$]+\()", re.M)


def check_outputs(nb):
    """What a student would see as broken: error outputs, error logs or stack traces printed by a library
    that carried on, and pictures that did not appear."""
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        printed = ""
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                problems.append(f"cell {i}: {o.get('ename')}: {o.get('evalue')}")
            elif o.get("output_type") == "stream":
                printed += o.get("text", "")
        alarming = ALARMING_LINE.search(printed)
        if alarming:
            line = printed[alarming.start():].splitlines()[0].strip()
            problems.append(f"cell {i} prints an error log or a stack trace: {line[:160]}")
        if "expect-image" in cell.get("metadata", {}).get("tags", []) and image_count(cell) == 0:
            problems.append(f"cell {i}: tagged expect-image but shows no image")
    return problems


def too_wide(nb):
    """Code lines wider than the page, as (cell index, line number, length)."""
    return [(i, n + 1, len(line)) for i, c in enumerate(nb.cells) if c.cell_type == "code"
            for n, line in enumerate(c.source.split("\n")) if len(line) > PAGE_WIDTH]


def is_solution(cell):
    return cell.cell_type == "code" and "solution" in cell.get("metadata", {}).get("tags", [])


class LessonClient(NotebookClient):
    """Runs a lesson's cells in order; exercise solutions only when asked to."""

    def __init__(self, nb, run_solutions=True, **kw):
        super().__init__(nb, **kw)
        self.run_solutions = run_solutions

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        if is_solution(cell) and not self.run_solutions:
            return cell
        return await super().async_execute_cell(cell, cell_index, execution_count, store_history)


def saved_outputs(nb):
    """Code cells that carry outputs or an execution count in the file itself."""
    return [i for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)]


def process_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie is dead, only not yet reaped.
    try:
        return pathlib.Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def peak_resident_mb(pid):
    """The kernel process's peak resident size so far (VmHWM: heap, native memory, the JVM), in MB."""
    try:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except (OSError, ValueError):
        pass
    return None


def execute(path, out_dir, timeout, html, kernel, solutions=True):
    nb = nbformat.read(path, as_version=4)
    name = kernel or nb.metadata.get("kernelspec", {}).get("name")
    client = LessonClient(nb, run_solutions=solutions, timeout=timeout, startup_timeout=180, kernel_name=name,
                          resources={"metadata": {"path": str(path.parent)}})
    pid = peak = None
    error = None
    started = time.time()
    try:
        with client.setup_kernel():
            pid = getattr(getattr(client.km, "provisioner", None), "process", None)
            pid = pid.pid if pid is not None else None
            try:
                client.execute(cleanup_kc=False)  # the kernel just started; the outer block shuts it down
            finally:
                peak = peak_resident_mb(pid) if pid is not None else None
    except CellTimeoutError as e:
        error = f"a cell ran longer than {timeout} s: {str(e).splitlines()[0]}"
    except CellExecutionError as e:
        error = "a cell failed:\n" + str(e)[-3000:]
    except DeadKernelError as e:
        error = f"the kernel died: {e}"
    except (RuntimeError, TimeoutError) as e:
        error = f"the kernel did not start or answer: {e}"
    seconds = time.time() - started

    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / path.name
    nbformat.write(nb, out)
    if html:
        from nbconvert import HTMLExporter
        body, _ = HTMLExporter().from_notebook_node(nb)
        out.with_suffix(".html").write_text(body, encoding="utf-8")

    problems = [error] if error else []
    problems += [p for p in check_outputs(nb) if not error or "expect-image" not in p]
    if pid is not None:
        # The kernel must be gone: a student's machine should not collect stray JVMs.
        for _ in range(50):
            if not process_alive(pid):
                break
            time.sleep(0.2)
        else:
            os.kill(pid, signal.SIGKILL)
            problems.append(f"the kernel process {pid} was still running after shutdown (killed it)")
    return problems, seconds, out, peak


def resident(peak):
    return "" if peak is None else f", kernel peak resident {peak} MB"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+", type=pathlib.Path)
    ap.add_argument("--out", type=pathlib.Path, required=True, help="folder for the executed notebooks")
    ap.add_argument("--html", action="store_true", help="also write an HTML copy of each")
    ap.add_argument("--test", action="store_true", help="check outputs; print a pass/fail summary")
    ap.add_argument("--timeout", type=int, default=None, help="seconds per cell (default 300 in smoke mode, 1800)")
    ap.add_argument("--kernel", default=None, help="kernelspec name (default: the notebook's own)")
    ap.add_argument("--solutions", action="store_true",
                    help="run the exercise solutions at full size too (smoke mode always runs them)")
    args = ap.parse_args()
    smoke = settings.smoke()
    timeout = args.timeout or (300 if smoke else 1800)

    passed = failed = 0
    for path in args.notebooks:
        path = path.resolve()
        print(f"--- {path.name} ({'smoke mode' if smoke else 'full size'})", flush=True)
        problems, seconds, out, peak = execute(path, args.out.resolve(), timeout, args.html, args.kernel,
                                               solutions=smoke or args.solutions)
        source = nbformat.read(path, as_version=4)
        dirty = saved_outputs(source)
        if args.test:
            problems += [f"cell {i}, line {n}: {length} characters of code, wider than the page "
                         f"({PAGE_WIDTH}): break the line" for i, n, length in too_wide(source)]
        if args.test and dirty:
            problems.append(f"the notebook is saved with outputs (cells {', '.join(map(str, dirty[:10]))}): clear "
                            "them before committing (Kernel > Restart & Clear Output, then save)")
        if problems:
            failed += 1
            print(f"FAIL {path.name} after {seconds:.0f} s{resident(peak)}; executed copy: {out}")
            for p in problems:
                print("   " + p.replace("\n", "\n   "))
        else:
            passed += 1
            print(f"ok   {path.name} in {seconds:.0f} s{resident(peak)} -> {out}" + (" (+ .html)" if args.html else ""))
        sys.stdout.flush()
    if args.test:
        print(f"notebooks: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
