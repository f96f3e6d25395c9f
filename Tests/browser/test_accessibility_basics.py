"""A few accessibility basics on every built page, and on the flow widget."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import flowdriver as fd


def built_pages(site_dir):
    return sorted(fd.url_of(site_dir, page) for page in site_dir.rglob("index.html")) + ["/no/such/page/"]


def page_problems(browser):
    facts = browser.execute_script("""
        const skip = document.querySelector('a.skip-link');
        const target = skip && skip.getAttribute('href').startsWith('#')
          ? document.getElementById(skip.getAttribute('href').slice(1)) : null;
        return {
          h1: document.querySelectorAll('h1').length,
          lang: document.documentElement.getAttribute('lang'),
          skipHref: skip ? skip.getAttribute('href') : null,
          skipFirst: !!skip && document.body.querySelector('a[href], button, input, select, textarea, [tabindex]') === skip,
          targetIsMain: !!target && target.tagName === 'MAIN',
          mains: document.querySelectorAll('main').length,
        };""")
    problems = []
    if facts["h1"] != 1:
        problems.append(f"{facts['h1']} h1 elements")
    if not facts["lang"]:
        problems.append("no lang on <html>")
    if facts["skipHref"] != "#main" or not facts["skipFirst"]:
        problems.append(f"the first focusable element is no skip link to #main ({facts['skipHref']!r})")
    if not facts["targetIsMain"] or facts["mains"] != 1:
        problems.append("#main is not the page's one <main>")
    return problems


def test_every_page_has_one_h1_a_language_and_a_skip_link(browser, base_url, site_dir):
    found = {}
    for page in built_pages(site_dir):
        browser.get(base_url + page)
        if problems := page_problems(browser):
            found[page] = problems
    assert found == {}


def test_skip_link_is_the_first_tab_stop_and_moves_to_main(browser, base_url):
    browser.get(base_url + "/")
    fd.press(browser, Keys.TAB)
    skip = fd.active(browser)
    assert skip.get_attribute("class") == "skip-link" and skip.is_displayed(), "the skip link shows when focused"
    fd.press(browser, Keys.ENTER)
    fd.wait(browser, lambda b: b.current_url.endswith("/#main"), "Enter on the skip link should go to #main")
    # The next Tab stop is inside <main>, not back in the header.
    fd.press(browser, Keys.TAB)
    assert browser.execute_script("return !!document.activeElement.closest('main')")


def test_every_question_of_the_widget_has_labelled_radios(browser, base_url, flow_spec, flow_paths):
    # Reach each question by the first path that passes it.
    prefixes = {}
    for path in flow_paths:
        for count, (question_id, _) in enumerate(path["answers"]):
            prefixes.setdefault(question_id, path["answers"][:count])
    assert set(prefixes) == fd.question_ids(flow_spec), "every question should lie on some path"

    for question_id, answers in prefixes.items():
        question = fd.question(flow_spec, question_id)
        fd.open_widget(browser, base_url + "/" + fd.query(answers))
        fd.wait_for_step(browser, question["prompt"], focused=False)
        fieldset = browser.find_element(By.CSS_SELECTOR, f"{fd.WIDGET} fieldset")
        assert fieldset.find_element(By.TAG_NAME, "legend").text == question["prompt"]
        radios = fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]")
        assert [r.get_attribute("value") for r in radios] == [o["id"] for o in question["options"]]
        assert len({r.get_attribute("name") for r in radios}) == 1, "one radio group per question"
        for radio, option in zip(radios, question["options"]):
            labels = browser.find_elements(By.CSS_SELECTOR, f'label[for="{radio.get_attribute("id")}"]')
            assert [label.text for label in labels] == [option["label"]], f"{question_id}={option['id']}"
            assert radio.accessible_name == option["label"]
        if question.get("hint"):
            hint_ids = fieldset.get_attribute("aria-describedby").split()
            assert [browser.find_element(By.ID, i).text for i in hint_ids] == [question["hint"]]


@pytest.mark.every_flow
def test_an_outcome_is_announced_once_by_the_focus(browser, base_url, site_dir, flow_spec, flow_paths):
    """Focus on the new heading is what a screen reader announces; a live region saying the same
    would read it twice."""
    path = fd.longest_path(flow_paths)
    for page in fd.widget_pages(site_dir):
        fd.open_widget(browser, base_url + page + fd.query(path["answers"][:-1]))
        assert not browser.find_elements(By.CSS_SELECTOR, f"{fd.WIDGET} [aria-live], {fd.WIDGET} [role=status]"), page
        question_id, option_id = path["answers"][-1]
        fd.click(browser, browser.find_element(
            By.CSS_SELECTOR, f'{fd.WIDGET} label[for="{fd.radio(browser, option_id).get_attribute("id")}"]'))
        fd.click(browser, fd.continue_button(browser))
        fd.wait_for_step(browser, fd.outcome_heading(flow_spec, path["outcome"]), focused=True)
        assert not browser.find_elements(By.CSS_SELECTOR, f"{fd.WIDGET} [aria-live], {fd.WIDGET} [role=status]"), page
