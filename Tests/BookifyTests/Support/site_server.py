"""A loopback web site for bookify's site-reading tests: serves the routes a test wrote in
FOLDER/routes.json, and logs every request.

routes.json maps a path with its query ("/feed/?paged=2") to
  {"file": "name in FOLDER", "type": "content type", "status": 200,
   "headers": {...}, "fail": [429, 503], "retry_after": "1"}
A route with "fail" answers those statuses first (one per request, with Retry-After when
given), then its file. ETag and Last-Modified are sent for files, and a conditional request
whose validators match is answered 304. Unknown paths are 404.

Each request is appended to FOLDER/requests.log as "PATH<TAB>OPEN" (OPEN: requests open at that
moment, this one included); every answer waits FOLDER/delay seconds (default 0.05), so that
requests that could overlap do.

Usage: python3 site_server.py FOLDER PORT_FILE
Binds 127.0.0.1 on a free port, writes the port to PORT_FILE, and stops when the process that
started it ends.
"""
import email.utils
import hashlib
import http.server
import json
import os
import sys
import threading
import time

folder, port_file = sys.argv[1], sys.argv[2]
lock = threading.Lock()
state = {"open": 0, "failures": {}}
started = email.utils.formatdate(time.time() - 86400, usegmt=True)


def routes():
    with open(os.path.join(folder, "routes.json")) as source:
        return json.load(source)


def delay():
    try:
        with open(os.path.join(folder, "delay")) as source:
            return float(source.read())
    except OSError:
        return 0.05


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        with lock:
            state["open"] += 1
            with open(os.path.join(folder, "requests.log"), "a") as log:
                log.write(f"{self.path}\t{state['open']}\n")
        try:
            time.sleep(delay())
            self.answer()
        finally:
            with lock:
                state["open"] -= 1

    def answer(self):
        route = routes().get(self.path)
        if route is None:
            return self.send(404, b"not found", "text/plain")
        failures = route.get("fail", [])
        with lock:
            count = state["failures"].get(self.path, 0)
            state["failures"][self.path] = count + 1
        if count < len(failures):
            headers = {"Retry-After": route["retry_after"]} if "retry_after" in route else {}
            return self.send(failures[count], b"busy", "text/plain", headers)
        with open(os.path.join(folder, route["file"]), "rb") as source:
            body = source.read()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        headers = dict(route.get("headers", {}))
        headers.update({"ETag": etag, "Last-Modified": started})
        if self.headers.get("If-None-Match") == etag:
            return self.send(304, b"", None, headers)
        self.send(route.get("status", 200), body, route.get("type", "text/html; charset=utf-8"), headers)

    def send(self, status, body, content_type, headers=None):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(port_file + ".tmp", "w") as out:
    out.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)


def stop_with_parent(parent):
    while os.getppid() == parent:
        time.sleep(1)
    server.shutdown()


threading.Thread(target=stop_with_parent, args=(os.getppid(),), daemon=True).start()
server.serve_forever()
