#!/usr/bin/env python3
"""Real-browser test of the board and the simulator: Debian's Chromium driven by Selenium against a
running `fengchao serve` (demo configuration, empty data folder).

It logs in as the demo secretary, filters the item list, opens an item, verifies it and sees it
closed; opens the 研判 report for today and checks its numbers, chart and print layout; sends a
report in the group-chat simulator and sees the bot's receipt; and saves screenshots of the
overview, an item page, the report (screen and print) and the simulator on a phone-sized and a
desktop-sized window into the folder given as the second argument.

Usage: browser_test.py PATH/TO/fengchao SCREENSHOT_DIR
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from zoneinfo import ZoneInfo

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

PHONE = (390, 844)
DESKTOP = (1280, 900)
failures = []


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f" — {detail}"), flush=True)
    if not condition:
        failures.append(name)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_server(base, process, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"fengchao exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("fengchao did not start")


def post_message(base, message_id, group, sender, name, text, images=()):
    body = {"message_id": message_id, "group_id": group, "text": text, "sender": {"id": sender, "name": name}}
    if images:
        body["attachments"] = [{"type": "image", "url": url} for url in images]
    request = urllib.request.Request(
        base + "/webhook/generic", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 200


def wait_for_status(base, item, status, seconds=20):
    """The webhook answers before the message is processed; the admin API shows when it was."""
    deadline = time.time() + seconds
    request = urllib.request.Request(base + f"/api/items/{item}", headers={"Authorization": "Bearer change-me"})
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                if json.load(response)["item"]["status"] == status:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"item #{item} never became {status}")


def browser(size):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN",
                 f"--window-size={size[0]},{size[1]}"):
        options.add_argument(flag)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_window_size(*size)
    return driver


def login(driver, base):
    driver.get(base + "/board")
    WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.ID, "username")))
    driver.find_element(By.ID, "username").send_keys("secretary")
    driver.find_element(By.ID, "password").send_keys("fengchao")
    driver.find_element(By.ID, "login-submit").click()
    WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.ID, "stats-now")))


def screenshot(driver, folder, name, scroll=None):
    path = os.path.join(folder, name)
    # A full-page shot: grow the window to the page's height for the capture.
    width = driver.get_window_size()["width"]
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, max(height, 600))
    if scroll:
        # Resizing the window shrinks a scrolling pane under its content; show its latest lines.
        driver.execute_script(f"var e = document.getElementById('{scroll}'); e.scrollTop = e.scrollHeight;")
    driver.save_screenshot(path)
    print("saved", path, flush=True)


def board_story(base, shots):
    driver = browser(DESKTOP)
    try:
        login(driver, base)
        check("login shows the overview", "当前待办" in driver.page_source)
        check("overview counts the submitted item",
              driver.find_element(By.ID, "stat-stat_submitted").text.startswith("1"))
        # Filter the list to items awaiting verification.
        driver.get(base + "/board/items")
        Select(driver.find_element(By.ID, "filter-status")).select_by_value("submitted")
        driver.find_element(By.ID, "filter-submit").click()
        WebDriverWait(driver, 10).until(EC.url_contains("status=submitted"))
        rows = driver.find_elements(By.CSS_SELECTOR, "#item-list .item-row")
        check("filter shows exactly the submitted item", [r.get_attribute("data-id") for r in rows] == ["1"],
              [r.get_attribute("data-id") for r in rows])
        rows[0].find_element(By.CSS_SELECTOR, "a.id").click()
        WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.ID, "action-verify")))
        check("item page shows the report", "龙西小区" in driver.find_element(By.ID, "item-place").text)
        for size, suffix in ((DESKTOP, "desktop"), (PHONE, "phone")):
            driver.set_window_size(*size)
            screenshot(driver, shots, f"item-{suffix}.png")
        driver.set_window_size(*DESKTOP)
        driver.find_element(By.ID, "verify-note").send_keys("现场已修复")
        driver.find_element(By.ID, "action-verify").click()
        WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.ID, "item-status")))
        check("verified item shows closed", driver.find_element(By.ID, "item-status").text == "已办结",
              driver.find_element(By.ID, "item-status").text)
        check("notice confirms the verification", "已验收通过" in driver.find_element(By.ID, "notice").text)
        driver.get(base + "/board")
        for size, suffix in ((DESKTOP, "desktop"), (PHONE, "phone")):
            driver.set_window_size(*size)
            driver.get(base + "/board")
            screenshot(driver, shots, f"overview-{suffix}.png")
        report_story(driver, base, shots)
    finally:
        driver.quit()


def report_story(driver, base, shots):
    # The item was reported today (the community's day), so today's range holds it.
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    driver.set_window_size(*DESKTOP)
    driver.get(base + "/board/report")
    check("the report menu opens last week's report", "研判报告" in driver.find_element(By.ID, "report-title").text)
    driver.get(base + f"/board/report?from={today}&to={today}")
    WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.ID, "report-stats")))
    reported = driver.find_element(By.ID, "report-report_reported").text
    check("the report counts today's report", reported.startswith("1"), reported)
    closed = driver.find_element(By.ID, "report-report_closed").text
    check("the report counts the verified item", closed.startswith("1"), closed)
    bars = [t.text for t in driver.find_elements(By.CSS_SELECTOR, "svg.bars text")]
    check("the category chart draws a bar for 井盖", "井盖" in bars, bars)
    check("the report links its CSV",
          driver.find_element(By.ID, "report-csv").get_attribute("href").endswith(f"report.csv?from={today}&to={today}"))
    screenshot(driver, shots, "report-desktop.png")
    # On paper: the menu and the buttons are not printed.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    check("a printed report has no menu", not driver.find_element(By.CSS_SELECTOR, "nav.menu").is_displayed())
    check("a printed report has no range form", not driver.find_element(By.ID, "report-range").is_displayed())
    screenshot(driver, shots, "report-print.png")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def simulator_story(base, shots):
    for size, suffix in ((PHONE, "phone"), (DESKTOP, "desktop")):
        driver = browser(size)
        try:
            driver.get(base + "/")
            WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.ID, "send")))
            Select(driver.find_element(By.ID, "persona")).select_by_index(0)
            before = len(driver.find_elements(By.CSS_SELECTOR, "#chat .bubble.bot"))
            text = "广场花苑3栋门口下水道堵了，污水漫出来了" if suffix == "phone" else "平东小区5栋楼下消防通道被车堵了"
            box = driver.find_element(By.ID, "message")
            box.send_keys(text)
            photo = driver.find_elements(By.ID, "photo")
            if photo:
                options = Select(photo[0]).options
                if len(options) > 1:
                    Select(photo[0]).select_by_index(1)
            driver.find_element(By.ID, "send").click()
            WebDriverWait(driver, 15).until(
                lambda d: len(d.find_elements(By.CSS_SELECTOR, "#chat .bubble.bot")) > before)
            bot = driver.find_elements(By.CSS_SELECTOR, "#chat .bubble.bot")[-1].text
            check(f"simulator receipt appears ({suffix})", "已收到" in bot, bot)
            screenshot(driver, shots, f"simulator-{suffix}.png", scroll="chat")
        finally:
            driver.quit()


def main():
    binary, shots = sys.argv[1], sys.argv[2]
    os.makedirs(shots, exist_ok=True)
    data = tempfile.mkdtemp(prefix="fengchao-browser-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, FENGCHAO_CONFIG="")
    process = subprocess.Popen(
        [binary, "serve", "--port", str(port), "--data", data, "--log-level", "warning"], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_server(base, process)
        post_message(base, "b-1", "riders-1", "u-7", "叶强", "龙西小区12栋窨井盖破损")
        post_message(base, "b-2", "members-1", "p-1", "张三", "报到 张三")
        post_message(base, "b-3", "members-1", "p-1", "张三", "认领 #1")
        post_message(base, "b-4", "members-1", "p-1", "张三", "#1 完成")
        wait_for_status(base, 1, "submitted")
        board_story(base, shots)
        simulator_story(base, shots)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(data, ignore_errors=True)
    print(f"browser: {len(failures)} failed" if failures else "browser: all checks passed", flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
