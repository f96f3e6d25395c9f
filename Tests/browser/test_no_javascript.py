"""Without JavaScript: every path through the static flow pages (each listing the answers so
far with a Change link on each, as GOV.UK Smart Answers do), and the widget's plain links."""
import pytest
from selenium.webdriver.common.by import By

import flowdriver as fd


def h1(browser):
    headings = browser.find_elements(By.TAG_NAME, "h1")
    assert len(headings) == 1
    return headings[0].text


def robots(browser):
    return [meta.get_attribute("content") for meta in browser.find_elements(By.CSS_SELECTOR, 'meta[name="robots"]')]


def option_links(browser, container):
    return [(a.text, a.get_dom_attribute("href")) for a in browser.find_elements(By.CSS_SELECTOR, f"{container} .flow-links a")]


def expected_links(spec, question_id, answers=()):
    return [(o["label"], fd.static_url([*answers, [question_id, o["id"]]]))
            for o in fd.question(spec, question_id)["options"]]


def answers_list(browser):
    """The 'Your answers' list of a static page: [(prompt, answer, Change link's href, its text)]."""
    rows = browser.find_elements(By.CSS_SELECTOR, "main .flow-answers-row")
    return [(row.find_element(By.TAG_NAME, "dt").text, row.find_element(By.TAG_NAME, "dd").text,
             row.find_element(By.CSS_SELECTOR, ".flow-answers-change a").get_dom_attribute("href"),
             row.find_element(By.CSS_SELECTOR, ".flow-answers-change a").get_attribute("textContent"))
            for row in rows]


def expected_answers(spec, answers):
    return [(fd.question(spec, q)["prompt"], fd.option(spec, q, o)["label"], fd.static_url(answers[:index]),
             "Change your answer to: " + fd.question(spec, q)["prompt"])
            for index, (q, o) in enumerate(answers)]


def follow(browser, text, expected_heading):
    links = [a for a in browser.find_elements(By.CSS_SELECTOR, "main a") if a.text == text]
    assert len(links) == 1, f"expected one link {text!r} on {browser.current_url}"
    fd.click(browser, links[0])
    fd.wait(browser, lambda b: [e.text for e in b.find_elements(By.TAG_NAME, "h1")] == [expected_heading],
            f"following {text!r} should lead to {expected_heading!r}, at {browser.current_url}")


def test_javascript_is_off(browser_without_js, base_url, flow_spec):
    """Else the other tests here would test nothing: flow.js would have taken the widget over."""
    browser_without_js.get(base_url + "/")
    assert not browser_without_js.find_elements(By.CSS_SELECTOR, f"{fd.WIDGET}.flow-enhanced")
    assert not browser_without_js.find_elements(By.CSS_SELECTOR, f"{fd.WIDGET} form, {fd.WIDGET} input")


def test_every_path_through_the_static_pages(browser_without_js, base_url, flow_spec, flow_path):
    browser = browser_without_js
    entry = fd.static_url([])
    answers = flow_path["answers"]
    browser.get(base_url + entry)
    for count, (question_id, option_id) in enumerate(answers):
        question = fd.question(flow_spec, question_id)
        assert browser.current_url == base_url + fd.static_url(answers[:count])
        assert h1(browser) == question["prompt"]
        assert robots(browser) == ["noindex"], f"{browser.current_url}: a question page is not for search engines"
        assert option_links(browser, "main") == expected_links(flow_spec, question_id, answers[:count])
        assert answers_list(browser) == expected_answers(flow_spec, answers[:count])
        restart = browser.find_elements(By.CSS_SELECTOR, "main .flow-restart a")
        if count:
            assert [a.get_dom_attribute("href") for a in restart] == [entry]
        follow(browser, fd.option(flow_spec, question_id, option_id)["label"],
               fd.heading_after(flow_spec, flow_path, count + 1))

    expected = fd.outcome(flow_spec, flow_path["outcome"])
    assert browser.current_url == base_url + fd.static_url(answers)
    assert h1(browser) == fd.outcome_heading(flow_spec, flow_path["outcome"])
    assert answers_list(browser) == expected_answers(flow_spec, answers), "the outcome lists every answer"
    assert browser.title.startswith(expected["title"] + fd.SEPARATOR)
    guide = browser.find_elements(By.CSS_SELECTOR, "main .flow-outcome a")
    assert [(a.get_dom_attribute("href"), a.text) for a in guide] == \
        [(expected["guide"]["url"], "Read the guide: " + expected["guide"]["title"])]
    assert [a.get_dom_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main .flow-restart a")] \
        == [entry]
    fd.click(browser, guide[0])
    fd.check_guide_target(browser, expected["guide"]["url"])
    assert h1(browser) == expected["guide"]["title"]


@pytest.mark.every_flow
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


@pytest.mark.every_flow
def test_each_outcome_is_indexable_once_at_its_shortest_path(browser_without_js, base_url, flow_spec, flow_paths):
    shortest = {}
    for path in flow_paths:
        if len(path["answers"]) < len(shortest.get(path["outcome"], path["answers"] + [None])):
            shortest[path["outcome"]] = path["answers"]
    for path in flow_paths:
        browser_without_js.get(base_url + fd.static_url(path["answers"]))
        indexable = shortest[path["outcome"]] == path["answers"]
        assert robots(browser_without_js) == ([] if indexable else ["noindex"]), browser_without_js.current_url


def test_every_change_link_leads_back_to_its_question(browser_without_js, base_url, flow_spec, flow_path):
    """From the outcome, each Change link opens the question it names, with the answers before
    it still listed; choosing the same answer again carries on along the same path."""
    browser = browser_without_js
    answers = flow_path["answers"]
    for index, (question_id, option_id) in enumerate(answers):
        browser.get(base_url + fd.static_url(answers))
        change = browser.find_elements(By.CSS_SELECTOR, "main .flow-answers-change a")[index]
        fd.click(browser, change)
        fd.wait(browser, lambda b, i=index: b.current_url == base_url + fd.static_url(answers[:i]),
                f"Change {question_id} should open its question, at {browser.current_url}")
        assert h1(browser) == fd.question(flow_spec, question_id)["prompt"]
        assert answers_list(browser) == expected_answers(flow_spec, answers[:index])
        follow(browser, fd.option(flow_spec, question_id, option_id)["label"],
               fd.heading_after(flow_spec, flow_path, index + 1))
