"""No page scrolls sideways on a 320 to 390 px phone: long inline code, URLs, words, code
blocks and tables wrap or scroll inside their own box."""
import pytest

import flowdriver as fd
from conftest import ROOT, build_site, serve

WIDTHS = (320, 390)
FIXTURE = ROOT / "Tests" / "GuidepostTests" / "Fixtures" / "site" / "content"
NARROW = ROOT / "Tests" / "browser" / "narrow"


@pytest.fixture(scope="module", params=["real", "fixture", "narrow"])
def narrow_site(request, site_dir, tmp_path_factory):
    """Every page type of the real site, the golden fixture, and a site of long things."""
    if request.param == "real":
        folder = site_dir
    else:
        content = FIXTURE if request.param == "fixture" else NARROW
        folder = build_site(tmp_path_factory.mktemp(request.param) / "public", "--content", content)
    with serve(folder) as url:
        yield folder, url


def overflow(browser, width):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    # Mobile emulation would zoom out to fit a wide page, and hide the very overflow looked for.
    return browser.execute_script("""
        const root = document.documentElement;
        if (window.innerWidth !== arguments[0]) return {innerWidth: window.innerWidth};
        if (root.scrollWidth <= window.innerWidth) return null;
        const wide = [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
        return {scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, wide: wide.slice(0, 5)};""", width)


def test_no_page_scrolls_sideways(browser, narrow_site):
    folder, url = narrow_site
    pages = sorted(fd.url_of(folder, page) for page in folder.rglob("index.html")) + ["/no/such/page/"]
    problems = []
    try:
        for page in pages:
            browser.get(url + page)
            for width in WIDTHS:
                if found := overflow(browser, width):
                    problems.append(f"{page} at {width} px: {found}")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert not problems, "\n".join(problems)


def test_a_wide_element_is_caught(browser, base_url):
    """The measure itself: a page made wider than the screen is reported."""
    browser.get(base_url + "/")
    browser.execute_script("const wide = document.createElement('div'); wide.style.width = '1000px'; wide.textContent = 'wide';"
                           "document.body.append(wide)")
    try:
        assert overflow(browser, 320) is not None
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
