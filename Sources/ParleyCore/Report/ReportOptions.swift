/// What a report covers and how it reads: the options of `parley_report_html` and
/// `parley report`. Every key is optional; unknown keys are refused so a typo is not ignored.
///
///     {"chat": "250788123456@c.us", "title": "Kacyiru Heights", "mask": true,
///      "generatedAt": 1764100000, "messageLimit": 5000, "galleryLimit": 200, "chatLimit": 200,
///      "embedImages": true}
public struct ReportOptions: Sendable, Equatable {
    /// Only this chat (nil: every chat of the store).
    public var chat: String?
    /// The page's title and first heading.
    public var title = "Parley conversation report"
    /// Phone numbers and e-mail addresses in displayed text (chat ids, senders, message text,
    /// entities, errors) go through LogMask. On by default: a report is made to be shared.
    public var mask = true
    /// The "generated" time printed on the page (Unix seconds); nil: now. Tests fix it.
    public var generatedAt: Int64?
    /// Messages listed per chat (charts and counts always use every message).
    public var messageLimit = 5_000
    /// Media items shown per chat.
    public var galleryLimit = 200
    /// Chats shown in full (the most active ones); the others are only listed with their
    /// counts, so a store of thousands of one-message chats still gives a readable page.
    public var chatLimit = 200
    /// Images from the media directory are embedded (data: URLs, up to `maxEmbeddedImageBytes`
    /// each), so the page stays one self-contained file.
    public var embedImages = true
    public static let maxEmbeddedImageBytes = 512 * 1024

    public init(chat: String? = nil, title: String? = nil) {
        self.chat = chat
        if let title { self.title = title }
    }

    static let keys = ["chat", "title", "mask", "generatedAt", "messageLimit", "galleryLimit", "chatLimit", "embedImages"]

    /// Reads the options object (nil or JSON null: the defaults). Bad keys or values are
    /// PARLEY_INVALID_ARGUMENT.
    public init(json value: JSONValue?) throws(ParleyError) {
        self.init()
        guard let value, !value.isNull else { return }
        try reporting(as: .invalidArgument) { () throws(ParleyError) in
            guard case .object(let object) = value else {
                throw ParleyError(.invalidArgument, "report options must be a JSON object, got \(value.typeName)")
            }
            for key in object.keys where !Self.keys.contains(key) {
                throw ParleyError(.invalidArgument, "unknown report option \"\(key)\" (\(Self.keys.joined(separator: ", ")))")
            }
            let fields = FieldReader(object)
            if let chat = try fields.string("chat") {
                guard !chat.isEmpty else { throw ParleyError(.invalidArgument, "report option chat must not be empty") }
                self.chat = chat
            }
            if let title = try fields.string("title") {
                guard title.unicodeScalars.count <= 200 else { throw ParleyError(.invalidArgument, "report option title is longer than 200 characters") }
                if !title.isEmpty { self.title = title }
            }
            if let mask = try fields.bool("mask") { self.mask = mask }
            if let embed = try fields.bool("embedImages") { embedImages = embed }
            generatedAt = try fields.integer("generatedAt")
            if let limit = try fields.integer("messageLimit") {
                guard (0...1_000_000).contains(limit) else { throw ParleyError(.invalidArgument, "report option messageLimit must be between 0 and 1000000") }
                messageLimit = Int(limit)
            }
            if let limit = try fields.integer("chatLimit") {
                guard (1...100_000).contains(limit) else { throw ParleyError(.invalidArgument, "report option chatLimit must be between 1 and 100000") }
                chatLimit = Int(limit)
            }
            if let limit = try fields.integer("galleryLimit") {
                guard (0...10_000).contains(limit) else { throw ParleyError(.invalidArgument, "report option galleryLimit must be between 0 and 10000") }
                galleryLimit = Int(limit)
            }
        }
    }
}
