"""site.yaml's links (相关链接) in the footer of every page, read in Chromium from disk."""
from selenium.webdriver.common.by import By


def test_the_footer_shows_the_sites_links_on_every_kind_of_page(browser, site):
    for path in ["index.html", "policies/index.html", "catalog.html", "search.html", "404.html", "pages/guide.html"]:
        browser.get((site / path).as_uri())
        nav = browser.find_element(By.CSS_SELECTOR, ".site-footer nav.site-links")
        assert nav.get_attribute("aria-label") == "相关链接"
        assert nav.is_displayed(), path
        links = [(a.text, a.get_attribute("href")) for a in nav.find_elements(By.TAG_NAME, "a")]
        assert links == [
            ("明湖市政府信息公开平台", "https://www.minghushi.example.gov.cn/xxgk/"),
            ("广西数字政务一体化平台", "https://zwfw.guangxi.example.gov.cn/"),
        ], path
