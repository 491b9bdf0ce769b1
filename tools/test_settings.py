"""GAN_COURSE_SMOKE is read by one rule everywhere: this checks the tools' (settings.py) and ./course's
against the table tools/smoke-rule.tsv, which lib's CourseTest checks gancourse.Course against.

    python3 tools/test_settings.py        last line: `settings: N passed, M failed`
"""

import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import settings  # noqa: E402

ROOT = HERE.parent


def table():
    rows = []
    for line in (HERE / "smoke-rule.tsv").read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        value, expected = line.split("\t")
        rows.append((value[1:-1], expected == "on"))
    return rows


def course_rule(value):
    """./course's own smoke_on function, cut out of the script and run with the value set."""
    text = (ROOT / "course").read_text()
    function = re.search(r"^smoke_on\(\) \{\n.*?^\}\n", text, re.S | re.M).group(0)
    r = subprocess.run(["bash", "-c", function + "smoke_on"], env={"GAN_COURSE_SMOKE": value, "PATH": "/usr/bin:/bin"})
    return r.returncode == 0


def main():
    passed = failed = 0
    rows = table()
    for value, expected in rows + [(None, False)]:
        got = {"tools": settings.smoke_value(value),
               "./course": course_rule(value) if value is not None else None}
        bad = [f"{who} says {'on' if v else 'off'}" for who, v in got.items() if v is not None and v != expected]
        if bad:
            failed += 1
            print(f"FAIL GAN_COURSE_SMOKE={value!r}: expected {'on' if expected else 'off'}, " + ", ".join(bad))
        else:
            passed += 1
    print(f"settings: {passed} passed, {failed} failed")
    return 1 if failed or len(rows) < 10 else 0


if __name__ == "__main__":
    sys.exit(main())
