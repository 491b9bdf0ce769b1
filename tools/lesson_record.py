"""What a full-size run of the lessons leaves behind for the front page: each lesson's run time, recorded in
docs/run-times.json, and one small picture per lesson, docs/pictures/NN.png. ./course book writes both and
then rewrites the run-time columns of the README's lesson table and of lesson 00's from the record:

    python3 tools/lesson_record.py --times docs/run-times.json --readme README.md --lesson00 notebooks/00-*.ipynb \
        --lessons notebooks/[0-9]*.ipynb

Each lesson states its own run time in its first cell, between <!-- run-time --> and <!-- /run-time -->: that
span is rewritten from the record too.

The picture of a lesson is the first PNG output of its cell tagged `readme-picture`, scaled down (ImageMagick's
`convert`) to a thumbnail of a few tens of KB.
"""

import argparse
import base64
import datetime
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import nbformat

PICTURE_WIDTH = 300   # pixels: six of them side by side fit the README's page
# What a single run time leaves out, per lesson: said in words, never as a second, unmeasured number.
NOTES = {
    "04": "on a CPU",
    "05": "the first run also trains its digit GAN, once",
    "06": "training the classifiers, on the first run only, takes about 7 minutes",
}


def lesson_key(path):
    """The lesson's number, "00" to "06", from its file name."""
    return pathlib.Path(path).name[:2]


def record_time(times_file, notebook, seconds, machine, peak_mb=None, limit=None):
    """Adds one full-size run of a lesson to the record (the latest run of each lesson is kept): its run time
    and, when known, the kernel's peak resident size and the memory limit it ran under (--memory)."""
    times_file = pathlib.Path(times_file)
    record = json.loads(times_file.read_text()) if times_file.is_file() else {}
    entry = {"notebook": pathlib.Path(notebook).name, "seconds": round(seconds),
             "date": datetime.date.today().isoformat(), "machine": machine}
    if peak_mb is not None:
        entry["peak_mb"] = peak_mb
        entry["memory_limit"] = limit or "none"
    record[lesson_key(notebook)] = entry
    times_file.parent.mkdir(parents=True, exist_ok=True)
    times_file.write_text(json.dumps(dict(sorted(record.items())), indent=1) + "\n")


def picture_cell(nb):
    return next((c for c in nb.cells if c.cell_type == "code"
                 and "readme-picture" in c.get("metadata", {}).get("tags", [])), None)


def complete_png(b64):
    """The PNG bytes of a notebook output. rapaio-jupyter-kernel 3.0.1 never closes the Base64 stream it
    encodes pictures into, so the last bytes, the PNG's end chunk, go missing: browsers forgive that,
    ImageMagick does not. The course's kernel encodes them whole (kernel/src/.../DefaultImageDisplayRenderer);
    notebooks executed by a stock 3.0.1 kernel still need this. The end chunk is always the same 12 bytes;
    it is put back."""
    b64 = "".join(b64.split())
    data = base64.b64decode(b64 + "=" * (-len(b64) % 4))
    end = b"\x00\x00\x00\x00IEND\xaeB`\x82"
    if not data.endswith(end):
        last = data.rfind(b"IDAT")
        length = int.from_bytes(data[last - 4:last], "big") if last >= 4 else -1
        data = data[:last + 4 + length + 4] + end if last >= 4 else data
    return data


def write_picture(executed_nb, source_nb, out_png):
    """The thumbnail of the cell tagged `readme-picture` (found by its id in an executed copy); False if none."""
    tagged = picture_cell(source_nb)
    if tagged is None:
        return False
    cell = next((c for c in executed_nb.cells if c.get("id") == tagged.get("id")), None)
    png = next((o["data"]["image/png"] for o in (cell or {}).get("outputs", [])
                if "image/png" in o.get("data", {})), None)
    if png is None:
        return False
    if not shutil.which("convert"):
        raise SystemExit("lesson_record: ImageMagick's convert is needed for the README pictures "
                         "(Debian/Ubuntu: apt-get install imagemagick)")
    out_png = pathlib.Path(out_png)
    out_png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(suffix=".png") as full:
        full.write(complete_png(png))
        full.flush()
        subprocess.run(["convert", full.name, "-resize", f"{PICTURE_WIDTH}x>", "-strip",
                        "-define", "png:compression-level=9", str(out_png)], check=True)
    return True


def duration_words(seconds, note=None):
    minutes = round(seconds / 60)
    text = "under 1 minute" if seconds < 60 else f"about {max(minutes, 1)} minute{'s' if minutes > 1 else ''}"
    return text + (f" ({note})" if note else "")


def rewrite_column(text, header, column, cell):
    """Rewrites one column of the markdown table that starts with `header` (other tables are left alone): in each
    row whose first cell starts with a lesson number, the cell becomes cell(key), unless that gives None."""
    out, inside = [], False
    for line in text.split("\n"):
        inside = line.startswith(header) or (inside and line.startswith("|"))
        m = re.match(r"^\| *`?(\d\d)[- ]", line) if inside else None
        new = cell(m.group(1)) if m and line.count("|") >= column + 2 else None
        if new is not None:
            cells = line.split("|")
            cells[column + 1] = f" {new} "
            line = "|".join(cells)
        out.append(line)
    return "\n".join(out)


def rewrite_table(text, row_key, times, column):
    """The run-time column of a lesson table (header `| row_key | what it teaches`)."""
    return rewrite_column(text, f"| {row_key} | what it teaches", column,
                          lambda key: duration_words(times[key]["seconds"], NOTES.get(key)) if key in times else None)


# The README's strip: each lesson's picture, its link and what it shows.
STRIP = [
    ("00", "00-getting-started", "00 · getting started", "a first model, trained live"),
    ("01", "01-vanilla-gan-mnist", "01 · a vanilla GAN", "digits from noise"),
    ("02", "02-gan-fashion-mnist", "02 · what goes wrong", "clothes, and mode collapse measured"),
    ("03", "03-autoencoders", "03 · autoencoders", "denoising, and why it is no generator"),
    ("04", "04-dcgan-cifar10", "04 · a DCGAN on CIFAR-10", "colour photos from a convolutional GAN"),
    ("05", "05-latent-space-and-completion", "05 · latent space and completion", "denoising by a search in z"),
    ("06", "06-evaluating-gans", "06 · evaluating GANs", "are the samples copies? nearest neighbours"),
]


def strip_markdown(pictures):
    """Rows of four lessons: link, picture, caption; only the lessons whose picture a full-size run made."""
    have = [entry for entry in STRIP if (pictures / f"{entry[0]}.png").is_file()]
    rows = []
    for start in range(0, len(have), 4):
        part = have[start:start + 4]
        rows.append("| " + " | ".join(f"[{title}](notebooks/{name}.ipynb)" for _, name, title, _ in part) + " |")
        rows.append("|" + " :---: |" * len(part))
        rows.append("| " + " | ".join(f'<img src="docs/pictures/{key}.png" width="200" alt="{caption}">'
                                      for key, _, _, caption in part) + " |")
        rows.append("| " + " | ".join(caption for *_, caption in part) + " |")
        rows.append("")
    shown = {key for key, *_ in have}
    missing = [key for key, *_ in STRIP if key not in shown]
    if missing:
        rows.append(f"(Lessons {', '.join(missing)}: no picture yet; `./course book` at full size makes them.)")
        rows.append("")
    return "\n".join(rows)


def rewrite_strip(readme, pictures):
    """The README's picture strip, between <!-- pictures --> and <!-- /pictures -->, from docs/pictures."""
    readme = pathlib.Path(readme)
    text = readme.read_text()
    new = re.sub(r"(<!-- pictures -->\n).*?(<!-- /pictures -->)",
                 lambda m: m.group(1) + strip_markdown(pathlib.Path(pictures)) + m.group(2), text, flags=re.S)
    readme.write_text(new)


def rewrite_memory(text, times):
    """The README's memory table: the column of runs under `--memory 2g` (Binder's and a hub's limit), one row
    per lesson, from the record's kernel peaks; lessons last run without that limit keep their cell."""
    def cell(key):
        t = times.get(key)
        if t and str(t.get("memory_limit")).lower() == "2g":
            return f"{t['peak_mb']} MB ({t['seconds']} s, {t['date']})"
        return None
    return rewrite_column(text, "| lesson | before", 2, cell)


def read_times(times_file):
    """The record, by lesson: {"01": {"seconds": ..., "date": ..., "machine": ...}, ...}."""
    return json.loads(pathlib.Path(times_file).read_text())


def rewrite(times, readme, lesson00):
    """The README's lesson table and lesson 00's, from the record (read_times)."""
    if not times:
        return
    dates = sorted({t["date"] for t in times.values()})
    machines = sorted({t["machine"] for t in times.values()})
    stamp = f"measured {' to '.join([dates[0], dates[-1]] if len(dates) > 1 else dates)} on {', '.join(machines)}"
    # The README: | notebook | what it teaches | run time ... |
    readme = pathlib.Path(readme)
    text = rewrite_memory(rewrite_table(readme.read_text(), "notebook", times, 2), times)
    text = re.sub(r"(\| notebook \| what it teaches \| )[^|]*(\|)", rf"\g<1>run time ({stamp}) \g<2>", text)
    readme.write_text(text)
    # Lesson 00's table is in a markdown cell; the notebook keeps its own JSON layout.
    path = pathlib.Path(lesson00)
    raw = json.loads(path.read_text(encoding="utf-8"))
    for cell in raw["cells"]:
        if cell["cell_type"] == "markdown" and "| lesson | what it teaches |" in "".join(cell["source"]):
            source = "".join(cell["source"])
            source = rewrite_table(source, "lesson", times, 2)
            source = re.sub(r"(\| lesson \| what it teaches \| )[^|]*(\|)", rf"\g<1>whole notebook, {stamp} \g<2>",
                            source)
            cell["source"] = source
    path.write_text(json.dumps(raw, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def rewrite_lessons(times, notebooks):
    """Each lesson's own run time, in its first cell between <!-- run-time --> and <!-- /run-time -->, from the
    record (read_times): the words around it say what the time covers. Lessons without a record or a marker are
    left alone. Returns the names of the notebooks whose statement changed."""
    changed = []
    for path in map(pathlib.Path, notebooks):
        t = times.get(lesson_key(path))
        raw = json.loads(path.read_text(encoding="utf-8"))
        cell = raw["cells"][0] if raw["cells"] else None
        if t is None or cell is None or cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"])
        new = re.sub(r"(<!-- run-time -->).*?(<!-- /run-time -->)",
                     lambda m: m.group(1) + duration_words(t["seconds"]) + m.group(2), source, flags=re.S)
        if new != source:
            cell["source"] = new
            path.write_text(json.dumps(raw, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            changed.append(path.name)
    return changed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--times", type=pathlib.Path, required=True, help="the record, docs/run-times.json")
    ap.add_argument("--readme", type=pathlib.Path, required=True)
    ap.add_argument("--lesson00", type=pathlib.Path, required=True)
    ap.add_argument("--lessons", type=pathlib.Path, nargs="*", default=[],
                    help="the lessons whose first cell states their run time (<!-- run-time -->)")
    args = ap.parse_args()
    if not args.times.is_file():
        print(f"lesson_record: no {args.times} yet: run ./course book at full size first", file=sys.stderr)
        return 1
    times = read_times(args.times)
    rewrite(times, args.readme, args.lesson00)
    changed = rewrite_lessons(times, args.lessons)
    rewrite_strip(args.readme, args.times.parent / "pictures")
    print(f"lesson_record: run times in {args.readme} and {args.lesson00} rewritten from {args.times}, "
          f"and the README's pictures from {args.times.parent / 'pictures'}; the lessons' own run-time lines: "
          f"{', '.join(changed) if changed else 'none changed'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
