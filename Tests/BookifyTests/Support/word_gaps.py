"""Word gaps on the justified lines of a PDF's body text, as a reader of printed books judges
them: for every line set at the body size that reaches the text block's right edge (a full,
justified line, so not a paragraph's last), the gaps between its words. Prints JSON: the
number of such lines, the median gap, how many lines have a gap over 1.6 and over 2.5 times
the median, the widest ratio (with its page and text), and the longest run of consecutive
lines ending in a hyphen.
    python3 word_gaps.py BOOK.pdf [--first-page N]
"""
import collections, json, statistics, sys

import pdfplumber

path = sys.argv[1]
first = int(sys.argv[sys.argv.index("--first-page") + 1]) if "--first-page" in sys.argv else 0
lines = []  # (page, chars) for every line at the body size
with pdfplumber.open(path) as pdf:
    sizes = collections.Counter()
    for page in pdf.pages[first:first + 40]:
        sizes.update(round(c["size"], 1) for c in page.chars if c["text"].strip())
    body = sizes.most_common(1)[0][0]
    for index, page in enumerate(pdf.pages[first:], start=first):
        rows = collections.defaultdict(list)  # by baseline: inline code, set smaller, shares its line
        for char in page.chars:
            if char["text"].strip() and char.get("upright", True):
                rows[round(char["matrix"][5], 1)].append(char)
        rows = {key: row for key, row in rows.items() if sum(abs(c["size"] - body) < 0.05 for c in row) > len(row) / 2}
        rights = [max(c["x1"] for c in row) for row in rows.values()]
        if not rights:
            continue
        edge = sorted(rights)[int(0.9 * (len(rights) - 1))]
        for baseline in sorted(rows, reverse=True):
            row = sorted(rows[baseline], key=lambda c: c["x0"])
            lines.append((index, row, abs(row[-1]["x1"] - edge) < 1.0 and len(rights) > 4))

gaps_of = []
for page, row, full in lines:
    if not full:
        continue
    # Spaces inside inline code are the code's own (a monospace space is wider): not word gaps.
    gaps = [b["x0"] - a["x1"] for a, b in zip(row, row[1:])
            if b["x0"] - a["x1"] > 0.12 * body and not ("Mono" in a["fontname"] and "Mono" in b["fontname"])]
    if gaps:
        gaps_of.append((page, row, gaps))
median = statistics.median(g for _, _, gaps in gaps_of for g in gaps)
loose = [max(gaps) / median for _, _, gaps in gaps_of]
worst = max(range(len(gaps_of)), key=lambda i: loose[i])
hyphen_run = run = 0
for page, row, full in lines:
    run = run + 1 if row[-1]["text"] in "-\u00ad\u2010" and row[-2]["text"].isalpha() else 0
    hyphen_run = max(hyphen_run, run)
json.dump({"lines": len(gaps_of), "median": round(median, 3), "over1_6": sum(r > 1.6 for r in loose),
           "over2_5": sum(r > 2.5 for r in loose), "worst": round(loose[worst], 2),
           "worstPage": gaps_of[worst][0], "worstText": "".join(c["text"] for c in gaps_of[worst][1]),
           "hyphenRun": hyphen_run, "bodySize": body}, sys.stdout)
print()
