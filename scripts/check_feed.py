#!/usr/bin/env python3
"""Reads an Atom feed as feed readers do (feedparser) and prints what it found as JSON.

Fails (exit 1) when the feed is not well-formed ("bozo") or is not Atom 1.0.
Usage: check_feed.py FILE
"""
import json
import sys

import feedparser

feed = feedparser.parse(sys.argv[1])
if feed.bozo:
    sys.exit(f"not a well-formed feed: {feed.bozo_exception}")
if feed.version != "atom10":
    sys.exit(f"not Atom 1.0 but {feed.version!r}")
print(json.dumps({
    "title": feed.feed.get("title"),
    "language": feed.feed.get("language"),
    "links": [l.get("href") for l in feed.feed.get("links", [])],
    "entries": [{
        "id": e.get("id"),
        "title": e.get("title"),
        "link": e.get("link"),
        "published": e.get("published"),
        "authors": [a.get("name") for a in e.get("authors", [])],
        "summary": e.get("summary"),
        "content": [c.get("value") for c in e.get("content", [])],
        "tags": [t.get("term") for t in e.get("tags", [])],
    } for e in feed.entries],
}, ensure_ascii=False))
