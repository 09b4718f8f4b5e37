import Foundation

/// The blog the seed tests build books from when `../shared/seed` is not beside the checkout: a
/// JSON Feed 1 written here in the seed's shape, with its own words. What the tests count is the
/// same: 59 posts, 49 under `/posts/` (2017-10-06 to 2026-04-05, no tags) and 10 under
/// `/random/` (tagged, 8 of them `career`); Markdown in `content_html`; 73 image references
/// (26 pictures opening a post, 2 more beside posts, 28 site-absolute, 15 videos, 2 remote);
/// 190 code blocks in ten languages, text diagrams narrow and wide, 9 tables; three posts
/// about Elasticsearch and three about Kafka in their addresses; prose with straight quotes for
/// the typographer to turn. Deterministic: the same bytes every run.
enum StandInBlog {
    static let title = "Notes from the Engine Room"
    static let author = "Ada Standin"
    static let homePage = "https://engine-room.example"

    /// The feed, written once per test process.
    static let feed: URL = {
        let file = TestPaths.temporaryFolder().appendingPathComponent("blog-feed.json")
        var generator = Generator()
        let items = (0..<59).map { generator.item($0) }
        let feed: [String: Any] = [
            "version": "https://jsonfeed.org/version/1", "title": title, "home_page_url": homePage,
            "feed_url": homePage + "/rss/feed.json", "description": "Essays on storage engines, distributed systems and careers",
            "author": ["name": author, "url": homePage], "items": items,
        ]
        try! JSONSerialization.data(withJSONObject: feed, options: [.sortedKeys]).write(to: file)
        return file
    }()

    /// The posts: topic, and for `/random/` posts their tags (those of the seed's shape).
    private static let postTopics = [
        "rope data structures for text editors", "split brain in replicated databases", "checkpoints without pausing writers",
        "cursor pagination against offsets", "two storage engines side by side", "how a query planner picks an index",
        "storing oversized values out of line", "overflow pages and their chains", "a one node cluster run from git",
        "an autonomous build agent", "a coach that watches your swing", "diagrams that follow the narration",
        "segments and merges in elasticsearch", "partial results in elasticsearch", "asynchronous io in databases",
        "hierarchical permissions", "streaming video between browsers", "what swap space really buys",
        "memory mapped files in databases", "scaling a consensus group", "what fsync promises",
        "snapshots of an in-memory store", "how request handling changed", "snapshots without stopping the world",
        "leaving a blogging platform", "multi-version concurrency and serializability", "two in-memory stores compared",
        "striped locks with arrays", "image handling test page", "how a document store writes",
        "the cost of a thousand goroutines", "resolving imports with syntax trees", "writing an admission webhook",
        "operators with code generators", "change data capture with Kafka", "moving Kafka topics without downtime",
        "Kafka without its coordinator", "a planet-scale metrics store", "virtual time in schedulers",
        "how a graph database stores nodes", "calling C libraries from Go", "block trees behind elasticsearch",
        "a load balancer built on hashing", "networks that configure themselves", "a packet sniffer in C",
        "a statistics hook for a web framework", "two routers benchmarked", "the address space of a process",
        "the virtual network of a cloud",
    ]
    private static let randomPosts: [(topic: String, tags: [String])] = [
        ("running towards the fire", ["fire", "retirement"]), ("is the platform team the new ops", ["career", "devops", "platform"]),
        ("finding the right mentor", ["career", "mentor"]), ("invest in the right technology", ["career", "tech"]),
        ("slow down before you ship", ["career", "tech"]), ("ten years in the industry", ["career", "experience"]),
        ("interviewing the right way", ["career", "experience", "interview"]), ("why join a large company", ["career", "experience", "big-tech"]),
        ("building leverage in your work", ["team", "career"]), ("moving a blog between generators", ["static-sites", "blog"]),
    ]

    /// Makes the posts' text from a fixed vocabulary and a fixed random sequence.
    private struct Generator {
        private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        private var codeBlocks = 0
        private var absoluteImages = 0
        private var videos = 0

        private mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }

        private mutating func pick<T>(_ values: [T]) -> T { values[next(values.count)] }

        private static let words = """
            the a of to in that it is was for on are as with they be at one have this from or had by word but what some we can out
            other were all there when up use your how said an each she which do their time if will way about many then them write
            would like so these her long make thing see him two has look more day could go come did number sound no most people my
            over know water than call first who may down side been now find any new work part take get place made live where after
            back little only round man year came show every good me give our under name very through just form sentence great think
            say help low line differ turn cause much mean before move right boy old too same tell does set three want air well also
            play small end put home read hand port large spell add even land here must big high such follow act why ask men change
            went light kind off need house picture try us again animal point mother world near build self earth father head stand
            own page should country found answer school grow study still learn plant cover food sun four between state keep eye never
            last let thought city tree cross farm hard start might story saw far sea draw left late run while press close night real
            life few north open seem together next white children begin got walk example ease paper group always music those both
            mark often letter until mile river car feet care second book carry took science eat room friend began idea fish mountain
            stop once base hear horse cut sure watch color face wood main enough plain girl usual young ready above ever red list
            though feel talk bird soon body dog family direct pose leave song measure door product black short numeral class wind
            question happen complete ship area half rock order fire south problem piece told knew pass since top whole king space
            heard best hour better true during hundred five remember step early hold west ground interest reach fast verb sing listen
            six table travel less morning ten simple several vowel toward war lay against pattern slow center love person money serve
            appear road map rain rule govern pull cold notice voice unit power town fine certain fly fall lead cry dark machine note
            wait plan figure star box noun field rest correct able pound done beauty drive stood contain front teach week final gave
            green quick develop ocean warm free minute strong special mind behind clear tail produce fact street inch multiply nothing
            course stay wheel full force blue object decide surface deep moon island foot system busy test record boat common gold
            possible plane stead dry wonder laugh thousand ago ran check game shape equate miss brought heat snow tire bring yes
            distant fill east paint language among grand ball yet wave drop heart present heavy dance engine position arm wide sail
            material size vary settle speak weight general ice matter circle pair include divide syllable felt perhaps pick sudden
            count square reason length represent art subject region energy hunt probable bed brother egg ride cell believe fraction
            forest sit race window store summer train sleep prove lone exercise wall catch mount wish sky board joy winter sat written
            wild instrument kept glass grass cow job edge sign visit past soft fun bright gas weather month million bear finish happy
            hope flower clothe strange gone jump baby eight village meet root buy raise solve metal whether push seven paragraph third
            shall held hair describe cook floor either result burn hill safe cat century consider type law bit coast copy phrase
            silent tall sand soil roll temperature finger industry value fight lie beat excite natural view sense ear else quite broke
            case middle kill son lake moment scale loud spring observe child straight consonant nation dictionary milk speed method
            organ pay age section dress cloud surprise quiet stone tiny climb cool design poor lot experiment bottom key iron single
            stick flat twenty skin smile crease hole trade melody trip office receive row mouth exact symbol die least trouble shout
            except wrote seed tone join suggest clean break lady yard rise bad blow oil blood touch grew cent mix team wire cost lost
            brown wear garden equal sent choose fell fit flow fair bank collect save control decimal gentle woman captain practice
            separate difficult doctor please protect noon whose locate ring character insect caught period indicate radio spoke atom
            human history effect electric expect crop modern element hit student corner party supply bone rail imagine provide agree
            thus capital chair danger fruit rich thick soldier process operate guess necessary sharp wing create neighbor wash bat
            rather crowd corn compare poem string bell depend meat rub tube famous dollar stream fear sight thin triangle planet hurry
            chief colony clock mine tie enter major fresh search send yellow gun allow print dead spot desert suit current lift rose
            continue block chart hat sell success company subtract event particular deal swim term opposite wife shoe shoulder spread
            arrange camp invent cotton born determine quart nine truck noise level chance gather shop stretch throw shine property
            column molecule select wrong gray repeat require broad prepare salt nose plural anger claim continent oxygen sugar death
            pretty skill women season solution magnet silver thank branch match suffix especially fig afraid huge sister steel discuss
            forward similar guide experience score apple bought led pitch coat mass card band rope slip win dream evening condition
            feed tool total basic smell valley nor double seat arrive master track parent shore division sheet substance favor connect
            post spend chord fat glad original share station dad bread charge proper bar offer segment slave duck instant market degree
            populate chick dear enemy reply drink occur support speech nature range steam motion path liquid log meant quotient teeth
            shell neck
            """.split(whereSeparator: \.isWhitespace).map(String.init)

        private mutating func sentence() -> String {
            var parts = (0..<(8 + next(14))).map { _ in pick(Self.words) }
            switch next(6) {
            case 0: parts[next(parts.count)] = "don't"
            case 1: parts[next(parts.count)] = "it's"
            case 2: parts.insert("\"\(pick(Self.words)) \(pick(Self.words))\"", at: next(parts.count))
            case 3: parts.insert("'\(pick(Self.words))'", at: next(parts.count))
            default: break
            }
            let text = parts.joined(separator: " ")
            return text.prefix(1).uppercased() + text.dropFirst() + (next(9) == 0 ? "?" : ".")
        }

        private mutating func paragraph() -> String {
            (0..<(3 + next(3))).map { _ in sentence() }.joined(separator: " ")
        }

        private static let languages = Array(repeating: "bash", count: 26) + Array(repeating: "sql", count: 23)
            + Array(repeating: "go", count: 23) + Array(repeating: "python", count: 22) + Array(repeating: "js", count: 8)
            + Array(repeating: "yaml", count: 7) + Array(repeating: "c", count: 5) + Array(repeating: "ruby", count: 4)
            + Array(repeating: "json", count: 2) + ["cpp"] + Array(repeating: "", count: 69)

        /// Ten lines or so of code, strings quoted as code quotes them.
        private mutating func code(_ language: String) -> String {
            let name = pick(Self.words), other = pick(Self.words)
            let lines: [String]
            switch language {
            case "sql":
                lines = ["SELECT id, \(name), \(other)", "FROM \(name)s", "WHERE \(other) = '\(pick(Self.words))'",
                         "  AND created_at > '2024-01-01'", "ORDER BY id", "LIMIT 10;"]
            case "go":
                lines = ["func \(name)(\(other) string) error {", "\tif \(other) == \"\" {", "\t\treturn errors.New(\"no \(other)\")",
                         "\t}", "\tfmt.Printf(\"%s: %s\\n\", \"\(name)\", \(other))", "\tfor i := 0; i < 10; i++ {",
                         "\t\t_ = i * 2", "\t}", "\treturn nil", "}"]
            case "python":
                lines = ["def \(name)(\(other)):", "    \"\"\"Return the \(other) as text.\"\"\"", "    if not \(other):",
                         "        return 'empty'", "    values = {'\(name)': 1, '\(other)': 2}", "    for key, value in values.items():",
                         "        print(f\"{key}={value}\")", "    return str(\(other))"]
            case "bash":
                lines = ["#!/usr/bin/env bash", "set -euo pipefail", "name=\"\(name)\"", "for file in *.log; do",
                         "  grep -c '\(other)' \"$file\" || true", "done", "echo \"done with $name\""]
            case "js", "ruby", "c", "cpp":
                lines = ["const \(name) = \"\(other)\";", "function run(\(other)) {", "  if (\(other) === '') { return null; }",
                         "  console.log('running', \(name));", "  return \(other).length;", "}"]
            case "yaml", "json":
                lines = ["\(name): \"\(other)\"", "replicas: 3", "labels:", "  app: '\(name)'", "  tier: \"backend\""]
            default:
                lines = ["$ \(name) --\(other) \"\(pick(Self.words))\"", "\(other): 42 items, 3 skipped", "$ echo '\(name)'", "\(name)",
                         "$ ls -l /var/lib/\(name)", "total 8", "-rw-r--r-- 1 root root 4096 \(name).db"]
            }
            // Twice over, the second time with another name: code runs longer than prose paragraphs.
            let again = lines.map { $0.replacingOccurrences(of: name, with: name + "2") }
            return "```\(language)\n" + (lines + [""] + again).joined(separator: "\n") + "\n```"
        }

        /// A box-drawing diagram: `wide` ones (over 60 columns) are drawn, narrow ones set as text.
        private mutating func diagram(wide: Bool) -> String {
            let width = wide ? 72 : 40
            let label = pick(Self.words) + " → " + pick(Self.words)
            let inner = width - 2
            let padded = label.padding(toLength: inner - 2, withPad: " ", startingAt: 0)
            return "```\n┌" + String(repeating: "─", count: inner) + "┐\n│ " + padded + " │\n└"
                + String(repeating: "─", count: inner) + "┘\n        │\n        ▼\n[ \(pick(Self.words)) ]\n```"
        }

        private mutating func table() -> String {
            let rows = (1...4).map { n in "| \(pick(Self.words)) | \(n * 12) ms | \(pick(Self.words)) \(pick(Self.words)) |" }
            return "| Case | Time | Notes |\n|:--|--:|:--|\n" + rows.joined(separator: "\n")
        }

        mutating func item(_ index: Int) -> [String: Any] {
            let isPost = index < 49
            let topic = isPost ? StandInBlog.postTopics[index] : StandInBlog.randomPosts[index - 49].topic
            let date = isPost ? Self.postDate(index) : Self.randomDate(index - 49)
            let slug = date + "_" + topic.replacingOccurrences(of: " ", with: "-")
            let url = StandInBlog.homePage + (isPost ? "/posts/" : "/random/") + slug
            let title = topic.prefix(1).uppercased() + topic.dropFirst()
            var blocks: [String] = []
            if index < 26 { blocks.append("![\(title)](\(topic.replacingOccurrences(of: " ", with: "-"))-cover.png)") }
            blocks.append(paragraph())
            let sections = isPost ? 4 : 1
            for section in 0..<sections {
                if isPost { blocks.append("## " + pick(["Why", "How", "What", "When"]) + " the \(pick(Self.words)) \(section + 1)") }
                for _ in 0..<5 { blocks.append(paragraph()) }
                if isPost, section == 1 { blocks.append("> " + sentence() + " " + sentence()) }
                blocks += media(index: index, section: section)
                blocks += codes(index: index, section: section)
            }
            if isPost, index % 5 == 2, index < 45 { blocks.append(table()) }
            if isPost { blocks.append("- " + sentence() + "\n- " + sentence() + "\n- " + sentence()) }
            var item: [String: Any] = [
                "id": url, "url": url, "title": title, "content_html": "\n" + blocks.joined(separator: "\n\n") + "\n",
                "summary": sentence(), "date_modified": date + "T00:00:00.000Z",
            ]
            if !isPost { item["tags"] = StandInBlog.randomPosts[index - 49].tags }
            return item
        }

        /// Images and videos after the post's first paragraphs, never opening it.
        private mutating func media(index: Int, section: Int) -> [String] {
            var found: [String] = []
            if index >= 26, index < 40, section < 2, absoluteImages < 28 {
                absoluteImages += 1
                found.append("![A figure of \(pick(Self.words)) \(absoluteImages)](/img/figure_\(absoluteImages).png)")
            }
            if index < 15, section == 2, videos < 15 {
                videos += 1
                found.append("![A recording of the \(pick(Self.words)) step](clips/step-\(videos).mp4)")
            }
            if section == 3, index == 8 { found.append("![The dashboard](dashboard.png)") }
            if section == 3, index == 28 { found.append("![A test picture](test-picture.jpg)") }
            if section == 3, index == 28 || index == 29 {
                found.append("![A random picture](https://picsum.photos/\(index == 28 ? "800/400" : "400/300"))")
            }
            return found
        }

        /// 190 code blocks in all: four in most posts, three in some; a diagram in five posts.
        private mutating func codes(index: Int, section: Int) -> [String] {
            guard index < 49 else { return [] }
            var found: [String] = []
            let perPost = index < 43 ? 4 : 3  // 43 × 4 + 6 × 3 = 190
            if section < perPost, codeBlocks < Self.languages.count {
                found.append(code(Self.languages[codeBlocks]))
                codeBlocks += 1
            }
            if section == 0, [3, 11, 19, 27, 35].contains(index) { found.append(diagram(wide: index == 11 || index == 27)) }
            return found
        }

        /// 49 dates, newest first, from 2026-04-05 back to 2017-10-06.
        private static func postDate(_ index: Int) -> String {
            let newest = Date(timeIntervalSince1970: 1_775_347_200)  // 2026-04-05
            let oldest = Date(timeIntervalSince1970: 1_507_248_000)  // 2017-10-06
            let step = newest.timeIntervalSince(oldest) / 48
            return FeedDateFormat.day(newest.addingTimeInterval(-step * Double(index)))
        }

        /// The `/random/` posts' dates, newest first, in 2025.
        private static func randomDate(_ index: Int) -> String {
            ["2025-12-02", "2025-11-09", "2025-07-03", "2025-06-25", "2025-06-11", "2025-05-30", "2025-05-27", "2025-05-19",
             "2025-03-18", "2025-03-10"][index]
        }
    }
}

/// A day as YYYY-MM-DD in UTC.
private enum FeedDateFormat {
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
