#!/usr/bin/env python3
"""Compares the sharded search with the engine it replaced on a built site, from file://.

    python3 Tests/Browser/search_parity.py SITE_DIR [QUERY ...]

The old engine (Tests/Browser/search_whole_index.js) runs on the whole index put back
together from the shards (whole_index.py), from a page and a script put beside
search.html for the run and removed after. For every query (the given ones, or ones taken from the index: titles,
their first character and first two) and every type and year filter, the two must find
the same documents in the same order, and for the first queries show the same page.
Prints the number of comparisons and every difference; exits 1 on any.
"""
import pathlib
import shutil
import sys
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from whole_index import write_whole_index

site = pathlib.Path(sys.argv[1]).resolve()
here = pathlib.Path(__file__).resolve().parent
old_page = site / "search-whole-index.html"
old_script = site / "assets" / "search-whole-index.js"
old_index = site / "search-whole-index-data.js"
write_whole_index(site, old_index)
page = (site / "search.html").read_text(encoding="utf-8")
page = page.replace('<script src="search-index/meta.js"></script>', '<script src="search-whole-index-data.js"></script>')
page = page.replace('<script src="assets/search.js"></script>', '<script src="assets/search-whole-index.js"></script>')
old_page.write_text(page, encoding="utf-8")
shutil.copy(here / "search_whole_index.js", old_script)

options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"]:
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
driver.set_script_timeout(120)
differences = 0
try:
    driver.get(old_page.as_uri())
    docs = driver.execute_script("return window.DISCLOSE_SEARCH.docs.map(function (d) { return [d[1], d[2], d[3]]; })")
    queries = sys.argv[2:] or sorted({q for title, _, _ in docs[::97] for q in (title, title[:1], title[:2], title[-2:])})
    types = sorted({d[1] for d in docs})
    years = sorted({d[2] for d in docs})
    filters = [("", "")] + [(t, "") for t in types] + [("", y) for y in years]
    call = "return discloseSearch(arguments[0], arguments[1], arguments[2])"
    expected = {(q, t, y): driver.execute_script(call, q, t, y) for q in queries for t, y in filters}
    driver.get((site / "search.html").as_uri())
    for key, paths in expected.items():
        found = driver.execute_script(call, *key)
        if found != paths:
            differences += 1
            print(f"differs: {key}: old {len(paths)} hits, new {len(found)}")

    def shown(url):
        driver.get(url)
        WebDriverWait(driver, 60).until(lambda d: d.find_element(By.ID, "search-status").text)
        return (driver.find_element(By.ID, "search-status").text,
                driver.find_element(By.ID, "search-results").get_attribute("innerHTML"))
    shown_queries = queries[:20]
    for query in shown_queries:
        suffix = "?q=" + urllib.parse.quote(query)
        if shown(old_page.as_uri() + suffix) != shown((site / "search.html").as_uri() + suffix):
            differences += 1
            print(f"page differs: {query!r}")
    hits = sum(len(p) for p in expected.values())
    print(f"{len(expected)} searches ({len(queries)} queries x {len(filters)} filters, {hits} hits in all) "
          f"and {len(shown_queries)} result pages compared: {differences} differences")
finally:
    driver.quit()
    old_page.unlink()
    old_script.unlink()
    old_index.unlink()
sys.exit(1 if differences else 0)
