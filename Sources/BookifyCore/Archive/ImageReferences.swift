/// The images posts show, as the book would ask for them: each post converted (so that Markdown,
/// HTML, lead images and lazy-loading attributes count as in a build) and its media references
/// read. `data:` URLs are left out: their bytes are in the post itself.
enum ImageReferences {
    static func requests(in posts: [Post], autoFormat: ContentFormat?) -> [[MediaLoader.Request]] {
        LibXML2.initialize()
        MarkdownRenderer.prepare()
        let converter = PostConverter(autoFormat: autoFormat)
        return posts.concurrentMap { post in
            let document = converter.convert(post, documentID: "p", links: BookLinks(), bookAuthors: [])
            return MediaEmbedding.requests(for: MediaReference.all(in: document.body), at: PostLocation(post: post))
                .filter { !$0.source.lowercased().hasPrefix("data:") }
        }
    }
}
