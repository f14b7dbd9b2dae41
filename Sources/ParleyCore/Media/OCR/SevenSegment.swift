import COCR
#if canImport(Glibc)
import Glibc
#endif

/// Readings on seven-segment displays — a prepaid electricity meter's LCD, a LED counter —
/// which Tesseract's models do not read at all (a meter photo gave its printed labels and not
/// one digit of the display).
///
/// The display's digits are found as a row of digit-shaped blobs: the image is evened out
/// (dark on light, then light on dark), thresholded, sheared back for italic displays and
/// closed vertically so each digit's separate segments join into one blob; blobs in one band
/// side by side are a row. Each blob is read by sampling its seven segment zones and its two
/// counters, which must be empty: a filled rectangle is no "8". A row is a reading only when
/// every blob in it reads as a digit and it has at least three.
enum SevenSegment {
    struct Reading: Equatable {
        /// Digits with the decimal point where the display shows one ("04527.3").
        var text: String
        /// The digits' height in pixels of the image given.
        var digitHeight: Int
    }

    /// Segments of each digit, in the order a b c d e f g (top, upper right, lower right,
    /// bottom, lower left, upper left, middle); 7 and 9 also as some displays draw them.
    static let patterns: [UInt8: Character] = {
        var table: [UInt8: Character] = [:]
        let digits: [(String, Character)] = [("abcdef", "0"), ("bc", "1"), ("abdeg", "2"), ("abcdg", "3"), ("bcfg", "4"),
                                              ("acdfg", "5"), ("acdefg", "6"), ("cdefg", "6"), ("abc", "7"), ("abcf", "7"),
                                              ("abcdefg", "8"), ("abcdfg", "9"), ("abcfg", "9")]
        for (segments, digit) in digits {
            var bits: UInt8 = 0
            for s in segments.unicodeScalars { bits |= 1 << UInt8(s.value - 97) }
            table[bits] = digit
        }
        return table
    }()

    /// The zones (left, right, top, bottom as fractions of the upright digit) of a…g, then the
    /// upper and lower counters.
    static let zones: [(Double, Double, Double, Double)] = [
        (0.25, 0.75, 0.0, 0.14), (0.78, 1.0, 0.14, 0.40), (0.78, 1.0, 0.60, 0.86), (0.25, 0.75, 0.86, 1.0),
        (0.0, 0.22, 0.60, 0.86), (0.0, 0.22, 0.14, 0.40), (0.25, 0.75, 0.44, 0.56),
        (0.36, 0.64, 0.21, 0.35), (0.36, 0.64, 0.65, 0.79),
    ]

    /// The most likely reading on `image` (8-bit grey): of the rows that read, the one with
    /// the most digits, then the tallest; or nil.
    /// `printed`: boxes (pixels of `image`) of words Tesseract read with confidence — print,
    /// not a display ("is is" in a page's text read as 1515); blobs on them are left out.
    static func read(_ image: PixImage, printed: [Box] = []) -> Reading? {
        guard image.depth == 8, image.width >= 40, image.height >= 20 else { return nil }
        let longest = max(image.width, image.height)
        let factor: Float = longest > 900 ? 900 / Float(longest) : 1
        let work = factor < 1 ? image.scaled(by: factor) : image
        let print = printed.map { Box(x: Int(Float($0.x) * factor), y: Int(Float($0.y) * factor), w: Int(Float($0.w) * factor), h: Int(Float($0.h) * factor)) }
        var best: Reading?
        // Dark on light (an LCD), then light on dark (a LED) inverted. Pixels under `foreground`
        // are left out of the background estimate: a LED's segments, inverted, are only mid-grey
        // (red is dim in grey) and at Leptonica's default of 100 became background themselves.
        let half = work.scaled(by: 0.5)
        let halfPrint = print.map { Box(x: $0.x / 2, y: $0.y / 2, w: $0.w / 2, h: $0.h / 2) }
        for (inverted, foreground) in [(false, Int32(100)), (true, Int32(180))] {
            // A first look at half size: no three digit-shaped blobs off the print there, and
            // this polarity is done (a page of print costs that look, ~a quarter of one at full size).
            guard let small = ink(inverted ? half.inverted() : half, foreground: foreground),
                  candidates(boxes(closed(small, fraction: 0.045)), imageHeight: small.height, printed: halfPrint, floor: 7).count >= 3,
                  let upright = ink(inverted ? work.inverted() : work, foreground: foreground) else { continue }
            let height = upright.height
            // Italic displays lean their digits ~5–12°: sheared back before reading.
            for slant in [0.0, 0.1, 0.2] {
                let ink = slant == 0 ? upright
                    : pixHShear(nil, upright.pix, Int32(height), Float(-atan(slant)), Int32(L_BRING_IN_WHITE)).map(PixImage.init) ?? upright
                // Shearing moves a row at y by (height − y) × slant to the left; the print with it.
                let sheared = print.map { b in Box(x: b.x - Int(Double(height - b.y - b.h / 2) * slant), y: b.y, w: b.w, h: b.h) }
                for fraction in [0.045, 0.02] {
                    let all = boxes(closed(ink, fraction: fraction))
                    let found = candidates(all, imageHeight: height, printed: sheared)
                    for reading in rows(found, all: all, ink: ink, imageHeight: height) {
                        let scaled = Reading(text: reading.text, digitHeight: Int(Float(reading.digitHeight) / factor))
                        if best == nil || scaled.text.count > best!.text.count
                            || scaled.text.count == best!.text.count && scaled.digitHeight > best!.digitHeight { best = scaled }
                    }
                }
            }
        }
        return best
    }

    /// The confidence given to a reading (its digits all read clearly, or there is none).
    static let confidence = 0.7

    /// The meterReading entity of a reading placed at `start` of the text: {"reading",
    /// "value", "unit"? (kWh or m³ when the text names one), "display": "seven-segment"}.
    static func entity(_ reading: Reading, start: Int, unitFrom text: String) -> Entity {
        var value = JSONObject([("reading", .string(reading.text))])
        if let number = Double(reading.text) { value.append("value", .double(number)) }
        let lower = text.lowercased()
        if lower.contains("kwh") { value.append("unit", .string("kWh")) } else if lower.contains("m³") || lower.contains("m3") { value.append("unit", .string("m³")) }
        value.append("display", .string("seven-segment"))
        return Entity(type: "meterReading", text: reading.text, start: start, end: start + reading.text.unicodeScalars.count,
                      value: .object(value), confidence: confidence, source: .pattern)
    }

    struct Box: Equatable { var x, y, w, h: Int }

    static func boxes(_ image: PixImage) -> [Box] {
        var owned = pixConnCompBB(image.pix, 8)
        defer { boxaDestroy(&owned) }
        guard let boxa = owned else { return [] }
        let count = Int(boxaGetCount(boxa))
        guard count < 20_000 else { return [] }   // texture, not a display
        var result: [Box] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            var x: Int32 = 0, y: Int32 = 0, w: Int32 = 0, h: Int32 = 0
            boxaGetBoxGeometry(boxa, Int32(i), &x, &y, &w, &h)
            result.append(Box(x: Int(x), y: Int(y), w: Int(w), h: Int(h)))
        }
        return result
    }

    /// Ink (1 bit) of an 8-bit image: its background evened out to 200 (pixels under
    /// `foreground` left out of the estimate), then under 150.
    static func ink(_ image: PixImage, foreground: Int32) -> PixImage? {
        guard let even = pixBackgroundNorm(image.pix, nil, nil, 10, 15, foreground, 50, 200, 2, 1) else { return nil }
        let evened = PixImage(even)
        return pixThresholdToBinary(evened.pix, 150).map(PixImage.init)
    }

    /// Closed vertically by `fraction` of the height: a digit's segments one blob.
    static func closed(_ ink: PixImage, fraction: Double) -> PixImage {
        let gap = max(2, Int(Double(ink.height) * fraction))
        return pixCloseSafeBrick(nil, ink.pix, 1, Int32(gap)).map(PixImage.init) ?? ink
    }

    /// Digit-shaped blobs (taller than wide, not too small or too large) off the print.
    static func candidates(_ all: [Box], imageHeight: Int, printed: [Box], floor: Int = 14) -> [Box] {
        let minimum = max(floor, imageHeight / 30), maximum = imageHeight * 7 / 10
        return all.filter { box in
            guard box.h >= minimum * 55 / 100, box.h <= maximum else { return false }
            let aspect = Double(box.h) / Double(max(1, box.w))
            guard aspect >= 1.0 && aspect <= 14 else { return false }
            return !printed.contains { p in p.x < box.x + box.w && box.x < p.x + p.w && p.y < box.y + box.h && box.y < p.y + p.h }
        }
    }

    /// Rows of digits: the tallest digit-shaped blob not yet used sets a band, the blobs inside
    /// it at least 0.55 of its height (a 4 or a 7 lacks the bottom or top segment) side by side
    /// are a row, each read in the band's full height; the rows that read whole.
    static func rows(_ candidates: [Box], all: [Box], ink: PixImage, imageHeight: Int) -> [Reading] {
        let minimum = max(14, imageHeight / 30)
        var used = Set<Int>()
        var readings: [Reading] = []
        for seed in candidates.indices.sorted(by: { candidates[$0].h > candidates[$1].h }) where !used.contains(seed) {
            let band = candidates[seed]
            guard band.h >= minimum else { break }
            let slack = band.h / 10
            let members = candidates.indices.filter { i in
                let box = candidates[i]
                return !used.contains(i) && box.y >= band.y - slack && box.y + box.h <= band.y + band.h + slack && box.h * 100 >= band.h * 55
            }.sorted { candidates[$0].x < candidates[$1].x }
            // Runs of neighbours: a gap wider than 0.8 of the height ends a run.
            var run: [Int] = []
            for i in members + [-1] {
                if i >= 0, let last = run.last, candidates[i].x - (candidates[last].x + candidates[last].w) <= band.h * 8 / 10 {
                    run.append(i)
                    continue
                }
                // A digit-shaped blob just beside the run that is not in it: the run may be part of
                // a reading (a wrong number), not all of it.
                let left = run.first.map { candidates[$0].x } ?? 0
                let right = run.last.map { candidates[$0].x + candidates[$0].w } ?? 0
                let inRun = Set(run.map { candidates[$0].x })
                let beside = all.contains { b in
                    b.h * 100 >= band.h * 55 && b.y < band.y + band.h && band.y < b.y + b.h && !inRun.contains(b.x)
                        && b.x + b.w > left - band.h * 3 / 2 && b.x < right + band.h * 3 / 2
                        && (b.x + b.w <= left || b.x >= right)
                }
                if run.count >= 3, !beside {
                    let row = run.map { Box(x: candidates[$0].x, y: band.y, w: candidates[$0].w, h: band.h) }
                    if let text = read(row, ink: ink, dots: all) {
                        readings.append(Reading(text: text, digitHeight: band.h))
                        used.formUnion(run)
                    }
                }
                run = i >= 0 ? [i] : []
            }
            used.insert(seed)
        }
        return readings
    }

    /// Reads a row of upright digit cells; nil unless every cell reads as a digit, clearly.
    static func read(_ row: [Box], ink: PixImage, dots: [Box]) -> String? {
        var text = ""
        var margin = 1.0
        var cells: [Box] = []
        for (k, box) in row.enumerated() {
            var cell = box
            var found = digit(box, ink: ink)
            var point: (before: Bool, after: Bool) = (false, false)
            if found == nil, let trimmed = withoutPoint(box, ink: ink), let read = digit(trimmed.cell, ink: ink) {
                (cell, found, point) = (trimmed.cell, read, (trimmed.before && k > 0, trimmed.after && k + 1 < row.count))
            }
            guard let (digit, m) = found else { return nil }
            if point.before, text.last != "." { text.append(".") }
            text.append(digit)
            cells.append(cell)
            margin = min(margin, m)
            if k + 1 < row.count, point.after || hasPoint(between: box, row[k + 1], dots: dots) { text.append(".") }
        }
        // Letters of print ("Ill") are narrow blobs too: a reading has at least two digits other
        // than 1, and those are of one width, as a display's cells are.
        guard text.filter({ $0 == "." }).count <= 1 else { return nil }
        let widths = zip(cells, text.filter { $0 != "." }).filter { $0.1 != "1" }.map { $0.0.w }.sorted()
        guard margin >= 0.15, widths.count >= 2, let narrowest = widths.first, let widest = widths.last,
              widest * 5 <= narrowest * 7 else { return nil }
        return text
    }

    /// One digit and how clearly it read (the least distance of a zone from the on/off cut).
    static func digit(_ box: Box, ink: PixImage) -> (Character, Double)? {
        let h = Double(box.h), w = Double(box.w)
        // A narrow cell is a 1: ink down its whole height.
        if w < 0.3 * h {
            let top = fill(box, zone: (0, 1, 0.1, 0.45), ink: ink)
            let bottom = fill(box, zone: (0, 1, 0.55, 0.9), ink: ink)
            let clear = min(top, bottom) - 0.35
            return clear >= 0.1 ? ("1", clear) : nil
        }
        guard w <= 0.9 * h else { return nil }
        var bits: UInt8 = 0
        var margin = 1.0
        for (index, zone) in zones.enumerated() {
            let f = fill(box, zone: zone, ink: ink)
            if index >= 7 {
                // The counters between the segments are empty on any digit.
                guard f <= 0.25 else { return nil }
                margin = min(margin, 0.35 - f)
                continue
            }
            if f >= 0.45 { bits |= 1 << UInt8(index); margin = min(margin, f - 0.35) } else if f <= 0.25 { margin = min(margin, 0.35 - f) } else { return nil }
        }
        guard let digit = patterns[bits] else { return nil }
        return (digit, margin)
    }

    /// The share of ink in a zone of a cell (a 6×6 grid of samples).
    static func fill(_ box: Box, zone: (Double, Double, Double, Double), ink: PixImage) -> Double {
        var dark = 0
        let steps = 6
        for yi in 0..<steps {
            let v = zone.2 + (zone.3 - zone.2) * (Double(yi) + 0.5) / Double(steps)
            for xi in 0..<steps {
                let u = zone.0 + (zone.1 - zone.0) * (Double(xi) + 0.5) / Double(steps)
                if ink.bit(x: box.x + Int(u * Double(box.w)), y: box.y + Int(v * Double(box.h))) { dark += 1 }
            }
        }
        return Double(dark) / Double(steps * steps)
    }

    /// A cell whose foot sticks out sideways past its digit: a decimal point close enough to
    /// touch the digit (blur, an italic display's point under the next digit's corner), so
    /// the two are one blob. The digit's columns are those with ink above the foot; what sticks
    /// out below, between h/20 and h/4 wide, is the point. Nil when nothing sticks out.
    static func withoutPoint(_ box: Box, ink: PixImage) -> (cell: Box, before: Bool, after: Bool)? {
        let foot = box.y + box.h * 4 / 5
        var first = Int.max, last = Int.min
        for x in box.x..<(box.x + box.w) {
            for y in box.y..<foot where ink.bit(x: x, y: y) {
                first = min(first, x)
                last = max(last, x)
                break
            }
        }
        guard first <= last else { return nil }
        let least = max(2, box.h / 20), most = box.h / 4
        let left = first - box.x, right = box.x + box.w - 1 - last
        let before = left >= least && left <= most, after = right >= least && right <= most
        guard before || after else { return nil }
        let x = before ? first : box.x
        return (Box(x: x, y: box.y, w: (after ? last + 1 : box.x + box.w) - x, h: box.h), before, after)
    }

    /// A decimal point between two digits: a small blob at the foot of the row, between them.
    static func hasPoint(between left: Box, _ right: Box, dots: [Box]) -> Bool {
        let h = left.h
        return dots.contains { dot in
            dot.w <= h / 4 && dot.h <= h / 4 && dot.w >= max(2, h / 25) && dot.h >= max(2, h / 25)
                && dot.y + dot.h >= left.y + h - h / 6 && dot.y + dot.h <= left.y + h + h / 12
                && dot.x + dot.w / 2 > left.x + left.w / 2 && dot.x + dot.w / 2 < right.x + right.w / 2
        }
    }
}

extension PixImage {
    /// Whether the pixel of a 1-bit image is set (ink); false outside the image.
    func bit(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < width, y < height, let data = pixGetData(pix) else { return false }
        let word = data[y * Int(pixGetWpl(pix)) + x >> 5]
        return (word >> UInt32(31 - (x & 31))) & 1 == 1
    }
}
