"""The hostile corpus (Tests/browser/hostile): an XSS payload in every value an author controls,
from site.yml to file names. Each payload, if it ever ran, would set `window.__pwned` or make
the title 'PWNED'. The pages are checked as source (no handler, no foreign script, no dangerous
URL, no raw payload, JSON that stays JSON) and in Chromium with JavaScript on, both under the
CSP and with it removed, header and meta tag alike: escaping, not the policy, must stop them."""
import html
import html.parser
import json
import re
import shutil
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

import flowdriver as fd
from conftest import serve

# Copied from the corpus: the values whose escaped text the checks look for.
JSONLD_TITLE = "</script><script>window.__pwned='jsonld'</script><!--<script>"
SITE_TITLE = "Help <script>window.__pwned='site.title'</script> & \"Co\" 'x' {{site.title}}"
SUPPORT_LABEL = "\" autofocus onfocus=\"window.__pwned='support.label'\" x=\""
SUPPORT_HREF = ("https://example.com/support?next=%22%3E%3Cscript%3Ewindow.__pwned='support.url'%3C/script%3E"
                "&lang='en'%20%60x%60")
FOLDER = "<img src=x onerror=\"window.__pwned='folder'\"> & 'Co'"

# The corpus's payloads in their raw, working form: none may appear in a page's source (escaped,
# they start with `&lt;`). The parser checks below catch what these patterns would miss.
RAW_PAYLOADS = [
    re.compile(r"<img src=x|<svg[\s/]onload|<b onclick|<em onclick|<div onmouseover", re.I),
    re.compile(r"<script>\s*(window|document|parent|opener|alert)", re.I),
    re.compile(r"</script><script", re.I),
    re.compile(r"<(iframe|object|embed|base|style)\b", re.I),
    re.compile(r"(href|src|action)\s*=\s*[\"']?\s*(javascript|vbscript|data):", re.I),
]
OMITTED = "<!-- raw HTML omitted -->"
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n')
SAFE_SCHEMES = {"http", "https", "mailto"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "cite", "data", "xlink:href", "srcset"}
DATA_SCRIPTS = {"application/json", "application/ld+json"}


def pages(folder):
    return sorted(path for path in folder.rglob("*.html"))


def url_path(folder, page):
    relative = page.relative_to(folder).as_posix()
    if relative.endswith("index.html"):
        relative = relative[:-len("index.html")]
    return "/" + urllib.parse.quote(relative)


# ---- The source ---------------------------------------------------------------------------

class Page(html.parser.HTMLParser):
    """Every element, attribute, data script and comment of one page, as a browser parses it."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.elements, self.attributes, self.comments, self.scripts = set(), [], [], [], []
        self._script = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.elements.append((tag, {name: value or "" for name, value in attrs}))
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        if tag == "script":
            self._script = [dict(attrs), ""]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self._script is not None:
            self._script[1] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(tuple(self._script))
            self._script = None

    def handle_comment(self, data):
        self.comments.append(data)


def scheme(url):
    """The scheme a browser would see: controls and spaces around it and tabs and newlines in it dropped."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                   "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else None


def source_problems(text):
    problems = []
    for pattern in RAW_PAYLOADS:
        problems += [f"raw payload: {match.group(0)[:80]!r}" for match in pattern.finditer(text)]
    if text.count("<!--") != text.count(OMITTED):
        problems.append("a comment other than the omitted-HTML marker: a `<!--` got through")
    page = Page(text)
    for tag, name, value in page.attributes:
        if name.startswith("on") or name in {"srcdoc", "formaction"}:
            problems.append(f"<{tag} {name}=…>")
        if name in URL_ATTRIBUTES and scheme(value) not in SAFE_SCHEMES | {None}:
            problems.append(f"<{tag} {name}={value[:60]!r}>")
    for tag, attributes in page.elements:
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            target = re.split(r"url\s*=", attributes.get("content", ""), maxsplit=1, flags=re.I)[-1]
            if scheme(target) not in SAFE_SCHEMES | {None}:
                problems.append(f"a refresh to {target[:60]!r}")
    problems += [f"<{tag}>" for tag in page.tags & {"iframe", "frame", "object", "embed", "base", "style", "template"}]
    for attributes, content in page.scripts:
        if "src" in attributes:
            if not attributes["src"].startswith("/assets/") or content.strip():
                problems.append(f"a script from {attributes['src']!r}")
        elif attributes.get("type") in DATA_SCRIPTS:
            if "<" in content:
                problems.append(f"a `<` inside a {attributes['type']} script: {content[content.index('<'):][:60]!r}")
            try:
                json.loads(content)
            except ValueError as error:
                problems.append(f"a {attributes['type']} script that is not JSON: {error}")
        else:
            problems.append(f"an inline script: {content[:60]!r}")
    return problems


def test_no_page_carries_a_working_payload(hostile_dir):
    found = {}
    for page in pages(hostile_dir):
        if problems := source_problems(page.read_text(encoding="utf-8")):
            found[url_path(hostile_dir, page)] = problems
    assert len(pages(hostile_dir)) > 20
    assert found == {}


def test_the_source_checks_catch_payloads():
    """The checks above would see each kind of hole."""
    holes = [
        "<p><img src=x onerror=alert(1)></p>",
        "<p><a href=\"java\tscript:alert(1)\">x</a></p>",
        "<title>x</title><script>window.__pwned=1</script>",
        "<script type=\"application/ld+json\">{\"a\":\"</script><script>x</script>\"}</script>",
        "<p>a <!-- b --></p>",
        "<meta http-equiv=\"refresh\" content=\"0; url=javascript:alert(1)\">",
        "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
    ]
    for hole in holes:
        assert source_problems(hole), hole
    assert source_problems(f"<p>&lt;img src=x onerror=alert(1)&gt; {OMITTED}</p>") == []


def text_of(text, pattern):
    """The unescaped text of what `pattern` (a regex over the source, one group) first matches."""
    match = re.search(pattern, text, re.S)
    assert match, pattern
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def test_the_payloads_arrive_as_text(hostile_dir):
    """Escaped, not dropped: each value reaches its page, and its JSON, exactly as written."""
    guide = (hostile_dir / "guides" / "phone-still-reachable" / "index.html").read_text(encoding="utf-8")
    assert text_of(guide, r"<h1>(.*?)</h1>") == JSONLD_TITLE
    assert text_of(guide, r'<p class="site-footer-title">(.*?)</p>') == SITE_TITLE
    data = [(attributes.get("type"), json.loads(content)) for attributes, content in Page(guide).scripts
            if attributes.get("type") in DATA_SCRIPTS]
    scripts = {kind: value for kind, value in data if kind != "application/ld+json"}
    linked = {value["@type"]: value for kind, value in data if kind == "application/ld+json"}
    crumbs = linked["BreadcrumbList"]["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Home", FOLDER, JSONLD_TITLE]
    assert linked["Article"]["headline"] == JSONLD_TITLE
    spec_titles = {outcome["guide"]["title"] for outcome in scripts["application/json"]["outcomes"]}
    assert JSONLD_TITLE in spec_titles
    support = [(tag, value) for tag, name, value in Page(guide).attributes if name == "href" and "support" in value]
    assert support == [("a", SUPPORT_HREF)], "percent-encoded, so the href is a valid URL"
    assert text_of(guide, r'<a class="button button-secondary"[^>]*>(.*?)</a>') == SUPPORT_LABEL
    manifest = json.loads((hostile_dir / "search" / "index.json").read_text(encoding="utf-8"))
    fragments = manifest["fragments"]
    count = sum(1 for digit in fragments["pages"] if digit in "0123456789ABCDEFGHIJKLMNOPQRSTUV")
    names = [f"f-{fragments['volumes'][n // fragments['perVolume']]}-{n}.json" for n in range(count)]
    pages = [page for name in names for page in json.loads((hostile_dir / "search" / "shards" / name).read_text(encoding="utf-8"))]
    assert JSONLD_TITLE in [page[1] for page in pages]


# ---- In Chromium --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def open_copy(hostile_dir, tmp_path_factory):
    """The hostile site with the CSP meta tag taken out of every page (served without the header)."""
    folder = tmp_path_factory.mktemp("hostile-open") / "public"
    shutil.copytree(hostile_dir, folder)
    for page in pages(folder):
        text = page.read_text(encoding="utf-8")
        stripped, count = CSP_META.subn("", text)
        assert count == 1, page  # redirect pages carry the policy too
        page.write_text(stripped, encoding="utf-8")
    return folder


@pytest.fixture(scope="module", params=["with CSP", "without CSP"])
def hostile(request, hostile_dir, open_copy):
    folder, csp = (hostile_dir, True) if request.param == "with CSP" else (open_copy, False)
    with serve(folder, csp=csp) as url:
        yield folder, url


PAGE_STATE = """
    const bad = [];
    const safe = new Set(['http:', 'https:', 'mailto:']);
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on') || name === 'srcdoc') bad.push(element.tagName + ' ' + name);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name)) {
          let protocol;
          try { protocol = new URL(attribute.value, location.href).protocol; } catch (e) { protocol = 'invalid'; }
          if (!safe.has(protocol)) bad.push(element.tagName + ' ' + name + '=' + attribute.value.slice(0, 60));
        }
      }
    }
    for (const element of document.querySelectorAll('iframe, frame, object, embed, base, style')) bad.push(element.tagName);
    for (const script of document.scripts) {
      const own = script.src && new URL(script.src).origin === location.origin && new URL(script.src).pathname.startsWith('/assets/');
      if (!own && !['application/json', 'application/ld+json'].includes(script.type)) bad.push('script ' + script.outerHTML.slice(0, 80));
    }
    return {pwned: window.__pwned === undefined ? null : String(window.__pwned),
            title: document.title, bad: bad, url: location.href};"""


def settled(browser, url):
    browser.get(url)
    fd.wait(browser, lambda b: b.execute_script(
        "return document.readyState === 'complete' && Array.from(document.images).every((i) => i.complete)"),
        f"{url} never finished loading")
    return browser.execute_script(PAGE_STATE)


def state_problems(state):
    problems = list(state["bad"])
    if state["pwned"] is not None:
        problems.append(f"window.__pwned = {state['pwned']!r}")
    if "PWNED" in state["title"]:
        problems.append("the title says PWNED")
    return problems


def test_the_harness_sees_a_payload_that_runs(browser, tmp_path):
    """A page with a working payload: the CSP stops it, and with the CSP removed as the tests
    remove it, it runs and the checks see it. Else 'nothing ran' would prove nothing."""
    page = ('<!doctype html><html lang="en"><head><meta charset="utf-8">\n'
            '<meta http-equiv="Content-Security-Policy" content="script-src \'self\'">\n'
            "<title>x</title></head><body><script>window.__pwned = 'control'</script>"
            "<img src=x onerror=\"document.title = 'PWNED'\"></body></html>")
    (tmp_path / "with").mkdir()
    (tmp_path / "with" / "index.html").write_text(page)
    (tmp_path / "without").mkdir()
    (tmp_path / "without" / "index.html").write_text(CSP_META.sub("", page))
    with serve(tmp_path / "with") as url:
        state = settled(browser, url + "/")
        assert state["pwned"] is None and state["title"] == "x"
    with serve(tmp_path / "without", csp=False) as url:
        state = settled(browser, url + "/")
        fd.wait(browser, lambda b: b.title == "PWNED", "the onerror handler never ran")
        assert browser.execute_script("return window.__pwned") == "control"
        assert "IMG onerror" in state_problems(browser.execute_script(PAGE_STATE))


def test_no_payload_runs_on_any_page(browser, hostile):
    folder, base_url = hostile
    found = {}
    for page in pages(folder):
        path = url_path(folder, page)
        if problems := state_problems(settled(browser, base_url + path)):
            found[path] = problems
    assert found == {}


def test_no_payload_runs_in_the_flow_widget(browser, hostile, flow_spec, flow_paths):
    """The widget builds its steps from the spec in the page, whose outcome titles are hostile."""
    _, base_url = hostile
    fd.open_widget(browser, base_url + "/guides/phone-still-reachable/")
    # The outcome whose guide has the hostile title.
    path = next(p for p in flow_paths if p["outcome"] == "change-phone")
    for count, (_, option_id) in enumerate(path["answers"]):
        fd.click(browser, fd.radio(browser, option_id))
        fd.click(browser, fd.continue_button(browser))
        fd.wait_for_step(browser, fd.heading_after(flow_spec, path, count + 1))
    link = browser.find_element(By.CSS_SELECTOR, f"{fd.WIDGET} .flow-outcome-guide a")
    assert link.text == "Read the guide: " + JSONLD_TITLE
    assert state_problems(browser.execute_script(PAGE_STATE)) == []


def test_no_payload_runs_in_search_results(browser, hostile):
    _, base_url = hostile
    browser.get(base_url + "/guides/phone-no-longer-reachable/")
    box = browser.find_element(By.ID, "search-input")
    fd.wait(browser, lambda b: box.get_attribute("role") == "combobox", "search.js did not start")
    box.click()
    box.send_keys("pwned script")
    fd.wait(browser, lambda b: box.get_attribute("aria-expanded") == "true", "no results for a hostile query")
    titles = [option.text for option in browser.find_elements(By.CSS_SELECTOR, "#search-listbox [role=option]")]
    assert any("<script>" in title for title in titles), titles
    assert state_problems(browser.execute_script(PAGE_STATE)) == []

    state = settled(browser, base_url + "/search/?q=" + urllib.parse.quote("pwned onerror"))
    fd.wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, ".search-page-list li"), "the search page shows no results")
    assert state_problems(browser.execute_script(PAGE_STATE)) == []
