import CCurl
import Foundation

/// libcurl, the only code that sees it (`HTTPTransfer` and `SMTPSubmission` use it). It is not
/// linked but opened (`SharedLibrary`) the first time bookify fetches or mails something: with
/// the libraries it brings (two TLS stacks, Kerberos, LDAP, SSH, RTMP, …) it cost every run,
/// most of which never touch the network, about 7 ms of loading and initialization.
struct Curl: @unchecked Sendable {
    /// libcurl's functions, bound once and kept for the rest of the run; read-only afterwards,
    /// so shared by every thread.
    fileprivate let api: UnsafePointer<bookify_curl>

    /// libcurl, opened and initialized on first use (a `static let`: once, whichever thread
    /// asks first, before any transfer starts); nil when it is not installed.
    static let shared: Curl? = {
        guard let library = SharedLibrary(soname: "libcurl.so.4") else { return nil }
        let api = UnsafeMutablePointer<bookify_curl>.allocate(capacity: 1)
        api.initialize(to: bookify_curl())
        guard bookify_curl_bind(api, library.handle) != 0 else { return nil }
        return Curl(api: api)
    }()

    /// What a caller is told when libcurl cannot be opened.
    static let missing = Failure(kind: .other, detail: "libcurl is not installed (apt-get install libcurl4)")

    /// Why a transfer failed, sorted for the callers' messages.
    struct Failure: Error, Sendable {
        enum Kind: Sendable {
            /// The host's name could not be resolved.
            case unresolvedHost
            /// Nothing answered at the host's address and port.
            case unreachableHost
            /// The connection, the answer or the whole transfer took too long.
            case timedOut
            /// The announced size was over the cap (`CURLOPT_MAXFILESIZE_LARGE`).
            case tooLarge
            /// The server refused the login.
            case loginDenied
            /// TLS could not be set up, or the certificate was not trusted.
            case tls
            /// Anything else.
            case other
        }

        var kind: Kind
        /// libcurl's own words.
        var detail: String
        /// The server's last reply code (SMTP), 0 when it sent none.
        var reply = 0

        /// The failure libcurl's `code` stands for, with its error buffer's text if any.
        fileprivate init(code: CURLcode, text: String, api: UnsafePointer<bookify_curl>, reply: Int = 0) {
            switch code {
            case CURLE_COULDNT_RESOLVE_HOST: kind = .unresolvedHost
            case CURLE_COULDNT_CONNECT: kind = .unreachableHost
            case CURLE_OPERATION_TIMEDOUT: kind = .timedOut
            case CURLE_FILESIZE_EXCEEDED: kind = .tooLarge
            case CURLE_LOGIN_DENIED: kind = .loginDenied
            case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_USE_SSL_FAILED, CURLE_SSL_CERTPROBLEM,
                 CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CIPHER: kind = .tls
            default: kind = .other
            }
            detail = text.isEmpty ? api.pointee.easy_strerror(code).map { String(cString: $0) } ?? "libcurl error \(code.rawValue)" : text
            self.reply = reply
        }

        init(kind: Kind, detail: String) {
            self.kind = kind
            self.detail = detail
        }
    }

    /// A libcurl easy handle with its error buffer and header list, for transfers one after
    /// another on one thread.
    final class Handle {
        private let api: UnsafePointer<bookify_curl>
        private let handle: UnsafeMutableRawPointer
        private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        private var headerList: UnsafeMutablePointer<curl_slist>?

        /// A new handle of `curl`; nil when libcurl cannot make one (out of memory).
        init?(_ curl: Curl) {
            guard let handle = curl.api.pointee.easy_init() else { return nil }
            (api, self.handle) = (curl.api, handle)
            errorBuffer[0] = 0
            _ = bookify_curl_set_pointer(api, handle, CURLOPT_ERRORBUFFER, errorBuffer)
        }

        deinit {
            api.pointee.easy_cleanup(handle)
            if let headerList { api.pointee.slist_free_all(headerList) }
            errorBuffer.deallocate()
        }

        func set(_ option: CURLoption, _ value: Int) {
            _ = bookify_curl_set_long(api, handle, option, value)
        }

        func set(_ option: CURLoption, _ value: String) {
            _ = bookify_curl_set_pointer(api, handle, option, value)
        }

        func set(_ option: CURLoption, offset value: Int) {
            _ = bookify_curl_set_offset(api, handle, option, curl_off_t(value))
        }

        /// Request headers (`Name: value`), kept until the next call or the handle's end.
        func setHeaders(_ headers: [String]) {
            if let headerList { api.pointee.slist_free_all(headerList) }
            headerList = headers.reduce(nil) { list, header in api.pointee.slist_append(list, header) }
            _ = bookify_curl_set_pointer(api, handle, CURLOPT_HTTPHEADER, headerList)
        }

        /// Has `callback` called with the body's bytes (`CURLOPT_WRITEFUNCTION`) or with each
        /// header line (`CURLOPT_HEADERFUNCTION`), and `context`, which must outlive the transfer.
        func set(body callback: bookify_curl_callback, headers headerCallback: bookify_curl_callback,
                 context: UnsafeMutableRawPointer) {
            _ = bookify_curl_set_callback(api, handle, CURLOPT_WRITEFUNCTION, CURLOPT_WRITEDATA, callback, context)
            _ = bookify_curl_set_callback(api, handle, CURLOPT_HEADERFUNCTION, CURLOPT_HEADERDATA, headerCallback, context)
        }

        /// Runs the transfer set up; nil when it succeeded.
        func perform() -> Failure? {
            errorBuffer[0] = 0
            let code = api.pointee.easy_perform(handle)
            return code == CURLE_OK ? nil : Failure(code: code, text: String(cString: errorBuffer), api: api)
        }

        /// A number the last transfer left (`CURLINFO_RESPONSE_CODE`, …).
        func number(_ info: CURLINFO) -> Int {
            var value = 0
            _ = bookify_curl_get_long(api, handle, info, &value)
            return value
        }

        /// A string the last transfer left (`CURLINFO_REDIRECT_URL`, …), nil when it has none.
        func string(_ info: CURLINFO) -> String? {
            var value: UnsafePointer<CChar>?
            _ = bookify_curl_get_string(api, handle, info, &value)
            return value.map { String(cString: $0) }
        }
    }

    /// Sends `message` through the SMTP server at `url` (see `bookify_smtp_send`, which sets up
    /// the many options of a submission in C).
    func sendMail(_ message: Data, url: String, requireTLS: Bool, user: String?, password: String?, caFile: String?,
                  from: String, to recipients: [String], connectTimeout: Int, timeout: Int) -> Failure? {
        var error = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var reply = 0
        let result = message.withUnsafeBytes { bytes in
            withCStrings(recipients) { list in
                bookify_smtp_send(api, url, requireTLS ? 1 : 0, user, password, caFile, from, list, recipients.count,
                                  bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count, connectTimeout, timeout,
                                  &error, &reply)
            }
        }
        guard result != 0 else { return nil }
        let text = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Failure(code: CURLcode(UInt32(result)), text: text, api: api, reply: reply)
    }
}

/// Runs `body` with the strings as a C array of C strings.
private func withCStrings<Result>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> Result) -> Result {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer($0) }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
