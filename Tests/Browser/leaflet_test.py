#!/usr/bin/env python3
"""Opens docs/OTHER-TOOLS.md's Leaflet example on kmap's GeoJSON export in headless Chromium.

Usage: leaflet_test.py OTHER-TOOLS.md EXPORT.geojson EXPECTED_FEATURES
The example's `leaflet.css`/`leaflet.js` become Debian's libjs-leaflet files; the page is written beside the
export (the example fetches `khanasir.geojson`). Exits 0 when the map shows EXPECTED_FEATURES features, 1 when
not, 77 when no browser or Leaflet can be used.
"""
import json
import os
import re
import sys

LEAFLET = "/usr/share/javascript/leaflet"
docs, export, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
if not os.path.exists(LEAFLET + "/leaflet.js"):
    print("Leaflet is not installed (Debian package libjs-leaflet)", file=sys.stderr)
    sys.exit(77)
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as error:
    print(f"selenium is not installed ({error})", file=sys.stderr)
    sys.exit(77)

example = re.search(r"```html\n(.*?)```", open(docs, encoding="utf-8").read(), re.S).group(1)
example = example.replace('href="leaflet.css"', f'href="file://{LEAFLET}/leaflet.css"')
example = example.replace('src="leaflet.js"', f'src="file://{LEAFLET}/leaflet.js"')
folder = os.path.dirname(export)
os.replace(export, os.path.join(folder, "khanasir.geojson")) if os.path.basename(export) != "khanasir.geojson" else None
page = os.path.join(folder, "leaflet.html")
with open(page, "w", encoding="utf-8") as f:
    f.write("<!doctype html><meta charset=utf-8>\n" + example)

options = Options()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1000,800",
                 "--allow-file-access-from-files"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
try:
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
except Exception as error:
    print(f"cannot start headless chromium: {error}", file=sys.stderr)
    sys.exit(77)
seen = {}
try:
    driver.get("file://" + page)
    count = "return document.querySelectorAll('path.leaflet-interactive').length"
    try:
        WebDriverWait(driver, 10).until(lambda d: d.execute_script(count) >= expected)
    except Exception:
        pass
    seen["features"] = driver.execute_script(count)
    seen["isil"] = driver.execute_script("return document.querySelectorAll('path[stroke=\"#1a1a1a\"]').length")
    seen["errors"] = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
finally:
    driver.quit()
print(json.dumps(seen))
ok = seen["features"] == expected and seen["isil"] > 0 and not seen["errors"]
sys.exit(0 if ok else 1)
