"""Without JavaScript: every path through the static flow pages, and the widget's plain links."""
from selenium.webdriver.common.by import By

import flowdriver as fd
from conftest import FLOW


def h1(browser):
    headings = browser.find_elements(By.TAG_NAME, "h1")
    assert len(headings) == 1
    return headings[0].text


def robots(browser):
    return [meta.get_attribute("content") for meta in browser.find_elements(By.CSS_SELECTOR, 'meta[name="robots"]')]


def option_links(browser, container):
    return [(a.text, a.get_dom_attribute("href")) for a in browser.find_elements(By.CSS_SELECTOR, f"{container} .flow-links a")]


def expected_links(spec, question_id):
    return [(o["label"], fd.node_url(spec, o["next"])) for o in fd.question(spec, question_id)["options"]]


def follow(browser, text, expected_heading):
    links = [a for a in browser.find_elements(By.CSS_SELECTOR, "main a") if a.text == text]
    assert len(links) == 1, f"expected one link {text!r} on {browser.current_url}"
    fd.click(browser, links[0])
    fd.wait(browser, lambda b: [e.text for e in b.find_elements(By.TAG_NAME, "h1")] == [expected_heading],
            f"following {text!r} should lead to {expected_heading!r}, at {browser.current_url}")


def test_javascript_is_off(browser_without_js, base_url):
    """Else the other tests here would test nothing: flow.js would have taken the widget over."""
    browser_without_js.get(base_url + "/")
    assert not browser_without_js.find_elements(By.CSS_SELECTOR, f"{fd.WIDGET}.flow-enhanced")
    assert not browser_without_js.find_elements(By.CSS_SELECTOR, f"{fd.WIDGET} form, {fd.WIDGET} input")


def test_every_path_through_the_static_pages(browser_without_js, base_url, flow_spec, flow_path):
    browser = browser_without_js
    entry = f"/flows/{FLOW}/"
    browser.get(base_url + entry)
    for count, (question_id, option_id) in enumerate(flow_path["answers"]):
        question = fd.question(flow_spec, question_id)
        assert h1(browser) == question["prompt"]
        assert robots(browser) == ["noindex"], f"{browser.current_url}: a question page is not for search engines"
        assert option_links(browser, "main") == expected_links(flow_spec, question_id)
        restart = browser.find_elements(By.CSS_SELECTOR, "main .flow-restart a")
        if count:
            assert [a.get_dom_attribute("href") for a in restart] == [entry]
        follow(browser, fd.option(flow_spec, question_id, option_id)["label"],
               fd.heading_after(flow_spec, flow_path, count + 1))

    expected = fd.outcome(flow_spec, flow_path["outcome"])
    assert browser.current_url == base_url + fd.node_url(flow_spec, flow_path["outcome"])
    assert h1(browser) == expected["title"]
    assert robots(browser) == [], "an outcome page is for search engines too"
    assert browser.title.startswith(expected["title"] + fd.SEPARATOR)
    guide = browser.find_elements(By.CSS_SELECTOR, "main .flow-outcome a")
    assert [(a.get_dom_attribute("href"), a.text) for a in guide] == \
        [(expected["guide"]["url"], "Read the guide: " + expected["guide"]["title"])]
    assert [a.get_dom_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main .flow-restart a")] \
        == [entry]
    fd.click(browser, guide[0])
    fd.check_guide_target(browser, expected["guide"]["url"])
    assert h1(browser) == expected["guide"]["title"]


def test_widget_shows_the_first_question_as_links(browser_without_js, base_url, site_dir, flow_spec):
    start = fd.question(flow_spec, flow_spec["start"])
    for page in fd.widget_pages(site_dir):
        browser_without_js.get(base_url + page)
        widget = browser_without_js.find_element(By.CSS_SELECTOR, fd.WIDGET)
        assert widget.find_element(By.CSS_SELECTOR, ".flow-title").text == flow_spec["title"]
        assert widget.find_element(By.CSS_SELECTOR, ".flow-question").text == start["prompt"]
        assert option_links(browser_without_js, fd.WIDGET) == expected_links(flow_spec, start["id"]), page
        assert not widget.find_elements(By.CSS_SELECTOR, "form, input, button")
        # Each link works: it opens the static page of the next step.
        first = start["options"][0]
        follow(browser_without_js, first["label"], fd.node_heading(flow_spec, first["next"]))


def test_only_outcome_pages_are_indexable(browser_without_js, base_url, flow_spec):
    for q in flow_spec["questions"]:
        browser_without_js.get(base_url + fd.node_url(flow_spec, q["id"]))
        assert h1(browser_without_js) == q["prompt"]
        assert robots(browser_without_js) == ["noindex"], q["id"]
    for o in flow_spec["outcomes"]:
        browser_without_js.get(base_url + fd.node_url(flow_spec, o["id"]))
        assert h1(browser_without_js) == o["title"]
        assert robots(browser_without_js) == [], o["id"]
