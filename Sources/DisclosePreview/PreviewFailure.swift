import DisclosureKit

/// Why the preview could not start or stopped on its own: its folder could not be made,
/// its address could not be listened on, or the server failed. The command line prints
/// it in the run's language and exits 2 (an environment error).
public struct PreviewFailure: PhrasedError, CustomStringConvertible {
    public var phrase: Phrase

    public init(_ phrase: Phrase) {
        self.phrase = phrase
    }

    public var description: String { phrase.en }
}
