"""A loopback HTTP server for bookify's tests: serves a folder (with Last-Modified, so
conditional requests get 304), /gzip/PATH: PATH gzip-encoded, with two Link headers, plus
hostile routes: /slow* answers after 90 s, /huge* sends
40 MB, /loop* redirects forever, /to-file redirects to a file: URL, /redirect-to/PATH to PATH.

Usage: python3 loopback_server.py FOLDER PORT_FILE
Binds 127.0.0.1 on a free port, writes the port to PORT_FILE, and stops by itself when the
test process that started it ends, so no test leaves it running; not after a fixed time, as
a run under a sanitizer may suspend a test for half an hour between its requests.
"""
import gzip
import http.server
import os
import sys
import threading
import time

folder, port_file = sys.argv[1], sys.argv[2]


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=folder, **kwargs)

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/slow"):
            time.sleep(90)
        elif self.path.startswith("/redirect-to/"):
            self.send_response(302)
            self.send_header("Location", self.path[len("/redirect-to"):])
            self.end_headers()
        elif self.path.startswith("/gzip/"):
            with open(os.path.join(folder, self.path[len("/gzip/"):]), "rb") as source:
                body = gzip.compress(source.read())
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Link", "</next>; rel=next")
            self.send_header("Link", "</prev>; rel=prev")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path.startswith("/huge"):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            try:
                for _ in range(40 * 1024):
                    self.wfile.write(b" " * 1024)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop" + str(len(self.path)))
            self.end_headers()
        elif self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        else:
            super().do_GET()


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as out:
    out.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)


def stop_with_parent(parent):
    while os.getppid() == parent:
        time.sleep(1)
    server.shutdown()


threading.Thread(target=stop_with_parent, args=(os.getppid(),), daemon=True).start()
server.serve_forever()
