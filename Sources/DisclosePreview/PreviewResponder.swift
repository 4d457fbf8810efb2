import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Hummingbird
import ServiceLifecycle

/// Answers the preview's requests: the files of the last good site (HTML pages with the
/// reload script, and the problems panel while the content has errors), the reload
/// script and its event stream, and 404 for anything outside the site's folder.
struct PreviewResponder: HTTPResponder {
    typealias Context = PreviewRequestContext

    /// The site's folder (it need not exist before the first good build).
    let site: String
    let state: PreviewState

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            return Response(status: .methodNotAllowed, headers: headers)
        }
        let target = request.head.path ?? "/"
        let path = RequestPath.pathPart(of: target)
        let isHead = request.method == .head
        if path == ReloadScript.scriptPath {
            return bytes(Array(ReloadScript.source.utf8), type: ContentType.of("reload.js"), head: isHead)
        }
        if path == ReloadScript.eventsPath {
            return events(since: Int(query(target, "since") ?? "") ?? -1)
        }
        let snapshot = state.snapshot
        let authority = request.head.authority ?? ""
        let detailed = context.fromThisMachine && PreviewServer.isLoopback(PreviewRequestContext.hostName(authority))
        if path.hasPrefix(ReloadScript.prefix) { return notFound(snapshot, detailed: detailed, head: isHead) }
        // A failed build's failure says whether the last good site may still be shown.
        guard snapshot.hasGoodSite, snapshot.failure?.hasGoodSite ?? true else {
            let page = snapshot.failure.map { ErrorPage.page($0, generation: snapshot.generation, detailed: detailed) }
                ?? Self.buildingPage(generation: snapshot.generation)
            return bytes(Array(page.utf8), type: ContentType.of("x.html"), status: .serviceUnavailable, head: isHead)
        }
        switch RequestPath.resolve(target, in: site) {
        case .redirect(let location):
            var headers = HTTPFields()
            headers[.location] = location
            headers[.cacheControl] = "no-store"
            return Response(status: .movedPermanently, headers: headers)
        case .notFound:
            return notFound(snapshot, detailed: detailed, head: isHead)
        case .file(let file) where ContentType.isHTML(file):
            guard let data = FileManager.default.contents(atPath: file) else {
                return notFound(snapshot, detailed: detailed, head: isHead)
            }
            var body = [UInt8](data)
            if let failure = snapshot.failure { body = ErrorPage.inject(failure, into: body, detailed: detailed) }
            body = ReloadScript.inject(into: body, generation: snapshot.generation)
            return bytes(body, type: ContentType.of(file), head: isHead)
        case .file(let file):
            // Anything else is sent as built, streamed: an attachment may be large.
            var info = stat()
            guard stat(file, &info) == 0,
                  let body = try? await (isHead ? ResponseBody() : FileIO().loadFile(path: file, context: context)) else {
                return notFound(snapshot, detailed: detailed, head: isHead)
            }
            return Response(status: .ok, headers: headers(type: ContentType.of(file), length: Int(info.st_size)), body: body)
        }
    }

    /// The event stream: one `reload` event as soon as the preview shows another
    /// generation than `since`, then the stream ends (the page reloads and opens a new one).
    private func events(since: Int) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let state = self.state
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let (key, generations) = state.listen()
            defer { state.stopListening(key) }
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            var generation = state.snapshot.generation
            if generation == since {
                generation = await cancelWhenGracefulShutdown {
                    for await next in generations where next != since { return next }
                    return since
                }
            }
            if generation != since {
                try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
            }
            try await writer.finish(nil)
        })
    }

    private func notFound(_ snapshot: PreviewState.Snapshot, detailed: Bool, head: Bool) -> Response {
        var page = Self.notFoundPage(generation: snapshot.generation)
        if let failure = snapshot.failure {
            page = String(decoding: ErrorPage.inject(failure, into: Array(page.utf8), detailed: detailed), as: UTF8.self)
        }
        return bytes(Array(page.utf8), type: ContentType.of("x.html"), status: .notFound, head: head)
    }

    private func bytes(_ body: [UInt8], type: String, status: HTTPResponse.Status = .ok, head: Bool) -> Response {
        Response(status: status, headers: headers(type: type, length: body.count),
                 body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    private func headers(type: String, length: Int) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = type
        // A preview is always current: nothing is kept by the browser between builds.
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentLength] = String(length)
        return headers
    }

    /// The value of `name` in `target`'s query, undecoded.
    private func query(_ target: String, _ name: String) -> String? {
        guard let mark = target.firstIndex(of: "?") else { return nil }
        for pair in target[target.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.first.map(String.init) == name { return parts.count > 1 ? String(parts[1]) : "" }
        }
        return nil
    }

    static func buildingPage(generation: Int) -> String {
        simplePage(title: "正在构建", text: "disclose 正在构建网站，完成后本页会自动刷新。", generation: generation)
    }

    static func notFoundPage(generation: Int) -> String {
        simplePage(title: "找不到此页面",
                   text: "预览的网站中没有这个地址。未主动公开的记录不会出现在网站中。<a href=\"/\">回到首页</a>",
                   generation: generation)
    }

    static func simplePage(title: String, text: String, generation: Int) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) — disclose 预览</title>
        </head>
        <body>
        <main>
        <h1>\(title)</h1>
        <p>\(text)</p>
        </main>
        \(ReloadScript.tag(generation: generation))
        </body>
        </html>

        """
    }
}
