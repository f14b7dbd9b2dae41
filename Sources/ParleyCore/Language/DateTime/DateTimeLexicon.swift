/// The words the date/time extractor knows, in English and the common French and Swahili forms,
/// with Kinyarwanda's clock numbers and months, "tomorrow" in Arabic written in Latin letters,
/// the relative days, weekdays and parts of the day of Bambara, Mooré, Chichewa, Setswana,
/// Mauritian Kreol and Malagasy (at the end of `words`),
/// and Arabic script words in their own table (`arabicWords`).
/// Written for Parley (no outside source). Accents are folded ("décembre" → "decembre") and
/// case is ignored; words are looked up by a packed key (5 bits a letter, up to 12 letters).
enum DTUnit: Int, Sendable {
    case second, minute, hour, day, week, fortnight, month, year

    /// Seconds in one unit; a month counts 30 days and a year 365 (durations are approximate).
    var seconds: Int {
        switch self {
        case .second: return 1
        case .minute: return 60
        case .hour: return 3600
        case .day: return 86400
        case .week: return 604_800
        case .fortnight: return 1_209_600
        case .month: return 2_592_000
        case .year: return 31_536_000
        }
    }
}

/// Default hours of the parts of the day: morning 09:00, afternoon 15:00, evening 19:00, night 20:00.
enum PartOfDay: Int, Sendable {
    case morning, afternoon, evening, night

    var hour: Int {
        switch self {
        case .morning: return 9
        case .afternoon: return 15
        case .evening: return 19
        case .night: return 20
        }
    }

    /// The hour it begins: "since morning" at 06:30 already means this morning.
    var startHour: Int {
        switch self {
        case .morning: return 5
        case .afternoon: return 12
        case .evening: return 17
        case .night: return 20
        }
    }
}

/// Function words: they carry no date by themselves (so they are not cues).
enum DTFunction: String, Sendable {
    case `in`, at, on, by, from, between, to, until, till, through, and, ago, the, of, `for`
    case after, before, end, start, a, an, half, o, clock, hui, dans, il, y, le, la, l
    case apres, avant, kutwa, within, now, du, au, et, entre, vers, couple, fin, des, de, since
    case les, na, tarehe, other, single, nusu, robo, wa, ku, kuwa
    /// The Arabic article written in Latin letters ("el shahr el gai", "bokra el sa3a 6").
    case el
    /// "After" before "tomorrow": Arabizi "ba3d bokra", Arabic "بعد بكرة", Swahili "baada ya kesho".
    case baad
    /// Kinyarwanda "mu" (in: "mu kwezi gutaha"), Swahili "mwa" (of: "mwishoni mwa mwezi").
    case mu, mwa
    /// Darija "m3a" (with) and Maghrebi "3la" (on), at an hour after a day: "ghda m3a 4",
    /// "ghda 3la 10"; without a day they place no time ("3la 10 alaf": for ten thousand).
    case m3a
    /// Arabizi "tabe2" (a floor), read whole, which an ordinal after it counts ("el tabe2 el khamis").
    case floor
    /// "Whole", "full": a unit meant in full is a length ("a whole year", "سنة كاملة").
    case whole
    /// Darija and Tunisian words of place ("9odem", in front of; "wra", behind; "7dhe", next
    /// to; `DTLexicon.placeWords`, and "قدام", "جنب" in Arabic script): "9odem el jem3a" is
    /// the mosque, not Friday.
    case place
    /// "More", "another" after a unit: "سنة كمان", "sane kaman", "3am akhor" (one more of it).
    case more
    /// "And a half" after a unit: "ساعة ونص" (an hour and a half).
    case andHalf
}

enum DTLex: Sendable, Equatable {
    case weekday(Int, weak: Bool)     // 0 = Monday
    case month(Int, weak: Bool)       // 1 = January
    case relativeDay(Int, weak: Bool) // today 0, tomorrow 1, yesterday -1
    case tonight
    case part(PartOfDay)
    case noon, midnight
    case unit(DTUnit)
    case unitFirst(DTUnit)            // Swahili puts the unit first: "siku 3"
    case meridiem(pm: Bool)
    case ordinal
    case number(Int)
    case modifier(Int)                // this 0, next 1, last -1 (before the noun)
    case postModifier(Int)            // prochain 1, ijayo 1, dernier -1 (after it)
    case weekend
    case function(DTFunction)
    /// Recurrences: "every", "each", "chaque", "kila".
    case every
    /// French "tous"/"toutes" (les lundis, les jours).
    case tous
    /// An adverb of frequency: daily, weekly, monthly, yearly, hourly, fortnightly.
    case frequency(DTUnit)
    /// Plural weekdays ("Mondays", "lundis") 0...6; 7 weekends; 8 weekdays (Monday to Friday).
    case weekdays(Int)
    /// Which weekday of a month: "first" 1 ... "fifth" 5 ("the first Monday of every month").
    case nth(Int)
    /// How many times per period: "once" 1, "twice" 2, "thrice" 3.
    case times(Int)
    /// The word after a count of times: "times", "fois"; Swahili "mara" comes before it.
    case timesWord
    case mara
    /// Swahili "saa" ("hour", "o'clock"), before an hour counted from 6 am: "saa nne" is 10:00.
    case saa
    /// A Kinyarwanda weekday after "ku wa" (or "kuwa"): "ku wa gatanu" is Friday (0 = Monday).
    /// Alone, or after "wa" only ("umwana wa kane": the fourth child), it is an ordinal.
    case rwandanWeekday(Int)
    /// An Arabic dual: two of a unit in one word ("سنتين" two years, "shahrein" two months).
    case dual(DTUnit)

    /// Whether the word alone can start a date/time (the fast pre-check looks for these).
    var isCue: Bool {
        switch self {
        case .weekday, .month, .relativeDay, .tonight, .part, .noon, .midnight, .unit, .unitFirst, .weekend,
             .every, .tous, .frequency, .weekdays, .saa, .rwandanWeekday, .dual: return true
        default: return false
        }
    }
}

enum DTLexicon {
    /// Packs lower-case ASCII letters (1...26 each) into a key; `.max` once the word is too long.
    @inline(__always) static func pack(_ key: UInt64, _ letter: UInt8) -> UInt64 {
        key >= 1 << 55 ? .max : key << 5 | UInt64(letter)
    }

    static func key(_ word: String) -> UInt64 {
        var key: UInt64 = 0
        for scalar in word.unicodeScalars { key = pack(key, arabiziDigit(scalar) ?? UInt8(scalar.value) - 0x60) }
        return key
    }

    /// The code of a digit that Arabic written in Latin letters uses for a sound (2 ء, 3 ع, 5 خ,
    /// 7 ح, 9 ق/ص), after the 26 letters' codes; nil for another scalar.
    @inline(__always) static func arabiziDigit(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x32: return 27
        case 0x33: return 28
        case 0x35: return 29
        case 0x37: return 30
        case 0x39: return 31
        default: return nil
        }
    }

    /// The letters of a packed key (codes 1...31), first letter first; nil when it holds none.
    static func letters(_ key: UInt64) -> [UInt8]? {
        guard key != .max, key != 0 else { return nil }
        var out: [UInt8] = []
        var k = key
        while k != 0 {
            out.append(UInt8(k & 31))
            k >>= 5
        }
        return out.reversed()
    }

    static let mawaKey = key("mawa")
    static let mKey = key("m")
    static let tomorrowLetters = letters(key("tomorrow"))!
    static let yesterdayLetters = letters(key("yesterday"))!

    /// A misspelled "tomorrow" or "yesterday" ("tomoro", "tommorow", "yesturday"): a word of 5
    /// letters or more that starts like it and is at most two edits (insertions, deletions,
    /// substitutions, swaps of neighbours) from it. Other words are not guessed at.
    static func misspelled(_ key: UInt64) -> DTLex? {
        // Cheap rejections first: the length (5 bits a letter) and the first letter.
        guard key != .max, key >= 1 << 20, key < 1 << 55 else { return nil }
        var first = key
        while first >= 32 { first >>= 5 }
        let target: [UInt8]
        let lex: DTLex
        switch first {
        case 20: (target, lex) = (tomorrowLetters, .relativeDay(1, weak: false))
        case 25: (target, lex) = (yesterdayLetters, .relativeDay(-1, weak: false))
        default: return nil
        }
        guard let word = letters(key), word.count >= target.count - 3, word.count <= target.count + 2 else { return nil }
        return editDistance(word, target, limit: 2) <= 2 ? lex : nil
    }

    /// Optimal string alignment distance, stopping early past `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var best = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
                best = min(best, d)
            }
            if best > limit { return best }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }

    /// Words glued after a "2" in texting: "2moro", "2morrow", "2nite".
    static let afterTwo: [UInt64: DTLex] = {
        var table: [UInt64: DTLex] = [:]
        for word in ["moro", "morro", "morow", "morrow", "mrw", "mro", "mrow", "moz", "mora"] { table[key(word)] = .relativeDay(1, weak: false) }
        for word in ["nite", "night", "nyt", "nyte"] { table[key(word)] = .tonight }
        return table
    }()

    static let table: [UInt64: DTLex] = {
        var table: [UInt64: DTLex] = [:]
        for line in words.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2 else { continue }
            let kind = fields[1]
            let arg = fields.count > 2 ? Int(fields[2]) ?? 0 : 0
            let weak = fields.last == "weak"
            let entry: DTLex?
            switch kind {
            case "wd": entry = .weekday(arg, weak: weak)
            case "mo": entry = .month(arg, weak: weak)
            case "rd": entry = .relativeDay(arg, weak: weak)
            case "tonight": entry = .tonight
            case "part": entry = PartOfDay(rawValue: arg).map { .part($0) }
            case "noon": entry = .noon
            case "midnight": entry = .midnight
            case "unit": entry = DTUnit(rawValue: arg).map { .unit($0) }
            case "unitfirst": entry = DTUnit(rawValue: arg).map { .unitFirst($0) }
            case "am": entry = .meridiem(pm: false)
            case "pm": entry = .meridiem(pm: true)
            case "ord": entry = .ordinal
            case "num": entry = .number(arg)
            case "mod": entry = .modifier(arg)
            case "post": entry = .postModifier(arg)
            case "weekend": entry = .weekend
            case "every": entry = .every
            case "tous": entry = .tous
            case "freq": entry = DTUnit(rawValue: arg).map { .frequency($0) }
            case "wds": entry = .weekdays(arg)
            case "nth": entry = .nth(arg)
            case "times": entry = .times(arg)
            case "timesword": entry = .timesWord
            case "mara": entry = .mara
            case "saa": entry = .saa
            case "rwwd": entry = .rwandanWeekday(arg)
            case "dual": entry = DTUnit(rawValue: arg).map { .dual($0) }
            case "fn": entry = DTFunction(rawValue: String(fields[0])).map { .function($0) }
            default: entry = nil
            }
            guard let entry else { preconditionFailure("DTLexicon: bad line \(line)") }
            table[key(String(fields[0]))] = entry
        }
        return table
    }()

    /// word, kind, argument, "weak" when the word is too ambiguous to stand alone.
    static let words = #"""
    monday wd 0
    mon wd 0 weak
    tuesday wd 1
    tue wd 1
    tues wd 1
    wednesday wd 2
    wed wd 2 weak
    weds wd 2
    thursday wd 3
    thu wd 3
    thur wd 3
    thurs wd 3
    friday wd 4
    fri wd 4
    saturday wd 5
    sat wd 5 weak
    sunday wd 6
    sun wd 6 weak
    lundi wd 0
    mardi wd 1
    mercredi wd 2
    jeudi wd 3
    vendredi wd 4
    samedi wd 5
    dimanche wd 6
    jumatatu wd 0
    jumanne wd 1
    jumatano wd 2
    alhamisi wd 3
    ijumaa wd 4
    jumamosi wd 5
    sabt wd 5
    sebt wd 5
    ssebt wd 5
    khamis wd 3
    5amis wd 3
    5amees wd 3
    khamees wd 3
    el5amees wd 3
    khmis wd 3
    lkhmis wd 3
    gom3a wd 4
    jom3a wd 4
    jum3a wd 4
    jem3a wd 4
    ljem3a wd 4
    ljm3a wd 4
    jumapili wd 6
    january mo 1
    jan mo 1 weak
    february mo 2
    feb mo 2
    march mo 3 weak
    mar mo 3 weak
    april mo 4
    apr mo 4
    may mo 5 weak
    june mo 6
    jun mo 6
    july mo 7
    jul mo 7
    august mo 8
    aug mo 8
    september mo 9
    sep mo 9
    sept mo 9
    october mo 10
    oct mo 10
    november mo 11
    nov mo 11
    december mo 12
    dec mo 12
    janvier mo 1
    fevrier mo 2
    mars mo 3 weak
    avril mo 4
    mai mo 5 weak
    juin mo 6
    juillet mo 7
    aout mo 8
    septembre mo 9
    octobre mo 10
    novembre mo 11
    decembre mo 12
    januari mo 1
    februari mo 2
    machi mo 3
    aprili mo 4
    mei mo 5 weak
    juni mo 6
    julai mo 7
    agosti mo 8
    septemba mo 9
    oktoba mo 10
    novemba mo 11
    desemba mo 12
    mutarama mo 1
    gashyantare mo 2
    werurwe mo 3
    mata mo 4 weak
    gicurasi mo 5
    kamena mo 6
    nyakanga mo 7
    kanama mo 8
    nzeri mo 9
    ukwakira mo 10
    ugushyingo mo 11
    ukuboza mo 12
    today rd 0
    tomorrow rd 1
    tomorow rd 1
    tmrw rd 1
    tmr rd 1
    tmw rd 1
    tmro rd 1
    tmrow rd 1
    tmoro rd 1
    tmorow rd 1
    yesterday rd -1
    aujourd rd 0
    demain rd 1
    hier rd -1
    leo rd 0 weak
    ghda rd 1
    ghedda rd 1
    ghadda rd 1
    bokra rd 1
    bukra rd 1
    bukrah rd 1
    bokrah rd 1
    embare7 rd -1
    lbareh rd -1
    lbarh rd -1
    lbar7 rd -1
    lbare7 rd -1
    elbareh rd -1
    lbarah rd -1
    ghedwa rd 1
    ghodwa rd 1
    ghudwa rd 1
    ghadwa rd 1
    ghoudwa rd 1
    embare7a rd -1
    embari7 rd -1
    imbare7 rd -1
    imbari7 rd -1
    mbare7 rd -1
    mbere7 rd -1
    emberi7 rd -1
    naharda rd 0
    ennaharda rd 0
    elnaharda rd 0
    innaharda rd 0
    enaharda rd 0
    nhrda rd 0
    elyoum rd 0
    elyom rd 0
    lyoum rd 0
    ejo rd 1 weak
    kesho rd 1
    keshokutwa rd 2
    jana rd -1 weak
    juzi rd -2
    ejobundi rd 2 weak
    nhasi rd 0
    mangwana rd 1
    nezuro rd -1
    tonight tonight
    tonite tonight
    morning part 0
    afternoon part 1
    evening part 2
    night part 3
    matin part 0
    soir part 2
    asubuhi part 0
    mchana part 1
    jioni part 2
    usiku part 3
    sob7 part 0
    elsob7 part 0
    sbe7 part 0
    sba7 part 0
    sbah part 0
    sbeh part 0
    esbe7 part 0
    lsbe7 part 0
    lsbah part 0
    3chiya part 1
    l3chiya part 1
    3chia part 1
    l3chia part 1
    dohr part 1
    duhr part 1
    zohr part 1
    do7r part 1
    masa2 part 2
    leil part 3
    gitondo part 0
    nuit part 3
    nimugoroba part 2
    nijoro part 3
    noon noon
    midday noon
    midi noon
    midnight midnight
    minuit midnight
    second unit 0
    seconds unit 0
    sec unit 0
    secs unit 0
    minute unit 1
    minutes unit 1
    min unit 1
    mins unit 1
    hour unit 2
    hours unit 2
    hr unit 2
    hrs unit 2
    h unit 2
    day unit 3
    days unit 3
    nights unit 3
    nites unit 3
    nagte unit 3
    nuits unit 3
    nuitees unit 3
    layali unit 3
    week unit 4
    weeks unit 4
    wk unit 4
    wks unit 4
    fortnight unit 5
    fortnights unit 5
    month unit 6
    months unit 6
    year unit 7
    years unit 7
    yr unit 7
    yrs unit 7
    seconde unit 0
    secondes unit 0
    heure unit 2
    heures unit 2
    jour unit 3
    jours unit 3
    semaine unit 4
    semaines unit 4
    mois unit 6
    ans unit 7
    annee unit 7
    annees unit 7
    sekunde unitfirst 0
    dakika unitfirst 1
    siku unitfirst 3
    wiki unitfirst 4
    mwezi unitfirst 6
    miezi unitfirst 6
    mwaka unitfirst 7
    miaka unitfirst 7
    ukwezi unitfirst 6
    kwezi unitfirst 6
    umwaka unitfirst 7
    imyaka unitfirst 7
    amezi unitfirst 6
    iminsi unitfirst 3
    ibyumweru unitfirst 4
    shahr unitfirst 6
    chher unitfirst 6
    chhar unitfirst 6
    shher unitfirst 6
    simana unitfirst 4
    shahar unitfirst 6
    esbo3 unitfirst 4
    esboo3 unitfirst 4
    osbo3 unitfirst 4
    usbu3 unitfirst 4
    isbo3 unitfirst 4
    sanateen dual 7
    sanatein dual 7
    sanatain dual 7
    santein dual 7
    shahrein dual 6
    shahreen dual 6
    shahrain dual 6
    esbo3een dual 4
    esbo3ein dual 4
    esbo3ain dual 4
    osbo3en dual 4
    osbo3een dual 4
    osbo3ein dual 4
    usbu3ein dual 4
    yomein dual 3
    yomeen dual 3
    yomain dual 3
    yomen dual 3
    youmen dual 3
    youmein dual 3
    yawmen dual 3
    yawmein dual 3
    yawmayn dual 3
    shahren dual 6
    shahrin dual 6
    shahrayn dual 6
    santen dual 7
    sanaten dual 7
    sanatayn dual 7
    esbo3en dual 4
    usbu3en dual 4
    sa3tein dual 2
    sa3teen dual 2
    se3ten dual 2
    se3tein dual 2
    sa3ten dual 2
    snin unit 7
    sneen unit 7
    sanawat unit 7
    shohour unit 6
    shohor unit 6
    shuhur unit 6
    ashhor unit 6
    ayam unit 3
    ayyam unit 3
    asabee3 unit 4
    sa3at unit 2
    talat num 3
    talata num 3
    tlata num 3
    arba3 num 4
    arba3a num 4
    khamas num 5
    khamsa num 5
    sitta num 6
    sab3a num 7
    tamanya num 8
    tes3a num 9
    wa7de num 1
    wahde num 1
    tnein num 2
    tlete num 3
    arb3a num 4
    khamse num 5
    sette num 6
    tmene num 8
    tmenye num 8
    3ashra num 10
    3ashara num 10
    7da3ash num 11
    hda3ash num 11
    tna3ash num 12
    rab3a num 4
    lrab3a num 4
    l5amsa num 5
    lkhamsa num 5
    lwe7da num 1
    lwahda num 1
    ltlata num 3
    setta num 6
    sb3a num 7
    tmenya num 8
    l3achra num 10
    am am
    pm pm
    st ord
    nd ord
    rd ord
    th ord
    er ord
    one num 1
    two num 2
    three num 3
    four num 4
    five num 5
    six num 6
    seven num 7
    eight num 8
    nine num 9
    ten num 10
    eleven num 11
    twelve num 12
    fifteen num 15
    twenty num 20
    thirty num 30
    un num 1
    une num 1
    deux num 2
    trois num 3
    quatre num 4
    cinq num 5
    huit num 8
    neuf num 9
    dix num 10
    onze num 11
    douze num 12
    quinze num 15
    vingt num 20
    trente num 30
    moja num 1
    mmoja num 1
    miwili num 2
    mitatu num 3
    minne num 4
    mitano num 5
    mbili num 2
    tatu num 3
    nne num 4
    tano num 5
    sita num 6
    saba num 7
    nane num 8
    tisa num 9
    kumi num 10
    mbiri num 2
    umwe num 1
    rimwe num 1
    abiri num 2
    atatu num 3
    itatu num 3
    ibiri num 2
    itanu num 5
    ane num 4
    atanu num 5
    itandatu num 6
    yine num 4
    tanu num 5
    munani num 8
    cyenda num 9
    saa saa
    wa fn
    ku fn
    kuwa fn
    mbere rwwd 0
    kabiri rwwd 1
    gatatu rwwd 2
    kane rwwd 3
    gatanu rwwd 4
    gatandatu rwwd 5
    cyumweru wd 6 weak
    icyumweru unitfirst 4
    gitaha post 1
    utaha post 1
    gishize post -1
    ushize post -1
    gutaha post 1
    gushize post -1
    gai post 1
    gayy post 1
    gaay post 1
    gaai post 1
    gaya post 1
    gayya post 1
    jaai post 1
    jayy post 1
    nusu fn
    robo fn
    first nth 1
    third nth 3
    fourth nth 4
    fifth nth 5
    premier nth 1
    premiere nth 1
    deuxieme nth 2
    troisieme nth 3
    quatrieme nth 4
    cinquieme nth 5
    kwanza nth 1
    pili nth 2
    mwisho nth -1
    once times 1
    twice times 2
    thrice times 3
    times timesword
    fois timesword
    mara mara
    this mod 0
    next mod 1
    last mod -1
    previous mod -1
    coming mod 1
    cet mod 0
    cette mod 0
    prochain post 1
    prochaine post 1
    dernier post -1
    derniere post -1
    ijayo post 1
    ujao post 1
    iliyopita post -1
    uliopita post -1
    hii post 0
    huu post 0
    uku post 0
    uyu post 0
    iki post 0
    jay post 1
    jaya post 1
    jeya post 1
    jeyya post 1
    jeye post 1
    weekend weekend
    wikendi weekend
    in fn
    at fn
    on fn
    by fn
    from fn
    between fn
    to fn
    until fn
    till fn
    through fn
    and fn
    ago fn
    the fn
    of fn
    for fn
    after fn
    before fn
    end fn
    start fn
    a fn
    an fn
    half fn
    o fn
    clock fn
    hui fn
    dans fn
    il fn
    y fn
    le fn
    la fn
    l fn
    apres fn
    avant fn
    kutwa fn
    within fn
    now fn
    du fn
    au fn
    et fn
    entre fn
    vers fn
    ce mod 0
    de fn
    since fn
    couple fn
    fin fn
    des fn
    les fn
    na fn
    tarehe fn
    el fn
    baad fn
    mu fn
    mwa fn
    m3a fn
    other fn
    single fn
    whole fn
    every every
    each every
    chaque every
    kila every
    tous tous
    toutes tous
    hourly freq 2
    daily freq 3
    weekly freq 4
    fortnightly freq 5
    monthly freq 6
    yearly freq 7
    annually freq 7
    mondays wds 0
    tuesdays wds 1
    wednesdays wds 2
    thursdays wds 3
    fridays wds 4
    saturdays wds 5
    sundays wds 6
    lundis wds 0
    mardis wds 1
    mercredis wds 2
    jeudis wds 3
    vendredis wds 4
    samedis wds 5
    dimanches wds 6
    weekends wds 7
    weekday wds 8
    weekdays wds 8
    sini rd 1
    kunun rd -1
    sinikene rd 2
    ntenen wd 0
    tarata wd 1
    araba wd 2
    alamisa wd 3
    juma wd 4 weak
    sibiri wd 5
    kari wd 6 weak
    sogoma part 0
    wula part 2
    beoogo rd 1
    zaame rd -1
    mawa rd 1
    lero rd 0
    dzulo rd -1
    mkucha rd 2
    lolemba wd 0
    lachiwiri wd 1
    lachitatu wd 2
    lachinayi wd 3
    lachinai wd 3
    lachisanu wd 4
    loweruka wd 5
    lamulungu wd 6
    lamlungu wd 6
    masana part 1
    madzulo part 2
    kamoso rd 1
    gompieno rd 0
    maabane rd -1
    mosupologo wd 0
    labobedi wd 1
    laboraro wd 2
    labone wd 3
    labotlhano wd 4
    matlhatso wd 5
    lamatlhatso wd 5
    tshipi wd 6 weak
    mosong part 0
    motshegare part 1
    maitseboa part 2
    bosigo part 3
    demin rd 1
    dimin rd 1
    zordi rd 0
    zourdi rd 0
    apredemin rd 2
    lindi wd 0 weak
    merkredi wd 2
    zedi wd 3
    vandredi wd 4
    samdi wd 5
    dimans wd 6
    gramatin part 0
    maten part 0
    apremidi part 1
    aswar part 2
    lanwit part 3
    rahampitso rd 1
    ampitso rd 1
    androany rd 0
    omaly rd -1
    alatsinainy wd 0
    alarobia wd 2
    alakamisy wd 3
    zoma wd 4
    sabotsy wd 5
    alahady wd 6
    maraina part 0
    tolakandro part 1
    hariva part 2
    bachir rd 1
    bacher rd 1
    bachr rd 1
    bacheer rd 1
    zour unit 3
    semenn unit 4
    volana unit 6
    herinandro unit 4
    taona unit 7
    andro unit 3
    sane unit 7
    sene unit 7
    seneh unit 7
    """#

    /// Arabic words (whole, after `arabicKey`'s normalization), which the packed Latin keys
    /// cannot hold: relative days in MSA and the dialects (غدا، بكرة، امبارح), parts of the
    /// day, weekdays, months, "next"/"last" after the noun, "الساعة" (at, before an hour) and "يوم"
    /// (on, before a day).
    static let arabicWords: [String: DTLex] = {
        var table: [String: DTLex] = [:]
        let entries: [(String, DTLex)] = [
            ("اليوم", .relativeDay(0, weak: true)), ("النهارده", .relativeDay(0, weak: false)),
            ("غدا", .relativeDay(1, weak: false)), ("الغد", .relativeDay(1, weak: false)), ("بكره", .relativeDay(1, weak: false)), ("بكرا", .relativeDay(1, weak: false)),
            ("باكر", .relativeDay(1, weak: false)), ("امس", .relativeDay(-1, weak: false)), ("البارحه", .relativeDay(-1, weak: false)),
            ("امبارح", .relativeDay(-1, weak: false)), ("مبارح", .relativeDay(-1, weak: false)), ("البارح", .relativeDay(-1, weak: false)),
            ("الليله", .tonight),
            // Maghrebi "tomorrow" and "afternoon" ("غدوة العشية"), Gulf "tomorrow" ("باجر").
            ("غدوه", .relativeDay(1, weak: false)), ("غدوا", .relativeDay(1, weak: false)), ("باجر", .relativeDay(1, weak: false)),
            ("باچر", .relativeDay(1, weak: false)), ("العشيه", .part(.afternoon)), ("عشيه", .part(.afternoon)),
            // Darija "مع الربعة" (at four), "ولا الخمسة": hours named by the article and the number.
            ("كمان", .function(.more)), ("زياده", .function(.more)), ("ثانيه", .function(.more)), ("تانيه", .function(.more)),
            ("اخرى", .function(.more)), ("اخري", .function(.more)), ("ونص", .function(.andHalf)), ("ونصف", .function(.andHalf)),
            ("ساعه", .unit(.hour)),
            ("مع", .function(.m3a)), ("الوحده", .number(1)), ("الجوج", .number(2)), ("الثلاثه", .number(3)), ("التلاته", .number(3)),
            ("الربعه", .number(4)), ("الاربعه", .number(4)), ("الخمسه", .number(5)), ("السته", .number(6)), ("السبعه", .number(7)),
            ("الثمنيه", .number(8)), ("التمنيه", .number(8)), ("الثمانيه", .number(8)), ("التسعه", .number(9)), ("العشره", .number(10)),
            ("الحداش", .number(11)), ("الطناش", .number(12)), ("الثناش", .number(12)),
            ("صباحا", .part(.morning)), ("الصبح", .part(.morning)), ("الصباح", .part(.morning)),
            ("ظهرا", .noon), ("الظهر", .noon), ("العصر", .part(.afternoon)), ("عصرا", .part(.afternoon)),
            ("مساء", .part(.evening)), ("المساء", .part(.evening)), ("مساءا", .part(.evening)),
            ("ليلا", .part(.night)), ("بالليل", .part(.night)),
            ("الاثنين", .weekday(0, weak: false)), ("الثلاثاء", .weekday(1, weak: false)),
            ("الاربعاء", .weekday(2, weak: false)), ("الخميس", .weekday(3, weak: false)),
            ("الجمعه", .weekday(4, weak: false)), ("السبت", .weekday(5, weak: false)), ("الاحد", .weekday(6, weak: false)),
            ("القادم", .postModifier(1)), ("القادمه", .postModifier(1)), ("الجاي", .postModifier(1)),
            ("الجايه", .postModifier(1)), ("الماضي", .postModifier(-1)), ("الماضيه", .postModifier(-1)),
            ("الاسبوع", .unitFirst(.week)), ("الشهر", .unitFirst(.month)), ("السنه", .unitFirst(.year)),
            ("هذا", .modifier(0)), ("هذه", .modifier(0)), ("هاد", .modifier(0)), ("هادا", .modifier(0)), ("هاذ", .modifier(0)),
            ("هادي", .modifier(0)), ("هذي", .modifier(0)), ("الفايت", .postModifier(-1)),
            ("يناير", .month(1, weak: false)), ("فبراير", .month(2, weak: false)), ("مارس", .month(3, weak: false)),
            ("ابريل", .month(4, weak: false)), ("مايو", .month(5, weak: false)), ("يونيو", .month(6, weak: false)),
            ("يوليو", .month(7, weak: false)), ("اغسطس", .month(8, weak: false)), ("سبتمبر", .month(9, weak: false)),
            ("اكتوبر", .month(10, weak: false)), ("نوفمبر", .month(11, weak: false)), ("ديسمبر", .month(12, weak: false)),
            ("الساعه", .function(.at)), ("يوم", .function(.on)),
            ("قدام", .function(.place)), ("جنب", .function(.place)), ("ورا", .function(.place)), ("حدا", .function(.place)),
            ("مقابل", .function(.place)), ("قرب", .function(.place)), ("امام", .function(.place)),
            ("اخر", .function(.end)), ("نهايه", .function(.end)), ("اول", .function(.start)), ("بدايه", .function(.start)),
            ("بعد", .function(.baad)), ("منذ", .function(.since)),
            // "for" a length of time: "مدة" (a period: "لمدة سنة"), "عقد" (a lease: "عقد سنة").
            ("مده", .function(.for)), ("عقد", .function(.for)), ("واحد", .number(1)), ("واحده", .number(1)),
            ("كامل", .function(.whole)), ("كامله", .function(.whole)),
            // "Now": "it is 11 now" is today's 11:00 (`DTParser.present`).
            ("الان", .function(.now)), ("الحين", .function(.now)), ("هلق", .function(.now)),
            // Durations: duals name two of a unit, plurals follow a count ("ثلاث سنوات").
            ("سنتين", .dual(.year)), ("سنتان", .dual(.year)), ("عامين", .dual(.year)), ("شهرين", .dual(.month)),
            ("شهران", .dual(.month)), ("اسبوعين", .dual(.week)), ("اسبوعان", .dual(.week)), ("يومين", .dual(.day)),
            ("يومان", .dual(.day)), ("ساعتين", .dual(.hour)), ("ساعتان", .dual(.hour)), ("دقيقتين", .dual(.minute)),
            ("سنوات", .unit(.year)), ("سنين", .unit(.year)), ("اعوام", .unit(.year)), ("سنه", .unit(.year)),
            ("اشهر", .unit(.month)), ("شهور", .unit(.month)), ("شهر", .unit(.month)), ("اسابيع", .unit(.week)),
            ("اسبوع", .unit(.week)), ("ايام", .unit(.day)), ("ساعات", .unit(.hour)), ("دقائق", .unit(.minute)),
            ("ثلاث", .number(3)), ("ثلاثه", .number(3)), ("تلات", .number(3)), ("اربع", .number(4)), ("اربعه", .number(4)),
            ("خمس", .number(5)), ("خمسه", .number(5)), ("ست", .number(6)), ("سته", .number(6)), ("سبع", .number(7)),
            ("سبعه", .number(7)), ("ثمان", .number(8)), ("ثماني", .number(8)), ("ثمانيه", .number(8)), ("تسع", .number(9)),
            ("تسعه", .number(9)), ("عشر", .number(10)), ("عشره", .number(10)),
        ]
        for (word, lex) in entries { table[arabicKey(word)] = lex }
        return table
    }()

    /// Arabic spelling variants folded: hamza forms of alef (أ إ آ) to ا, ة to ه, ى to ي,
    /// harakat and tatweel dropped, a leading conjunction و ("and") removed.
    static func arabicKey(_ word: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x622, 0x623, 0x625: scalars.append("\u{627}")
            case 0x629: scalars.append("\u{647}")
            case 0x649: scalars.append("\u{64A}")
            case 0x640, 0x64B...0x652: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// A word of `arabicWords`, also behind its proclitics: a conjunction (و، ف: "وبكرة"),
    /// then a preposition (ب، ل، ك: "بالغد", "للاسبوع" where ل swallows the article's alef).
    /// Arabizi "youm" (day): after "el" it is today ("el youm"), alone only "day".
    static let youmKeys: Set<UInt64> = Set(["youm", "yom", "yoom", "yaum"].map { key($0) })

    /// Arabizi weekdays whose names are also numbers ("etnein" two, "talata" three, "arba3"
    /// four) or words ("7ad" someone): a weekday only after "day" ("youm el etnein", Darija
    /// "nhar larb3"). Monday = 0.
    static let numberedWeekdays: [UInt64: Int] = {
        var table: [UInt64: Int] = [:]
        for (names, day) in [(["etnein", "etnen", "itnein", "ithnein", "tnin", "ltnin", "etneen"], 0),
                             (["talat", "tlat", "ttlat", "talata", "tlata"], 1),
                             (["arba3", "arb3a", "larb3", "larba3", "arba3a", "arbe3a"], 2),
                             (["7ad", "l7ad", "l7ed", "7ed", "ahad", "had", "lhad"], 6)] {
            for name in names { table[key(name)] = day }
        }
        return table
    }()
    static let dayNounKeys: Set<UInt64> = youmKeys.union(["nhar", "nahar"].map { key($0) })

    static func arabic(_ word: String) -> DTLex? {
        let key = arabicKey(word)
        if let lex = arabicWords[key] { return lex }
        var scalars = Substring(key).unicodeScalars
        if let first = scalars.first, first == "\u{648}" || first == "\u{641}", scalars.count > 3 {
            scalars = scalars.dropFirst()
            if let lex = arabicWords[String(scalars)] { return lex }
        }
        guard let first = scalars.first, first == "\u{628}" || first == "\u{644}" || first == "\u{643}", scalars.count > 3 else { return nil }
        let rest = String(scalars.dropFirst())
        if let lex = arabicWords[rest] { return lex }
        return first == "\u{644}" && rest.unicodeScalars.first == "\u{644}" ? arabicWords["\u{627}" + rest] : nil
    }

    /// Aliases that are function words spelled differently or in another language: "til",
    /// "thru", "beginning"; "since" in French, Swahili and Kinyarwanda; "end" and "start" of
    /// a period ("début", "mwisho" is an ordinal, "mwanzo", "akhir el shahr", "mu mpera
    /// z'ukwezi", "intangiriro"); "after" ("ba3d bokra"); "at" ("el sa3a 6"); "tariki" (date).
    static let aliases: [UInt64: DTFunction] = {
        var table: [UInt64: DTFunction] = [
            key("til"): .till, key("thru"): .through, key("beginning"): .start, key("alternate"): .other,
            key("depuis"): .since, key("tangu"): .since, key("kuva"): .since, key("tariki"): .tarehe, key("itariki"): .tarehe,
        ]
        for word in ["debut", "mwanzo", "mwanzoni", "awel", "awal", "awwel", "intangiriro", "ntangiriro"] { table[key(word)] = .start }
        for word in ["mwishoni", "akhir", "akher", "mpera", "impera"] { table[key(word)] = .end }
        for word in ["ba3d", "ba3ed", "baada"] { table[key(word)] = .baad }
        // Kreol "ziska 5er" (until), Malagasy "hatramin'ny 6 ora" (since, until: read as since).
        table[key("ziska")] = .until
        for word in ["kaman", "kamen", "kamaan", "zyada", "ziyada", "akhor", "okhra", "ukhra"] { table[key(word)] = .more }
        for word in ["3a2d", "3aqd", "3a9d"] { table[key(word)] = .for }
        table[key("hatramin")] = .since
        // Levantine writes the hour "se3a" ("3al se3a 5", "men el se3a 5").
        for word in ["sa3a", "elsa3a", "essa3a", "se3a", "else3a", "esse3a", "lse3a", "s3a", "sa3ah"] { table[key(word)] = .at }
        // "At" before an hour after a day, Maghrebi "3la" and Levantine "3al", "3a", "3l" ("bokra 3a 11").
        for word in ["3la", "3ala", "3al", "3a", "3l"] { table[key(word)] = .m3a }
        for word in ["full", "entire", "complete", "entier", "entiere", "kamel", "kemel", "kamil"] { table[key(word)] = .whole }
        for word in ["sasa", "maintenant", "hala2", "halla2", "hla2", "daba", "tawa", "delwa2ti", "dilwa2ti"] { table[key(word)] = .now }
        for word in placeWords { table[key(word)] = .place }
        for word in ["tabe2", "taba2", "tabi2", "tab2a", "tabe9", "taba9", "ltabe2", "eltabe2"] { table[key(word)] = .floor }
        return table
    }()

    /// Maghrebi words of place in the spellings Latin letters give them, "9", "q" and "g" for
    /// one sound: "in front of" (9odem, qoddem, goddam, gddam), "near" (9rib, qrib, grib),
    /// "opposite" (m9abel, mqabel, 9bala), "next to" (7dhe, 7da, janb, jnab), "behind" (wra,
    /// wara, ouara); "b" or "f" (at, in) may be written onto them ("b7dha", "fjnab").
    static let placeWords: [String] = {
        var words = ["9rab", "qrab", "janb", "jnab", "jamb", "wra", "wara", "oura", "ouara"]
        for q in ["9", "q", "g"] {
            for vowel in ["", "o", "u", "e"] {
                for d in ["d", "dd"] { words += ["a", "e"].map { q + vowel + d + $0 + "m" } }
            }
            words += ["i", "e", "ee", "ii"].map { q + "r" + $0 + "b" }
            words += ["m" + q + "abel", "m" + q + "abil", q + "bala"]
        }
        for vowel in ["a", "e"] { words += ["7dh" + vowel, "7d" + vowel] }
        return words.flatMap { [$0, "b" + $0, "f" + $0] }
    }()
}
