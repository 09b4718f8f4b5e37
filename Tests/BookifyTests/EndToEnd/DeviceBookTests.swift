@testable import BookifyCore
import Foundation
import Testing

/// Device profiles and volumes (issue 17).
@Suite
struct DeviceBookTests {
    /// A blog whose one post shows a picture of every kind a device may refuse: too large, WebP,
    /// SVG, an animated GIF, a JPEG, and a text diagram wider than 60 columns. Written with
    /// Pillow (which pdfplumber brings).
    private func writePictureBlog(in folder: URL) throws {
        let script = """
            from PIL import Image, ImageDraw
            import json, os
            os.makedirs('site/images', exist_ok=True)
            im = Image.new('RGB', (3000, 2000), (200, 40, 40)); ImageDraw.Draw(im).ellipse((500, 500, 2500, 1500), fill=(20, 120, 220))
            im.save('site/images/big.png'); im.resize((800, 600)).save('site/images/photo.webp', 'WEBP'); im.resize((640, 480)).save('site/images/photo.jpg')
            frames = [Image.new('RGB', (200, 200), c) for c in [(255, 0, 0), (0, 255, 0), (0, 0, 255)]]
            frames[0].save('site/images/anim.gif', save_all=True, append_images=frames[1:], duration=100, loop=0)
            open('site/images/drawing.svg', 'w').write('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#3a7"/></svg>')
            diagram = '```\\n' + '\\n'.join('+' + '-' * 70 + '+ row %d' % i for i in range(6)) + '\\n```\\n'
            body = '\\n\\n'.join('![%s](/images/%s)' % (n, n) for n in ['big.png', 'photo.webp', 'photo.jpg', 'anim.gif', 'drawing.svg']) + '\\n\\n' + diagram
            json.dump({'version': 'https://jsonfeed.org/version/1.1', 'title': 'Pictures', 'home_page_url': 'https://pictures.example/',
                       'items': [{'id': '1', 'url': 'https://pictures.example/1/', 'title': 'Every kind', 'content_html': body,
                                  'date_published': '2026-01-01T00:00:00Z'}]}, open('feed.json', 'w'))
            """
        let result = Shell.run("/usr/bin/env", ["python3", "-c", script], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
    }

    /// Each image of a book: its name, format and size, read by Pillow.
    private func images(in book: URL) throws -> [(name: String, format: String, width: Int, height: Int, mode: String, frames: Int)] {
        let script = """
            import sys, zipfile, io
            from PIL import Image
            with zipfile.ZipFile(sys.argv[1]) as book:
                for name in book.namelist():
                    if name.endswith('.svg'):
                        print(name, 'SVG', 0, 0, 'RGB', 1)
                    elif name.startswith('OEBPS/images/'):
                        im = Image.open(io.BytesIO(book.read(name)))
                        print(name, im.format, im.size[0], im.size[1], im.mode, getattr(im, 'n_frames', 1))
            """
        let result = Shell.run("/usr/bin/env", ["python3", "-c", script, book.path])
        try #require(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map { line in
            let parts = line.split(separator: " ").map(String.init)
            return (parts[0], parts[1], Int(parts[2])!, Int(parts[3])!, parts[4], Int(parts[5])!)
        }
    }

    @Test(arguments: DeviceProfile.Name.allCases)
    func eachDeviceGetsImagesItShows(device: DeviceProfile.Name) throws {
        let folder = TestPaths.temporaryFolder()
        try writePictureBlog(in: folder)
        let result = Shell.bookify(["feed.json", "--assets", "site", "--offline", "-q", "--device", device.rawValue, "-o", "book.epub"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let book = folder.appendingPathComponent("book.epub")
        try EPUBCheck.expectClean(book)
        ReadingSystemRules.check(try BookInspector(book))
        let profile = DeviceProfile(device)
        let found = try images(in: book)
        #expect(found.count == 7, "\(found.map(\.name))")  // five pictures, a diagram, the cover
        for image in found {
            let format = ["PNG": ImageType.png, "JPEG": .jpeg, "GIF": .gif, "WEBP": .webp][image.format] ?? .svg
            #expect(profile.formats.contains(format), "\(device): \(image.name) is \(image.format)")
            if let limit = profile.maximumSize {
                #expect(image.width <= limit.width && image.height <= limit.height, "\(device): \(image.name) is \(image.width)×\(image.height)")
            }
            if profile.grayscale { #expect(["L", "LA"].contains(image.mode) || image.name.hasSuffix(".svg") || Self.isGray(book, image.name), "\(image.name)") }
            if profile.stillGIFs { #expect(image.frames == 1, "\(image.name) still moves") }
        }
        if device == .kindle {
            #expect(!found.contains { $0.name.hasSuffix(".svg") || $0.name.hasSuffix(".webp") })
            #expect(found.contains { $0.name.hasPrefix("OEBPS/images/photo-") && $0.format == "JPEG" && $0.width == 800 }, "the WebP photograph became a JPEG")
        }
    }

    /// Whether every pixel of an image has equal red, green and blue.
    private static func isGray(_ book: URL, _ name: String) -> Bool {
        let script = """
            import sys, zipfile, io
            from PIL import Image
            im = Image.open(io.BytesIO(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))).convert('RGB')
            print(all(r == g == b for r, g, b in im.getdata()))
            """
        return Shell.run("/usr/bin/env", ["python3", "-c", script, book.path, name]).stdout.hasPrefix("True")
    }

    @Test(arguments: DeviceProfile.Name.allCases)
    func theSeedAndTheCorpusPassWithEveryDevice(device: DeviceProfile.Name) throws {
        let folder = TestPaths.temporaryFolder()
        var inputs = [TestPaths.seedFeed!.path]
        // The generic profile changes nothing: CorpusBookTests builds the corpus with it. The
        // Markdown sites have their images on disk; feeds read offline have none but the cover.
        if device != .generic {
            inputs += (CorpusBookTests.feeds.prefix(device == .kindle ? .max : 2) + CorpusSiteTests.sites.map { "markdown/" + $0 })
                .map { TestPaths.corpus.appendingPathComponent($0).path }
        }
        for (index, input) in inputs.enumerated() {
            let result = Shell.bookify([input, "--offline", "-q", "--device", device.rawValue, "-o", "\(index).epub"], in: folder)
            try #require(result.status == 0, "\(input): \(result.stderr)")
            let book = folder.appendingPathComponent("\(index).epub")
            try EPUBCheck.expectClean(book)
            ReadingSystemRules.check(try BookInspector(book))
        }
    }

    @Test func aSplitSizeWritesCompleteVolumesThatTogetherHoldEveryPost() throws {
        let folder = TestPaths.temporaryFolder()
        let result = Shell.bookify([TestPaths.seedFeed!.path, "--offline", "-o", "seed.epub", "--split-size", "0.15MB"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let volumes = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".epub") }.sorted {
            $0.count != $1.count ? $0.count < $1.count : $0 < $1
        }
        #expect(volumes.count >= 2 && volumes == (1...volumes.count).map { "seed-\($0).epub" }, "\(volumes)")
        #expect(result.stderr.contains("Wrote seed.epub in \(volumes.count) volumes"), "\(result.stderr)")
        var titles: [String] = []
        var identifiers = Set<String>()
        for (index, name) in volumes.enumerated() {
            let book = folder.appendingPathComponent(name)
            try EPUBCheck.expectClean(book)
            let size = try FileManager.default.attributesOfItem(atPath: book.path)[.size] as? Int ?? 0
            #expect(size <= Int(0.15 * 1024 * 1024), "\(name) is \(size) bytes")
            let inspector = try BookInspector(book)
            ReadingSystemRules.check(inspector)
            #expect(inspector.dublinCore("title").map(\.text) == ["\(TestPaths.Seed.title) (\(index + 1) of \(volumes.count))"], "\(name)")
            identifiers.insert(inspector.identifier ?? "")
            titles += inspector.spine.filter { $0.hasPrefix("text/p") }.compactMap { page in
                inspector.elements("h1", in: "OEBPS/" + page).first { $0.hasClass("post-title") }?.text
            }
        }
        #expect(identifiers.count == volumes.count, "each volume is its own book")
        #expect(titles.count == 59 && Set(titles).count == 59, "\(titles.count) posts in all")
    }
}
