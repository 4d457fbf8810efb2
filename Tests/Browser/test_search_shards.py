"""The sharded search against the engine it replaced: the same results, ranking, snippets
and filters on the sample. The old engine (search_whole_index.js, the search script as it
was before the index was sharded) runs beside the new one on the whole index put back
together from the shards' documents and terms (whole_index.py; the one-character unions
are left to the old engine), so the expected results are computed, never written down.
Snippets differ from the old engine's only where its highlighting was wrong: it marked each
word in HTML already escaped and marked, so a later word matched inside an earlier word's
<mark> or inside an entity ("明湖区 a" marked the "a" of "<mark>"); those queries are
checked on their own below, not against the old engine."""
import pathlib
import shutil
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import requested_urls
from whole_index import write_whole_index

HERE = pathlib.Path(__file__).resolve().parent

FIXED_QUERIES = [
    "保密", "审查", "许可", "决算", "老旧", "明湖区", "密", "年", "区", "的", "政府信息公开", "2024", "2024-00008",
    "a", "x", "pdf", "第112号", "公开 指南", "明湖区 财政 预算", "土壤普查", "专项资金", "constructor",
    "__proto__", "ＡＢＣ", "é", "〇", "关于印发", "通知", "办法（试行）",
]


@pytest.fixture(scope="module")
def old_site(site, tmp_path_factory):
    """A copy of the built site whose search page runs the old engine on the whole index."""
    copy = tmp_path_factory.mktemp("old-search") / "site"
    shutil.copytree(site, copy)
    assert not (copy / "search-index.js").exists(), "the build writes only the shards"
    write_whole_index(copy, copy / "search-index.js")
    shutil.copy(HERE / "search_whole_index.js", copy / "assets" / "search-whole-index.js")
    page = (copy / "search.html").read_text(encoding="utf-8")
    page = page.replace('<script src="search-index/meta.js"></script>', '<script src="search-index.js"></script>')
    page = page.replace('<script src="assets/search.js"></script>', '<script src="assets/search-whole-index.js"></script>')
    assert "search-index.js" in page and "search-whole-index.js" in page
    (copy / "search.html").write_text(page, encoding="utf-8")
    return copy


def page_url(site, query="", kind="", year=""):
    params = {k: v for k, v in {"q": query, "type": kind, "year": year}.items() if v}
    return (site / "search.html").as_uri() + ("?" + urllib.parse.urlencode(params) if params else "")


def shown(browser, site, query, kind="", year=""):
    """What a visitor sees after searching: the status line and the results' HTML."""
    browser.get(page_url(site, query, kind, year))
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text)
    return (browser.find_element(By.ID, "search-status").text,
            browser.find_element(By.ID, "search-results").get_attribute("innerHTML"))


def derived_queries(browser, old_site):
    """Queries taken from the index itself: every title, its first character and first two."""
    browser.get(page_url(old_site))
    titles = browser.execute_script("return window.DISCLOSE_SEARCH.docs.map(function (d) { return d[1]; })")
    assert len(titles) > 20
    return sorted({q for t in titles for q in (t, t[:1], t[:2], t[-2:])})


def test_every_query_finds_the_same_documents_in_the_same_order(browser, site, old_site):
    queries = FIXED_QUERIES + derived_queries(browser, old_site)
    browser.get(page_url(old_site))
    types = browser.execute_script(
        "return Array.from(new Set(window.DISCLOSE_SEARCH.docs.map(function (d) { return d[2]; })))")
    years = browser.execute_script(
        "return Array.from(new Set(window.DISCLOSE_SEARCH.docs.map(function (d) { return d[3]; })))")
    filters = [("", "")] + [(t, "") for t in types + ["constructor"]] + [("", y) for y in years + ["1999"]] \
        + [(types[0], years[0])]
    expected = {}
    for query in queries:
        for kind, year in filters:
            expected[(query, kind, year)] = browser.execute_script(
                "return discloseSearch(arguments[0], arguments[1], arguments[2])", query, kind, year)
    assert any(expected.values()) and not all(expected.values())
    browser.get(page_url(site))
    for (query, kind, year), paths in expected.items():
        found = browser.execute_script(
            "return discloseSearch(arguments[0], arguments[1], arguments[2])", query, kind, year)
        assert found == paths, (query, kind, year)


@pytest.mark.parametrize("query, kind, year", [
    ("保密", "", ""), ("密", "", ""), ("明湖区", "guide", ""), ("明湖区", "", "2024"), ("2024-00008", "", ""),
    ("通知", "", ""), ("公开", "", ""), ("土壤普查", "", ""), ("pdf", "", ""),
])
def test_the_page_shows_what_the_old_engine_showed(browser, site, old_site, query, kind, year):
    assert shown(browser, site, query, kind, year) == shown(browser, old_site, query, kind, year)


@pytest.mark.parametrize("query, words", [
    # A record whose fields hold an "a" (as "<mark>" does) beside 明湖区; "2024" is in
    # the entity-free index number, "信息" inside "政府信息公开".
    ("明湖区 a", {"明湖区", "a"}), ("2024 a", {"2024", "a"}), ("政府信息公开 信息", {"政府信息公开", "信息"}),
])
def test_a_later_word_is_never_highlighted_inside_an_earlier_mark_or_an_entity(browser, site, query, words):
    status, html = shown(browser, site, query)
    results = browser.find_element(By.ID, "search-results")
    marks = results.find_elements(By.CSS_SELECTOR, "mark")
    assert marks, (query, status, html)
    for mark in marks:
        assert mark.text.lower() in {w.lower() for w in words} or any(
            w.lower() in mark.text.lower() for w in words), (query, mark.text)
        assert not mark.find_elements(By.CSS_SELECTOR, "mark"), (query, "nested mark")
    assert "<m<mark>" not in html and "&<mark>" not in html and "mark>" not in results.text, (query, html[:2000])


def test_the_year_filter_offers_the_same_years(browser, site, old_site):
    def years(tree):
        browser.get(page_url(tree))
        return [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR, "#search-year option")]
    assert len(years(site)) > 2
    assert years(site) == years(old_site)


def test_a_query_loads_only_the_shards_it_needs(browser, site):
    requested_urls(browser)
    browser.get(page_url(site, "保密"))
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text)
    names = sorted(u.rsplit("/", 1)[-1] for u in requested_urls(browser) if "/search-index" in u)
    assert "search-index.js" not in names
    assert names[0] == "d-0.js" and "meta.js" in names and any(n.startswith("t-") for n in names), names
    all_shards = {p.name for p in (site / "search-index").iterdir()}
    assert set(names) <= all_shards


def test_a_missing_shard_says_so_and_points_to_the_catalog(browser, site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    for shard in (copy / "search-index").glob("t-*.js"):
        shard.unlink()
    browser.get(page_url(copy, "保密"))
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text)
    assert "目录" in browser.find_element(By.ID, "search-status").text


def test_a_search_page_still_loading_the_whole_index_says_to_use_the_catalog(browser, site, tmp_path):
    """A site's own search.mustache from before the shards: a message, not a silent nothing."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = (copy / "search.html").read_text(encoding="utf-8")
    (copy / "search.html").write_text(page.replace("search-index/meta.js", "search-index.js"), encoding="utf-8")
    browser.get(page_url(copy, "保密"))
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text)
    assert "目录" in browser.find_element(By.ID, "search-status").text
