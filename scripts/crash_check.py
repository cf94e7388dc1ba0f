#!/usr/bin/env python3
"""Stops a loaded fengchao server the hard way and the polite way, and checks what it promised.

1. SIGKILL under load: 16 threads post unique messages to /webhook/generic; the server is killed
   mid-run; restarted on the same folder, every message that was acknowledged (HTTP 200) must be in
   the inbox, and the inbox must drain (each processed once).
2. SIGTERM while busy (a backlog and a 100,000-character message in it): the process must exit
   within 10 s, and after a restart the backlog drains with no reply sent twice.

Usage: scripts/crash_check.py [BINARY]   (default .build/release/fengchao, else .build/debug/fengchao)
Prints one line per check; exits 1 if a promise was broken. Not part of `make test` (it measures).
"""
import json, os, signal, sqlite3, subprocess, sys, tempfile, threading, time, urllib.request

PORT = 18191
BASE = f"http://127.0.0.1:{PORT}"


def binary():
    if len(sys.argv) > 1:
        return sys.argv[1]
    for path in (".build/release/fengchao", ".build/debug/fengchao"):
        if os.path.exists(path):
            return path
    sys.exit("build fengchao first (swift build)")


def start(data):
    env = dict(os.environ, FENGCHAO_CONFIG="")
    proc = subprocess.Popen([binary(), "serve", "--port", str(PORT), "--data", data], env=env,
                            stdout=open(os.path.join(data, "log"), "a"), stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(BASE + "/healthz", timeout=1).read()
            return proc
        except Exception:
            time.sleep(0.2)
    proc.kill()
    sys.exit("server did not start")


def post(message_id, text):
    body = json.dumps({"message_id": message_id, "group_id": "riders-1", "timestamp": 1700000000,
                       "sender": {"id": "u-" + message_id[-2:], "name": "叶强"}, "text": text}).encode()
    request = urllib.request.Request(BASE + "/webhook/generic", data=body,
                                     headers={"Content-Type": "application/json"})
    return urllib.request.urlopen(request, timeout=5).status


def inbox(data, query):
    with sqlite3.connect(os.path.join(data, "fengchao.sqlite")) as db:
        return db.execute(query).fetchall()


def drained(data, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if inbox(data, "SELECT COUNT(*) FROM inbox WHERE state = 'pending'")[0][0] == 0:
            return True
        time.sleep(0.5)
    return False


def sigkill_under_load():
    data = tempfile.mkdtemp(prefix="fengchao-kill-")
    proc = start(data)
    acked, lock, stop = [], threading.Lock(), threading.Event()

    def sender(n):
        i = 0
        while not stop.is_set():
            message_id = f"k{n}-{i:05d}"
            i += 1
            try:
                if post(message_id, f"龙西小区{i % 30 + 1}栋井盖坏了") == 200:
                    with lock:
                        acked.append(message_id)
            except Exception:
                pass

    threads = [threading.Thread(target=sender, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    time.sleep(3)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stop.set()
    for t in threads:
        t.join()
    proc = start(data)
    stored = {row[0] for row in inbox(data, "SELECT platform_message_id FROM inbox")}
    lost = [m for m in acked if m not in stored]
    ok_drain = drained(data)
    proc.terminate()
    proc.wait()
    print(f"SIGKILL under load: {len(acked)} acknowledged, {len(lost)} lost, inbox drained after restart: {ok_drain}")
    return not lost and ok_drain


def sigterm_while_busy():
    data = tempfile.mkdtemp(prefix="fengchao-term-")
    proc = start(data)
    for i in range(400):
        text = f"龙西小区{i % 30 + 1}栋井盖坏了" + ("长" * 100_000 if i == 5 else "")
        post(f"t-{i:05d}", text)
    began = time.time()
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    stopped = time.time() - began
    proc = start(data)
    ok_drain = drained(data)
    time.sleep(2)  # the outbox follows the inbox
    proc.terminate()
    proc.wait()
    # With no outbound URL each sent reply is one log line: more lines than sent rows is a reply sent twice.
    sent = inbox(data, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")[0][0]
    with open(os.path.join(data, "log"), encoding="utf-8", errors="replace") as log:
        lines = sum(1 for line in log if "reply [generic/" in line)
    twice = lines - sent
    print(f"SIGTERM while busy: stopped in {stopped:.2f} s (bound 10 s), drained after restart: {ok_drain}, "
          f"replies sent twice: {twice}")
    return stopped < 10 and ok_drain and twice == 0


if __name__ == "__main__":
    results = [sigkill_under_load(), sigterm_while_busy()]
    sys.exit(0 if all(results) else 1)
