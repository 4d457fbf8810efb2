"""The column's fixed pages (政府信息公开指南, 制度, 机构职能, 依申请公开) as a kiosk visitor
finds them: from the navigation of every page, from the home page and from the search."""
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

FIXED_PAGES = ["pages/guide.html", "pages/rules.html", "pages/functions.html", "pages/request.html"]


def test_the_guide_is_reached_from_the_home_page_and_the_navigation(browser, site):
    browser.get((site / "index.html").as_uri())
    browser.find_element(By.CSS_SELECTOR, ".guide-link a").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "明湖区人民政府信息公开指南"
    browser.find_element(By.CSS_SELECTOR, ".site-nav a[href$='pages/request.html']").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "依申请公开"
    current = browser.find_element(By.CSS_SELECTOR, ".site-nav a[aria-current='page']")
    assert current.get_attribute("href").endswith("pages/request.html")
    # The application form is listed with its title, kind and size, and is in the tree.
    item = browser.find_element(By.CSS_SELECTOR, ".attachments li")
    assert item.text.startswith("附件1：明湖区人民政府政府信息公开申请表（PDF，")
    link = item.find_element(By.TAG_NAME, "a").get_attribute("href")
    assert link.startswith("file://")
    assert (site / "pages" / urllib.parse.unquote(link.rsplit("/", 1)[1])).is_file()


def test_search_finds_a_page_under_its_role(browser, site):
    browser.get((site / "search.html").as_uri() + "?q=" + urllib.parse.quote("受理机构"))
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li a"))
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results li")
    guide = [r for r in results if r.find_element(By.TAG_NAME, "a").get_attribute("href").endswith("pages/guide.html")]
    assert guide, [r.text for r in results]
    assert guide[0].find_element(By.CSS_SELECTOR, ".meta").text == "政府信息公开指南"
    assert browser.execute_script("return discloseSearch('机构职能', 'page')") == ["pages/functions.html"]


@pytest.mark.parametrize("path", FIXED_PAGES + ["policies/2024/mhbf-2024-12.html"])
def test_axe_finds_no_wcag21aa_violation_on_fixed_pages(browser, site, path):
    browser.get((site / path).as_uri())
    axe = Axe(browser)
    axe.inject()
    results = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
    assert violations == []
