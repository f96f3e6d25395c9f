"""Instant search in Chromium, under the strict CSP: the combobox in the header, its keyboard,
the lazily fetched index, the /search/ page with and without JavaScript."""
import re
import urllib.parse

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

INDEX = re.compile(r"/search/index\.json$")


def wait(driver, condition, timeout=5):
    return WebDriverWait(driver, timeout).until(condition)


def box(driver):
    return driver.find_element(By.ID, "search-input")


def load(driver, url):
    """Opens a page and waits for search.js to have enhanced the header's search box."""
    driver.get(url)
    wait(driver, lambda d: box(d).get_attribute("role") == "combobox")


def index_requests(driver):
    names = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    return [name for name in names if INDEX.search(urllib.parse.urlparse(name).path)]


def options(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#search-listbox [role=option]")


def type_query(driver, base_url, query, page="/"):
    load(driver, base_url + page)
    field = box(driver)
    field.click()
    field.send_keys(query)
    wait(driver, lambda d: box(d).get_attribute("aria-expanded") == "true")
    return field


def test_the_index_is_fetched_only_when_the_box_is_focused(browser, base_url, console_errors):
    load(browser, base_url + "/guides/why-occupied/")
    assert index_requests(browser) == []
    box(browser).click()
    wait(browser, lambda d: len(index_requests(d)) == 1)
    assert console_errors() == []


def test_typing_shows_results_with_the_best_first(browser, base_url, console_errors):
    field = type_query(browser, base_url, "authenticator")
    first = options(browser)[0]
    assert first.find_element(By.CLASS_NAME, "search-option-title").text == "Use an authenticator app"
    title = first.find_element(By.CLASS_NAME, "search-option-title")
    assert [mark.text for mark in title.find_elements(By.TAG_NAME, "mark")] == ["authenticator"]
    # The snippet under it marks the word too, wherever it stands.
    assert {mark.text.lower() for mark in first.find_elements(By.TAG_NAME, "mark")} == {"authenticator"}
    assert first.tag_name == "a", "each option is the result's link"
    assert first.get_attribute("href").endswith("/guides/security-tips/#authenticator")
    assert field.get_attribute("aria-controls") == "search-listbox"
    assert browser.find_element(By.ID, "search-listbox").get_attribute("role") == "listbox"
    assert field.accessible_name == "Search the help center"
    status = browser.find_element(By.CSS_SELECTOR, ".search-form [role=status]")
    assert status.get_attribute("aria-live") == "polite"
    assert re.fullmatch(r"\d+ results?\.", status.get_attribute("textContent"))
    assert console_errors() == []


def test_arrow_keys_move_through_results_and_enter_opens_one(browser, base_url):
    field = type_query(browser, base_url, "migrate")
    assert field.get_attribute("aria-activedescendant") in (None, "")
    field.send_keys(Keys.ARROW_DOWN)
    assert field.get_attribute("aria-activedescendant") == "search-option-0"
    assert options(browser)[0].get_attribute("aria-selected") == "true"
    field.send_keys(Keys.ARROW_DOWN)
    assert field.get_attribute("aria-activedescendant") == "search-option-1"
    assert options(browser)[0].get_attribute("aria-selected") == "false"
    field.send_keys(Keys.ARROW_UP)
    assert field.get_attribute("aria-activedescendant") == "search-option-0"
    field.send_keys(Keys.ENTER)
    wait(browser, lambda d: d.current_url.endswith("/guides/email-migration/#steps"))


def test_clicking_a_result_opens_it(browser, base_url):
    type_query(browser, base_url, "phishing")
    options(browser)[0].click()
    wait(browser, lambda d: d.current_url.endswith("/guides/security-tips/#phishing"))


def test_escape_closes_the_results(browser, base_url):
    field = type_query(browser, base_url, "phone")
    field.send_keys(Keys.ESCAPE)
    assert field.get_attribute("aria-expanded") == "false"
    assert not browser.find_element(By.ID, "search-listbox").is_displayed()
    assert field.get_attribute("value") == "phone"
    assert browser.switch_to.active_element == field
    # Pressed again, with the results closed, Escape clears the box.
    field.send_keys(Keys.ESCAPE)
    assert field.get_attribute("value") == ""


def test_no_match_says_so(browser, base_url):
    load(browser, base_url + "/")
    field = box(browser)
    field.click()
    field.send_keys("zzzzqqq")
    empty = browser.find_element(By.CLASS_NAME, "search-empty")
    wait(browser, lambda d: empty.is_displayed())
    assert "No results" in empty.text
    assert field.get_attribute("aria-expanded") == "false"
    status = browser.find_element(By.CSS_SELECTOR, ".search-form [role=status]")
    assert status.get_attribute("textContent").startswith("No results")


def test_slash_focuses_the_search_box(browser, base_url):
    load(browser, base_url + "/faq/")
    ActionChains(browser).send_keys("/").perform()
    assert browser.switch_to.active_element == box(browser)
    assert box(browser).get_attribute("value") == ""
    # Typed inside a text field, a slash is just a character.
    box(browser).send_keys("a/b")
    assert box(browser).get_attribute("value") == "a/b"


def test_the_search_page_runs_the_query_from_the_address(browser, base_url, console_errors):
    browser.get(base_url + "/search/?q=occupied")
    results = browser.find_element(By.ID, "search-page-results")
    wait(browser, lambda d: results.is_displayed())
    links = results.find_elements(By.CSS_SELECTOR, ".search-page-list a")
    assert links[0].get_attribute("href").endswith("/guides/why-occupied/")
    assert browser.find_element(By.ID, "search-page-input").get_attribute("value") == "occupied"
    assert not browser.find_element(By.CLASS_NAME, "search-nojs").is_displayed()
    assert console_errors() == []


def test_without_javascript_the_form_lands_on_the_full_list(browser_without_js, base_url, site_dir):
    driver = browser_without_js
    driver.get(base_url + "/guides/why-occupied/")
    field = driver.find_element(By.ID, "search-input")
    assert field.get_attribute("role") is None
    field.send_keys("migrate")
    field.send_keys(Keys.ENTER)
    wait(driver, lambda d: urllib.parse.urlparse(d.current_url).path == "/search/")
    assert urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query) == {"q": ["migrate"]}
    note = driver.find_element(By.CLASS_NAME, "search-nojs")
    assert note.is_displayed() and "Instant search needs JavaScript" in note.text
    assert not driver.find_element(By.ID, "search-page-results").is_displayed()
    listed = {urllib.parse.urlparse(a.get_attribute("href")).path + ("#" + a.get_attribute("href").split("#")[1] if "#" in a.get_attribute("href") else "")
              for a in driver.find_elements(By.CSS_SELECTOR, ".search-all a.guide-item-title")}
    guides = {f"/guides/{p.name}/" for p in (site_dir / "guides").iterdir() if (p / "index.html").exists()}
    faq = (site_dir / "faq" / "index.html").read_text(encoding="utf-8")
    questions = {f"/faq/#{qid}" for qid in re.findall(r'<section class="faq-item">\s*<div class="faq-question">\s*<h2 id="([^"]+)"', faq)}
    assert guides and questions
    assert listed == guides | questions
