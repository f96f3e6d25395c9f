"""axe-core in Chromium: no violation on any kind of page or widget state, in light and in dark
mode, with the page running as readers get it (JavaScript on, under the strict CSP)."""
import json
import pathlib
import re

import axe_selenium_python
import pytest
from selenium.webdriver.common.by import By

import flowdriver as fd
from conftest import _chrome


def axe_version(script):
    head = pathlib.Path(script).read_text(encoding="utf-8")[:200_000]
    match = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", head) or re.search(r'\.version="(\d+)\.(\d+)\.(\d+)"', head)
    return tuple(int(part) for part in match.groups()) if match else (0, 0, 0)


def axe_script():
    """axe-selenium-python runs axe-core; on Python < 3.12 the newest release it has bundles
    axe-core 3.1.1 (2018), which predates ARIA 1.2 and flags the header's `input type=search
    role=combobox` and `autocomplete=off`, both valid today. So the axe-core used is the newest of
    the one it bundles and the one axe-core-python bundles (4.4.3); scripts/test installs both."""
    candidates = [pathlib.Path(axe_selenium_python.__file__).parent / "node_modules" / "axe-core" / "axe.min.js"]
    try:
        import axe_core_python
        candidates.append(pathlib.Path(axe_core_python.__file__).parent / "axe.min.js")
    except ImportError:
        pass
    script = max((c for c in candidates if c.exists()), key=axe_version)
    if axe_version(script) < (4, 0, 0):
        pytest.fail(f"axe-core {axe_version(script)} from {script} is too old to trust: "
                    "pip install axe-core-python (scripts/test does)")
    return str(script)


SCRIPT = axe_script()


@pytest.fixture(scope="module")
def axe_browser():
    """A browser of its own, since these tests switch its colour scheme."""
    driver = _chrome()
    yield driver
    driver.quit()


def set_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    assert driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")


def run_axe(driver):
    axe = axe_selenium_python.Axe(driver, script_url=SCRIPT)
    axe.inject()
    results = axe.run(options=json.dumps({"resultTypes": ["violations"]}))
    return results


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = " / ".join(line.strip() for line in node.get("failureSummary", "").splitlines()[1:])
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


# ---- The states checked ------------------------------------------------------------------

def loaded(driver, url, enhanced=True):
    driver.get(url)
    fd.wait(driver, lambda d: d.execute_script("return document.readyState") == "complete", f"{url} never loaded")
    if enhanced:
        # search.js has made the header's box a combobox: the page is as readers get it.
        fd.wait(driver, lambda d: d.find_element(By.ID, "search-input").get_attribute("role") == "combobox",
                f"search.js did not enhance {url}")


def pages(site_dir, pattern):
    return [fd.url_of(site_dir, page) for page in sorted(site_dir.glob(pattern))]


def warning_path(spec, paths):
    return next(p for p in paths if fd.outcome(spec, p["outcome"])["tone"] == "warning")


def plain_pages(kind, site_dir, spec, paths):
    """URL paths of the static pages of one kind."""
    return {
        "home": ["/"],
        "category": pages(site_dir, "categories/**/index.html"),
        "guide": pages(site_dir, "guides/*/index.html"),
        "faq": ["/faq/"],
        # The start, then questions and outcomes with the answers so far listed, and a warning.
        "flow step": fd.static_urls([fd.longest_path(paths)]) + [fd.static_url(warning_path(spec, paths)["answers"])],
        "not found": ["/no/such/page/"],
    }[kind]


def widget_states(spec, paths):
    """The home page's widget at a question past the first and at an outcome."""
    path = fd.longest_path(paths)
    question_step = path["answers"][:1]
    warning = warning_path(spec, paths)
    stale = fd.query(question_step + [["no-such-question", "x"]])
    return [("/" + fd.query(question_step), fd.heading_after(spec, path, 1)),
            ("/" + fd.query(path["answers"]), fd.heading_after(spec, path, len(path["answers"]))),
            ("/" + fd.query(warning["answers"]), fd.heading_after(spec, warning, len(warning["answers"]))),
            ("/" + stale, fd.heading_after(spec, path, 1))]


def visit_states(kind, driver, base_url, site_dir, spec, paths):
    """Opens each state of `kind` in turn and yields its name once it is ready."""
    if kind == "widget":
        for url, heading in widget_states(spec, paths):
            fd.open_widget(driver, base_url + url)
            fd.wait_for_step(driver, heading, focused=False)
            yield f"widget at {url}"
    elif kind == "search page":
        url = base_url + "/search/?q=phone"
        loaded(driver, url)
        fd.wait(driver, lambda d: d.find_element(By.ID, "search-page-results").is_displayed(),
                "the search page shows no results for ?q=phone")
        assert driver.find_elements(By.CSS_SELECTOR, ".search-page-list li")
        yield "/search/?q=phone"
    elif kind == "search box":
        loaded(driver, base_url + "/guides/why-occupied/")
        box = driver.find_element(By.ID, "search-input")
        box.click()
        box.send_keys("phone")
        fd.wait(driver, lambda d: box.get_attribute("aria-expanded") == "true", "the header's results never opened")
        box.send_keys("\ue015")  # Arrow Down: a result is active, as a keyboard user sees it
        fd.wait(driver, lambda d: box.get_attribute("aria-activedescendant") == "search-option-0",
                "Arrow Down did not make the first result active")
        yield "header search with results open"
    else:
        for page in plain_pages(kind, site_dir, spec, paths):
            loaded(driver, base_url + page)
            yield page


KINDS = ["home", "category", "guide", "faq", "flow step", "widget", "not found", "search page", "search box"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", KINDS)
def test_no_axe_violations(axe_browser, base_url, site_dir, flow_spec, flow_paths, kind, scheme):
    set_scheme(axe_browser, scheme)
    found = {}
    count = 0
    for state in visit_states(kind, axe_browser, base_url, site_dir, flow_spec, flow_paths):
        count += 1
        if violations := run_axe(axe_browser)["violations"]:
            found[state] = describe(violations)
    assert count, f"no {kind} page to check"
    assert found == {}, "\n".join(f"{state}:\n{text}" for state, text in found.items())


def test_dark_mode_changes_the_colours(axe_browser, base_url):
    """The dark run checks other colours than the light one, not the same page twice."""
    colours = {}
    for scheme in ("light", "dark"):
        set_scheme(axe_browser, scheme)
        loaded(axe_browser, base_url + "/")
        colours[scheme] = axe_browser.execute_script(
            "const s = getComputedStyle(document.body); return [s.backgroundColor, s.color]")
    assert colours["light"] != colours["dark"], colours


def test_axe_runs_under_the_pages_csp(axe_browser, base_url):
    """WebDriver's script injection is not subject to the page's CSP, so axe runs on the page
    exactly as served, while the same CSP still refuses an inline script the page would add."""
    set_scheme(axe_browser, "light")
    loaded(axe_browser, base_url + "/guides/why-occupied/")
    assert "script-src 'self'" in axe_browser.find_element(
        By.CSS_SELECTOR, 'meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    axe_browser.execute_script("""
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective));""")
    axe = axe_selenium_python.Axe(axe_browser, script_url=SCRIPT)
    axe.inject()
    results = axe.run()
    assert int(results["testEngine"]["version"].split(".")[0]) >= 4
    assert len(results["passes"]) > 20, "axe ran its rules on the page"
    assert axe_browser.execute_script("return window.__violations") == [], "axe itself broke no CSP rule"
    # The policy is in force: a script element the page adds is refused.
    axe_browser.execute_script("""
        const script = document.createElement('script');
        script.textContent = 'window.__inline = 1';
        document.head.append(script);""")
    fd.wait(axe_browser, lambda d: d.execute_script("return window.__violations.length") > 0,
            "the CSP did not report the inline script")
    assert axe_browser.execute_script("return window.__inline") is None
    # Once for the header and once for the meta tag: both policies are in force.
    assert set(axe_browser.execute_script("return window.__violations")) == {"script-src-elem"}
