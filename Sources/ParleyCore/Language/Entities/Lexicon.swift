/// The words the entity scanners react to: number words, scales, ordinals, and keywords for
/// percentages, areas, bedrooms, units, rent periods, streets and name cues. Each message
/// token is looked up once (by its folded hash) while `ScalarText` is built, so scanners
/// compare small tags instead of strings.
///
/// Written for Parley (no external source). One line per word: the word, then attributes:
/// `c<N>` cardinal value, `o<N>` ordinal value, `d` may be a fraction's denominator
/// ("third", "fifths"), `p` plural, `s<N>` a scale of 10^N, `t<tag>` a keyword tag.
enum Lexicon {
    enum Tag: String, Sendable, CaseIterable {
        case none
        // numbers
        case hundred, dozen, and, a, point, half, quarter, negative, over, out, of
        // percentages
        case percent, per, cent, pour, asilimia
        // areas
        case sq, square, feet, metres, sqft, sqm, m, m2, ft2
        // bedrooms
        case bedroom, bed, br, studio, bedsitter
        // a room noun the count follows ("vyumba viwili"), and a dual form ("غرفتين")
        case roomsThenCount, twoRooms
        // French main rooms, the living room included ("3 pièces": two bedrooms)
        case pieces
        // units and addresses
        case unit, house, block, no, plot
        // a part or fixture of a dwelling, which makes a bare code a unit ("the toilet in C4")
        case fixture
        // rent periods
        case month, year, week, day, night, monthly, yearly, weekly, daily, nightly, pm, pa, kwa, ku, par
        // streets
        case street
        // name cues and their neighbours
        case my, name, `is`, this, i, am, naitwa, nitwa, je, appelle, jina, langu, ni, mon, nom, est
        case determiner
        // bare amounts: a payment word before, the words allowed between and after
        case moneyCue, moneyCueAfter, moneyFiller, moneyFollower
        // a word that makes the message about money without introducing an amount ("receipt")
        case moneyContext
        // a scale named before its count ("elfu tano", "ibihumbi bitatu")
        case scaleFirst
        // a bound before a price ("under 300,000", "chini ya", "moins de")
        case bound
        // French number words that make a number large enough to be an amount ("mille")
        case frenchScale

        /// One bit per tag for `ScalarText.tags` (tags past 62 share the last bit).
        var bit: UInt64 { Self.bits[self] ?? 0 }

        private static let bits: [Tag: UInt64] = {
            var bits: [Tag: UInt64] = [:]
            for (i, tag) in allCases.enumerated() { bits[tag] = 1 << UInt64(min(i, 62)) }
            return bits
        }()

        /// The bit of number words (cardinals and ordinals), which have no tag.
        static let numberWordBit: UInt64 = 1 << 63
    }

    struct Info: Sendable {
        var cardinal: Int64 = -1
        var ordinal: Int64 = 0
        var denominator = false
        var plural = false
        var scale = 0
        var tag: Tag = .none
        /// `tag.bit`, or `Tag.numberWordBit` for a cardinal or ordinal word.
        var bit: UInt64 = 0
    }

    private static let table = #"""
    zero c0
    nought c0
    naught c0
    one c1
    two c2
    three c3
    four c4
    five c5
    six c6
    seven c7
    eight c8
    nine c9
    ten c10
    eleven c11
    twelve c12
    thirteen c13
    fourteen c14
    fifteen c15
    sixteen c16
    seventeen c17
    eighteen c18
    nineteen c19
    twenty c20
    thirty c30
    forty c40
    fourty c40
    fifty c50
    sixty c60
    seventy c70
    eighty c80
    ninety c90
    first o1
    second o2
    third o3 d
    fourth o4 d
    fifth o5 d
    sixth o6 d
    seventh o7 d
    eighth o8 d
    ninth o9 d
    nineth o9 d
    tenth o10 d
    eleventh o11 d
    twelfth o12 d
    thirteenth o13 d
    fourteenth o14 d
    fifteenth o15 d
    sixteenth o16 d
    seventeenth o17 d
    eighteenth o18 d
    nineteenth o19 d
    twentieth o20 d
    thirtieth o30 d
    fortieth o40 d
    fiftieth o50 d
    sixtieth o60 d
    seventieth o70 d
    eightieth o80 d
    ninetieth o90 d
    hundredth o100 d
    thousandth o1000 d
    millionth o1000000 d
    billionth o1000000000 d
    trillionth o1000000000000 d
    thirds o3 d p
    fourths o4 d p
    fifths o5 d p
    sixths o6 d p
    sevenths o7 d p
    eighths o8 d p
    ninths o9 d p
    tenths o10 d p
    elevenths o11 d p
    twelfths o12 d p
    twentieths o20 d p
    thirtieths o30 d p
    hundredths o100 d p
    thousandths o1000 d p
    millionths o1000000 d p
    trillionths o1000000000000 d p
    hundred s2 thundred
    hundreds s2 thundred
    thousand s3
    thousands s3
    million s6
    millions s6
    mln s6
    billion s9
    billions s9
    bln s9
    trillion s12
    trillions s12
    tln s12
    lakh s5
    lakhs s5
    crore s7
    crores s7
    dozen tdozen
    dozens tdozen
    dz tdozen
    dzs tdozen
    doz tdozen
    dozs tdozen
    and tand
    a ta
    an ta
    point tpoint
    half thalf
    quarter tquarter
    quarters tquarter
    negative tnegative
    minus tnegative
    over tover
    out tout
    of tof
    percent tpercent
    percents tpercent
    percentage tpercent
    pct tpercent
    per tper
    cent tcent
    pour tpour
    asilimia tasilimia
    sq tsq
    square tsquare
    ft tfeet
    feet tfeet
    foot tfeet
    sqft tsqft
    sqfts tsqft
    metres tmetres
    metre tmetres
    meters tmetres
    meter tmetres
    متر tmetres
    مترا tmetres
    sqm tsqm
    m tm
    m2 tm2
    m² tm2
    ft2 tft2
    ft² tft2
    bedroom tbedroom
    bedrooms tbedroom
    bedroomed tbedroom
    chambres tbedroom
    chambre tbedroom
    chambre-salon tbedroom
    غرف tbedroom
    غرفة tbedroom
    غرفه tbedroom
    ghoraf tbedroom
    ghorfa tbedroom
    ghuraf tbedroom
    ghuref tbedroom
    ghoref tbedroom
    ghorof tbedroom
    ghurfe tbedroom
    ghorfe tbedroom
    ghurfa tbedroom
    lasam tbedroom
    lasanm tbedroom
    owad tbedroom
    byout tbedroom
    biout tbedroom
    byut tbedroom
    byoute tbedroom
    بيوت tbedroom
    vyumba troomsThenCount p
    chumba troomsThenCount
    ibyumba troomsThenCount p
    icyumba troomsThenCount
    efitra troomsThenCount p
    efitrano troomsThenCount p
    zipinda troomsThenCount p
    chipinda troomsThenCount
    غرفتين ttwoRooms
    pièces tpieces
    pieces tpieces
    pièce tpieces
    piece tpieces
    غرفتان ttwoRooms
    ghorfetein ttwoRooms
    ghorftein ttwoRooms
    studios tstudio
    bed tbed
    beds tbed
    br tbr
    bd tbr
    bdr tbr
    bdrm tbr
    bdrms tbr
    bhk tbr
    studio tstudio
    bachelor tstudio
    bedsitter tbedsitter
    bedsit tbedsitter
    self tbedsitter
    unit tunit
    apt tunit
    apartment tunit
    appartement tunit
    appart tunit
    appt tunit
    شقة tunit
    شقه tunit
    الشقة tunit
    الشقه tunit
    محل tunit
    المحل tunit
    مكتب tunit
    المكتب tunit
    cha9a tunit
    شقتي tunit
    شقتك tunit
    شقته tunit
    شقتها tunit
    شقتنا tunit
    شقتهم tunit
    cottage thouse
    cottages thouse p
    bungalow thouse
    chalet thouse
    maisonette thouse
    townhouse thouse
    chqa tunit
    flat tunit
    suite tunit
    room tunit
    rm tunit
    door tunit
    shop tunit
    office tunit
    stall tunit
    kiosk tunit
    bureau tunit
    magasin tunit
    boutique tunit
    local tunit
    sha2a tunit
    sha2et tunit
    shi22a tunit
    shi2a tunit
    sha22a tunit
    sh2a tunit
    shee2a tunit
    sha2ti tunit
    shi22ti tunit
    units tunit p
    flats tunit p
    apartments tunit p
    shops tunit p
    offices tunit p
    house thouse
    villa thouse
    villas thouse
    hse thouse
    nyumba thouse
    inzu thouse
    nzu thouse
    فيلا thouse
    الفيلا thouse
    block tblock
    blk tblock
    bloc tblock
    bâtiment tblock
    batiment tblock
    bât tblock
    bat tblock
    immeuble tblock
    عمارة tblock
    العمارة tblock
    عماره tblock
    العماره tblock
    no tno
    nr tno
    number tno
    namba tno
    nimero tno
    numero tno
    رقم tno
    ra9m tno
    raqm tno
    plot tplot
    toilet tfixture
    toilets tfixture
    loo tfixture
    wc tfixture
    kitchen tfixture
    bathroom tfixture
    bathrooms tfixture
    shower tfixture
    sink tfixture
    tap tfixture
    taps tfixture
    faucet tfixture
    ceiling tfixture
    roof tfixture
    gate tfixture
    window tfixture
    windows tfixture
    balcony tfixture
    boiler tfixture
    geyser tfixture
    heater tfixture
    pipe tfixture
    pipes tfixture
    drain tfixture
    socket tfixture
    sockets tfixture
    lift tfixture
    elevator tfixture
    stairs tfixture
    staircase tfixture
    corridor tfixture
    hallway tfixture
    toilettes tfixture
    douche tfixture
    cuisine tfixture
    robinet tfixture
    plafond tfixture
    toit tfixture
    fenêtre tfixture
    fenetre tfixture
    évier tfixture
    evier tfixture
    lavabo tfixture
    balcon tfixture
    ascenseur tfixture
    escalier tfixture
    couloir tfixture
    portail tfixture
    choo tfixture
    jiko tfixture
    jikoni tfixture
    bafu tfixture
    bomba tfixture
    mfereji tfixture
    paa tfixture
    dari tfixture
    dirisha tfixture
    lango tfixture
    ngazi tfixture
    ubwiherero tfixture
    igikoni tfixture
    robine tfixture
    igisenge tfixture
    idirishya tfixture
    urugi tfixture
    month tmonth
    months tmonth
    mo tmonth
    mth tmonth
    mwezi tmonth
    kwezi tmonth
    mois tmonth
    monthly tmonthly
    year tyear
    years tyear
    yr tyear
    annum tyear
    yearly tyearly
    annually tyearly
    sanawi tyearly
    sanawiyan tyearly
    sanaweyan tyearly
    sanawy tyearly
    snawi tyearly
    سنوي tyearly
    سنويا tyearly
    سنوياً tyearly
    shahri tmonthly
    shahriyan tmonthly
    shahreyan tmonthly
    chahri tmonthly
    شهري tmonthly
    شهريا tmonthly
    شهرياً tmonthly
    week tweek
    wk tweek
    weekly tweekly
    day tday
    daily tdaily
    night tnight
    nightly tnightly
    pm tpm
    pa tpa
    kwa tkwa
    ku tku
    par tpar
    street tstreet
    st tstreet
    avenue tstreet
    ave tstreet
    av tstreet
    road tstreet
    rd tstreet
    lane tstreet
    ln tstreet
    drive tstreet
    boulevard tstreet
    blvd tstreet
    way tstreet
    close tstreet
    crescent tstreet
    court tstreet
    highway tstreet
    hwy tstreet
    terrace tstreet
    rue tstreet
    allee tstreet
    impasse tstreet
    chemin tstreet
    quai tstreet
    my tmy
    name tname
    is tis
    this tthis
    i ti
    am tam
    naitwa tnaitwa
    nitwa tnitwa
    je tje
    appelle tappelle
    jina tjina
    langu tlangu
    ni tni
    mon tmon
    nom tnom
    est test
    the tdeterminer
    that tdeterminer
    which tdeterminer
    each tdeterminer
    every tdeterminer
    any tdeterminer
    another tdeterminer
    paid tmoneyCue
    pay tmoneyCue
    pays tmoneyCue
    paying tmoneyCue
    payed tmoneyCue
    repay tmoneyCue
    sent tmoneyCue
    send tmoneyCue
    sending tmoneyCue
    transferred tmoneyCue
    transfer tmoneyCue
    deposit tmoneyCue
    deposited tmoneyCue
    rent tmoneyCue
    rental tmoneyCue
    price tmoneyCue
    priced tmoneyCue
    prices tmoneyCue
    cost tmoneyCue
    costs tmoneyCue
    fee tmoneyCue
    fees tmoneyCue
    charge tmoneyCue
    charged tmoneyCue
    owe tmoneyCue
    owed tmoneyCue
    owing tmoneyCue
    balance tmoneyCue
    amount tmoneyCue
    salary tmoneyCue
    refund tmoneyCue
    refunded tmoneyCue
    afford tmoneyCue
    budget tmoneyCue
    offer tmoneyCue
    offered tmoneyCue
    paye tmoneyCue
    payer tmoneyCue
    payes tmoneyCue
    payons tmoneyCue
    loyer tmoneyCue
    loyers tmoneyCue
    prix tmoneyCue
    coute tmoneyCue
    coutent tmoneyCue
    caution tmoneyCue
    envoye tmoneyCue
    verse tmoneyCue
    versement tmoneyCue
    montant tmoneyCue
    solde tmoneyCue
    kodi tmoneyCue
    nimelipa tmoneyCue
    nimetuma tmoneyCue
    nililipa tmoneyCue
    tumelipa tmoneyCue
    amelipa tmoneyCue
    lipa tmoneyCue
    nalipa tmoneyCue
    ninalipa tmoneyCue
    nitalipa tmoneyCue
    tunalipa tmoneyCue
    tutalipa tmoneyCue
    analipa tmoneyCue
    atalipa tmoneyCue
    alilipa tmoneyCue
    umelipa tmoneyCue
    ulilipa tmoneyCue
    wamelipa tmoneyCue
    walilipa tmoneyCue
    nishyura tmoneyCue
    nzishyura tmoneyCue
    kulipa tmoneyCue
    bei tmoneyCue
    deni tmoneyCue
    gharama tmoneyCue
    malipo tmoneyCue
    ada tmoneyCue
    salio tmoneyCue
    kiasi tmoneyCue
    pesa tmoneyCue
    nitatuma tmoneyCue
    nilituma tmoneyCue
    nimekutumia tmoneyCue
    nitakutumia tmoneyCue
    tumetuma tmoneyCue
    ametuma tmoneyCue
    flous tmoneyCue
    lkra tmoneyCue
    nishyuye tmoneyCue
    twishyuye tmoneyCue
    yishyuye tmoneyCue
    kwishyura tmoneyCue
    ubukode tmoneyCue
    igiciro tmoneyCue
    nohereje tmoneyCue
    amafaranga tmoneyCue
    dafa3t tmoneyCue
    dafa3na tmoneyCue
    edfa3 tmoneyCue
    egar tmoneyCue
    se3r tmoneyCue
    expensive tmoneyCue
    much tmoneyCue
    discount tmoneyCue
    negotiate tmoneyCue
    reduce tmoneyCue
    descendre tmoneyCue
    baisser tmoneyCue
    reduire tmoneyCue
    diminuer tmoneyCue
    raised tmoneyCue
    increase tmoneyCue
    increased tmoneyCue
    payerai tmoneyCue
    paierai tmoneyCue
    paie tmoneyCue
    regle tmoneyCue
    reglement tmoneyCue
    virement tmoneyCue
    envoyer tmoneyCue
    envoie tmoneyCue
    depot tmoneyCue
    tarif tmoneyCue
    somme tmoneyCue
    cher tmoneyCue
    chere tmoneyCue
    nimelipia tmoneyCue
    lipia tmoneyCue
    nimeshalipa tmoneyCue
    nitakulipa tmoneyCue
    nimekulipa tmoneyCue
    tumelipia tmoneyCue
    ghali tmoneyCue
    hela tmoneyCue
    nzakwishyura tmoneyCue
    ndishyura tmoneyCue
    ndakwishyura tmoneyCue
    narishyuye tmoneyCue
    ubwishyu tmoneyCue
    nakoherereje tmoneyCue
    nzohereza tmoneyCue
    bihenze tmoneyCue
    ايجار tmoneyCue
    إيجار tmoneyCue
    الايجار tmoneyCue
    الإيجار tmoneyCue
    كراء tmoneyCue
    الكراء tmoneyCue
    سعر tmoneyCue
    السعر tmoneyCue
    ثمن tmoneyCue
    الثمن tmoneyCue
    دفعت tmoneyCue
    ادفع tmoneyCue
    أدفع tmoneyCue
    المبلغ tmoneyCue
    غالي tmoneyCue
    kra tmoneyCue
    thaman tmoneyCue
    khlest tmoneyCue
    was tmoneyFiller
    about tmoneyFiller
    around tmoneyFiller
    approx tmoneyFiller
    roughly tmoneyFiller
    only tmoneyFiller
    just tmoneyFiller
    already tmoneyFiller
    me tmoneyFiller
    you tmoneyFiller
    him tmoneyFiller
    her tmoneyFiller
    them tmoneyFiller
    us tmoneyFiller
    your tmoneyFiller
    his tmoneyFiller
    our tmoneyFiller
    their tmoneyFiller
    total tmoneyFiller
    le tmoneyFiller
    la tmoneyFiller
    du tmoneyFiller
    ya tmoneyFiller
    de tmoneyFiller
    negotiable tmoneyCueAfter
    receipt tmoneyContext
    receipts tmoneyContext
    invoice tmoneyContext
    invoices tmoneyContext
    reçu tmoneyContext
    quittance tmoneyContext
    facture tmoneyContext
    risiti tmoneyContext
    stakabadhi tmoneyContext
    ايصال tmoneyContext
    إيصال tmoneyContext
    فاتورة tmoneyContext
    negociable tmoneyCueAfter
    max tbound
    maximum tbound
    under tbound
    below tbound
    less tbound
    upto tbound
    up tbound
    above tbound
    chini tbound
    zaidi tbound
    hadi tbound
    munsi tbound
    moins tbound
    jusqu tbound
    most tbound
    more tbound
    least tbound
    min tbound
    minimum tbound
    angalau tbound
    hejuru tbound
    أقل tbound
    اقل tbound
    أكثر tbound
    اكثر tbound
    تحت tbound
    فوق tbound
    حتى tbound
    أقصى tbound
    اقصى tbound
    الأقل tbound
    الاقل tbound
    yesterday tmoneyFollower
    today tmoneyFollower
    tonight tmoneyFollower
    tomorrow tmoneyFollower
    via tmoneyFollower
    kupitia tmoneyFollower
    kwenye tmoneyFollower
    avec tmoneyFollower
    sur tmoneyFollower
    binyuze tmoneyFollower
    through tmoneyFollower
    on tmoneyFollower
    to tmoneyFollower
    for tmoneyFollower
    by tmoneyFollower
    cash tmoneyFollower
    now tmoneyFollower
    instead tmoneyFollower
    plus tmoneyFollower
    at tmoneyFollower
    from tmoneyFollower
    with tmoneyFollower
    hier tmoneyFollower
    aujourd'hui tmoneyFollower
    demain tmoneyFollower
    deja tmoneyFollower
    jana tmoneyFollower
    leo tmoneyFollower
    kesho tmoneyFollower
    tayari tmoneyFollower
    ejo tmoneyFollower
    uyu tmoneyFollower
    please tmoneyFollower
    pls tmoneyFollower
    plz tmoneyFollower
    tafadhali tmoneyFollower
    svp tmoneyFollower
    merci tmoneyFollower
    thanks tmoneyFollower
    asante tmoneyFollower
    elfu tscaleFirst
    laki tscaleFirst
    milioni tscaleFirst
    bilioni tscaleFirst
    mia tscaleFirst
    ibihumbi tscaleFirst
    igihumbi tscaleFirst
    amajana tscaleFirst
    magana tscaleFirst
    amagana tscaleFirst
    ijana tscaleFirst
    miliyoni tscaleFirst
    miliyari tscaleFirst
    mille tfrenchScale
    milles tfrenchScale
    milliard tfrenchScale
    milliards tfrenchScale
    cents tfrenchScale
    """#

    static func mask(_ tags: [Tag]) -> UInt64 { tags.reduce(0) { $0 | $1.bit } }

    // Which scanners a message needs, by the keywords it holds.
    static let numberMask = Tag.numberWordBit | mask([.hundred, .dozen, .a, .half, .quarter, .negative, .over, .out])
    static let percentMask = mask([.percent, .per, .pour, .asilimia])
    static let areaMask = mask([.sq, .square, .feet, .metres, .sqft, .sqm, .m, .m2, .ft2])
    static let bedroomMask = mask([.bedroom, .bed, .br, .studio, .bedsitter, .roomsThenCount, .twoRooms, .pieces])
    /// A studio names a dwelling too ("Studio 4B").
    static let unitMask = mask([.unit, .house, .block, .studio])
    /// "Number", "namba", "رقم": before a door's number.
    static let numberWordMask = mask([.no])
    /// A dwelling or a part of one: where a bare code ("C4") may be a unit.
    static let premisesMask = unitMask | mask([.fixture])
    static let addressMask = mask([.street, .plot])
    static let personMask = mask([.my, .naitwa, .nitwa, .jina, .appelle, .mon, .this, .i])
    static let moneyCueMask = mask([.moneyCue, .moneyCueAfter])
    /// What makes a bare amount money: a payment word, or a bound before a shorthand ("under 300k").
    static let amountCueMask = mask([.moneyCue, .moneyCueAfter, .moneyContext, .bound, .over])
    static let scaleFirstMask = mask([.scaleFirst])
    static let frenchNumberMask = mask([.frenchScale, .cent]) | Tag.numberWordBit

    /// Entry 0 is unused (a token's `word` 0 means "not in the lexicon").
    static let entries: [Info] = parsed.entries
    private static let index: HashIndex = parsed.index

    private static let parsed: (entries: [Info], index: HashIndex) = {
        var entries = [Info()]
        var index = HashIndex(capacity: 512)
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let word = fields.first else { continue }
            var info = Info()
            for field in fields.dropFirst() {
                let rest = String(field.dropFirst())
                switch field.first {
                case "c": info.cardinal = Int64(rest) ?? -1
                case "o": info.ordinal = Int64(rest) ?? 0
                case "d": info.denominator = true
                case "p": info.plural = true
                case "s": info.scale = Int(rest) ?? 0
                case "t": info.tag = Tag(rawValue: rest) ?? .none
                default: break
                }
            }
            info.bit = info.tag == .none ? (info.cardinal >= 0 || info.ordinal > 0 || info.scale > 0 ? Tag.numberWordBit : 0) : info.tag.bit
            index.set(Fold.hash(String(word)), Int32(entries.count))
            entries.append(info)
        }
        return (entries, index)
    }()

    /// The entry index of a folded word hash, 0 when unknown.
    @inline(__always) static func lookup(_ hash: UInt64) -> UInt16 {
        guard let i = index.get(hash) else { return 0 }
        return UInt16(i)
    }
}
