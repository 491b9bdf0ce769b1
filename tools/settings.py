"""The course's settings as the tools read them, by the same rule as the library (gancourse.Course) and
./course: one rule, tested against one table (tools/smoke-rule.tsv) by lib's CourseTest and tools/test_settings.py.
"""

import os

# GAN_COURSE_SMOKE is off when unset or, trimmed and in any case, one of these; on for anything else ("1", "yes").
SMOKE_OFF = ("", "0", "false", "no", "off")


def smoke_value(value):
    """Whether a value of GAN_COURSE_SMOKE turns smoke mode on (None: unset)."""
    return value is not None and value.strip().lower() not in SMOKE_OFF


def smoke():
    """Smoke mode, from the environment: tiny data and iterations, a check that every cell works."""
    return smoke_value(os.environ.get("GAN_COURSE_SMOKE"))
