import ParleyCore

// The C entry points of the "Metrics" section of include/parley.h.

@_cdecl("parley_metrics_json")
public func parley_metrics_json(
    _ handle: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    metricsCall("parley_metrics_json", handle, out, outLen) { JSONWriter.string($0.metricsJSON()) }
}

@_cdecl("parley_metrics_prometheus")
public func parley_metrics_prometheus(
    _ handle: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    metricsCall("parley_metrics_prometheus", handle, out, outLen) { $0.metricsPrometheus() }
}

private func metricsCall(_ function: String, _ handle: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                         _ outLen: UnsafeMutablePointer<Int>?, _ body: (Engine) -> String) -> Int32 {
    guard let out, let outLen else { return fail(.invalidArgument, "\(function): out or out_len is NULL") }
    out.pointee = nil
    outLen.pointee = 0
    guard let engine = engine(handle) else { return fail(.invalidArgument, "\(function): engine is NULL") }
    return body(engine).deliver(out, outLen)
}
