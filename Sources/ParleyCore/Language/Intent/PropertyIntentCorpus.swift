/// The built-in property-management intent corpus: one JSONL line per example,
/// {"text": ..., "intent": ...}, 15 intents.
///
/// Source: written for Parley by its authors (no third-party text): tenant and prospect
/// messages as they arrive on WhatsApp — short and long, typos, slang, emoji, whole
/// messages in French, Swahili and Kinyarwanda, Arabic in its own script and in Latin
/// letters (Darija, Egyptian and Gulf "Arabizi" with digits for letters: 3, 7, 9), West
/// African Pidgin, Nairobi Sheng, Ivorian nouchi, Kinshasa's Lingala and French, a little Wolof,
/// and code-switching between them and English; greetings, thanks and goodbyes in Shona, Nyanja,
/// Bemba and Amharic; whole messages of every intent in Setswana, Chichewa, Malagasy,
/// Mauritian Kreol, Bambara and Mooré mixed with French or English, and in Darija, Levantine
/// and Gulf Arabic (script and Arabizi), with Gulf expat English; short chat replies that carry only a time, an amount, a phone number or
/// an email beside a domain word ("Thursday 4pm works 👌", "paid via orange money, my number
/// is …"). A visit by a tradesperson is a maintenance request, a deposit for a flat being taken
/// a rent payment, thanks with a farewell or for a repair done thanks; a question about the
/// level of the rent a price inquiry (a renewal's when it names the renewal), never a payment;
/// a lease wanted for renewing a permit a document request; a season's wish a greeting; a
/// grievance that the rent rose unannounced a complaint, not a price inquiry; asking whether
/// the rent rises at renewal a renewal; a visitor at the reception with no agent there asks
/// for an agent; a search with a ceiling price is availability. `other`
/// is out-of-scope chit-chat, a message meant for someone else, and a chase with no topic
/// ("any update?"): its request is the thread's to lend. Licence: the project's own. Parsed
/// and trained on first use of `IntentModel.propertyManagement`.
enum PropertyIntentCorpus {
    static let jsonl = #"""
{"text": "I have paid the rent", "intent": "rent_payment"}
{"text": "i paid rent today", "intent": "rent_payment"}
{"text": "rent paid ✅", "intent": "rent_payment"}
{"text": "just sent the rent via momo", "intent": "rent_payment"}
{"text": "Sent 350,000 RWF for this month's rent, please confirm", "intent": "rent_payment"}
{"text": "how do I pay my rent?", "intent": "rent_payment"}
{"text": "what is the paybill number for rent", "intent": "rent_payment"}
{"text": "can i pay rent by mpesa", "intent": "rent_payment"}
{"text": "I'll pay the rent on Friday", "intent": "rent_payment"}
{"text": "inshallah I'll pay friday", "intent": "rent_payment"}
{"text": "nimelipa kodi ya mwezi huu", "intent": "rent_payment"}
{"text": "nimetuma kodi kupitia mpesa", "intent": "rent_payment"}
{"text": "kodi imelipwa", "intent": "rent_payment"}
{"text": "j'ai payé le loyer", "intent": "rent_payment"}
{"text": "j'ai envoyé le loyer par mobile money", "intent": "rent_payment"}
{"text": "le loyer est payé pour ce mois", "intent": "rent_payment"}
{"text": "narishyuye ubukode", "intent": "rent_payment"}
{"text": "nohereje amafaranga y'ubukode kuri momo", "intent": "rent_payment"}
{"text": "rent for march sent bro", "intent": "rent_payment"}
{"text": "payment done for unit 4B", "intent": "rent_payment"}
{"text": "did you receive my rent payment?", "intent": "rent_payment"}
{"text": "pls confirm you got the rent 🙏", "intent": "rent_payment"}
{"text": "I sent the money yesterday but no receipt yet", "intent": "rent_payment"}
{"text": "here is the receipt for this month's rent", "intent": "rent_payment"}
{"text": "attached is the payment receipt for November", "intent": "rent_payment"}
{"text": "proof of payment for the rent 🧾", "intent": "rent_payment"}
{"text": "sending you the bank slip for the rent I paid today", "intent": "rent_payment"}
{"text": "voici le reçu du paiement du loyer", "intent": "rent_payment"}
{"text": "hii ndiyo risiti ya kodi niliyolipa", "intent": "rent_payment"}
{"text": "i want to pay rent in two installments", "intent": "rent_payment"}
{"text": "can I pay half now and half next week", "intent": "rent_payment"}
{"text": "my rent will be late this month sorry", "intent": "rent_payment"}
{"text": "rent is going to be a few days late", "intent": "rent_payment"}
{"text": "can i get an extension on the rent", "intent": "rent_payment"}
{"text": "which account do i send the rent to", "intent": "rent_payment"}
{"text": "bank details for rent payment please", "intent": "rent_payment"}
{"text": "whats the momo number to pay rent", "intent": "rent_payment"}
{"text": "pais rent already chek ur phone", "intent": "rent_payment"}
{"text": "paid 😊 transaction id MP230415XYZ", "intent": "rent_payment"}
{"text": "here is the proof of payment", "intent": "rent_payment"}
{"text": "attached is the payment screenshot", "intent": "rent_payment"}
{"text": "how much do I owe for rent this month", "intent": "rent_payment"}
{"text": "is there a late fee if i pay after the 5th", "intent": "rent_payment"}
{"text": "why was I charged a late fee, I paid on time", "intent": "rent_payment"}
{"text": "I paid twice by mistake, can I get a refund", "intent": "rent_payment"}
{"text": "rent deposited to equity bank account", "intent": "rent_payment"}
{"text": "transferred the rent, reference 88421", "intent": "rent_payment"}
{"text": "can I pay for 3 months in advance", "intent": "rent_payment"}
{"text": "i want to pay the whole year upfront", "intent": "rent_payment"}
{"text": "do you accept cash for rent", "intent": "rent_payment"}
{"text": "can i pay rent with card", "intent": "rent_payment"}
{"text": "ntaye nishyura ubukode ejo", "intent": "rent_payment"}
{"text": "nitalipa kodi kesho asubuhi", "intent": "rent_payment"}
{"text": "nitalipa kodi tarehe tano", "intent": "rent_payment"}
{"text": "shukran, rent sent", "intent": "rent_payment"}
{"text": "rent imeingia?", "intent": "rent_payment"}
{"text": "mpesa imeenda, check", "intent": "rent_payment"}
{"text": "I've settled the outstanding balance", "intent": "rent_payment"}
{"text": "clearing my arrears today", "intent": "rent_payment"}
{"text": "what's my balance", "intent": "rent_payment"}
{"text": "is my account up to date on rent", "intent": "rent_payment"}
{"text": "payment reminder? I already paid!", "intent": "rent_payment"}
{"text": "my standing order for rent failed", "intent": "rent_payment"}
{"text": "I want to set up automatic rent payments", "intent": "rent_payment"}
{"text": "the momo payment failed, what should I do", "intent": "rent_payment"}
{"text": "sorry rent delayed, salary not in yet", "intent": "rent_payment"}
{"text": "je vais payer le loyer lundi", "intent": "rent_payment"}
{"text": "est-ce que vous avez reçu mon paiement", "intent": "rent_payment"}
{"text": "rent money sent 💸", "intent": "rent_payment"}
{"text": "paid the water and rent together", "intent": "rent_payment"}
{"text": "invoice for this month's rent please so I can pay", "intent": "document_request"}
{"text": "I paid the service charge", "intent": "rent_payment"}
{"text": "wallahi i paid already check again", "intent": "rent_payment"}
{"text": "rent sent, kindly acknowledge", "intent": "rent_payment"}
{"text": "I have transferred this month's rent to your account", "intent": "rent_payment"}
{"text": "paid via airtel money", "intent": "rent_payment"}
{"text": "just paid the rent on mpesa paybill", "intent": "rent_payment"}
{"text": "loyer payé par momo ce matin", "intent": "rent_payment"}
{"text": "je vais envoyer le loyer demain", "intent": "rent_payment"}
{"text": "voici la preuve de paiement du loyer", "intent": "rent_payment"}
{"text": "nimelipa kodi leo", "intent": "rent_payment"}
{"text": "kodi nitatuma jumatatu", "intent": "rent_payment"}
{"text": "nimekutumia pesa ya kodi", "intent": "rent_payment"}
{"text": "nishyuye ubukode bw'uku kwezi", "intent": "rent_payment"}
{"text": "ubukode nzabwishyura ku wa gatanu", "intent": "rent_payment"}
{"text": "amafaranga y'ubukode nayohereje", "intent": "rent_payment"}
{"text": "rent paid in full for april and may", "intent": "rent_payment"}
{"text": "sorry for the delay, rent is paid now", "intent": "rent_payment"}
{"text": "can I pay the rent next week instead", "intent": "rent_payment"}
{"text": "where do I send the rent money", "intent": "rent_payment"}
{"text": "rent transfer done ✔️", "intent": "rent_payment"}
{"text": "insha'Allah rent will be paid on the 10th", "intent": "rent_payment"}
{"text": "rent is ready, how do I send it", "intent": "rent_payment"}
{"text": "I'll drop the rent cash at the office", "intent": "rent_payment"}
{"text": "paid rent + deposit, check your account", "intent": "rent_payment"}
{"text": "i paid my rent late, how much is the penalty", "intent": "rent_payment"}
{"text": "did my mpesa for rent go through?", "intent": "rent_payment"}
{"text": "paid kodi 💵", "intent": "rent_payment"}
{"text": "دفعت الإيجار اليوم", "intent": "rent_payment"}
{"text": "تم تحويل إيجار الشهر، الرجاء التأكيد", "intent": "rent_payment"}
{"text": "كيف أقدر أدفع الإيجار؟", "intent": "rent_payment"}
{"text": "أرسلت لكم إيصال دفع الإيجار", "intent": "rent_payment"}
{"text": "ممكن أدفع الإيجار على دفعتين؟", "intent": "rent_payment"}
{"text": "حولت الإيجار على الحساب البنكي", "intent": "rent_payment"}
{"text": "سأتأخر في دفع الإيجار هذا الشهر", "intent": "rent_payment"}
{"text": "ما هو رقم الحساب لدفع الإيجار", "intent": "rent_payment"}
{"text": "دفعت الإيجار كاش للحارس", "intent": "rent_payment"}
{"text": "khallast el ijar el yom", "intent": "rent_payment"}
{"text": "dfe3t lkra lyoum 3la l compte", "intent": "rent_payment"}
{"text": "sift lik flous dial lkra", "intent": "rent_payment"}
{"text": "kifach nkhalles lkra?", "intent": "rent_payment"}
{"text": "7awalt el ijar, check please", "intent": "rent_payment"}
{"text": "comment je peux payer le loyer de ce mois ?", "intent": "rent_payment"}
{"text": "je vais payer le loyer en retard, désolé", "intent": "rent_payment"}
{"text": "virement du loyer effectué ce matin", "intent": "rent_payment"}
{"text": "nitalipa kodi wiki ijayo", "intent": "rent_payment"}
{"text": "namba ya kulipia kodi ni ipi?", "intent": "rent_payment"}
{"text": "nimeshalipa kodi, angalia simu yako", "intent": "rent_payment"}
{"text": "nzishyura ubukode ku wa gatanu", "intent": "rent_payment"}
{"text": "nishyura nte ubukode?", "intent": "rent_payment"}
{"text": "بدي ادفع الاجار، شو رقم الحساب؟", "intent": "rent_payment"}
{"text": "عايز ادفع الإيجار ازاي؟", "intent": "rent_payment"}
{"text": "هل وصلكم إيجار هذا الشهر؟", "intent": "rent_payment"}
{"text": "دفعت الإيجار عن طريق التحويل البنكي أمس", "intent": "rent_payment"}
{"text": "ممكن أدفع إيجار ثلاثة شهور مقدما؟", "intent": "rent_payment"}
{"text": "ana dafa3t el egar embare7", "intent": "rent_payment"}
{"text": "badi edfa3 el ajar bukra", "intent": "rent_payment"}
{"text": "the sink is leaking", "intent": "maintenance_request"}
{"text": "my toilet is blocked", "intent": "maintenance_request"}
{"text": "there is no water in the house", "intent": "maintenance_request"}
{"text": "no water since morning 😩", "intent": "maintenance_request"}
{"text": "the power is out in my apartment", "intent": "maintenance_request"}
{"text": "electricity gone again", "intent": "maintenance_request"}
{"text": "the bulb in the kitchen is broken", "intent": "maintenance_request"}
{"text": "the door lock is broken, can someone fix it", "intent": "maintenance_request"}
{"text": "the roof is leaking when it rains", "intent": "maintenance_request"}
{"text": "water is dripping from the ceiling", "intent": "maintenance_request"}
{"text": "the shower has no hot water", "intent": "maintenance_request"}
{"text": "water heater not working", "intent": "maintenance_request"}
{"text": "the fridge provided is not cooling", "intent": "maintenance_request"}
{"text": "there are cockroaches everywhere, need pest control", "intent": "maintenance_request"}
{"text": "rats in the kitchen!!", "intent": "maintenance_request"}
{"text": "the gate remote doesn't work", "intent": "maintenance_request"}
{"text": "the window glass cracked", "intent": "maintenance_request"}
{"text": "can you send a plumber", "intent": "maintenance_request"}
{"text": "i need an electrician asap", "intent": "maintenance_request"}
{"text": "the socket in the bedroom sparks", "intent": "maintenance_request"}
{"text": "toilet flush broken", "intent": "maintenance_request"}
{"text": "the tap won't stop running", "intent": "maintenance_request"}
{"text": "pipe burst in the bathroom 🚨", "intent": "maintenance_request"}
{"text": "there's a gas smell in the kitchen", "intent": "maintenance_request"}
{"text": "the lift is stuck again", "intent": "maintenance_request"}
{"text": "elevator not working on 3rd floor", "intent": "maintenance_request"}
{"text": "mold on the bedroom wall", "intent": "maintenance_request"}
{"text": "the wall paint is peeling", "intent": "maintenance_request"}
{"text": "the wardrobe door fell off", "intent": "maintenance_request"}
{"text": "the ceiling fan makes noise and doesn't spin", "intent": "maintenance_request"}
{"text": "my key broke in the lock", "intent": "maintenance_request"}
{"text": "the drainage is blocked, bad smell", "intent": "maintenance_request"}
{"text": "sewage overflowing outside my door", "intent": "maintenance_request"}
{"text": "the borehole pump is off", "intent": "maintenance_request"}
{"text": "wifi in the building is down", "intent": "maintenance_request"}
{"text": "the security light outside is off", "intent": "maintenance_request"}
{"text": "bomba inavuja", "intent": "maintenance_request"}
{"text": "choo kimeziba", "intent": "maintenance_request"}
{"text": "hakuna maji tangu jana", "intent": "maintenance_request"}
{"text": "umeme umekatika", "intent": "maintenance_request"}
{"text": "stima imepotea nyumba yangu", "intent": "maintenance_request"}
{"text": "la fuite d'eau dans la salle de bain", "intent": "maintenance_request"}
{"text": "le robinet fuit", "intent": "maintenance_request"}
{"text": "il n'y a pas d'électricité", "intent": "maintenance_request"}
{"text": "la porte ne ferme pas", "intent": "maintenance_request"}
{"text": "amazi yabuze", "intent": "maintenance_request"}
{"text": "umuriro wabuze mu nzu", "intent": "maintenance_request"}
{"text": "robine irava", "intent": "maintenance_request"}
{"text": "when will the repair guy come", "intent": "maintenance_request"}
{"text": "the fundi didn't finish the job", "intent": "maintenance_request"}
{"text": "follow up on my repair request from last week", "intent": "maintenance_request"}
{"text": "still waiting for someone to fix the shower", "intent": "maintenance_request"}
{"text": "can the caretaker check my meter", "intent": "maintenance_request"}
{"text": "the prepaid meter is showing error", "intent": "maintenance_request"}
{"text": "my tokens are not loading on the meter", "intent": "maintenance_request"}
{"text": "the cooker is not working", "intent": "maintenance_request"}
{"text": "the window won't close, security issue", "intent": "maintenance_request"}
{"text": "the bathroom tiles are broken", "intent": "maintenance_request"}
{"text": "water pressure very low", "intent": "maintenance_request"}
{"text": "termites in the door frame", "intent": "maintenance_request"}
{"text": "broken stair handrail, someone could get hurt", "intent": "maintenance_request"}
{"text": "sink blocked + fridge noise, pls send someone", "intent": "maintenance_request"}
{"text": "please fix the leaking pipe under the sink", "intent": "maintenance_request"}
{"text": "the kitchen sink is blocked", "intent": "maintenance_request"}
{"text": "no water in the taps since yesterday", "intent": "maintenance_request"}
{"text": "no electricity in my unit", "intent": "maintenance_request"}
{"text": "power outage only in my apartment", "intent": "maintenance_request"}
{"text": "the toilet is leaking water on the floor", "intent": "maintenance_request"}
{"text": "the shower head is broken", "intent": "maintenance_request"}
{"text": "the bedroom door handle broke", "intent": "maintenance_request"}
{"text": "the water tank is empty", "intent": "maintenance_request"}
{"text": "maji hayatoki kwenye bomba", "intent": "maintenance_request"}
{"text": "choo kinavuja", "intent": "maintenance_request"}
{"text": "umeme hakuna tangu asubuhi", "intent": "maintenance_request"}
{"text": "taa ya jikoni imeungua", "intent": "maintenance_request"}
{"text": "l'eau ne coule pas", "intent": "maintenance_request"}
{"text": "les toilettes sont bouchées", "intent": "maintenance_request"}
{"text": "la lumière de la cuisine ne marche pas", "intent": "maintenance_request"}
{"text": "amazi ntaza muri robine", "intent": "maintenance_request"}
{"text": "umusarani wazibye", "intent": "maintenance_request"}
{"text": "itara ryo mu gikoni ryapfuye", "intent": "maintenance_request"}
{"text": "send someone to repair the window", "intent": "maintenance_request"}
{"text": "need a repair for the water heater", "intent": "maintenance_request"}
{"text": "the ceiling is cracking", "intent": "maintenance_request"}
{"text": "broken tap in the bathroom", "intent": "maintenance_request"}
{"text": "the washing machine connection leaks", "intent": "maintenance_request"}
{"text": "the gate motor is broken", "intent": "maintenance_request"}
{"text": "المكيف خربان والجو حار جدا", "intent": "maintenance_request"}
{"text": "في تسريب ماء من السقف", "intent": "maintenance_request"}
{"text": "الكهرباء مقطوعة في الشقة من أمس", "intent": "maintenance_request"}
{"text": "الحمام مسدود، نحتاج سباك بسرعة", "intent": "maintenance_request"}
{"text": "السخان لا يعمل ولا يوجد ماء ساخن", "intent": "maintenance_request"}
{"text": "الباب مكسور ولا يقفل", "intent": "maintenance_request"}
{"text": "ممكن ترسلون فني يصلح الثلاجة؟", "intent": "maintenance_request"}
{"text": "الـ AC ما يشتغل من يومين", "intent": "maintenance_request"}
{"text": "كاين مشكل فالضو، مقطوع", "intent": "maintenance_request"}
{"text": "lma kaysil mn sa9f dial lbit", "intent": "maintenance_request"}
{"text": "el takyeef bayez, ab3atoli fanni", "intent": "maintenance_request"}
{"text": "dow ma kaynch f dar mn lbare7", "intent": "maintenance_request"}
{"text": "l7ammam msdoud, khassna plombier", "intent": "maintenance_request"}
{"text": "robinet dial l7ammam kaycoula", "intent": "maintenance_request"}
{"text": "le chauffe-eau est en panne", "intent": "maintenance_request"}
{"text": "la porte d'entrée ne ferme plus, il faut un serrurier", "intent": "maintenance_request"}
{"text": "pas de courant dans la chambre depuis hier", "intent": "maintenance_request"}
{"text": "bomba la jikoni limevunjika", "intent": "maintenance_request"}
{"text": "taa za sebuleni hazifanyi kazi", "intent": "maintenance_request"}
{"text": "robine y'igikoni yarapfuye", "intent": "maintenance_request"}
{"text": "umuryango ntufunga neza, mwohereze umufundi", "intent": "maintenance_request"}
{"text": "ubwiherero bwazibye", "intent": "maintenance_request"}
{"text": "في ماي تحت المغسلة", "intent": "maintenance_request"}
{"text": "الثلاجة عطلانة من امبارح", "intent": "maintenance_request"}
{"text": "المكيف يقطر ماء على الأرض", "intent": "maintenance_request"}
{"text": "أحتاج كهربائي، الفيش ما يشتغل", "intent": "maintenance_request"}
{"text": "انكسر زجاج الشباك في غرفة النوم", "intent": "maintenance_request"}
{"text": "el mayya bet-nazel men el sa2f", "intent": "maintenance_request"}
{"text": "el kahraba ma2tou3a 3ndi", "intent": "maintenance_request"}
{"text": "can I come see the apartment", "intent": "viewing_booking"}
{"text": "I'd like to book a viewing", "intent": "viewing_booking"}
{"text": "when can I view the house", "intent": "viewing_booking"}
{"text": "can i visit tomorrow at 10am", "intent": "viewing_booking"}
{"text": "is saturday ok for a viewing", "intent": "viewing_booking"}
{"text": "i want to see the 2 bedroom in Kimihurura", "intent": "viewing_booking"}
{"text": "schedule a tour please", "intent": "viewing_booking"}
{"text": "book me a viewing for the studio", "intent": "viewing_booking"}
{"text": "can we meet at the property at 3pm", "intent": "viewing_booking"}
{"text": "available to show me the house this weekend?", "intent": "viewing_booking"}
{"text": "I want to check out the place before paying", "intent": "viewing_booking"}
{"text": "can I see it today after work", "intent": "viewing_booking"}
{"text": "I'd like to arrange an inspection of the flat", "intent": "viewing_booking"}
{"text": "can my wife come see the house instead of me", "intent": "viewing_booking"}
{"text": "is there a virtual tour or video", "intent": "viewing_booking"}
{"text": "send me a video of the house please", "intent": "viewing_booking"}
{"text": "can you do a video call tour", "intent": "viewing_booking"}
{"text": "let me come and view on monday morning", "intent": "viewing_booking"}
{"text": "viewing at 4 works for me", "intent": "viewing_booking"}
{"text": "confirm my viewing for tomorrow", "intent": "viewing_booking"}
{"text": "I need to reschedule my viewing", "intent": "viewing_booking"}
{"text": "cancel my viewing appointment please", "intent": "viewing_booking"}
{"text": "can we move the viewing to friday", "intent": "viewing_booking"}
{"text": "i'm at the gate for the viewing", "intent": "viewing_booking"}
{"text": "where do we meet for the house visit", "intent": "viewing_booking"}
{"text": "nataka kuja kuona nyumba", "intent": "viewing_booking"}
{"text": "naweza kuja kuangalia nyumba kesho", "intent": "viewing_booking"}
{"text": "je peux visiter l'appartement samedi", "intent": "viewing_booking"}
{"text": "j'aimerais visiter la maison", "intent": "viewing_booking"}
{"text": "on peut se voir pour la visite demain", "intent": "viewing_booking"}
{"text": "ndashaka kuza kureba inzu", "intent": "viewing_booking"}
{"text": "nshobora kuza kureba inzu ejo", "intent": "viewing_booking"}
{"text": "book a visit for the 3 bedroom house pls", "intent": "viewing_booking"}
{"text": "i saw the ad, can i come see it", "intent": "viewing_booking"}
{"text": "when is the open house", "intent": "viewing_booking"}
{"text": "let's schedule a visit", "intent": "viewing_booking"}
{"text": "can I view the office space", "intent": "viewing_booking"}
{"text": "want to view before signing", "intent": "viewing_booking"}
{"text": "would like to see unit 12 on thursday", "intent": "viewing_booking"}
{"text": "is 9am too early to view", "intent": "viewing_booking"}
{"text": "can the agent show me the place at lunch time", "intent": "viewing_booking"}
{"text": "appointment to view the apartment", "intent": "viewing_booking"}
{"text": "can I bring my friend to the viewing", "intent": "viewing_booking"}
{"text": "I missed the viewing, can we book another one", "intent": "viewing_booking"}
{"text": "tomorrow evening viewing possible?", "intent": "viewing_booking"}
{"text": "visit the flat this afternoon?", "intent": "viewing_booking"}
{"text": "I'm interested, when can I see it 👀", "intent": "viewing_booking"}
{"text": "viewing plz", "intent": "viewing_booking"}
{"text": "keen to see the property asap", "intent": "viewing_booking"}
{"text": "can i book a slot to see the apartments", "intent": "viewing_booking"}
{"text": "i want to see the rooms first", "intent": "viewing_booking"}
{"text": "show me the house on sunday", "intent": "viewing_booking"}
{"text": "do you do viewings on sundays", "intent": "viewing_booking"}
{"text": "what time are viewings", "intent": "viewing_booking"}
{"text": "nataka kuona chumba kwanza", "intent": "viewing_booking"}
{"text": "I'd love a tour of the compound", "intent": "viewing_booking"}
{"text": "how do I book a site visit", "intent": "viewing_booking"}
{"text": "visit the villa next week?", "intent": "viewing_booking"}
{"text": "arrange for me to see the bedsitter", "intent": "viewing_booking"}
{"text": "can I pass by to see the house at 5", "intent": "viewing_booking"}
{"text": "I want to book an appointment to see the flat", "intent": "viewing_booking"}
{"text": "when are you free to show me the unit", "intent": "viewing_booking"}
{"text": "I would like to visit the house on Saturday", "intent": "viewing_booking"}
{"text": "can I come to view the apartment tomorrow", "intent": "viewing_booking"}
{"text": "book a viewing for me on friday at 11", "intent": "viewing_booking"}
{"text": "when can i come to see the house", "intent": "viewing_booking"}
{"text": "is it possible to see the flat this evening", "intent": "viewing_booking"}
{"text": "I want to visit the apartment before deciding", "intent": "viewing_booking"}
{"text": "je voudrais visiter l'appartement demain", "intent": "viewing_booking"}
{"text": "peut-on fixer une visite samedi", "intent": "viewing_booking"}
{"text": "nataka kuona nyumba jumamosi", "intent": "viewing_booking"}
{"text": "naweza kuja kuona nyumba leo jioni", "intent": "viewing_booking"}
{"text": "ndashaka kureba inzu ku wa gatandatu", "intent": "viewing_booking"}
{"text": "nzaza kureba inzu ejo saa yine", "intent": "viewing_booking"}
{"text": "can I see the apartment at 5pm today", "intent": "viewing_booking"}
{"text": "viewing tomorrow possible?", "intent": "viewing_booking"}
{"text": "set up a viewing for next week", "intent": "viewing_booking"}
{"text": "I'd like to come look at the house", "intent": "viewing_booking"}
{"text": "please book me in to see the unit", "intent": "viewing_booking"}
{"text": "i want to see the house, when are you free", "intent": "viewing_booking"}
{"text": "arrange a viewing on sunday afternoon", "intent": "viewing_booking"}
{"text": "we'd like to see the 3 bedroom this weekend", "intent": "viewing_booking"}
{"text": "أريد أحجز موعد لمعاينة الشقة", "intent": "viewing_booking"}
{"text": "ممكن أزور البيت يوم السبت؟", "intent": "viewing_booking"}
{"text": "هل يمكنني مشاهدة الفيلا غدا الساعة خمسة؟", "intent": "viewing_booking"}
{"text": "متى الوقت المناسب لزيارة الشقة", "intent": "viewing_booking"}
{"text": "أبغى أشوف الشقة قبل ما أقرر", "intent": "viewing_booking"}
{"text": "نبي نحجز زيارة للشقة بكرة", "intent": "viewing_booking"}
{"text": "ابغى اشوف الاستوديو اليوم العصر", "intent": "viewing_booking"}
{"text": "momkin nzor l appartement nhar sebt?", "intent": "viewing_booking"}
{"text": "bghit nji nchof dar ghda 3la 5", "intent": "viewing_booking"}
{"text": "3awz ashof el sha2a bokra", "intent": "viewing_booking"}
{"text": "emta a2dar azor el sha2a?", "intent": "viewing_booking"}
{"text": "je voudrais prendre rendez-vous pour une visite", "intent": "viewing_booking"}
{"text": "on peut visiter la maison demain à 15h ?", "intent": "viewing_booking"}
{"text": "quand puis-je venir voir le studio ?", "intent": "viewing_booking"}
{"text": "ningependa kuja kuangalia nyumba jumamosi", "intent": "viewing_booking"}
{"text": "tunaweza kupanga muda wa kuona nyumba?", "intent": "viewing_booking"}
{"text": "nataka kutembelea apartment kesho mchana", "intent": "viewing_booking"}
{"text": "ndashaka kuza gusura inzu ku wa gatandatu", "intent": "viewing_booking"}
{"text": "ni ryari nashobora kuza kureba inzu?", "intent": "viewing_booking"}
{"text": "twahura ejo nkareba apartment?", "intent": "viewing_booking"}
{"text": "بدي شوف الشقة بكرا الصبح", "intent": "viewing_booking"}
{"text": "عايز اعمل معاينة للشقة يوم الجمعة", "intent": "viewing_booking"}
{"text": "نقدر نمر نشوف البيت اليوم؟", "intent": "viewing_booking"}
{"text": "احجز لي موعد زيارة الساعة عشرة", "intent": "viewing_booking"}
{"text": "أرغب في زيارة العقار قبل التوقيع", "intent": "viewing_booking"}
{"text": "badi shouf el beit el sabt", "intent": "viewing_booking"}
{"text": "n9der nji nchouf studio lyoum?", "intent": "viewing_booking"}
{"text": "is the apartment still available", "intent": "availability"}
{"text": "do you have any 2 bedroom houses", "intent": "availability"}
{"text": "any vacancies?", "intent": "availability"}
{"text": "is the house still free", "intent": "availability"}
{"text": "do you have a studio available", "intent": "availability"}
{"text": "is the room taken already", "intent": "availability"}
{"text": "do you have anything available from next month", "intent": "availability"}
{"text": "any 3 bedroom for rent in Kacyiru", "intent": "availability"}
{"text": "looking for a one bedroom in Westlands", "intent": "availability"}
{"text": "do you have furnished apartments", "intent": "availability"}
{"text": "are there any houses available now", "intent": "availability"}
{"text": "is unit 5 vacant", "intent": "availability"}
{"text": "still available?", "intent": "availability"}
{"text": "available? 🏠", "intent": "availability"}
{"text": "I'm looking for a place to rent", "intent": "availability"}
{"text": "do you have a bedsitter", "intent": "availability"}
{"text": "do you have office space for rent", "intent": "availability"}
{"text": "any shops available in the mall", "intent": "availability"}
{"text": "are there houses with parking", "intent": "availability"}
{"text": "do you have anything with a garden", "intent": "availability"}
{"text": "need a house near the school", "intent": "availability"}
{"text": "do you have pet friendly apartments", "intent": "availability"}
{"text": "can I move in next week, is it free", "intent": "availability"}
{"text": "when will the apartment be available", "intent": "availability"}
{"text": "is the penthouse taken", "intent": "availability"}
{"text": "do you have something for a family of 5", "intent": "availability"}
{"text": "any single rooms", "intent": "availability"}
{"text": "i need a house for 6 months only", "intent": "availability"}
{"text": "do you have short term rentals", "intent": "availability"}
{"text": "is there a vacancy in block C", "intent": "availability"}
{"text": "nyumba bado iko", "intent": "availability"}
{"text": "mna nyumba za kupangisha", "intent": "availability"}
{"text": "kuna chumba kimoja kiko wazi", "intent": "availability"}
{"text": "est-ce que l'appartement est encore disponible", "intent": "availability"}
{"text": "avez-vous des maisons à louer", "intent": "availability"}
{"text": "vous avez un studio libre", "intent": "availability"}
{"text": "hari inzu ikodeshwa", "intent": "availability"}
{"text": "inzu iracyahari", "intent": "availability"}
{"text": "murafite inzu y'ibyumba bibiri", "intent": "availability"}
{"text": "hello is the listing still up", "intent": "availability"}
{"text": "saw your post on facebook, still available?", "intent": "availability"}
{"text": "is the one on the ad gone", "intent": "availability"}
{"text": "anything on the ground floor", "intent": "availability"}
{"text": "looking for a 2br self contained", "intent": "availability"}
{"text": "any apartments with a lift", "intent": "availability"}
{"text": "i need a house in Nyarutarama, what do you have", "intent": "availability"}
{"text": "do you have rentals in Kicukiro", "intent": "availability"}
{"text": "what units are open right now", "intent": "availability"}
{"text": "are all the flats taken", "intent": "availability"}
{"text": "got any place for a student", "intent": "availability"}
{"text": "any cheap rooms available", "intent": "availability"}
{"text": "do you still have the house with the balcony", "intent": "availability"}
{"text": "is there parking available in the building", "intent": "availability"}
{"text": "do you have any commercial space", "intent": "availability"}
{"text": "something available for December?", "intent": "availability"}
{"text": "need accommodation urgently", "intent": "availability"}
{"text": "a room for rent near town?", "intent": "availability"}
{"text": "is the bungalow still on the market", "intent": "availability"}
{"text": "the apartment advertised on jiji, is it available", "intent": "availability"}
{"text": "any new listings this week", "intent": "availability"}
{"text": "is the house still available for rent", "intent": "availability"}
{"text": "do you have a 2 bedroom available now", "intent": "availability"}
{"text": "any apartments available in Kimihurura", "intent": "availability"}
{"text": "is the studio still free", "intent": "availability"}
{"text": "do you have houses for rent", "intent": "availability"}
{"text": "is there any empty house", "intent": "availability"}
{"text": "are there rooms available this month", "intent": "availability"}
{"text": "still available for december?", "intent": "availability"}
{"text": "je cherche un appartement à louer", "intent": "availability"}
{"text": "est-ce qu'il y a une maison libre", "intent": "availability"}
{"text": "avez-vous un appartement disponible", "intent": "availability"}
{"text": "nyumba ya kupangisha iko", "intent": "availability"}
{"text": "kuna nyumba yoyote wazi", "intent": "availability"}
{"text": "natafuta nyumba ya vyumba viwili", "intent": "availability"}
{"text": "hari inzu irimo ubusa", "intent": "availability"}
{"text": "ndashaka inzu yo gukodesha", "intent": "availability"}
{"text": "murafite inzu ikodeshwa i Remera", "intent": "availability"}
{"text": "do you have a vacant unit", "intent": "availability"}
{"text": "any flats to let", "intent": "availability"}
{"text": "looking for an apartment to rent in town", "intent": "availability"}
{"text": "هل عندكم شقق فاضية للإيجار؟", "intent": "availability"}
{"text": "الشقة المعلنة لسه متوفرة؟", "intent": "availability"}
{"text": "أبحث عن شقة غرفتين في المنطقة", "intent": "availability"}
{"text": "هل يوجد استوديو متاح الشهر القادم", "intent": "availability"}
{"text": "عندكم فيلا للإيجار؟", "intent": "availability"}
{"text": "هل الشقة مازالت موجودة ولا تأجرت؟", "intent": "availability"}
{"text": "fi sha2a fadya 3andoko?", "intent": "availability"}
{"text": "wach mazal l appartement dispo?", "intent": "availability"}
{"text": "3andkom chi dar lkra f had l7ay?", "intent": "availability"}
{"text": "kayn chi studio khawi?", "intent": "availability"}
{"text": "avez-vous des appartements libres à louer ?", "intent": "availability"}
{"text": "le studio est-il encore libre ?", "intent": "availability"}
{"text": "je cherche une maison de trois chambres", "intent": "availability"}
{"text": "mna nyumba za kupangisha?", "intent": "availability"}
{"text": "natafuta chumba kimoja karibu na mjini", "intent": "availability"}
{"text": "ile apartment bado haijapangishwa?", "intent": "availability"}
{"text": "mufite inzu ikodeshwa?", "intent": "availability"}
{"text": "ndashaka inzu y'ibyumba bibiri", "intent": "availability"}
{"text": "ya nzu iracyahari?", "intent": "availability"}
{"text": "في عندكم شي شقة فاضية؟", "intent": "availability"}
{"text": "أدور شقة ثلاث غرف قريب من المدارس", "intent": "availability"}
{"text": "عايز شقة مفروشة للإيجار", "intent": "availability"}
{"text": "هل توجد محلات تجارية للإيجار؟", "intent": "availability"}
{"text": "متى تكون الشقة جاهزة للسكن؟", "intent": "availability"}
{"text": "3andoko sha2a mafrosha?", "intent": "availability"}
{"text": "fi beit lal ajar hon?", "intent": "availability"}
{"text": "how much is the rent", "intent": "price_inquiry"}
{"text": "what's the price of the 2 bedroom", "intent": "price_inquiry"}
{"text": "how much for the studio", "intent": "price_inquiry"}
{"text": "rent per month?", "intent": "price_inquiry"}
{"text": "how much is the deposit", "intent": "price_inquiry"}
{"text": "is the price negotiable", "intent": "price_inquiry"}
{"text": "can you reduce the rent a little", "intent": "price_inquiry"}
{"text": "what is the service charge", "intent": "price_inquiry"}
{"text": "are utilities included in the rent", "intent": "price_inquiry"}
{"text": "does the rent include water and electricity", "intent": "price_inquiry"}
{"text": "how much is parking", "intent": "price_inquiry"}
{"text": "what's the total move in cost", "intent": "price_inquiry"}
{"text": "how many months deposit do you need", "intent": "price_inquiry"}
{"text": "price?", "intent": "price_inquiry"}
{"text": "how much 💰", "intent": "price_inquiry"}
{"text": "bei gani", "intent": "price_inquiry"}
{"text": "kodi ni ngapi kwa mwezi", "intent": "price_inquiry"}
{"text": "bei ya nyumba ya vyumba viwili", "intent": "price_inquiry"}
{"text": "c'est combien le loyer", "intent": "price_inquiry"}
{"text": "quel est le prix de l'appartement", "intent": "price_inquiry"}
{"text": "le loyer est négociable ?", "intent": "price_inquiry"}
{"text": "ni angahe ubukode", "intent": "price_inquiry"}
{"text": "inzu ni amafaranga angahe", "intent": "price_inquiry"}
{"text": "igiciro cy'inzu ni angahe", "intent": "price_inquiry"}
{"text": "what's the cost for a year", "intent": "price_inquiry"}
{"text": "do you give a discount for paying upfront", "intent": "price_inquiry"}
{"text": "is there an agent fee", "intent": "price_inquiry"}
{"text": "any hidden fees?", "intent": "price_inquiry"}
{"text": "how much is the security deposit for the 3 bedroom", "intent": "price_inquiry"}
{"text": "what's your best price", "intent": "price_inquiry"}
{"text": "too expensive, can you do 300k", "intent": "price_inquiry"}
{"text": "will the rent go up next year", "intent": "price_inquiry"}
{"text": "how much is the garbage fee", "intent": "price_inquiry"}
{"text": "what does the service charge cover", "intent": "price_inquiry"}
{"text": "how much is internet per month", "intent": "price_inquiry"}
{"text": "price in dollars please", "intent": "price_inquiry"}
{"text": "is it cheaper without furniture", "intent": "price_inquiry"}
{"text": "how much for a short stay", "intent": "price_inquiry"}
{"text": "whats the rate per night", "intent": "price_inquiry"}
{"text": "rent for the shop?", "intent": "price_inquiry"}
{"text": "price of the office per square meter", "intent": "price_inquiry"}
{"text": "how much is the commission", "intent": "price_inquiry"}
{"text": "last price?", "intent": "price_inquiry"}
{"text": "what's the monthly fee", "intent": "price_inquiry"}
{"text": "can we negotiate the price", "intent": "price_inquiry"}
{"text": "the price is a bit high for me", "intent": "price_inquiry"}
{"text": "how much is rent for the bedsitter", "intent": "price_inquiry"}
{"text": "cost of the 1br in town", "intent": "price_inquiry"}
{"text": "rent inclusive of everything?", "intent": "price_inquiry"}
{"text": "how much do i need to pay to move in", "intent": "price_inquiry"}
{"text": "what's the application fee", "intent": "price_inquiry"}
{"text": "do you charge for viewing", "intent": "price_inquiry"}
{"text": "is water billed separately", "intent": "price_inquiry"}
{"text": "what's the electricity cost roughly", "intent": "price_inquiry"}
{"text": "i want to know the price range", "intent": "price_inquiry"}
{"text": "how much are the apartments in the new block", "intent": "price_inquiry"}
{"text": "what's the price for students", "intent": "price_inquiry"}
{"text": "is VAT included", "intent": "price_inquiry"}
{"text": "budget is 200k, what can I get", "intent": "price_inquiry"}
{"text": "how much is it per month in USD", "intent": "price_inquiry"}
{"text": "how much is the rent for the apartment", "intent": "price_inquiry"}
{"text": "what is the rent per month for the studio", "intent": "price_inquiry"}
{"text": "how much is the deposit for the house", "intent": "price_inquiry"}
{"text": "how much does the 3 bedroom cost", "intent": "price_inquiry"}
{"text": "what's the monthly rent", "intent": "price_inquiry"}
{"text": "how much do you charge", "intent": "price_inquiry"}
{"text": "the rent is how much?", "intent": "price_inquiry"}
{"text": "is the rent negotiable", "intent": "price_inquiry"}
{"text": "combien coûte l'appartement", "intent": "price_inquiry"}
{"text": "quel est le montant de la caution", "intent": "price_inquiry"}
{"text": "combien par mois", "intent": "price_inquiry"}
{"text": "kodi ya nyumba hii ni bei gani", "intent": "price_inquiry"}
{"text": "deposit ni kiasi gani", "intent": "price_inquiry"}
{"text": "bei ya mwezi ni ngapi", "intent": "price_inquiry"}
{"text": "ubukode ni angahe ku kwezi", "intent": "price_inquiry"}
{"text": "ingwate ni angahe", "intent": "price_inquiry"}
{"text": "ni angahe ku kwezi", "intent": "price_inquiry"}
{"text": "how much is it per month", "intent": "price_inquiry"}
{"text": "what's the price of rent and deposit", "intent": "price_inquiry"}
{"text": "how much is the deposit and the agent fee", "intent": "price_inquiry"}
{"text": "kam الإيجار السنوي للشقة؟", "intent": "price_inquiry"}
{"text": "بكم الشقة في الشهر؟", "intent": "price_inquiry"}
{"text": "ما هو سعر الفيلا؟", "intent": "price_inquiry"}
{"text": "كم التأمين والعمولة؟", "intent": "price_inquiry"}
{"text": "السعر شامل الكهرباء والماء؟", "intent": "price_inquiry"}
{"text": "كم الإيجار لغرفتين وصالة", "intent": "price_inquiry"}
{"text": "bkam l appartement f chhar?", "intent": "price_inquiry"}
{"text": "chhal taman dial studio?", "intent": "price_inquiry"}
{"text": "el ijar kam fel shahr?", "intent": "price_inquiry"}
{"text": "be kam el sha2a di?", "intent": "price_inquiry"}
{"text": "combien coûte l'appartement par mois ?", "intent": "price_inquiry"}
{"text": "le loyer est à combien ?", "intent": "price_inquiry"}
{"text": "quel est le montant de la caution ?", "intent": "price_inquiry"}
{"text": "kodi ni kiasi gani kwa mwezi?", "intent": "price_inquiry"}
{"text": "bei ya chumba kimoja ni ngapi?", "intent": "price_inquiry"}
{"text": "amana ni shilingi ngapi?", "intent": "price_inquiry"}
{"text": "igiciro cy'inzu ni angahe?", "intent": "price_inquiry"}
{"text": "ubukode ni amafaranga angahe ku kwezi?", "intent": "price_inquiry"}
{"text": "garantie ni angahe?", "intent": "price_inquiry"}
{"text": "شو سعر الاجار بالشهر؟", "intent": "price_inquiry"}
{"text": "الشقة دي بكام؟", "intent": "price_inquiry"}
{"text": "كم الدفعة الأولى المطلوبة؟", "intent": "price_inquiry"}
{"text": "هل السعر قابل للتفاوض؟", "intent": "price_inquiry"}
{"text": "كم رسوم الصيانة السنوية", "intent": "price_inquiry"}
{"text": "shu el se3r lal shahr?", "intent": "price_inquiry"}
{"text": "el taman fih negotiation?", "intent": "price_inquiry"}
{"text": "I want to renew my lease", "intent": "lease_renewal"}
{"text": "my contract ends next month, can we renew", "intent": "lease_renewal"}
{"text": "can I extend my tenancy for another year", "intent": "lease_renewal"}
{"text": "renew the lease please", "intent": "lease_renewal"}
{"text": "I'd like to stay another 12 months", "intent": "lease_renewal"}
{"text": "lease expiring soon, what are the options", "intent": "lease_renewal"}
{"text": "can we sign a new contract", "intent": "lease_renewal"}
{"text": "how do I renew my tenancy agreement", "intent": "lease_renewal"}
{"text": "will the rent change if I renew", "intent": "lease_renewal"}
{"text": "i want to extend for 6 months only", "intent": "lease_renewal"}
{"text": "can I switch to a month to month lease", "intent": "lease_renewal"}
{"text": "renewal terms please", "intent": "lease_renewal"}
{"text": "is my lease automatically renewed", "intent": "lease_renewal"}
{"text": "when does my lease end", "intent": "lease_renewal"}
{"text": "I wish to continue renting", "intent": "lease_renewal"}
{"text": "we'd like to extend our stay", "intent": "lease_renewal"}
{"text": "send me the renewal agreement", "intent": "lease_renewal"}
{"text": "need a new contract with my new employer's name", "intent": "lease_renewal"}
{"text": "can we renegotiate the lease at renewal", "intent": "lease_renewal"}
{"text": "can I add my husband to the lease", "intent": "lease_renewal"}
{"text": "change the lease to my company name", "intent": "lease_renewal"}
{"text": "remove my roommate from the contract", "intent": "lease_renewal"}
{"text": "nataka kuongeza mkataba", "intent": "lease_renewal"}
{"text": "mkataba wangu unaisha, nataka kuendelea", "intent": "lease_renewal"}
{"text": "je veux renouveler mon bail", "intent": "lease_renewal"}
{"text": "mon bail expire le mois prochain", "intent": "lease_renewal"}
{"text": "prolonger le contrat d'un an", "intent": "lease_renewal"}
{"text": "ndashaka kongera amasezerano", "intent": "lease_renewal"}
{"text": "amasezerano yanjye arangira ukwezi gutaha", "intent": "lease_renewal"}
{"text": "extend lease pls", "intent": "lease_renewal"}
{"text": "renew 🙏", "intent": "lease_renewal"}
{"text": "contract renewal for unit 7", "intent": "lease_renewal"}
{"text": "i'll be staying, let's renew", "intent": "lease_renewal"}
{"text": "how much notice do i need to give to renew", "intent": "lease_renewal"}
{"text": "can i renew for 2 years", "intent": "lease_renewal"}
{"text": "is there a renewal fee", "intent": "lease_renewal"}
{"text": "do i have to pay a new deposit if i renew", "intent": "lease_renewal"}
{"text": "my lease is up in june, I want to stay", "intent": "lease_renewal"}
{"text": "re-sign the lease", "intent": "lease_renewal"}
{"text": "lease extension request", "intent": "lease_renewal"}
{"text": "the renewal letter has the wrong dates", "intent": "lease_renewal"}
{"text": "can we update the lease with the new rent", "intent": "lease_renewal"}
{"text": "i got the renewal notice, what do I sign", "intent": "lease_renewal"}
{"text": "do I need to come to the office to renew the contract", "intent": "lease_renewal"}
{"text": "can I sign the renewal online", "intent": "lease_renewal"}
{"text": "we want to renew but need a bigger unit in the same building", "intent": "lease_renewal"}
{"text": "transfer my lease to the 3 bedroom", "intent": "lease_renewal"}
{"text": "can my lease start over from next month", "intent": "lease_renewal"}
{"text": "I want to renew but the price increase is too much", "intent": "lease_renewal"}
{"text": "is the landlord willing to renew", "intent": "lease_renewal"}
{"text": "continue with the same contract please", "intent": "lease_renewal"}
{"text": "tenancy renewal", "intent": "lease_renewal"}
{"text": "extend my stay till december", "intent": "lease_renewal"}
{"text": "keep me on for another term", "intent": "lease_renewal"}
{"text": "renewing contract, what documents needed", "intent": "lease_renewal"}
{"text": "sign a new one year lease", "intent": "lease_renewal"}
{"text": "lease ending, want to keep the house", "intent": "lease_renewal"}
{"text": "mkataba mpya tafadhali", "intent": "lease_renewal"}
{"text": "we'll extend, send the papers", "intent": "lease_renewal"}
{"text": "we want to extend the contract by 3 months", "intent": "lease_renewal"}
{"text": "I would like to renew my contract for one more year", "intent": "lease_renewal"}
{"text": "please renew my lease", "intent": "lease_renewal"}
{"text": "can I renew my rental agreement", "intent": "lease_renewal"}
{"text": "extend my lease by a year please", "intent": "lease_renewal"}
{"text": "I want to extend the contract", "intent": "lease_renewal"}
{"text": "renouveler le contrat de location", "intent": "lease_renewal"}
{"text": "je souhaite prolonger mon bail", "intent": "lease_renewal"}
{"text": "je veux continuer à louer la maison", "intent": "lease_renewal"}
{"text": "nataka kuendeleza mkataba wa nyumba", "intent": "lease_renewal"}
{"text": "naomba kuongeza muda wa mkataba", "intent": "lease_renewal"}
{"text": "ndashaka kuvugurura amasezerano", "intent": "lease_renewal"}
{"text": "ndashaka gukomeza gukodesha inzu", "intent": "lease_renewal"}
{"text": "kongera amasezerano y'umwaka", "intent": "lease_renewal"}
{"text": "my lease is ending, I want to renew it", "intent": "lease_renewal"}
{"text": "can we renew the contract for two more years", "intent": "lease_renewal"}
{"text": "time to renew my lease", "intent": "lease_renewal"}
{"text": "renewal of tenancy agreement please", "intent": "lease_renewal"}
{"text": "I want to stay, please extend my lease", "intent": "lease_renewal"}
{"text": "lease renewal question", "intent": "lease_renewal"}
{"text": "how do we extend the tenancy", "intent": "lease_renewal"}
{"text": "عقدي ينتهي الشهر الجاي وأبغى أجدده", "intent": "lease_renewal"}
{"text": "أرغب في تمديد العقد سنة إضافية", "intent": "lease_renewal"}
{"text": "كيف أجدد عقد الإيجار؟", "intent": "lease_renewal"}
{"text": "هل سيزيد الإيجار عند التجديد؟", "intent": "lease_renewal"}
{"text": "نبي نمدد العقد ستة شهور", "intent": "lease_renewal"}
{"text": "l contrat ghadi ysali, bghit njddo", "intent": "lease_renewal"}
{"text": "3awz ajadded el 3a2d sana kaman", "intent": "lease_renewal"}
{"text": "wach momkin nzid l3a9d 3am akhor?", "intent": "lease_renewal"}
{"text": "mon bail se termine bientôt, je veux le prolonger", "intent": "lease_renewal"}
{"text": "comment renouveler le contrat de location ?", "intent": "lease_renewal"}
{"text": "est-ce que le loyer augmente au renouvellement ?", "intent": "lease_renewal"}
{"text": "mkataba wangu unaisha, nataka kuuhuisha", "intent": "lease_renewal"}
{"text": "naweza kuendelea kukaa mwaka mwingine?", "intent": "lease_renewal"}
{"text": "tunaweza kurenew mkataba?", "intent": "lease_renewal"}
{"text": "amasezerano yanjye arangira ukwezi gutaha, ndashaka kuyongera", "intent": "lease_renewal"}
{"text": "nshobora kuguma mu nzu undi mwaka?", "intent": "lease_renewal"}
{"text": "kuvugurura amasezerano bikorwa gute?", "intent": "lease_renewal"}
{"text": "بدي جدد العقد", "intent": "lease_renewal"}
{"text": "عايز اجدد الإيجار سنة كمان", "intent": "lease_renewal"}
{"text": "ما هي شروط تجديد العقد؟", "intent": "lease_renewal"}
{"text": "نبغى نجدد بنفس السعر", "intent": "lease_renewal"}
{"text": "متى لازم أبلغكم إذا بجدد؟", "intent": "lease_renewal"}
{"text": "badi jadded el 3a2ed", "intent": "lease_renewal"}
{"text": "n9der njdd l contrat b nafs taman?", "intent": "lease_renewal"}
{"text": "I want to move out", "intent": "move_out"}
{"text": "I'm moving out next month", "intent": "move_out"}
{"text": "giving notice to vacate", "intent": "move_out"}
{"text": "this is my one month notice", "intent": "move_out"}
{"text": "I will vacate the house on the 30th", "intent": "move_out"}
{"text": "how do I end my lease early", "intent": "move_out"}
{"text": "I want to terminate my contract", "intent": "move_out"}
{"text": "when will I get my deposit back", "intent": "move_out"}
{"text": "deposit refund please", "intent": "move_out"}
{"text": "how much of the deposit will I get back", "intent": "move_out"}
{"text": "can we schedule the move out inspection", "intent": "move_out"}
{"text": "I'm leaving the apartment end of this month", "intent": "move_out"}
{"text": "moving out, where do I drop the keys", "intent": "move_out"}
{"text": "handing over the keys on friday", "intent": "move_out"}
{"text": "we are relocating, need to leave the house", "intent": "move_out"}
{"text": "I need to break the lease, job transfer", "intent": "move_out"}
{"text": "what is the penalty for leaving early", "intent": "move_out"}
{"text": "final inspection before I leave", "intent": "move_out"}
{"text": "I moved out last week, still no deposit", "intent": "move_out"}
{"text": "you deducted too much from my deposit", "intent": "move_out"}
{"text": "nataka kuhama", "intent": "move_out"}
{"text": "nitahama mwisho wa mwezi", "intent": "move_out"}
{"text": "nahama nyumba, nirudishiwe deposit", "intent": "move_out"}
{"text": "je quitte l'appartement à la fin du mois", "intent": "move_out"}
{"text": "je donne mon préavis", "intent": "move_out"}
{"text": "remboursement de la caution svp", "intent": "move_out"}
{"text": "ngiye kwimuka", "intent": "move_out"}
{"text": "nzava mu nzu mu kwezi gutaha", "intent": "move_out"}
{"text": "mumpe ingwate yanjye", "intent": "move_out"}
{"text": "notice to vacate attached", "intent": "move_out"}
{"text": "leaving 😢 moving to another city", "intent": "move_out"}
{"text": "moving out soon, what's the process", "intent": "move_out"}
{"text": "checkout procedure?", "intent": "move_out"}
{"text": "I want to give my notice", "intent": "move_out"}
{"text": "how many days notice do I need to give", "intent": "move_out"}
{"text": "I won't renew, I'm leaving", "intent": "move_out"}
{"text": "not renewing my lease", "intent": "move_out"}
{"text": "I'll be out by the 15th", "intent": "move_out"}
{"text": "can someone come for the handover", "intent": "move_out"}
{"text": "the house is empty now, come take the keys", "intent": "move_out"}
{"text": "my last day in the apartment is sunday", "intent": "move_out"}
{"text": "I need the move out checklist", "intent": "move_out"}
{"text": "do I need to repaint before leaving", "intent": "move_out"}
{"text": "cleaning before moving out, is it required", "intent": "move_out"}
{"text": "return my security deposit", "intent": "move_out"}
{"text": "when is the deposit refunded after moving out", "intent": "move_out"}
{"text": "can the deposit cover my last month's rent", "intent": "move_out"}
{"text": "vacating unit 3A", "intent": "move_out"}
{"text": "end of tenancy", "intent": "move_out"}
{"text": "we are moving out of the house", "intent": "move_out"}
{"text": "terminating tenancy agreement", "intent": "move_out"}
{"text": "I found a new place, so I'm leaving", "intent": "move_out"}
{"text": "I'd like to cancel my lease", "intent": "move_out"}
{"text": "quitting the house next month", "intent": "move_out"}
{"text": "moving back home, giving notice", "intent": "move_out"}
{"text": "inform the landlord I am vacating", "intent": "move_out"}
{"text": "request for move-out inspection", "intent": "move_out"}
{"text": "how do I hand over the meter readings", "intent": "move_out"}
{"text": "leaving the flat early, can I find a replacement tenant", "intent": "move_out"}
{"text": "sublet my room instead of moving out?", "intent": "move_out"}
{"text": "deposit hasn't been returned after 30 days", "intent": "move_out"}
{"text": "I will move out at the end of the month", "intent": "move_out"}
{"text": "I'm vacating the apartment next month", "intent": "move_out"}
{"text": "please accept my notice to vacate", "intent": "move_out"}
{"text": "I'm leaving the house, how do I get my deposit", "intent": "move_out"}
{"text": "when do I get my deposit back after moving out", "intent": "move_out"}
{"text": "je vais déménager le mois prochain", "intent": "move_out"}
{"text": "je quitte la maison", "intent": "move_out"}
{"text": "je veux récupérer ma caution", "intent": "move_out"}
{"text": "nitahama nyumba mwezi ujao", "intent": "move_out"}
{"text": "nataka kuhama nyumba", "intent": "move_out"}
{"text": "nirudishie deposit yangu", "intent": "move_out"}
{"text": "nzimuka mu nzu ukwezi gutaha", "intent": "move_out"}
{"text": "ndashaka kuva mu nzu", "intent": "move_out"}
{"text": "munsubize ingwate", "intent": "move_out"}
{"text": "I'm moving out on saturday", "intent": "move_out"}
{"text": "notice: leaving the unit end of june", "intent": "move_out"}
{"text": "I want to end my tenancy", "intent": "move_out"}
{"text": "handing back the keys next week", "intent": "move_out"}
{"text": "giving you notice, I'm moving", "intent": "move_out"}
{"text": "we will leave the house in two weeks", "intent": "move_out"}
{"text": "أبغى أسلم الشقة آخر الشهر", "intent": "move_out"}
{"text": "قررت أخلي الشقة الشهر القادم", "intent": "move_out"}
{"text": "هذا إشعار بإنهاء عقد الإيجار", "intent": "move_out"}
{"text": "متى أسترجع مبلغ التأمين بعد الخروج؟", "intent": "move_out"}
{"text": "سأنتقل من الشقة، كيف أسلم المفاتيح؟", "intent": "move_out"}
{"text": "ghadi nkhwi dar f lakhir dial chhar", "intent": "move_out"}
{"text": "ana mesafer w hasalem el sha2a", "intent": "move_out"}
{"text": "bghit nrje3 lkarantie mli nkhrej", "intent": "move_out"}
{"text": "je donne mon préavis, je pars le mois prochain", "intent": "move_out"}
{"text": "je déménage à la fin du mois", "intent": "move_out"}
{"text": "quand vais-je récupérer ma caution ?", "intent": "move_out"}
{"text": "nataka kuhama nyumba mwezi ujao", "intent": "move_out"}
{"text": "ninatoa notisi ya kuhama", "intent": "move_out"}
{"text": "nitarudishiwa amana lini baada ya kuhama?", "intent": "move_out"}
{"text": "ndimo kwimuka, nzasubiza imfunguzo", "intent": "move_out"}
{"text": "ndashaka kuva mu nzu mu mpera z'ukwezi", "intent": "move_out"}
{"text": "garantie yanjye izagaruka ryari maze kwimuka?", "intent": "move_out"}
{"text": "بدي اترك البيت آخر الشهر", "intent": "move_out"}
{"text": "عايز اسيب الشقة الشهر الجاي", "intent": "move_out"}
{"text": "أبلغكم أني سأخرج من الشقة بعد شهرين", "intent": "move_out"}
{"text": "متى موعد تسليم المفاتيح عند الخروج؟", "intent": "move_out"}
{"text": "هل يخصم شيء من التأمين عند المغادرة؟", "intent": "move_out"}
{"text": "badi fallel mn el beit", "intent": "move_out"}
{"text": "3awez asib el sha2a", "intent": "move_out"}
{"text": "my neighbour plays loud music every night", "intent": "complaint"}
{"text": "the noise from upstairs is unbearable", "intent": "complaint"}
{"text": "the caretaker was rude to me", "intent": "complaint"}
{"text": "security guard was sleeping on duty", "intent": "complaint"}
{"text": "the compound is dirty", "intent": "complaint"}
{"text": "garbage hasn't been collected for two weeks", "intent": "complaint"}
{"text": "someone keeps parking in my spot", "intent": "complaint"}
{"text": "I'm not happy with the service", "intent": "complaint"}
{"text": "this is unacceptable!!!", "intent": "complaint"}
{"text": "you never respond to my messages 😡", "intent": "complaint"}
{"text": "I've been waiting for days, very bad service", "intent": "complaint"}
{"text": "the agent lied to me about the house", "intent": "complaint"}
{"text": "my neighbour's dog barks all night", "intent": "complaint"}
{"text": "people smoking in the stairwell", "intent": "complaint"}
{"text": "the neighbours are fighting every night", "intent": "complaint"}
{"text": "the building is not safe, strangers coming in", "intent": "complaint"}
{"text": "my car was scratched in the parking", "intent": "complaint"}
{"text": "somebody stole my gas cylinder", "intent": "complaint"}
{"text": "the water bill is way too high, it's wrong", "intent": "complaint"}
{"text": "I was overcharged", "intent": "complaint"}
{"text": "I want to file a complaint", "intent": "complaint"}
{"text": "I want to speak to the manager about a complaint", "intent": "complaint"}
{"text": "the cleaners damaged my door", "intent": "complaint"}
{"text": "the gate is left open all night", "intent": "complaint"}
{"text": "kelele nyingi sana usiku", "intent": "complaint"}
{"text": "jirani yangu anapiga kelele", "intent": "complaint"}
{"text": "mlinzi ni mkorofi", "intent": "complaint"}
{"text": "le voisin fait trop de bruit", "intent": "complaint"}
{"text": "je veux porter plainte", "intent": "complaint"}
{"text": "le gardien est impoli", "intent": "complaint"}
{"text": "umuturanyi asakuza cyane", "intent": "complaint"}
{"text": "umuzamu ntabwo akora neza", "intent": "complaint"}
{"text": "very disappointed with how you handle issues", "intent": "complaint"}
{"text": "nobody fixed the problem I reported, this is a joke", "intent": "complaint"}
{"text": "the landlord enters my house without permission", "intent": "complaint"}
{"text": "the landlord keeps calling me at night", "intent": "complaint"}
{"text": "the common area lights are always off", "intent": "complaint"}
{"text": "terrible management honestly", "intent": "complaint"}
{"text": "i am sick of this", "intent": "complaint"}
{"text": "the borehole water smells bad and nobody cares", "intent": "complaint"}
{"text": "the trash bins stink", "intent": "complaint"}
{"text": "kids from next door broke my window and no one did anything", "intent": "complaint"}
{"text": "the new tenant blocks the corridor with his stuff", "intent": "complaint"}
{"text": "bad smell from the neighbour's house", "intent": "complaint"}
{"text": "parking is chaos, no order at all", "intent": "complaint"}
{"text": "you raised the rent without notice, not fair", "intent": "complaint"}
{"text": "my complaint from last month was ignored", "intent": "complaint"}
{"text": "the generator noise is too much", "intent": "complaint"}
{"text": "the security company is useless", "intent": "complaint"}
{"text": "the pool is never cleaned", "intent": "complaint"}
{"text": "the building manager is disrespectful", "intent": "complaint"}
{"text": "harassment by the caretaker", "intent": "complaint"}
{"text": "too many power cuts and no explanation", "intent": "complaint"}
{"text": "I feel unsafe in this compound", "intent": "complaint"}
{"text": "our privacy is not respected", "intent": "complaint"}
{"text": "I'm very unhappy with the state of the house", "intent": "complaint"}
{"text": "this is the third time I complain", "intent": "complaint"}
{"text": "worst landlord ever", "intent": "complaint"}
{"text": "the smell from the dumpster is unbearable", "intent": "complaint"}
{"text": "noise complaint unit 8", "intent": "complaint"}
{"text": "I want to complain about my neighbour", "intent": "complaint"}
{"text": "my neighbour is too noisy", "intent": "complaint"}
{"text": "the noise at night is terrible", "intent": "complaint"}
{"text": "the guard is very rude", "intent": "complaint"}
{"text": "the caretaker insulted me", "intent": "complaint"}
{"text": "the compound is very dirty", "intent": "complaint"}
{"text": "I'm not satisfied with your service", "intent": "complaint"}
{"text": "you keep ignoring my complaints", "intent": "complaint"}
{"text": "je me plains du bruit des voisins", "intent": "complaint"}
{"text": "le service est très mauvais", "intent": "complaint"}
{"text": "je ne suis pas satisfait", "intent": "complaint"}
{"text": "jirani yangu ana kelele sana", "intent": "complaint"}
{"text": "huduma ni mbaya sana", "intent": "complaint"}
{"text": "sijaridhika na huduma yenu", "intent": "complaint"}
{"text": "umuturanyi wanjye asakuza", "intent": "complaint"}
{"text": "serivisi ni mbi cyane", "intent": "complaint"}
{"text": "sinishimiye serivisi", "intent": "complaint"}
{"text": "filing a complaint about the security", "intent": "complaint"}
{"text": "the neighbours' noise is driving me crazy", "intent": "complaint"}
{"text": "nobody responds, this service is terrible", "intent": "complaint"}
{"text": "هذه ثالث مرة أشتكي ولا أحد يرد", "intent": "complaint"}
{"text": "الخدمة سيئة جدا وأنا غير راضي", "intent": "complaint"}
{"text": "البواب يعامل السكان بطريقة سيئة", "intent": "complaint"}
{"text": "المصعد معطل من أسبوع وما أحد اهتم", "intent": "complaint"}
{"text": "عندي شكوى على الجار اللي فوق", "intent": "complaint"}
{"text": "ana za3lan gedan mn el khedma", "intent": "complaint"}
{"text": "had chi ma ma9boulch, 3yit ntsl bikom", "intent": "complaint"}
{"text": "ljiran kaydiro sda3 kol lil", "intent": "complaint"}
{"text": "ana mesh radi 3an el ta3amol da", "intent": "complaint"}
{"text": "c'est inadmissible, ça fait une semaine que j'attends", "intent": "complaint"}
{"text": "le gardien est très impoli avec nous", "intent": "complaint"}
{"text": "je veux porter plainte contre le voisin", "intent": "complaint"}
{"text": "huduma yenu ni mbaya sana", "intent": "complaint"}
{"text": "nimechoka kusubiri, hakuna anayejibu", "intent": "complaint"}
{"text": "mlinzi ni mkorofi sana", "intent": "complaint"}
{"text": "serivisi yanyu ni mbi cyane", "intent": "complaint"}
{"text": "narambiwe gutegereza, nta muntu unsubiza", "intent": "complaint"}
{"text": "umuzamu atwitwaraho nabi", "intent": "complaint"}
{"text": "أنا زعلان جدا من التأخير", "intent": "complaint"}
{"text": "الحارس ما يرد على التلفون أبدا", "intent": "complaint"}
{"text": "هذا غير مقبول، الصيانة ما جات", "intent": "complaint"}
{"text": "الجار يركن سيارته في مكاني كل يوم", "intent": "complaint"}
{"text": "الإزعاج من الشقة المجاورة لا يحتمل", "intent": "complaint"}
{"text": "ana mesh mabsout abadan", "intent": "complaint"}
{"text": "hada machi ma39oul, 3yina", "intent": "complaint"}
{"text": "can you send me a copy of my lease", "intent": "document_request"}
{"text": "I need my rent receipt", "intent": "document_request"}
{"text": "send receipts for the last 3 months please", "intent": "document_request"}
{"text": "I need a tenancy letter for my bank", "intent": "document_request"}
{"text": "can I get a letter confirming I live here", "intent": "document_request"}
{"text": "please send the invoice", "intent": "document_request"}
{"text": "where is my receipt for June", "intent": "document_request"}
{"text": "I need a statement of my payments", "intent": "document_request"}
{"text": "need proof of address for immigration", "intent": "document_request"}
{"text": "can I have the signed contract", "intent": "document_request"}
{"text": "send the lease agreement in pdf", "intent": "document_request"}
{"text": "I lost my copy of the contract", "intent": "document_request"}
{"text": "could you email me the receipt", "intent": "document_request"}
{"text": "I need an official receipt with a stamp", "intent": "document_request"}
{"text": "I need the house rules document", "intent": "document_request"}
{"text": "send me the inventory list", "intent": "document_request"}
{"text": "can you give me a reference letter for my new landlord", "intent": "document_request"}
{"text": "I need a recommendation letter", "intent": "document_request"}
{"text": "my employer needs a copy of my lease", "intent": "document_request"}
{"text": "the visa office needs a rental agreement", "intent": "document_request"}
{"text": "I need the receipt for tax purposes", "intent": "document_request"}
{"text": "send me the payment history", "intent": "document_request"}
{"text": "can you share the floor plan", "intent": "document_request"}
{"text": "need the move-in checklist", "intent": "document_request"}
{"text": "please send the utility bills", "intent": "document_request"}
{"text": "where can I download my invoices", "intent": "document_request"}
{"text": "naomba risiti ya kodi", "intent": "document_request"}
{"text": "nitumie mkataba wangu", "intent": "document_request"}
{"text": "naomba barua ya uthibitisho wa makazi", "intent": "document_request"}
{"text": "envoyez-moi la quittance de loyer", "intent": "document_request"}
{"text": "j'ai besoin d'une copie du bail", "intent": "document_request"}
{"text": "pouvez-vous m'envoyer l'attestation de résidence", "intent": "document_request"}
{"text": "mwohereze inyemezabwishyu", "intent": "document_request"}
{"text": "nkeneye kopi y'amasezerano", "intent": "document_request"}
{"text": "receipt pls 🧾", "intent": "document_request"}
{"text": "i need a receipt", "intent": "document_request"}
{"text": "copy of lease", "intent": "document_request"}
{"text": "send invoice for april", "intent": "document_request"}
{"text": "statement for the year please", "intent": "document_request"}
{"text": "can you resend the contract, I can't open the file", "intent": "document_request"}
{"text": "the receipt has the wrong amount, please send a correct one", "intent": "document_request"}
{"text": "the invoice has my name spelled wrong", "intent": "document_request"}
{"text": "I need documents for my loan application", "intent": "document_request"}
{"text": "letter for school registration showing my address", "intent": "document_request"}
{"text": "send the deposit receipt", "intent": "document_request"}
{"text": "need the notice letter in writing", "intent": "document_request"}
{"text": "please send the inspection report", "intent": "document_request"}
{"text": "give me a written confirmation of the repair", "intent": "document_request"}
{"text": "can I get the title deed copy", "intent": "document_request"}
{"text": "send me the building's insurance certificate", "intent": "document_request"}
{"text": "where is the welcome pack", "intent": "document_request"}
{"text": "the handover report please", "intent": "document_request"}
{"text": "I need a landlord's letter for the embassy", "intent": "document_request"}
{"text": "send the quote for the repairs", "intent": "document_request"}
{"text": "can I get my tenancy certificate", "intent": "document_request"}
{"text": "documents needed for my bank account opening", "intent": "document_request"}
{"text": "please share the electricity bill for last month", "intent": "document_request"}
{"text": "I need the signed notice of termination", "intent": "document_request"}
{"text": "e-receipt please", "intent": "document_request"}
{"text": "send all my receipts to my email", "intent": "document_request"}
{"text": "please send me my receipt", "intent": "document_request"}
{"text": "I need a receipt for the rent I paid", "intent": "document_request"}
{"text": "can I get a copy of the lease agreement", "intent": "document_request"}
{"text": "send me the contract", "intent": "document_request"}
{"text": "I need a letter confirming my tenancy", "intent": "document_request"}
{"text": "please email me the invoice", "intent": "document_request"}
{"text": "envoyez-moi le reçu", "intent": "document_request"}
{"text": "j'ai besoin du contrat de bail", "intent": "document_request"}
{"text": "envoyez-moi une copie du contrat", "intent": "document_request"}
{"text": "naomba risiti", "intent": "document_request"}
{"text": "nitumie risiti ya malipo", "intent": "document_request"}
{"text": "naomba nakala ya mkataba", "intent": "document_request"}
{"text": "nkeneye inyemezabwishyu", "intent": "document_request"}
{"text": "mwoherereze kopi y'amasezerano", "intent": "document_request"}
{"text": "nkeneye urwandiko rwemeza ko mbamo", "intent": "document_request"}
{"text": "send me the receipt on whatsapp", "intent": "document_request"}
{"text": "I need a copy of my receipt", "intent": "document_request"}
{"text": "receipt for the deposit please", "intent": "document_request"}
{"text": "I need my lease document", "intent": "document_request"}
{"text": "please share a copy of the tenancy agreement", "intent": "document_request"}
{"text": "أرجو إرسال صورة من العقد", "intent": "document_request"}
{"text": "أحتاج إيصال الإيجار للشهر الماضي", "intent": "document_request"}
{"text": "ممكن شهادة سكن باسمي؟", "intent": "document_request"}
{"text": "أبغى نسخة من الفاتورة", "intent": "document_request"}
{"text": "ارسلي كشف حساب الإيجار", "intent": "document_request"}
{"text": "momkin tsiftli l contrat f pdf?", "intent": "document_request"}
{"text": "bghit reçu dial lkra dial chhar li fat", "intent": "document_request"}
{"text": "ab3atly nos5a mn el 3a2d", "intent": "document_request"}
{"text": "j'ai besoin d'une quittance de loyer", "intent": "document_request"}
{"text": "envoyez-moi une attestation de résidence svp", "intent": "document_request"}
{"text": "je voudrais une copie de l'état des lieux", "intent": "document_request"}
{"text": "naomba risiti ya kodi ya mwezi uliopita", "intent": "document_request"}
{"text": "nitumie mkataba kwa email", "intent": "document_request"}
{"text": "nahitaji barua ya uthibitisho wa makazi", "intent": "document_request"}
{"text": "nkeneye inyemezabwishyu y'ubukode", "intent": "document_request"}
{"text": "mwanyoherereza amasezerano kuri email?", "intent": "document_request"}
{"text": "nkeneye icyemezo cy'aho ntuye", "intent": "document_request"}
{"text": "محتاج عقد الإيجار مختوم", "intent": "document_request"}
{"text": "ابعتلي الإيصال على الواتس", "intent": "document_request"}
{"text": "أريد خطاب من المالك للبنك", "intent": "document_request"}
{"text": "ممكن نسخة من تقرير الاستلام؟", "intent": "document_request"}
{"text": "أرسل لي فاتورة الكهرباء", "intent": "document_request"}
{"text": "ba3atli el wasl please", "intent": "document_request"}
{"text": "bghit chahada dial sokna", "intent": "document_request"}
{"text": "can I talk to a human", "intent": "talk_to_agent"}
{"text": "I want to speak to an agent", "intent": "talk_to_agent"}
{"text": "let me talk to a real person", "intent": "talk_to_agent"}
{"text": "connect me to the property manager", "intent": "talk_to_agent"}
{"text": "call me please", "intent": "talk_to_agent"}
{"text": "can someone call me back", "intent": "talk_to_agent"}
{"text": "I need to speak to the landlord", "intent": "talk_to_agent"}
{"text": "agent please", "intent": "talk_to_agent"}
{"text": "human please 🙏", "intent": "talk_to_agent"}
{"text": "stop the bot, I want a person", "intent": "talk_to_agent"}
{"text": "are you a robot? I want a real person", "intent": "talk_to_agent"}
{"text": "put me through to customer service", "intent": "talk_to_agent"}
{"text": "who can I call", "intent": "talk_to_agent"}
{"text": "give me the phone number of the manager", "intent": "talk_to_agent"}
{"text": "I want to talk to someone in the office", "intent": "talk_to_agent"}
{"text": "can the caretaker call me", "intent": "talk_to_agent"}
{"text": "transfer me to support", "intent": "talk_to_agent"}
{"text": "I'd rather speak to someone directly", "intent": "talk_to_agent"}
{"text": "please have someone contact me", "intent": "talk_to_agent"}
{"text": "talk to agent", "intent": "talk_to_agent"}
{"text": "representative", "intent": "talk_to_agent"}
{"text": "operator", "intent": "talk_to_agent"}
{"text": "speak to a human being", "intent": "talk_to_agent"}
{"text": "nataka kuongea na mtu", "intent": "talk_to_agent"}
{"text": "nipigie simu", "intent": "talk_to_agent"}
{"text": "naomba kuongea na wakala", "intent": "talk_to_agent"}
{"text": "je veux parler à un agent", "intent": "talk_to_agent"}
{"text": "appelez-moi s'il vous plaît", "intent": "talk_to_agent"}
{"text": "passez-moi le gérant", "intent": "talk_to_agent"}
{"text": "ndashaka kuvugana n'umuntu", "intent": "talk_to_agent"}
{"text": "mumpamagare", "intent": "talk_to_agent"}
{"text": "nshaka kuvugana na nyiri inzu", "intent": "talk_to_agent"}
{"text": "your bot doesn't understand me, get me a person", "intent": "talk_to_agent"}
{"text": "this is not helping, human agent now", "intent": "talk_to_agent"}
{"text": "I have a complicated issue, need to talk to staff", "intent": "talk_to_agent"}
{"text": "can I meet the manager in person", "intent": "talk_to_agent"}
{"text": "what's the office number", "intent": "talk_to_agent"}
{"text": "is there someone I can whatsapp directly", "intent": "talk_to_agent"}
{"text": "please escalate to your supervisor", "intent": "talk_to_agent"}
{"text": "I want to speak to the owner", "intent": "talk_to_agent"}
{"text": "can the agent who showed me the house call me", "intent": "talk_to_agent"}
{"text": "connect me with sales", "intent": "talk_to_agent"}
{"text": "talk to leasing team", "intent": "talk_to_agent"}
{"text": "get me someone from accounts", "intent": "talk_to_agent"}
{"text": "I need a live agent", "intent": "talk_to_agent"}
{"text": "real human please", "intent": "talk_to_agent"}
{"text": "chat with a person", "intent": "talk_to_agent"}
{"text": "call back on this number", "intent": "talk_to_agent"}
{"text": "ring me when you're free", "intent": "talk_to_agent"}
{"text": "can I have the agent's contact", "intent": "talk_to_agent"}
{"text": "pass this to a human", "intent": "talk_to_agent"}
{"text": "can i speak to someone", "intent": "talk_to_agent"}
{"text": "not a bot please", "intent": "talk_to_agent"}
{"text": "can you call me in 5 min", "intent": "talk_to_agent"}
{"text": "let me speak with Jean the agent", "intent": "talk_to_agent"}
{"text": "who is in charge, I want to talk to them", "intent": "talk_to_agent"}
{"text": "speak to management", "intent": "talk_to_agent"}
{"text": "I want an agent to handle this", "intent": "talk_to_agent"}
{"text": "I'd like a phone call instead", "intent": "talk_to_agent"}
{"text": "please ask the manager to phone me", "intent": "talk_to_agent"}
{"text": "I need to reach your office by phone", "intent": "talk_to_agent"}
{"text": "naomba mtu wa ofisi anipigie", "intent": "talk_to_agent"}
{"text": "I want to talk to someone", "intent": "talk_to_agent"}
{"text": "can I talk to the agent", "intent": "talk_to_agent"}
{"text": "please connect me to an agent", "intent": "talk_to_agent"}
{"text": "I need to speak with the manager", "intent": "talk_to_agent"}
{"text": "call me back please", "intent": "talk_to_agent"}
{"text": "can somebody call me", "intent": "talk_to_agent"}
{"text": "je veux parler à quelqu'un", "intent": "talk_to_agent"}
{"text": "je voudrais parler au gérant", "intent": "talk_to_agent"}
{"text": "pouvez-vous m'appeler", "intent": "talk_to_agent"}
{"text": "nataka kuongea na meneja", "intent": "talk_to_agent"}
{"text": "naomba unipigie", "intent": "talk_to_agent"}
{"text": "niunganishe na wakala", "intent": "talk_to_agent"}
{"text": "ndashaka kuvugana n'umukozi", "intent": "talk_to_agent"}
{"text": "mwampamagara", "intent": "talk_to_agent"}
{"text": "ndashaka kuvugana na manager", "intent": "talk_to_agent"}
{"text": "I want to speak to a person not a bot", "intent": "talk_to_agent"}
{"text": "get me an agent", "intent": "talk_to_agent"}
{"text": "I need the agent to call me", "intent": "talk_to_agent"}
{"text": "please let me talk to the manager", "intent": "talk_to_agent"}
{"text": "can a person call me today", "intent": "talk_to_agent"}
{"text": "أبي أكلم شخص حقيقي", "intent": "talk_to_agent"}
{"text": "ممكن رقم المسؤول أو الوكيل؟", "intent": "talk_to_agent"}
{"text": "حولني على خدمة العملاء", "intent": "talk_to_agent"}
{"text": "اتصلوا علي لو سمحتم", "intent": "talk_to_agent"}
{"text": "أريد التكلم مع المدير", "intent": "talk_to_agent"}
{"text": "bghit nhder m3a chi insan machi robot", "intent": "talk_to_agent"}
{"text": "3awz akalem el modir", "intent": "talk_to_agent"}
{"text": "3ayto 3liya 3afak", "intent": "talk_to_agent"}
{"text": "je peux parler à un agent s'il vous plaît ?", "intent": "talk_to_agent"}
{"text": "appelez-moi svp, c'est urgent", "intent": "talk_to_agent"}
{"text": "naomba kuongea na meneja", "intent": "talk_to_agent"}
{"text": "nipigie simu tafadhali", "intent": "talk_to_agent"}
{"text": "nahitaji kuzungumza na wakala", "intent": "talk_to_agent"}
{"text": "mwampamagara kuri telefoni?", "intent": "talk_to_agent"}
{"text": "nshaka umuntu nyawe, atari robot", "intent": "talk_to_agent"}
{"text": "بدي احكي مع حدا من المكتب", "intent": "talk_to_agent"}
{"text": "عايز اكلم حد من الشركة", "intent": "talk_to_agent"}
{"text": "ممكن موظف يتصل فيني؟", "intent": "talk_to_agent"}
{"text": "أعطني رقم مالك العقار", "intent": "talk_to_agent"}
{"text": "ما أبي أتكلم مع بوت", "intent": "talk_to_agent"}
{"text": "badi ehki ma3 7ada", "intent": "talk_to_agent"}
{"text": "3tini numero dial lmoudir", "intent": "talk_to_agent"}
{"text": "where is the apartment located", "intent": "location_directions"}
{"text": "send me the location", "intent": "location_directions"}
{"text": "what's the address", "intent": "location_directions"}
{"text": "how do I get to the house", "intent": "location_directions"}
{"text": "share the google maps pin please", "intent": "location_directions"}
{"text": "location?", "intent": "location_directions"}
{"text": "drop a pin 📍", "intent": "location_directions"}
{"text": "which area is the house in", "intent": "location_directions"}
{"text": "is it near the main road", "intent": "location_directions"}
{"text": "how far is it from town", "intent": "location_directions"}
{"text": "how do I get there by moto", "intent": "location_directions"}
{"text": "which bus stops near the house", "intent": "location_directions"}
{"text": "directions to the office please", "intent": "location_directions"}
{"text": "where is your office", "intent": "location_directions"}
{"text": "I'm lost, how do I find the building", "intent": "location_directions"}
{"text": "what's the nearest landmark", "intent": "location_directions"}
{"text": "is it close to a supermarket", "intent": "location_directions"}
{"text": "how far is the school from the apartment", "intent": "location_directions"}
{"text": "is the house near the airport", "intent": "location_directions"}
{"text": "what street is it on", "intent": "location_directions"}
{"text": "which floor is the unit on", "intent": "location_directions"}
{"text": "where do I park when I arrive", "intent": "location_directions"}
{"text": "I'm at the petrol station, where next", "intent": "location_directions"}
{"text": "iko wapi nyumba", "intent": "location_directions"}
{"text": "nyumba iko wapi hasa", "intent": "location_directions"}
{"text": "nitumie location", "intent": "location_directions"}
{"text": "mahali ni wapi", "intent": "location_directions"}
{"text": "où se trouve l'appartement", "intent": "location_directions"}
{"text": "envoyez-moi la localisation", "intent": "location_directions"}
{"text": "c'est où exactement", "intent": "location_directions"}
{"text": "inzu iherereye he", "intent": "location_directions"}
{"text": "munyoherereze aho iherereye", "intent": "location_directions"}
{"text": "ni hehe", "intent": "location_directions"}
{"text": "what neighbourhood is it in", "intent": "location_directions"}
{"text": "send live location", "intent": "location_directions"}
{"text": "how many minutes walk to the bus stop", "intent": "location_directions"}
{"text": "is it in Kimironko or Remera", "intent": "location_directions"}
{"text": "how do I get to your office from Nyabugogo", "intent": "location_directions"}
{"text": "near which church is it", "intent": "location_directions"}
{"text": "the taxi driver can't find the place", "intent": "location_directions"}
{"text": "which gate do I use", "intent": "location_directions"}
{"text": "what's the plot number", "intent": "location_directions"}
{"text": "give me directions from the city centre", "intent": "location_directions"}
{"text": "is there public transport nearby", "intent": "location_directions"}
{"text": "how far is the hospital", "intent": "location_directions"}
{"text": "where exactly in Kilimani", "intent": "location_directions"}
{"text": "I need the exact location for the delivery guy", "intent": "location_directions"}
{"text": "distance to the CBD?", "intent": "location_directions"}
{"text": "where is block B", "intent": "location_directions"}
{"text": "can you share the location on whatsapp", "intent": "location_directions"}
{"text": "coordinates please", "intent": "location_directions"}
{"text": "which road do I take", "intent": "location_directions"}
{"text": "I'm outside, which house is it", "intent": "location_directions"}
{"text": "are you near the mosque", "intent": "location_directions"}
{"text": "is it walking distance to the university", "intent": "location_directions"}
{"text": "what town is the property in", "intent": "location_directions"}
{"text": "the address on the website is wrong, where is it", "intent": "location_directions"}
{"text": "turn left or right after the roundabout?", "intent": "location_directions"}
{"text": "where is the house on the map", "intent": "location_directions"}
{"text": "how do I get to the apartment from the bus park", "intent": "location_directions"}
{"text": "location ya nyumba tafadhali", "intent": "location_directions"}
{"text": "adresse exacte svp", "intent": "location_directions"}
{"text": "where is the house", "intent": "location_directions"}
{"text": "where is the apartment", "intent": "location_directions"}
{"text": "what is the location of the house", "intent": "location_directions"}
{"text": "send me the location of the apartment", "intent": "location_directions"}
{"text": "how can I get to the apartment", "intent": "location_directions"}
{"text": "please share the address", "intent": "location_directions"}
{"text": "où est la maison", "intent": "location_directions"}
{"text": "quelle est l'adresse", "intent": "location_directions"}
{"text": "comment arriver à l'appartement", "intent": "location_directions"}
{"text": "nyumba iko wapi", "intent": "location_directions"}
{"text": "ofisi yenu iko wapi", "intent": "location_directions"}
{"text": "nitumie anwani", "intent": "location_directions"}
{"text": "naweza kufika vipi", "intent": "location_directions"}
{"text": "inzu iri he", "intent": "location_directions"}
{"text": "ibiro byanyu biri he", "intent": "location_directions"}
{"text": "munyoherereze location", "intent": "location_directions"}
{"text": "nagera gute ku nzu", "intent": "location_directions"}
{"text": "where is the office located", "intent": "location_directions"}
{"text": "how do I find the apartment", "intent": "location_directions"}
{"text": "send me the address and a map pin", "intent": "location_directions"}
{"text": "وين مكان العمارة؟", "intent": "location_directions"}
{"text": "ارسل لي اللوكيشن لو سمحت", "intent": "location_directions"}
{"text": "كيف أوصل للشقة من الشارع الرئيسي؟", "intent": "location_directions"}
{"text": "ما هو العنوان بالتفصيل", "intent": "location_directions"}
{"text": "في أي حي تقع الفيلا؟", "intent": "location_directions"}
{"text": "sift liya l location 3afak", "intent": "location_directions"}
{"text": "fin jat l3imara bdbt?", "intent": "location_directions"}
{"text": "el 3enwan fein bezabt?", "intent": "location_directions"}
{"text": "où se trouve l'appartement exactement ?", "intent": "location_directions"}
{"text": "envoyez-moi la localisation sur WhatsApp", "intent": "location_directions"}
{"text": "comment aller à la maison depuis le centre-ville ?", "intent": "location_directions"}
{"text": "nyumba iko mtaa gani?", "intent": "location_directions"}
{"text": "nitumie ramani ya kufika huko", "intent": "location_directions"}
{"text": "nifikeje vipi kwenye jengo?", "intent": "location_directions"}
{"text": "inzu iri he?", "intent": "location_directions"}
{"text": "nyoherereza location y'inzu", "intent": "location_directions"}
{"text": "nagera nte kuri iyo nzu?", "intent": "location_directions"}
{"text": "وين الشقة بالضبط؟", "intent": "location_directions"}
{"text": "فين العمارة؟ ابعتلي اللوكيشن", "intent": "location_directions"}
{"text": "كم تبعد الشقة عن المترو؟", "intent": "location_directions"}
{"text": "شو أقرب معلم للبناية؟", "intent": "location_directions"}
{"text": "صف لي الطريق إلى العقار", "intent": "location_directions"}
{"text": "wein el beit bezzabt?", "intent": "location_directions"}
{"text": "kifach nwsl l dar?", "intent": "location_directions"}
{"text": "hello", "intent": "greeting"}
{"text": "hi", "intent": "greeting"}
{"text": "hey", "intent": "greeting"}
{"text": "hi there", "intent": "greeting"}
{"text": "good morning", "intent": "greeting"}
{"text": "good afternoon", "intent": "greeting"}
{"text": "good evening", "intent": "greeting"}
{"text": "hello 👋", "intent": "greeting"}
{"text": "hey hey", "intent": "greeting"}
{"text": "heyy", "intent": "greeting"}
{"text": "helloooo", "intent": "greeting"}
{"text": "yo", "intent": "greeting"}
{"text": "hi team", "intent": "greeting"}
{"text": "morning!", "intent": "greeting"}
{"text": "hello, anyone there?", "intent": "greeting"}
{"text": "hi, is this the property office?", "intent": "greeting"}
{"text": "hi how are you", "intent": "greeting"}
{"text": "hello sir", "intent": "greeting"}
{"text": "hello madam", "intent": "greeting"}
{"text": "greetings", "intent": "greeting"}
{"text": "salam", "intent": "greeting"}
{"text": "salaam aleikum", "intent": "greeting"}
{"text": "assalamu alaikum", "intent": "greeting"}
{"text": "as-salamu alaykum 🙏", "intent": "greeting"}
{"text": "habari", "intent": "greeting"}
{"text": "habari yako", "intent": "greeting"}
{"text": "mambo", "intent": "greeting"}
{"text": "jambo", "intent": "greeting"}
{"text": "sasa", "intent": "greeting"}
{"text": "niaje", "intent": "greeting"}
{"text": "bonjour", "intent": "greeting"}
{"text": "bonsoir", "intent": "greeting"}
{"text": "salut", "intent": "greeting"}
{"text": "coucou", "intent": "greeting"}
{"text": "bonjour monsieur", "intent": "greeting"}
{"text": "muraho", "intent": "greeting"}
{"text": "mwaramutse", "intent": "greeting"}
{"text": "mwiriwe", "intent": "greeting"}
{"text": "amakuru", "intent": "greeting"}
{"text": "bite", "intent": "greeting"}
{"text": "hello good people", "intent": "greeting"}
{"text": "good morning, hope you're well", "intent": "greeting"}
{"text": "hi 😊", "intent": "greeting"}
{"text": "hey there!", "intent": "greeting"}
{"text": "hellow", "intent": "greeting"}
{"text": "hii", "intent": "greeting"}
{"text": "helo", "intent": "greeting"}
{"text": "gud morning", "intent": "greeting"}
{"text": "gm", "intent": "greeting"}
{"text": "hi again", "intent": "greeting"}
{"text": "hello it's me again", "intent": "greeting"}
{"text": "hello this is Aline from apartment 2", "intent": "greeting"}
{"text": "hi I'm a new tenant", "intent": "greeting"}
{"text": "hey, quick question", "intent": "greeting"}
{"text": "hello, I have a question", "intent": "greeting"}
{"text": "good day", "intent": "greeting"}
{"text": "howdy", "intent": "greeting"}
{"text": "shalom", "intent": "greeting"}
{"text": "hola", "intent": "greeting"}
{"text": "what's up", "intent": "greeting"}
{"text": "sup", "intent": "greeting"}
{"text": "hello there", "intent": "greeting"}
{"text": "hi good morning", "intent": "greeting"}
{"text": "hey how are you doing", "intent": "greeting"}
{"text": "good morning sir", "intent": "greeting"}
{"text": "hello, good afternoon", "intent": "greeting"}
{"text": "bonjour à vous", "intent": "greeting"}
{"text": "salut ça va", "intent": "greeting"}
{"text": "bonjour madame", "intent": "greeting"}
{"text": "habari za asubuhi", "intent": "greeting"}
{"text": "habari za mchana", "intent": "greeting"}
{"text": "hujambo", "intent": "greeting"}
{"text": "mambo vipi", "intent": "greeting"}
{"text": "muraho neza", "intent": "greeting"}
{"text": "mwaramutse neza", "intent": "greeting"}
{"text": "amakuru yanyu", "intent": "greeting"}
{"text": "salam alaykum", "intent": "greeting"}
{"text": "salaam brother", "intent": "greeting"}
{"text": "hi hi", "intent": "greeting"}
{"text": "hello hello", "intent": "greeting"}
{"text": "heyyy 👋", "intent": "greeting"}
{"text": "السلام عليكم", "intent": "greeting"}
{"text": "مساء الخير", "intent": "greeting"}
{"text": "أهلا، كيف الحال؟", "intent": "greeting"}
{"text": "هلا والله", "intent": "greeting"}
{"text": "صباح النور", "intent": "greeting"}
{"text": "salam 3alaykom", "intent": "greeting"}
{"text": "ahlan, ezayak?", "intent": "greeting"}
{"text": "sba7 lkhir", "intent": "greeting"}
{"text": "salut, ça va ?", "intent": "greeting"}
{"text": "shikamoo", "intent": "greeting"}
{"text": "amakuru yanyu?", "intent": "greeting"}
{"text": "مرحبا", "intent": "greeting"}
{"text": "هلا، مساء الخير", "intent": "greeting"}
{"text": "صباح الخير يا أستاذ", "intent": "greeting"}
{"text": "أهلين", "intent": "greeting"}
{"text": "السلام عليكم ورحمة الله", "intent": "greeting"}
{"text": "marhaba", "intent": "greeting"}
{"text": "salamo 3alaykom", "intent": "greeting"}
{"text": "thank you", "intent": "thanks"}
{"text": "thanks", "intent": "thanks"}
{"text": "thanks a lot", "intent": "thanks"}
{"text": "thank you so much", "intent": "thanks"}
{"text": "thx", "intent": "thanks"}
{"text": "tnx", "intent": "thanks"}
{"text": "ty", "intent": "thanks"}
{"text": "many thanks", "intent": "thanks"}
{"text": "thanks for your help", "intent": "thanks"}
{"text": "thank you, that was quick", "intent": "thanks"}
{"text": "appreciate it", "intent": "thanks"}
{"text": "much appreciated", "intent": "thanks"}
{"text": "great, thanks!", "intent": "thanks"}
{"text": "ok thank you", "intent": "thanks"}
{"text": "okay thanks 👍", "intent": "thanks"}
{"text": "thanks 🙏", "intent": "thanks"}
{"text": "cheers", "intent": "thanks"}
{"text": "perfect thank you", "intent": "thanks"}
{"text": "thanks, problem solved", "intent": "thanks"}
{"text": "thank you for fixing the sink", "intent": "thanks"}
{"text": "thanks for the quick response", "intent": "thanks"}
{"text": "asante", "intent": "thanks"}
{"text": "asante sana", "intent": "thanks"}
{"text": "asante kwa msaada", "intent": "thanks"}
{"text": "nashukuru", "intent": "thanks"}
{"text": "shukran", "intent": "thanks"}
{"text": "shukran jazeelan", "intent": "thanks"}
{"text": "jazakallah khair", "intent": "thanks"}
{"text": "merci", "intent": "thanks"}
{"text": "merci beaucoup", "intent": "thanks"}
{"text": "merci pour votre aide", "intent": "thanks"}
{"text": "murakoze", "intent": "thanks"}
{"text": "murakoze cyane", "intent": "thanks"}
{"text": "murakoze ku bufasha", "intent": "thanks"}
{"text": "urakoze", "intent": "thanks"}
{"text": "thanks bro", "intent": "thanks"}
{"text": "thank u", "intent": "thanks"}
{"text": "thank youuu", "intent": "thanks"}
{"text": "tysm", "intent": "thanks"}
{"text": "thanks a million", "intent": "thanks"}
{"text": "awesome thanks", "intent": "thanks"}
{"text": "noted, thank you", "intent": "thanks"}
{"text": "got it, thanks", "intent": "thanks"}
{"text": "received, thank you", "intent": "thanks"}
{"text": "thanks for the receipt", "intent": "thanks"}
{"text": "you're the best, thanks", "intent": "thanks"}
{"text": "God bless you, thank you", "intent": "thanks"}
{"text": "thank you for your patience", "intent": "thanks"}
{"text": "much obliged", "intent": "thanks"}
{"text": "that's very kind, thanks", "intent": "thanks"}
{"text": "thanks for letting me know", "intent": "thanks"}
{"text": "ok merci", "intent": "thanks"}
{"text": "asante boss", "intent": "thanks"}
{"text": "big thanks", "intent": "thanks"}
{"text": "grateful 🙏", "intent": "thanks"}
{"text": "i appreciate your help", "intent": "thanks"}
{"text": "thank you so so much", "intent": "thanks"}
{"text": "thanks for the update", "intent": "thanks"}
{"text": "nice one, thanks", "intent": "thanks"}
{"text": "thank you for the viewing today", "intent": "thanks"}
{"text": "thank you very much", "intent": "thanks"}
{"text": "thanks so much", "intent": "thanks"}
{"text": "thank you for the help", "intent": "thanks"}
{"text": "thanks for everything", "intent": "thanks"}
{"text": "thanks a bunch", "intent": "thanks"}
{"text": "merci bien", "intent": "thanks"}
{"text": "merci infiniment", "intent": "thanks"}
{"text": "merci à vous", "intent": "thanks"}
{"text": "asante kwa kunisaidia", "intent": "thanks"}
{"text": "asante sana kwa msaada wako", "intent": "thanks"}
{"text": "nashukuru sana", "intent": "thanks"}
{"text": "murakoze kunfasha", "intent": "thanks"}
{"text": "murakoze neza", "intent": "thanks"}
{"text": "ndabashimiye", "intent": "thanks"}
{"text": "shukran habibi", "intent": "thanks"}
{"text": "shukran jazilan", "intent": "thanks"}
{"text": "ok thanks a lot", "intent": "thanks"}
{"text": "thanks you're great", "intent": "thanks"}
{"text": "thank you sir", "intent": "thanks"}
{"text": "thank you madam", "intent": "thanks"}
{"text": "شكرا لك", "intent": "thanks"}
{"text": "الله يعطيك العافية", "intent": "thanks"}
{"text": "مشكور على المساعدة", "intent": "thanks"}
{"text": "جزاك الله خير", "intent": "thanks"}
{"text": "شكرا، وصلت", "intent": "thanks"}
{"text": "choukran 3la lmosa3ada", "intent": "thanks"}
{"text": "shokran gazilan", "intent": "thanks"}
{"text": "baraka allahou fik", "intent": "thanks"}
{"text": "je vous remercie pour votre réponse rapide", "intent": "thanks"}
{"text": "c'est gentil, merci", "intent": "thanks"}
{"text": "ahsante sana ndugu", "intent": "thanks"}
{"text": "nashukuru kwa jibu", "intent": "thanks"}
{"text": "murakoze kunsubiza vuba", "intent": "thanks"}
{"text": "ndabashimiye cyane", "intent": "thanks"}
{"text": "urakoze kumfasha", "intent": "thanks"}
{"text": "يعطيك العافية، مشكور", "intent": "thanks"}
{"text": "ألف شكر", "intent": "thanks"}
{"text": "متشكر جدا", "intent": "thanks"}
{"text": "تسلم إيدك", "intent": "thanks"}
{"text": "شكرا على الرد السريع", "intent": "thanks"}
{"text": "merci ktir", "intent": "thanks"}
{"text": "teslam", "intent": "thanks"}
{"text": "bye", "intent": "goodbye"}
{"text": "goodbye", "intent": "goodbye"}
{"text": "bye bye", "intent": "goodbye"}
{"text": "see you", "intent": "goodbye"}
{"text": "see you later", "intent": "goodbye"}
{"text": "talk later", "intent": "goodbye"}
{"text": "have a nice day", "intent": "goodbye"}
{"text": "good night", "intent": "goodbye"}
{"text": "take care", "intent": "goodbye"}
{"text": "ciao", "intent": "goodbye"}
{"text": "bye 👋", "intent": "goodbye"}
{"text": "that's all, bye", "intent": "goodbye"}
{"text": "ok bye", "intent": "goodbye"}
{"text": "nothing else, bye", "intent": "goodbye"}
{"text": "that will be all", "intent": "goodbye"}
{"text": "I'm done", "intent": "goodbye"}
{"text": "we're done here", "intent": "goodbye"}
{"text": "later", "intent": "goodbye"}
{"text": "catch you later", "intent": "goodbye"}
{"text": "until next time", "intent": "goodbye"}
{"text": "have a good evening", "intent": "goodbye"}
{"text": "have a blessed day", "intent": "goodbye"}
{"text": "good night and thanks", "intent": "thanks"}
{"text": "kwaheri", "intent": "goodbye"}
{"text": "tutaonana", "intent": "goodbye"}
{"text": "usiku mwema", "intent": "goodbye"}
{"text": "siku njema", "intent": "goodbye"}
{"text": "au revoir", "intent": "goodbye"}
{"text": "à bientôt", "intent": "goodbye"}
{"text": "bonne journée", "intent": "goodbye"}
{"text": "bonne nuit", "intent": "goodbye"}
{"text": "salut, à plus", "intent": "goodbye"}
{"text": "murabeho", "intent": "goodbye"}
{"text": "mugire amahoro", "intent": "goodbye"}
{"text": "ijoro ryiza", "intent": "goodbye"}
{"text": "tuzongera tuvugane", "intent": "goodbye"}
{"text": "bye for now", "intent": "goodbye"}
{"text": "gotta go", "intent": "goodbye"}
{"text": "I have to go now", "intent": "goodbye"}
{"text": "that's everything, bye", "intent": "goodbye"}
{"text": "no more questions, bye", "intent": "goodbye"}
{"text": "ok see you tomorrow", "intent": "goodbye"}
{"text": "see u", "intent": "goodbye"}
{"text": "cya", "intent": "goodbye"}
{"text": "ttyl", "intent": "goodbye"}
{"text": "peace out", "intent": "goodbye"}
{"text": "bye take care", "intent": "goodbye"}
{"text": "have a great weekend", "intent": "goodbye"}
{"text": "enjoy your day", "intent": "goodbye"}
{"text": "goodnight 🌙", "intent": "goodbye"}
{"text": "alright bye", "intent": "goodbye"}
{"text": "ok that's it", "intent": "goodbye"}
{"text": "end chat", "intent": "goodbye"}
{"text": "stop", "intent": "goodbye"}
{"text": "we'll talk tomorrow", "intent": "goodbye"}
{"text": "ma'a salama", "intent": "goodbye"}
{"text": "fi amanillah", "intent": "goodbye"}
{"text": "see you at the viewing, bye", "intent": "goodbye"}
{"text": "farewell", "intent": "goodbye"}
{"text": "ok cool bye", "intent": "goodbye"}
{"text": "goodbye and have a nice day", "intent": "goodbye"}
{"text": "ok goodbye", "intent": "goodbye"}
{"text": "bye see you soon", "intent": "goodbye"}
{"text": "see you later, bye", "intent": "goodbye"}
{"text": "good night, talk tomorrow", "intent": "goodbye"}
{"text": "au revoir et merci", "intent": "thanks"}
{"text": "à demain", "intent": "goodbye"}
{"text": "bonne soirée", "intent": "goodbye"}
{"text": "kwaheri ya kuonana", "intent": "goodbye"}
{"text": "tutaonana kesho", "intent": "goodbye"}
{"text": "kwaheri sana", "intent": "goodbye"}
{"text": "murabeho neza", "intent": "goodbye"}
{"text": "tuzabonana ejo", "intent": "goodbye"}
{"text": "mwirirwe neza", "intent": "goodbye"}
{"text": "ma salama", "intent": "goodbye"}
{"text": "salam, bye", "intent": "goodbye"}
{"text": "bye now", "intent": "goodbye"}
{"text": "ok see you", "intent": "goodbye"}
{"text": "have a nice evening", "intent": "goodbye"}
{"text": "talk to you later", "intent": "goodbye"}
{"text": "مع السلامة", "intent": "goodbye"}
{"text": "إلى اللقاء", "intent": "goodbye"}
{"text": "نتكلم بكرة، باي", "intent": "goodbye"}
{"text": "في أمان الله", "intent": "goodbye"}
{"text": "تصبح على خير", "intent": "goodbye"}
{"text": "bslama, hta ghda", "intent": "goodbye"}
{"text": "ma3a salama", "intent": "goodbye"}
{"text": "yalla bye, netkalem ba3den", "intent": "goodbye"}
{"text": "bonne journée, au revoir", "intent": "goodbye"}
{"text": "salut, à plus tard", "intent": "goodbye"}
{"text": "baadaye", "intent": "goodbye"}
{"text": "usiku mwema, kwaheri", "intent": "goodbye"}
{"text": "mugire umunsi mwiza", "intent": "goodbye"}
{"text": "turongera tuvugane", "intent": "goodbye"}
{"text": "ni aho ubutaha", "intent": "goodbye"}
{"text": "باي", "intent": "goodbye"}
{"text": "أشوفك بكرة", "intent": "goodbye"}
{"text": "الله معك", "intent": "goodbye"}
{"text": "سلام، نتواصل لاحقا", "intent": "goodbye"}
{"text": "ليلة سعيدة", "intent": "goodbye"}
{"text": "bye, ashoufak bokra", "intent": "goodbye"}
{"text": "yalla salam", "intent": "goodbye"}
{"text": "what's the weather like today", "intent": "other"}
{"text": "will it rain tomorrow", "intent": "other"}
{"text": "who won the football match yesterday", "intent": "other"}
{"text": "did Arsenal win", "intent": "other"}
{"text": "tell me a joke", "intent": "other"}
{"text": "what's the capital of France", "intent": "other"}
{"text": "how old are you", "intent": "other"}
{"text": "what is the meaning of life", "intent": "other"}
{"text": "can you recommend a good restaurant", "intent": "other"}
{"text": "what time is it in New York", "intent": "other"}
{"text": "who is the president of Kenya", "intent": "other"}
{"text": "what's 2 + 2", "intent": "other"}
{"text": "do you like music", "intent": "other"}
{"text": "sing me a song", "intent": "other"}
{"text": "what is bitcoin price", "intent": "other"}
{"text": "can you help me with my homework", "intent": "other"}
{"text": "translate hello to chinese", "intent": "other"}
{"text": "what's the best phone to buy", "intent": "other"}
{"text": "I'm bored", "intent": "other"}
{"text": "i love you", "intent": "other"}
{"text": "are you married", "intent": "other"}
{"text": "what's your name", "intent": "other"}
{"text": "who made you", "intent": "other"}
{"text": "recipe for chapati", "intent": "other"}
{"text": "how do I cook pilau", "intent": "other"}
{"text": "Man United vs Chelsea score?", "intent": "other"}
{"text": "APR FC game tonight?", "intent": "other"}
{"text": "the match was amazing yesterday", "intent": "other"}
{"text": "where can I buy airtime", "intent": "other"}
{"text": "how to lose weight fast", "intent": "other"}
{"text": "what movies are showing this weekend", "intent": "other"}
{"text": "will Rayon Sports win the league", "intent": "other"}
{"text": "is it going to be sunny this weekend", "intent": "other"}
{"text": "hali ya hewa leo", "intent": "other"}
{"text": "mvua itanyesha kesho", "intent": "other"}
{"text": "nipe utani", "intent": "other"}
{"text": "il fait beau aujourd'hui", "intent": "other"}
{"text": "qui a gagné le match hier", "intent": "other"}
{"text": "raconte-moi une blague", "intent": "other"}
{"text": "ikirere kimeze gite uyu munsi", "intent": "other"}
{"text": "ninde watsinze umupira", "intent": "other"}
{"text": "how to make money online", "intent": "other"}
{"text": "can you lend me money", "intent": "other"}
{"text": "what's the exchange rate dollar to shilling", "intent": "other"}
{"text": "my phone is slow, how to fix", "intent": "other"}
{"text": "buy me lunch 😂", "intent": "other"}
{"text": "lol", "intent": "other"}
{"text": "haha", "intent": "other"}
{"text": "asdfghjkl", "intent": "other"}
{"text": "ok so what do you think about politics", "intent": "other"}
{"text": "who will win the elections", "intent": "other"}
{"text": "how far is the moon", "intent": "other"}
{"text": "send me memes", "intent": "other"}
{"text": "i need a girlfriend", "intent": "other"}
{"text": "what's a good name for my dog", "intent": "other"}
{"text": "the traffic is terrible today", "intent": "other"}
{"text": "my boss is annoying", "intent": "other"}
{"text": "I passed my exam!!", "intent": "other"}
{"text": "happy birthday to me 🎉", "intent": "other"}
{"text": "what day is it today", "intent": "other"}
{"text": "do you know any good gym nearby", "intent": "other"}
{"text": "can you book me a flight to Dubai", "intent": "other"}
{"text": "what is the weather today", "intent": "other"}
{"text": "will it rain this afternoon", "intent": "other"}
{"text": "who won the game last night", "intent": "other"}
{"text": "tell me a funny joke", "intent": "other"}
{"text": "what's the latest football news", "intent": "other"}
{"text": "can you tell me a story", "intent": "other"}
{"text": "what's the news today", "intent": "other"}
{"text": "how do I make pancakes", "intent": "other"}
{"text": "what is the best car to buy", "intent": "other"}
{"text": "where can I watch the champions league final", "intent": "other"}
{"text": "quel temps fait-il demain", "intent": "other"}
{"text": "qui va gagner la coupe du monde", "intent": "other"}
{"text": "hali ya hewa ikoje leo", "intent": "other"}
{"text": "nani alishinda mechi jana", "intent": "other"}
{"text": "niambie hadithi", "intent": "other"}
{"text": "ikirere kizaba kimeze gute ejo", "intent": "other"}
{"text": "umupira w'ejo hashize wagenze gute", "intent": "other"}
{"text": "mbwira urwenya", "intent": "other"}
{"text": "what's the score of the game", "intent": "other"}
{"text": "do you watch football", "intent": "other"}
{"text": "كيف الطقس اليوم؟", "intent": "other"}
{"text": "هل تعرف مطعم جيد قريب؟", "intent": "other"}
{"text": "من سيفوز بالدوري هذا الموسم", "intent": "other"}
{"text": "احكي لي نكتة", "intent": "other"}
{"text": "كم الساعة في دبي الآن", "intent": "other"}
{"text": "chno kayn f tv lyoum?", "intent": "other"}
{"text": "3andak chi blasa mzyana nakol fiha?", "intent": "other"}
{"text": "min kesb el match embare7?", "intent": "other"}
{"text": "tu connais une bonne recette de gâteau ?", "intent": "other"}
{"text": "qui a gagné le match hier soir ?", "intent": "other"}
{"text": "hali ya hewa itakuwaje kesho?", "intent": "other"}
{"text": "timu gani ilishinda jana?", "intent": "other"}
{"text": "ikirere kizaba kimeze gute ejo?", "intent": "other"}
{"text": "umbwire urwenya", "intent": "other"}
{"text": "ni iyihe filime nziza yasohotse?", "intent": "other"}
{"text": "هل شاهدت المباراة البارحة؟", "intent": "other"}
{"text": "ما رأيك في الفيلم الجديد", "intent": "other"}
{"text": "وين أحسن مكان للقهوة؟", "intent": "other"}
{"text": "هل تحب كرة القدم", "intent": "other"}
{"text": "كم درجة الحرارة اليوم في الرياض", "intent": "other"}
{"text": "شو رأيك بالأكل الهندي", "intent": "other"}
{"text": "ممكن تساعدني في واجب الرياضيات؟", "intent": "other"}
{"text": "وش أفضل جوال حاليا", "intent": "other"}
{"text": "chno rayk f l film jdid?", "intent": "other"}
{"text": "3andak chi nokta?", "intent": "other"}
{"text": "ok", "intent": "other"}
{"text": "okay", "intent": "other"}
{"text": "ok noted", "intent": "other"}
{"text": "noted", "intent": "other"}
{"text": "alright", "intent": "other"}
{"text": "sure", "intent": "other"}
{"text": "sawa", "intent": "other"}
{"text": "sawa sawa", "intent": "other"}
{"text": "d'accord", "intent": "other"}
{"text": "yego", "intent": "other"}
{"text": "ndabyumvise", "intent": "other"}
{"text": "wakha", "intent": "other"}
{"text": "تمام", "intent": "other"}
{"text": "طيب", "intent": "other"}
{"text": "👍", "intent": "other"}
{"text": "👌", "intent": "other"}
{"text": "ok 👍", "intent": "other"}
{"text": "oui", "intent": "other"}
{"text": "oui oui", "intent": "other"}
{"text": "non merci", "intent": "other"}
{"text": "d'accord", "intent": "other"}
{"text": "ndio", "intent": "other"}
{"text": "ndiyo", "intent": "other"}
{"text": "hapana", "intent": "other"}
{"text": "poa", "intent": "other"}
{"text": "poa poa", "intent": "other"}
{"text": "shwari", "intent": "other"}
{"text": "yego", "intent": "other"}
{"text": "oya", "intent": "other"}
{"text": "ni sawa", "intent": "other"}
{"text": "ni byiza cyane", "intent": "other"}
{"text": "نعم", "intent": "other"}
{"text": "لا", "intent": "other"}
{"text": "تمام", "intent": "other"}
{"text": "حاضر", "intent": "other"}
{"text": "aywa", "intent": "other"}
{"text": "la2", "intent": "other"}
{"text": "tamam", "intent": "other"}
{"text": "tamam ya basha", "intent": "other"}
{"text": "wakha", "intent": "other"}
{"text": "yep", "intent": "other"}
{"text": "nope", "intent": "other"}
{"text": "sure", "intent": "other"}
{"text": "alright", "intent": "other"}
{"text": "do you also sell land", "intent": "other"}
{"text": "do you sell furniture", "intent": "other"}
{"text": "are you hiring", "intent": "other"}
{"text": "can you fix my laptop", "intent": "other"}
{"text": "sorry, wrong number", "intent": "other"}
{"text": "oops that message was not for you", "intent": "other"}
{"text": "ignore my last message", "intent": "other"}
{"text": "message sent by mistake 🙈", "intent": "other"}
{"text": "no electricity in my apartment since morning", "intent": "maintenance_request"}
{"text": "the lights went off only in our unit", "intent": "maintenance_request"}
{"text": "my doorbell is not working", "intent": "maintenance_request"}
{"text": "the bathroom bulb has blown, can someone replace it", "intent": "maintenance_request"}
{"text": "le robinet de la salle de bain fuit", "intent": "maintenance_request"}
{"text": "l'ampoule du couloir est grillée", "intent": "maintenance_request"}
{"text": "la porte d'entrée ne ferme plus", "intent": "maintenance_request"}
{"text": "mlango wa chumba haufungi", "intent": "maintenance_request"}
{"text": "taa ya jikoni imeungua", "intent": "maintenance_request"}
{"text": "stima imekatika kwa nyumba yangu pekee", "intent": "maintenance_request"}
{"text": "urugi ntirufunga neza", "intent": "maintenance_request"}
{"text": "amatara yo mu nzu yazimye", "intent": "maintenance_request"}
{"text": "el ba2b mesh biy2fel", "intent": "maintenance_request"}
{"text": "el lamba et7ara2et", "intent": "maintenance_request"}
{"text": "الباب ما يسكر", "intent": "maintenance_request"}
{"text": "I'm at the bus stop, how do I get to the building from here?", "intent": "location_directions"}
{"text": "I've arrived at the gate, which block is it?", "intent": "location_directions"}
{"text": "niko hapa karibu na sheli, nielekeze", "intent": "location_directions"}
{"text": "nimefika stage, niende wapi?", "intent": "location_directions"}
{"text": "ndi hafi ya isoko, nyobora", "intent": "location_directions"}
{"text": "ngeze ku irembo, ninjire he?", "intent": "location_directions"}
{"text": "je suis devant la pharmacie, je vais où maintenant ?", "intent": "location_directions"}
{"text": "ana wasalt, a3mel eh dilwa2ty?", "intent": "location_directions"}
{"text": "ana 3and el mahatta, awsal ezay?", "intent": "location_directions"}
{"text": "وصلت عند البوابة، وين العمارة؟", "intent": "location_directions"}
{"text": "mnayo nyumba ya kuhamia mwezi ujao?", "intent": "availability"}
{"text": "natafuta bedsitter ya kuhamia wiki ijayo", "intent": "availability"}
{"text": "kuna nafasi ya kuhamia mwanzo wa mwezi?", "intent": "availability"}
{"text": "do you have a place I can move into next month?", "intent": "availability"}
{"text": "Muraho, ndashaka kumenya igiciro cy'inzu y'ibyumba bitatu", "intent": "price_inquiry"}
{"text": "ndashaka kumenya igiciro cy'ubukode", "intent": "price_inquiry"}
{"text": "Mwaramutse, ubukode ni angahe ku kwezi?", "intent": "price_inquiry"}
{"text": "inzu ya studio ni amafaranga angahe?", "intent": "price_inquiry"}
{"text": "Mwiriwe, ndashaka gusura inzu ejo", "intent": "viewing_booking"}
{"text": "Muraho, hari inzu y'ibyumba bibiri ihari?", "intent": "availability"}
{"text": "Mwaramutse, nishyuye ubukode bw'uku kwezi", "intent": "rent_payment"}
{"text": "Muraho, robine yo mu gikoni iravuza amazi", "intent": "maintenance_request"}
{"text": "Muraho, ndashaka kuvugana n'umukozi", "intent": "talk_to_agent"}
{"text": "Habari, nataka kujua bei ya nyumba", "intent": "price_inquiry"}
{"text": "nataka kujua bei ya kodi kwa mwezi", "intent": "price_inquiry"}
{"text": "Habari za asubuhi, nyumba ya vyumba viwili ni bei gani?", "intent": "price_inquiry"}
{"text": "Mambo, kodi ni kiasi gani?", "intent": "price_inquiry"}
{"text": "Habari, kuna nyumba iliyo wazi?", "intent": "availability"}
{"text": "Hujambo, naomba kuja kuona nyumba Jumamosi", "intent": "viewing_booking"}
{"text": "Habari, nimelipa kodi leo asubuhi", "intent": "rent_payment"}
{"text": "Habari, nataka kuongea na wakala", "intent": "talk_to_agent"}
{"text": "Salut, je voudrais connaître le prix du studio", "intent": "price_inquiry"}
{"text": "Bonsoir, est-ce que l'appartement est toujours disponible ?", "intent": "availability"}
{"text": "Bonjour, je peux visiter demain matin ?", "intent": "viewing_booking"}
{"text": "Bonjour, je souhaite parler à un agent", "intent": "talk_to_agent"}
{"text": "السلام عليكم، أريد استئجار شقة بغرفتين", "intent": "availability"}
{"text": "السلام عليكم، هل توجد شقة متاحة للإيجار؟", "intent": "availability"}
{"text": "مرحبا، عندكم شقق فاضية؟", "intent": "availability"}
{"text": "السلام عليكم، كم سعر الشقة؟", "intent": "price_inquiry"}
{"text": "مرحبا، أريد أن أعرف سعر الإيجار", "intent": "price_inquiry"}
{"text": "السلام عليكم، أريد زيارة الشقة غدا", "intent": "viewing_booking"}
{"text": "مرحبا، دفعت الإيجار اليوم", "intent": "rent_payment"}
{"text": "مرحبا، الحنفية في المطبخ تسرب", "intent": "maintenance_request"}
{"text": "السلام عليكم، المكيف لا يعمل", "intent": "maintenance_request"}
{"text": "الحنفية تسرب الماء", "intent": "maintenance_request"}
{"text": "يوجد تسرب مياه في الحمام", "intent": "maintenance_request"}
{"text": "الباب مكسور ويحتاج إصلاح", "intent": "maintenance_request"}
{"text": "عندي عطل في الكهرباء", "intent": "maintenance_request"}
{"text": "السلام عليكم، أريد التحدث مع موظف", "intent": "talk_to_agent"}
{"text": "Salam, chhal l kra dyal had l appartement?", "intent": "price_inquiry"}
{"text": "bch7al l kra f chher?", "intent": "price_inquiry"}
{"text": "salam, wach kayna chi chi9a khawya?", "intent": "availability"}
{"text": "salam, l robinet f kozina kaysil", "intent": "maintenance_request"}
{"text": "Hi, the shower has been leaking since yesterday", "intent": "maintenance_request"}
{"text": "Good morning, I'd like to book a viewing for Saturday", "intent": "viewing_booking"}
{"text": "Hello, I just paid this month's rent", "intent": "rent_payment"}
{"text": "Hi there, how much is the 1 bedroom?", "intent": "price_inquiry"}
{"text": "Good evening, can I speak to the manager please", "intent": "talk_to_agent"}
{"text": "there is a bad smell coming from the bathroom drain", "intent": "maintenance_request"}
{"text": "the kitchen sink smells terrible, maybe the drain is blocked", "intent": "maintenance_request"}
{"text": "sewage smell in the corridor, please check the pipes", "intent": "maintenance_request"}
{"text": "the AC is making a loud noise", "intent": "maintenance_request"}
{"text": "air conditioner not cooling", "intent": "maintenance_request"}
{"text": "the fridge that came with the flat stopped cooling", "intent": "maintenance_request"}
{"text": "elevator out of order since this morning", "intent": "maintenance_request"}
{"text": "the water heater makes a strange noise", "intent": "maintenance_request"}
{"text": "harufu mbaya inatoka kwenye bomba la choo", "intent": "maintenance_request"}
{"text": "ça sent mauvais dans la salle de bain, le siphon est bouché", "intent": "maintenance_request"}
{"text": "l'ascenseur est en panne depuis ce matin", "intent": "maintenance_request"}
{"text": "المصعد معطل منذ الصباح", "intent": "maintenance_request"}
{"text": "ascenseur ntayo ikora", "intent": "maintenance_request"}
{"text": "got the receipt, thank you", "intent": "thanks"}
{"text": "receipt received 👍", "intent": "thanks"}
{"text": "nimepokea risiti, asante sana", "intent": "thanks"}
{"text": "j'ai bien reçu la facture, merci", "intent": "thanks"}
{"text": "nabonye inyemezabwishyu, murakoze", "intent": "thanks"}
{"text": "وصلني الإيصال، شكرا", "intent": "thanks"}
{"text": "vipi", "intent": "greeting"}
{"text": "vipi boss", "intent": "greeting"}
{"text": "oya vipi", "intent": "greeting"}
{"text": "niaje vipi", "intent": "greeting"}
{"text": "vipi mambo", "intent": "greeting"}
{"text": "mambo vipi mzee", "intent": "greeting"}
{"text": "habari vipi", "intent": "greeting"}
{"text": "vous êtes là ?", "intent": "greeting"}
{"text": "bonjour, il y a quelqu'un ?", "intent": "greeting"}
{"text": "allô, vous êtes là ?", "intent": "greeting"}
{"text": "bonsoir, quelqu'un est là ?", "intent": "greeting"}
{"text": "hello, anyone there?", "intent": "greeting"}
{"text": "hi are you there?", "intent": "greeting"}
{"text": "hello?? anyone", "intent": "greeting"}
{"text": "muraho, murahari?", "intent": "greeting"}
{"text": "mko hapo?", "intent": "greeting"}
{"text": "habari, uko hapo?", "intent": "greeting"}
{"text": "salam, kayn chi 7ad?", "intent": "greeting"}
{"text": "مرحبا، في حد موجود؟", "intent": "greeting"}
{"text": "أهلاً وسهلاً", "intent": "greeting"}
{"text": "مساءً الخير", "intent": "greeting"}
{"text": "nta mazi ari mu nzu kuva ejo", "intent": "maintenance_request"}
{"text": "amazi ntaboneka mu gikoni", "intent": "maintenance_request"}
{"text": "kuva ejo nta muriro dufite, mudufashe", "intent": "maintenance_request"}
{"text": "amazi ntaza kuva ku wa mbere", "intent": "maintenance_request"}
{"text": "robine ntikora kuva ejo hashize", "intent": "maintenance_request"}
{"text": "maji hayatoki tangu jana, msaada tafadhali", "intent": "maintenance_request"}
{"text": "since yesterday there's no water in my flat, can you help?", "intent": "maintenance_request"}
{"text": "l'eau est coupée depuis hier, pouvez-vous aider ?", "intent": "maintenance_request"}
{"text": "état des lieux de sortie, c'est quand ?", "intent": "move_out"}
{"text": "je veux fixer la date de l'état des lieux de sortie", "intent": "move_out"}
{"text": "comment se déroule la sortie du logement ?", "intent": "move_out"}
{"text": "pour l'état des lieux de sortie je dois faire quoi ?", "intent": "move_out"}
{"text": "je quitte le logement, comment ça se passe pour la caution ?", "intent": "move_out"}
{"text": "how does the move-out inspection work?", "intent": "move_out"}
{"text": "ana ha5rog mn el sha2a el shahr el gai", "intent": "move_out"}
{"text": "ra7 etla3 mn el bet akher el shahr", "intent": "move_out"}
{"text": "ghadi nkhrej mn l'appart f akhir chhar", "intent": "move_out"}
{"text": "ana tale3 mn el sha2a, shu lazem a3mel?", "intent": "move_out"}
{"text": "inzu iracyaboneka?", "intent": "availability"}
{"text": "iyo apartment iracyahari?", "intent": "availability"}
{"text": "icyumba kiracyaboneka?", "intent": "availability"}
{"text": "iyo studio iracyaboneka koko?", "intent": "availability"}
{"text": "hari inzu ikiboneka?", "intent": "availability"}
{"text": "any units opening up soon?", "intent": "availability"}
{"text": "hey do you have any 1br coming available in january", "intent": "availability"}
{"text": "yo any vacancies next month", "intent": "availability"}
{"text": "hey, any studios free from december?", "intent": "availability"}
{"text": "je peux passer voir l'appartement samedi ?", "intent": "viewing_booking"}
{"text": "est-ce possible de passer visiter ce soir ?", "intent": "viewing_booking"}
{"text": "on peut passer voir la maison demain ?", "intent": "viewing_booking"}
{"text": "je passe voir le studio quand ?", "intent": "viewing_booking"}
{"text": "majirani wanapiga kelele kila usiku", "intent": "complaint"}
{"text": "kelele za majirani zimezidi, hatulali", "intent": "complaint"}
{"text": "jirani yangu anapiga muziki kwa sauti usiku wote", "intent": "complaint"}
{"text": "abaturanyi basakuza buri joro", "intent": "complaint"}
{"text": "urusaku rw'abaturanyi rurambiye", "intent": "complaint"}
{"text": "abaturanyi bacu bashyira umuziki hejuru nijoro ntidusinzire", "intent": "complaint"}
{"text": "el service wehesh gedan", "intent": "complaint"}
{"text": "kol marra bashtki w mafish 7ad byrod", "intent": "complaint"}
{"text": "el 3amara wes5a w mafish 7ad byndaf", "intent": "complaint"}
{"text": "wallah ma3ad fiye et7ammal, kel yom nafs el meshkle", "intent": "complaint"}
{"text": "the neighbours blast music every night and nobody does anything", "intent": "complaint"}
{"text": "bade e7ki ma3 el mas2oul", "intent": "talk_to_agent"}
{"text": "mumkin tetasel fiya 7ada?", "intent": "talk_to_agent"}
{"text": "3ayez akallem 7ad mn el edara", "intent": "talk_to_agent"}
{"text": "bghit nhder m3a chi wahed mn l'agence", "intent": "talk_to_agent"}
{"text": "quelqu'un peut me rappeler svp ?", "intent": "talk_to_agent"}
{"text": "pouvez-vous m'appeler sur ce numéro ?", "intent": "talk_to_agent"}
{"text": "j'aimerais qu'un agent m'appelle", "intent": "talk_to_agent"}
{"text": "can someone ring me back", "intent": "talk_to_agent"}
{"text": "please have someone call me on 0788 123 456", "intent": "talk_to_agent"}
{"text": "send me the maps link", "intent": "location_directions"}
{"text": "pls share location pin", "intent": "location_directions"}
{"text": "drop the google maps location", "intent": "location_directions"}
{"text": "whats the location link", "intent": "location_directions"}
{"text": "pouvez-vous m'envoyer l'adresse exacte ?", "intent": "location_directions"}
{"text": "nitumie location ya google maps", "intent": "location_directions"}
{"text": "coucou, vous êtes là ?", "intent": "greeting"}
{"text": "bonjour vous êtes là?", "intent": "greeting"}
{"text": "hello vous êtes là", "intent": "greeting"}
{"text": "allô ?", "intent": "greeting"}
{"text": "il y a quelqu'un ?", "intent": "greeting"}
{"text": "vous êtes disponible ?", "intent": "greeting"}
{"text": "plumber please", "intent": "maintenance_request"}
{"text": "need a plumber asap", "intent": "maintenance_request"}
{"text": "send an electrician please", "intent": "maintenance_request"}
{"text": "we need a fundi for the sink", "intent": "maintenance_request"}
{"text": "tu es là ?", "intent": "greeting"}
{"text": "t'es là ?", "intent": "greeting"}
{"text": "are you there?", "intent": "greeting"}
{"text": "uri aho?", "intent": "greeting"}
{"text": "uko hapo?", "intent": "greeting"}
{"text": "are pets allowed here?", "intent": "other"}
{"text": "is it ok to keep a puppy in the apartment", "intent": "other"}
{"text": "can tenants have cats", "intent": "other"}
{"text": "my daughter wants a hamster, is that allowed in the flat?", "intent": "other"}
{"text": "what's the pet policy", "intent": "other"}
{"text": "can I sublet my room", "intent": "other"}
{"text": "my cousin wants to stay in my room while I'm away, is that ok?", "intent": "other"}
{"text": "is it allowed to list my flat on booking.com", "intent": "other"}
{"text": "can I rent the spare room to a friend", "intent": "other"}
{"text": "do you know a good moving company", "intent": "other"}
{"text": "can you recommend a cleaner for my house", "intent": "other"}
{"text": "who can help me carry my furniture, any number?", "intent": "other"}
{"text": "do you have the number of a taxi driver", "intent": "other"}
{"text": "what is the internet password", "intent": "other"}
{"text": "wifi name and password please", "intent": "other"}
{"text": "where do I park my bike", "intent": "other"}
{"text": "is there a bike rack in the compound", "intent": "other"}
{"text": "did a delivery come for me today?", "intent": "other"}
{"text": "the DHL guy left a box downstairs, is it with the guard?", "intent": "other"}
{"text": "can the guard receive a package for me tomorrow", "intent": "other"}
{"text": "any mail for me?", "intent": "other"}
{"text": "forward this message to all your contacts", "intent": "other"}
{"text": "URGENT: whatsapp will start charging, send this to 20 people", "intent": "other"}
{"text": "you have been selected to win a free phone, click here", "intent": "other"}
{"text": "earn 50,000 daily working from home, join our group now", "intent": "other"}
{"text": "good morning 🌹 share this blessing with 10 people and receive good news today", "intent": "other"}
{"text": "les animaux sont autorisés ?", "intent": "other"}
{"text": "j'ai un petit chien, c'est permis dans la résidence ?", "intent": "other"}
{"text": "est-ce que je peux sous-louer pendant mes vacances", "intent": "other"}
{"text": "vous pouvez me conseiller une entreprise de déménagement ?", "intent": "other"}
{"text": "le mot de passe du wifi svp", "intent": "other"}
{"text": "où est-ce que je peux ranger mon vélo ?", "intent": "other"}
{"text": "j'attends un colis, le gardien peut le recevoir ?", "intent": "other"}
{"text": "transférez ce message à 10 personnes", "intent": "other"}
{"text": "félicitations vous avez gagné un iphone, cliquez sur le lien", "intent": "other"}
{"text": "mbwa wanaruhusiwa hapa?", "intent": "other"}
{"text": "naweza kuwa na paka ndani ya nyumba?", "intent": "other"}
{"text": "naweza kukodisha chumba changu kwa rafiki?", "intent": "other"}
{"text": "unajua kampuni ya kuhamisha vitu?", "intent": "other"}
{"text": "nipe password ya wifi", "intent": "other"}
{"text": "baiskeli naweza kuweka wapi?", "intent": "other"}
{"text": "kuna kifurushi changu kwa mlinzi?", "intent": "other"}
{"text": "tuma ujumbe huu kwa watu kumi", "intent": "other"}
{"text": "umeshinda zawadi, bonyeza link hii", "intent": "other"}
{"text": "ese biremewe kugira injangwe mu nzu?", "intent": "other"}
{"text": "imbwa ziremewe hano?", "intent": "other"}
{"text": "nshobora gukodesha undi muntu icyumba cyanjye?", "intent": "other"}
{"text": "muzi umuntu utwara ibikoresho by'abimuka?", "intent": "other"}
{"text": "password ya wifi ni iyihe?", "intent": "other"}
{"text": "igare ryanjye naribika he?", "intent": "other"}
{"text": "hari ipaki banzaniye?", "intent": "other"}
{"text": "ohereza ubu butumwa ku bantu icumi", "intent": "other"}
{"text": "watsindiye igihembo, kanda kuri link", "intent": "other"}
{"text": "هل الحيوانات الأليفة مسموحة في العمارة؟", "intent": "other"}
{"text": "عندي كلب صغير، هل مسموح؟", "intent": "other"}
{"text": "هل أقدر أأجر غرفتي لشخص آخر؟", "intent": "other"}
{"text": "تعرف شركة نقل أثاث كويسة؟", "intent": "other"}
{"text": "ما هو باسورد الواي فاي", "intent": "other"}
{"text": "وين أقدر أحط الدراجة؟", "intent": "other"}
{"text": "هل في بريد أو طرد وصلني؟", "intent": "other"}
{"text": "أرسلها لكل جهات الاتصال عندك", "intent": "other"}
{"text": "مبروك ربحت جائزة، اضغط على الرابط", "intent": "other"}
{"text": "wach mumkin ndir qet f lappart?", "intent": "other"}
{"text": "momkin nkri l bit dyali l chi sa7bi?", "intent": "other"}
{"text": "ta3ref chi camion dyal trhal?", "intent": "other"}
{"text": "3tini mot de passe dyal wifi", "intent": "other"}
{"text": "fin n7et lmoto dyali?", "intent": "other"}
{"text": "wsel chi colis smiti?", "intent": "other"}
{"text": "sift had lmessage l 10 dl3bad", "intent": "other"}
{"text": "el 7ayawanat masmo7a fel 3emara?", "intent": "other"}
{"text": "fi 7ad ye3raf sharket na2l 3afsh?", "intent": "other"}
{"text": "the wifi router in my flat stopped working", "intent": "maintenance_request"}
{"text": "internet ya nyumba haifanyi kazi", "intent": "maintenance_request"}
{"text": "le wifi de l'appartement ne marche plus", "intent": "maintenance_request"}
{"text": "is renting out my place short-term allowed?", "intent": "other"}
{"text": "I want to let my room to a student for the summer, ok?", "intent": "other"}
{"text": "would it be ok if I got a kitten", "intent": "other"}
{"text": "could you recommend movers", "intent": "other"}
{"text": "any recommendations for a good painter for my office?", "intent": "other"}
{"text": "do you know any cheap removal guys", "intent": "other"}
{"text": "can I keep my bicycle in the corridor", "intent": "other"}
{"text": "a parcel was delivered for me at reception", "intent": "other"}
{"text": "has the postman left anything for me", "intent": "other"}
{"text": "هل مسموح تربية الحيوانات في الشقة؟", "intent": "other"}
{"text": "ممكن أربي قطة؟", "intent": "other"}
{"text": "انشرها تؤجر ولا تجعلها تقف عندك", "intent": "other"}
{"text": "naweza kufuga paka?", "intent": "other"}
{"text": "nshobora korora injangwe?", "intent": "other"}
{"text": "je peux avoir un chat dans l'appartement ?", "intent": "other"}
{"text": "wach lklab masmo7in f l3imara?", "intent": "other"}
{"text": "airbnb-ing my apartment while I'm away, allowed?", "intent": "other"}
{"text": "is short let allowed in this building", "intent": "other"}
{"text": "is a fish tank ok in the flat", "intent": "other"}
{"text": "are birds allowed in the apartments", "intent": "other"}
{"text": "can I keep a tortoise on the balcony", "intent": "other"}
{"text": "do you know a good electrician for my shop in town", "intent": "other"}
{"text": "any mechanic you'd recommend around here?", "intent": "other"}
{"text": "who does good cleaning services in this area", "intent": "other"}
{"text": "what's the wifi code", "intent": "other"}
{"text": "internet code please", "intent": "other"}
{"text": "is there a bicycle room", "intent": "other"}
{"text": "can I store my bike in the basement", "intent": "other"}
{"text": "est-ce qu'on peut avoir un chien ou un chat ici ?", "intent": "other"}
{"text": "vous avez un contact de déménageurs pas chers ?", "intent": "other"}
{"text": "kuna mtu ameacha bahasha yangu getini?", "intent": "other"}
{"text": "mnajua fundi mzuri wa magari?", "intent": "other"}
{"text": "can I let my apartment to tourists while I'm on holiday", "intent": "other"}
{"text": "is it fine to rent my place out on weekends through an app", "intent": "other"}
{"text": "when I move in can I bring my two cats", "intent": "other"}
{"text": "can I have a bird cage on the balcony", "intent": "other"}
{"text": "speak later", "intent": "goodbye"}
{"text": "talk soon", "intent": "goodbye"}
{"text": "chat tomorrow then", "intent": "goodbye"}
{"text": "laters", "intent": "goodbye"}
{"text": "ttyl 👋", "intent": "goodbye"}
{"text": "catch you tomorrow", "intent": "goodbye"}
{"text": "speak tomorrow x", "intent": "goodbye"}
{"text": "ok talk then xx", "intent": "goodbye"}
{"text": "poa, baadaye", "intent": "goodbye"}
{"text": "sawa, tutaongea", "intent": "goodbye"}
{"text": "tutaongea baadaye", "intent": "goodbye"}
{"text": "poa tuonane kesho", "intent": "goodbye"}
{"text": "on se reparle demain", "intent": "goodbye"}
{"text": "à demain", "intent": "goodbye"}
{"text": "à la prochaine", "intent": "goodbye"}
{"text": "tuzavugana", "intent": "goodbye"}
{"text": "tuvugane ejo", "intent": "goodbye"}
{"text": "turavugana nyuma", "intent": "goodbye"}
{"text": "نتكلم لاحقا", "intent": "goodbye"}
{"text": "نحكي بعدين", "intent": "goodbye"}
{"text": "nehder m3ak ghedda", "intent": "goodbye"}
{"text": "netkalem bokra", "intent": "goodbye"}
{"text": "hi, hope you're doing well", "intent": "greeting"}
{"text": "hello hope all is good", "intent": "greeting"}
{"text": "hope your day is going well 🙂", "intent": "greeting"}
{"text": "hey! hope you're good", "intent": "greeting"}
{"text": "good morning, hope you had a nice weekend", "intent": "greeting"}
{"text": "hi there, trust you are well", "intent": "greeting"}
{"text": "bonjour, j'espère que tout va bien", "intent": "greeting"}
{"text": "salut, j'espère que tu vas bien", "intent": "greeting"}
{"text": "habari, natumaini uko poa", "intent": "greeting"}
{"text": "hujambo, natumai siku yako ni njema", "intent": "greeting"}
{"text": "muraho, nizeye ko muri amahoro", "intent": "greeting"}
{"text": "mwaramutse, mumeze neza?", "intent": "greeting"}
{"text": "مرحبا، إن شاء الله تكون بخير", "intent": "greeting"}
{"text": "السلام عليكم، أتمنى أنكم بخير", "intent": "greeting"}
{"text": "salam, nchalah ykon kolchi mzyan", "intent": "greeting"}
{"text": "marhaba, inshallah mnih", "intent": "greeting"}
{"text": "ok à plus", "intent": "goodbye"}
{"text": "bon, à tout à l'heure", "intent": "goodbye"}
{"text": "ça marche, à plus !", "intent": "goodbye"}
{"text": "send me the invoice for this month's rent", "intent": "document_request"}
{"text": "I need a receipt for the rent I paid last week", "intent": "document_request"}
{"text": "can I get a rent statement for the last 6 months", "intent": "document_request"}
{"text": "rent receipt for march please", "intent": "document_request"}
{"text": "my employer wants proof that I pay rent, can you write a letter", "intent": "document_request"}
{"text": "la facture du loyer de ce mois svp", "intent": "document_request"}
{"text": "j'ai besoin d'une attestation de paiement de loyer", "intent": "document_request"}
{"text": "une quittance pour le loyer de février s'il vous plaît", "intent": "document_request"}
{"text": "naomba risiti ya malipo ya kodi", "intent": "document_request"}
{"text": "nitumie invoice ya kodi ya mwezi huu", "intent": "document_request"}
{"text": "nahitaji taarifa ya malipo ya kodi ya mwaka huu", "intent": "document_request"}
{"text": "nkeneye inyemezabwishyu y'ubukode", "intent": "document_request"}
{"text": "mwanyoherereza fagitire y'ubukode bw'uku kwezi?", "intent": "document_request"}
{"text": "أريد إيصال دفع الإيجار من فضلك", "intent": "document_request"}
{"text": "أرسل لي كشف حساب الإيجار", "intent": "document_request"}
{"text": "bghit recu dyal lkra dyal had chher", "intent": "document_request"}
{"text": "3ayez fatoura el egar", "intent": "document_request"}
{"text": "I'm moving out on Saturday, can you do the inspection tomorrow", "intent": "move_out"}
{"text": "leaving the house this weekend, please come and check it on Friday", "intent": "move_out"}
{"text": "je déménage dimanche, passez faire l'inspection vendredi", "intent": "move_out"}
{"text": "nahama jumamosi, mnaweza kuja kukagua nyumba kesho?", "intent": "move_out"}
{"text": "nzimuka ejo, muzaze kugenzura inzu uyu munsi", "intent": "move_out"}
{"text": "ndimuka ku wa gatanu, mwaza kureba uko inzu imeze ku wa kane?", "intent": "move_out"}
{"text": "ngiye kuva mu nzu mu mpera z'icyumweru, muzaze kuyisuzuma", "intent": "move_out"}
{"text": "nimukiye ahandi ku cyumweru, mwaza kwakira imfunguzo?", "intent": "move_out"}
{"text": "سأخرج من الشقة يوم السبت، هل يمكن أن تأتوا للمعاينة غدا؟", "intent": "move_out"}
{"text": "ghadi nkhrej nhar sebt, momkin tjiw tchofo dar ghedda?", "intent": "move_out"}
{"text": "I'll give you a post-dated cheque for the rent", "intent": "rent_payment"}
{"text": "can I pay the rent with post-dated cheques", "intent": "rent_payment"}
{"text": "dropped 3 post-dated cheques for the coming months' rent at the office", "intent": "rent_payment"}
{"text": "the rent cheque is dated for the 1st, please deposit it then", "intent": "rent_payment"}
{"text": "chèque postdaté pour le loyer, ça passe ?", "intent": "rent_payment"}
{"text": "nitaandika cheki ya tarehe ya mbele kwa kodi", "intent": "rent_payment"}
{"text": "سأعطيكم شيك مؤجل للإيجار", "intent": "rent_payment"}
{"text": "3titkom chèque dyal lkra b date dyal chher jay", "intent": "rent_payment"}
{"text": "ndava mu nzu ejo, muze kureba uko imeze uyu munsi", "intent": "move_out"}
{"text": "nimuka mu cyumweru gitaha, muzaze kureba inzu mbere y'uko ngenda", "intent": "move_out"}
{"text": "kindly issue me a receipt for the payment I made", "intent": "document_request"}
{"text": "can you give me a receipt for yesterday's rent payment", "intent": "document_request"}
{"text": "naomba stakabadhi ya malipo", "intent": "document_request"}
{"text": "nitumie stakabadhi ya kodi ya mwezi uliopita", "intent": "document_request"}
{"text": "envoyez-moi le reçu du loyer de ce mois", "intent": "document_request"}
{"text": "salam, ri7t lbotagaz 3amra dar, jiw daba", "intent": "maintenance_request"}
{"text": "salam 3likom, kanchem ri7a dyal gaz", "intent": "maintenance_request"}
{"text": "salam, fi ri7et ghaz 2awiye bel bet", "intent": "maintenance_request"}
{"text": "ahlan, el gas beyesrab fel matbakh", "intent": "maintenance_request"}
{"text": "salam, lma ma kaynch f dar mn sba7", "intent": "maintenance_request"}
{"text": "salam, do mqtou3 f la cuisine", "intent": "maintenance_request"}
{"text": "salam, el mayye ma3 2at3a men mbere7", "intent": "maintenance_request"}
{"text": "salam khoya, lbab dyal dar tkhser", "intent": "maintenance_request"}
{"text": "salam, bghit n3lmkom bli ghadi nkhwi dar", "intent": "move_out"}
{"text": "salam, ana msafer w ghadi nsali l contrat akhir had chhar", "intent": "move_out"}
{"text": "salam, ra7 fell men el shaqa bel shahr el jay", "intent": "move_out"}
{"text": "salam 3alaykom, ana 5arej mn el sha2a yom el sabt", "intent": "move_out"}
{"text": "salam, bghit nchri chi appart", "intent": "availability"}
{"text": "salam, wach nqder nji nchouf l bit ghedda?", "intent": "viewing_booking"}
{"text": "salam, khallast lkra lyoum", "intent": "rent_payment"}
{"text": "salam, 3afak 3tini l contrat dyali", "intent": "document_request"}
{"text": "salam labas 3lik", "intent": "greeting"}
{"text": "labas 3likom?", "intent": "greeting"}
{"text": "salam khoya, labas?", "intent": "greeting"}
{"text": "sifet lkra l compte dyalkom", "intent": "rent_payment"}
{"text": "lkra dyal had chher tkhalsat", "intent": "rent_payment"}
{"text": "salam, bghit nchouf lappart li 3ndkom ghedda", "intent": "viewing_booking"}
{"text": "salam 3likom, momkin nzour dar had l3chiya?", "intent": "viewing_booking"}
{"text": "salam, do tfa f dar kamla", "intent": "maintenance_request"}
{"text": "salam, ma kaynch do mn lbareh", "intent": "maintenance_request"}
{"text": "do tafi f l bit, kayn chi moshkil", "intent": "maintenance_request"}
{"text": "kayn moshkil f lma dyal l7ammam", "intent": "maintenance_request"}
{"text": "salam, lprise dyal do kat3ti chrara", "intent": "maintenance_request"}
{"text": "Thursday 4pm works for me 👌", "intent": "viewing_booking"}
{"text": "yes, tomorrow at 11 is fine for the viewing", "intent": "viewing_booking"}
{"text": "10:30 on Saturday then? see you at the house", "intent": "viewing_booking"}
{"text": "ok Monday 5:30pm, I'll be there", "intent": "viewing_booking"}
{"text": "perfect, 2pm tomorrow to see it", "intent": "viewing_booking"}
{"text": "can we make it 6pm instead? I finish work at 5", "intent": "viewing_booking"}
{"text": "d'accord pour jeudi 17h, j'y serai", "intent": "viewing_booking"}
{"text": "oui, demain 9h pour la visite ça me va", "intent": "viewing_booking"}
{"text": "sawa, kesho saa nane nitakuja kuiona", "intent": "viewing_booking"}
{"text": "jumamosi saa tatu asubuhi ni sawa kwa kuangalia nyumba", "intent": "viewing_booking"}
{"text": "ejo saa kumi ni byiza, nzaza kureba inzu", "intent": "viewing_booking"}
{"text": "wakha, ghedda m3a 4 nji nchouf lappart", "intent": "viewing_booking"}
{"text": "nhar sebt m3a l3achra mzyan, nji nchouf dar", "intent": "viewing_booking"}
{"text": "ok na, I go come see the place Saturday 10", "intent": "viewing_booking"}
{"text": "abeg make we see the flat tomorrow by 2", "intent": "viewing_booking"}
{"text": "Sunday morning good for inspection? I wan see the room", "intent": "viewing_booking"}
{"text": "nikuje kuangalia keja kesho jioni?", "intent": "viewing_booking"}
{"text": "niko free kesho saa kumi, nikuje kuona hiyo bedsitter", "intent": "viewing_booking"}
{"text": "can I view it after work, like 6:30?", "intent": "viewing_booking"}
{"text": "is 3pm today ok to come and see the studio?", "intent": "viewing_booking"}
{"text": "when is the plumber coming?", "intent": "maintenance_request"}
{"text": "what time will the electrician come today?", "intent": "maintenance_request"}
{"text": "is the technician still coming this afternoon?", "intent": "maintenance_request"}
{"text": "can the fundi come on Thursday to fix the sink?", "intent": "maintenance_request"}
{"text": "can someone come tomorrow morning to look at the leak", "intent": "maintenance_request"}
{"text": "can you send the repair guy on Saturday, I'm home all day", "intent": "maintenance_request"}
{"text": "the handyman can come any time after 4", "intent": "maintenance_request"}
{"text": "what day is the painter coming to fix the damp wall", "intent": "maintenance_request"}
{"text": "please book the plumber for Wednesday 10am", "intent": "maintenance_request"}
{"text": "I'm available Friday for the repair, send him then", "intent": "maintenance_request"}
{"text": "le technicien peut passer samedi matin pour la clim ?", "intent": "maintenance_request"}
{"text": "à quelle heure vient le plombier ?", "intent": "maintenance_request"}
{"text": "vous pouvez envoyer l'électricien demain vers 14h ?", "intent": "maintenance_request"}
{"text": "fundi atakuja saa ngapi leo?", "intent": "maintenance_request"}
{"text": "fundi anaweza kupita jumatatu kurekebisha bomba?", "intent": "maintenance_request"}
{"text": "mtu wa kurekebisha atafika lini?", "intent": "maintenance_request"}
{"text": "umutekinisiye azaza ryari gukora robine?", "intent": "maintenance_request"}
{"text": "umufundi ashobora kuza ejo mu gitondo?", "intent": "maintenance_request"}
{"text": "imta ghadi yji lplombier?", "intent": "maintenance_request"}
{"text": "wach l electricien ghadi yji lyoum?", "intent": "maintenance_request"}
{"text": "sift liya chi wa7ed ysle7 lbab ghedda 3afak", "intent": "maintenance_request"}
{"text": "when the carpenter go come fix the door?", "intent": "maintenance_request"}
{"text": "abeg send plumber make e come fix the pipe today", "intent": "maintenance_request"}
{"text": "oga, send electrician, light no dey for my room", "intent": "maintenance_request"}
{"text": "my door don spoil, abeg send carpenter", "intent": "maintenance_request"}
{"text": "the toilet no dey flush, send person come check am", "intent": "maintenance_request"}
{"text": "fundi wa maji akuje leo, bomba inavuja", "intent": "maintenance_request"}
{"text": "stima imeenda kwa keja yangu, tumeni mtu", "intent": "maintenance_request"}
{"text": "msee, choo imeblock, tuma plumber", "intent": "maintenance_request"}
{"text": "lma makaynch f cuisine mn sba7, sifto chi wa7ed", "intent": "maintenance_request"}
{"text": "do tfa f lbit dyali, 3afak sifto l electricien", "intent": "maintenance_request"}
{"text": "lclim ma khdamach, momkin tsifto chi technicien?", "intent": "maintenance_request"}
{"text": "AC not cooling, can the guy come today 0788 432 100", "intent": "maintenance_request"}
{"text": "geyser broken, call me on 0722 111 222 when the plumber is on his way", "intent": "maintenance_request"}
{"text": "carpenter today pls, the wardrobe door fell off", "intent": "maintenance_request"}
{"text": "electrician tmrw 9am ok? the socket in the kitchen is sparking", "intent": "maintenance_request"}
{"text": "water dripping from the ceiling light, come and check", "intent": "maintenance_request"}
{"text": "the drain is backing up into the shower", "intent": "maintenance_request"}
{"text": "sewage smell and the toilet keeps overflowing", "intent": "maintenance_request"}
{"text": "ndox amul ci kër gi, yónneel ma plombier", "intent": "maintenance_request"}
{"text": "I'll pay the deposit on Monday to reserve the flat", "intent": "rent_payment"}
{"text": "sending the 2 months deposit now so you hold the unit for me", "intent": "rent_payment"}
{"text": "deposit and first month paid, when can I get the keys?", "intent": "rent_payment"}
{"text": "I have paid the caution for the new apartment", "intent": "rent_payment"}
{"text": "caution + 1 mois d'avance envoyés par Orange Money", "intent": "rent_payment"}
{"text": "je vais payer la caution après-demain pour le studio", "intent": "rent_payment"}
{"text": "je vous envoie l'avance et la caution ce soir", "intent": "rent_payment"}
{"text": "nitalipa deposit ya nyumba mpya kesho", "intent": "rent_payment"}
{"text": "nimetuma deposit na kodi ya mwezi wa kwanza", "intent": "rent_payment"}
{"text": "nzishyura garantie ejo kugira ngo mumbikire inzu", "intent": "rent_payment"}
{"text": "ghadi nkhalles l caution dyal l appart ghedda", "intent": "rent_payment"}
{"text": "I go pay the caution fee and one year rent next week", "intent": "rent_payment"}
{"text": "3 months deposit plus 1 month advance, 1,200,000 total, transferring now", "intent": "rent_payment"}
{"text": "advance of 6 months sent, please confirm receipt", "intent": "rent_payment"}
{"text": "done, sent with Wave from 77 654 32 10", "intent": "rent_payment"}
{"text": "paid via orange money, my number is 0788 990 011", "intent": "rent_payment"}
{"text": "mpesa code RKT45XYZ9, 35k for june", "intent": "rent_payment"}
{"text": "transfer done 150,000 FCFA, ref 5532", "intent": "rent_payment"}
{"text": "I don send the money to your account, abeg confirm", "intent": "rent_payment"}
{"text": "I go pay my rent tomorrow morning, no worry", "intent": "rent_payment"}
{"text": "nimetuma rent kwa till number, angalia", "intent": "rent_payment"}
{"text": "rent ya mwezi huu nimelipa kwa mpesa, check", "intent": "rent_payment"}
{"text": "sifet lik lkra b cash plus, ch7al b9a?", "intent": "rent_payment"}
{"text": "lkra dyal chhar had nkhallesha nhar l khmis", "intent": "rent_payment"}
{"text": "خلصت الكرا اليوم عبر التحويل", "intent": "rent_payment"}
{"text": "j'ai fait le virement du loyer, voici la référence 7781", "intent": "rent_payment"}
{"text": "nohereje ubukode kuri 0788 123 000", "intent": "rent_payment"}
{"text": "my brother is relocating to Nairobi next month, any one bedroom?", "intent": "availability"}
{"text": "a friend is moving to the city and needs a studio, do you have anything?", "intent": "availability"}
{"text": "my colleague is transferring here for work, is there a 2 bedroom free?", "intent": "availability"}
{"text": "my sister is coming to study here, any room near the university?", "intent": "availability"}
{"text": "un ami s'installe à Dakar le mois prochain, vous avez un studio ?", "intent": "availability"}
{"text": "ma cousine arrive à Kigali, il y a un appartement libre ?", "intent": "availability"}
{"text": "rafiki yangu anahamia Mombasa, kuna nyumba iko wazi?", "intent": "availability"}
{"text": "ndugu yangu anakuja kuishi Nairobi, mna bedsitter?", "intent": "availability"}
{"text": "inshuti yanjye izimukira i Kigali, hari inzu ihari?", "intent": "availability"}
{"text": "sa7bi ghadi yji ysken f rabat, kayn chi appart?", "intent": "availability"}
{"text": "my guy dey relocate come Lagos, una get self contain?", "intent": "availability"}
{"text": "abeg una get two bedroom for Lekki?", "intent": "availability"}
{"text": "any room dey free for this compound?", "intent": "availability"}
{"text": "kuna keja ya bedsitter iko wazi huko Rongai?", "intent": "availability"}
{"text": "mna one bedroom imeisha? ama bado iko", "intent": "availability"}
{"text": "kayn chi studio khawi had chher?", "intent": "availability"}
{"text": "wach mazal dak l'appart khawi?", "intent": "availability"}
{"text": "hari studio iri vacant muri iki gihe?", "intent": "availability"}
{"text": "how much be the rent for the self contain?", "intent": "price_inquiry"}
{"text": "abeg wetin be the price of the 3 bedroom?", "intent": "price_inquiry"}
{"text": "how much una dey collect for caution and agreement?", "intent": "price_inquiry"}
{"text": "keja ya two bedroom ni how much?", "intent": "price_inquiry"}
{"text": "bei ya bedsitter ni ngapi kwa mwezi?", "intent": "price_inquiry"}
{"text": "bch7al l kra dyal l appart li f 2eme etage?", "intent": "price_inquiry"}
{"text": "ch7al lcaution w ch7al lkra?", "intent": "price_inquiry"}
{"text": "c'est trop cher, vous pouvez faire un prix ?", "intent": "price_inquiry"}
{"text": "bei iko juu sana, mnaweza kupunguza?", "intent": "price_inquiry"}
{"text": "birahenze, mwagabanya ku giciro?", "intent": "price_inquiry"}
{"text": "ghalya bzaf, wach kayn chi taman a9al?", "intent": "price_inquiry"}
{"text": "can you email me the receipt for October? my email is ali.k@gmail.com", "intent": "document_request"}
{"text": "send the lease to mwangi.j@yahoo.com please", "intent": "document_request"}
{"text": "pls send my rent statement to my mail, jane.doe@outlook.com", "intent": "document_request"}
{"text": "abeg send me my receipt for last month", "intent": "document_request"}
{"text": "I need the tenancy agreement copy, send am to my whatsapp", "intent": "document_request"}
{"text": "nitumie risiti ya mwezi uliopita kwa email", "intent": "document_request"}
{"text": "naomba contract kwa email, adress ni kamau@gmail.com", "intent": "document_request"}
{"text": "sift liya l reçu f l email 3afak", "intent": "document_request"}
{"text": "bghit nskha mn l contrat dyali", "intent": "document_request"}
{"text": "envoyez-moi la quittance de septembre à mon mail svp", "intent": "document_request"}
{"text": "mwanyoherereza inyemezabwishyu kuri email yanjye?", "intent": "document_request"}
{"text": "abeg make the manager call me, 0803 123 4567", "intent": "talk_to_agent"}
{"text": "I wan see the landlord face to face", "intent": "talk_to_agent"}
{"text": "naomba namba ya landlord nimpigie", "intent": "talk_to_agent"}
{"text": "caretaker anipigie kwa 0712 345 678", "intent": "talk_to_agent"}
{"text": "bghit nhder m3a chi wa7ed mn l'agence", "intent": "talk_to_agent"}
{"text": "3tini nmra dyal mol l3imara", "intent": "talk_to_agent"}
{"text": "what's the agent's email? I'd rather write to him", "intent": "talk_to_agent"}
{"text": "please have someone from the office phone me back", "intent": "talk_to_agent"}
{"text": "mbahuze na nyir'inzu kuri telefone", "intent": "talk_to_agent"}
{"text": "je veux parler au gérant, appelez-moi au 77 123 45 67", "intent": "talk_to_agent"}
{"text": "abeg how I go take reach the estate from Ojota?", "intent": "location_directions"}
{"text": "wetin be the exact address of the house?", "intent": "location_directions"}
{"text": "nipe location ya keja kwa maps", "intent": "location_directions"}
{"text": "keja iko wapi exactly? send pin", "intent": "location_directions"}
{"text": "fin jat dar b dbt? sift liya l'localisation", "intent": "location_directions"}
{"text": "kifach nwsel l l'agence mn la gare?", "intent": "location_directions"}
{"text": "inzu iherereye he neza? mwampa location", "intent": "location_directions"}
{"text": "drop the google maps pin for the apartment", "intent": "location_directions"}
{"text": "vous pouvez m'envoyer la localisation sur WhatsApp ?", "intent": "location_directions"}
{"text": "I wan extend my stay for another 12 months", "intent": "lease_renewal"}
{"text": "abeg I go like renew the agreement when e expire", "intent": "lease_renewal"}
{"text": "nataka kurenew contract mwaka mwingine", "intent": "lease_renewal"}
{"text": "contract yangu inaisha mwezi ujao, tuongeze?", "intent": "lease_renewal"}
{"text": "bghit nzid 3am f l contrat", "intent": "lease_renewal"}
{"text": "l contrat dyali ghadi ysali, bghit njeddedo", "intent": "lease_renewal"}
{"text": "nshaka kongera amasezerano y'umwaka", "intent": "lease_renewal"}
{"text": "je voudrais prolonger mon bail de six mois", "intent": "lease_renewal"}
{"text": "I go pack comot end of this month, notice be this", "intent": "move_out"}
{"text": "abeg I dey leave the flat for June, wetin be the process?", "intent": "move_out"}
{"text": "nahama keja mwisho wa mwezi huu, niaje na deposit?", "intent": "move_out"}
{"text": "natoka kwa nyumba tarehe 30, nakupatia notice", "intent": "move_out"}
{"text": "ghadi nkhwi dar f akhir had chher", "intent": "move_out"}
{"text": "ghadi nkhrej mn l appart, fin n7et sarout?", "intent": "move_out"}
{"text": "je libère le studio fin mars, voici mon préavis", "intent": "move_out"}
{"text": "nzava mu nzu mu mpera z'ukwezi gutaha, ndabamenyesheje", "intent": "move_out"}
{"text": "I'm relocating for work so I'll be leaving the flat in May", "intent": "move_out"}
{"text": "we are relocating abroad, this is our one month notice", "intent": "move_out"}
{"text": "una no dey pick call, this na wahala", "intent": "complaint"}
{"text": "I don call the caretaker 5 times, nobody answer", "intent": "complaint"}
{"text": "we pay service charge every month for nothing", "intent": "complaint"}
{"text": "tunalipa service charge lakini hakuna kitu kinafanyika", "intent": "complaint"}
{"text": "caretaker hapokei simu, hii ni uzembe", "intent": "complaint"}
{"text": "ntawe unyitaba iyo mpamagaye, birambabaje", "intent": "complaint"}
{"text": "twishyura amafaranga y'isuku ku busa", "intent": "complaint"}
{"text": "tan3iyto w ta wa7ed ma kayjawb", "intent": "complaint"}
{"text": "kankhalsou les charges w walou ma tdar", "intent": "complaint"}
{"text": "هذا إهمال، ثلاث أسابيع وما حدا صلح شي", "intent": "complaint"}
{"text": "le voisin gare sa voiture devant mon portail chaque soir, je ne peux pas sortir", "intent": "complaint"}
{"text": "the technician never came, I waited the whole day", "intent": "complaint"}
{"text": "the guy no come again, this is the third time", "intent": "complaint"}
{"text": "c'est de la négligence, personne ne vient jamais", "intent": "complaint"}
{"text": "thanks, have a good evening", "intent": "thanks"}
{"text": "thank you so much and have a blessed day", "intent": "thanks"}
{"text": "thanks a lot, enjoy your weekend", "intent": "thanks"}
{"text": "got it thanks, have a nice one", "intent": "thanks"}
{"text": "merci et bonne journée à vous", "intent": "thanks"}
{"text": "merci beaucoup, bonne soirée", "intent": "thanks"}
{"text": "asante sana, siku njema", "intent": "thanks"}
{"text": "asante, uwe na jioni njema", "intent": "thanks"}
{"text": "murakoze, mugire umunsi mwiza", "intent": "thanks"}
{"text": "murakoze cyane, mugire amahoro", "intent": "thanks"}
{"text": "shukran, nhar sa3id", "intent": "thanks"}
{"text": "choukran bzaf, tsbe7 3la khir", "intent": "thanks"}
{"text": "شكرا، يومك سعيد", "intent": "thanks"}
{"text": "ta", "intent": "thanks"}
{"text": "ta mate", "intent": "thanks"}
{"text": "cheers ta", "intent": "thanks"}
{"text": "ta love, that's great", "intent": "thanks"}
{"text": "ta very much", "intent": "thanks"}
{"text": "jërëjëf", "intent": "thanks"}
{"text": "jërëjëf waay", "intent": "thanks"}
{"text": "jerejef", "intent": "thanks"}
{"text": "jerejef boss, yalla na la yalla fay", "intent": "thanks"}
{"text": "dieuredieuf", "intent": "thanks"}
{"text": "dieureudieuf sama waay", "intent": "thanks"}
{"text": "jëre jëf ci ndimbal gi", "intent": "thanks"}
{"text": "thank you well well", "intent": "thanks"}
{"text": "tank you sah, God bless", "intent": "thanks"}
{"text": "I appreciate, thank you ma", "intent": "thanks"}
{"text": "asante msee, umeokoa", "intent": "thanks"}
{"text": "shukran sana boss", "intent": "thanks"}
{"text": "bye, talk soon", "intent": "goodbye"}
{"text": "ok bye bye", "intent": "goodbye"}
{"text": "ba beneen", "intent": "goodbye"}
{"text": "ba suba", "intent": "goodbye"}
{"text": "later, I go call you", "intent": "goodbye"}
{"text": "bslama, nhdro mn b3d", "intent": "goodbye"}
{"text": "sharp", "intent": "other"}
{"text": "wetin dey happen for town today?", "intent": "other"}
{"text": "who wan watch the match tonight?", "intent": "other"}
{"text": "abeg which bank dey open on Sunday?", "intent": "other"}
{"text": "niaje msee, ulitazama mechi jana?", "intent": "other"}
{"text": "chkoun rbe7 lmatch lbare7?", "intent": "other"}
{"text": "nanga def?", "intent": "greeting"}
{"text": "na nga def, mangi fi rekk", "intent": "greeting"}
{"text": "how far boss", "intent": "greeting"}
{"text": "how you dey?", "intent": "greeting"}
{"text": "mambo vipi msee", "intent": "greeting"}
{"text": "sasa buda, uko aje?", "intent": "greeting"}
{"text": "salaam aleekum, nanga def", "intent": "greeting"}
{"text": "my budget na 750k, una fit come down small?", "intent": "price_inquiry"}
{"text": "1m is too much for me, what is the lowest?", "intent": "price_inquiry"}
{"text": "Wednesday 5pm suits me 👍", "intent": "viewing_booking"}
{"text": "Saturday morning suits me for the visit", "intent": "viewing_booking"}
{"text": "11am sounds good 👌 see you at the gate", "intent": "viewing_booking"}
{"text": "that time works, I'll come see it 👍", "intent": "viewing_booking"}
{"text": "samedi 10h me convient 👍", "intent": "viewing_booking"}
{"text": "kesho saa tano inanifaa 👍", "intent": "viewing_booking"}
{"text": "I'll transfer the deposit tonight to secure the apartment", "intent": "rent_payment"}
{"text": "paying the booking deposit now so nobody else takes the unit", "intent": "rent_payment"}
{"text": "how do I pay the holding deposit for the studio?", "intent": "rent_payment"}
{"text": "nitatuma deposit leo ili mnishikie nyumba", "intent": "rent_payment"}
{"text": "je paie la caution demain pour réserver l'appartement", "intent": "rent_payment"}
{"text": "can he come on Friday at 3?", "intent": "maintenance_request"}
{"text": "will he come today or tomorrow? the leak is getting worse", "intent": "maintenance_request"}
{"text": "atakuja saa ngapi kesho?", "intent": "maintenance_request"}
{"text": "anaweza kupita kesho mchana kurekebisha?", "intent": "maintenance_request"}
{"text": "azaza ryari se? robine iracyava", "intent": "maintenance_request"}
{"text": "what's the landlord's phone number? I want to call him myself", "intent": "talk_to_agent"}
{"text": "can you share the property manager's email so I can write to her", "intent": "talk_to_agent"}
{"text": "nipe email ya landlord nimwandikie", "intent": "talk_to_agent"}
{"text": "donnez-moi le numéro du propriétaire svp", "intent": "talk_to_agent"}
{"text": "thanks, bye", "intent": "thanks"}
{"text": "thank you, bye for now", "intent": "thanks"}
{"text": "merci, à bientôt", "intent": "thanks"}
{"text": "asante, kwaheri", "intent": "thanks"}
{"text": "murakoze, murabeho", "intent": "thanks"}
{"text": "shukran, bslama", "intent": "thanks"}
{"text": "jërëjëf, ba ci kanam", "intent": "thanks"}
{"text": "jerejef, ba suba", "intent": "thanks"}
{"text": "cheers, see you Monday", "intent": "thanks"}
{"text": "we pay for security and still the gate is open every night", "intent": "complaint"}
{"text": "I paid for the repairs last month and nothing has been done", "intent": "complaint"}
{"text": "tunalipa pesa ya usafi na hakuna kinachofanyika", "intent": "complaint"}
{"text": "on paie le gardien mais il n'est jamais là", "intent": "complaint"}
{"text": "kankhalsou l'entretien w walou", "intent": "complaint"}
{"text": "plumber Sat morning ok?", "intent": "maintenance_request"}
{"text": "electrician at 4 ok? I'll leave the key with the guard", "intent": "maintenance_request"}
{"text": "fundi Friday 2pm sawa?", "intent": "maintenance_request"}
{"text": "technicien demain 10h ça marche ?", "intent": "maintenance_request"}
{"text": "the carpenter needs to come and fix the kitchen cupboard", "intent": "maintenance_request"}
{"text": "carpenter can pass Thursday? the bedroom door won't close", "intent": "maintenance_request"}
{"text": "njar ghadi yji imta? lbab ma kaysedch", "intent": "maintenance_request"}
{"text": "ljiran li fo9ana kaydiro sda3 bzaf f lil", "intent": "complaint"}
{"text": "sda3 dyal jiran ma bqitch n9der n3ess", "intent": "complaint"}
{"text": "the upstairs people dey make noise every night, I no fit sleep", "intent": "complaint"}
{"text": "the electrician is done, everything works, thank you", "intent": "thanks"}
{"text": "plumber has left and the sink drains fine now, thanks a lot", "intent": "thanks"}
{"text": "power came back an hour ago, thanks for sorting it", "intent": "thanks"}
{"text": "water is back, asante sana", "intent": "thanks"}
{"text": "the fundi has fixed it, asante", "intent": "thanks"}
{"text": "fundi amemaliza kazi, bomba liko sawa, asante", "intent": "thanks"}
{"text": "maji yamerudi, asanteni sana", "intent": "thanks"}
{"text": "umuriro wagarutse, murakoze cyane", "intent": "thanks"}
{"text": "technicien est passé, c'est réparé, merci", "intent": "thanks"}
{"text": "le courant est revenu, merci beaucoup", "intent": "thanks"}
{"text": "tout est réparé, merci pour la rapidité", "intent": "thanks"}
{"text": "the gate motor works again, webale nnyo", "intent": "thanks"}
{"text": "omukozi amaze okukola, webale", "intent": "thanks"}
{"text": "the roof was repaired yesterday, webale", "intent": "thanks"}
{"text": "the tap is fine now, medaase", "intent": "thanks"}
{"text": "they came and fixed the door, medaase paa", "intent": "thanks"}
{"text": "the lights are working again, ngiyabonga", "intent": "thanks"}
{"text": "geyser is installed and the water is hot now, baie dankie", "intent": "thanks"}
{"text": "alles werk weer, dankie", "intent": "thanks"}
{"text": "the wifi is back up, cheers", "intent": "thanks"}
{"text": "repair done, all good now, thank you", "intent": "thanks"}
{"text": "the leak has stopped since the plumber came, thanks", "intent": "thanks"}
{"text": "el sabak 5alas wel maya ragga3et, shokran", "intent": "thanks"}
{"text": "الكهربا رجعت، شكرا جزيلا", "intent": "thanks"}
{"text": "السباك خلص الشغل، متشكرين", "intent": "thanks"}
{"text": "the guy came, problem solved, tanks o", "intent": "thanks"}
{"text": "light don come back, tank you sah", "intent": "thanks"}
{"text": "webale", "intent": "thanks"}
{"text": "webale nnyo", "intent": "thanks"}
{"text": "webale nnyo ssebo", "intent": "thanks"}
{"text": "weebale nyo nnyabo", "intent": "thanks"}
{"text": "medaase", "intent": "thanks"}
{"text": "medaase paa", "intent": "thanks"}
{"text": "meda wo ase", "intent": "thanks"}
{"text": "ngiyabonga", "intent": "thanks"}
{"text": "ngiyabonga kakhulu", "intent": "thanks"}
{"text": "siyabonga", "intent": "thanks"}
{"text": "dankie", "intent": "thanks"}
{"text": "baie dankie", "intent": "thanks"}
{"text": "dankie vir die hulp", "intent": "thanks"}
{"text": "tanks well well", "intent": "thanks"}
{"text": "tanks ma, God bless", "intent": "thanks"}
{"text": "shokran ya basha", "intent": "thanks"}
{"text": "mersi awy", "intent": "thanks"}
{"text": "murakoze ku bw'ubufasha", "intent": "thanks"}
{"text": "akwaaba", "intent": "greeting"}
{"text": "ete sen?", "intent": "greeting"}
{"text": "maakye, ete sen", "intent": "greeting"}
{"text": "sawubona", "intent": "greeting"}
{"text": "sanibonani", "intent": "greeting"}
{"text": "goeie môre", "intent": "greeting"}
{"text": "goeie middag", "intent": "greeting"}
{"text": "goeie naand", "intent": "greeting"}
{"text": "hallo, hoe gaan dit?", "intent": "greeting"}
{"text": "oli otya?", "intent": "greeting"}
{"text": "gyebale ko", "intent": "greeting"}
{"text": "good morning, webale ko", "intent": "greeting"}
{"text": "ezayak ya basha", "intent": "greeting"}
{"text": "sabah el kheir", "intent": "greeting"}
{"text": "صباح الفل", "intent": "greeting"}
{"text": "how body? good morning", "intent": "greeting"}
{"text": "good morning, we run a small shop on the ground floor, the shutter won't close anymore", "intent": "maintenance_request"}
{"text": "hello, I rent the office on the second floor, the aircon has been dripping on our desks since Monday", "intent": "maintenance_request"}
{"text": "please call the fundi on 0788123456 to check the pump at block C", "intent": "maintenance_request"}
{"text": "tell the electrician to come to unit 9 this afternoon, tenant says the sockets are sparking", "intent": "maintenance_request"}
{"text": "mpigie fundi wa mabomba aje block B leo", "intent": "maintenance_request"}
{"text": "we have clients coming at 10 tomorrow, can the toilet be fixed before then?", "intent": "maintenance_request"}
{"text": "can someone repair the lights before our event on Saturday?", "intent": "maintenance_request"}
{"text": "the fridge in the shop stopped cooling, please send someone today", "intent": "maintenance_request"}
{"text": "el takif 3atlan fel ma7al, momken 7ad yeegi yesala7o?", "intent": "maintenance_request"}
{"text": "el 7anafeya bet-sarab maya, ab3atly sabak", "intent": "maintenance_request"}
{"text": "التكييف عطلان في المحل، ابعتولي فني", "intent": "maintenance_request"}
{"text": "الحنفية بتنقط من امبارح، محتاج سباك", "intent": "maintenance_request"}
{"text": "amazi ntaza mu gikoni, mwoherereza umufundi?", "intent": "maintenance_request"}
{"text": "die kraan lek, kan iemand kom kyk?", "intent": "maintenance_request"}
{"text": "die geyser is stukkend, ons het geen warm water nie", "intent": "maintenance_request"}
{"text": "my light no dey work since yesterday, abeg send electrician", "intent": "maintenance_request"}
{"text": "the landlord switched off our power because we were late with rent, that's not legal", "intent": "complaint"}
{"text": "they cut my water over one week of arrears, this is harassment", "intent": "complaint"}
{"text": "wamekata umeme wetu kwa sababu tumechelewa kulipa kodi, si haki", "intent": "complaint"}
{"text": "on nous a coupé le courant parce que le loyer avait du retard, c'est abusif", "intent": "complaint"}
{"text": "we pay so much for this office and the toilets are always dirty, very unprofessional", "intent": "complaint"}
{"text": "el asansir 3atlan men osbo3 w ma7adesh byrod 3alena", "intent": "complaint"}
{"text": "الأسانسير عطلان من أسبوع ومحدش بيرد علينا", "intent": "complaint"}
{"text": "bakawuna tusasula ssente nnyingi naye amazzi tegajja", "intent": "complaint"}
{"text": "the neighbours play loud music every night and the caretaker does nothing", "intent": "complaint"}
{"text": "die bure is elke nag baie raserig en niemand doen iets nie", "intent": "complaint"}
{"text": "our staff cannot work in this heat, the aircon has been broken for two weeks and nobody cares", "intent": "complaint"}
{"text": "does the house have running water and electricity?", "intent": "availability"}
{"text": "is there parking at the flat?", "intent": "availability"}
{"text": "kuna sehemu ya kuegesha gari hapo?", "intent": "availability"}
{"text": "ina maji na umeme wa kudumu?", "intent": "availability"}
{"text": "ifite amazi n'umuriro?", "intent": "availability"}
{"text": "iyo nzu ifite parking?", "intent": "availability"}
{"text": "does the apartment come with a backup generator?", "intent": "availability"}
{"text": "le studio a-t-il l'eau et l'électricité ?", "intent": "availability"}
{"text": "ana badawar 3ala sha2a mafroosha 2 owad fe el tagamo3", "intent": "availability"}
{"text": "3ayez sha2a oda wa7da orayeba men el gam3a", "intent": "availability"}
{"text": "عايز أوضة قريبة من الجامعة للطلبة", "intent": "availability"}
{"text": "فيه شقة فاضية فيها عفش؟", "intent": "availability"}
{"text": "is daar 'n woonstel beskikbaar vir volgende maand?", "intent": "availability"}
{"text": "we are looking for a shop space on the main road, anything free?", "intent": "availability"}
{"text": "do you have an office unit to let in the business park?", "intent": "availability"}
{"text": "momken azoor el sha2a bokra el sa3a 5?", "intent": "viewing_booking"}
{"text": "ينفع أشوف الشقة يوم السبت الصبح؟", "intent": "viewing_booking"}
{"text": "ndashobora kuza kureba inzu ejo saa cyenda?", "intent": "viewing_booking"}
{"text": "kan ek die woonstel Saterdag kom kyk?", "intent": "viewing_booking"}
{"text": "el sha2a di be kam fel shahr?", "intent": "price_inquiry"}
{"text": "الإيجار كام في الشهر؟", "intent": "price_inquiry"}
{"text": "hoeveel is die huur per maand?", "intent": "price_inquiry"}
{"text": "hoeveel kos dit per nag?", "intent": "price_inquiry"}
{"text": "how much per night for the cottage?", "intent": "price_inquiry"}
{"text": "amafaranga y'ubukode ni angahe ku kwezi?", "intent": "price_inquiry"}
{"text": "I'm at the gate now, which house is yours?", "intent": "location_directions"}
{"text": "nageze ku muryango, ni iyihe nzu?", "intent": "location_directions"}
{"text": "ndi ku gipangu, ninjire he?", "intent": "location_directions"}
{"text": "nimefika getini, nyumba ni ipi?", "intent": "location_directions"}
{"text": "nimefika, nipigie kwa 0712000111 unielekeze", "intent": "location_directions"}
{"text": "je suis devant le portail, c'est quelle maison ?", "intent": "location_directions"}
{"text": "ana wasalt 3and el bawaba, anhi 3omara?", "intent": "location_directions"}
{"text": "أنا واقف قدام العمارة، أي دور؟", "intent": "location_directions"}
{"text": "ek is by die hek, watter huis is dit?", "intent": "location_directions"}
{"text": "I dey for the junction, which way to the compound?", "intent": "location_directions"}
{"text": "ek het die huur betaal, verwysing woonstel 12", "intent": "rent_payment"}
{"text": "dafa3t el egar el naharda 3ala instapay", "intent": "rent_payment"}
{"text": "دفعت الإيجار النهارده، ابعتلك الإيصال؟", "intent": "rent_payment"}
{"text": "nishyuye ubukode bw'uku kwezi kuri MoMo", "intent": "rent_payment"}
{"text": "momken tab3atly 3a2d el egar?", "intent": "document_request"}
{"text": "ابعتلي صورة من العقد لو سمحت", "intent": "document_request"}
{"text": "stuur asseblief die huurkontrak", "intent": "document_request"}
{"text": "3ayez akalem 7ad men el sherka", "intent": "talk_to_agent"}
{"text": "عايز اتكلم مع حد من الإدارة", "intent": "talk_to_agent"}
{"text": "kan ek met die agent praat?", "intent": "talk_to_agent"}
{"text": "ana hasib el sha2a akher el shahr", "intent": "move_out"}
{"text": "هسيب الشقة آخر الشهر ده", "intent": "move_out"}
{"text": "ons trek aan die einde van die maand uit", "intent": "move_out"}
{"text": "3ayez ageded el 3a2d sana kaman", "intent": "lease_renewal"}
{"text": "عايز أجدد العقد سنة كمان", "intent": "lease_renewal"}
{"text": "ons wil die huurkontrak met 'n jaar verleng", "intent": "lease_renewal"}
{"text": "ma3a el salama", "intent": "goodbye"}
{"text": "sala kahle", "intent": "goodbye"}
{"text": "totsiens", "intent": "goodbye"}
{"text": "nna bulungi", "intent": "goodbye"}
{"text": "the painter has finished the bedroom, looks great, thank you", "intent": "thanks"}
{"text": "the job is completed and the toilet flushes again, many thanks", "intent": "thanks"}
{"text": "all sorted, the mechanic for the gate has finished, thanks boss", "intent": "thanks"}
{"text": "they finished replacing the bulbs in the corridor, appreciated", "intent": "thanks"}
{"text": "fundi amekamilisha kazi, asante kwa kumtuma", "intent": "thanks"}
{"text": "l'électricien a terminé, tout marche, merci à vous", "intent": "thanks"}
{"text": "umufundi yarangije, amazi araza neza, murakoze", "intent": "thanks"}
{"text": "the welder completed the gate this morning, ngiyabonga", "intent": "thanks"}
{"text": "the technician came and finished quickly, webale", "intent": "thanks"}
{"text": "el fanni 5allas w kollo tamam, shokran", "intent": "thanks"}
{"text": "good afternoon, we rent the pharmacy unit near the parking, the water bill you sent is double what we use", "intent": "complaint"}
{"text": "hello, my name is Grace from the tailoring shop, we were charged twice for service charge this month", "intent": "complaint"}
{"text": "good morning sir, I have the office on floor 3 and the electricity invoice is wrong again", "intent": "complaint"}
{"text": "bonjour, nous louons la boutique du rez-de-chaussée, la facture d'eau est fausse", "intent": "complaint"}
{"text": "habari, tuna duka hapa chini, bili ya maji ni kubwa mno haiwezekani", "intent": "complaint"}
{"text": "sabah el kheir, ana sa7eb el ma7al el ta7t, fatoret el maya ghalat", "intent": "complaint"}
{"text": "the plumber finished but the tap is still dripping, can he come back?", "intent": "maintenance_request"}
{"text": "they fixed the socket yesterday but it stopped working again today", "intent": "maintenance_request"}
{"text": "the electrician left without finishing, the kitchen lights still don't work", "intent": "maintenance_request"}
{"text": "come quickly please, it's getting worse", "intent": "maintenance_request"}
{"text": "hurry, we are still waiting for the fundi", "intent": "maintenance_request"}
{"text": "be quick please, the water is rising", "intent": "maintenance_request"}
{"text": "haraka tafadhali, bado inavuja", "intent": "maintenance_request"}
{"text": "vite s'il vous plaît, ça empire", "intent": "maintenance_request"}
{"text": "bisa vite please, e don dey worse", "intent": "maintenance_request"}
{"text": "yalla besor3a, el maya bteghra2 el ard", "intent": "maintenance_request"}
{"text": "mwihute, amazi arakomeza kwiyongera", "intent": "maintenance_request"}
{"text": "the carpenter is done, all doors close well now, thank you", "intent": "thanks"}
{"text": "water is flowing normally again, thanks a lot", "intent": "thanks"}
{"text": "power restored in the whole block, asanteni", "intent": "thanks"}
{"text": "the builder is done with the wall, ngiyabonga", "intent": "thanks"}
{"text": "kazi imekwisha, kila kitu kiko sawa, asante", "intent": "thanks"}
{"text": "el egar kam lel sha2a el 3 owad?", "intent": "price_inquiry"}
{"text": "be kam el studio fel shahr?", "intent": "price_inquiry"}
{"text": "el me2dam kam w el ta2meen kam?", "intent": "price_inquiry"}
{"text": "fi sha2a fadya fel zamalek?", "intent": "availability"}
{"text": "3andoko sha2a 2 owad be 12 alf?", "intent": "availability"}
{"text": "fi ostoodio fadi orayeb men el metro?", "intent": "availability"}
{"text": "في شقة فاضية في المعادي بحدود عشرة آلاف؟", "intent": "availability"}
{"text": "el asansir wa2ef men 3 ayam w ma7adesh beyesal", "intent": "complaint"}
{"text": "الزبالة مترمية قدام العمارة من أسبوع ومحدش بيشيلها", "intent": "complaint"}
{"text": "el geran 3amleen dawsha kol yom lel fagr", "intent": "complaint"}
{"text": "a2dar agi ashoof el sha2a el sobh?", "intent": "viewing_booking"}
{"text": "momken ma3ad lel mo3ayna yom el 7ad?", "intent": "viewing_booking"}
{"text": "the electrician promised to come on Monday and never showed up, I'm fed up", "intent": "complaint"}
{"text": "third time the fundi says he is coming and doesn't come, this is not serious", "intent": "complaint"}
{"text": "le plombier devait passer hier, personne n'est venu, j'en ai marre", "intent": "complaint"}
{"text": "fundi aliahidi kuja jana hakuja, nimechoka kusubiri", "intent": "complaint"}
{"text": "le plombier a fini, plus aucune fuite, merci beaucoup", "intent": "thanks"}
{"text": "c'est bon, l'eau coule de nouveau, merci à vous", "intent": "thanks"}
{"text": "l'ascenseur remarche depuis ce matin, merci pour l'intervention", "intent": "thanks"}
{"text": "the borehole pump is running again, webale nnyo", "intent": "thanks"}
{"text": "gate remote works now, webale", "intent": "thanks"}
{"text": "the new padlock is on the gate, medaase paa", "intent": "thanks"}
{"text": "hot water is back in the shower, ngiyabonga", "intent": "thanks"}
{"text": "our lights came back this morning, dankie", "intent": "thanks"}
{"text": "dit werk nou, baie dankie vir die vinnige hulp", "intent": "thanks"}
{"text": "the cleaner came and the stairs are spotless, medaase", "intent": "thanks"}
{"text": "electrician sorted the sockets, everything okay now, tanks sah", "intent": "thanks"}
{"text": "the mould was treated and the room smells fresh now, thank you", "intent": "thanks"}
{"text": "we have water again since morning, ngiyabonga kakhulu", "intent": "thanks"}
{"text": "hi, I own the butchery by the market entrance, you billed us for water we never used", "intent": "complaint"}
{"text": "hello, we lease the two offices upstairs, and the service charge went up with no explanation", "intent": "complaint"}
{"text": "good evening, we are the salon in unit 3, the generator charge on our invoice makes no sense", "intent": "complaint"}
{"text": "morning, this is the manager of the cafe downstairs, the security guard keeps leaving his post", "intent": "complaint"}
{"text": "habari, mimi ni mwenye duka namba 5, mmetutoza ada ya usafi mara mbili", "intent": "complaint"}
{"text": "bonjour, je tiens la boutique au coin, la facture d'électricité ne correspond pas à notre compteur", "intent": "complaint"}
{"text": "el sha2a fiha parking wala la2?", "intent": "availability"}
{"text": "fi shoa2 fiha takyeef w mafroosha?", "intent": "availability"}
{"text": "mesh 3ayez 2ektar men 8 alf, fi 7aga fel manteqa?", "intent": "availability"}
{"text": "el ostoodio da lessa fady?", "intent": "availability"}
{"text": "ek soek 'n kamer om te huur naby die kampus", "intent": "availability"}
{"text": "het julle 'n woonstel met twee slaapkamers beskikbaar?", "intent": "availability"}
{"text": "is die huis nog te huur?", "intent": "availability"}
{"text": "does the shop space have its own toilet and water meter?", "intent": "availability"}
{"text": "inzu ifite amazi ahoraho?", "intent": "availability"}
{"text": "wanneer kan ons die huis sien?", "intent": "viewing_booking"}
{"text": "kan ons Sondag middag kom kyk na die woonstel?", "intent": "viewing_booking"}
{"text": "momken ngy nshoof el ostoodio el nahrda ba3d el dohr?", "intent": "viewing_booking"}
{"text": "ons het geen water nie, stuur asseblief iemand", "intent": "maintenance_request"}
{"text": "die ligte werk nie in die kombuis nie", "intent": "maintenance_request"}
{"text": "die dak lek in die slaapkamer", "intent": "maintenance_request"}
{"text": "ek het nie krag in die woonstel nie, kan julle iemand stuur?", "intent": "maintenance_request"}
{"text": "el takyeef mesh beyshta3'al, momken fanni?", "intent": "maintenance_request"}
{"text": "die bure se honde blaf die hele nag, dis onaanvaarbaar", "intent": "complaint"}
{"text": "ek trek volgende maand uit, wat is die proses?", "intent": "move_out"}
{"text": "el 3a2d haykhlas w mesh hagaded, 3ayez asalem el sha2a", "intent": "move_out"}
{"text": "ek wil graag my huurkontrak hernu", "intent": "lease_renewal"}
{"text": "ek het die huur oorbetaal via EFT, verwysing 5A", "intent": "rent_payment"}
{"text": "hoeveel is die deposito?", "intent": "price_inquiry"}
{"text": "wat kos die woonstel per maand?", "intent": "price_inquiry"}
{"text": "waar is die kantoor?", "intent": "location_directions"}
{"text": "ek is by die hoofingang, waarheen nou?", "intent": "location_directions"}
{"text": "môre, hoe gaan dit met jou?", "intent": "greeting"}
{"text": "mooi bly, totsiens", "intent": "goodbye"}
{"text": "the intercom is working now, thanks", "intent": "thanks"}
{"text": "the fan works now, webale ssebo", "intent": "thanks"}
{"text": "outside lights are on again, dankie meneer", "intent": "thanks"}
{"text": "the drain is clear now, much appreciated", "intent": "thanks"}
{"text": "all done with the ceiling, asante sana fundi", "intent": "thanks"}
{"text": "umukodesha ntarariha amezi atatu, ngo azoriha ku wa mbere", "intent": "rent_payment"}
{"text": "nzoriha amafaranga y'inzu ku wa gatanu, ndabasavye kwihangana", "intent": "rent_payment"}
{"text": "naciye ndiha ubukode bw'uku kwezi, murabe mwabironse", "intent": "rent_payment"}
{"text": "ntararungika amafaranga y'ukwezi gushize, azoyarungika ejo", "intent": "rent_payment"}
{"text": "can you share the RIB for the rent transfer", "intent": "rent_payment"}
{"text": "envoyez-moi votre RIB pour le virement du loyer", "intent": "rent_payment"}
{"text": "donnez moi le rib svp je veux payer", "intent": "rent_payment"}
{"text": "j'ai besoin d'une attestation de location pour mon dossier à la banque", "intent": "document_request"}
{"text": "une attestation de bail au nom de la boutique svp, c'est pour le crédit", "intent": "document_request"}
{"text": "tu peux m'envoyer le reçu du loyer de mars par email ?", "intent": "document_request"}
{"text": "need a tenancy letter for my bank loan application", "intent": "document_request"}
{"text": "looking for a 2 bed villa in the north, budget about 70k a year", "intent": "availability"}
{"text": "we want a family villa with 5 rooms, can go up to SAR 110,000", "intent": "availability"}
{"text": "any 3 bedroom townhouse within 85k budget?", "intent": "availability"}
{"text": "NEPA transformer don blow, whole block no light since night", "intent": "maintenance_request"}
{"text": "the transformer exploded, we don't have power in the building", "intent": "maintenance_request"}
{"text": "transfo a sauté, plus de courant dans l'immeuble", "intent": "maintenance_request"}
{"text": "after the renewal will my rent still be 600 DT?", "intent": "lease_renewal"}
{"text": "le loyer reste à 800 dinars si on renouvelle ?", "intent": "lease_renewal"}
{"text": "when we renew, does the price stay the same?", "intent": "lease_renewal"}
{"text": "happy new year boss, wishing you a blessed 2025", "intent": "greeting"}
{"text": "bonne année à toute l'équipe 🎉", "intent": "greeting"}
{"text": "sana njema na heri ya mwaka mpya", "intent": "greeting"}
{"text": "كل عام وانتم بخير، سنة سعيدة", "intent": "greeting"}
{"text": "umwaka mushya muhire!", "intent": "greeting"}
{"text": "bathroom window cracked overnight, URGENT", "intent": "maintenance_request"}
{"text": "somebody smashed the shop glass door last night!!! come quick", "intent": "maintenance_request"}
{"text": "vitre de la fenêtre cassée cette nuit, urgent !!", "intent": "maintenance_request"}
{"text": "still going on, nobody has done anything 😡", "intent": "complaint"}
{"text": "it's happening again tonight, same music until 3am", "intent": "complaint"}
{"text": "still the same problem 😤", "intent": "complaint"}
{"text": "ça continue toujours 😤", "intent": "complaint"}
{"text": "3aychek ya si, rabi ykhalik", "intent": "thanks"}
{"text": "3aishek barcha 🙏", "intent": "thanks"}
{"text": "chokran bzaf a khoya", "intent": "thanks"}
{"text": "يعطيك الصحة خويا", "intent": "thanks"}
{"text": "الله يعطيك العافية على المتابعة", "intent": "thanks"}
{"text": "jërëjëf boroom kër", "intent": "thanks"}
{"text": "dalu nwanne, it's working now", "intent": "thanks"}
{"text": "e se gan sir, God bless", "intent": "thanks"}
{"text": "el moteur ta3es men mbere7, ma fi kahraba abadan", "intent": "maintenance_request"}
{"text": "l ishtirak m2atta3 w EDL ma ijet kel el nhar", "intent": "maintenance_request"}
{"text": "el moteur ma 3am ydour, fi 7ada yjarrbo?", "intent": "maintenance_request"}
{"text": "kahraba el dawle ma2tou3a w el generator mafi mazout", "intent": "maintenance_request"}
{"text": "ba3atoulna 7ada ysalle7 el moteur please", "intent": "maintenance_request"}
{"text": "el moteur bi2atte3 kel shway, el bayt bel 3atme", "intent": "maintenance_request"}
{"text": "sar 3 iyyem EDL ma ijet w el moteur kamen ma 3am yechte8el", "intent": "maintenance_request"}
{"text": "el asanseur 3el2an bel tabe2 el tene", "intent": "maintenance_request"}
{"text": "l ascenseur msakkar men yom el jem3a, l 3ajaze ma fiyon ytl3o", "intent": "maintenance_request"}
{"text": "el mi3dad ta3 el kahraba nafakh, fi ri7it 7ari2", "intent": "maintenance_request"}
{"text": "el khazzen fadi, ma fi may bel 7ammem", "intent": "maintenance_request"}
{"text": "el mukayyef kharban, ab3at fanni law sama7t", "intent": "maintenance_request"}
{"text": "el mukayif ma yebarred, tkfa arslu a7ad el yom", "intent": "maintenance_request"}
{"text": "al kahraba taffat fi al shu2a, wesh al sabab?", "intent": "maintenance_request"}
{"text": "el 7anafiye 3am tnaz2el may 3al ard", "intent": "maintenance_request"}
{"text": "courant ezali te depuis lobi na butu, tosala nini?", "intent": "maintenance_request"}
{"text": "robinet ezali kosopa mai, tinda plombier", "intent": "maintenance_request"}
{"text": "mai ezali koya te na ndako banda mikolo mibale", "intent": "maintenance_request"}
{"text": "moteur ekufi, bótinda mekanisyen lelo", "intent": "maintenance_request"}
{"text": "serrure ya porte ebukani, ekangami lisusu te", "intent": "maintenance_request"}
{"text": "courant ekatamaka mokolo nyonso, bóbongisa yango", "intent": "maintenance_request"}
{"text": "fuite ya mai na cuisine, eza kosopana partout", "intent": "maintenance_request"}
{"text": "nazali koluka ndako ya ba chambres mibale na Gombe", "intent": "availability"}
{"text": "ndako oyo ezali libre?", "intent": "availability"}
{"text": "bozali na appartement ya kofutela na Limete?", "intent": "availability"}
{"text": "loyer ya ndako oyo ezali boni?", "intent": "price_inquiry"}
{"text": "ntalo ezali makasi, bokoki kokitisa moke?", "intent": "price_inquiry"}
{"text": "nakoya kotala ndako lobi na ntongo", "intent": "viewing_booking"}
{"text": "nakoki koya kotala appartement mpokwa?", "intent": "viewing_booking"}
{"text": "nafuti loyer na M-Pesa lelo", "intent": "rent_payment"}
{"text": "mbote na yo", "intent": "greeting"}
{"text": "mbote mpangi, ozali malamu?", "intent": "greeting"}
{"text": "bonjour tata, bozali malamu?", "intent": "greeting"}
{"text": "matondo mpenza", "intent": "thanks"}
{"text": "merci mingi tata", "intent": "thanks"}
{"text": "matondo, nazwi yango", "intent": "thanks"}
{"text": "kende malamu", "intent": "goodbye"}
{"text": "tokutana lobi", "intent": "goodbye"}
{"text": "tokomonana mpokwa", "intent": "goodbye"}
{"text": "c'est cher deh, faut nous diminuer un peu", "intent": "price_inquiry"}
{"text": "le prix là c'est gbê, on peut s'arranger ?", "intent": "price_inquiry"}
{"text": "mon frère fais-moi un prix, c'est trop lourd", "intent": "price_inquiry"}
{"text": "vous allez pas baisser un peu pour moi ?", "intent": "price_inquiry"}
{"text": "c'est pas trop cher pour une deux pièces ? faut voir ça un peu", "intent": "price_inquiry"}
{"text": "dernier prix c'est combien ?", "intent": "price_inquiry"}
{"text": "courant est parti depuis hier, on est dans le noir", "intent": "maintenance_request"}
{"text": "le robinet coule, envoyez plombier vite deh", "intent": "maintenance_request"}
{"text": "on dit quoi, y a pas une maison à louer à Cocody ?", "intent": "availability"}
{"text": "vous avez pas un studio vers Yopougon ?", "intent": "availability"}
{"text": "je peux venir voir la maison lundi matin ?", "intent": "viewing_booking"}
{"text": "je passe voir l'appartement demain vers 10h, c'est bon ?", "intent": "viewing_booking"}
{"text": "hiyo bei ni mob, tuongee kidogo", "intent": "price_inquiry"}
{"text": "bei ni fiti? unaweza ni-cut kidogo", "intent": "price_inquiry"}
{"text": "last price ni ngapi boss?", "intent": "price_inquiry"}
{"text": "mhoro shamwari", "intent": "greeting"}
{"text": "mangwanani, makadii?", "intent": "greeting"}
{"text": "manheru baba", "intent": "greeting"}
{"text": "ndeipi boss", "intent": "greeting"}
{"text": "masikati, maswera sei?", "intent": "greeting"}
{"text": "makadini henyu", "intent": "greeting"}
{"text": "mulishani mukwai", "intent": "greeting"}
{"text": "mwashibukeni ba landlord", "intent": "greeting"}
{"text": "muli shani?", "intent": "greeting"}
{"text": "moni a bwana", "intent": "greeting"}
{"text": "muli bwanji bambo", "intent": "greeting"}
{"text": "mwauka bwanji?", "intent": "greeting"}
{"text": "ሰላም", "intent": "greeting"}
{"text": "ሰላም ጤና ይስጥልኝ", "intent": "greeting"}
{"text": "እንደምን አደርክ", "intent": "greeting"}
{"text": "እንደምን ዋላችሁ", "intent": "greeting"}
{"text": "ጤና ይስጥልኝ", "intent": "greeting"}
{"text": "selam new?", "intent": "greeting"}
{"text": "tena yistilign", "intent": "greeting"}
{"text": "endet neh?", "intent": "greeting"}
{"text": "ndatenda baba", "intent": "thanks"}
{"text": "maita basa", "intent": "thanks"}
{"text": "mazvita", "intent": "thanks"}
{"text": "ndinotenda zvikuru", "intent": "thanks"}
{"text": "tatenda", "intent": "thanks"}
{"text": "natotela sana", "intent": "thanks"}
{"text": "twatotela", "intent": "thanks"}
{"text": "zikomo bambo", "intent": "thanks"}
{"text": "zikomo kwambiri a bwana", "intent": "thanks"}
{"text": "በጣም አመሰግናለሁ", "intent": "thanks"}
{"text": "እናመሰግናለን", "intent": "thanks"}
{"text": "amesegnalehu", "intent": "thanks"}
{"text": "betam amesegnalew", "intent": "thanks"}
{"text": "fambai zvakanaka", "intent": "goodbye"}
{"text": "sarai zvakanaka", "intent": "goodbye"}
{"text": "tichaonana mangwana", "intent": "goodbye"}
{"text": "shalenipo", "intent": "goodbye"}
{"text": "tukamonana", "intent": "goodbye"}
{"text": "tionana mawa", "intent": "goodbye"}
{"text": "pitani bwino", "intent": "goodbye"}
{"text": "tsalani bwino", "intent": "goodbye"}
{"text": "ቻው", "intent": "goodbye"}
{"text": "ደህና ሁን", "intent": "goodbye"}
{"text": "ደህና ሁኑ", "intent": "goodbye"}
{"text": "dehna hun", "intent": "goodbye"}
{"text": "مشكورين ما قصرتوا", "intent": "thanks"}
{"text": "مشكور أخوي", "intent": "thanks"}
{"text": "جزاكم الله خيرا على المساعدة", "intent": "thanks"}
{"text": "تسلم يا غالي", "intent": "thanks"}
{"text": "يسلمو إيديك", "intent": "thanks"}
{"text": "mashkoor", "intent": "thanks"}
{"text": "mashkoorin ya shabab", "intent": "thanks"}
{"text": "yislamo", "intent": "thanks"}
{"text": "teslam ya ghali", "intent": "thanks"}
{"text": "ashkorak", "intent": "thanks"}
{"text": "ashkurak 3ala kel shi", "intent": "thanks"}
{"text": "jazak allah khair", "intent": "thanks"}
{"text": "jazakAllahu khayran bro", "intent": "thanks"}
{"text": "allah y3tik el 3afia", "intent": "thanks"}
{"text": "tislam idak", "intent": "thanks"}
{"text": "شكرا لك، مع السلامة", "intent": "thanks"}
{"text": "شكرا على وقتك، الله معك", "intent": "thanks"}
{"text": "thanks for showing us around, we'll discuss and let you know", "intent": "thanks"}
{"text": "thank you for the viewing yesterday, I'll get back to you by Friday", "intent": "thanks"}
{"text": "appreciate you taking the time to show me the place, will revert", "intent": "thanks"}
{"text": "thank you for your time today, I'll think about it", "intent": "thanks"}
{"text": "merci bien, je vais voir ça avec mon mari, bonne journée", "intent": "thanks"}
{"text": "ok merci, je reviens vers vous, bonne soirée", "intent": "thanks"}
{"text": "asante kwa kunionyesha nyumba, nitakujulisha", "intent": "thanks"}
{"text": "thanks, the electrician sorted the sockets", "intent": "thanks"}
{"text": "thank you sir, the gate is working again", "intent": "thanks"}
{"text": "merci patron, le plombier est passé et tout marche", "intent": "thanks"}
{"text": "merci, le courant est revenu", "intent": "thanks"}
{"text": "shukran, el fanni sallah el mukayyef", "intent": "thanks"}
{"text": "murakoze, umufundi yakoze robine", "intent": "thanks"}
{"text": "asante boss, stima imerudi", "intent": "thanks"}
{"text": "ok noted, thank you", "intent": "thanks"}
{"text": "noted, asante", "intent": "thanks"}
{"text": "bien reçu, merci", "intent": "thanks"}
{"text": "okay noted, zikomo", "intent": "thanks"}
{"text": "noted mukwai, twatotela", "intent": "thanks"}
{"text": "well received, thanks", "intent": "thanks"}
{"text": "is the rent going to go up next year?", "intent": "price_inquiry"}
{"text": "will my rent increase in January?", "intent": "price_inquiry"}
{"text": "are you raising the rent this year?", "intent": "price_inquiry"}
{"text": "so the rent becomes 450 dollars from next month?", "intent": "price_inquiry"}
{"text": "just to confirm, from June the rent will be KES 38,000?", "intent": "price_inquiry"}
{"text": "so I'll be paying 600 a month from now on?", "intent": "price_inquiry"}
{"text": "will the rent remain 5000 or will it change?", "intent": "price_inquiry"}
{"text": "is there any rent increase coming?", "intent": "price_inquiry"}
{"text": "how much will the rent be after the increase?", "intent": "price_inquiry"}
{"text": "by how much is the rent going up?", "intent": "price_inquiry"}
{"text": "le loyer va rester à 150 000 ou il va augmenter ?", "intent": "price_inquiry"}
{"text": "donc le nouveau loyer sera de 200 000 à partir de mai ?", "intent": "price_inquiry"}
{"text": "vous allez augmenter le loyer en janvier ?", "intent": "price_inquiry"}
{"text": "il y aura une augmentation du loyer cette année ?", "intent": "price_inquiry"}
{"text": "kodi itabaki ile ile au itapanda?", "intent": "price_inquiry"}
{"text": "kwa hiyo kodi mpya ni 15,000 kuanzia mwezi ujao?", "intent": "price_inquiry"}
{"text": "mtaongeza kodi mwaka huu?", "intent": "price_inquiry"}
{"text": "ubukode buzazamuka umwaka utaha?", "intent": "price_inquiry"}
{"text": "هل سيرتفع الإيجار السنة الجاية؟", "intent": "price_inquiry"}
{"text": "يعني الإيجار الجديد 3000 من شهر مارس؟", "intent": "price_inquiry"}
{"text": "رح تزيدوا الإيجار هالسنة؟", "intent": "price_inquiry"}
{"text": "el ajar rah yzid el sene el jeye?", "intent": "price_inquiry"}
{"text": "ya3ni el ijar el jdid 500 men awwal nisan?", "intent": "price_inquiry"}
{"text": "kra ghadi tzid f 3am jay?", "intent": "price_inquiry"}
{"text": "el egar hayzeed el sana di?", "intent": "price_inquiry"}
{"text": "after renewing, will it still be 1200 a month?", "intent": "lease_renewal"}
{"text": "kodi itapanda nikirenew mkataba?", "intent": "lease_renewal"}
{"text": "iza jaddadt el 3a2d, el ijar byeb2a nafso?", "intent": "lease_renewal"}
{"text": "en renouvelant, le loyer reste le même ?", "intent": "lease_renewal"}
{"text": "if we extend the lease, is there an increase?", "intent": "lease_renewal"}
{"text": "عند تجديد العقد هل يتغير المبلغ؟", "intent": "lease_renewal"}
{"text": "can the renewal be for six months rather than a full year?", "intent": "lease_renewal"}
{"text": "could we do a shorter term this time, like 6 months?", "intent": "lease_renewal"}
{"text": "on peut renouveler pour 6 mois seulement ?", "intent": "lease_renewal"}
{"text": "naweza kurenew kwa miezi sita badala ya mwaka?", "intent": "lease_renewal"}
{"text": "rather than a year, can I extend by 3 months only?", "intent": "lease_renewal"}
{"text": "sorry, how much did you say the rent was?", "intent": "price_inquiry"}
{"text": "remind me the price again?", "intent": "price_inquiry"}
{"text": "pardon, c'était combien le loyer déjà ?", "intent": "price_inquiry"}
{"text": "samahani, kodi ilikuwa ngapi tena?", "intent": "price_inquiry"}
{"text": "3afwan, kam kan el ijar?", "intent": "price_inquiry"}
{"text": "the listing said 300 but the agent told me 350, which one?", "intent": "price_inquiry"}
{"text": "on m'a dit 100 000 mais l'annonce dit 80 000, c'est lequel ?", "intent": "price_inquiry"}
{"text": "tangazo linasema 20k lakini agent anasema 25k, ipi sahihi?", "intent": "price_inquiry"}
{"text": "the advert and the caretaker gave me different prices, what is the real rent?", "intent": "price_inquiry"}
{"text": "we pay 50 dollars for the generator every month and it is always off", "intent": "complaint"}
{"text": "I pay for the ishtirak and get 4 hours a day, not fair", "intent": "complaint"}
{"text": "paying service charge for a lift that never works", "intent": "complaint"}
{"text": "on paie le groupe électrogène chaque mois pour rien", "intent": "complaint"}
{"text": "tunalipa pesa ya generator kila mwezi bure", "intent": "complaint"}
{"text": "ndfa3 ishtirak kel chahr w ma fi kahraba, haram", "intent": "complaint"}
{"text": "any update?", "intent": "other"}
{"text": "any updates on this?", "intent": "other"}
{"text": "any progress?", "intent": "other"}
{"text": "so what's the status?", "intent": "other"}
{"text": "what's happening with this?", "intent": "other"}
{"text": "hello?? anyone there?", "intent": "other"}
{"text": "any feedback please", "intent": "other"}
{"text": "any news?", "intent": "other"}
{"text": "des nouvelles svp ?", "intent": "other"}
{"text": "alors, du nouveau ?", "intent": "other"}
{"text": "toujours pas de retour ?", "intent": "other"}
{"text": "vipi, kuna habari?", "intent": "other"}
{"text": "habari yoyote boss?", "intent": "other"}
{"text": "amakuru ki kuri iki kibazo?", "intent": "other"}
{"text": "hari igishya?", "intent": "other"}
{"text": "shu sar?", "intent": "other"}
{"text": "chno w9e3?", "intent": "other"}
{"text": "kayn chi jdid?", "intent": "other"}
{"text": "أي جديد؟", "intent": "other"}
{"text": "في أخبار؟", "intent": "other"}
{"text": "abeg any update?", "intent": "other"}
{"text": "boss any news??", "intent": "other"}
{"text": "any update 🙏", "intent": "other"}
{"text": "my residence permit is due for renewal and they need my tenancy contract", "intent": "document_request"}
{"text": "renewing my visa, please send a copy of the lease agreement", "intent": "document_request"}
{"text": "je renouvelle ma carte de séjour, il me faut une copie du bail", "intent": "document_request"}
{"text": "nahitaji nakala ya mkataba kwa ajili ya kurenew kibali cha kazi", "intent": "document_request"}
{"text": "أحتاج نسخة من عقد الإيجار لتجديد الإقامة", "intent": "document_request"}
{"text": "for my driving licence renewal I need a copy of the contract", "intent": "document_request"}
{"text": "renewing my passport, can you give me a letter confirming my address", "intent": "document_request"}
{"text": "the bank is renewing my loan and asks for my rental agreement, please share it", "intent": "document_request"}
{"text": "we'd like to take the 2 bedroom, when can we sign the lease?", "intent": "availability"}
{"text": "I'm ready to sign for the studio on the 4th floor", "intent": "availability"}
{"text": "we decided to take the house, what's next to sign the contract?", "intent": "availability"}
{"text": "on prend l'appartement, on signe le contrat quand ?", "intent": "availability"}
{"text": "tunataka kuchukua nyumba, tusaini mkataba lini?", "intent": "availability"}
{"text": "bghina nakhdo l'appart, fo9ach nsigniw l contrat?", "intent": "availability"}
{"text": "please send the new lease for the flat we are taking so I can read it before signing", "intent": "document_request"}
{"text": "happy new year to you and your family", "intent": "greeting"}
{"text": "compliments of the season boss", "intent": "greeting"}
{"text": "merry christmas and a prosperous new year", "intent": "greeting"}
{"text": "eid mubarak", "intent": "greeting"}
{"text": "eid saeed to you and yours", "intent": "greeting"}
{"text": "ramadan kareem", "intent": "greeting"}
{"text": "happy eid everyone 🌙", "intent": "greeting"}
{"text": "kel 3am w enta b kheir", "intent": "greeting"}
{"text": "kel sene w enta b alf kheir", "intent": "greeting"}
{"text": "kol sana w enta tayeb", "intent": "greeting"}
{"text": "sana sa3ida ya jama3a", "intent": "greeting"}
{"text": "3id mbarek sa3id", "intent": "greeting"}
{"text": "عيد سعيد", "intent": "greeting"}
{"text": "رمضان كريم", "intent": "greeting"}
{"text": "كل عام وأنت بخير", "intent": "greeting"}
{"text": "عام سعيد عليكم", "intent": "greeting"}
{"text": "عيدكم مبارك", "intent": "greeting"}
{"text": "bonne et heureuse année", "intent": "greeting"}
{"text": "meilleurs vœux pour la nouvelle année", "intent": "greeting"}
{"text": "bonne fête de Tabaski", "intent": "greeting"}
{"text": "joyeux noël à vous et votre famille", "intent": "greeting"}
{"text": "bonne fête de Ramadan", "intent": "greeting"}
{"text": "heri ya sikukuu", "intent": "greeting"}
{"text": "idd mubarak", "intent": "greeting"}
{"text": "heri ya krismasi na mwaka mpya", "intent": "greeting"}
{"text": "Noheli nziza", "intent": "greeting"}
{"text": "መልካም አዲስ ዓመት", "intent": "greeting"}
{"text": "እንኳን አደረሳችሁ", "intent": "greeting"}
{"text": "bonne année 2026 tonton", "intent": "greeting"}
{"text": "happy new year landlord, may this year be good for us all", "intent": "greeting"}
{"text": "honey I'm on my way home, do we need bread?", "intent": "other"}
{"text": "mum I arrived safely", "intent": "other"}
{"text": "dad please send me school fees", "intent": "other"}
{"text": "bro are we still meeting tonight?", "intent": "other"}
{"text": "sorry wrong chat", "intent": "other"}
{"text": "oops, that message was not for you", "intent": "other"}
{"text": "sorry I sent that to the wrong person", "intent": "other"}
{"text": "pardon, je me suis trompé de conversation", "intent": "other"}
{"text": "chérie je suis rentré, tu es où ?", "intent": "other"}
{"text": "samahani, nimekosea namba", "intent": "other"}
{"text": "mama nimefika salama", "intent": "other"}
{"text": "hayati wselt el bet", "intent": "other"}
{"text": "معلش غلطت بالرقم", "intent": "other"}
{"text": "حبيبتي أنا وصلت البيت", "intent": "other"}
{"text": "dear, please pick the kids from school", "intent": "other"}
{"text": "ignore my last message, it was meant for my brother", "intent": "other"}
{"text": "sorry sir, wrong number 🙏", "intent": "other"}
{"text": "oh sorry, wrong group", "intent": "other"}
{"text": "do you have plots for sale?", "intent": "other"}
{"text": "are you selling any houses?", "intent": "other"}
{"text": "vous vendez aussi des terrains ?", "intent": "other"}
{"text": "mnauza viwanja pia?", "intent": "other"}
{"text": "3indkum aradi lal bai3?", "intent": "other"}
{"text": "I want to buy a house, not rent", "intent": "other"}
{"text": "3indkum sha2a lil ijar fi al malqa?", "intent": "availability"}
{"text": "fi villa fadia lil ijar qareeb min al madrasa?", "intent": "availability"}
{"text": "mawjood shu2a9 3 ghuraf lil ijar?", "intent": "availability"}
{"text": "abgha sha2a ghurfatain w sala fi al rawdah", "intent": "availability"}
{"text": "fi 3indakum ma7al lil ijar fi al sulaymaniya?", "intent": "availability"}
{"text": "ayn al 7aris? ana barra 3ind al bab", "intent": "location_directions"}
{"text": "ana wasalt al 3imara, wein ad5ul?", "intent": "location_directions"}
{"text": "3atni location al 3imara law sama7t", "intent": "location_directions"}
{"text": "wein al bawwab? ana 3ind al mad5al", "intent": "location_directions"}
{"text": "wein el natour? ana 2eddem el binaye", "intent": "location_directions"}
{"text": "وين الحارس؟ أنا عند البوابة", "intent": "location_directions"}
{"text": "ya3tik el 3afye 3al ta3ab", "intent": "thanks"}
{"text": "ya3tikon el 3afye ya shabab", "intent": "thanks"}
{"text": "allah ya3teek el 3afia khayi", "intent": "thanks"}
{"text": "yeslamo 3al mt3ab", "intent": "thanks"}
{"text": "kel sene w into salmin w b alf kheir", "intent": "greeting"}
{"text": "kel 3am w into b kheir ya jame3a", "intent": "greeting"}
{"text": "sene jdide sa3ide 3alaykon", "intent": "greeting"}
{"text": "hal sayazeed al ijar hatha al 3am?", "intent": "price_inquiry"}
{"text": "kam sayakoon al ijar ba3d al ziyada?", "intent": "price_inquiry"}
{"text": "hal yabqa al ijar kama huwa 3ind tajdeed al 3aqd?", "intent": "lease_renewal"}
{"text": "هل يبقى المبلغ نفسه إذا جددت العقد؟", "intent": "lease_renewal"}
{"text": "بعد التجديد، كم سيصبح الإيجار؟", "intent": "lease_renewal"}
{"text": "sorry, what's the monthly rent again?", "intent": "price_inquiry"}
{"text": "what did you say the price was?", "intent": "price_inquiry"}
{"text": "I forgot, how much was the rent for that one?", "intent": "price_inquiry"}
{"text": "mum I'm home safe, talk later", "intent": "other"}
{"text": "babe where are you, I'm waiting outside the school", "intent": "other"}
{"text": "dear I reached the office, call you at lunch", "intent": "other"}
{"text": "bro I'll call you tonight about the match", "intent": "other"}
{"text": "maman je suis bien arrivée, je t'appelle ce soir", "intent": "other"}
{"text": "mama nimefika, nitakupigia jioni", "intent": "other"}
{"text": "we'd like to go ahead with the flat you showed us, how do we sign?", "intent": "availability"}
{"text": "I want the apartment, when do I sign the tenancy agreement?", "intent": "availability"}
{"text": "can I sign the lease for the studio this week? I'm taking it", "intent": "availability"}
{"text": "paid 30k by airtel, my line is 0977 123 456", "intent": "rent_payment"}
{"text": "sent the rent from my wife's line 0788 111 222", "intent": "rent_payment"}
{"text": "momo sent, the sender number is 0722 333 444", "intent": "rent_payment"}
{"text": "j'ai envoyé par orange money, mon numéro c'est 07 08 09 10 11", "intent": "rent_payment"}
{"text": "you have won 250,000 in our weekly draw, send your ID to claim", "intent": "other"}
{"text": "congratulations, your number was selected for a free phone", "intent": "other"}
{"text": "le livreur a déposé un colis chez le gardien pour moi ?", "intent": "other"}
{"text": "quelqu'un a reçu une lettre à mon nom ?", "intent": "other"}
{"text": "yalla bye, minshuf ba3d", "intent": "goodbye"}
{"text": "yallah nchoufek ghedwa", "intent": "goodbye"}
{"text": "yalla mnehke ba3den", "intent": "goodbye"}
{"text": "bye, n7ki m3ak mba3d", "intent": "goodbye"}
{"text": "so starting next month I'll pay 32k and not 30k anymore?", "intent": "price_inquiry"}
{"text": "from January it's 500 instead of 450, is that right?", "intent": "price_inquiry"}
{"text": "I'll be paying more from April? how much exactly?", "intent": "price_inquiry"}
{"text": "donc je vais payer 120 000 au lieu de 100 000 ?", "intent": "price_inquiry"}
{"text": "kwa hiyo nitalipa 12k badala ya 10k kuanzia mwezi ujao?", "intent": "price_inquiry"}
{"text": "ya3ni bsir edfa3 600 badal 500?", "intent": "price_inquiry"}
{"text": "kodi itakuwa sawa mwaka ujao au itabadilika?", "intent": "price_inquiry"}
{"text": "can you do 40k instead of 45k?", "intent": "price_inquiry"}
{"text": "on peut faire 90 000 au lieu de 100 000 ?", "intent": "price_inquiry"}
{"text": "tunaweza kufanya 18k badala ya 20k?", "intent": "price_inquiry"}
{"text": "abi a7jiz maw3ed ashoof al villa", "intent": "viewing_booking"}
{"text": "mumkin ajee ashoof al sha2a al yom al masa?", "intent": "viewing_booking"}
{"text": "ana faadi bukra al sob7, ashoofha?", "intent": "viewing_booking"}
{"text": "my work permit expires, immigration asks for the lease, please email it", "intent": "document_request"}
{"text": "d'accord, à demain alors", "intent": "goodbye"}
{"text": "bon d'accord, à tout à l'heure", "intent": "goodbye"}
{"text": "ok d'accord, à la prochaine", "intent": "goodbye"}
{"text": "merry christmas to the whole management team", "intent": "greeting"}
{"text": "happy eid to everyone at the office", "intent": "greeting"}
{"text": "ramadan mubarak to you and your team", "intent": "greeting"}
{"text": "idd njema kwa timu yote", "intent": "greeting"}
{"text": "Ke a leboga rra, metsi a boile 🙏", "intent": "thanks"}
{"text": "ke a leboga thata mma, le dirile sentle", "intent": "thanks"}
{"text": "re a leboga, motlakase o boile jaanong", "intent": "thanks"}
{"text": "ok ke a leboga, ke tla go itsise", "intent": "thanks"}
{"text": "Zikomo kwambiri, mpope wakonzedwa bwino", "intent": "thanks"}
{"text": "zikomo a bwana, magetsi abwera", "intent": "thanks"}
{"text": "chabwino, zikomo kwambiri chifukwa cha thandizo", "intent": "thanks"}
{"text": "Misaotra betsaka tompoko, efa voaamboatra ny rano", "intent": "thanks"}
{"text": "misaotra fa tonga haingana ny teknisianina 🙏", "intent": "thanks"}
{"text": "D'accord c'est noté, misaotra betsaka", "intent": "thanks"}
{"text": "ok merci, misaotra indrindra", "intent": "thanks"}
{"text": "Mersi boukou, plonbie la finn vini ranz tou", "intent": "thanks"}
{"text": "mersi, li finn regle aster 👍", "intent": "thanks"}
{"text": "ok mo finn gagn resi la, mersi boukou", "intent": "thanks"}
{"text": "Barka wusgo, le technicien est passé ce matin", "intent": "thanks"}
{"text": "barka, on reviendra vers vous après", "intent": "thanks"}
{"text": "i ni ce kosebe, ji nana sisan", "intent": "thanks"}
{"text": "a ni ce, courant segira 🙏", "intent": "thanks"}
{"text": "sa7a khoya, l ma rja3", "intent": "thanks"}
{"text": "yaatik saha, tselle7 kolchi", "intent": "thanks"}
{"text": "saha, mer9i bzaf 🙏", "intent": "thanks"}
{"text": "صحة خويا، الضو رجع", "intent": "thanks"}
{"text": "يعطيك الصحة على الخدمة", "intent": "thanks"}
{"text": "yislamo edak, el sakhan sha3'al", "intent": "thanks"}
{"text": "تسلم ايدك، الشوفاج رجع يشتغل", "intent": "thanks"}
{"text": "mashkoor akhoi, el mukayef yebarrid zain", "intent": "thanks"}
{"text": "مشكور ما قصرت، الفني خلص الشغل", "intent": "thanks"}
{"text": "thanks a lot bro, AC is cooling fine now, appreciate", "intent": "thanks"}
{"text": "merci infiniment pour votre réactivité, tout fonctionne", "intent": "thanks"}
{"text": "ke a leboga ka resiti 🙏", "intent": "thanks"}
{"text": "Dumelang bagaetsho", "intent": "greeting"}
{"text": "dumela mma, o tsogile jang?", "intent": "greeting"}
{"text": "Dumela rra, le kae", "intent": "greeting"}
{"text": "Moni a bwana, mwadzuka bwanji?", "intent": "greeting"}
{"text": "mwaswera bwanji abale", "intent": "greeting"}
{"text": "Manao ahoana tompoko", "intent": "greeting"}
{"text": "salama tompoko, manao ahoana ianao?", "intent": "greeting"}
{"text": "Bonzour tou dimounn", "intent": "greeting"}
{"text": "bonzour, kouma ou ete?", "intent": "greeting"}
{"text": "I ni sogoma, i ka kene wa?", "intent": "greeting"}
{"text": "i ni tile, here sira wa?", "intent": "greeting"}
{"text": "Ne y yibeoogo, bonjour à vous", "intent": "greeting"}
{"text": "Salam 3likom, labas 3likom?", "intent": "greeting"}
{"text": "السلام عليكم، واش راكم", "intent": "greeting"}
{"text": "sba7 el khir, ki rakom?", "intent": "greeting"}
{"text": "مرحبا، كيفكم اليوم؟", "intent": "greeting"}
{"text": "marhaba, kifkon shabab", "intent": "greeting"}
{"text": "هلا والله، شلونكم؟", "intent": "greeting"}
{"text": "hala, shlonkom, 3sakom bkhair", "intent": "greeting"}
{"text": "Saha ftourkoum 🌙 à toute l'équipe", "intent": "greeting"}
{"text": "Aïd moubarak à toute l'équipe, qu'Allah vous bénisse 🤲", "intent": "greeting"}
{"text": "Ramadan karim à vous et à vos familles 🤲", "intent": "greeting"}
{"text": "عيد مبارك لكل الفريق، كل عام وانتم بخير 🌙", "intent": "greeting"}
{"text": "3id mabrouk l kolchi, 3wacher mabrouka", "intent": "greeting"}
{"text": "Bonne fête de l'Indépendance à toute l'équipe 🇲🇬", "intent": "greeting"}
{"text": "bonne année 2027 à toute l'administration, santé et réussite", "intent": "greeting"}
{"text": "Tsamayang sentle, re tla bua kamoso", "intent": "goodbye"}
{"text": "sala sentle mma, ke a tsamaya", "intent": "goodbye"}
{"text": "Tsalani bwino, tiyankhulana mawa", "intent": "goodbye"}
{"text": "pitani bwino a bwana", "intent": "goodbye"}
{"text": "Veloma tompoko!", "intent": "goodbye"}
{"text": "veloma, mandra-pihaona rahampitso", "intent": "goodbye"}
{"text": "Salam, nou koz pli tar", "intent": "goodbye"}
{"text": "ok salam, a demin", "intent": "goodbye"}
{"text": "k'an bɛn sini, i ni ce", "intent": "goodbye"}
{"text": "an bena kuma sini, amitié", "intent": "goodbye"}
{"text": "beslama, ntla9aw ghodwa", "intent": "goodbye"}
{"text": "بالسلامة، نتلاقاو غدوة", "intent": "goodbye"}
{"text": "ma3 el salameh, mnehke bukra", "intent": "goodbye"}
{"text": "مع السلامة، بنحكي بكرا", "intent": "goodbye"}
{"text": "fi aman allah, nshoofkom", "intent": "goodbye"}
{"text": "في امان الله، نتواصل باجر", "intent": "goodbye"}
{"text": "Je vous laisse, bonne continuation à toute l'équipe et bon courage", "intent": "goodbye"}
{"text": "je vous dis au revoir, portez-vous bien, à bientôt", "intent": "goodbye"}
{"text": "alright, I'm signing off, talk tomorrow", "intent": "goodbye"}
{"text": "okay bye for now, catch you later", "intent": "goodbye"}
{"text": "ok salam aleikoum, on se parle demain", "intent": "goodbye"}
{"text": "Ke fa kgorong, ke ya kae jaanong?", "intent": "location_directions"}
{"text": "ke gorogile, ke block efe?", "intent": "location_directions"}
{"text": "parking e kae fa?", "intent": "location_directions"}
{"text": "Ndafika pa geti, nyumba ndi iti?", "intent": "location_directions"}
{"text": "ndili pa round about, ndikhotere kumanzere kapena kumanja?", "intent": "location_directions"}
{"text": "ofesi yanu ili kuti?", "intent": "location_directions"}
{"text": "Tonga eto am-bavahady aho, aiza no miditra?", "intent": "location_directions"}
{"text": "aiza ilay birao? very aho", "intent": "location_directions"}
{"text": "efa tonga aho, rihana fahafiry?", "intent": "location_directions"}
{"text": "Mo finn ariv kot rezidans la, ki leta?", "intent": "location_directions"}
{"text": "kot parking la ete?", "intent": "location_directions"}
{"text": "mo dan rondpwen la, mo tourn agos ou adrwat?", "intent": "location_directions"}
{"text": "n be da la, bloc jumɛn?", "intent": "location_directions"}
{"text": "je suis au goudron devant la boutique là, je viens par où ?", "intent": "location_directions"}
{"text": "rani 9dam l bab, anahou l bloc?", "intent": "location_directions"}
{"text": "وصلت للعمارة، اي طابق؟", "intent": "location_directions"}
{"text": "ana 3ind el dawwar el sabe3, ymeen walla shmal?", "intent": "location_directions"}
{"text": "بعد الدوار السابع، يمين ولا يسار؟", "intent": "location_directions"}
{"text": "wain el parking? ana barra", "intent": "location_directions"}
{"text": "وين المواقف؟ انا عند البوابة", "intent": "location_directions"}
{"text": "I'm at the signal near Lulu, which way now?", "intent": "location_directions"}
{"text": "reached the compound gate, guard is asking which villa", "intent": "location_directions"}
{"text": "send me the location pin of the office pls", "intent": "location_directions"}
{"text": "je suis devant le portail, c'est quel bâtiment ?", "intent": "location_directions"}
{"text": "A nka tla go bona ntlo kamoso ka 10?", "intent": "viewing_booking"}
{"text": "re tla tla go e bona ka Lamatlhatso mo mosong", "intent": "viewing_booking"}
{"text": "ke kopa go bona bedsitter mo beke e", "intent": "viewing_booking"}
{"text": "Kodi ndingabwere kudzaona nyumba mawa masana?", "intent": "viewing_booking"}
{"text": "ndikufuna kukaona nyumba Loweruka m'mawa", "intent": "viewing_booking"}
{"text": "Afaka mijery ilay trano ve aho rahampitso amin'ny 10 ora?", "intent": "viewing_booking"}
{"text": "ho avy hijery ny trano aho ny sabotsy maraina", "intent": "viewing_booking"}
{"text": "Eski mo kapav vinn get lakaz la demin apremidi?", "intent": "viewing_booking"}
{"text": "mo kapav vizit li samdi gramatin?", "intent": "viewing_booking"}
{"text": "ne bɛ se ka na a filɛ sini wula fɛ wa?", "intent": "viewing_booking"}
{"text": "je peux passer voir la maison demain soir après le boulot ?", "intent": "viewing_booking"}
{"text": "m tõe n wa n ges yiri wã beoogo?", "intent": "viewing_booking"}
{"text": "momkin nji nchouf l'appart ghodwa l3chiya?", "intent": "viewing_booking"}
{"text": "نقدر نجي نشوف الدار غدوة الصباح؟", "intent": "viewing_booking"}
{"text": "بدي اجي اشوف الشقة بكرا العصر", "intent": "viewing_booking"}
{"text": "bade ejee ashoof el sha2a ba3d el dawam, 3al arba3a aw khamse", "intent": "viewing_booking"}
{"text": "ابي اشوف الفيلا يوم السبت الصبح", "intent": "viewing_booking"}
{"text": "can I come see the 2BHK in Al Sadd after 6pm today?", "intent": "viewing_booking"}
{"text": "possible de faire la visite samedi vers 16h ?", "intent": "viewing_booking"}
{"text": "we can come around four or five tomorrow to see it, is that ok?", "intent": "viewing_booking"}
{"text": "A go na le ntlo e e hirisiwang gaufi le Block 8?", "intent": "availability"}
{"text": "ke batla bedsitter kwa Tlokweng", "intent": "availability"}
{"text": "Kodi pali nyumba yopanda anthu ku Area 25?", "intent": "availability"}
{"text": "ndikufuna chipinda chimodzi pafupi ndi town", "intent": "availability"}
{"text": "Misy trano ho hofaina ve any Ivandry?", "intent": "availability"}
{"text": "mitady studio aho akaiky ny Analakely", "intent": "availability"}
{"text": "Ena lakaz pou lwe dan Quatre Bornes?", "intent": "availability"}
{"text": "mo pe rod enn apartman 2 lasam dan Rose Hill", "intent": "availability"}
{"text": "ne b'a fɛ ka so dɔ sɔrɔ ACI 2000 la", "intent": "availability"}
{"text": "je cherche une célibatérium à Ouaga 2000, vous avez ?", "intent": "availability"}
{"text": "kayen chi appartement F3 khawi f Bab Ezzouar?", "intent": "availability"}
{"text": "كاين شي دار للكراء في وهران؟", "intent": "availability"}
{"text": "fi sha2a fadye b Khalda?", "intent": "availability"}
{"text": "في شقة فاضية بعبدون غرفتين؟", "intent": "availability"}
{"text": "3indkom villa fadya fi Al Waab?", "intent": "availability"}
{"text": "عندكم فيلا فاضية للعايلتين؟", "intent": "availability"}
{"text": "looking for a 1BHK in Najma, max 4500 including utilities, anything available?", "intent": "availability"}
{"text": "any villa for two families in Al Thumama? budget 12 to 15k", "intent": "availability"}
{"text": "je cherche un F2 à Ebène, max 25 000 roupies charges comprises", "intent": "availability"}
{"text": "ndikufuna nyumba ya zipinda ziwiri yosapitirira 150,000 pamwezi", "intent": "availability"}
{"text": "ke batla ntlo ya diphaposi tse pedi, e sa fete P4000", "intent": "availability"}
{"text": "Bedsitter ke bokae ka kgwedi?", "intent": "price_inquiry"}
{"text": "ntlo e ke bokae? ke akaretsa metsi?", "intent": "price_inquiry"}
{"text": "Nyumba ija ndi ndalama zingati pamwezi?", "intent": "price_inquiry"}
{"text": "lendi yake ndi bwanji?", "intent": "price_inquiry"}
{"text": "Ohatrinona ny hofan'ilay trano?", "intent": "price_inquiry"}
{"text": "ohatrinona ny antoka alohan'ny hidirana?", "intent": "price_inquiry"}
{"text": "Komie lwaye pou apartman la?", "intent": "price_inquiry"}
{"text": "depozit la komie?", "intent": "price_inquiry"}
{"text": "a songo ye joli kalo kɔnɔ?", "intent": "price_inquiry"}
{"text": "c'est combien le mois pour la chambre salon ?", "intent": "price_inquiry"}
{"text": "bch7al l kra ta3 had l'appartement?", "intent": "price_inquiry"}
{"text": "بشحال الكرا تاع الدار؟", "intent": "price_inquiry"}
{"text": "2addeh el ajar bil shahr?", "intent": "price_inquiry"}
{"text": "قديش الإيجار بالشهر مع الخدمات؟", "intent": "price_inquiry"}
{"text": "kam el eejar el sanawi?", "intent": "price_inquiry"}
{"text": "كم الإيجار السنوي؟ شامل الكهربا والماي؟", "intent": "price_inquiry"}
{"text": "how much for the studio in Lusail, bills included?", "intent": "price_inquiry"}
{"text": "Ba tshwenya ka mmino bosigo jotlhe, ga re robale", "intent": "complaint"}
{"text": "ke ba boleletse makgetlho a mabedi, ga ba reetse, a o ka bua le bona?", "intent": "complaint"}
{"text": "Anansi a nyumba ina ya pamwamba amapanga phokoso usiku wonse", "intent": "complaint"}
{"text": "ndinakuuzani kale katatu, palibe chomwe chachitika", "intent": "complaint"}
{"text": "Mitabataba be ny mpifanolobodirindrina hatramin'ny 2 ora alina", "intent": "complaint"}
{"text": "efa imbetsaka aho no niteny fa tsy misy manao na inona na inona", "intent": "complaint"}
{"text": "Vwazin la pe fer tapaz ziska 2er dimatin, sa pa normal", "intent": "complaint"}
{"text": "mo finn dir zot plizir fwa, personn pa pe fer nanye", "intent": "complaint"}
{"text": "les voisins font du bruit toute la nuit, on ne dort plus, ça suffit", "intent": "complaint"}
{"text": "ljiran ydirou l7ess kol lila hta l 3 sba7", "intent": "complaint"}
{"text": "الجيران يديرو الحس كل ليلة حتى الثلاثة، ما نقدروش نرقدو", "intent": "complaint"}
{"text": "قلتلكم بزاف المرات، والو", "intent": "complaint"}
{"text": "el gardien y9oul ma ya3ref walou, hadi machi m3amla", "intent": "complaint"}
{"text": "الجيران فوقنا عاملين ازعاج كل يوم لنص الليل", "intent": "complaint"}
{"text": "7akeitkom aktar min marra w ma 7ada rad", "intent": "complaint"}
{"text": "الإيجار طلع من 400 ل 480 بدون ما حدا يخبرنا، هاد ظلم", "intent": "complaint"}
{"text": "the rent went from 5500 to 6200 with no notice, that's not fair at all", "intent": "complaint"}
{"text": "le loyer est passé de 60 000 à 75 000 sans prévenir, c'est injuste", "intent": "complaint"}
{"text": "rente e tlodile go tswa P3000 go ya P3500 kwa ntle ga kitsiso, ga se sentle", "intent": "complaint"}
{"text": "ndikufuna kulankhula ndi mwininyumba za lendi yomwe akweza popanda kutiuza", "intent": "complaint"}
{"text": "the agent didn't show up for the viewing, I waited an hour for nothing", "intent": "complaint"}
{"text": "same problem every week with the garbage, nobody cleans the stairs", "intent": "complaint"}
{"text": "نفس المشكلة كل أسبوع، الزبالة ما حدا بشيلها", "intent": "complaint"}
{"text": "the neighbour's generator smoke comes into my kids room every evening", "intent": "complaint"}
{"text": "Metsi a a bothitho ga a tswe, geyser e senyegile", "intent": "maintenance_request"}
{"text": "pompi ya kitšhine e a dutla go tswa maabane", "intent": "maintenance_request"}
{"text": "Mpope waphulika, madzi ali paliponse ku khitchini", "intent": "maintenance_request"}
{"text": "valve yaikulu ya madzi ili kuti? madzi akuchucha", "intent": "maintenance_request"}
{"text": "Tsy misy jiro mihitsy hatramin'ny maraina, manana zazakely izahay", "intent": "maintenance_request"}
{"text": "aiza ny disjoncteur? maizina be eto", "intent": "maintenance_request"}
{"text": "Tiyo finn pete, dilo partou dan salon", "intent": "maintenance_request"}
{"text": "pena kouran depi bomaten, eski enn teknisien pou vini?", "intent": "maintenance_request"}
{"text": "ji tɛ yen fewu kabini kunu, an bɛ ji san butiki la", "intent": "maintenance_request"}
{"text": "robinet cuisine coule dans le placard depuis hier", "intent": "maintenance_request"}
{"text": "la clim fait un bruit bizarre depuis deux jours, elle cogne", "intent": "maintenance_request"}
{"text": "الما يقطر على الضو تاع الحمام 😱", "intent": "maintenance_request"}
{"text": "lma y9ter 3la la lampe ta3 bit lma, ajiw", "intent": "maintenance_request"}
{"text": "الشوفاج طافي من امبارح والوالدة مريضة، بدنا فني", "intent": "maintenance_request"}
{"text": "el shofaj wa2ef w el beit bared ktir", "intent": "maintenance_request"}
{"text": "الخزان فاضي، ما في نقطة مي، بدنا نقلة مي", "intent": "maintenance_request"}
{"text": "el tank fadi w 3indna atfal, ntlob water tanker", "intent": "maintenance_request"}
{"text": "el mukayef ma yebarrid w ynaggit mai", "intent": "maintenance_request"}
{"text": "ok I closed the main valve, it's stopped for now but the plumber must still come", "intent": "maintenance_request"}
{"text": "the neighbours have power so it must be our breaker, pls send the electrician", "intent": "maintenance_request"}
{"text": "lift stuck again, my grandmother can't go down, will someone come today or not", "intent": "maintenance_request"}
{"text": "sorry for the voice note, it's the lift, is the technician coming today?", "intent": "maintenance_request"}
{"text": "yard gate broken for 2 days now, please fix", "intent": "maintenance_request"}
{"text": "tshwenyego, door ya kwa ntle ga e notlelege, ke le nosi bosigo", "intent": "maintenance_request"}
{"text": "chitseko sichikutseka, akuba analowa usiku, chonde bwerani mukonze lero", "intent": "maintenance_request"}
{"text": "la serrure de la porte d'entrée est cassée, je suis seule avec ma fille, il est minuit", "intent": "maintenance_request"}
{"text": "Ke duetse rente ka FNB, tlhola", "intent": "rent_payment"}
{"text": "ke romeletse P5,100 ya rente ya March", "intent": "rent_payment"}
{"text": "Ndatumiza lendi ya mwezi uno kudzera pa Airtel Money", "intent": "rent_payment"}
{"text": "ndalipira MK180,000 lero, chonde tsimikizirani", "intent": "rent_payment"}
{"text": "Efa nandefa ny hofan-trano tamin'ny Mvola aho", "intent": "rent_payment"}
{"text": "nandoa 1 750 000 Ar aho androany, jereo azafady", "intent": "rent_payment"}
{"text": "Mo finn fer virman pou lwaye mwa Mars", "intent": "rent_payment"}
{"text": "ki kont pou mo pey lwaye?", "intent": "rent_payment"}
{"text": "ne ye wari ci Orange Money fɛ, so sara", "intent": "rent_payment"}
{"text": "j'ai payé le loyer par Orange Money, vérifiez svp", "intent": "rent_payment"}
{"text": "khallast el kra ta3 had chhar b CCP", "intent": "rent_payment"}
{"text": "خلصت الكرا تاع الشهر، شوفو الحساب", "intent": "rent_payment"}
{"text": "7awwalt el ajar 3al bank el yom", "intent": "rent_payment"}
{"text": "حولت الإيجار اليوم الصبح", "intent": "rent_payment"}
{"text": "can you confirm the transfer reached? my bank shows completed", "intent": "rent_payment"}
{"text": "sent the rent through Ooredoo money, pls check", "intent": "rent_payment"}
{"text": "A go na le parking e e lokolohileng?", "intent": "availability"}
{"text": "Ke kopa lekwalo la rente la banka", "intent": "document_request"}
{"text": "ke tlhoka resiti ya kgwedi e e fetileng", "intent": "document_request"}
{"text": "Ndikufuna kalata ya ku banki yosonyeza kuti ndimalipira lendi", "intent": "document_request"}
{"text": "chonde nditumizireni risiti ya mwezi watha", "intent": "document_request"}
{"text": "Mila taratasy manamarina ny hofan-trano aho ho an'ny banky", "intent": "document_request"}
{"text": "mba alefaso ny rosia amin'ny mailaka", "intent": "document_request"}
{"text": "Eski mo kapav gagn enn kopi kontra la?", "intent": "document_request"}
{"text": "mo bizin enn let pou labank", "intent": "document_request"}
{"text": "ne mago bɛ contrat kopi la, i ka a ci n ma", "intent": "document_request"}
{"text": "est-ce que je peux avoir une attestation de domicile ?", "intent": "document_request"}
{"text": "n7taj nuskha men l contrat, scanne 3afak", "intent": "document_request"}
{"text": "بغيت نسخة من العقد تاع الكرا", "intent": "document_request"}
{"text": "bade wasel el daf3 la shahr ayyar", "intent": "document_request"}
{"text": "ابغى نسخة من العقد عشان البلدية", "intent": "document_request"}
{"text": "can you scan the tenancy contract? my email is below", "intent": "document_request"}
{"text": "Ke tla tswa mo ntlong kwa bofelong jwa kgwedi", "intent": "move_out"}
{"text": "ke batla go fetsa konteraka, ke fudugela Francistown", "intent": "move_out"}
{"text": "Ndichoka m'nyumba kumapeto kwa mwezi uno", "intent": "move_out"}
{"text": "ndikusamuka, deposit yanga ndiyibweza liti?", "intent": "move_out"}
{"text": "Hiala amin'ny trano aho amin'ny faran'ny volana ho avy", "intent": "move_out"}
{"text": "Mo pe kit lapartman la lafin Avril", "intent": "move_out"}
{"text": "mo pe demenaze, kan mo gagn mo depozit?", "intent": "move_out"}
{"text": "ne bɛ taa so in na kalo nata", "intent": "move_out"}
{"text": "je vais quitter la maison fin du mois, je vous préviens", "intent": "move_out"}
{"text": "rani nkhroj men dar f akher chhar", "intent": "move_out"}
{"text": "راني نخرج من الدار آخر الشهر", "intent": "move_out"}
{"text": "bedna netla3 men el sha2a awwal el shahr", "intent": "move_out"}
{"text": "ناويين نطلع من الشقة الشهر الجاي، شو لازم نعمل؟", "intent": "move_out"}
{"text": "ba5la el villa nihayat el 3aqd", "intent": "move_out"}
{"text": "Just to let you know the contract ends 30 June and we won't renew, we're moving abroad. How long is the notice?", "intent": "move_out"}
{"text": "noted the 2 months notice, I'll email the written notice tonight", "intent": "move_out"}
{"text": "Ke batla go tsosolosa konteraka ya me", "intent": "lease_renewal"}
{"text": "konteraka e fela kgwedi e, a re ka e tsosolosa?", "intent": "lease_renewal"}
{"text": "Ndikufuna kupitiriza pangano la nyumba chaka china", "intent": "lease_renewal"}
{"text": "Te hanavao ny fifanarahana aho", "intent": "lease_renewal"}
{"text": "Mo anvi renouvle kontra la pou enn lane", "intent": "lease_renewal"}
{"text": "kontra la pe fini, ki pou arive?", "intent": "lease_renewal"}
{"text": "ne b'a fɛ ka contrat kura ta san wɛrɛ", "intent": "lease_renewal"}
{"text": "au renouvellement est-ce que le loyer va augmenter ? je suis à 90 000", "intent": "lease_renewal"}
{"text": "bghit njedded l contrat 3am akhor", "intent": "lease_renewal"}
{"text": "بغيت نجدد العقد عام آخر", "intent": "lease_renewal"}
{"text": "bedi jadded el 3a2ed sane kaman, bas bala ziyade", "intent": "lease_renewal"}
{"text": "العقد بيخلص الشهر الجاي، بدي جدد", "intent": "lease_renewal"}
{"text": "abi ajaddid el 3aqd, ba3d el sa3r nafs?", "intent": "lease_renewal"}
{"text": "will the rent go up when I renew? I pay 6000 now", "intent": "lease_renewal"}
{"text": "renewal due next month, can we keep the same rent?", "intent": "lease_renewal"}
{"text": "Nka bua le motho wa ofisi?", "intent": "talk_to_agent"}
{"text": "ke batla go bua le mong wa ntlo", "intent": "talk_to_agent"}
{"text": "Ndikufuna kulankhula ndi munthu, osati makina", "intent": "talk_to_agent"}
{"text": "ndiyimbireni, ndikufuna kulankhula ndi agent", "intent": "talk_to_agent"}
{"text": "Te hiresaka amin'ny olona aho azafady", "intent": "talk_to_agent"}
{"text": "Mo anvi koz ar enn dimounn dan biro", "intent": "talk_to_agent"}
{"text": "sonn mwa silvouple, mo anvi koz ar azan la", "intent": "talk_to_agent"}
{"text": "ne b'a fɛ ka kuma ni mɔgɔ ye", "intent": "talk_to_agent"}
{"text": "je veux parler au propriétaire directement", "intent": "talk_to_agent"}
{"text": "bghit nehder m3a chi wa7ed men l'agence", "intent": "talk_to_agent"}
{"text": "بغيت نهضر مع المسؤول", "intent": "talk_to_agent"}
{"text": "bade e7ki ma3 el mas2ool, mesh ma3 el bot", "intent": "talk_to_agent"}
{"text": "ابي اكلم الوكيل، لو سمحت اتصل فيني", "intent": "talk_to_agent"}
{"text": "still no callback from the agent, I asked yesterday", "intent": "talk_to_agent"}
{"text": "I'm at the reception and no agent here, who do I see?", "intent": "talk_to_agent"}
{"text": "je suis à l'accueil, il n'y a personne de l'agence", "intent": "talk_to_agent"}
{"text": "Ke a itumela, ke eng se o se dirang gompieno?", "intent": "other"}
{"text": "mvula ikugwa kwambiri lero", "intent": "other"}
{"text": "Tsara ny andro anio", "intent": "other"}
{"text": "lapli pe tonbe for zordi", "intent": "other"}
{"text": "a bɛ di", "intent": "other"}
{"text": "3andi 3ers sbt, rani mchghoul", "intent": "other"}
{"text": "yalla, shu 3am ta3mel el lele?", "intent": "other"}
{"text": "eh tayeb mnee7", "intent": "other"}
{"text": "tamam zain", "intent": "other"}
{"text": "sorry wrong group 🙏", "intent": "other"}
"""#
}
