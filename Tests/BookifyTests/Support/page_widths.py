"""Which pages of an unpacked EPUB scroll sideways on a screen WIDTH pixels wide, measured by
headless Chromium as a reader sees them: each page in a frame of that width, its document's
scroll width against its visible width.

Usage: python3 page_widths.py WIDTH PAGE.xhtml...
Prints one line per page: "PATH SCROLL_WIDTH CLIENT_WIDTH". Exits 2 when Chromium is missing.
"""
import html
import os
import shutil
import subprocess
import sys
import tempfile

width, pages = int(sys.argv[1]), sys.argv[2:]
browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
if browser is None:
    print("chromium is not installed", file=sys.stderr)
    sys.exit(2)

frames = "\n".join(
    f'<iframe src="file://{html.escape(os.path.abspath(page))}" data-page="{html.escape(page)}" '
    f'style="width:{width}px;height:800px;border:0;display:block"></iframe>' for page in pages)
script = """
<script>
window.addEventListener('load', () => {
  const lines = [];
  for (const frame of document.querySelectorAll('iframe')) {
    const root = frame.contentDocument.documentElement;
    lines.push(frame.dataset.page + ' ' + root.scrollWidth + ' ' + root.clientWidth);
  }
  const out = document.createElement('pre');
  out.id = 'widths';
  out.textContent = lines.join('\\n');
  document.body.appendChild(out);
});
</script>"""
with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as wrapper:
    wrapper.write(f"<!DOCTYPE html><html><body style='margin:0'>{frames}{script}</body></html>")
try:
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                          "--virtual-time-budget=20000", f"--window-size={width + 40},900", "--dump-dom",
                          "file://" + wrapper.name], capture_output=True, text=True, timeout=300).stdout
finally:
    os.unlink(wrapper.name)
start = dom.find('<pre id="widths">')
if start < 0:
    print("chromium printed no measurements", file=sys.stderr)
    sys.exit(1)
print(html.unescape(dom[start + len('<pre id="widths">'):dom.find("</pre>", start)]))
