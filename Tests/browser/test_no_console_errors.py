"""No SEVERE console message (script errors, failed loads, CSP violations) on any kind of page."""
import pytest
from selenium.webdriver.common.by import By

import flowdriver as fd


def pages_of_kind(kind, site_dir, paths):
    if kind == "home":
        return ["/"]
    if kind == "category":
        return [fd.url_of(site_dir, page) for page in sorted(site_dir.glob("categories/*/index.html"))]
    if kind == "guide":
        return [fd.url_of(site_dir, page) for page in sorted(site_dir.glob("guides/*/index.html"))]
    if kind == "faq":
        return ["/faq/"]
    if kind == "flow step":
        return fd.static_urls(paths)
    raise ValueError(kind)


def visit(browser, url):
    browser.get(url)
    fd.wait(browser, lambda b: b.execute_script("return document.readyState") == "complete", f"{url} never loaded")
    return browser.find_element(By.TAG_NAME, "h1").text


@pytest.mark.parametrize("kind", ["home", "category", "guide", "faq", "flow step"])
def test_pages(browser, base_url, site_dir, flow_paths, console_errors, kind):
    pages = pages_of_kind(kind, site_dir, flow_paths)
    assert pages, f"the site has no {kind} page"
    found = {}
    for page in pages:
        assert (site_dir / page.strip("/") / "index.html").exists(), f"{page} was not built"
        visit(browser, base_url + page)
        if errors := console_errors():
            found[page] = [error["message"] for error in errors]
    assert found == {}


def test_not_found_page(browser, base_url, console_errors):
    missing = base_url + "/no/such/page/"
    assert visit(browser, missing) == "Page not found"
    # The one message allowed is the browser's note that this very address answered 404.
    errors = [e["message"] for e in console_errors()
              if not (e["source"] == "network" and e["message"].startswith(missing + " ") and " 404 " in e["message"])]
    assert errors == []


def test_walking_the_flow(browser, base_url, site_dir, flow_spec, flow_paths, console_errors):
    """Every path on the home page, the longest one on every other page with the widget: with an
    error, Back and Forward, and the guide link at the end."""
    pages = fd.widget_pages(site_dir)
    walks = [("/", path) for path in flow_paths] + [(page, fd.longest_path(flow_paths)) for page in pages if page != "/"]
    for page, path in walks:
        fd.open_widget(browser, base_url + page)
        fd.click(browser, fd.continue_button(browser))  # an error first
        for count, (_, option_id) in enumerate(path["answers"]):
            fd.click(browser, fd.radio(browser, option_id))
            fd.click(browser, fd.continue_button(browser))
            fd.wait_for_step(browser, fd.heading_after(flow_spec, path, count + 1))
        browser.back()
        browser.forward()
        fd.wait_for_step(browser, fd.heading_after(flow_spec, path, len(path["answers"])))
        fd.click(browser, browser.find_element(By.CSS_SELECTOR, f"{fd.WIDGET} .flow-outcome-guide a"))
        fd.check_guide_target(browser, fd.outcome(flow_spec, path["outcome"])["guide"]["url"])
    assert [error["message"] for error in console_errors()] == []
