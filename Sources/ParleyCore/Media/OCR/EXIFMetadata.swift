/// The EXIF fields a photo's sender cares about: when and where it was taken, with what, and
/// which way up. Parsed here (a few bounds-checked reads of the TIFF structure, see
/// `TIFFReader`) rather than with libexif: it is about 100 lines, needs no further shared
/// library on the host, reads EXIF from PNG eXIf and WebP EXIF chunks as well as JPEG APP1
/// and TIFF, and never allocates beyond the tags it returns.
public struct EXIFMetadata: Sendable, Equatable {
    /// 1…8 as in the EXIF Orientation tag (1: upright, 3: 180°, 6: rotate 90° clockwise to view, 8: 90° counter-clockwise).
    public var orientation: Int?
    /// ISO 8601 local time ("2024-03-05T14:22:10"), with the offset when the photo records one
    /// (OffsetTimeOriginal): EXIF times have no zone otherwise.
    public var capturedAt: String?
    public var latitude: Double?
    public var longitude: Double?
    public var altitude: Double?
    public var make: String?
    public var model: String?

    public init() {}

    var isEmpty: Bool { self == EXIFMetadata() }

    static func read(_ bytes: [UInt8], _ range: Range<Int>) -> EXIFMetadata? {
        guard let tiff = TIFFReader(bytes, range), let ifd0 = tiff.firstIFD else { return nil }
        var exif = EXIFMetadata()
        if let o = tiff.value(ifd0, tag: 274), (1...8).contains(o) { exif.orientation = o }
        exif.make = tiff.ascii(ifd0, tag: 271)
        exif.model = tiff.ascii(ifd0, tag: 272)
        var date = tiff.ascii(ifd0, tag: 306)
        var offset: String?
        if let sub = tiff.value(ifd0, tag: 34665) {
            if let original = tiff.ascii(sub, tag: 36867) ?? tiff.ascii(sub, tag: 36868) { date = original }
            offset = tiff.ascii(sub, tag: 36881) ?? tiff.ascii(sub, tag: 36880)
        }
        if let date { exif.capturedAt = isoDate(date, offset: offset) }
        if let gps = tiff.value(ifd0, tag: 34853) {
            if let lat = tiff.rationals(gps, tag: 2), lat.count == 3, let lon = tiff.rationals(gps, tag: 4), lon.count == 3 {
                var latitude = lat[0] + lat[1] / 60 + lat[2] / 3600
                var longitude = lon[0] + lon[1] / 60 + lon[2] / 3600
                if tiff.ascii(gps, tag: 1) == "S" { latitude = -latitude }
                if tiff.ascii(gps, tag: 3) == "W" { longitude = -longitude }
                if abs(latitude) <= 90, abs(longitude) <= 180, latitude != 0 || longitude != 0 {
                    exif.latitude = (latitude * 1e6).rounded() / 1e6
                    exif.longitude = (longitude * 1e6).rounded() / 1e6
                    if let alt = tiff.rationals(gps, tag: 6), let a = alt.first {
                        exif.altitude = ((tiff.byte(gps, tag: 5) == 1 ? -a : a) * 10).rounded() / 10
                    }
                }
            }
        }
        return exif.isEmpty ? nil : exif
    }

    /// "2024:03:05 14:22:10" → "2024-03-05T14:22:10" (+ "+01:00"); nil when not a date.
    static func isoDate(_ text: String, offset: String?) -> String? {
        let b = Array(text.utf8)
        guard b.count >= 19 else { return nil }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        for i in digits where !(0x30...0x39).contains(b[i]) { return nil }
        if b[0] == 0x30 && b[1] == 0x30 && b[2] == 0x30 && b[3] == 0x30 { return nil }  // "0000:00:00 ..." = unknown
        var out = b[0..<19].map { $0 }
        out[4] = 0x2D; out[7] = 0x2D; out[10] = 0x54; out[13] = 0x3A; out[16] = 0x3A
        var iso = String(decoding: out, as: UTF8.self)
        if let offset, offset.utf8.count == 6, offset.hasPrefix("+") || offset.hasPrefix("-") { iso += offset }
        return iso
    }

    public var json: JSONObject {
        var object = JSONObject()
        if let capturedAt { object.append("capturedAt", .string(capturedAt)) }
        if let latitude, let longitude {
            var gps = JSONObject([("latitude", .double(latitude)), ("longitude", .double(longitude))])
            if let altitude { gps.append("altitude", .double(altitude)) }
            object.append("gps", .object(gps))
        }
        if make != nil || model != nil {
            var device = JSONObject()
            if let make { device.append("make", .string(make)) }
            if let model { device.append("model", .string(model)) }
            object.append("device", .object(device))
        }
        if let orientation { object.append("orientation", .int(Int64(orientation))) }
        return object
    }
}
