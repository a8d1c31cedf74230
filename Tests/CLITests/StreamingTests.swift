import EarshotTestSupport
import Foundation
import Testing

/// `earshot match` as a pipeline stage: giant lines and input that trickles in.
@Suite("earshot match streaming")
struct StreamingTests {
    @Test func aTwentyMegabyteLineIsRejectedWholeAndTheRestGoesOn() throws {
        let giant = #"{"text":""# + String(repeating: "spotify ", count: 20 * 1024 * 1024 / 8) + "\"}"
        let input = #"{"text":"first spotify"}"# + "\n" + giant + "\n" + #"{"text":"last spotify"}"# + "\n"
        let run = try EarshotProcess.run(["match"], input: Data(input.utf8))
        #expect(run.status == 0)
        #expect(run.stdoutLines.count == 2)
        #expect(run.stdoutLines.last?.hasPrefix(#"{"text":"last spotify","earshot":"#) == true)
        #expect(run.stderr.contains("line 2: line-too-long"))
        #expect(run.stderr.contains("in=3 out=2 matched=2 rejected=1"))
    }

    @Test func twoThreadsKeepInputOrder() throws {
        var input = ""
        for n in 0..<5_000 { input += "{\"id\":\"\(n)\",\"text\":\"spotify crash \(n)\"}\n" }
        let run = try EarshotProcess.run(["match", "--threads", "2"], input: Data(input.utf8))
        #expect(run.status == 0)
        let ids = run.stdoutLines.compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == (0..<5_000).map(String.init))
    }

    /// Batches are matched while the previous one is written: a failing line in a later batch
    /// must still stop the output exactly before it, with everything before it written.
    @Test func twoThreadsStopExactlyAtAFailingLineInALaterBatch() throws {
        var input = ""
        for n in 0..<5_000 { input += n == 3_000 ? "{not json\n" : "{\"id\":\"\(n)\",\"text\":\"spotify \(n)\"}\n" }
        let run = try EarshotProcess.run(["match", "--threads", "2", "--on-error", "fail"], input: Data(input.utf8))
        #expect(run.status == 2)
        let ids = run.stdoutLines.compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == (0..<3_000).map(String.init))
        #expect(run.stderr.contains("line 3001"))
    }

    @Test func trickledLinesComeOutBeforeTheNextArrives() throws {
        let process = Process()
        process.executableURL = EarshotProcess.executableURL
        process.arguments = ["match", "--quiet", "--threads", "2"]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate() }
        let reader = LineCollector(stdout.fileHandleForReading)
        for n in 1...3 {
            try stdin.fileHandleForWriting.write(contentsOf: Data("{\"id\":\"\(n)\",\"text\":\"spotify \(n)\"}\n".utf8))
            // The output line must arrive while no further input is written (generous deadline,
            // only so that a broken build fails instead of hanging).
            let line = reader.nextLine(deadline: .now() + 10)
            #expect(line?.hasPrefix("{\"id\":\"\(n)\"") == true, "line \(n) did not come out on its own")
        }
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

/// Reads lines from a pipe on a background thread.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    private var buffer = Data()
    private let available = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        handle.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.buffer.append(data)
            while let newline = self.buffer.firstIndex(of: 0x0A) {
                self.lines.append(String(decoding: self.buffer[self.buffer.startIndex..<newline], as: UTF8.self))
                self.buffer.removeSubrange(self.buffer.startIndex...newline)
                self.available.signal()
            }
            self.lock.unlock()
        }
    }

    func nextLine(deadline: DispatchTime) -> String? {
        guard available.wait(timeout: deadline) == .success else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return lines.isEmpty ? nil : lines.removeFirst()
    }
}

/// The progress line: only on a terminal, only for regular files, never with --quiet.
@Suite("earshot match progress line")
struct ProgressLineTests {
    @Test("stderr that is not a terminal gets the summary and nothing else")
    func noProgressOnPipes() throws {
        let run = try EarshotProcess.run(["match", "Fixtures/mentions/generic.jsonl"])
        #expect(run.status == 0)
        #expect(!run.stderr.contains("\r"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.hasPrefix("earshot: in="))
    }

    /// Runs earshot under `script`, which gives it a pseudo-terminal for stdout and stderr.
    func runOnTerminal(_ arguments: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = "\(EarshotProcess.executableURL.path) \(arguments) > /dev/null"
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = Fixtures.repositoryRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("a terminal and a regular file: the progress line is drawn, then erased before the summary")
    func progressOnTerminal() throws {
        // Large enough to take well over 100 ms in a debug build.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let fixture = try Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Fixtures/mentions/generic.jsonl"))
        var big = Data()
        for _ in 0..<60 { big.append(fixture) }
        let path = directory.appendingPathComponent("big.jsonl").path
        try big.write(to: URL(fileURLWithPath: path))
        let shown = try runOnTerminal("match --threads 1 \(path)")
        #expect(shown.contains("MB of "))
        #expect(shown.contains("mentions/s"))
        #expect(shown.contains("matched"))
        #expect(shown.contains("earshot: in=\(60 * 244)"))
        let quiet = try runOnTerminal("match --quiet \(path)")
        #expect(!quiet.contains("MB of"))
        #expect(!quiet.contains("earshot: in="))
        let piped = try runOnTerminal("match - < \(path)")
        #expect(!piped.contains("MB of"))
    }
}
