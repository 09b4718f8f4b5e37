import BookifyCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// `bookify serve`: the catalog over HTTP/1.1 on Hummingbird. The catalog's behaviour is
/// `CatalogService`'s; this type adds what belongs to the wire: limits on what a request may
/// send and how long it may idle, and a log line per request.
public struct CatalogServer: Sendable {
    /// Where the server listens, and how much it accepts.
    public struct Configuration: Sendable {
        public var host = "127.0.0.1"
        /// The port; 0 picks a free one (the address `run` reports names it).
        public var port = 8080
        /// Longest request target (path and query) accepted; longer gets 414.
        public var maximumTargetLength = 2048
        /// Largest header field, and all of them together; more closes the connection.
        public var maximumHeaderBytes = 16 * 1024
        /// Seconds a connection may stay silent before it is closed.
        public var idleSeconds: Int64 = 30
        /// Connections open at once; more wait in the listen queue until one closes.
        public var maximumConnections = 512

        public init() {}
    }

    public var service: CatalogService
    public var configuration: Configuration
    /// Receives one line per request, and the server's own notices.
    public var logger: Logger

    public init(service: CatalogService, configuration: Configuration, logger: Logger) {
        self.service = service
        self.configuration = configuration
        self.logger = logger
    }

    /// Serves until SIGINT or SIGTERM; `running` hears the address once the socket listens.
    public func run(running: @escaping @Sendable (_ host: String, _ port: Int) -> Void) async throws {
        let service = self.service, limits = configuration, logger = self.logger
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            await Self.respond(to: request, service: service, limits: limits, logger: logger)
        }
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: limits.maximumHeaderBytes, maxHeaderListSize: limits.maximumHeaderBytes, maxHeaderFieldCount: 100)
        var quiet = logger
        quiet.logLevel = .warning
        let application = Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: .seconds(limits.idleSeconds), httpDecoderConfiguration: decoder)),
            configuration: .init(address: .hostname(limits.host, port: limits.port), serverName: "bookify",
                                 availableConnectionsDelegate: .maximum(limits.maximumConnections, logger: quiet)),
            onServerRunning: { channel in running(limits.host, channel.localAddress?.port ?? limits.port) },
            logger: quiet)
        try await application.runService(gracefulShutdownSignals: [])
    }

    private static func respond(to request: Request, service: CatalogService, limits: Configuration, logger: Logger) async -> Response {
        let started = ContinuousClock.now
        let target = request.uri.string
        let catalogRequest = CatalogRequest(method: request.method.rawValue, path: request.uri.path,
                                            query: QueryString.parameters(request.uri.query ?? ""),
                                            headers: Dictionary(request.headers.map { ($0.name.canonicalName, $0.value) }) { first, _ in first })
        let answer: CatalogResponse
        if target.utf8.count > limits.maximumTargetLength {
            answer = CatalogResponse.plain(414, "The address is too long.")
        } else if request.headers[.contentLength].map({ $0 != "0" }) ?? false || request.headers[.transferEncoding] != nil {
            answer = CatalogResponse.plain(413, "The catalog takes no request body.")
        } else {
            answer = await service.respond(to: catalogRequest)
        }
        let elapsed = (ContinuousClock.now - started).components
        let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
        logger.info("\(request.method.rawValue) \(QueryString.withoutToken(target)) \(answer.status) \(answer.body.count) B \(milliseconds) ms \"\(catalogRequest.headers["user-agent"] ?? "")\"")
        if let failure = answer.failure { logger.error("\(QueryString.withoutToken(target)): \(failure)") }
        return response(answer, head: request.method == .head)
    }

    private static func response(_ answer: CatalogResponse, head: Bool) -> Response {
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            if let name = HTTPField.Name(name) { headers.append(HTTPField(name: name, value: value)) }
        }
        headers[.contentLength] = String(answer.body.count)
        let body = head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        return Response(status: .init(code: answer.status), headers: headers, body: body)
    }
}
