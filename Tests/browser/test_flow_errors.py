"""Continue with nothing chosen: the error summary, the message, the title, and recovery."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import flowdriver as fd

MESSAGE = "Select an answer"


def error_state(browser):
    """What the page shows of an error, read in one go."""
    return browser.execute_script("""
        const widget = document.querySelector(arguments[0]);
        const summary = widget.querySelectorAll('.error-summary');
        const message = widget.querySelector('.error-message');
        const fieldset = widget.querySelector('fieldset');
        return {
          summaries: summary.length,
          summaryFocused: summary.length === 1 && document.activeElement === summary[0],
          role: summary.length ? summary[0].getAttribute('role') : null,
          links: summary.length ? Array.from(summary[0].querySelectorAll('a'), (a) => a.textContent) : [],
          message: message ? message.textContent : null,
          messageID: message ? message.id : null,
          describedBy: (fieldset.getAttribute('aria-describedby') || '').split(' ').filter(Boolean),
          groupError: !!widget.querySelector('.form-group-error'),
        };""", fd.WIDGET)


def assert_error_shown(browser, prompt, base_title, url, length):
    fd.wait(browser, lambda b: error_state(b)["summaries"] == 1, "Continue without an answer shows no error summary")
    state = error_state(browser)
    assert state["summaryFocused"], "the error summary should take the focus"
    assert state["role"] == "alert"
    assert state["links"] == [MESSAGE]
    assert state["message"] is not None and state["message"].strip() == "Error: " + MESSAGE
    assert state["messageID"] in state["describedBy"], "the fieldset should be described by its error"
    assert state["groupError"]
    assert browser.title.startswith("Error: ")
    assert browser.title == "Error: " + prompt + fd.SEPARATOR + base_title
    assert fd.heading_text(browser) == prompt, "the error keeps the reader on the same question"
    assert browser.current_url == url, "an error moves nowhere"
    assert browser.execute_script("return history.length") == length, "an error adds no history entry"


def assert_error_cleared(browser, base_title):
    state = error_state(browser)
    assert state["summaries"] == 0 and state["message"] is None and not state["groupError"]
    assert not browser.title.startswith("Error: ")
    assert browser.title == fd.heading_text(browser) + fd.SEPARATOR + base_title


def test_continue_without_an_answer(browser, base_url, site_dir, flow_spec, flow_paths):
    path = flow_paths[0]
    base_title = fd.static_title(site_dir, "/")
    fd.open_widget(browser, base_url + "/")
    url, length = browser.current_url, browser.execute_script("return history.length")
    start = fd.question(flow_spec, flow_spec["start"])

    fd.click(browser, fd.continue_button(browser))
    assert_error_shown(browser, start["prompt"], base_title, url, length)
    # Continue again: still one summary, not two.
    fd.click(browser, fd.continue_button(browser))
    assert_error_shown(browser, start["prompt"], base_title, url, length)

    # The summary's link puts the focus on the first radio, without a fragment in the address.
    fd.click(browser, browser.find_element(By.CSS_SELECTOR, f"{fd.WIDGET} .error-summary a"))
    first = fd.radio(browser, start["options"][0]["id"])
    fd.wait(browser, lambda b: fd.active(b) == first, "the summary's link should focus the first radio")
    assert browser.current_url == url

    option_id = path["answers"][0][1]
    fd.click(browser, browser.find_element(By.CSS_SELECTOR,
                                           f'{fd.WIDGET} label[for="{fd.radio(browser, option_id).get_attribute("id")}"]'))
    fd.click(browser, fd.continue_button(browser))
    fd.wait_for_step(browser, fd.heading_after(flow_spec, path, 1), focused=True)
    assert_error_cleared(browser, base_title)


def test_error_on_a_later_question_by_keyboard(browser, base_url, site_dir, flow_spec, flow_paths):
    path = fd.longest_path(flow_paths)
    base_title = fd.static_title(site_dir, "/")
    fd.open_widget(browser, base_url + "/" + fd.query(path["answers"][:1]))
    question_id, option_id = path["answers"][1]
    prompt = fd.question(flow_spec, question_id)["prompt"]
    fd.wait_for_step(browser, prompt, focused=False)
    url, length = browser.current_url, browser.execute_script("return history.length")

    fd.continue_button(browser).send_keys(Keys.ENTER)
    assert_error_shown(browser, prompt, base_title, url, length)

    # From the focused summary: Tab to its link, Enter moves to the first radio.
    fd.press(browser, Keys.TAB)
    assert fd.active(browser).text == MESSAGE
    fd.press(browser, Keys.ENTER)
    first = fd.radio(browser, fd.question(flow_spec, question_id)["options"][0]["id"])
    fd.wait(browser, lambda b: fd.active(b) == first, "the summary's link should focus the first radio")
    assert browser.current_url == url

    index = fd.option_index(flow_spec, question_id, option_id)
    fd.press(browser, *([Keys.ARROW_DOWN] * index) if index else [Keys.SPACE])
    assert fd.checked_radios(browser) == [option_id]
    # Still on the error until the reader continues.
    assert error_state(browser)["summaries"] == 1
    fd.press(browser, Keys.TAB)
    fd.press(browser, Keys.ENTER)
    fd.wait_for_step(browser, fd.heading_after(flow_spec, path, 2), focused=True)
    assert_error_cleared(browser, base_title)
    assert fd.flow_answers_in(browser.current_url, flow_spec) == path["answers"][:2]
