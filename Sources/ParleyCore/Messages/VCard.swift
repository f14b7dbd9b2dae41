/// The few vCard fields a shared contact needs: its name and phone numbers (with the
/// WhatsApp id where the card carries `waid=`). Shared contacts arrive as vCard text in
/// whatsapp-web.js and Baileys; the Cloud API sends them already structured.
struct VCard {
    var name = ""
    var phones: [(number: String, waID: String?)] = []

    static func parse(_ text: String) -> VCard {
        var card = VCard()
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = String(rawLine)
            guard let colon = line.firstIndex(of: ":") else { continue }
            let head = line[..<colon].uppercased()
            let value = String(line[line.index(after: colon)...]).trimmingWhitespace()
            let property = head.split(separator: ";").first.map(String.init) ?? head
            let name = property.split(separator: ".").last.map(String.init) ?? property
            switch name {
            case "FN":
                card.name = value
            case "N" where card.name.isEmpty:
                card.name = value.split(separator: ";").reversed().filter { !$0.isEmpty }.joined(separator: " ")
            case "TEL":
                var waID: String?
                if let range = head.firstRange(of: "WAID=") {
                    waID = String(head[range.upperBound...].prefix { $0.isNumber })
                }
                card.phones.append((value, waID))
            default:
                continue
            }
        }
        return card
    }

    var json: JSONValue {
        var object = JSONObject()
        object.append("name", .string(name))
        object.append("phones", .array(phones.map { phone in
            var p = JSONObject()
            p.append("phone", .string(phone.number))
            if let waID = phone.waID { p.append("waId", .string(waID)) }
            return .object(p)
        }))
        return .object(object)
    }
}
