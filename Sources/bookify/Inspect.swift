import ArgumentParser
import BookifyCore
import Foundation

/// `bookify inspect INPUT...`: the plan of the book, without writing it.
struct Inspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the chapters and posts a build would make, and what to look at first.")

    @OptionGroup
    var arguments: BuildArguments

    @Flag(help: "Print the plan as JSON, for scripts.")
    var json = false

    func run() async throws {
        do {
            let request = try arguments.request()
            let builder = BookBuilder(settings: request.settings)
            let (blogs, sites) = try await builder.readWithReports(request.inputs)
            if !json {
                for site in sites {
                    let summary = SiteSummary(report: site)
                    print((summary.discovery + [summary.line] + summary.warnings).joined(separator: "\n") + "\n")
                }
            }
            let content = await builder.convert(builder.plan(blogs))
            let plan = PlanReport(content: content, groupBy: request.settings.planning.groupBy)
            print(json ? try plan.json() : plan.table(), terminator: "")
        } catch {
            throw ErrorReport.exit(for: error)
        }
    }
}
