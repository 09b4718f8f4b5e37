#!/usr/bin/env python3
"""A reader of bookify's catalog server for the tests, on 127.0.0.1 only. Prints JSON.

  opds_client.py feed URL [AUTH]       the feed as feedparser (what many OPDS readers use) reads it
  opds_client.py load URL N [UA]       N requests at once, each on its own connection: statuses,
                                       body sizes, errors and latencies (ms)
  opds_client.py raw PORT              malformed and hostile requests, sent as raw bytes: the
                                       status line each got (or how the connection ended)
"""
import base64
import json
import socket
import statistics
import sys
import threading
import time
import urllib.request


def feed(url, auth=None):
    import feedparser
    headers = {"Authorization": "Basic " + base64.b64encode(auth.encode()).decode()} if auth else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=60) as answer:
        body = answer.read()
    parsed = feedparser.parse(body)
    print(json.dumps({
        "bozo": bool(parsed.bozo), "bozo_exception": str(parsed.get("bozo_exception", "")),
        "version": parsed.version, "title": parsed.feed.get("title"),
        "links": [{"rel": l.get("rel"), "href": l.get("href"), "type": l.get("type")} for l in parsed.feed.get("links", [])],
        "entries": [{"title": e.get("title"), "id": e.get("id"), "updated": e.get("updated"),
                     "language": e.get("dcterms_language") or e.get("language"),
                     "links": [{"rel": l.get("rel"), "href": l.get("href"), "type": l.get("type")} for l in e.get("links", [])]}
                    for e in parsed.entries],
    }))


def load(url, count, agent=None):
    results, lock, start = [], threading.Lock(), threading.Barrier(count)

    def one():
        request = urllib.request.Request(url, headers={"User-Agent": agent} if agent else {})
        start.wait()
        began = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=120) as answer:
                body = answer.read()
                outcome = {"status": answer.status, "size": len(body), "length": int(answer.headers.get("Content-Length", -1))}
        except urllib.error.HTTPError as error:
            outcome = {"status": error.code, "size": 0, "length": -1, "retry_after": error.headers.get("Retry-After")}
        except Exception as error:  # a reset or refused connection: what the test must not see
            outcome = {"status": 0, "error": repr(error)}
        outcome["ms"] = (time.monotonic() - began) * 1000
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=one) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times = sorted(r["ms"] for r in results)
    print(json.dumps({
        "statuses": sorted(r["status"] for r in results),
        "sizes": sorted({r.get("size", 0) for r in results if r["status"] == 200}),
        "lengths_match": all(r["size"] == r["length"] for r in results if r["status"] == 200),
        "retry_after": sorted({r.get("retry_after") for r in results if r["status"] == 503}),
        "errors": [r["error"] for r in results if "error" in r],
        "p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
        "max_ms": round(times[-1], 1),
    }))


HOSTILE = {
    "dot-dot": b"GET /../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
    "dot-dot-books": b"GET /books/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
    "encoded-dot-dot": b"GET /books/%2e%2e%2f%2e%2e%2fetc%2fpasswd HTTP/1.1\r\nHost: x\r\n\r\n",
    "double-encoded": b"GET /books/%252e%252e%252fetc%252fpasswd.epub HTTP/1.1\r\nHost: x\r\n\r\n",
    "encoded-slash-root": b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
    "backslash": b"GET /books/..\\..\\etc\\passwd HTTP/1.1\r\nHost: x\r\n\r\n",
    "nul": b"GET /books/abc%00.epub HTTP/1.1\r\nHost: x\r\n\r\n",
    "absolute-file": b"GET file:///etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
    "bad-format": b"GET /books/new?format=../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
    "long-target": b"GET /opds?q=" + b"a" * 10000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    "huge-header": b"GET /opds HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 100000 + b"\r\n\r\n",
    "many-headers": b"GET /opds HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(2000)) + b"\r\n",
    "garbage": b"\x00\xff\xfe\x01 not http at all\r\n\r\n",
    "bad-method": b"BREW /opds HTTP/1.1\r\nHost: x\r\n\r\n",
    "post-body": b"POST /opds HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
    "get-with-body": b"GET /opds HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
    "bad-percent": b"GET /opds/search?q=%zz%e2%28 HTTP/1.1\r\nHost: x\r\n\r\n",
    "bad-basic": b"GET /opds HTTP/1.1\r\nHost: x\r\nAuthorization: Basic !!!notbase64\r\n\r\n",
    "http-0.9": b"GET /opds\r\n\r\n",
}


def raw(port):
    outcomes = {}
    for name, request in HOSTILE.items():
        try:
            with socket.create_connection(("127.0.0.1", int(port)), timeout=10) as connection:
                connection.sendall(request)
                connection.shutdown(socket.SHUT_WR)
                answer = b""
                while len(answer) < 200000:
                    chunk = connection.recv(65536)
                    if not chunk:
                        break
                    answer += chunk
            outcomes[name] = answer.split(b"\r\n", 1)[0].decode("latin-1") if answer else "closed"
        except (ConnectionResetError, BrokenPipeError):
            outcomes[name] = "reset"
        except socket.timeout:
            outcomes[name] = "timeout"
    print(json.dumps(outcomes))


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "feed":
        feed(*arguments)
    elif command == "load":
        load(arguments[0], int(arguments[1]), *arguments[2:])
    elif command == "raw":
        raw(arguments[0])
