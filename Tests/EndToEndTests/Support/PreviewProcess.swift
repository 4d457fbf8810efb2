import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A running `disclose serve`, its output read as it comes, and plain HTTP/1.1 requests
/// sent to it over a socket exactly as written (no client library that would tidy `..`
/// or percent-encoding away before the server sees it).
final class PreviewProcess: @unchecked Sendable {
    let process = Process()
    /// The folder given to the preview as TMPDIR: its own folder is made inside.
    let temporary: URL
    private let lock = NSLock()
    private var collected = ""
    private var collectedErrors = ""
    private(set) var url = ""
    private(set) var port: UInt16 = 0

    /// Starts `disclose serve --root ROOT --port 0` and waits for its URL and first build.
    /// `listening` is the words before the URL on the line that prints it.
    init(root: URL, temporary: URL, extra: [String] = [], listening: String = "previewing http://",
         waitingFor firstBuild: String = "disclose serve: site") throws {
        self.temporary = temporary
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        process.executableURL = Disclose.executable
        process.arguments = ["serve", "--root", root.path, "--port", "0"] + extra
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // The tests read the English messages unless they ask for Chinese, the default.
        env["DISCLOSE_LANG"] = "en"
        env["TMPDIR"] = temporary.path
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.collected += String(decoding: data, as: UTF8.self) }
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.collectedErrors += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        let line = try #require(waitForOutput(listening, timeout: 60), "no URL printed: \(output) \(errors)")
        let start = try #require(line.range(of: "http://"))
        url = String(line[start.lowerBound...].prefix { !$0.isWhitespace })
        let portText = url.split(separator: ":").last.map { $0.filter(\.isNumber) } ?? ""
        port = try #require(UInt16(portText), "no port in \(url)")
        _ = try #require(waitForOutput(firstBuild, timeout: 120), "first build did not finish: \(output) \(errors)")
    }

    var output: String { lock.withLock { collected } }
    var errors: String { lock.withLock { collectedErrors } }

    /// The first line of standard output holding `text` after `skipping` earlier ones,
    /// waited for up to `timeout` seconds.
    func waitForOutput(_ text: String, occurrence: Int = 1, timeout: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let lines = output.split(separator: "\n").filter { $0.contains(text) }
            if lines.count >= occurrence { return String(lines[occurrence - 1]) }
            guard process.isRunning else { return nil }
            usleep(50_000)
        }
        return nil
    }

    /// How many lines of standard output hold `text` so far.
    func count(_ text: String) -> Int {
        output.split(separator: "\n").filter { $0.contains(text) }.count
    }

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
        /// The body's bytes as sent (not chunked).
        var bytes: [UInt8] = []
    }

    /// `GET target` as sent, the connection closed after the answer; to `address`, an IPv4
    /// address of this machine the preview listens on.
    func get(_ target: String, method: String = "GET", address host: String = "127.0.0.1",
             hostHeader: String? = nil) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0, "cannot connect to \(host):\(port)")
        let request = Array("\(method) \(target) HTTP/1.1\r\nHost: \(hostHeader ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts[0].components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = parts.dropFirst().joined(separator: "\r\n\r\n")
        if headers["transfer-encoding"] == "chunked" { body = Self.unchunked(body) }
        let separator: [UInt8] = [13, 10, 13, 10]
        // The head ends within its first few hundred bytes.
        let headEnd = (0..<max(0, min(bytes.count - 3, 65536))).first { bytes[$0..<($0 + 4)].elementsEqual(separator) }
        let raw = headEnd.map { Array(bytes[($0 + 4)...]) } ?? []
        return Response(status: status, headers: headers, body: body, bytes: raw)
    }

    /// An IPv4 address of this machine other than loopback, if it has one.
    static func otherAddress() -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return nil }
        defer { freeifaddrs(list) }
        var entry = list
        while let current = entry {
            defer { entry = current.pointee.ifa_next }
            guard let address = current.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            let ipv4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            let text = String(cString: inet_ntoa(ipv4))
            if !text.hasPrefix("127.") { return text }
        }
        return nil
    }

    static func unchunked(_ body: String) -> String {
        var bytes = Array(body.utf8)[...]
        var result: [UInt8] = []
        while let end = bytes.firstIndex(of: UInt8(ascii: "\r")) {
            let size = Int(String(decoding: bytes[..<end], as: UTF8.self), radix: 16) ?? 0
            bytes = bytes[(end + 2)...]
            if size == 0 { break }
            result += bytes.prefix(size)
            bytes = bytes.dropFirst(size + 2)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Sends `signal` and waits for the process to end; its exit status.
    func stop(_ signal: Int32 = SIGINT, timeout: TimeInterval = 30) -> Int32? {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
