"""Two flows on one page whose questions share ids (`contact`, `other-method`): each keeps its
own answers under `<flow id>.<question id>` in the URL, so neither can answer for the other."""
from selenium.webdriver.common.by import By

import flowdriver as fd
from conftest import flow_cli

FIRST, SECOND = fd.FLOWS


def specs():
    return {flow: flow_cli(flow, "--spec") for flow in fd.FLOWS}


def test_the_home_page_has_both_flows_and_they_share_question_ids(browser, base_url):
    ids = [set(fd.question_ids(spec)) for spec in specs().values()]
    assert ids[0] & ids[1] >= {"contact", "other-method"}, "the test needs overlapping ids to mean anything"
    fd.open_widget(browser, base_url + "/")
    for flow in fd.FLOWS:
        fd.use(flow)
        fd.wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, f"{fd.WIDGET}.flow-enhanced"), f"{flow} not enhanced")


def answer_in(browser, spec, path, count):
    fd.use(spec["id"])
    question_id, option_id = path["answers"][count]
    radio = fd.radio(browser, option_id)
    fd.click(browser, browser.find_element(By.CSS_SELECTOR, f'{fd.WIDGET} label[for="{radio.get_attribute("id")}"]'))
    fd.click(browser, fd.continue_button(browser))
    fd.wait_for_step(browser, fd.heading_after(spec, path, count + 1), focused=True)


def shown(browser, flow):
    fd.use(flow)
    return fd.heading_text(browser), fd.answers_summary(browser)


def expected_state(spec, path, count):
    fd.use(spec["id"])
    return fd.heading_after(spec, path, count), fd.expected_summary(spec, path["answers"][:count])


def test_answering_one_flow_leaves_the_other_alone(browser, base_url):
    all_specs = specs()
    first, second = all_specs[FIRST], all_specs[SECOND]
    # Different answers to the shared first question `contact`, then each flow to its end.
    first_path = next(p for p in flow_cli(FIRST, "--paths", "--json") if p["answers"][0] == ["contact", "phone"]
                      and any(q == "other-method" for q, _ in p["answers"]))
    second_path = next(p for p in flow_cli(SECOND, "--paths", "--json") if p["answers"][0] == ["contact", "email"]
                       and any(q == "other-method" for q, _ in p["answers"]))
    fd.open_widget(browser, base_url + "/")
    longest = max(len(first_path["answers"]), len(second_path["answers"]))
    for count in range(longest):
        if count < len(first_path["answers"]):
            answer_in(browser, first, first_path, count)
        if count < len(second_path["answers"]):
            answer_in(browser, second, second_path, count)
        done = [min(count + 1, len(path["answers"])) for path in (first_path, second_path)]
        assert shown(browser, FIRST) == expected_state(first, first_path, done[0])
        assert shown(browser, SECOND) == expected_state(second, second_path, done[1])

    url = browser.current_url
    fd.use(FIRST)
    assert fd.flow_answers_in(url, first) == first_path["answers"]
    assert fd.flow_answers_in(url, second) == second_path["answers"]
    # The shared URL opens both flows where they were.
    browser.refresh()
    fd.use(FIRST)
    fd.wait_for_step(browser, fd.outcome_heading(first, first_path["outcome"]), focused=False)
    assert shown(browser, SECOND) == expected_state(second, second_path, len(second_path["answers"]))
    for flow in fd.FLOWS:
        fd.use(flow)
        assert not browser.find_elements(By.CSS_SELECTOR, f"{fd.WIDGET} .flow-notice")

    # Starting one again keeps the other's answers.
    fd.use(SECOND)
    fd.click(browser, browser.find_element(By.CSS_SELECTOR, f"{fd.WIDGET} a.flow-restart"))
    fd.wait_for_step(browser, fd.question(second, second["start"])["prompt"], focused=True)
    assert fd.flow_answers_in(browser.current_url, second) == []
    assert fd.flow_answers_in(browser.current_url, first) == first_path["answers"]
    assert shown(browser, FIRST) == expected_state(first, first_path, len(first_path["answers"]))
