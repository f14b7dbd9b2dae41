import COCR

/// One Leptonica image, owned: destroyed with its wrapper. Each step of the preprocessing
/// returns a new image and lets the old one go.
final class PixImage: @unchecked Sendable {
    // @unchecked: a PixImage is used by one call at a time (it is never shared between threads).
    let pix: UnsafeMutablePointer<PIX>

    init(_ pix: UnsafeMutablePointer<PIX>) { self.pix = pix }

    deinit {
        var p: UnsafeMutablePointer<PIX>? = pix
        pixDestroy(&p)
    }

    var width: Int { Int(pixGetWidth(pix)) }
    var height: Int { Int(pixGetHeight(pix)) }
    var depth: Int { Int(pixGetDepth(pix)) }

    /// Decodes with Leptonica (libjpeg-turbo, libpng, libwebp, libtiff, giflib as Debian builds it);
    /// JPEG straight to grey through libjpeg with its messages off, an animated WebP (a sticker)
    /// by its middle frame (see shim.h).
    static func decode(_ bytes: [UInt8], format: ImageHeader.Format) -> PixImage? {
        if format == .jpeg {
            var warnings: Int32 = 0
            var unsupported: Int32 = 0
            let pix = bytes.withUnsafeBufferPointer { cocr_read_jpeg_gray($0.baseAddress, $0.count, &warnings, &unsupported) }
            if unsupported == 0 { return pix.map(PixImage.init) }
        }
        if let pix = bytes.withUnsafeBufferPointer({ pixReadMem($0.baseAddress, $0.count) }) { return PixImage(pix) }
        guard format == .webp else { return nil }
        return bytes.withUnsafeBufferPointer { cocr_read_animated_webp($0.baseAddress, $0.count, 500) }.map(PixImage.init)
    }

    /// Leptonica's count of references to the image (1 while only this wrapper holds it).
    var referenceCount: Int { Int(pixGetRefcount(pix)) }

    /// `self` when the step gave nothing back (Leptonica's failures leave the image as it was)
    /// or gave back `self`: Leptonica returns its input as a clone, one more reference that
    /// must be dropped here (each such step leaked the decoded image: ~370 KB per OCR call).
    private func or(_ next: UnsafeMutablePointer<PIX>?) -> PixImage {
        guard let next else { return self }
        guard next != pix else {
            var clone: UnsafeMutablePointer<PIX>? = next
            pixDestroy(&clone)
            return self
        }
        return PixImage(next)
    }

    /// 8-bit grey: alpha blended over white (over black when what is opaque is light: white
    /// letters on a transparent sticker vanished over white), colour maps and RGB reduced to
    /// luminance.
    func grayscale() -> PixImage {
        var image = self
        if pixGetSpp(pix) == 4 {
            image = image.or(opaqueIsLight ? pixAlphaBlendUniform(image.pix, 0) : pixRemoveAlpha(image.pix))
        }
        if image.depth == 8 && pixGetColormap(image.pix) == nil { return image }
        return image.or(pixConvertTo8(image.pix, 0))
    }

    /// Whether the mostly opaque pixels of an RGBA image are light on average (a sample of
    /// them, every third pixel of every third row), with some of the image transparent.
    private var opaqueIsLight: Bool {
        guard pixGetDepth(pix) == 32, let data = pixGetData(pix) else { return false }
        let wpl = Int(pixGetWpl(pix))
        var opaque = 0, transparent = 0, luminance = 0
        for y in stride(from: 0, to: height, by: 3) {
            for x in stride(from: 0, to: width, by: 3) {
                let word = data[y * wpl + x]
                guard word & 0xFF >= 128 else { transparent += 1; continue }
                let r = Int(word >> 24), g = Int((word >> 16) & 0xFF), b = Int((word >> 8) & 0xFF)
                luminance += (299 * r + 587 * g + 114 * b) / 1000
                opaque += 1
            }
        }
        return opaque > 0 && transparent > 0 && luminance / opaque >= 160
    }

    /// Applies an EXIF orientation (1…8), giving the upright image.
    func oriented(exif orientation: Int) -> PixImage {
        switch orientation {
        case 2: return or(pixFlipLR(nil, pix))
        case 3: return or(pixRotateOrth(pix, 2))
        case 4: return or(pixFlipTB(nil, pix))
        case 5: return or(pixFlipLR(nil, pix)).rotated(quarterTurns: 3)
        case 6: return or(pixRotateOrth(pix, 1))
        case 7: return or(pixFlipLR(nil, pix)).rotated(quarterTurns: 1)
        case 8: return or(pixRotateOrth(pix, 3))
        default: return self
        }
    }

    /// Turned clockwise by 90° × `quarterTurns`.
    func rotated(quarterTurns: Int) -> PixImage {
        let q = ((quarterTurns % 4) + 4) % 4
        return q == 0 ? self : or(pixRotateOrth(pix, Int32(q)))
    }

    func scaled(by factor: Float) -> PixImage {
        depth == 8 && pixGetColormap(pix) == nil ? or(pixScaleGrayLI(pix, factor, factor)) : or(pixScale(pix, factor, factor))
    }

    /// Straightened when Leptonica finds a skew with confidence (a no-op copy otherwise).
    func deskewed() -> PixImage { or(pixDeskew(pix, 0)) }

    /// Black and white by Sauvola's local threshold (uneven light on photos, thermal receipts).
    func binarized() -> PixImage {
        guard depth == 8, pixGetColormap(pix) == nil else { return self }
        var out: UnsafeMutablePointer<PIX>?
        guard pixSauvolaBinarize(pix, 25, 0.34, 1, nil, nil, nil, &out) == 0 else { return self }
        return or(out)
    }

    /// Faded print (a thermal receipt's grey letters on grey paper, sensor noise): a 3×3 mean
    /// against the noise, the background evened out to 200, then 100…200 stretched to the whole
    /// range. Tesseract's own threshold and Sauvola's both lost such letters to the background.
    func normalized() -> PixImage {
        guard depth == 8, pixGetColormap(pix) == nil else { return self }
        let smooth = or(pixBlockconv(pix, 1, 1))
        let even = smooth.or(pixBackgroundNormSimple(smooth.pix, nil, nil))
        return even.or(pixGammaTRC(nil, even.pix, 1.0, 100, 200))
    }

    func inverted() -> PixImage { or(pixInvert(nil, pix)) }
}
