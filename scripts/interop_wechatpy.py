#!/usr/bin/env python3
"""Live interoperability check: wechatpy (a real third-party WeChat SDK) talks to a running
`fengchao serve`, for the Official Account in safe mode and for a WeCom app.

wechatpy signs and encrypts each push exactly as WeChat does, and decrypts our passive replies;
any mismatch fails. Usage: interop_wechatpy.py PATH_TO_FENGCHAO_BINARY
Prints "N passed, M failed" last; exits non-zero on any failure.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import hashlib

from wechatpy.crypto import WeChatCrypto as OACrypto
from wechatpy.enterprise.crypto import WeChatCrypto as WeComCrypto
from wechatpy import parse_message
import xmltodict

OA_TOKEN = "interopToken"
OA_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
OA_APPID = "wx1234567890abcdef"
WC_TOKEN = "wecomToken"
WC_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut"
WC_CORP = "ww1234567890abcdef"
ADMIN = "interop-admin"

passed = 0
failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(method, url, body=None, headers=None):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def sha1_sorted(*parts):
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()


def oa_text_xml(openid, msg_id, text, create_time):
    return (f"<xml><ToUserName><![CDATA[gh_interop]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{create_time}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content><![CDATA[{text}]]></Content><MsgId>{msg_id}</MsgId></xml>")


def post_oa(base, crypto, xml, nonce, timestamp):
    envelope = xmltodict.parse(crypto.encrypt_message(xml, nonce, timestamp))["xml"]
    body = (f"<xml><ToUserName><![CDATA[gh_interop]]></ToUserName>"
            f"<Encrypt><![CDATA[{envelope['Encrypt']}]]></Encrypt></xml>")
    query = urllib.parse.urlencode({
        "signature": sha1_sorted(OA_TOKEN, timestamp, nonce), "timestamp": timestamp, "nonce": nonce,
        "openid": "o_interop", "encrypt_type": "aes", "msg_signature": envelope["MsgSignature"]})
    return request("POST", f"{base}/webhook/wechat/oa1?{query}", body.encode(), {"Content-Type": "text/xml"})


def decrypt_reply(crypto, text):
    reply = xmltodict.parse(text)["xml"]
    plain = crypto.decrypt_message(text, reply["MsgSignature"], reply["TimeStamp"], reply["Nonce"])
    return parse_message(plain)


def main():
    binary = sys.argv[1]
    data = tempfile.mkdtemp(prefix="fengchao-interop-")
    port = free_port()
    config = os.path.join(data, "config.yaml")
    with open(config, "w") as f:
        f.write(f"""
server: {{ host: 127.0.0.1, port: {port} }}
storage: {{ path: {data}/store }}
admin: {{ token: "{ADMIN}" }}
channels:
  - {{ id: oa1, kind: wechat_official_account, token: "{OA_TOKEN}", encoding_aes_key: "{OA_KEY}", app_id: "{OA_APPID}" }}
  - {{ id: wc1, kind: wecom_app, token: "{WC_TOKEN}", encoding_aes_key: "{WC_KEY}", corp_id: "{WC_CORP}" }}
groups:
  - {{ channel: oa1, id: "*", role: riders }}
  - {{ channel: wc1, id: "*", role: members }}
""")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    log = open(os.path.join(data, "serve.log"), "w")
    server = subprocess.Popen([binary, "serve", "--config", config], cwd=root, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if request("GET", base + "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.05)
        oa = OACrypto(OA_TOKEN, OA_KEY, OA_APPID)
        wc = WeComCrypto(WC_TOKEN, WC_KEY, WC_CORP)
        now = str(int(time.time()))

        # Official Account: URL check (plain signature, echostr returned as is)
        q = urllib.parse.urlencode({"signature": sha1_sorted(OA_TOKEN, now, "n0"), "timestamp": now, "nonce": "n0",
                                    "echostr": "echo-123"})
        status, body = request("GET", f"{base}/webhook/wechat/oa1?{q}")
        check("oa url check answers echostr", status == 200 and body == "echo-123", f"{status} {body!r}")
        q = urllib.parse.urlencode({"signature": "0" * 40, "timestamp": now, "nonce": "n0", "echostr": "x"})
        check("oa url check refuses a bad signature", request("GET", f"{base}/webhook/wechat/oa1?{q}")[0] in (401, 403))

        # Official Account safe mode: a report, answered passively with an encrypted receipt
        msg_id = "9223372036854775001"  # above 2^53: must survive exactly
        xml = oa_text_xml("o_rider_1", msg_id, "龙西小区12栋窨井盖破损", now)
        status, body = post_oa(base, oa, xml, "n1", now)
        check("oa safe-mode push answered 200", status == 200, f"{status} {body[:200]!r}")
        try:
            reply = decrypt_reply(oa, body)
            check("oa reply decrypts with wechatpy", True)
            check("oa reply is a text from the account to the sender",
                  reply.type == "text" and reply.source == "gh_interop" and reply.target == "o_rider_1",
                  f"{reply.source}->{reply.target}")
            check("oa reply is the receipt", "已收到 #1" in reply.content, reply.content)
        except Exception as e:  # noqa: BLE001 - any failure to decrypt is a mismatch
            check("oa reply decrypts with wechatpy", False, repr(e))

        # Retry storm: the same push three more times -> still one item, answered the same way
        answers = [post_oa(base, oa, xml, f"r{i}", now) for i in range(3)]
        check("oa retries answered 200", all(s == 200 for s, _ in answers), str([s for s, _ in answers]))
        contents = []
        for _, b in answers:
            try:
                contents.append(decrypt_reply(oa, b).content)
            except Exception:  # noqa: BLE001
                contents.append(b)
        check("oa retries repeat the receipt", all("已收到 #1" in c for c in contents), str(contents))
        status, items = request("GET", base + "/api/items", headers={"Authorization": f"Bearer {ADMIN}"})
        count = len(json.loads(items)["items"]) if status == 200 else -1
        check("oa retry storm made one item", count == 1, f"items={count}")

        # A tampered push is refused
        envelope = xmltodict.parse(oa.encrypt_message(xml, "n9", now))["xml"]
        tampered = envelope["Encrypt"][:-8] + ("A" if envelope["Encrypt"][-8] != "A" else "B") + envelope["Encrypt"][-7:]
        q = urllib.parse.urlencode({"signature": sha1_sorted(OA_TOKEN, now, "n9"), "timestamp": now, "nonce": "n9",
                                    "encrypt_type": "aes", "msg_signature": envelope["MsgSignature"]})
        status, _ = request("POST", f"{base}/webhook/wechat/oa1?{q}",
                            f"<xml><Encrypt><![CDATA[{tampered}]]></Encrypt></xml>".encode())
        check("oa tampered push refused", status in (400, 401, 403), str(status))

        # WeCom: encrypted URL check
        echo_plain = "wecom-echo-4711"
        echo = xmltodict.parse(wc.encrypt_message(echo_plain, "e1", now))["xml"]
        q = urllib.parse.urlencode({"msg_signature": echo["MsgSignature"], "timestamp": now, "nonce": "e1",
                                    "echostr": echo["Encrypt"]})
        status, body = request("GET", f"{base}/webhook/wecom/wc1?{q}")
        check("wecom url check answers the decrypted echostr", status == 200 and body == echo_plain, f"{status} {body!r}")

        # WeCom: a member registers (报到 comes first), then claims item #1 and gets the encrypted passive reply
        def wecom_push(content, msg_id, nonce):
            wxml = (f"<xml><ToUserName><![CDATA[{WC_CORP}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName>"
                    f"<CreateTime>{now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>"
                    f"<MsgId>{msg_id}</MsgId><AgentID>1000002</AgentID></xml>")
            env = xmltodict.parse(wc.encrypt_message(wxml, nonce, now))["xml"]
            body = (f"<xml><ToUserName><![CDATA[{WC_CORP}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID>"
                    f"<Encrypt><![CDATA[{env['Encrypt']}]]></Encrypt></xml>")
            q = urllib.parse.urlencode({"msg_signature": env["MsgSignature"], "timestamp": now, "nonce": nonce})
            status, text = request("POST", f"{base}/webhook/wecom/wc1?{q}", body.encode(), {"Content-Type": "text/xml"})
            return status, text, body

        status, text, _ = wecom_push("报到 张三", "1234567890123456788", "w0")
        check("wecom registration answered 200", status == 200, f"{status} {text[:200]!r}")
        status, text, body = wecom_push("认领 #1", "1234567890123456789", "w1")
        check("wecom push answered 200", status == 200, f"{status} {text[:200]!r}")
        try:
            reply = decrypt_reply(wc, text)
            check("wecom reply decrypts with wechatpy", True)
            check("wecom reply confirms the claim", "#1 已由" in reply.content and "认领" in reply.content, reply.content)
        except Exception as e:  # noqa: BLE001
            check("wecom reply decrypts with wechatpy", False, repr(e))
        q = urllib.parse.urlencode({"msg_signature": "0" * 40, "timestamp": now, "nonce": "w1"})
        status, _ = request("POST", f"{base}/webhook/wecom/wc1?{q}", body.encode())
        check("wecom bad signature refused", status in (401, 403), str(status))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if failed:
            print(open(os.path.join(data, "serve.log")).read()[-4000:])
        shutil.rmtree(data, ignore_errors=True)
    print(f"interop: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
