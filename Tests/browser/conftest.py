"""Builds the real site once, serves it on loopback under the strict CSP, and drives Chromium."""
import contextlib
import functools
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

import flowdriver as fd

ROOT = pathlib.Path(__file__).resolve().parents[2]
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'")


@functools.cache
def sitegen_binary():
    # GUIDEPOST_SITEGEN=path runs that binary instead, e.g. one built with its own --scratch-path.
    if override := os.environ.get("GUIDEPOST_SITEGEN"):
        binary = pathlib.Path(override).resolve()
    else:
        bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                                  capture_output=True, text=True).stdout.strip()
        binary = pathlib.Path(bin_path) / "sitegen"
    if not binary.exists():
        pytest.fail(f"{binary} is missing: run `swift build --product sitegen` first")
    return binary


def build_site(output, *arguments):
    """`sitegen build --output OUTPUT ARGUMENTS…` from the repository root; fails the test with
    sitegen's messages if the build fails."""
    result = subprocess.run([str(sitegen_binary()), "build", "--output", str(output), *map(str, arguments)],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"sitegen build {' '.join(map(str, arguments))} failed:\n{result.stdout}{result.stderr}")
    return pathlib.Path(output)


@functools.cache
def flow_cli(flow, *args):
    """`sitegen flow FLOW ARGS…` parsed as JSON: Swift is the reference for every flow test."""
    result = subprocess.run([str(sitegen_binary()), "flow", flow, *args], cwd=ROOT, check=True,
                            capture_output=True, text=True)
    return json.loads(result.stdout)


def path_id(path):
    return ",".join(f"{question}={option}" for question, option in path["answers"]) + "->" + path["outcome"]


def pytest_configure(config):
    config.addinivalue_line("markers", "every_flow: run the test once for each flow of the site")


def pytest_generate_tests(metafunc):
    """`flow_path`: one test for every path that Swift's `Flow.paths()` lists, of every flow.
    A test marked `every_flow` runs once per flow; any other flow test uses the first flow."""
    if "flow_path" in metafunc.fixturenames:
        cases = [(flow, path) for flow in fd.FLOWS for path in flow_cli(flow, "--paths", "--json")]
        metafunc.parametrize(("flow_id", "flow_path"), cases,
                             ids=[f"{flow}:{path_id(path)}" for flow, path in cases])
    elif "flow_id" in metafunc.fixturenames and metafunc.definition.get_closest_marker("every_flow"):
        metafunc.parametrize("flow_id", fd.FLOWS)


@pytest.fixture(autouse=True)
def _first_flow():
    fd.use(fd.FLOWS[0])


@pytest.fixture
def flow_id():
    return fd.FLOWS[0]


@pytest.fixture
def flow_spec(flow_id):
    fd.use(flow_id)
    return flow_cli(flow_id, "--spec")


@pytest.fixture
def flow_paths(flow_id):
    return flow_cli(flow_id, "--paths", "--json")


@pytest.fixture(scope="session")
def site_dir():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="guidepost-browser-"))
    output = folder / "public"
    # GUIDEPOST_OVERRIDES=folder builds with `--overrides folder`: a way to check that these
    # tests catch a broken template or script without touching the theme.
    overrides = os.environ.get("GUIDEPOST_OVERRIDES")
    extra = ["--overrides", overrides] if overrides else []
    subprocess.run([str(sitegen_binary()), "build", "--output", str(output), *extra], cwd=ROOT, check=True,
                   capture_output=True)
    yield output
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory):
    """The hostile corpus (Tests/browser/hostile: an XSS payload in every field) built once."""
    overrides = os.environ.get("GUIDEPOST_OVERRIDES")
    extra = ["--overrides", overrides] if overrides else []
    return build_site(tmp_path_factory.mktemp("hostile") / "public", "--content", ROOT / "Tests" / "browser" / "hostile", *extra)


LIGHT_ACCENT, DARK_ACCENT = "#7a1fa2", "#e2b0ff"


def png(width, height, rgb):
    """A solid PNG, so the logo is a real image the browser decodes."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture(scope="session")
def branded_dir(tmp_path_factory):
    """content/ with a logo, a favicon and accent colours in site.yml, built once."""
    content = tmp_path_factory.mktemp("branded") / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "brand").mkdir()
    (content / "brand" / "logo.png").write_bytes(png(64, 32, (122, 31, 162)))
    with open(content / "site.yml", "a", encoding="utf-8") as config:
        config.write(f'logo: brand/logo.png\nfavicon: brand/logo.png\naccent:\n  light: "{LIGHT_ACCENT}"\n  dark: "{DARK_ACCENT}"\n')
    return build_site(content.parent / "public", "--content", content)


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, csp=True, **kwargs):
        self.csp = csp
        super().__init__(*args, **kwargs)

    def send_error(self, code, message=None, explain=None):
        # Like a static host: a missing page gets the site's own 404.html, status 404.
        page = pathlib.Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        if self.csp:
            # True: the strict policy; a string: a site's own (its `_headers`).
            self.send_header("Content-Security-Policy", CSP if self.csp is True else self.csp)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory, csp=True):
    """Serves `directory` on loopback like a static host, with the CSP header (the strict one, or
    the string `csp`) unless `csp` is False."""
    handler = functools.partial(_Handler, directory=str(directory), csp=csp)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(site_dir):
    with serve(site_dir) as url:
        yield url


def _chrome(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--disable-extensions", "--no-first-run",
                # The theme scrolls smoothly otherwise, and a click would aim while the page moves.
                "--force-prefers-reduced-motion"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.implicitly_wait(0)
    return driver


@pytest.fixture(scope="session")
def browser():
    driver = _chrome()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def browser_without_js():
    driver = _chrome(javascript=False)
    yield driver
    driver.quit()


def severe(entries):
    return [entry for entry in entries if entry["level"] == "SEVERE"]


@pytest.fixture
def console_errors(browser):
    """Call at the end of a test: the console messages of level SEVERE since the test began."""
    browser.get_log("browser")

    def collect():
        return severe(browser.get_log("browser"))
    return collect
