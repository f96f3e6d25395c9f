"""Every internal link and every anchor of the built site resolves: each href and src that
stays on the site names a file that exists, and each #fragment names an id on its page.
No browser needed; the built folders are crawled as a static host would serve them."""
import html.parser
import pathlib
import urllib.parse

import pytest

from conftest import ROOT, build_site

SITE_ORIGIN = "https://help.example.com"


class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) is not None and not (tag == "link" and attrs.get("rel") == "canonical"):
                self.links.append(attrs[name])
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            self.links.append(attrs.get("content", "").split("url=", 1)[-1])


def _parse(page):
    collector = _Collector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector


def _target(site, page, link):
    """The file and fragment a link on `page` leads to, or None when it leaves the site."""
    parts = urllib.parse.urlsplit(link)
    if parts.scheme in ("mailto", "tel") or (parts.scheme and not link.startswith(SITE_ORIGIN)):
        return None
    path = urllib.parse.unquote(parts.path)
    if link.startswith(SITE_ORIGIN):
        path = urllib.parse.unquote(urllib.parse.urlsplit(link).path)
    if not path:
        file = page
    else:
        base = "/" + str(page.relative_to(site).parent) + "/"
        resolved = urllib.parse.urljoin(base.replace("/./", "/"), path)
        file = site / resolved.lstrip("/")
        if resolved.endswith("/"):
            file = file / "index.html"
    return file, urllib.parse.unquote(parts.fragment)


def _broken_links(site):
    pages = {page: _parse(page) for page in site.rglob("*.html")}
    broken = []
    for page, parsed in pages.items():
        for link in parsed.links:
            target = _target(site, page, link)
            if target is None:
                continue
            file, fragment = target
            if not file.is_file():
                broken.append(f"{page.relative_to(site)}: {link} → missing {file.relative_to(site)}")
            elif fragment and file.suffix == ".html":
                ids = pages[file].ids if file in pages else _parse(file).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(site)}: {link} → no id {fragment!r}")
    return len(pages), broken


def test_every_link_and_anchor_of_the_site_resolves(site_dir):
    count, broken = _broken_links(site_dir)
    assert count > 20
    assert broken == []


def test_every_link_of_the_golden_fixture_site_resolves(tmp_path):
    site = build_site(tmp_path / "public", "--content", ROOT / "Tests" / "GuidepostTests" / "Fixtures" / "site" / "content")
    count, broken = _broken_links(site)
    assert count > 5
    assert broken == []


def test_the_crawler_catches_a_broken_link_and_a_missing_anchor(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<a href="/a/">a</a> <a href="/gone/">x</a> <a href="/a/#nowhere">y</a>')
    (site / "a" / "index.html").write_text('<h2 id="here">Here</h2> <a href="#here">ok</a>')
    _, broken = _broken_links(site)
    assert len(broken) == 2
