"""Builds the sample site once and opens it in headless Chromium from disk."""
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site():
    """The sample site in content/, built by the real binary into a fresh directory."""
    binary = os.environ.get("DISCLOSE_BINARY", str(REPO / ".build/debug/disclose"))
    work = pathlib.Path(tempfile.mkdtemp(prefix="disclose-browser-"))
    root = work / "root"
    root.mkdir()
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "types", root / "types")  # the sample's own type declarations
    subprocess.run([binary, "build", "--root", str(root)], check=True, capture_output=True)
    yield root / "site"
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium; every request that is not file:// is blocked and recorded."""
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1024",
                     "--allow-file-access-from-files", "--lang=zh-CN"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*"]})
    yield driver
    driver.quit()


def requested_urls(driver):
    """Every URL the browser asked for since the last call."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls
