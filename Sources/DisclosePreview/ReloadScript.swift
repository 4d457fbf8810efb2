/// The script the preview adds to every HTML page it serves, and only then: `disclose
/// build` never writes it. It listens to the preview's event stream and reloads the page
/// when a build has changed what the preview shows. The page's generation (the count of
/// builds the preview had finished when it served the page) goes with the request, so a
/// build that ends between the page's response and the stream's opening is not missed.
public enum ReloadScript {
    /// The reserved prefix of the preview's own URLs; no file of the site is served under
    /// it (a site path never starts with `__disclose`, RequestPath refuses nothing there
    /// but the responder answers it first).
    public static let prefix = "/__disclose/"
    public static let scriptPath = prefix + "reload.js"
    public static let eventsPath = prefix + "events"

    public static let source = """
    (function () {
      "use strict";
      if (!window.EventSource) { return; }
      var script = document.currentScript;
      var generation = script ? script.getAttribute("data-generation") : "0";
      var events = new EventSource("\(eventsPath)?since=" + encodeURIComponent(generation || "0"));
      events.addEventListener("reload", function () {
        events.close();
        window.location.reload();
      });
    })();

    """

    /// `html` with the script added before its closing `</body>` (at its end when it has
    /// none); the page's own bytes are otherwise served as they are.
    public static func inject(into html: [UInt8], generation: Int) -> [UInt8] {
        inject(Array(tag(generation: generation).utf8), into: html, before: Array("</body>".utf8))
    }

    static func tag(generation: Int) -> String {
        "<script src=\"\(scriptPath)\" data-generation=\"\(generation)\"></script>"
    }

    /// Inserts `insertion` before the last occurrence of `marker` in `bytes` (ASCII
    /// case-insensitively), or appends it when there is none.
    static func inject(_ insertion: [UInt8], into bytes: [UInt8], before marker: [UInt8]) -> [UInt8] {
        guard let position = lastIndex(of: marker, in: bytes) else { return bytes + insertion }
        var result = bytes
        result.insert(contentsOf: insertion, at: position)
        return result
    }

    static func lastIndex(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= marker.count, !marker.isEmpty else { return nil }
        return (0...(bytes.count - marker.count)).reversed().first { matches(marker, in: bytes, at: $0) }
    }

    static func firstIndex(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= marker.count, !marker.isEmpty else { return nil }
        return (0...(bytes.count - marker.count)).first { matches(marker, in: bytes, at: $0) }
    }

    /// Whether `marker` is at `start` in `bytes`, ASCII letters compared case-insensitively.
    private static func matches(_ marker: [UInt8], in bytes: [UInt8], at start: Int) -> Bool {
        func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
        for offset in 0..<marker.count where lower(bytes[start + offset]) != lower(marker[offset]) { return false }
        return true
    }
}
