#!/usr/bin/env python3
"""Times the offline search of a built site in headless Chromium, from file://.

    python3 Benchmarks/search_latency.py SITE_DIR 政府 预算 许可

Prints the size of search-index.js (total and per 1,000 records), the time to load the
search page with its index, and for each query the median of 5 runs of the search
itself (the same function the page's form runs), with the number of hits.
"""
import pathlib
import shutil
import statistics
import sys
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

site = pathlib.Path(sys.argv[1]).resolve()
queries = sys.argv[2:] or ["政府", "预算", "许可"]
index = site / "search-index.js"
options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"]:
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
try:
    started = time.perf_counter()
    driver.get((site / "search.html").as_uri())
    loaded = time.perf_counter() - started
    records = driver.execute_script("return window.DISCLOSE_SEARCH.docs.length")
    size = index.stat().st_size
    print(f"records: {records}; search-index.js: {size / 1e6:.2f} MB ({size / 1e3 / max(1, records) * 1000 / 1000:.2f} MB per 1,000 records)")
    print(f"search page with index loaded in {loaded * 1000:.0f} ms")
    for query in queries:
        times = []
        for _ in range(5):
            # Fresh decoding each run: clear the page's cache of decoded postings.
            driver.get((site / "search.html").as_uri())
            times.append(driver.execute_script(
                "var t = performance.now(); var hits = discloseSearch(arguments[0]); "
                "window.__hits = hits.length; return performance.now() - t;", query))
        hits = driver.execute_script("return window.__hits")
        print(f"query {query!r}: {statistics.median(times):.1f} ms median of 5 (min {min(times):.1f}, max {max(times):.1f}), {hits} hits")
finally:
    driver.quit()
