"""What help-center readers expect of the pages themselves: a guide's last-updated date, and a
header that fits a phone (a menu button with JavaScript, a link to every category without)."""
import json
import re

from selenium.webdriver.common.by import By

import flowdriver as fd


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
