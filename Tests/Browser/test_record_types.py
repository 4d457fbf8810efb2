"""The pages of the record types added as declarations: the built-in notice, plan,
personnel and decision types, and the sample's own 建议提案办理结果 (types/proposal.yaml)."""
import pytest
from selenium_axe_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

TYPE_PAGES = ["notices/index.html", "notices/zwfwzx-2024-gqjq.html", "plans/zwgk-2024-gzyd.html",
              "personnel/mhzr-2024-3.html", "decisions/index.html", "decisions/scjg-2024-cf-18.html",
              "decisions/scjg-2024-cf-27.html", "proposals/index.html", "proposals/rdjy-2024-45.html"]


@pytest.mark.parametrize("path", TYPE_PAGES)
def test_type_pages_have_no_wcag21aa_violation(browser, site, path):
    browser.get((site / path).as_uri())
    axe = Axe(browser)
    axe.inject()
    results = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
    assert violations == []


def test_declared_type_is_reached_from_the_home_page_by_links(browser, site):
    browser.get((site / "index.html").as_uri())
    browser.find_element(By.LINK_TEXT, "建议提案办理结果").click()
    assert browser.current_url.endswith("proposals/index.html")
    browser.find_element(By.PARTIAL_LINK_TEXT, "社区嵌入式养老服务站点").click()
    rows = {th.text: td.text for th, td in zip(browser.find_elements(By.CSS_SELECTOR, "table.metadata th"),
                                                browser.find_elements(By.CSS_SELECTOR, "table.metadata td"))}
    assert rows["建议提案编号"] == "第45号"
    assert rows["类型"] == "人大建议"
    assert rows["办理单位"] == "明湖区民政局"


def test_natural_person_decision_shows_the_masked_name_only(browser, site):
    browser.get((site / "decisions/scjg-2024-cf-18.html").as_uri())
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "张某某" in text and "自然人" in text
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "section.record-field h2")]
    assert headings == ["事由", "依据", "决定内容"]


def test_search_finds_a_declared_type_by_a_field_and_names_its_section(browser, site):
    # 第112号 is written only in the proposal's own field 建议提案编号, not its title or body.
    browser.get((site / "search.html").as_uri() + "?q=" + "%E7%AC%AC112%E5%8F%B7")
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text)
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results li")
    assert results and results[0].find_element(By.TAG_NAME, "a").get_attribute("href").endswith("proposals/zxta-2024-112.html")
    assert "建议提案办理结果" in results[0].text
