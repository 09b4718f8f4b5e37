import Foundation

/// A book too large for its reader's device cut into volumes (`--split-size`): each a complete
/// book of consecutive posts, titled "… (1 of 3)", with its own identifier, cover, contents and
/// colophon, holding only the images its posts show. A link to a post in another volume leads
/// to the post's original address instead.
enum BookVolumes {
    /// What a volume holds besides its posts (cover, contents, stylesheet, colophon), in bytes.
    static let overhead = 80_000

    /// Writes `content` with `writer` to `output`, cut into volumes (`NAME-1.epub`, …) of at
    /// most `limit` bytes when it does not fit: written first into a scratch folder beside
    /// `output` and measured (the estimate lowered until each volume of more than one post
    /// fits), then moved into place. Returns the files written. `cover` draws a volume's cover
    /// (or takes it from the covers kept: the same volume comes back on each attempt).
    static func write(_ content: BookContent, with writer: any BookWriter, to output: String, limit: Int,
                      cover: (BookMetadata) -> ImageAsset?) throws(BookifyError) -> [String] {
        let destination = URL(fileURLWithPath: output)
        let scratch = destination.deletingLastPathComponent().appendingPathComponent(".bookify-volumes-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)
        } catch {
            throw .outputNotCreatable(path: output, reason: error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let estimate = estimator(for: content)
        var budget = max(limit - overhead, limit / 4)
        for attempt in 0..<8 {
            let volumes = split(content, budget: budget, estimate: estimate, cover: cover)
            if volumes.count == 1 {
                try writer.write(content, to: destination)
                return [output]
            }
            var files: [URL] = []
            for (index, volume) in volumes.enumerated() {
                files.append(scratch.appendingPathComponent("\(index + 1).epub"))
                try writer.write(volume, to: files[index])
            }
            let tooLarge = zip(volumes, files).contains { volume, file in
                volume.documents.count > 1 && ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0) > limit
            }
            if tooLarge, attempt < 7 {
                budget = budget * 3 / 4
                continue
            }
            return try files.enumerated().map { index, file throws(BookifyError) in
                let name = fileName(output, volume: index + 1)
                guard rename(file.path, name) == 0 else { throw .writeFailed(path: name, reason: String(cString: strerror(errno))) }
                return name
            }
        }
        return []
    }

    /// `content` cut into volumes of about `budget` bytes each, as `estimate` sizes a post
    /// (at least one post a volume); one volume when everything fits.
    static func split(_ content: BookContent, budget: Int, estimate: (PostDocument) -> Int,
                      cover: (BookMetadata) -> ImageAsset?) -> [BookContent] {
        var groups: [[PostDocument]] = [[]]
        var size = 0
        for document in content.documents {
            let cost = estimate(document)
            if size + cost > budget, !groups[groups.count - 1].isEmpty {
                groups.append([])
                size = 0
            }
            groups[groups.count - 1].append(document)
            size += cost
        }
        guard groups.count > 1 else { return [content] }
        return groups.enumerated().map { index, documents in volume(of: content, holding: documents, number: index + 1, of: groups.count, cover: cover) }
    }

    /// What a post adds to a compressed EPUB: its XHTML deflated (about a third) and the
    /// images it is first to show.
    static func estimator(for content: BookContent) -> (PostDocument) -> Int {
        var firstUse: [String: String] = [:]
        for document in content.documents {
            for id in imageIDs(in: document.body) where firstUse[id] == nil { firstUse[id] = document.documentID }
        }
        let images = Dictionary(content.images.map { ($0.id, $0.byteCount) }, uniquingKeysWith: { first, _ in first })
        return { document in
            XHTMLSizeEstimate.bytes(document.body) / 3 + 2_000
                + imageIDs(in: document.body).filter { firstUse[$0] == document.documentID }.reduce(0) { $0 + (images[$1] ?? 0) }
        }
    }

    /// `NAME-2.epub` for volume 2 of `NAME.epub` (`NAME-2.kepub.epub` for a KEPUB).
    static func fileName(_ output: String, volume: Int) -> String {
        let suffix = output.lowercased().hasSuffix(".kepub.epub") ? ".kepub.epub" : "." + URL(fileURLWithPath: output).pathExtension
        return String(output.dropLast(suffix.count)) + "-\(volume)" + String(output.suffix(suffix.count))
    }

    private static func volume(of content: BookContent, holding documents: [PostDocument], number: Int, of count: Int,
                               cover: (BookMetadata) -> ImageAsset?) -> BookContent {
        let held = Set(documents.map(\.documentID))
        let addresses = Dictionary(content.documents.map { ($0.documentID, $0.post.url?.absoluteString) }, uniquingKeysWith: { first, _ in first })
        var volume = content
        var metadata = content.book.metadata
        metadata.title += " (\(number) of \(count))"
        metadata.identifier = "urn:uuid:" + UUIDv5.make(name: content.book.metadata.identifier + "#volume-\(number)").uuidString.lowercased()
        volume.chapters = content.chapters.compactMap { chapter in
            var part = chapter
            part.documents = chapter.documents.filter { held.contains($0.documentID) }.map { document in
                var document = document
                var links = VolumeLinks(held: held, addresses: addresses)
                document.body = links.rewrite(document.body)
                return document
            }
            part.opener = chapter.title.map { ChapterOpener(title: $0, documents: part.documents) }
            return part.documents.isEmpty ? nil : part
        }
        volume.book = Book(metadata: metadata, chapters: volume.chapters.map { Chapter(title: $0.title, posts: $0.documents.map(\.post)) })
        volume.titlePage = TitlePage(metadata: metadata)
        let archive = content.colophon.archive
        volume.colophon = Colophon(metadata: metadata, postCount: documents.count)
        volume.colophon.archive = archive
        let shown = Set(volume.documents.flatMap { imageIDs(in: $0.body) })
        volume.images = content.images.filter { shown.contains($0.id) }
        volume.everyImageDescribed = content.everyImageDescribed
        if content.drawnCover != nil { volume.drawnCover = cover(metadata) }
        return volume
    }

    private static func imageIDs(in body: [ContentNode]) -> [String] {
        var ids: [String] = []
        body.forEachNode { if case .image(let use) = $0 { ids.append(use.imageID) } }
        return ids
    }
}

/// Links to posts of other volumes made links to the posts' own pages (or plain text when a
/// post has none).
private struct VolumeLinks: ContentRewriter {
    let held: Set<String>
    let addresses: [String: String?]

    mutating func visitElement(_ element: ContentElement, into output: inout [ContentNode]) {
        var element = descend(element)
        if case .post(let documentID, _)? = element.link, !held.contains(documentID) {
            element.link = (addresses[documentID] ?? nil).map(LinkTarget.external)
        }
        output.append(.element(element))
    }
}
