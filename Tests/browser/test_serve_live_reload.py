"""`sitegen serve` in Chromium: an edit on disk reloads the open tab by itself, a broken edit
shows the error overlay over the last good page, and the fix takes the overlay away.

The server runs as an author runs it (the built binary, Ctrl-C to stop) on a copy of a small
site (Tests/browser/serve-site) with the real theme. Every wait is bounded: the watcher polls,
and a loaded machine may take a few seconds to notice, rebuild and reload.

That a normal build never contains the reload script is checked in Swift
(`theReloadScriptAndStylesheetAreServedButNeverBuilt` in Tests/GuidepostServeTests).
"""
import os
import re
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import flowdriver as fd
from conftest import ROOT, sitegen_binary

FIXTURE = ROOT / "Tests" / "browser" / "serve-site"
GUIDE = "content/Basics/start.md"  # as serve names it: the test runs it from the project folder
PAGE = "/guides/start/"
RELOAD_SCRIPT = "/_guidepost/live-reload.js"
OVERLAY = "section.guidepost-live-errors"
EDIT_WAIT = 20  # seconds: notice (300 ms polls), settle, rebuild, send the event, reload


class Served:
    """A running `sitegen serve` with its output collected as it arrives."""

    def __init__(self, project):
        self.project = project
        # GUIDEPOST_OVERRIDES=folder serves with `--overrides folder`, as the other tests build with it.
        overrides = os.environ.get("GUIDEPOST_OVERRIDES")
        extra = ["--overrides", str((ROOT / overrides).resolve())] if overrides else []
        self.process = subprocess.Popen([str(sitegen_binary()), "serve", "--port", "0", *extra], cwd=project,
                                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        self._out, self._err = [], []
        self._readers = [threading.Thread(target=self._collect, args=(stream, into), daemon=True)
                         for stream, into in ((self.process.stdout, self._out), (self.process.stderr, self._err))]
        for reader in self._readers:
            reader.start()
        self.url = None

    @staticmethod
    def _collect(stream, into):
        for line in stream:
            into.append(line)

    @property
    def stdout(self):
        return "".join(self._out)

    @property
    def stderr(self):
        return "".join(self._err)

    def wait_until_ready(self, timeout=60):
        """The ready line names the port (`--port 0` lets the system pick a free one), then the
        guide must answer: the first build of a debug binary on a busy machine takes a while."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"sitegen serve exited with {self.process.returncode}:\n{self.stdout}{self.stderr}")
            if match := re.search(r"at (http://127\.0\.0\.1:\d+)/ — Ctrl-C to stop", self.stdout):
                self.url = match[1]
                try:
                    if fetch(self.url + PAGE)[0] == 200:
                        return
                except OSError:
                    pass
            time.sleep(0.05)
        pytest.fail(f"sitegen serve did not answer within {timeout} s:\n{self.stdout}{self.stderr}")

    def write(self, path, text):
        (self.project / path).write_text(text, encoding="utf-8")

    def read(self, path):
        return (self.project / path).read_text(encoding="utf-8")

    def stop(self, timeout=20):
        """Ctrl-C, as an author stops it; the exit code says whether it stopped cleanly."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail(f"sitegen serve did not stop within {timeout} s of Ctrl-C:\n{self.stdout}{self.stderr}")
        for reader in self._readers:
            reader.join(timeout=5)
        return code


def fetch(url):
    """Status, headers and text of one GET, without the browser (so without running the reload script)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")


@pytest.fixture
def served(tmp_path, browser):
    project = tmp_path / "site"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(ROOT / "templates", project / "templates")
    server = Served(project)
    try:
        server.wait_until_ready()
        yield server
    finally:
        try:
            # Leave the page first: its event stream would otherwise retry against a stopped
            # server and fill the next test's console with failed connections.
            browser.get("about:blank")
        finally:
            code = server.stop()
        assert code == 0, f"sitegen serve exited with {code} after Ctrl-C:\n{server.stdout}{server.stderr}"
        assert server.stdout.endswith("Stopped.\n"), server.stdout


@pytest.fixture
def stream_urls(browser):
    """Records the address of every EventSource a page opens (in `window.guidepostTestStreams`),
    by a script the browser runs before the page's own: the page's CSP does not apply to it,
    and the page's script is left as it is served."""
    added = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        if (window.EventSource) {
          window.guidepostTestStreams = [];
          window.EventSource = class extends window.EventSource {
            constructor(url, init) { super(url, init); window.guidepostTestStreams.push(this.url); }
          };
        }"""})
    yield lambda: browser.execute_script("return window.guidepostTestStreams")
    browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})


# ---- The open tab -----------------------------------------------------------------------

def mark(browser):
    """A value only this load of the page has: a reload, whoever asks for it, forgets it."""
    browser.execute_script("window.guidepostTestMark = 'still the same page';")


def reloaded_by_itself(browser):
    """The page was loaded again, and by `location.reload()` (the reload script), not by a
    navigation: the test never navigates while it waits."""
    return browser.execute_script("""
        const navigation = performance.getEntriesByType('navigation')[0];
        return window.guidepostTestMark === undefined && !!navigation && navigation.type === 'reload';""")


def section_heading(browser):
    headings = browser.find_elements(By.CSS_SELECTOR, "main h2")
    return headings[0].text if headings else None


def overlay(browser):
    found = browser.find_elements(By.CSS_SELECTOR, OVERLAY)
    return found[0] if found else None


def open_guide(browser, url, heading):
    browser.get(url + PAGE)
    fd.wait(browser, lambda b: b.execute_script("return document.readyState") == "complete"
            and section_heading(b) == heading, lambda: f"{PAGE} never showed {heading!r}: {section_heading(browser)!r}")


def check_policy_and_script(browser, served, stream_urls):
    """The reload machinery runs under the site's own CSP: a served file, no inline script. Its
    stream names the build the page came from, so the server can tell a tab that fell behind."""
    status, headers, html = fetch(served.url + PAGE)
    assert status == 200
    policy = headers["Content-Security-Policy"] or ""
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy, policy
    build = re.search(rf'<script src="{RELOAD_SCRIPT}" data-build="([^"]+)" defer></script>', html)
    assert build, html[-400:]
    assert stream_urls() == [f"{served.url}/_guidepost/events?build={build[1]}"]
    facts = browser.execute_script("""
        return {
          // JSON (the page's structured data) is data, not code; anything else without src would run inline.
          inline: [...document.scripts].filter(s => !s.src && !/json$/.test(s.type)).length,
          reload: [...document.scripts].filter(s => s.src && new URL(s.src).pathname === arguments[0]).length,
        };""", RELOAD_SCRIPT)
    assert facts == {"inline": 0, "reload": 1}
    status, headers, script = fetch(served.url + RELOAD_SCRIPT)
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert "EventSource" in script


# ---- The test ---------------------------------------------------------------------------

def test_an_edit_reloads_the_tab_and_a_broken_one_shows_the_overlay_until_fixed(browser, served, stream_urls, console_errors):
    original = served.read(GUIDE)
    assert "## Before you begin" in original and "[the next step](next.md)" in original

    open_guide(browser, served.url, "Before you begin")
    check_policy_and_script(browser, served, stream_urls)

    # 1. An edit on disk: the open tab reloads by itself and shows it.
    mark(browser)
    edited = original.replace("## Before you begin", "## Check your phone first")
    served.write(GUIDE, edited)
    fd.wait(browser, lambda b: section_heading(b) == "Check your phone first", lambda: (
        f"the tab never showed the edited heading within {EDIT_WAIT} s (it shows {section_heading(browser)!r})\n"
        f"{served.stdout}{served.stderr}"), timeout=EDIT_WAIT)
    assert reloaded_by_itself(browser), "the new heading came without the reload script reloading the page"
    assert browser.current_url == served.url + PAGE

    # 2. A broken edit: a link to a guide that does not exist. The tab keeps the last good page
    # and shows the errors over it. The author was on the link (say, to check it).
    mark(browser)
    browser.find_element(By.LINK_TEXT, "the next step").send_keys("")  # focuses it, nothing typed
    assert fd.active(browser).text == "the next step"
    # (A new length as well as a new time: the watcher compares both.)
    broken = edited.replace("[the next step](next.md)", "[the next step](no-such-guide.md)")
    served.write(GUIDE, broken)
    line_number = next(number for number, line in enumerate(broken.split("\n"), 1) if "no-such-guide.md" in line)
    column = broken.split("\n")[line_number - 1].index("[the next step]") + 1
    panel = fd.wait(browser, overlay, lambda: (
        f"no error overlay within {EDIT_WAIT} s\n{served.stdout}{served.stderr}"), timeout=EDIT_WAIT)
    check_overlay(browser, panel, line_number, column)
    assert browser.execute_script("return window.guidepostTestMark") == "still the same page", \
        "a failed build must not reload the tab"
    assert section_heading(browser) == "Check your phone first"
    assert f"{GUIDE}:{line_number}:{column}: error: the link `no-such-guide.md`" in served.stderr

    # The server still serves the last good build, not the broken one.
    status, _, html = fetch(served.url + PAGE)
    assert status == 200
    assert "Check your phone first" in html and "no-such-guide" not in html

    # The overlay goes away by keyboard: its Dismiss button, reached with Tab.
    dismiss_by_keyboard(browser)

    # A tab opened while the build is broken shows the errors at once.
    open_guide(browser, served.url, "Check your phone first")
    fd.wait(browser, overlay, "a tab opened while the build is broken shows no errors")

    # 3. The fix: the overlay goes and the fixed page shows, again without the test navigating.
    mark(browser)
    fixed = edited.replace("[the next step](next.md)", "[the second step](next.md)")
    served.write(GUIDE, fixed)
    fd.wait(browser, lambda b: overlay(b) is None and "the second step" in b.find_element(By.TAG_NAME, "main").text,
            lambda: f"the fix never replaced the overlay within {EDIT_WAIT} s\n{served.stdout}{served.stderr}",
            timeout=EDIT_WAIT)
    assert reloaded_by_itself(browser)
    assert browser.find_element(By.LINK_TEXT, "the second step").get_attribute("href") == served.url + "/guides/next/"

    # No script error, failed load or CSP violation at any point.
    assert [entry["message"] for entry in console_errors()] == []
    assert "Rebuilt" in served.stdout


def check_overlay(browser, panel, line_number, column):
    """What an author needs, told the way the overlay tells it: an alert (announced as it
    appears, without taking focus from where the author was) labelled by its title, naming the
    file and the line and column of the broken link."""
    assert panel.get_attribute("role") == "alert"
    title = browser.find_element(By.ID, panel.get_attribute("aria-labelledby"))
    assert title.tag_name == "h2" and panel.find_elements(By.ID, title.get_attribute("id"))
    assert title.text == "The site did not build: 1 error"
    where = panel.find_element(By.CSS_SELECTOR, ".guidepost-live-errors-file").text
    assert where == f"{GUIDE}:{line_number}:{column}"
    message = panel.find_element(By.CSS_SELECTOR, ".guidepost-live-errors-message").text
    assert message.startswith("the link `no-such-guide.md` points to `Basics/no-such-guide.md`, which does not exist"), message
    assert "Hint:" in panel.find_element(By.CSS_SELECTOR, ".guidepost-live-errors-hint").text
    assert "last good build" in panel.text
    assert panel.is_displayed()
    # The served stylesheet applies: the CSP would have blocked an inline one.
    assert panel.value_of_css_property("position") == "fixed"
    # An alert is announced without moving the focus: the author's place in the page stays.
    assert fd.active(browser).text == "the next step", fd.describe(fd.active(browser))


def dismiss_by_keyboard(browser):
    """The overlay's Dismiss button is an ordinary button, so it is reached and pressed from the
    keyboard. (The overlay has no Escape shortcut, so none is tested.)"""
    # Tab on from where the author was: the overlay comes last in the page, so its button is
    # the last Tab stop, a few stops on in this short guide.
    stops = []
    for _ in range(40):
        fd.press(browser, Keys.TAB)
        focused = fd.active(browser)
        stops.append(fd.describe(focused))
        if focused.tag_name == "button" and focused.text == "Dismiss":
            break
    else:
        pytest.fail("Tab never reached the overlay's Dismiss button:\n" + "\n".join(stops))
    assert browser.execute_script("return !!document.activeElement.closest(arguments[0])", OVERLAY)
    fd.press(browser, Keys.ENTER)
    fd.wait(browser, lambda b: overlay(b) is None, "Enter on Dismiss should close the overlay")
