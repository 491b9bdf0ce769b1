"""Open each lesson in a real browser, run all its cells through the page, and check what a student sees.

    python3 tools/browser_test.py --jupyter JUPYTER --out DIR NOTEBOOK...

It starts the classic Notebook server on 127.0.0.1 with a fresh token and GAN_COURSE_SMOKE=1, and headless
Chromium through ChromeDriver (Debian: apt-get install chromium chromium-driver). For each lesson it opens the
notebook page, checks that the course's own kernel (`gan-course`) started, presses "Run All" (Jupyter's
execute_all_cells), and waits until the kernel is idle with no cell left running. A lesson passes when every
code cell finished (it has an execution count) with no error output, and every cell tagged `expect-image`
shows a picture that the browser has loaded, and every exercise solution (a code cell tagged `solution`)
ran with its code hidden behind its "Show the solution" button. A full-page screenshot of each lesson goes to
DIR/NN-name.png. The notebooks run from a copy in DIR/notebooks/, so the server never writes outputs into the
sources. At the end it stops the browser, ChromeDriver, the server and the kernels it started, and fails if
any of their processes is left. The last line reads `browser: N passed, M failed`.

This checks what execute.py cannot: the notebook front end itself (the page loads, the kernel connects
through the server's websocket, outputs such as updateDisplay's live views and GIFs render in a browser).
"""

import argparse
import base64
import json
import os
import pathlib
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

KERNEL = "gan-course"
# A browser window that is not maximised, or a small laptop's: the code boxes must still hold 100 characters.
WINDOW_WIDTH = 1100
# As root, and in containers, Chromium's sandbox cannot start; the pages it opens here are our own, on
# 127.0.0.1. The other flags keep it from calling home: this machine's network is closed, and a
# headless test has no use for sync, updates or background requests.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--no-proxy-server", f"--window-size={WINDOW_WIDTH},900"]
# Proxies must not see requests to 127.0.0.1 (urllib would honour http_proxy).
LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Failure(Exception):
    """The lesson (or the whole run) failed, for the reason given."""


def find_program(names, what):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    raise Failure(f"{what} is not installed: Debian/Ubuntu: sudo apt-get install chromium chromium-driver")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children_of(pids):
    """Every live descendant of the given processes, from /proc."""
    parent = {}
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parent[int(stat.parent.name)] = int(fields[1])
    found, todo = set(), set(pids)
    while todo:
        todo = {p for p, pp in parent.items() if pp in todo and p not in found}
        found |= todo
    return found


def alive(pid):
    try:
        return pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def kernel_pids(server_pid):
    """The Java kernels the server started (their command line names the kernel's main class)."""
    pids = set()
    for pid in children_of([server_pid]):
        try:
            if b"gancourse.kernel.KernelMain" in pathlib.Path(f"/proc/{pid}/cmdline").read_bytes():
                pids.add(pid)
        except OSError:
            pass
    return pids


def wait_gone(pids, seconds):
    """Wait for the processes to end; kill (and return) those still alive after `seconds`."""
    deadline = time.time() + seconds
    while time.time() < deadline and any(alive(p) for p in pids):
        time.sleep(0.2)
    left = {p for p in pids if alive(p)}
    for p in left:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return left


def http(method, url, body=None, timeout=60):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with LOCAL.open(req, timeout=timeout) as r:
            raw = r.read()
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            message = json.loads(raw)["value"]["message"]
        except (ValueError, KeyError, TypeError):
            message = raw[:500].decode(errors="replace")
        raise Failure(f"{method} {url.split('?')[0]} answered {e.code}: {message.splitlines()[0]}") from None
    return json.loads(raw) if raw else None


class Browser:
    """Headless Chromium, driven through ChromeDriver's W3C WebDriver protocol (plain HTTP on 127.0.0.1)."""

    def __init__(self, profile, log):
        self.driver = subprocess.Popen(
            [find_program(["chromedriver"], "ChromeDriver"), "--port=0", "--allowed-ips=127.0.0.1"],
            stdout=subprocess.PIPE, stderr=log, text=True, start_new_session=True)
        self.session = None
        self.profile = profile

    def start(self):
        line = ""
        for line in self.driver.stdout:  # it picks a free port and says which
            m = re.search(r"started successfully on port (\d+)", line)
            if m:
                self.url = f"http://127.0.0.1:{m.group(1)}"
                break
        else:
            raise Failure(f"ChromeDriver did not start: {line.strip() or 'no output'}")
        options = {"binary": find_program(["chromium", "chromium-browser"], "Chromium"),
                   "args": CHROMIUM_FLAGS + [f"--user-data-dir={self.profile}"]}
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options,
                                                 "timeouts": {"script": 120000, "pageLoad": 120000}}}}
        self.session = http("POST", self.url + "/session", caps, timeout=120)["value"]["sessionId"]

    def _call(self, method, path, body=None, timeout=130):
        return http(method, f"{self.url}/session/{self.session}{path}", body, timeout)["value"]

    def open(self, url):
        try:
            self._call("POST", "/url", {"url": url})
        except OSError as e:  # a time-out of our own request: the browser is stuck
            raise Failure(f"the browser did not load {url.split('?')[0]}: {e}") from None

    def js(self, script, *args):
        return self._call("POST", "/execute/sync", {"script": script, "args": list(args)})

    def wait_for(self, script, seconds, what, poll=0.5):
        deadline = time.time() + seconds
        while True:
            value = self.js(script)
            if value:
                return value
            if time.time() > deadline:
                raise Failure(f"{what} (waited {seconds} s)")
            time.sleep(poll)

    def cdp(self, command, **params):
        return self._call("POST", "/goog/cdp/execute", {"cmd": command, "params": params})

    def screenshot(self, path, width, height):
        """The whole page at its full height, through the DevTools protocol (WebDriver's is the window only):
        the viewport is made as tall as the page first, so that the page lays itself out at that size."""
        self.cdp("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        try:
            time.sleep(1)  # the page's resize handlers (CodeMirror measures its editors again)
            shot = self.cdp("Page.captureScreenshot", format="png")
        finally:
            self.cdp("Emulation.clearDeviceMetricsOverride")
        path.write_bytes(base64.b64decode(shot["data"]))

    def pids(self):
        return {self.driver.pid} | children_of([self.driver.pid])

    def close(self):
        if self.session:
            try:
                http("DELETE", f"{self.url}/session/{self.session}", timeout=30)
            except (Failure, OSError):
                pass
        self.driver.terminate()
        try:
            self.driver.wait(10)
        except subprocess.TimeoutExpired:
            self.driver.kill()


class Server:
    """The classic Notebook server on 127.0.0.1, with a token, in smoke mode, serving one folder."""

    def __init__(self, jupyter, folder, log):
        self.token = secrets.token_hex(24)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        app = self.classic_app(jupyter)
        env = dict(os.environ, GAN_COURSE_SMOKE="1")
        args = [jupyter, app, "--no-browser", "--ip=127.0.0.1", f"--port={self.port}", "--port-retries=0",
                f"--notebook-dir={folder}", f"--NotebookApp.token={self.token}"]
        if os.geteuid() == 0:
            args.append("--allow-root")  # CI machines and containers run as root, deliberately
        self.process = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                        start_new_session=True)
        self.log = log

    def wait_ready(self):
        deadline = time.time() + 60
        while True:
            try:
                http("GET", self.api("status"), timeout=5)
                return
            except (Failure, OSError):
                if self.process.poll() is not None or time.time() > deadline:
                    raise Failure(f"the Notebook server did not start (its log: {self.log.name})") from None
                time.sleep(0.3)

    @staticmethod
    def classic_app(jupyter):
        """`notebook` before version 7 is the classic one; from 7 on, nbclassic serves the classic page."""
        version = subprocess.run([jupyter, "notebook", "--version"], capture_output=True, text=True).stdout.strip()
        if version and int(version.split(".")[0]) < 7:
            return "notebook"
        if subprocess.run([jupyter, "nbclassic", "--version"], capture_output=True).returncode == 0:
            return "nbclassic"
        raise Failure(f"the browser test drives the classic Notebook page, and 'jupyter notebook' is version "
                      f"{version or '(none)'}: install nbclassic (conda/pip: nbclassic), or Debian's "
                      f"jupyter-notebook package")

    def api(self, path):
        return f"{self.url}/api/{path}?token={self.token}"

    def stop(self):
        self.process.terminate()  # the server then shuts down its kernels
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# Tracks the kernel's status from the notebook's events: "done" needs an idle kernel, not only cells with a
# number, because a cell's outputs (a GIF, a final live-view update) can arrive after its reply.
TRACK_STATUS = """
window.__course = {status: 'idle', since: Date.now()};
for (const s of ['busy', 'idle', 'dead', 'restarting', 'disconnected']) {
  Jupyter.notebook.events.on('kernel_' + s + '.Kernel', () => { __course.status = s; __course.since = Date.now(); });
}
"""

DONE = """
const running = Jupyter.notebook.get_cells().some(c => c.cell_type === 'code' && c.input_prompt_number === '*');
const s = window.__course;
if (s.status === 'dead' || s.status === 'disconnected') return s.status;
return !running && s.status === 'idle' && Date.now() - s.since > 2000 ? 'idle' : null;
"""

# What the page shows for each code cell: its number, its error outputs, its loaded pictures.
CELLS = """
return Jupyter.notebook.get_cells().map((c, i) => c.cell_type !== 'code' ? null : {
  index: i,
  count: c.input_prompt_number,
  tags: (c.metadata.tags || []),
  errors: c.output_area.outputs.filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue),
  images: [...c.element[0].querySelectorAll('.output_area img')]
      .filter(img => img.complete && img.naturalWidth > 0).length,
  codeShown: c.element.find('.input').is(':visible'),
  // How far the widest code line reaches past the bordered code box, in pixels (0: the box holds it).
  overflow: (box => {
    if (!box || !box.offsetParent) return 0;  // a hidden solution
    const ends = [...box.querySelectorAll('.CodeMirror-line > span')].map(s => s.getBoundingClientRect().right);
    return Math.max(0, Math.round(Math.max(0, ...ends) - box.getBoundingClientRect().right));
  })(c.element[0].querySelector('.input_area')),
  revealButton: c.element.find('.gan-solution-toggle').length > 0,
}).filter(c => c !== null);
"""

# The pictures the lessons' text shows (figures/...) that the page could not load.
BROKEN_FIGURES = """
return [...document.querySelectorAll('.text_cell_render img')]
    .filter(img => !(img.complete && img.naturalWidth > 0)).map(img => img.getAttribute('src'));
"""

# Unfold the notebook's scrolling panel so that the page is as tall as the notebook, for the screenshot,
# and have each code editor draw all its lines (CodeMirror draws only those near the visible part).
UNFOLD = """
for (const c of Jupyter.notebook.get_cells()) {
  if (c.code_mirror) { c.code_mirror.setOption('viewportMargin', Infinity); c.code_mirror.refresh(); }
}
for (const el of [document.documentElement, document.body, document.getElementById('site')]) {
  el.style.height = 'auto'; el.style.overflow = 'visible';
}
return [document.documentElement.scrollWidth, Math.min(document.documentElement.scrollHeight, 40000)];
"""


def run_lesson(browser, server, name, shot, timeout):
    """Open one lesson, run all cells, check the page; return (seconds, summary). Raises Failure."""
    browser.open(f"{server.url}/notebooks/{name}?token={server.token}")
    state = browser.wait_for(
        """const nb = window.Jupyter && Jupyter.notebook;
           const dialog = document.querySelector('.modal.in .modal-title');
           if (dialog) return 'dialog: ' + dialog.textContent + ': ' + document.querySelector('.modal.in .modal-body').textContent;
           return nb && nb._fully_loaded && nb.kernel && nb.kernel.is_connected() ? 'ready ' + nb.kernel.name : null;""",
        180, "the notebook page did not load, or its kernel did not connect")
    if state.startswith("dialog"):
        raise Failure(f"the page shows a dialog instead of the notebook ({' '.join(state.split())[:300]})")
    if state != "ready " + KERNEL:
        raise Failure(f"the notebook runs kernel '{state[6:]}', not the course's '{KERNEL}': run ./course setup")
    browser.js("Jupyter.notebook.set_autosave_interval(0);" + TRACK_STATUS)
    started = time.time()
    browser.js("Jupyter.notebook.execute_all_cells();")
    try:
        status = browser.wait_for(DONE, timeout, "", poll=1)
    except Failure:  # still check and photograph the page: it shows where the lesson got stuck
        status = f"still busy after {timeout} s"
    seconds = time.time() - started

    broken = browser.js(BROKEN_FIGURES)
    width, height = browser.js(UNFOLD)
    time.sleep(0.5)  # one frame for the new layout
    cells = browser.js(CELLS)  # after UNFOLD: every code line drawn, so that its width is measured
    browser.screenshot(shot, width, height)

    problems = [] if status == "idle" else [f"the kernel is {status}"]
    problems += [f"a figure in the text did not load: {src}" for src in broken]
    for c in cells:
        if c["count"] == "*":
            problems.append(f"cell {c['index']}: still running")
        elif not isinstance(c["count"], int):
            problems.append(f"cell {c['index']}: did not run (its prompt shows nothing)")
        problems += [f"cell {c['index']}: {e}" for e in c["errors"]]
        if "expect-image" in c["tags"] and c["images"] == 0:
            problems.append(f"cell {c['index']}: tagged expect-image but the page shows no loaded image")
        if c["overflow"] > 1:
            problems.append(f"cell {c['index']}: a code line is {c['overflow']} pixels wider than the code box: the "
                            "reader scrolls sideways or misses its end (jupyter-config/custom/custom.css not "
                            "loaded, or a line over 100 characters?)")
        if "solution" in c["tags"] and (c["codeShown"] or not c["revealButton"]):
            problems.append(f"cell {c['index']}: an exercise solution whose code the page shows, or without its "
                            "Show the solution button (jupyter-config/custom/custom.js not loaded?)")
    expected = sum("expect-image" in c["tags"] for c in cells)
    images = sum(c["images"] for c in cells)
    errors = sum(len(c["errors"]) for c in cells)
    solutions = sum("solution" in c["tags"] for c in cells)
    summary = (f"{len(cells)} code cells, {sum(isinstance(c['count'], int) for c in cells)} finished, "
               f"{errors} errors, {images} images ({expected} cells expect one), {solutions} solutions hidden")
    if problems:
        raise Failure(summary + "\n" + "\n".join(problems))
    return seconds, summary


def shut_down_kernels(server):
    """Shut down every kernel through the server's API, as the Kernel > Shut Down menu does."""
    before = kernel_pids(server.process.pid)
    for session in http("GET", server.api("sessions")) or []:
        http("DELETE", server.api(f"sessions/{session['id']}"))
    return wait_gone(before, 15)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+", type=pathlib.Path)
    ap.add_argument("--out", type=pathlib.Path, required=True, help="folder for the screenshots and logs")
    ap.add_argument("--jupyter", default="jupyter", help="the jupyter command (default: jupyter on PATH)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds for one lesson's cells (default 600)")
    args = ap.parse_args()

    out = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    copies = out / "notebooks"
    copies.mkdir(parents=True)
    for nb in args.notebooks:
        shutil.copy(nb, copies / nb.name)
    for figures in sorted({nb.resolve().parent / "figures" for nb in args.notebooks}):
        if figures.is_dir():   # the figures the lessons' markdown shows, beside the copies as beside the lessons
            shutil.copytree(figures, copies / "figures", dirs_exist_ok=True)

    passed = failed = 0
    begun = time.time()
    server = browser = None
    started = []
    with open(out / "server.log", "w") as server_log, open(out / "chromedriver.log", "w") as driver_log, \
            tempfile.TemporaryDirectory(prefix="course-chromium-") as profile:
        try:
            server = Server(args.jupyter, copies, server_log)
            started.append(server.process.pid)
            server.wait_ready()
            browser = Browser(profile, driver_log)
            started.append(browser.driver.pid)
            browser.start()
            for nb in args.notebooks:
                shot = out / nb.with_suffix(".png").name
                print(f"--- {nb.name} (in Chromium, smoke mode)", flush=True)
                seconds, summary, problem = 0, "", None
                try:
                    seconds, summary = run_lesson(browser, server, nb.name, shot, args.timeout)
                except (Failure, OSError) as e:
                    problem = str(e)
                try:
                    left = shut_down_kernels(server)
                except (Failure, OSError) as e:
                    left, problem = set(), (problem + "\n" if problem else "") + f"could not shut the kernel down: {e}"
                if left:  # a student's machine should not collect stray JVMs
                    problem = (problem + "\n" if problem else "") + \
                        f"kernel process {sorted(left)} still ran 15 s after shutdown (killed it)"
                if problem:
                    failed += 1
                    print(f"FAIL {nb.name}: " + problem.replace("\n", "\n   ")
                          + (f"\n   screenshot: {shot}" if shot.exists() else ""), flush=True)
                else:
                    passed += 1
                    print(f"ok   {nb.name} in {seconds:.0f} s: {summary}; screenshot {shot}", flush=True)
        except (Failure, OSError) as e:
            print(f"FAIL the browser test could not run: {e}", flush=True)
            failed += 1
        finally:
            # Everything started here ends here: the browser and its driver, the server, its kernels.
            ours = set(started) | children_of(started)
            if browser:
                browser.close()
            if server:
                server.stop()
            left = wait_gone(ours, 15)
            if left:
                print(f"FAIL processes still running after the test: {sorted(left)} (killed)")
                failed += 1
    print(f"the browser test took {time.time() - begun:.0f} s in all "
          f"({len(args.notebooks)} lessons, with the server's, the browser's and the kernels' starts)")
    print(f"browser: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
