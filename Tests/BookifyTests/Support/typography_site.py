#!/usr/bin/env python3
"""Writes the Markdown site the PDF typography tests build (issue 13) into FOLDER: a long
table, a wide one and one with spans and a caption; wide, tall, tiny, vector and missing
images; footnotes; thirty headings; a long code line and a long code block; Greek, Cyrillic
and Nordic text; a right-to-left post. Standard library only.
    typography_site.py FOLDER"""
import os, struct, sys, zlib

root = sys.argv[1]
os.makedirs(os.path.join(root, "images"), exist_ok=True)
open(os.path.join(root, "config.toml"), "w").write('title = "Typography"\nlanguageCode = "en-us"\n')

def png(name, width, height):
    """A grey gradient with a dark frame: distortion or clipping would show."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        edge = y < 4 or y >= height - 4
        rows += bytes(30 if edge or x < 4 or x >= width - 4 else 120 + (x + y) % 100 for x in range(width))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(bytes(rows), 6)) + chunk(b"IEND", b"")
    open(os.path.join(root, "images", name), "wb").write(data)

def gif(name, width, height):
    """A four-colour GIF, LZW codes kept at 3 bits by a clear code before every two pixels."""
    codes = []
    for y in range(height):
        for x in range(width):
            if len(codes) % 3 == 0:
                codes.append(4)  # clear
            codes.append(0 if x < 3 or y < 3 or x >= width - 3 or y >= height - 3 else 1 + (x // 8 + y // 8) % 3)
    codes.append(5)  # end
    bits, count, data = 0, 0, bytearray()
    for code in codes:
        bits |= code << count
        count += 3
        while count >= 8:
            data.append(bits & 0xFF)
            bits >>= 8
            count -= 8
    if count:
        data.append(bits & 0xFF)
    blocks = b"".join(bytes([len(data[i:i + 255])]) + data[i:i + 255] for i in range(0, len(data), 255))
    out = b"GIF89a" + struct.pack("<HHBBB", width, height, 0x81, 0, 0) + bytes([20, 20, 40, 90, 90, 160, 160, 160, 200, 230, 230, 230])
    out += b"," + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x02" + blocks + b"\x00;"
    open(os.path.join(root, "images", name), "wb").write(out)

gif("animated.gif", 160, 80)
png("wide.png", 3000, 1000)
png("tall.png", 600, 3000)
png("tiny.png", 40, 40)
open(os.path.join(root, "images", "diagram.svg"), "w").write(
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">'
    '<rect x="10" y="10" width="380" height="180" fill="#dde" stroke="#223" stroke-width="4"/>'
    '<circle cx="200" cy="100" r="60" fill="#446"/></svg>')

def post(name, title, body, date, extra=""):
    with open(os.path.join(root, name + ".md"), "w") as out:
        out.write(f"---\ntitle: \"{title}\"\ndate: {date}\ntags: [typography]\n{extra}---\n\n{body}\n")

words = ("the quick brown fox jumps over the lazy dog while typesetters argue about hyphenation "
         "justification widows orphans and the proper treatment of footnotes in printed books").split()
def prose(seed, count):
    return " ".join(words[(seed * 7 + i * 3) % len(words)] for i in range(count)).capitalize() + "."

rows = "\n".join(f"| {i} | item number {i} | {i * 17 % 1000} |" for i in range(1, 151))
wide_header = "| " + " | ".join(f"Column{c}" for c in range(1, 13)) + " |"
wide_rows = "\n".join("| " + " | ".join(f"value{r}x{c}longword" for c in range(1, 13)) + " |" for r in range(1, 4))
post("tables", "Tables", f"""{prose(1, 40)}

| Row | Name | Count |
|:----|:-----|------:|
{rows}

{prose(2, 30)}

{wide_header}
|{"---|" * 12}
{wide_rows}

<table>
<caption>Spans across columns and rows</caption>
<thead><tr><th>Region</th><th colspan="2">Sales</th></tr></thead>
<tbody>
<tr><td rowspan="2">North</td><td>Spring</td><td>120</td></tr>
<tr><td>Autumn</td><td>98</td></tr>
<tr><td>South</td><td>Spring</td><td>77</td></tr>
</tbody>
</table>
""", "2026-01-01")

post("images", "Images", f"""{prose(3, 30)}

![A wide image](images/wide.png)

{prose(4, 20)}

![A tall image](images/tall.png)

{prose(5, 20)}

![A tiny icon](images/tiny.png)

![A vector diagram](images/diagram.svg)

![A GIF picture](images/animated.gif)

![A photo that is not there](images/missing.png)

{prose(6, 20)}
""", "2026-01-02")

post("footnotes", "Footnotes", f"""{prose(7, 60)} First claim.[^first]

{prose(8, 80)} Second claim.[^second]

{prose(9, 60)} Third claim.[^third]

[^first]: Firstnote. {prose(10, 25)}
[^third]: Thirdnote. {" ".join(prose(k, 30) for k in range(40))} Thirdend.
[^second]: Secondnote. {prose(11, 40)}
""", "2026-01-03")

headings = "\n\n".join(f"## Heading number {n}\n\n" + "\n\n".join(prose(n + k, 15 + (n * 13 + k * 7) % 60) for k in range(1 + n % 3))
                       for n in range(1, 31))
post("headings", "Thirty headings", headings, "2026-01-04")

long_line = "let total = " + " + ".join(f"value{i}" for i in range(40))
block = "\n".join(f"    print(\"line {i:03d} of the long block\")" for i in range(1, 131))
post("code", "Code", f"""{prose(12, 20)}

```python
{long_line[:300]}
```

```python
def long_block():
{block}
```
""", "2026-01-05")

post("scripts", "Scripts", """Ελληνικά: Η γρήγορη καφέ αλεπού πηδάει πάνω από τον τεμπέλη σκύλο.

Русский: Съешь же ещё этих мягких французских булок да выпей чаю.

Norsk: Blåbærsyltetøy på brødskiva er godt. Svenska: Räksmörgås åt Östen. Íslenska: Þú ert ð.

Français : L’été où Noël s’achève, naïve Zoë mangea une crème brûlée.
""", "2026-01-06")

post("rtl", "Right to left", """שלום עולם. זהו משפט בעברית שנכתב מימין לשמאל, והוא ארוך מספיק כדי לעבור לשורה נוספת בעמוד הספר המודפס.

مرحبا بالعالم. هذه جملة باللغة العربية تكتب من اليمين إلى اليسار وهي طويلة بما يكفي لتنتقل إلى سطر آخر.
""", "2026-01-07", "lang: he\n")
