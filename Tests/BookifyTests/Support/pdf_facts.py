#!/usr/bin/env python3
"""Reads a PDF back for the tests, independently of bookify, and prints what a reader would
check as JSON: page labels, the outline with the page each entry opens, links, fonts, the words
on each page with their boxes (poppler), and with --code the lines set in monospace
(pdfplumber): lines whose every glyph is monospace."""
import json, re, subprocess, sys
from pypdf import PdfReader

path = sys.argv[1]
reader = PdfReader(path)
pages = reader.pages
facts = {"pages": len(pages), "labels": list(reader.page_labels), "width": float(pages[0].mediabox.width),
         "height": float(pages[0].mediabox.height)}

def outline(items, depth, out):
    for item in items:
        if isinstance(item, list):
            outline(item, depth + 1, out)
        else:
            out.append({"title": item.title, "depth": depth, "page": reader.get_destination_page_number(item)})
    return out
facts["outline"] = outline(reader.outline, 0, [])
facts["metadata"] = {key.lstrip("/"): str(value) for key, value in (reader.metadata or {}).items()}

named = {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}
links = []
for index, page in enumerate(pages):
    for annotation in page.get("/Annots") or []:
        annotation = annotation.get_object()
        if annotation.get("/Subtype") != "/Link":
            continue
        rect = [float(v) for v in annotation["/Rect"]]
        action = annotation.get("/A")
        dest = annotation.get("/Dest")
        if action is not None and action.get("/S") == "/URI":
            links.append({"page": index, "rect": rect, "uri": str(action["/URI"])})
        elif dest is not None:
            name = str(dest) if not isinstance(dest, list) else None
            target = named.get(name) if name else reader.get_destination_page_number(reader._build_destination("", dest))
            links.append({"page": index, "rect": rect, "target": target})
facts["links"] = links

fonts = subprocess.run(["pdffonts", path], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
facts["fonts"] = [{"name": line.split()[0], "embedded": line.split()[-5] == "yes"} for line in fonts if line.strip()]

# Words with their boxes, page by page (pdftotext -bbox: y grows downwards from the top).
html = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, text=True, check=True).stdout
words = []
for page in re.findall(r"<page [^>]*>(.*?)</page>", html, re.S):
    words.append([[float(a), float(b), float(c), float(d), w] for a, b, c, d, w in
                  re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page)])
facts["words"] = words

if "--layout" in sys.argv:
    # Images as placed (x0, top, x1, bottom, pixel width, pixel height), how many curves each
    # page draws (vector art), and the lines of text set in the body's face (the family most
    # characters are in, any style): top, left, right, size and text, for justification and
    # spacing checks.
    import collections
    import pdfplumber
    images, curves, lines = [], [], []
    family = lambda name: name.split("+")[-1].split("-")[0]
    with pdfplumber.open(path) as pdf:
        faces = collections.Counter(family(c["fontname"]) for page in pdf.pages[:60] for c in page.chars)
        body_face = faces.most_common(1)[0][0] if faces else ""
        for page in pdf.pages:
            page.flush_cache()
            images.append([[i["x0"], i["top"], i["x1"], i["bottom"], i["srcsize"][0], i["srcsize"][1]] for i in page.images])
            curves.append(len(page.curves))
            rows = {}
            for char in page.chars:
                if family(char["fontname"]) == body_face:
                    rows.setdefault((round(char["top"], 1), round(char["size"], 1)), []).append(char)
            lines.append([[top, min(c["x0"] for c in ink), max(c["x1"] for c in ink), size,
                           "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"]))]
                          for (top, size), chars in sorted(rows.items())
                          for ink in [[c for c in chars if c["text"].strip()]] if ink])
    facts.update(images=images, curves=curves, bodyLines=lines)

if "--code" in sys.argv:
    import pdfplumber
    lines = []
    with pdfplumber.open(path) as pdf:
        for index, page in enumerate(pdf.pages):
            rows = {}
            prose = [c["top"] for c in page.chars if "Mono" not in c["fontname"] and c["text"].strip()]
            for char in page.chars:
                if "Mono" in char["fontname"]:
                    rows.setdefault(round(char["top"], 1), []).append(char)
            for top in sorted(rows):
                # Lines of code blocks only: inline code sits among prose on its line.
                if any(abs(other - top) < 5 for other in prose):
                    continue
                text = "".join(c["text"] for c in sorted(rows[top], key=lambda c: c["x0"]))
                lines.append({"page": index, "text": text})
    facts["codeLines"] = lines

json.dump(facts, sys.stdout)
