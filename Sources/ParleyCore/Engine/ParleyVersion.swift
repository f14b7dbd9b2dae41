/// The engine's version; include/parley.h's PARLEY_VERSION_* say the same (a test checks).
public enum ParleyVersion {
    public static let major = 0
    public static let minor = 1
    public static let patch = 0
    public static var string: String { "\(major).\(minor).\(patch)" }
}
