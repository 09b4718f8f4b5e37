import ArgumentParser
import BookifyCore

/// What `build` and `inspect` both take: the inputs and every option that shapes the book.
struct BuildArguments: ParsableArguments {
    @Argument(help: "A blog's web address (its home page or a feed), feed files, Markdown folders or .md files, or - for standard input. Several are merged.")
    var inputs: [String] = []

    @OptionGroup(title: "Book")
    var book: BookOptions

    @OptionGroup(title: "Planning")
    var planning: PlanningOptions

    @OptionGroup(title: "Web sites")
    var site: SiteOptions

    @OptionGroup(title: "Images")
    var assets: AssetOptions

    @OptionGroup(title: "PDF pages")
    var pdf: PDFOptions

    func validate() throws {
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be read only once.") }
    }

    /// The run these arguments ask for, with bookify.yml under them.
    func request(outputs: [String] = [], strict: Bool = false, archive: ArchiveOptions? = nil,
                 mail: MailOptions? = nil) throws(BookifyError) -> BuildRequest {
        let given = [String: SettingInput].merging([archive?.given ?? [:], book.given, planning.given, site.given, assets.given, pdf.given,
                                                    mail?.given ?? [:], .init(given: ["strict": strict])])
        return try BuildRequest(inputs: inputs, outputs: outputs, configFile: planning.config) { settings in
            // Every value was checked when the arguments were parsed (`SettingOptions.validate`).
            try? Setting.apply(given, to: &settings)
        }
    }
}
