"""What help-center readers expect of the pages themselves: a guide's last-updated date, a
header that fits a phone (a menu button with JavaScript, a link to every category without),
search results with their category and a snippet, and a site in its own colours and logo."""
import json
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import flowdriver as fd
from conftest import DARK_ACCENT, LIGHT_ACCENT, serve
from test_axe import axe_browser, describe, run_axe, set_scheme  # noqa: F401 (a fixture)


def guide_urls(site_dir):
    return [fd.url_of(site_dir, page) for page in sorted(site_dir.glob("guides/*/index.html"))]


def test_every_guide_shows_its_last_commit_date_everywhere_it_belongs(browser, base_url, site_dir):
    """The real content is in git, so each guide has a date: shown, in its Article, in the sitemap."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for url in guide_urls(site_dir):
        browser.get(base_url + url)
        time = browser.find_element(By.CSS_SELECTOR, ".page-header .guide-updated time")
        assert time.is_displayed(), url
        day = time.get_attribute("datetime")
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", day), url
        assert time.text and day[:4] in time.text, url
        scripts = [json.loads(script.get_attribute("textContent"))
                   for script in browser.find_elements(By.CSS_SELECTOR, 'script[type="application/ld+json"]')]
        article = next(script for script in scripts if script["@type"] == "Article")
        assert article["dateModified"] == day
        assert article["headline"] == browser.find_element(By.TAG_NAME, "h1").text
        assert f"{url}</loc><lastmod>{day}</lastmod>" in sitemap, url


# ---- The header on a phone ---------------------------------------------------------------

def at_width(driver, width, url):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    driver.get(url)
    fd.wait(driver, lambda d: d.execute_script("return document.readyState") == "complete", f"{url} never loaded")


@pytest.fixture
def reset_width(browser, browser_without_js):
    yield
    for driver in (browser, browser_without_js):
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def nav_parts(driver):
    nav = driver.find_element(By.CSS_SELECTOR, ".site-nav")
    return (nav.find_element(By.CSS_SELECTOR, ".site-nav-toggle"), nav.find_element(By.ID, "site-nav-list"),
            nav.find_element(By.CSS_SELECTOR, ".site-nav-all"))


def sideways(driver):
    return driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth")


def test_on_a_phone_the_categories_sit_behind_a_menu_button_that_works_by_keyboard(browser, base_url, reset_width, console_errors):
    at_width(browser, 390, base_url + "/guides/why-occupied/")
    button, items, _ = nav_parts(browser)
    fd.wait(browser, lambda d: button.is_displayed(), "no menu button at 390 px")
    assert not items.is_displayed()
    assert button.tag_name == "button" and button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-controls") == "site-nav-list"
    browser.execute_script("arguments[0].focus()", button)
    fd.press(browser, Keys.ENTER)
    assert button.get_attribute("aria-expanded") == "true"
    links = items.find_elements(By.TAG_NAME, "a")
    assert links and all(link.is_displayed() for link in links)
    assert not sideways(browser), "the open menu fits the screen"
    assert [l.get_attribute("aria-current") for l in links].count("true") == 1, "the guide's category is marked"
    fd.press(browser, Keys.TAB)
    assert browser.switch_to.active_element == links[0], "Tab goes from the button into the list"
    fd.press(browser, Keys.ESCAPE)
    assert button.get_attribute("aria-expanded") == "false" and not items.is_displayed()
    assert browser.switch_to.active_element == button, "Escape returns to the button"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    browser.find_element(By.TAG_NAME, "h1").click()
    assert button.get_attribute("aria-expanded") == "false", "a click elsewhere closes it"
    assert console_errors() == []


def test_where_they_fit_the_categories_are_shown_and_the_button_is_not(browser, base_url, reset_width):
    at_width(browser, 1280, base_url + "/")
    button, items, everything = nav_parts(browser)
    assert items.is_displayed() and not button.is_displayed() and not everything.is_displayed()
    tops = {item.rect["y"] for item in items.find_elements(By.TAG_NAME, "li")}
    assert len(tops) == 1, "one line"
    # Back to a phone: the same page collapses when it is resized.
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    fd.wait(browser, lambda d: button.is_displayed() and not items.is_displayed(), "resizing to 390 px did not collapse the list")


def test_without_javascript_a_phone_gets_a_link_to_every_topic(browser_without_js, base_url, site_dir, reset_width):
    driver = browser_without_js
    at_width(driver, 390, base_url + "/")
    button, items, everything = nav_parts(driver)
    assert not button.is_displayed() and not items.is_displayed() and everything.is_displayed()
    assert not sideways(driver)
    wanted = {link.get_attribute("href") for link in items.find_elements(By.TAG_NAME, "a")}
    everything.click()
    assert driver.current_url == base_url + "/categories/"
    listed = {link.get_attribute("href") for link in driver.find_elements(By.CSS_SELECTOR, "main a")}
    assert wanted <= listed, "every link of the header is on the topics page"
    at_width(driver, 1280, base_url + "/")
    button, items, everything = nav_parts(driver)
    assert items.is_displayed() and not button.is_displayed() and not everything.is_displayed()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_menu_and_the_topics_page_have_no_axe_violations(axe_browser, base_url, scheme):
    set_scheme(axe_browser, scheme)
    found = {}
    try:
        at_width(axe_browser, 390, base_url + "/categories/")
        if violations := run_axe(axe_browser)["violations"]:
            found["topics page"] = describe(violations)
        button, _, _ = nav_parts(axe_browser)
        fd.wait(axe_browser, lambda d: button.is_displayed(), "no menu button at 390 px")
        button.click()
        if violations := run_axe(axe_browser)["violations"]:
            found["menu open"] = describe(violations)
    finally:
        axe_browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert found == {}, "\n".join(f"{state}:\n{text}" for state, text in found.items())


# ---- Search results readers can judge ----------------------------------------------------

def test_header_results_show_where_each_is_and_a_snippet_with_the_match_marked(browser, base_url, console_errors):
    browser.get(base_url + "/guides/why-occupied/")
    box = browser.find_element(By.ID, "search-input")
    box.click()
    box.send_keys("code")
    fd.wait(browser, lambda d: box.get_attribute("aria-expanded") == "true", "the header's results never opened")
    options = browser.find_elements(By.CSS_SELECTOR, "#search-listbox [role=option]")
    categories = {"Account security", "Verification codes"}
    metas = [o.find_elements(By.CSS_SELECTOR, ".search-option-meta") for o in options]
    assert any(meta and meta[0].text.split(" › ")[0] in categories for meta in metas), [m[0].text for m in metas if m]
    snippets = browser.find_elements(By.CSS_SELECTOR, "#search-listbox .search-option-snippet")
    assert snippets and any(s.find_elements(By.TAG_NAME, "mark") for s in snippets), "a snippet marks the match"
    for s in snippets:
        assert len(s.get_attribute("textContent")) <= 112, s.get_attribute("textContent")
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == "search-option-0"
    assert console_errors() == []


def test_the_search_page_filters_by_category_by_keyboard_and_keeps_it_in_the_address(browser, base_url, console_errors):
    browser.get(base_url + "/search/?q=code")
    fd.wait(browser, lambda d: d.find_element(By.ID, "search-page-results").is_displayed(), "no results for ?q=code")
    select = browser.find_element(By.ID, "search-page-category")
    fd.wait(browser, lambda d: select.is_displayed(), "no category filter")
    assert browser.find_element(By.CSS_SELECTOR, "label[for=search-page-category]").text == "Category"
    everything = len(browser.find_elements(By.CSS_SELECTOR, ".search-page-list > li"))
    names = [o.text for o in select.find_elements(By.TAG_NAME, "option")]
    assert names[0] == "All categories" and "Verification codes" in names
    browser.execute_script("arguments[0].focus()", select)
    while select.get_attribute("value") != "Verification codes":
        fd.press(browser, Keys.ARROW_DOWN)
    fd.wait(browser, lambda d: "category=Verification+codes" in d.current_url, "the choice is not in the address")
    metas = [m.text for m in browser.find_elements(By.CSS_SELECTOR, ".search-page-list .search-page-meta")]
    assert metas and all(m.startswith("Verification codes") for m in metas), metas
    assert len(browser.find_elements(By.CSS_SELECTOR, ".search-page-list > li")) < everything
    marks = browser.find_elements(By.CSS_SELECTOR, ".search-page-list .search-page-snippet mark")
    assert marks and all(m.text.lower().startswith("code") for m in marks)
    browser.get(browser.current_url)
    fd.wait(browser, lambda d: d.find_element(By.ID, "search-page-category").get_attribute("value") == "Verification codes",
            "a shared address does not keep the filter")
    assert console_errors() == []


def test_search_results_fit_a_phone(browser, base_url, reset_width):
    at_width(browser, 390, base_url + "/search/?q=code")
    fd.wait(browser, lambda d: d.find_element(By.ID, "search-page-results").is_displayed(), "no results for ?q=code")
    assert not sideways(browser)


# ---- Branding ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def branded_site(branded_dir):
    with serve(branded_dir) as url:
        yield url


def rgb(hex_colour):
    """As WebDriver reports a computed colour."""
    return "rgba(" + ", ".join(str(int(hex_colour[i:i + 2], 16)) for i in (1, 3, 5)) + ", 1)"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_branded_site_shows_its_logo_and_accent_with_no_axe_violations(axe_browser, branded_site, scheme):
    set_scheme(axe_browser, scheme)
    found = {}
    try:
        for width in (1280, 390):
            for page in ("/", "/guides/why-occupied/"):
                at_width(axe_browser, width, branded_site + page)
                logo = axe_browser.find_element(By.CSS_SELECTOR, ".site-title img.site-logo-image")
                assert axe_browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", logo) == 64
                assert logo.get_attribute("alt") == "", "the site title next to it names the link"
                link = axe_browser.find_element(By.CSS_SELECTOR, "main .breadcrumbs a, main .guide-item-title")
                assert link.value_of_css_property("color") == rgb(LIGHT_ACCENT if scheme == "light" else DARK_ACCENT)
                assert axe_browser.find_elements(By.CSS_SELECTOR, "[style]") == []
                if violations := run_axe(axe_browser)["violations"]:
                    found[f"{page} at {width} px"] = describe(violations)
                assert not sideways(axe_browser)
    finally:
        axe_browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    head = axe_browser.find_element(By.TAG_NAME, "head")
    assert head.find_element(By.CSS_SELECTOR, 'meta[property="og:image"]').get_attribute("content").startswith("https://help.example.com/media/")
    assert head.find_element(By.CSS_SELECTOR, 'link[rel="icon"]').get_attribute("type") == "image/png"
    assert found == {}, "\n".join(f"{state}:\n{text}" for state, text in found.items())


@pytest.fixture(scope="module")
def hostile_site(hostile_dir):
    with serve(hostile_dir) as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_guides_in_no_topic_lead_from_the_home_page_to_the_topics_page_with_no_axe_violations(axe_browser, hostile_site, scheme):
    """The hostile corpus has more guides in no topic than the home page lists: five show, and
    "See all" leads to the rest on the topics page, by keyboard, at a phone's width and wide."""
    set_scheme(axe_browser, scheme)
    try:
        for width in (390, 1200):
            at_width(axe_browser, width, hostile_site + "/")
            listed = axe_browser.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=more-heading] .guide-item-title")
            assert len(listed) == 5
            link = axe_browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby=more-heading] .card-more a")
            assert re.fullmatch(r"See all \d+ guides not in a topic", link.get_attribute("textContent"))
            if violations := run_axe(axe_browser)["violations"]:
                pytest.fail(f"home at {width} px:\n" + describe(violations))
            total = int(re.search(r"\d+", link.text).group())
            link.send_keys(Keys.ENTER)
            fd.wait(axe_browser, lambda d: d.current_url.endswith("/categories/#more-guides"), "See all went elsewhere")
            everything = axe_browser.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=more-guides] .guide-item-title")
            assert len(everything) == total > 5
            assert not sideways(axe_browser)
            if violations := run_axe(axe_browser)["violations"]:
                pytest.fail(f"/categories/ at {width} px:\n" + describe(violations))
    finally:
        axe_browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
