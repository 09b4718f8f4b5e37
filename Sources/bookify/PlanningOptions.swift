import ArgumentParser
import BookifyCore

/// Options that choose and order the posts and shape the chapters.
struct PlanningOptions: SettingOptions {
    @Option(help: Setting.help("group-by")) var groupBy: GroupingRule?
    @Option(help: Setting.help("order")) var order: PostOrder?
    @Option(name: .customLong("tag"), help: Setting.help("tags")) var tags: [String] = []
    @Option(name: .customLong("exclude-tag"), help: Setting.help("exclude-tags")) var excludedTags: [String] = []
    @Option(help: Setting.help("since")) var since: String?
    @Option(help: Setting.help("until")) var until: String?
    @Option(help: Setting.help("limit")) var limit: Int?
    @Option(help: Setting.help("toc-depth")) var tocDepth: Int?
    @Option(help: Setting.help("content-format")) var contentFormat: ContentFormatOption?
    @Flag(help: ArgumentHelp(Setting.help("drafts").abstract)) var drafts = false
    @Flag(help: ArgumentHelp(Setting.help("offline").abstract)) var offline = false
    @Option(help: Setting.help("connect-timeout")) var connectTimeout: Double?
    @Option(help: Setting.help("timeout")) var timeout: Double?
    @Option(help: Setting.help("size-limit")) var sizeLimit: Int?

    @Option(help: "A bookify.yml to read (default: bookify.yml beside the input or in the working folder).")
    var config: String?

    var given: [String: SettingInput] {
        .init(given: [
            "group-by": groupBy,
            "order": order,
            "tags": tags,
            "exclude-tags": excludedTags,
            "since": since,
            "until": until,
            "limit": limit,
            "toc-depth": tocDepth,
            "content-format": contentFormat,
            "drafts": drafts,
            "offline": offline,
            "connect-timeout": connectTimeout,
            "timeout": timeout,
            "size-limit": sizeLimit,
        ])
    }
}

/// The formats `--content-format` names (plain text is for a feed to say, not a user).
enum ContentFormatOption: String, ExpressibleByArgument, CaseIterable {
    case auto, markdown, html
}

extension PostOrder: ExpressibleByArgument {}
extension GroupingRule: ExpressibleByArgument {}
