"""The flow checker and the browser's history: Back, Forward, reload, shared and stale links."""
from selenium.webdriver.common.by import By

import pytest

import flowdriver as fd


def answer(browser, spec, path, count):
    question_id, option_id = path["answers"][count]
    radio = fd.radio(browser, option_id)
    fd.click(browser, browser.find_element(By.CSS_SELECTOR, f'{fd.WIDGET} label[for="{radio.get_attribute("id")}"]'))
    fd.click(browser, fd.continue_button(browser))
    fd.wait_for_step(browser, fd.heading_after(spec, path, count + 1), focused=True)


def history_length(browser):
    return browser.execute_script("return history.length")


def test_back_and_forward_buttons_step_one_question(browser, base_url, flow_spec, flow_paths):
    path = fd.longest_path(flow_paths)
    answers = path["answers"]
    fd.open_widget(browser, base_url + "/")
    for count in range(len(answers)):
        answer(browser, flow_spec, path, count)

    # Back: one question at a time, each with the answer given there chosen again.
    for count in range(len(answers) - 1, -1, -1):
        browser.back()
        question_id, option_id = answers[count]
        fd.wait_for_step(browser, fd.question(flow_spec, question_id)["prompt"], focused=True)
        assert fd.flow_answers_in(browser.current_url, flow_spec) == answers[:count]
        assert fd.checked_radios(browser) == [option_id]
        assert fd.answers_summary(browser) == fd.expected_summary(flow_spec, answers[:count])

    # Forward re-applies the answers, one at a time, up to the outcome.
    for count in range(1, len(answers) + 1):
        browser.forward()
        fd.wait_for_step(browser, fd.heading_after(flow_spec, path, count), focused=True)
        assert fd.flow_answers_in(browser.current_url, flow_spec) == answers[:count]
        assert fd.answers_summary(browser) == fd.expected_summary(flow_spec, answers[:count])
    fd.check_outcome(browser, base_url, flow_spec, path, None)


def test_reload_restores_the_step_from_the_url(browser, base_url, site_dir, flow_spec, flow_paths):
    path = fd.longest_path(flow_paths)
    answers = path["answers"]
    base_title = fd.static_title(site_dir, "/")
    fd.open_widget(browser, base_url + "/")
    for count in range(len(answers)):
        answer(browser, flow_spec, path, count)
        url = browser.current_url
        browser.refresh()
        expected = fd.heading_after(flow_spec, path, count + 1)
        # A page load shows the step but leaves the focus where the browser puts it.
        fd.wait_for_step(browser, expected, focused=False)
        assert browser.current_url == url
        assert browser.title == expected + fd.SEPARATOR + base_title
        assert fd.answers_summary(browser) == fd.expected_summary(flow_spec, answers[:count + 1])
    fd.check_outcome(browser, base_url, flow_spec, path, base_title)


def test_shared_url_opens_on_the_outcome(browser, base_url, site_dir, flow_spec, flow_path):
    url = base_url + "/" + fd.query(flow_path["answers"])
    fd.open_widget(browser, url)
    title = fd.outcome_heading(flow_spec, flow_path["outcome"])
    fd.wait_for_step(browser, title, focused=False)
    assert browser.switch_to.active_element.tag_name == "body", "opening a link should not move the focus"
    assert browser.current_url == url, "a clean link stays as it is"
    fd.check_outcome(browser, base_url, flow_spec, flow_path, fd.static_title(site_dir, "/"))
    assert fd.answers_summary(browser) == fd.expected_summary(flow_spec, flow_path["answers"])


def notice(browser):
    return [p.text for p in browser.find_elements(By.CSS_SELECTOR, f"{fd.WIDGET} .flow-notice")]


def stale_case(spec):
    """From the spec: the start question answered with an option that leads to another question
    (the last such option), plus an answer to a question that is not on that branch yet. For
    occupied-contact this is `?occupied-contact.contact=email&occupied-contact.sms=yes`."""
    start = fd.question(spec, spec["start"])
    questions = {q["id"] for q in spec["questions"]}
    option = [o for o in start["options"] if o["next"] in questions][-1]
    stale = next(q for q in spec["questions"] if q["id"] not in (start["id"], option["next"]))
    answers = [[start["id"], option["id"]], [stale["id"], stale["options"][0]["id"]]]
    return answers, option["next"]


@pytest.mark.every_flow
def test_a_stale_shared_link_says_so_and_drops_what_no_longer_fits(browser, base_url, flow_spec):
    answers, resume_at = stale_case(flow_spec)
    fd.open_widget(browser, base_url + "/" + fd.query(answers + [["removed-question", "1"]]) + "&bogus=1")
    length = history_length(browser)
    fd.wait_for_step(browser, fd.question(flow_spec, resume_at)["prompt"], focused=False)
    assert notice(browser) == [fd.STALE], "the reader is told, in one line"
    # The stale answers leave the address (replaced, not pushed); the answer that still applies
    # stays, and so does the parameter that is not the flow's (flow.js leaves other parameters,
    # such as tracking ones or another flow's, to their owners).
    assert fd.flow_answers_in(browser.current_url, flow_spec) == answers[:1]
    assert fd.flow_answers_in(browser.current_url) == [["bogus", "1"], [f"{fd.FLOW}.{answers[0][0]}", answers[0][1]]]
    assert history_length(browser) == length
    assert fd.answers_summary(browser) == fd.expected_summary(flow_spec, answers[:1])
    assert fd.checked_radios(browser) == []
    # Once the reader moves on, the notice has done its job.
    question = fd.question(flow_spec, resume_at)
    fd.click(browser, browser.find_element(
        By.CSS_SELECTOR, f'{fd.WIDGET} label[for="{fd.radio(browser, question["options"][0]["id"]).get_attribute("id")}"]'))
    fd.click(browser, fd.continue_button(browser))
    fd.wait(browser, lambda b: fd.heading_text(b) != question["prompt"], "Continue did not move on")
    assert notice(browser) == []


def test_a_clean_link_and_one_in_the_old_format_say_nothing(browser, base_url, flow_spec, flow_paths):
    path = fd.longest_path(flow_paths)
    fd.open_widget(browser, base_url + "/" + fd.query(path["answers"]))
    fd.wait_for_step(browser, fd.heading_after(flow_spec, path, len(path["answers"])), focused=False)
    assert notice(browser) == []
    # `?contact=phone` (before answers had a namespace) belongs to no flow: left alone, unread.
    start = fd.question(flow_spec, flow_spec["start"])
    fd.open_widget(browser, f"{base_url}/?{start['id']}={start['options'][0]['id']}")
    fd.wait_for_step(browser, start["prompt"], focused=False)
    assert notice(browser) == []
    assert fd.flow_answers_in(browser.current_url) == [[start["id"], start["options"][0]["id"]]]


def test_an_answer_that_is_no_option_is_dropped(browser, base_url, flow_spec):
    start = fd.question(flow_spec, flow_spec["start"])
    ids = {o["id"] for o in start["options"]}
    unknown = next(name for name in ("not-an-option", "x", "y") if name not in ids)
    fd.open_widget(browser, base_url + "/" + fd.query([[start["id"], unknown]]))
    fd.wait_for_step(browser, start["prompt"], focused=False)
    assert browser.current_url == base_url + "/"
    assert fd.checked_radios(browser) == []
