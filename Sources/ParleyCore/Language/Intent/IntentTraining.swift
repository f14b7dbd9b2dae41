#if canImport(Glibc)
import Glibc
#endif

extension IntentModel {
    public static func train(_ examples: [IntentExample]) throws(ParleyError) -> IntentModel {
        try train(examples, options: IntentTrainingOptions())
    }

    /// Trains with explicit options (the CLI's tuning flags). Deterministic for a given seed.
    public static func train(_ examples: [IntentExample], options: IntentTrainingOptions) throws(ParleyError) -> IntentModel {
        try options.validate()
        guard !examples.isEmpty else { throw ParleyError(.invalidArgument, "no training examples") }
        let labels = Array(Set(examples.map(\.intent))).sorted()
        guard labels.count >= 2 else {
            throw ParleyError(.invalidArgument, "training needs at least 2 intents, got \(labels.count) (\(labels.first ?? ""))")
        }
        if let empty = examples.firstIndex(where: { $0.intent.isEmpty }) {
            throw ParleyError(.invalidArgument, "example \(empty + 1) has an empty intent")
        }
        let featurizer = IntentFeaturizer(hashBits: options.hashBits, charMin: options.charMin, charMax: options.charMax,
                                          wordBigrams: options.wordBigrams)
        let data = TrainingData(examples: examples, labels: labels, featurizer: featurizer, options: options)

        // Calibration: fit on a slice left out, then train again on everything. Each fit
        // shuffles from the seed alone, so the final model does not depend on the split.
        var temperature: Float = 1
        let keys = examples.map { TrainingData.splitKey($0.text, seed: options.seed) }
        let (fitIndices, heldOut) = data.calibrationSplit(keys: keys, fraction: options.calibrationFraction)
        if !heldOut.isEmpty {
            var rng = SplitMix64(seed: options.seed)
            let partial = data.fit(indices: fitIndices, options: options, rng: &rng)
            temperature = data.fitTemperature(indices: heldOut, weights: partial.weights, bias: partial.bias)
        }
        var rng = SplitMix64(seed: options.seed)
        let full = data.fit(indices: Array(0..<data.count), options: options, rng: &rng)
        return IntentModel(featurizer: featurizer, labels: labels, buckets: data.buckets, idf: data.idf,
                           bias: full.bias, weights: full.weights,
                           wordWeight: Float(options.wordWeight), charWeight: Float(options.charWeight),
                           temperature: temperature)
    }
}

extension IntentTrainingOptions {
    func validate() throws(ParleyError) {
        guard (10...24).contains(hashBits) else { throw ParleyError(.invalidArgument, "hashBits must be 10...24") }
        guard charMin >= 1, charMax <= 8 else { throw ParleyError(.invalidArgument, "character n-grams must be within 1...8") }
        guard (1...10_000).contains(epochs) else { throw ParleyError(.invalidArgument, "epochs must be 1...10000") }
        guard learningRate > 0, learningRate.isFinite else { throw ParleyError(.invalidArgument, "learningRate must be positive") }
        guard l2 >= 0, l2.isFinite else { throw ParleyError(.invalidArgument, "l2 must be >= 0") }
        guard wordWeight >= 0, charWeight >= 0, wordWeight + charWeight > 0, wordWeight <= 1e6, charWeight <= 1e6 else {
            throw ParleyError(.invalidArgument, "feature group weights must be within 0...1e6, not both 0")
        }
        guard (0..<0.5).contains(calibrationFraction) else { throw ParleyError(.invalidArgument, "calibrationFraction must be in [0, 0.5)") }
    }
}

/// A deterministic generator for shuffles (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The examples featurized once: per example, the rows it touches and their values (IDF,
/// group weight and per-group L2 normalization folded in), as the model computes at prediction.
struct TrainingData {
    let count: Int
    let classes: Int
    let targets: [Int32]
    let offsets: [Int]
    let rows: [Int32]
    let values: [Float]
    let buckets: [Int32]
    let idf: [Float]

    struct CollectingSink: IntentFeatureSink {
        var buckets: [Int32] = []
        var isChar: [Bool] = []
        mutating func word(_ bucket: Int) { buckets.append(Int32(bucket)); isChar.append(false) }
        mutating func char(_ bucket: Int) { buckets.append(Int32(bucket)); isChar.append(true) }
    }

    init(examples: [IntentExample], labels: [String], featurizer: IntentFeaturizer, options: IntentTrainingOptions) {
        count = examples.count
        classes = labels.count
        var labelIndex: [String: Int32] = [:]
        for (i, label) in labels.enumerated() { labelIndex[label] = Int32(i) }
        targets = examples.map { labelIndex[$0.intent]! }

        var sink = CollectingSink()
        var offsets = [0]
        offsets.reserveCapacity(examples.count + 1)
        for example in examples {
            featurizer.featurize(example.text, into: &sink)
            offsets.append(sink.buckets.count)
        }

        // Rows: the distinct buckets, ascending. Document frequency per row.
        var rowOf = [Int32](repeating: -1, count: featurizer.bucketCount)
        for bucket in sink.buckets { rowOf[Int(bucket)] = 0 }
        var buckets: [Int32] = []
        for bucket in 0..<featurizer.bucketCount where rowOf[bucket] == 0 {
            rowOf[bucket] = Int32(buckets.count)
            buckets.append(Int32(bucket))
        }
        self.buckets = buckets
        var rows = sink.buckets.map { rowOf[Int($0)] }
        var documentFrequency = [Int32](repeating: 0, count: buckets.count)
        var lastSeen = [Int32](repeating: -1, count: buckets.count)
        for e in 0..<examples.count {
            for f in offsets[e]..<offsets[e + 1] {
                let row = Int(rows[f])
                if lastSeen[row] != Int32(e) { lastSeen[row] = Int32(e); documentFrequency[row] += 1 }
            }
        }
        let n = Double(examples.count)
        if options.useIDF {
            idf = documentFrequency.map { Float(log((n + 1) / (Double($0) + 1)) + 1) }
        } else {
            idf = [Float](repeating: 1, count: buckets.count)
        }

        var values = [Float](repeating: 0, count: rows.count)
        for e in 0..<examples.count {
            var wordSquares: Float = 0, charSquares: Float = 0
            for f in offsets[e]..<offsets[e + 1] {
                let v = idf[Int(rows[f])]
                if sink.isChar[f] { charSquares += v * v } else { wordSquares += v * v }
            }
            let wordScale = wordSquares > 0 ? Float(options.wordWeight) / wordSquares.squareRoot() : 0
            let charScale = charSquares > 0 ? Float(options.charWeight) / charSquares.squareRoot() : 0
            for f in offsets[e]..<offsets[e + 1] {
                values[f] = idf[Int(rows[f])] * (sink.isChar[f] ? charScale : wordScale)
            }
        }
        // Features with weight 0 (a group turned off) are dropped from the lists.
        if options.wordWeight == 0 || options.charWeight == 0 {
            var keptRows: [Int32] = [], keptValues: [Float] = [], keptOffsets = [0]
            for e in 0..<examples.count {
                for f in offsets[e]..<offsets[e + 1] where values[f] != 0 {
                    keptRows.append(rows[f]); keptValues.append(values[f])
                }
                keptOffsets.append(keptRows.count)
            }
            rows = keptRows
            values = keptValues
            offsets = keptOffsets
        }
        self.offsets = offsets
        self.rows = rows
        self.values = values
    }

    /// Indices to fit on and indices held out for calibration, chosen by each example's text:
    /// an example is held out when its key falls in the first `fraction` of the key range, so
    /// adding or editing examples moves no other example between the two sides. (A shuffled
    /// split drew a new held-out set at every corpus edit, and every confidence moved with the
    /// temperature fitted on it.) Classes with fewer than 4 examples keep all of theirs; the
    /// others hold out at least their example with the smallest key.
    func calibrationSplit(keys: [UInt64], fraction: Double) -> (fit: [Int], heldOut: [Int]) {
        guard fraction > 0 else { return (Array(0..<count), []) }
        let cut = UInt64(fraction * 0x1p64.nextDown)
        var byClass = [[Int]](repeating: [], count: classes)
        for i in 0..<count { byClass[Int(targets[i])].append(i) }
        var heldOut: [Int] = []
        for members in byClass where members.count >= 4 {
            let chosen = members.filter { keys[$0] < cut }
            heldOut.append(contentsOf: chosen.isEmpty ? [members.min { keys[$0] < keys[$1] }!] : chosen)
        }
        let held = Set(heldOut)
        return ((0..<count).filter { !held.contains($0) }, heldOut.sorted())
    }

    /// A key for `calibrationSplit`, the same in every process (Swift's `Hasher` is not):
    /// FNV-1a over the text's UTF-8, spread by MurmurHash3's finalizer.
    static func splitKey(_ text: String, seed: UInt64) -> UInt64 {
        var h = IntentFeaturizer.wordSeed ^ seed
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* IntentFeaturizer.fnvPrime }
        return IntentFeaturizer.finalize(h)
    }

    @inline(__always)
    func logits(_ e: Int, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        for k in 0..<classes { out[k] = bias[k] }
        rows.withUnsafeBufferPointer { rows in
            values.withUnsafeBufferPointer { values in
                for f in offsets[e]..<offsets[e + 1] {
                    let w = weights + Int(rows[f]) * classes
                    let v = values[f]
                    for k in 0..<classes { out[k] += v * w[k] }
                }
            }
        }
    }

    /// Multinomial logistic regression by SGD, learning rate decaying linearly to 0. With
    /// averaging, the result is the mean of the iterates of the last `averagedShare` of the
    /// steps (Polyak–Ruppert), kept lazily: u accumulates (steps averaged so far) × update.
    func fit(indices: [Int], options: IntentTrainingOptions, rng: inout SplitMix64) -> (weights: [Float], bias: [Float]) {
        var weights = [Float](repeating: 0, count: buckets.count * classes)
        var bias = [Float](repeating: 0, count: classes)
        let averaging = options.averagedShare > 0
        var weightSums = [Float](repeating: 0, count: averaging ? weights.count : 0)
        var biasSums = [Float](repeating: 0, count: classes)
        var order = indices
        let totalSteps = options.epochs * max(order.count, 1)
        let averageStart = averaging ? Int(Double(totalSteps) * (1 - options.averagedShare)) : totalSteps
        var step = 0
        let learningRate = options.learningRate
        let decay = Float(options.l2)
        var gradient = [Float](repeating: 0, count: classes)
        weights.withUnsafeMutableBufferPointer { weightBuffer in
            bias.withUnsafeMutableBufferPointer { biasBuffer in
                weightSums.withUnsafeMutableBufferPointer { sumBuffer in
                    biasSums.withUnsafeMutableBufferPointer { biasSumBuffer in
                        gradient.withUnsafeMutableBufferPointer { gradientBuffer in
                            rows.withUnsafeBufferPointer { rows in
                                values.withUnsafeBufferPointer { values in
                                    let w = weightBuffer.baseAddress!
                                    let b = biasBuffer.baseAddress!
                                    let u = sumBuffer.baseAddress
                                    let ub = biasSumBuffer.baseAddress!
                                    let g = gradientBuffer.baseAddress!
                                    for _ in 0..<options.epochs {
                                        order.shuffle(using: &rng)
                                        for e in order {
                                            let rate = Float(learningRate * (1 - Double(step) / Double(totalSteps)))
                                            let averagedSteps = Float(step - averageStart)   // < 0: not averaging yet
                                            step += 1
                                            logits(e, weights: w, bias: b, into: g)
                                            IntentModel.softmax(g, classes, temperature: 1)
                                            g[Int(targets[e])] -= 1
                                            let shrink = 1 - rate * decay
                                            for f in offsets[e]..<offsets[e + 1] {
                                                let offset = Int(rows[f]) * classes
                                                let row = w + offset
                                                let scale = rate * values[f]
                                                if decay > 0 {
                                                    for k in 0..<classes { row[k] = row[k] * shrink - scale * g[k] }
                                                } else {
                                                    for k in 0..<classes { row[k] -= scale * g[k] }
                                                }
                                                if averagedSteps > 0, let u {
                                                    let sums = u + offset
                                                    let factor = averagedSteps * scale
                                                    for k in 0..<classes { sums[k] -= factor * g[k] }
                                                }
                                            }
                                            for k in 0..<classes { b[k] -= rate * g[k] }
                                            if averagedSteps > 0 {
                                                for k in 0..<classes { ub[k] -= averagedSteps * rate * g[k] }
                                            }
                                        }
                                    }
                                    let averaged = Float(totalSteps - averageStart)
                                    if averaging && averaged > 0, let u {
                                        for i in 0..<(buckets.count * classes) { w[i] -= u[i] / averaged }
                                        for k in 0..<classes { b[k] -= ub[k] / averaged }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (weights, bias)
    }

    /// The temperature minimizing the negative log-likelihood of the held-out examples
    /// (golden-section search over log T).
    func fitTemperature(indices: [Int], weights: [Float], bias: [Float]) -> Float {
        var allLogits = [Float](repeating: 0, count: indices.count * classes)
        weights.withUnsafeBufferPointer { w in
            bias.withUnsafeBufferPointer { b in
                allLogits.withUnsafeMutableBufferPointer { out in
                    for (i, e) in indices.enumerated() {
                        logits(e, weights: w.baseAddress!, bias: b.baseAddress!, into: out.baseAddress! + i * classes)
                    }
                }
            }
        }
        func loss(_ logT: Double) -> Double {
            let inverse = exp(-logT)
            var total = 0.0
            for (i, e) in indices.enumerated() {
                let base = i * classes
                var maximum = -Double.infinity
                for k in 0..<classes { maximum = max(maximum, Double(allLogits[base + k]) * inverse) }
                var sum = 0.0
                for k in 0..<classes { sum += exp(Double(allLogits[base + k]) * inverse - maximum) }
                total += log(sum) + maximum - Double(allLogits[base + Int(targets[e])]) * inverse
            }
            return total
        }
        var lo = log(0.05), hi = log(20.0)
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo)
        var fa = loss(a), fb = loss(b)
        for _ in 0..<40 {
            if fa < fb {
                hi = b; b = a; fb = fa
                a = hi - ratio * (hi - lo); fa = loss(a)
            } else {
                lo = a; a = b; fa = fb
                b = lo + ratio * (hi - lo); fb = loss(b)
            }
        }
        return Float(exp((lo + hi) / 2))
    }
}
