"""Build the course book: every lesson executed and rendered into a static HTML site, readable offline.

    python3 tools/book.py --out DIR NOTEBOOK...        execute each notebook (full size; smoke mode with
                                                       GAN_COURSE_SMOKE=1), then render the site
    python3 tools/book.py --out DIR --executed NOTEBOOK... render notebooks that were executed already
    add --test to check the site afterwards (every page there, nothing loaded from the internet)
    add --record DOCS at full size to record each lesson's run time (DOCS/run-times.json) and its picture
    for the README (DOCS/pictures/NN.png, from the cell tagged `readme-picture`)
    add --only 02,05 to execute (and record) only those lessons: the others keep their executed copies in DIR

DIR gets index.html (each lesson's title, what it teaches and how long it ran, from the notebooks themselves
and from this build), one page per lesson, the executed notebooks, and _static/ with the MathJax and
require.js the pages load: the site needs no network. Notebooks are committed without outputs; the book is
where the finished outputs live.
"""

import argparse
import datetime
import html
import os
import pathlib
import re
import shutil
import sys

import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters.markdown import markdown2html

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import execute  # noqa: E402 (the notebook runner beside this file)
import lesson_record  # noqa: E402
import settings  # noqa: E402

MATHJAX_CONFIG = "TeX-AMS_CHTML-full,Safe"  # what nbconvert's templates ask for
# The parts of MathJax 2 that this configuration loads (1.5 MB of its 50).
MATHJAX_PARTS = ["MathJax.js", f"config/{MATHJAX_CONFIG.split(',')[0]}.js", "config/Safe.js", "extensions",
                 "jax/input", "jax/element", "jax/output/CommonHTML", "fonts/HTML-CSS/TeX/woff"]


def find_local(url_trait, candidates):
    """A local copy of a script nbconvert would load: its own default when that is a file, or a known place."""
    default = getattr(HTMLExporter(), url_trait).split("?")[0]
    paths = [default[len("file://"):]] if default.startswith("file://") else []
    for p in paths + candidates:
        if pathlib.Path(p).is_file():
            return pathlib.Path(p)
    return None


LESSONS = pathlib.Path(__file__).resolve().parent.parent / "notebooks"


def copy_figures(site, notebooks):
    """The figures the lessons' markdown shows (notebooks/figures/), beside the pages that show them. Executed
    copies (./course test renders build/test/) have no figures beside them: the lessons' own folder has."""
    for folder in sorted({p.parent / "figures" for p in notebooks} | {LESSONS / "figures"}):
        if folder.is_dir():
            shutil.copytree(folder, site / "figures", dirs_exist_ok=True)


def copy_static(site):
    """MathJax and require.js into site/_static; returns the URLs the pages use (relative where local)."""
    static = site / "_static"
    shutil.rmtree(static, ignore_errors=True)
    static.mkdir(parents=True)
    urls = {}
    mathjax = find_local("mathjax_url", ["/usr/share/javascript/mathjax/MathJax.js",
                                         "/usr/share/nodejs/mathjax/MathJax.js"])
    if mathjax:
        for part in MATHJAX_PARTS:
            src, dst = mathjax.parent / part, static / "mathjax" / part
            if src.is_dir():
                shutil.copytree(src, dst)
            elif src.is_file():
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(src, dst)
        urls["mathjax_url"] = f"_static/mathjax/MathJax.js?config={MATHJAX_CONFIG}"
    else:
        print("book: no local MathJax found (Debian: apt-get install libjs-mathjax): formulas will load it "
              "from the internet")
    require = find_local("require_js_url", ["/usr/share/javascript/requirejs/require.min.js"])
    if require:
        shutil.copy(require, static / "require.min.js")
        urls["require_js_url"] = "_static/require.min.js"
    return urls


def lesson_info(nb, path):
    """Title and "what you will learn" from the notebook's first markdown cell."""
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    title = next((line[2:].strip() for line in first.splitlines() if line.startswith("# ")), path.stem)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", first) if p.strip() and not p.startswith("#")]
    teaches = next((p for p in paragraphs if p.startswith("**What you will learn:**")),
                   paragraphs[0] if paragraphs else "")
    teaches = teaches.replace("**What you will learn:**", "").strip()
    return title, teaches


def run_seconds(nb):
    """How long the notebook ran: as measured by this build, else from its cells' execution times."""
    seconds = nb.metadata.get("gan_course_book", {}).get("seconds")
    if seconds is not None:
        return seconds
    stamps = [t for c in nb.cells for k, t in c.get("metadata", {}).get("execution", {}).items()
              if k in ("iopub.status.busy", "shell.execute_reply", "iopub.status.idle")]
    if not stamps:
        return None
    parse = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
    return (max(map(parse, stamps)) - min(map(parse, stamps))).total_seconds()


def duration(seconds):
    if seconds is None:
        return "not run"
    seconds = round(seconds)
    return f"{seconds} s" if seconds < 60 else f"{seconds // 60} min {seconds % 60:02d} s"


NAV_STYLE = ("font: 14px/1.4 system-ui, sans-serif; padding: 8px 16px; background: #f3f3f3; "
             "border-bottom: 1px solid #ddd; display: flex; gap: 24px;")


def render_page(nb, out, title, urls, prev_page, next_page):
    exporter = HTMLExporter(**urls)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    links = ['<a href="index.html">Contents</a>']
    if prev_page:
        links.insert(0, f'<a href="{prev_page[0]}">&larr; {html.escape(prev_page[1])}</a>')
    if next_page:
        links.append(f'<a href="{next_page[0]}">{html.escape(next_page[1])} &rarr;</a>')
    nav = f'<nav style="{NAV_STYLE}">{" ".join(links)}</nav>'
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav, body, count=1)
    body = body.replace("</body>", nav.replace("border-bottom", "border-top") + "</body>", 1)
    out.write_text(body, encoding="utf-8")


def machine():
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores"


def render_index(site, lessons, smoke):
    rows = []
    for lesson in lessons:
        status = "" if not lesson["problems"] else ' <strong style="color:#b00">(failed: see the page)</strong>'
        rows.append(f"""<tr>
  <td class="title"><a href="{lesson['page']}">{html.escape(lesson['title'])}</a>{status}</td>
  <td>{markdown2html(lesson['teaches'])}</td>
  <td class="time">{duration(lesson['seconds'])}</td>
  <td><a href="{lesson['notebook']}">notebook</a></td>
</tr>""")
    mode = ("smoke mode (GAN_COURSE_SMOKE=1: tiny data and iterations, a check of the build, not the lessons' "
            "results)" if smoke else "full size, as a student runs them")
    built = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    total = sum(lesson["seconds"] or 0 for lesson in lessons)
    (site / "index.html").write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>GANs in Java: the book</title>
<style>
  body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }}
  table {{ border-collapse: collapse; width: 100%; }}
  th, td {{ text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid #ddd; }}
  td p {{ margin: 0; }}
  td.title {{ width: 22%; font-weight: 600; }} td.time, th {{ white-space: nowrap; }}
  code {{ background: #f3f3f3; padding: 0 3px; border-radius: 3px; }}
  .note {{ color: #555; font-size: 14px; }}
</style></head>
<body>
<h1>GANs in Java: the book</h1>
<p>Every lesson of the course, executed, with its pictures and outputs. To run a lesson yourself, open its
notebook with <code>./course lab</code>; each page here shows what you should see.</p>
<table>
<tr><th>Lesson</th><th>What it teaches</th><th>Run time</th><th></th></tr>
{chr(10).join(rows)}
</table>
<p class="note">Built {built} on {html.escape(machine())}, {mode}. Run time is the whole notebook on that
machine, from the kernel's start to the last cell; all lessons together: {duration(total)}.</p>
</body></html>
""", encoding="utf-8")


def check_site(site, lessons):
    """What a reader needs: the index links every page, every page is there with its pictures, and nothing
    is loaded from the internet."""
    index = (site / "index.html").read_text(encoding="utf-8")
    external = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//""", re.I)
    passed = failed = 0
    for lesson in lessons:
        page = site / lesson["page"]
        problems = list(lesson["problems"])
        text = page.read_text(encoding="utf-8") if page.is_file() else ""
        if not text:
            problems.append(f"{page} is missing")
        if f'href="{lesson["page"]}"' not in index or html.escape(lesson["title"]) not in index:
            problems.append("the index does not list it")
        if external.search(text):
            problems.append(f"it loads from the internet: {external.search(text).group(0)}")
        images = re.findall(r"""<img[^>]*\bsrc=["']([^"'?#]+)""", text)
        problems += [f"it shows {src}, which is not in the site" for src in images
                     if not src.startswith("data:") and not (site / src).is_file()]
        local = re.findall(r"""<script[^>]*\bsrc=["']([^"'?]+)""", text)
        problems += [f"it loads {src}, which is not in the site" for src in local
                     if not src.startswith("data:") and not (site / src).is_file()]
        expected = sum("expect-image" in c.metadata.get("tags", []) for c in lesson["nb"].cells)
        shown = text.count('src="data:image/')
        if shown < expected:
            problems.append(f"{shown} inline pictures, {expected} cells expect one")
        if problems:
            failed += 1
            print(f"FAIL {lesson['page']}: " + "; ".join(p.splitlines()[0] for p in problems))
        else:
            passed += 1
            print(f"ok   {lesson['page']}: {shown} pictures, offline")
    print(f"book: {passed} passed, {failed} failed")
    return failed == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+", type=pathlib.Path)
    ap.add_argument("--out", type=pathlib.Path, required=True, help="the site's folder (emptied first)")
    ap.add_argument("--executed", action="store_true", help="the notebooks are executed already: render only")
    ap.add_argument("--test", action="store_true", help="check the site; print a pass/fail summary")
    ap.add_argument("--timeout", type=int, default=None, help="seconds per cell (default 300 in smoke mode, 1800)")
    ap.add_argument("--record", type=pathlib.Path, default=None,
                    help="at full size: record run times and README pictures in this folder (docs/)")
    ap.add_argument("--only", default=None, metavar="NN,NN",
                    help="execute only these lessons (e.g. 02,05); the others keep their executed copies from the "
                         "last build in --out")
    ap.add_argument("--memory-limit", default=None,
                    help="the memory limit the book runs under (./course book --memory SIZE), for the record")
    args = ap.parse_args()
    smoke = settings.smoke()
    timeout = args.timeout or (300 if smoke else 1800)

    site = args.out.resolve()
    keys = {lesson_record.lesson_key(p) for p in args.notebooks}
    only = set(args.only.split(",")) if args.only else None
    previous = {}
    if only is not None:  # checked before any work: what to run, and what the other pages come from
        unknown = sorted(only - keys)
        if unknown:
            raise SystemExit(f"book: --only {args.only}: no lesson {', '.join(unknown)} (lessons: "
                             f"{','.join(sorted(keys))})")
        for path in args.notebooks:
            earlier = site / path.name
            if lesson_record.lesson_key(path) not in only:
                if not earlier.is_file():
                    raise SystemExit(f"book: --only {args.only}: {earlier} is missing, so its page cannot be kept: "
                                     "build the whole book once first (without --only)")
                previous[path.name] = nbformat.read(earlier, as_version=4)
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    for name, nb in previous.items():  # back at once: a lesson that fails below must not lose the others
        nbformat.write(nb, site / name)
    urls = copy_static(site)
    copy_figures(site, [p.resolve() for p in args.notebooks])

    lessons = []
    for path in sorted(p.resolve() for p in args.notebooks):
        problems = []
        if args.executed:
            out = site / path.name
            shutil.copy(path, out)
        elif path.name in previous:
            out = site / path.name
        else:
            print(f"--- {path.name} ({'smoke mode' if smoke else 'full size'})", flush=True)
            # At full size the exercise solutions are left for the reader: the run time is the lesson's own.
            problems, seconds, out, peak = execute.execute(path, site, timeout, False, None, solutions=smoke)
            nb = nbformat.read(out, as_version=4)
            nb.metadata["gan_course_book"] = {"seconds": round(seconds, 1), "smoke": smoke}
            nbformat.write(nb, out)
            if args.record and not smoke and not problems:
                lesson_record.record_time(args.record / "run-times.json", path, seconds, machine(), peak,
                                          args.memory_limit)
                source = nbformat.read(path, as_version=4)
                picture = args.record / "pictures" / f"{lesson_record.lesson_key(path)}.png"
                if lesson_record.write_picture(nb, source, picture):
                    print(f"     its picture for the README: {picture}", flush=True)
            print(("FAIL " if problems else "ok   ") + f"{path.name} in {duration(seconds)}"
                  + execute.resident(peak), flush=True)
            for p in problems:
                print("   " + p.replace("\n", "\n   "), flush=True)
        nb = nbformat.read(out, as_version=4)
        title, teaches = lesson_info(nb, path)
        lessons.append({"nb": nb, "title": title, "teaches": teaches, "seconds": run_seconds(nb),
                        "page": path.with_suffix(".html").name, "notebook": path.name, "problems": problems})

    for i, lesson in enumerate(lessons):
        neighbour = lambda j: (lessons[j]["page"], lessons[j]["title"]) if 0 <= j < len(lessons) else None  # noqa
        render_page(lesson["nb"], site / lesson["page"], lesson["title"], urls, neighbour(i - 1), neighbour(i + 1))
    render_index(site, lessons, smoke)
    print(f"book: {site / 'index.html'}", flush=True)

    ok = not any(lesson["problems"] for lesson in lessons)
    if args.test:
        ok = check_site(site, lessons) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
