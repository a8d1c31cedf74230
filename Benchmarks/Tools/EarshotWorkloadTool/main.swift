// Writes the deterministic benchmark inputs to stdout for scripts/bench-stream.sh:
//   earshot-workload rules N        a brand-monitoring rules file with N rules
//   earshot-workload xv2 N          N X API v2 filtered-stream lines
import EarshotWorkloads

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

func usage() -> Never {
    let message = Array("usage: earshot-workload rules|xv2 COUNT\n".utf8)
    _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[2]), count > 0 else { usage() }
switch arguments[1] {
case "rules":
    print(BrandMonitoringWorkload(seed: 42).rulesYAML(count: count), terminator: "")
case "xv2":
    for line in XV2StreamWorkload(seed: 42).lines(count: count) { print(line) }
default:
    usage()
}
