"""Every path of the flow checker with the mouse, on every page that embeds it; Back, Change
and Start again."""
import json

from selenium.webdriver.common.by import By

import flowdriver as fd


def click_option(browser, question_id, option_id):
    radio = fd.radio(browser, option_id)
    fd.click(browser, browser.find_element(By.CSS_SELECTOR, f'{fd.WIDGET} label[for="{radio.get_attribute("id")}"]'))
    assert radio.is_selected(), f"clicking the label of {question_id}={option_id} should choose it"


def click_button(browser, text):
    buttons = [b for b in browser.find_elements(By.CSS_SELECTOR, f"{fd.WIDGET} button") if b.text == text]
    assert len(buttons) == 1, f"expected one {text!r} button"
    fd.click(browser, buttons[0])


def click_link(browser, text):
    links = [a for a in browser.find_elements(By.CSS_SELECTOR, f"{fd.WIDGET} a") if a.text == text]
    assert len(links) == 1, f"expected one {text!r} link"
    fd.click(browser, links[0])


def answer(browser, spec, path, count, base_title=None):
    """Answers the next question of `path` (the one at `count`) by mouse and waits for the step after."""
    question_id, option_id = path["answers"][count]
    click_option(browser, question_id, option_id)
    click_button(browser, "Continue")
    expected = fd.heading_after(spec, path, count + 1)
    fd.wait_for_step(browser, expected, focused=True)
    assert fd.flow_answers_in(browser.current_url, spec) == path["answers"][:count + 1]
    if base_title is not None:
        assert browser.title == expected + fd.SEPARATOR + base_title


def test_page_embeds_the_spec_swift_prints(browser, base_url, site_dir, flow_spec):
    for page in fd.widget_pages(site_dir):
        browser.get(base_url + page)
        embedded = browser.find_element(By.CSS_SELECTOR, f"{fd.WIDGET} script.flow-spec").get_attribute("textContent")
        assert json.loads(embedded) == flow_spec, page


def test_every_path_by_mouse(browser, base_url, site_dir, flow_spec, flow_path):
    pages = fd.widget_pages(site_dir)
    assert "/" in pages and len(pages) >= 2, f"the widget should be on the home page and a guide: {pages}"
    for page in pages:
        fd.open_widget(browser, base_url + page)
        base_title = fd.static_title(site_dir, page)
        for count in range(len(flow_path["answers"])):
            answer(browser, flow_spec, flow_path, count, base_title)
        fd.check_outcome(browser, base_url, flow_spec, flow_path, base_title)
        assert fd.answers_summary(browser) == fd.expected_summary(flow_spec, flow_path["answers"])

    guide_url = fd.outcome(flow_spec, flow_path["outcome"])["guide"]["url"]
    fd.click(browser, browser.find_element(By.CSS_SELECTOR, f"{fd.WIDGET} .flow-outcome-guide a"))
    fd.check_guide_target(browser, guide_url)


def test_back_returns_to_the_previous_question_with_its_answer(browser, base_url, flow_spec, flow_paths):
    path = fd.longest_path(flow_paths)
    fd.open_widget(browser, base_url + "/")
    for count in range(len(path["answers"])):
        answer(browser, flow_spec, path, count)
    # On the outcome there is no Back button (Change and Start again take its place) ...
    assert not [b for b in browser.find_elements(By.CSS_SELECTOR, f"{fd.WIDGET} button") if b.text == "Back"]
    # ... so step back with the browser once, then with the widget's Back button to the start.
    browser.back()
    for count in range(len(path["answers"]) - 1, -1, -1):
        question_id, option_id = path["answers"][count]
        fd.wait_for_step(browser, fd.question(flow_spec, question_id)["prompt"], focused=True)
        assert fd.checked_radios(browser) == [option_id], "the answer given before should be preselected"
        assert fd.flow_answers_in(browser.current_url, flow_spec) == path["answers"][:count]
        if count:
            click_button(browser, "Back")
    assert not [b for b in browser.find_elements(By.CSS_SELECTOR, f"{fd.WIDGET} button") if b.text == "Back"], \
        "the first question has no Back button"


def test_back_button_of_a_shared_link(browser, base_url, flow_spec, flow_paths):
    """Opened from a link halfway through, Back still goes one question back (a new entry)."""
    path = fd.longest_path(flow_paths)
    last = len(path["answers"]) - 1
    fd.open_widget(browser, base_url + "/" + fd.query(path["answers"][:last]))
    fd.wait_for_step(browser, fd.question(flow_spec, path["answers"][last][0])["prompt"], focused=False)
    click_button(browser, "Back")
    question_id, option_id = path["answers"][last - 1]
    fd.wait_for_step(browser, fd.question(flow_spec, question_id)["prompt"], focused=True)
    assert fd.checked_radios(browser) == [option_id]
    assert fd.flow_answers_in(browser.current_url, flow_spec) == path["answers"][:last - 1]


def test_change_returns_to_that_question_with_its_answer(browser, base_url, flow_spec, flow_path):
    path = flow_path
    for index, (question_id, option_id) in enumerate(path["answers"]):
        fd.open_widget(browser, base_url + "/" + fd.query(path["answers"]))
        fd.wait_for_step(browser, fd.outcome_heading(flow_spec, path["outcome"]), focused=False)
        changes = browser.find_elements(By.CSS_SELECTOR, f"{fd.WIDGET} .flow-answers-change a")
        assert len(changes) == len(path["answers"])
        link = changes[index]
        assert link.text.startswith("Change")
        assert link.get_attribute("textContent") == \
            "Change your answer to: " + fd.question(flow_spec, question_id)["prompt"]
        fd.click(browser, link)
        fd.wait_for_step(browser, fd.question(flow_spec, question_id)["prompt"], focused=True)
        assert fd.checked_radios(browser) == [option_id], "Change should preselect the old answer"
        assert fd.flow_answers_in(browser.current_url, flow_spec) == path["answers"][:index]
        assert fd.answers_summary(browser) == fd.expected_summary(flow_spec, path["answers"][:index])
        # Continuing with the same answer goes on along the same path.
        click_button(browser, "Continue")
        fd.wait_for_step(browser, fd.heading_after(flow_spec, path, index + 1), focused=True)


def test_start_again(browser, base_url, site_dir, flow_spec, flow_paths):
    path = fd.longest_path(flow_paths)
    start = fd.question(flow_spec, flow_spec["start"])["prompt"]
    base_title = fd.static_title(site_dir, "/")
    # From a question in the middle, and from the outcome.
    for answered in (1, len(path["answers"])):
        fd.open_widget(browser, base_url + "/?utm_source=mail")
        for count in range(answered):
            answer(browser, flow_spec, path, count)
        click_link(browser, "Start again")
        fd.wait_for_step(browser, start, focused=True)
        assert fd.flow_answers_in(browser.current_url, flow_spec) == []
        assert fd.flow_answers_in(browser.current_url) == [["utm_source", "mail"]], \
            "parameters that are not the flow's stay"
        assert fd.checked_radios(browser) == []
        assert fd.answers_summary(browser) == []
        assert browser.title == start + fd.SEPARATOR + base_title
