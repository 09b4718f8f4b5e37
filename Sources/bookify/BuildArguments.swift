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
    func request(outputs: [String] = [], strict: Bool = false, archive: ArchiveOptions? = nil) throws(BookifyError) -> BuildRequest {
        try BuildRequest(inputs: inputs, outputs: outputs, configFile: planning.config) { settings in
            archive?.apply(to: &settings)
            book.apply(to: &settings)
            planning.apply(to: &settings)
            site.apply(to: &settings)
            assets.apply(to: &settings)
            pdf.apply(to: &settings)
            if strict { settings.strict = true }
        }
    }
}
