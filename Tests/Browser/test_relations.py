"""政策解读 and 有效性 as a visitor meets them: from a policy to its interpretation and back,
and from an amended policy to the document that amended it, all from disk."""
import pytest
from selenium.webdriver.common.by import By
from selenium_axe_python import Axe


def open_page(browser, site, path):
    browser.get((site / path).as_uri())
    return browser


def test_policy_and_interpretation_link_each_other(browser, site):
    open_page(browser, site, "policies/mhf-2024-3.html")
    block = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby='related-interprets']")
    assert block.find_element(By.TAG_NAME, "h2").text == "相关解读"
    block.find_element(By.LINK_TEXT, "《明湖区政府信息公开工作规定》政策解读").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "《明湖区政府信息公开工作规定》政策解读"
    back = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby='relation-interprets']")
    assert back.find_element(By.TAG_NAME, "h2").text == "解读的文件"
    back.find_element(By.TAG_NAME, "a").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "明湖区人民政府关于印发《明湖区政府信息公开工作规定》的通知"


def test_amended_policy_leads_to_the_amending_one(browser, site):
    open_page(browser, site, "policies/mhf-2024-3.html")
    notice = browser.find_element(By.CSS_SELECTOR, ".notice-amended")
    assert "已修改" in notice.text
    notice.find_element(By.TAG_NAME, "a").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "明湖区人民政府关于修改《明湖区政府信息公开工作规定》的决定"
    listed = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby='related-amended_by'] a")
    assert listed.text == "明湖区人民政府关于印发《明湖区政府信息公开工作规定》的通知"


PAGES = ["interpretations/index.html", "interpretations/jd-mhf-2024-3.html", "interpretations/tj-mhbf-2024-12.html",
         "policies/mhf-2024-3.html", "policies/mhf-2025-6.html", "policies/mhf-2023-15.html"]


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_wcag21aa_violation_on_relation_pages(browser, site, path):
    open_page(browser, site, path)
    axe = Axe(browser)
    axe.inject()
    results = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
    assert violations == []
