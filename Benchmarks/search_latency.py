#!/usr/bin/env python3
"""Times the offline search of a built site in headless Chromium, from file://.

    python3 Benchmarks/search_latency.py SITE_DIR 政府 预算 许可

Prints the size of the sharded index (search-index/, and search-index.js, the whole index
the search page no longer loads), the time to load the search page until it is ready to
search, and for each query, on a freshly loaded page each time, the median of 5 runs of
what the page's form does (load the shards the query needs, search, show the results),
with the number of hits and the bytes of index the query loaded.
"""
import json
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
options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"]:
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
driver.execute_cdp_cmd("Network.enable", {})


def index_bytes_requested():
    """The bytes of the index files the page asked for since the last call."""
    total = 0
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if "/search-index" in url and url.startswith("file://"):
                total += pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(url).path)).stat().st_size
    return total


try:
    shards = sorted((site / "search-index").iterdir())
    whole = site / "search-index.js"
    driver.get((site / "search.html").as_uri())
    records = driver.execute_script("return window.DISCLOSE_SEARCH_META.documents")
    total = sum(p.stat().st_size for p in shards)
    print(f"documents: {records}; search-index/: {len(shards)} files, {total / 1e6:.2f} MB "
          f"(largest {max(p.stat().st_size for p in shards) / 1e3:.0f} KB); "
          f"search-index.js (not loaded by the page): {whole.stat().st_size / 1e6:.2f} MB")
    ready = []
    for _ in range(5):
        index_bytes_requested()
        started = time.perf_counter()
        driver.get((site / "search.html").as_uri())
        ready.append(time.perf_counter() - started)
    print(f"search page ready in {statistics.median(ready) * 1000:.0f} ms median of 5, "
          f"{index_bytes_requested() / 5 / 1e3:.0f} KB of index loaded")
    for query in queries:
        times, loaded = [], []
        for _ in range(5):
            # A fresh page each run: nothing loaded or decoded yet.
            driver.get((site / "search.html").as_uri())
            index_bytes_requested()
            times.append(driver.execute_script(
                "var t = performance.now(); return discloseSearchShow(arguments[0], '', '').then(function () {"
                " return performance.now() - t; });", query))
            loaded.append(index_bytes_requested())
        hits = driver.execute_script("return document.getElementById('search-status').textContent")
        print(f"query {query!r}: {statistics.median(times):.1f} ms median of 5 (min {min(times):.1f}, "
              f"max {max(times):.1f}), {max(loaded) / 1e6:.2f} MB of index loaded; {hits}")
finally:
    driver.quit()
