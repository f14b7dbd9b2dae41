/// An intent model's weights laid out for scoring. Each feature row holds its IDF and then its
/// weight for every class, 64-byte aligned and padded to whole cache lines, so a feature costs
/// one line (up to 15 classes) instead of three or four scattered ones.
///
/// Why it matters: scoring a message reads a few hundred random rows. Inside `process` the
/// store's work has usually evicted them from the cache, and the scattered layout made intent
/// the costliest stage there (about 4× its warm-cache time, measured with `perf`).
final class IntentScoringTable: @unchecked Sendable {
    // @unchecked: `storage` is written only in init, then only read.
    let classes: Int
    /// Floats per row: 1 + classes, rounded up to a multiple of 16 (one 64-byte line).
    let stride: Int
    let rowCount: Int
    /// Bucket → row, -1 for buckets never seen in training.
    let rowOf: [Int32]
    private let storage: UnsafeMutablePointer<Float>

    init(bucketCount: Int, buckets: [Int32], idf: [Float], weights: [Float], classes: Int) {
        self.classes = classes
        stride = (1 + classes + 15) / 16 * 16
        rowCount = buckets.count
        var rowOf = [Int32](repeating: -1, count: bucketCount)
        for (row, bucket) in buckets.enumerated() { rowOf[Int(bucket)] = Int32(row) }
        self.rowOf = rowOf
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, rowCount * stride) * MemoryLayout<Float>.stride, alignment: 64)
        storage = raw.bindMemory(to: Float.self, capacity: max(1, rowCount * stride))
        storage.initialize(repeating: 0, count: max(1, rowCount * stride))
        for row in 0..<rowCount {
            let line = storage + row * stride
            line[0] = idf[row]
            for k in 0..<classes { line[1 + k] = weights[row * classes + k] }
        }
    }

    deinit {
        storage.deallocate()
    }

    func idf(_ row: Int) -> Float { storage[row * stride] }

    func weight(_ row: Int, _ k: Int) -> Float { storage[row * stride + 1 + k] }

    /// Accumulates a text's features into per-class word and character scores. Features are
    /// resolved a chunk at a time, each step over the whole chunk (buckets → rows, then rows →
    /// scores), so the CPU overlaps the chunk's independent memory loads instead of waiting
    /// for each feature's in turn. The sums are taken in feature order, as one pass would.
    struct Sink: IntentFeatureSink {
        static let chunk = 128
        let table: IntentScoringTable
        let wordScores: UnsafeMutablePointer<Float>
        let charScores: UnsafeMutablePointer<Float>
        /// Buckets waiting, each shifted left once with bit 0 set for a character n-gram.
        let pending: UnsafeMutablePointer<Int>
        let rows: UnsafeMutablePointer<Int32>
        var count = 0
        var wordSquares: Float = 0
        var charSquares: Float = 0
        var seen = 0
        var total = 0

        @inline(__always)
        mutating func word(_ bucket: Int) { add(bucket << 1) }

        @inline(__always)
        mutating func char(_ bucket: Int) { add(bucket << 1 | 1) }

        @inline(__always)
        private mutating func add(_ tagged: Int) {
            pending[count] = tagged
            count += 1
            if count == Self.chunk { flush() }
        }

        fileprivate mutating func flush() {
            let n = count
            count = 0
            total += n
            table.rowOf.withUnsafeBufferPointer { rowOf in
                for i in 0..<n { rows[i] = rowOf[pending[i] >> 1] }
            }
            let classes = table.classes, stride = table.stride
            for i in 0..<n {
                let row = Int(rows[i])
                guard row >= 0 else { continue }
                seen += 1
                let line = table.storage + row * stride
                let value = line[0]
                let isChar = pending[i] & 1 != 0
                if isChar { charSquares += value * value } else { wordSquares += value * value }
                let scores = isChar ? charScores : wordScores
                for k in 0..<classes { scores[k] += value * line[1 + k] }
            }
        }
    }

    /// Scores the features `featurize` feeds the sink into the 2 × classes floats at `scores`
    /// (word scores, then character scores); returns the sums of squared IDF per group and how
    /// many features were seen in training out of all.
    func score(into scores: UnsafeMutablePointer<Float>, _ featurize: (inout Sink) -> Void)
        -> (wordSquares: Float, charSquares: Float, seen: Int, total: Int)
    {
        scores.initialize(repeating: 0, count: 2 * classes)
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: Sink.chunk) { pending in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: Sink.chunk) { rows in
                var sink = Sink(table: self, wordScores: scores, charScores: scores + classes,
                                pending: pending.baseAddress!, rows: rows.baseAddress!)
                featurize(&sink)
                sink.flush()
                return (sink.wordSquares, sink.charSquares, sink.seen, sink.total)
            }
        }
    }
}
