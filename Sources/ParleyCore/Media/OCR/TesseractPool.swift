import COCR
#if canImport(Glibc)
import Glibc
#endif

/// One worker's Tesseract: a recognizer loaded with the configured languages and, made on
/// first need, an orientation detector loaded with "osd". A handle is used by one thread at a
/// time (Tesseract's handles are not thread-safe; separate handles run in parallel).
final class TesseractHandle: @unchecked Sendable {
    // @unchecked: only reached by the thread that checked it out of the pool.
    let api: OpaquePointer
    private var osdAPI: OpaquePointer?
    private var osdFailed = false
    let tessdata: String

    init(tessdata: String, languages: String) throws(ParleyError) {
        TesseractHandle.silence
        guard let api = TessBaseAPICreate() else { throw ParleyError(.internal, "Tesseract could not create a handle") }
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        guard TessBaseAPIInit2(api, tessdata, languages, OEM_LSTM_ONLY) == 0 else {
            TessBaseAPIDelete(api)
            throw ParleyError(.invalidConfig, "Tesseract could not load the languages \"\(languages)\" from \(tessdata)")
        }
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        self.api = api
        self.tessdata = tessdata
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
        if let osdAPI {
            TessBaseAPIEnd(osdAPI)
            TessBaseAPIDelete(osdAPI)
        }
    }

    /// Leptonica's messages go nowhere and Tesseract's `tprintf` (the global "debug_file") goes
    /// to /dev/null, once per process (OpenMP is set per thread: `withHandle`).
    static let silence: Void = {
        cocr_silence_leptonica()
        if let api = TessBaseAPICreate() {
            _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
            TessBaseAPIDelete(api)
        }
    }()

    /// The orientation detector, or nil when osd.traineddata is missing.
    var osd: OpaquePointer? {
        if let osdAPI { return osdAPI }
        if osdFailed { return nil }
        guard let api = TessBaseAPICreate() else { osdFailed = true; return nil }
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        guard TessBaseAPIInit2(api, tessdata, "osd", OEM_TESSERACT_ONLY) == 0 else {
            TessBaseAPIDelete(api)
            osdFailed = true
            return nil
        }
        osdAPI = api
        return api
    }
}

/// One Tesseract handle per worker (HandlePool), each recognition on a single OpenMP thread.
final class TesseractPool: Sendable {
    private let handles: HandlePool<TesseractHandle>
    let tessdata: String

    init(capacity: Int, tessdata: String, languages: String) {
        self.tessdata = tessdata
        handles = HandlePool(capacity: capacity) { () throws(ParleyError) in
            try TesseractHandle(tessdata: tessdata, languages: languages)
        }
    }

    /// How many handles exist (at most the capacity).
    var createdCount: Int { handles.createdCount }
    /// How many are still busy with a recognition that outlived its time limit.
    var detachedCount: Int { handles.detachedCount }

    func withHandle<T>(_ body: (TesseractHandle) throws(ParleyError) -> T) throws(ParleyError) -> T {
        // OpenMP's thread count is this thread's setting: one, whichever thread calls.
        _ = cocr_single_threaded_openmp()
        return try handles.withHandle(body)
    }

    /// Runs `TessBaseAPIRecognize` on the handle's page (set by the caller) on a thread of its
    /// own, and waits for it until `deadline` and a grace period: Tesseract heeds its monitor's
    /// deadline only while it reads words, not while it finds the page's layout, which on a
    /// noisy 40-megapixel photo ran for minutes. A call still running then is left to finish
    /// on its thread, with the handle (detached from the pool until it returns, then cleared);
    /// nil is returned. `image` stays alive while the call runs.
    func recognize(_ handle: TesseractHandle, image: PixImage, deadline: ContinuousClock.Instant) -> Int32? {
        // @unchecked: `status` and `abandoned` are only touched with `mutex` held.
        final class Call: @unchecked Sendable {
            let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            let finished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
            var status: Int32?
            var abandoned = false
            init() {
                pthread_mutex_init(mutex, nil)
                Threads.initMonotonicCondition(finished)
            }
            deinit {
                pthread_cond_destroy(finished)
                pthread_mutex_destroy(mutex)
                finished.deallocate()
                mutex.deallocate()
            }
        }
        let remaining = max(1, (deadline - ContinuousClock.now).milliseconds)
        guard let monitor = TessMonitorCreate() else { return TessBaseAPIRecognize(handle.api, nil) }
        TessMonitorSetDeadlineMSecs(monitor, Int32(min(remaining, Double(Int32.max))))
        let call = Call()
        let started = Threads.start { [handles] in
            _ = cocr_single_threaded_openmp()
            let status = TessBaseAPIRecognize(handle.api, monitor)
            _ = image   // the page's pixels, until Tesseract is done with them
            pthread_mutex_lock(call.mutex)
            call.status = status
            let abandoned = call.abandoned
            pthread_cond_signal(call.finished)
            pthread_mutex_unlock(call.mutex)
            TessMonitorDelete(monitor)
            if abandoned {
                TessBaseAPIClear(handle.api)
                handles.reattach(handle)
            }
        }
        guard case .success(let thread) = started else {
            // No thread to spare: recognize here, bounded by the monitor alone.
            defer { TessMonitorDelete(monitor) }
            return TessBaseAPIRecognize(handle.api, monitor)
        }
        pthread_detach(thread)
        var time = Threads.deadline(afterMillis: Int(remaining) + Self.graceMillis)
        pthread_mutex_lock(call.mutex)
        defer { pthread_mutex_unlock(call.mutex) }
        while call.status == nil {
            if pthread_cond_timedwait(call.finished, call.mutex, &time) == ETIMEDOUT && call.status == nil {
                call.abandoned = true
                handles.detach(handle)
                return nil
            }
        }
        return call.status
    }

    /// How long past the deadline a recognition is awaited before it is left to run on.
    static let graceMillis = 250

    /// The tessdata directory: the configured one, TESSDATA_PREFIX, then Debian's (Tesseract 5, then 4).
    static func tessdataDirectory(configured: String?, languages: String) throws(ParleyError) -> String {
        var candidates: [String] = []
        if let configured {
            candidates = [configured]
        } else {
            if let prefix = getenv("TESSDATA_PREFIX").map({ String(cString: $0) }), !prefix.isEmpty {
                candidates.append(prefix)
                candidates.append(prefix.hasSuffix("/") ? prefix + "tessdata" : prefix + "/tessdata")
            }
            candidates += ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                           "/usr/share/tessdata", "/usr/local/share/tessdata"]
        }
        let wanted = languages.split(separator: "+").map(String.init)
        var best: (path: String, missing: [String])?
        for path in candidates {
            let missing = wanted.filter { access(path + "/" + $0 + ".traineddata", R_OK) != 0 }
            if missing.isEmpty { return path }
            if missing.count < wanted.count, best == nil || missing.count < best!.missing.count { best = (path, missing) }
        }
        if let best {
            let names = best.missing.map { "\($0).traineddata" }.joined(separator: ", ")
            throw ParleyError(.invalidConfig, "OCR language data missing: \(names) not in \(best.path) (install tesseract-ocr-\(best.missing[0]) or set ocr.tessdataPath)")
        }
        throw ParleyError(.invalidConfig, "no Tesseract language data for \"\(languages)\" in \(candidates.joined(separator: ", ")) (install tesseract-ocr-eng, set ocr.tessdataPath or TESSDATA_PREFIX)")
    }
}
