import ParleyCore

// The C entry point of the "Log" section of include/parley.h.

private struct LogCallback: @unchecked Sendable {
    // @unchecked: user_data is the host's; the header says the callback may run on any thread.
    let function: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int) -> Void
    let userData: UnsafeMutableRawPointer?

    func call(_ level: EventLog.Level, _ line: String) {
        var text = line
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { function(userData, Int32(level.rawValue), $0.baseAddress, $0.count) }
        }
    }
}

@_cdecl("parley_log_set_callback")
public func parley_log_set_callback(
    _ handle: OpaquePointer?,
    _ callback: (@convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int) -> Void)?,
    _ userData: UnsafeMutableRawPointer?, _ minLevel: Int32
) -> Int32 {
    let function = "parley_log_set_callback"
    return withEngine(function, handle) { engine throws(ParleyError) in
        guard let level = EventLog.Level(rawValue: Int(minLevel)) else {
            throw ParleyError(.invalidArgument, "\(function): min_level must be PARLEY_LOG_DEBUG (0) to PARLEY_LOG_ERROR (3), got \(minLevel)")
        }
        guard let callback else {
            engine.log.setSink(nil, level: level)
            return
        }
        let host = LogCallback(function: callback, userData: userData)
        engine.log.setSink({ level, line in host.call(level, line) }, level: level)
    }
}
