"""The pages of the record types added as declarations: the built-in notice, plan,
personnel and decision types, and the sample's own 建议提案办理结果 (types/proposal.yaml)."""
import pytest
from selenium_axe_python import Axe
from selenium.webdriver.common.by import By

TYPE_PAGES = ["notices/index.html", "notices/zwfwzx-2024-gqjq.html", "plans/zwgk-2024-gzyd.html",
              "personnel/mhzr-2024-3.html", "decisions/index.html", "decisions/scjg-2024-cf-18.html",
              "decisions/scjg-2024-xk-236.html", "proposals/index.html", "proposals/rdjy-2024-45.html"]


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
    browser.find_element(By.PARTIAL_LINK_TEXT, "老旧小区加装电梯").click()
    rows = {th.text: td.text for th, td in zip(browser.find_elements(By.CSS_SELECTOR, "table.metadata th"),
                                                browser.find_elements(By.CSS_SELECTOR, "table.metadata td"))}
    assert rows["建议提案编号"] == "第45号"
    assert rows["类型"] == "人大建议"
    assert rows["办理单位"] == "明湖区住房和城乡建设局"


def test_natural_person_decision_shows_the_masked_name_only(browser, site):
    browser.get((site / "decisions/scjg-2024-cf-18.html").as_uri())
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "张某某" in text and "自然人" in text
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "section.record-field h2")]
    assert headings == ["事由", "依据", "决定内容"]
