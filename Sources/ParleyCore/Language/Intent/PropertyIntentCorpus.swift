enum PropertyIntentCorpus {
    static let jsonl = #"""
{"text": "hello", "intent": "greeting"}
{"text": "hi there", "intent": "greeting"}
{"text": "I paid the rent", "intent": "rent_payment"}
{"text": "rent sent via momo", "intent": "rent_payment"}
"""#
}
