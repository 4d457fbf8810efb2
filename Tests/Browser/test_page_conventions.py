"""Government page conventions in the browser, from disk: the 适老化 switch (remembered
across pages by localStorage on file://), axe in both modes, and the 打印 button."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

RECORD = "policies/2024/mhbf-2024-12.html"


@pytest.fixture
def plain(browser, site):
    """The browser with the mode off before and after the test (the session is shared)."""
    browser.get((site / "index.html").as_uri())
    browser.execute_script("window.localStorage.clear()")
    yield browser
    browser.get((site / "index.html").as_uri())
    browser.execute_script("window.localStorage.clear()")


def care_mode_on(browser):
    return browser.execute_script("return document.documentElement.classList.contains('care-mode')")


def root_font_size(browser):
    return browser.execute_script("return getComputedStyle(document.documentElement).fontSize")


def test_care_mode_switch_is_remembered_across_pages_from_disk(plain, site):
    browser = plain
    browser.get((site / "index.html").as_uri())
    switch = browser.find_element(By.CSS_SELECTOR, ".care-mode-switch")
    assert switch.is_displayed() and switch.text == "适老化"
    assert switch.get_attribute("aria-pressed") == "false" and not care_mode_on(browser)
    normal = root_font_size(browser)
    switch.click()
    assert care_mode_on(browser) and switch.get_attribute("aria-pressed") == "true"
    assert float(root_font_size(browser).rstrip("px")) >= 1.2 * float(normal.rstrip("px"))
    # Another page, loaded from file://, opens in the mode.
    browser.get((site / RECORD).as_uri())
    assert care_mode_on(browser)
    assert browser.find_element(By.CSS_SELECTOR, ".care-mode-switch").get_attribute("aria-pressed") == "true"
    # Higher contrast: body text black.
    assert browser.find_element(By.TAG_NAME, "body").value_of_css_property("color") == "rgba(0, 0, 0, 1)"
    browser.find_element(By.CSS_SELECTOR, ".care-mode-switch").click()
    assert not care_mode_on(browser)
    browser.get((site / "catalog.html").as_uri())
    assert not care_mode_on(browser) and root_font_size(browser) == normal


def test_page_works_when_storage_is_refused(plain, site):
    browser = plain
    # A browser that refuses storage throws on access, from the first script of the page on.
    refuse = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        Object.defineProperty(window, 'localStorage', {get: function () { throw new Error('storage denied'); }});
    """})
    try:
        browser.get_log("browser")
        browser.get((site / "index.html").as_uri())
        switch = browser.find_element(By.CSS_SELECTOR, ".care-mode-switch")
        assert switch.is_displayed() and not care_mode_on(browser)
        switch.click()
        assert care_mode_on(browser), "the mode lasts for the page"
        errors = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": refuse["identifier"]})


PAGES = ["index.html", "policies/index.html", RECORD, "budgets/2024/mhczj-2024-ys.html", "guides/spjyxk-xb.html",
         "reports/ndbg-2024.html", "catalog.html", "search.html", "404.html"]


@pytest.mark.parametrize("mode", ["normal", "care"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violation_in_either_mode(plain, site, path, mode):
    browser = plain
    browser.get((site / path).as_uri())
    if mode == "care":
        browser.find_element(By.CSS_SELECTOR, ".care-mode-switch").click()
        browser.get((site / path).as_uri())
        assert care_mode_on(browser)
    axe = Axe(browser)
    axe.inject()
    results = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
    assert violations == []


def test_print_button_on_record_pages_calls_print(plain, site):
    browser = plain
    browser.get((site / RECORD).as_uri())
    button = browser.find_element(By.CSS_SELECTOR, ".print-page")
    assert button.is_displayed() and button.text == "打印"
    browser.execute_script("window.print = function () { window.printed = (window.printed || 0) + 1; };")
    button.click()
    assert browser.execute_script("return window.printed") == 1
    for path in ["index.html", "policies/index.html", "catalog.html"]:
        browser.get((site / path).as_uri())
        assert browser.find_elements(By.CSS_SELECTOR, ".print-page") == []


def test_print_media_hides_the_switches_and_shows_the_record(plain, site):
    browser = plain
    browser.get((site / RECORD).as_uri())
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for selector in [".care-mode-switch", ".print-page", ".site-nav", ".site-search", ".footer-links", ".site-links"]:
            assert not browser.find_element(By.CSS_SELECTOR, selector).is_displayed(), selector
        assert browser.find_element(By.CSS_SELECTOR, "table.metadata").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, ".record-body").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_without_scripts_the_switches_stay_hidden_and_pages_read(plain, site):
    browser = plain
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get((site / RECORD).as_uri())
        assert not browser.find_element(By.CSS_SELECTOR, ".care-mode-switch").is_displayed()
        assert not browser.find_element(By.CSS_SELECTOR, ".print-page").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, "table.metadata").is_displayed()
        assert "主办单位" in browser.find_element(By.CSS_SELECTOR, ".site-footer").text
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.fixture(scope="module")
def chinese_dates_site():
    """The sample built with date_style: chinese."""
    import os
    import pathlib
    import shutil
    import subprocess
    import tempfile
    from conftest import REPO
    binary = os.environ.get("DISCLOSE_BINARY", str(REPO / ".build/debug/disclose"))
    work = pathlib.Path(tempfile.mkdtemp(prefix="disclose-browser-dates-"))
    shutil.copytree(REPO / "content", work / "content")
    shutil.copytree(REPO / "types", work / "types")  # the sample's own type declarations
    settings = work / "content/site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("date_style: iso", "date_style: chinese"), encoding="utf-8")
    subprocess.run([binary, "build", "--root", str(work)], check=True, capture_output=True)
    yield work / "site"
    shutil.rmtree(work, ignore_errors=True)


def test_search_results_write_dates_in_the_site_style(browser, chinese_dates_site, site):
    browser.get((chinese_dates_site / "search.html").as_uri() + "?q=%E4%BF%9D%E5%AF%86")
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text)
    times = browser.find_elements(By.CSS_SELECTOR, "#search-results time")
    # The first result (the interpretation of the 保密审查办法) was published on 2024-09-30.
    assert times and times[0].get_attribute("datetime") == "2024-09-30"
    assert times[0].text == "2024年9月30日"
    browser.get((site / "search.html").as_uri() + "?q=%E4%BF%9D%E5%AF%86")
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text)
    assert browser.find_elements(By.CSS_SELECTOR, "#search-results time")[0].text == "2024-09-30"
