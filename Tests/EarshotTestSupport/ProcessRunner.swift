import Foundation

/// Runs the built `earshot` executable as a subprocess with real pipes.
public enum EarshotProcess {
    /// What a run produced.
    public struct Output: Sendable {
        /// Exit status (or 128 + signal when killed).
        public var status: Int32
        /// Standard output bytes.
        public var stdout: Data
        /// Standard error text.
        public var stderr: String
        /// Standard output as text.
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        /// Non-empty stdout lines.
        public var stdoutLines: [String] {
            stdout.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The built executable: `earshot` in the same build products folder as the running test
    /// binary (whatever `--scratch-path` or configuration built it).
    public static var executableURL: URL {
        #if os(macOS)
            let products = Bundle.allBundles.map(\.bundleURL).first { $0.pathExtension == "xctest" }?
                .deletingLastPathComponent()
        #else
            let products = Bundle.main.executableURL?.deletingLastPathComponent()
        #endif
        return (products ?? Fixtures.repositoryRoot.appendingPathComponent(".build/debug")).appendingPathComponent("earshot")
    }

    /// Runs `earshot arguments...` with `input` on stdin and waits for it.
    public static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:])
        throws -> Output
    {
        let process = Process()
        process.executableURL = executableURL
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repositoryRoot
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Feed stdin and drain both outputs concurrently so no pipe buffer fills up.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { outData = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = stderr.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        group.wait()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Output(status: status, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs with text on stdin.
    public static func run(_ arguments: [String], stdin text: String) throws -> Output {
        try run(arguments, input: Data(text.utf8))
    }
}
