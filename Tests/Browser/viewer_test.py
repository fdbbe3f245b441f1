#!/usr/bin/env python3
"""Drives kmap's viewer in headless Chromium (Debian's chromium, chromium-driver, python3-selenium).

Usage: viewer_test.py VIEWER.html
       viewer_test.py REPORT.html report   (an HTML report: the viewer with every day's events below it)
Prints one JSON object of what it saw; exits 0 when every check passed, 1 when one failed (the reason on
stderr), 77 when no browser can be driven (the caller skips and says why).
"""
import json
import sys
import time

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as error:
    print(f"selenium is not installed ({error}); Debian package python3-selenium", file=sys.stderr)
    sys.exit(77)

path = sys.argv[1]
mode = sys.argv[2] if len(sys.argv) > 2 else "viewer"
options = Options()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
try:
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
except Exception as error:  # no browser, no driver, or they do not match
    print(f"cannot start headless chromium: {error}", file=sys.stderr)
    sys.exit(77)

seen = {}
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def text(element_id):
    return driver.find_element(By.ID, element_id).text


def run_viewer():
    wait = WebDriverWait(driver, 10)
    started = time.monotonic()
    driver.get("file://" + path + "#2016-02-24")
    wait.until(lambda d: d.execute_script("return document.body.dataset.day") == "2016-02-24")
    seen["openSeconds"] = round(time.monotonic() - started, 3)
    seen["date"] = text("kv-date")
    check(seen["date"].startswith("24 February 2016"), f"the page opened on {seen['date']!r}, not 24 February 2016")
    seen["khanasirTitle"] = driver.execute_script("return document.querySelector('#place-khanasir > title').textContent")
    check("contested" in seen["khanasirTitle"], f"Khanasir's hover title does not say contested: {seen['khanasirTitle']!r}")
    check("Khanasir: ISIL → ISIL, contested by Government" in text("kv-changes"), "the day's changes do not list Khanasir")

    # A step of the slider by the keyboard (an input event, as a user's drag gives): the next day, and its timing.
    slider = driver.find_element(By.ID, "kv-slider")
    slider.send_keys(Keys.ARROW_RIGHT)
    wait.until(lambda d: d.execute_script("return document.body.dataset.day") == "2016-02-25")
    seen["afterSlider"] = text("kv-date")
    seen["sliderStepMs"] = float(driver.execute_script("return document.body.dataset.renderMs"))
    seen["hashAfterSlider"] = driver.execute_script("return location.hash")
    check(seen["afterSlider"].startswith("25 February 2016"), f"the slider step shows {seen['afterSlider']!r}")
    check(seen["hashAfterSlider"] == "#2016-02-25", f"the address does not follow the slider: {seen['hashAfterSlider']!r}")
    title = driver.execute_script("return document.querySelector('#place-khanasir > title').textContent")
    check("Government, held" in title, f"Khanasir on 25 February: {title!r}")

    # The arrow keys on the page, and a changed fragment.
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_LEFT)
    wait.until(lambda d: d.execute_script("return document.body.dataset.day") == "2016-02-24")
    driver.execute_script("location.hash = '#2016-03-10'")
    wait.until(lambda d: d.execute_script("return document.body.dataset.day") == "2016-03-10")
    seen["afterHash"] = text("kv-date")

    # Clicking a place shows the chain of events behind it, up to the day shown.
    driver.execute_script("location.hash = '#2016-02-24'")
    wait.until(lambda d: d.execute_script("return document.body.dataset.day") == "2016-02-24")
    driver.find_element(By.ID, "label-khanasir").click()  # the name: Tal Za'rour's ring overlaps the marker
    wait.until(lambda d: d.find_element(By.ID, "kv-place").is_displayed())
    seen["chain"] = text("kv-place-chain")
    check("re-entered Khanasir" in seen["chain"], "the chain lacks the re-entry of 24 February")
    check("recaptured Khanasir" not in seen["chain"], "the chain shows an event after the day")

    # Play advances on its own; pause stops.
    driver.find_element(By.ID, "kv-play").click()
    wait.until(lambda d: d.execute_script("return document.body.dataset.day") == "2016-02-25")
    driver.find_element(By.ID, "kv-play").click()
    seen["afterPlay"] = driver.execute_script("return document.body.dataset.day")
    seen["errors"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    check(not seen["errors"], f"console errors: {seen['errors']}")


def run_report():
    wait = WebDriverWait(driver, 10)
    driver.get("file://" + path + "#2016-02-24")
    wait.until(lambda d: d.execute_script("return document.body.dataset.day") == "2016-02-24")
    seen["date"] = text("kv-date")
    check(seen["date"].startswith("24 February 2016"), f"the report opened on {seen['date']!r}, not 24 February 2016")
    seen["days"] = driver.execute_script("return JSON.parse(document.getElementById('kmap-data').textContent).days")
    check(driver.find_element(By.ID, "kv-slider").get_attribute("max") == str(len(seen["days"]) - 1),
          "the slider does not span the report's days")
    title = driver.execute_script("return document.querySelector('#place-khanasir > title').textContent")
    check("contested" in title, f"Khanasir's hover title on 24 February: {title!r}")
    seen["scrollY"] = driver.execute_script("return window.scrollY")
    check(seen["scrollY"] == 0, "the day's fragment scrolled the page away from the map")

    # What a reader sees: every quote of the report's days once, no pointer to another command.
    shown = " ".join(driver.execute_script("return document.body.innerText").split())
    quotes = driver.execute_script(
        "const d = JSON.parse(document.getElementById('kmap-data').textContent);"
        "const days = new Set(d.days); return [...new Set(d.events.filter(e => days.has(e.day)).map(e => e.quote))];")
    counts = {q: shown.count(" ".join(q.split())) for q in quotes}
    seen["quotes"] = len(quotes)
    seen["quotesNotOnce"] = {q[:60]: n for q, n in counts.items() if n != 1}
    check(quotes and not seen["quotesNotOnce"], f"quotes not shown exactly once: {seen['quotesNotOnce']}")
    check("kmap timeline" not in shown, "the page sends the reader to kmap timeline")
    check("Appendix: how the sources were read" in shown, "no appendix of readings")

    # A day's "show on the map" link moves the map to that day and brings it into view.
    section = driver.find_element(By.ID, "events-2016-02-25")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", section)
    # Clicked by script: selenium's own click scrolls the link to the top, under the sticky day controls.
    driver.execute_script("arguments[0].click()", section.find_element(By.CLASS_NAME, "kr-show"))
    wait.until(lambda d: d.execute_script("return document.body.dataset.day") == "2016-02-25")
    seen["afterLink"] = text("kv-date")
    check(seen["afterLink"].startswith("25 February 2016"), f"the link showed {seen['afterLink']!r}")
    top = driver.execute_script("return document.getElementById('kv-date').getBoundingClientRect().top")
    check(-1 <= top < 200, f"the map is not in view after the link (date at {top}px)")

    # The side panel lists the day's events by number and headline, and points below for the quotes.
    seen["asideEvents"] = text("kv-events")
    check("Quotes and sources below" in seen["asideEvents"], "the side panel does not point to the quotes below")
    slider = driver.find_element(By.ID, "kv-slider")
    slider.send_keys(Keys.ARROW_RIGHT)
    wait.until(lambda d: d.execute_script("return document.body.dataset.day") == "2016-02-26")
    check(driver.execute_script("return location.hash") == "#2016-02-26", "the address does not follow the slider")
    seen["loaded"] = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    check(not seen["loaded"], f"the page loaded {seen['loaded']}")
    seen["errors"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    check(not seen["errors"], f"console errors: {seen['errors']}")


try:
    if mode == "report":
        run_report()
    else:
        run_viewer()
except Exception as error:
    failures.append(f"{type(error).__name__}: {error}")
finally:
    driver.quit()

print(json.dumps(seen, ensure_ascii=False))
for failure in failures:
    print(failure, file=sys.stderr)
sys.exit(1 if failures else 0)
