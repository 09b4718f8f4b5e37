#!/usr/bin/env python3
"""Writes a JSON Feed that is FEED's posts N times over, each copy with its own ids and URLs
(so that nothing is merged as a repeat): the benchmark's larger blogs.
    scripts/scale-feed.py FEED N OUT"""
import json, sys

feed_path, copies, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
feed = json.load(open(feed_path))
items = []
for copy in range(copies):
    for item in feed["items"]:
        item = dict(item, id=f"{copy}-{item.get('id', '')}")
        if "url" in item:
            item["url"] = item["url"].rstrip("/") + (f"-copy{copy}/" if copy else "/")
        items.append(item)
json.dump(dict(feed, items=items), open(out_path, "w"))
