import Benchmark
import Earshot
import EarshotWorkloads
import Foundation

/// Reading X API v2 lines, in-process, all in one run: Foundation's JSONSerialization (the
/// well-kept library available everywhere) against Earshot's hand-written parser building the
/// whole tree, building only the preset's fields, and the byte scan that notes where the preset's
/// fields are and builds nothing else (what `earshot match` does). The whole pipeline is
/// measured by scripts/bench-stream.sh.
let lines: [[UInt8]] = XV2StreamWorkload(seed: 42).lines(count: 20_000).map { Array($0.utf8) }
let totalBytes = lines.reduce(0) { $0 + $1.count }
let mapping = FieldMapping(preset: .xV2)
let reader = MentionReader(mapping: mapping)
let parsingReader = MentionReader(mapping: mapping, scanning: false)

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(5))
    Benchmark("Parse 20k X-v2 lines (\(totalBytes / 1_000_000) MB): Foundation JSONSerialization", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for line in lines { blackHole(try? JSONSerialization.jsonObject(with: Data(line))) }
        }
    }
    Benchmark("Parse 20k X-v2 lines: Earshot parser, whole tree + preset", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for line in lines { blackHole(try? mapping.mention(fromJSON: line)) }
        }
    }
    Benchmark("Parse 20k X-v2 lines: Earshot parser, preset fields only", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for line in lines { blackHole(try? parsingReader.mention(fromJSON: line)) }
        }
    }
    Benchmark("Parse 20k X-v2 lines: Earshot byte scan (earshot match)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for line in lines { blackHole(try? reader.mention(fromJSON: line)) }
        }
    }
}
