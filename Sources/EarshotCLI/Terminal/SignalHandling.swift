import Earshot

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Process signal setup for `match`: a closed pipe is an error return (EPIPE), not a kill, and
/// SIGINT/SIGTERM ask the pipeline to stop, flush and summarize.
enum SignalHandling {
    static func install() {
        signal(SIGPIPE, SIG_IGN)
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { StopSignal.raise($0) }
        #else
            action.__sigaction_u.__sa_handler = { StopSignal.raise($0) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a blocked read returns EINTR so the loop sees the flag
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
    }
}
