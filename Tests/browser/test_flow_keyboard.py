"""Every path of the flow checker on the home page, with the keyboard alone."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import flowdriver as fd

MAX_TABS = 80  # bound on Tab presses from the top of the page to the widget


def tab_into_widget(browser):
    """Tabs from the top of the page until a radio of the widget has the focus."""
    for _ in range(MAX_TABS):
        fd.press(browser, Keys.TAB)
        if browser.execute_script(
                "const a = document.activeElement;"
                "return a.matches('input[type=radio]') && !!a.closest(arguments[0]);", fd.WIDGET):
            return fd.active(browser)
    raise AssertionError(f"{MAX_TABS} Tab presses never reached the widget's radios")


def choose_with_keys(browser, spec, question_id, option_id):
    """With the focus on the first radio of the group, picks `option_id`: Space for the first
    option, arrow keys for the others. Then Tab to Continue, Shift+Tab back, Tab again."""
    first = fd.question(spec, question_id)["options"][0]["id"]
    assert fd.active(browser).get_attribute("value") == first, "Tab should enter the group on its first radio"
    index = fd.option_index(spec, question_id, option_id)
    if index == 0:
        fd.press(browser, Keys.SPACE)
    else:
        fd.press(browser, *([Keys.ARROW_DOWN] * index))
    chosen = fd.active(browser)
    assert chosen.get_attribute("value") == option_id and chosen.is_selected()
    assert fd.checked_radios(browser) == [option_id]

    fd.press(browser, Keys.TAB)
    assert fd.active(browser) == fd.continue_button(browser), "Tab from the radios should reach Continue"
    fd.shift_tab(browser)
    assert fd.active(browser) == chosen, "Shift+Tab from Continue should return to the chosen radio"
    fd.press(browser, Keys.TAB)
    assert fd.active(browser).text == "Continue"


def test_every_path_by_keyboard(browser, base_url, site_dir, flow_spec, flow_path):
    fd.open_widget(browser, base_url + "/")
    base_title = fd.static_title(site_dir, "/")
    assert fd.heading_text(browser) == fd.question(flow_spec, flow_spec["start"])["prompt"]
    tab_into_widget(browser)

    answers = flow_path["answers"]
    for count, (question_id, option_id) in enumerate(answers):
        if count:
            # Focus is on the step's heading: Tab enters the radio group.
            fd.press(browser, Keys.TAB)
        choose_with_keys(browser, flow_spec, question_id, option_id)
        fd.press(browser, Keys.ENTER)

        expected = fd.heading_after(flow_spec, flow_path, count + 1)
        fd.wait_for_step(browser, expected, focused=True)
        assert fd.flow_answers_in(browser.current_url, flow_spec) == answers[:count + 1]
        assert browser.title == expected + fd.SEPARATOR + base_title
        assert fd.checked_radios(browser) == [], "a new question starts with nothing chosen"

    link = fd.check_outcome(browser, base_url, flow_spec, flow_path, base_title)
    assert fd.answers_summary(browser) == fd.expected_summary(flow_spec, answers)

    # From the focused outcome heading, Tab reaches the guide link and Enter follows it.
    fd.press(browser, Keys.TAB)
    assert fd.active(browser) == link
    guide_url = fd.outcome(flow_spec, flow_path["outcome"])["guide"]["url"]
    fd.press(browser, Keys.ENTER)
    fd.check_guide_target(browser, guide_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == \
        fd.outcome(flow_spec, flow_path["outcome"])["guide"]["title"]
