import Hummingbird

/// A request's context, with whether it came from this machine: the problems panel
/// quotes diagnostics, which may quote a non-public record (a `leak.*` finding names its
/// text), so only a browser on the machine running the preview reads them in full, and
/// only at a loopback name (`PreviewResponder` checks the `Host`): a page of another site
/// whose name was rebound to 127.0.0.1 comes from this machine too.
struct PreviewRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// True when the peer's address is a loopback address.
    let fromThisMachine: Bool

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        fromThisMachine = source.channel.remoteAddress?.ipAddress.map(Self.isLoopbackAddress) ?? false
    }

    /// The host name of a `Host` header value (`name`, `name:port`, `[v6]:port`).
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<close])
        }
        guard let colon = authority.lastIndex(of: ":") else { return authority }
        return String(authority[..<colon])
    }

    /// `127.0.0.0/8`, `::1`, and IPv4 loopback written as an IPv6-mapped address.
    static func isLoopbackAddress(_ address: String) -> Bool {
        let lowered = address.lowercased()
        let v4 = lowered.hasPrefix("::ffff:") ? String(lowered.dropFirst("::ffff:".count)) : lowered
        return v4.hasPrefix("127.") || lowered == "::1" || lowered == "0:0:0:0:0:0:0:1"
    }
}
