"""What the flow tests share: the spec read as Swift wrote it, and waits on the live widget."""
import html
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

FLOWS = ("occupied-contact", "missing-code")
# The flow under test and its widget's selectors: the `flow_spec` fixture sets them for each
# test (through `use`), and every test starts with the first flow.
FLOW = WIDGET = STEP_HEADING = None
STALE = "Some answers in this link no longer apply, so you may need to answer a question again."
SEPARATOR = " \u2013 "  # between the step's heading and the page's own title
TIMEOUT = 10


def use(flow_id):
    """Points the helpers below at `flow_id`'s widget."""
    global FLOW, WIDGET, STEP_HEADING  # noqa: PLW0603 - one flow under test at a time
    FLOW = flow_id
    WIDGET = f'section.flow[data-flow="{flow_id}"]'
    STEP_HEADING = WIDGET + ' h3[tabindex="-1"]'


use(FLOWS[0])


# ---- The spec ---------------------------------------------------------------------------

def question(spec, question_id):
    return next(q for q in spec["questions"] if q["id"] == question_id)


def outcome(spec, outcome_id):
    return next(o for o in spec["outcomes"] if o["id"] == outcome_id)


def option(spec, question_id, option_id):
    return next(o for o in question(spec, question_id)["options"] if o["id"] == option_id)


def option_index(spec, question_id, option_id):
    return [o["id"] for o in question(spec, question_id)["options"]].index(option_id)


def outcome_heading(spec, outcome_id):
    """An outcome's heading as a reader sees it: a warning says so in words, not only in colour."""
    found = outcome(spec, outcome_id)
    return ("Warning: " if found["tone"] == "warning" else "") + found["title"]


def node_heading(spec, node_id):
    """A question's prompt or an outcome's heading."""
    if node_id in question_ids(spec):
        return question(spec, node_id)["prompt"]
    return outcome_heading(spec, node_id)


def heading_after(spec, path, count):
    """The heading the widget shows after the first `count` answers of `path`."""
    if count < len(path["answers"]):
        return question(spec, path["answers"][count][0])["prompt"]
    return outcome_heading(spec, path["outcome"])


def query(answers, flow_id=None):
    """The query string of the flow's answers: each parameter is `<flow id>.<question id>`."""
    prefix = (flow_id or FLOW) + "."
    return "?" + urlencode([(prefix + q, o) for q, o in answers]) if answers else ""


def question_ids(spec):
    return {q["id"] for q in spec["questions"]}


def static_url(answers):
    """The static (no-JavaScript) page after `answers`: one path segment per option id."""
    return f"/flows/{FLOW}/" + "".join(f"{option}/" for _, option in answers)


def static_urls(paths):
    """Every static page of the flow: each prefix of each path, the start first."""
    found = []
    for path in paths:
        for count in range(len(path["answers"]) + 1):
            url = static_url(path["answers"][:count])
            if url not in found:
                found.append(url)
    return found


def longest_path(paths):
    return max(paths, key=lambda path: len(path["answers"]))


# ---- The page ---------------------------------------------------------------------------

def wait(browser, condition, message, timeout=TIMEOUT):
    """Waits for `condition`; `message` may be a function, asked only on a time-out, so that it
    tells what the page showed then."""
    try:
        return WebDriverWait(browser, timeout, poll_frequency=0.05,
                             ignored_exceptions=(StaleElementReferenceException,)).until(condition)
    except TimeoutException:
        raise TimeoutException(message() if callable(message) else message) from None


def open_widget(browser, url):
    """Opens `url` and waits until flow.js has taken over the widget and shows a step."""
    browser.get(url)
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, f'{WIDGET}.flow-enhanced h3[tabindex="-1"]'),
         f"flow.js did not enhance the widget on {url}")


def static_title(site_dir, url_path):
    """The <title> the generator wrote for `url_path` (flow.js prefixes it once in the flow)."""
    page = site_dir / url_path.strip("/") / "index.html"
    return html.unescape(re.search(r"<title>(.*?)</title>", page.read_text(), re.S).group(1))


def heading_text(browser):
    headings = browser.find_elements(By.CSS_SELECTOR, STEP_HEADING)
    return headings[0].text if len(headings) == 1 else None


def wait_for_step(browser, text, focused=True):
    """Waits until the widget shows one step heading reading `text` and, if `focused`, until it
    has the focus. Returns the heading."""
    def ready(b):
        headings = b.find_elements(By.CSS_SELECTOR, STEP_HEADING)
        if len(headings) != 1 or headings[0].text != text:
            return False
        if focused and b.switch_to.active_element != headings[0]:
            return False
        return headings[0]
    return wait(browser, ready, lambda: f"expected the step {text!r}{' focused' if focused else ''}; showing "
                f"{heading_text(browser)!r}, focus on {describe(browser.switch_to.active_element)}")


def describe(element):
    try:
        return element.get_attribute("outerHTML")[:160]
    except Exception:  # noqa: BLE001 - only for messages
        return "?"


def active(browser):
    return browser.switch_to.active_element


def press(browser, *keys):
    """Sends keys to whatever has the focus, as a person at the keyboard would."""
    ActionChains(browser).send_keys(*keys).perform()


def click(browser, element):
    """A mouse click in the middle of `element`. WebDriver scrolls it only just into view and
    aims at the middle of what shows, and a click on a button's edge is lost to the theme's
    `.button:active` nudge (the press moves the button from under the pointer)."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element)
    element.click()


def shift_tab(browser):
    ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()


def flow_answers_in(url, spec=None):
    """The flow's answers in `url`'s query string, in order, as [[question, option], …]; with
    no spec, every parameter as it is."""
    pairs = parse_qsl(urlsplit(url).query, keep_blank_values=True)
    if spec is None:
        return [[key, value] for key, value in pairs]
    prefix = spec["id"] + "."
    return [[key[len(prefix):], value] for key, value in pairs if key.startswith(prefix)]


def radio(browser, option_id):
    return browser.find_element(By.CSS_SELECTOR, f'{WIDGET} input[type="radio"][value="{option_id}"]')


def checked_radios(browser):
    return browser.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]), (r) => r.value)", f"{WIDGET} input[type=radio]:checked")


def continue_button(browser):
    return browser.find_element(By.CSS_SELECTOR, f'{WIDGET} form button[type="submit"]')


def check_outcome(browser, base_url, spec, path, base_title):
    """The widget shows `path`'s outcome as Swift describes it: heading (which says "Warning"
    for a warning), guide link and title. Nothing else announces it: no live region."""
    expected = outcome(spec, path["outcome"])
    heading = outcome_heading(spec, path["outcome"])
    assert heading_text(browser) == heading
    links = browser.find_elements(By.CSS_SELECTOR, f"{WIDGET} .flow-outcome-guide a")
    assert len(links) == 1, "the outcome should link to exactly one guide"
    link = links[0]
    assert link.get_attribute("href") == urljoin(base_url + "/", expected["guide"]["url"])
    assert link.get_dom_attribute("href") == expected["guide"]["url"]
    assert link.text == "Read the guide: " + expected["guide"]["title"]
    assert flow_answers_in(browser.current_url, spec) == path["answers"]
    if base_title is not None:
        assert browser.title == heading + SEPARATOR + base_title
    assert not browser.find_elements(By.CSS_SELECTOR, f"{WIDGET} [aria-live], {WIDGET} [role=status]")
    return link


def answers_summary(browser):
    """The 'Your answers' list: [(question prompt, answer label)]."""
    rows = browser.execute_script("""
        return Array.from(document.querySelectorAll(arguments[0]),
                          (row) => [row.querySelector('dt').innerText, row.querySelector('dd').innerText]);""",
                                  f"{WIDGET} .flow-answers-row")
    return [tuple(row) for row in rows]


def expected_summary(spec, answers):
    return [(question(spec, q)["prompt"], option(spec, q, o)["label"]) for q, o in answers]


def check_guide_target(browser, guide_url):
    """The browser is on `guide_url`, and its anchor (if any) exists on the page."""
    wait(browser, lambda b: urlsplit(b.current_url).path == urlsplit(guide_url).path
         and b.execute_script("return document.readyState") == "complete",
         lambda: f"expected to land on {guide_url}, at {browser.current_url}")
    fragment = urlsplit(guide_url).fragment
    assert urlsplit(browser.current_url).fragment == fragment
    if fragment:
        assert browser.find_elements(By.ID, fragment), f"{guide_url}: no element with id {fragment!r}"


def widget_pages(site_dir):
    """URL paths of the built pages that embed the flow's widget, home first."""
    marker = f'data-flow="{FLOW}"'
    return sorted(url_of(site_dir, page) for page in site_dir.rglob("index.html") if marker in page.read_text())


def url_of(site_dir, page):
    """The URL path that serves the built file `page`."""
    relative = page.relative_to(site_dir).as_posix()
    return "/" + relative[:-len("index.html")] if relative.endswith("index.html") else "/" + relative
