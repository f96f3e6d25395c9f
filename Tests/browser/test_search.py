"""Instant search in Chromium, under the strict CSP: the combobox in the header, its keyboard,
the lazily fetched index, the /search/ page with and without JavaScript."""
import re
import urllib.parse

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

INDEX = re.compile(r"/search/index\.json$")
SHARD = re.compile(r"/search/shards/[tpf]-[0-9a-f]{10}(-\d+)?\.json$")  # f-<hash of all fragments>-<n>


def wait(driver, condition, timeout=5):
    return WebDriverWait(driver, timeout).until(condition)


def box(driver):
    return driver.find_element(By.ID, "search-input")


def load(driver, url):
    """Opens a page and waits for search.js to have enhanced the header's search box."""
    driver.get(url)
    wait(driver, lambda d: box(d).get_attribute("role") == "combobox")


def requests(driver, pattern):
    names = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    return [name for name in names if pattern.search(urllib.parse.urlparse(name).path)]


def index_requests(driver):
    return requests(driver, INDEX)


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
    assert requests(browser, SHARD) == [], "the manifest alone until a query"
    box(browser).send_keys("authenticator")
    wait(browser, lambda d: box(d).get_attribute("aria-expanded") == "true")
    shards = [urllib.parse.urlparse(name).path.rsplit("/", 1)[1] for name in requests(browser, SHARD)]
    assert any(name.startswith("t-") for name in shards) and any(name.startswith("f-") for name in shards), shards
    assert len(shards) == len(set(shards)), "each shard is fetched once"
    assert len(index_requests(browser)) == 1
    assert console_errors() == []


def test_a_match_deep_in_a_section_shows_a_snippet_around_it(browser, base_url, console_errors):
    # "roaming" is far into the section's text: the snippet skips its start to show it.
    type_query(browser, base_url, "roaming")
    first = options(browser)[0]
    assert "/guides/text-code-missing/#" in first.get_attribute("href")
    snippet = first.find_element(By.CLASS_NAME, "search-option-snippet")
    assert snippet.text.startswith("…"), snippet.text
    assert [mark.text.lower() for mark in snippet.find_elements(By.TAG_NAME, "mark")] == ["roaming"]
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


def test_without_javascript_the_form_lands_on_the_categories_and_the_faq(browser_without_js, base_url, site_dir):
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
    # Each top category with its guide count, linking to its page; the FAQ; no list of every guide.
    cards = driver.find_elements(By.CSS_SELECTOR, ".search-all .card")
    categories = {urllib.parse.urlparse(card.find_element(By.CSS_SELECTOR, ".card-title a").get_attribute("href")).path:
                  card.find_element(By.CLASS_NAME, "card-count").text for card in cards}
    tops = {f"/categories/{p.name}/" for p in (site_dir / "categories").iterdir() if (p / "index.html").exists()}
    assert set(categories) == tops
    guides = [p for p in (site_dir / "guides").iterdir() if (p / "index.html").exists()]
    counts = [int(re.fullmatch(r"(\d+) guides?", text).group(1)) for text in categories.values()]
    assert sum(counts) <= len(guides) and all(count > 0 for count in counts)
    faq = driver.find_element(By.CSS_SELECTOR, ".search-all h3 a[href$='/faq/']")
    assert faq.is_displayed()
    assert driver.find_elements(By.CSS_SELECTOR, ".search-all a.guide-item-title[href*='/faq/#']") == []
    for category in sorted(categories)[:1]:
        driver.get(base_url + category)
        assert driver.find_elements(By.CSS_SELECTOR, "a.guide-item-title"), "the category page lists its guides"
