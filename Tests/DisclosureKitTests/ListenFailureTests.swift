import DisclosureKit
import Foundation
import Testing
@testable import DisclosePreview
#if canImport(Glibc)
import Glibc
#endif

/// Why the preview could not listen, said in both languages with what to do: the server's
/// error carries only a system error number.
@Suite struct ListenFailureTests {
    /// An error that keeps its number as NIO's IOError does.
    struct SystemError: Error {
        var errnoCode: Int32
    }

    @Test func aPortInUseSaysSoInBothLanguages() {
        let phrase = ListenFailure.sentence(SystemError(errnoCode: EADDRINUSE), place: "127.0.0.1:8012")
        #expect(phrase.zh == "无法在 127.0.0.1:8012 上监听：端口已被占用（另一个 disclose serve 或其他程序）；请用 --port 换一个端口，或用 --port 0 由系统选择空闲端口")
        #expect(phrase.en == "cannot listen on 127.0.0.1:8012: the port is already in use (another disclose serve, or another program); choose another with --port, or --port 0 for any free one")
    }

    @Test func aPortForAdministratorsAndAnAddressThisMachineLacks() {
        let denied = ListenFailure.sentence(SystemError(errnoCode: EACCES), place: "127.0.0.1:80")
        #expect(denied.zh.contains("当前用户无权使用该端口（1024 以下的端口需要管理员权限）") && denied.en.contains("ports below 1024 need an administrator"))
        let absent = ListenFailure.sentence(SystemError(errnoCode: EADDRNOTAVAIL), place: "10.9.9.9:8012")
        #expect(absent.zh.contains("本机没有这个地址；请使用 --host 127.0.0.1") && absent.en.contains("this machine has no such address"))
    }

    /// An error without a number is quoted as it is, after the Chinese.
    @Test func anErrorWithoutANumberIsQuoted() {
        struct Odd: Error, CustomStringConvertible { var description: String { "odd failure" } }
        let phrase = ListenFailure.sentence(Odd(), place: "[::1]:8012")
        #expect(phrase == Phrase("无法在 [::1]:8012 上监听：odd failure", en: "cannot listen on [::1]:8012: odd failure"))
    }

    /// The error the command line prints is a PhrasedError, so it follows `--lang`.
    @Test func aPreviewFailureIsAPhrasedError() {
        let failure: any Error = PreviewFailure(Phrase("预览已停止：x", en: "the preview stopped: x"))
        #expect((failure as? PhrasedError)?.phrase.zh == "预览已停止：x")
        #expect("\(failure)" == "the preview stopped: x")
    }
}
