import ParleyCore

// The C entry points of the "Metrics" section of include/parley.h.

@_cdecl("parley_metrics_json")
public func parley_metrics_json(
    _ handle: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult("parley_metrics_json", handle, out, outLen) { engine in engine.metricsJSON() }
}

@_cdecl("parley_metrics_prometheus")
public func parley_metrics_prometheus(
    _ handle: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult("parley_metrics_prometheus", handle, out, outLen) { engine in engine.metricsPrometheus() }
}
