#!/usr/bin/env python3
"""Writes a PNG for every site-local image a JSON Feed's Markdown posts refer to, at the path the
post's URL puts it under ROOT, so that builds can find them with --assets ROOT or over HTTP
(the real images of the seed are not available offline). Videos (.mp4) are left out.
    scripts/seed-site-images.py FEED ROOT [WIDTH HEIGHT]      (default 640 × 400)"""
import json, os, re, struct, sys, zlib
from urllib.parse import urljoin, urlparse

feed, root = json.load(open(sys.argv[1])), sys.argv[2]
width, height = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (640, 400)
site = urlparse(feed.get("home_page_url", "")).netloc

def png(seed):
    rows = b"".join(b"\0" + b"".join(bytes(((seed * 37 + x) & 255, (y * 3) & 255, (x ^ y) & 255)) for x in range(width))
                    for y in range(height))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))

count = 0
for item in feed["items"]:
    for ref in re.findall(r"!\[[^\]]*\]\(([^)\s]+)", item.get("content_html", "")):
        url = urlparse(urljoin(item.get("url", ""), ref))
        if url.netloc != site or url.path.endswith(".mp4"):
            continue
        path = os.path.join(root, url.path.lstrip("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(png(count))
        count += 1
