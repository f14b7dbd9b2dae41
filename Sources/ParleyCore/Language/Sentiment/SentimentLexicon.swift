// Parley's own sentiment tables, written for Parley (same licence as the project). Valences use
// VADER's scale ([-4, 4], a word like "good" is 1.9, "bad" -2.5); an entry here replaces VADER's
// for the same key. Keys are lower case; a key with spaces is a phrase of up to four words,
// matched before single words (VADER's own multi-word entries such as "fed up" become phrases too).

/// Namespace of the embedded tables; each is parsed once, at first use.
enum SentimentData {}

extension SentimentData {
    /// Property-management words and everyday French, Swahili, Kinyarwanda and Arabic
    /// (Latin letters and Arabic script) sentiment words: word<TAB>valence. A 0 silences a
    /// VADER entry that means something else in tenants' messages: "l" (2.0 in VADER) is the
    /// article of Arabic written in Latin letters ("l cuisine"); French "charges" are utilities;
    /// "please", "kindly", "help" (a plea in a problem report), "free" (a flat or a slot that is
    /// available, parking at no cost), "accept" (do you accept pets, mobile money?), Pidgin "fit"
    /// (can), "pay", "share" (send) and greetings are politeness or business, not praise, and a
    /// "number" is a phone's or a flat's; "want", "reached" and "allow" ask and arrive, "fresh" is
    /// Lebanon's dollars, "sorry" apologizes wherever it stands ("wrong number sorry"; "you'll be
    /// sorry" threatens), and French "tout", "dire", "tard", "douche" are not VADER's English
    /// words. Reports of a problem with no evaluative word (nobody came, for nothing, too
    /// expensive, negligence, dripping, the third time, the children cannot bathe, "c'est du
    /// vol") carry the complaint they make.
    /// An optional third field is the valence under a
    /// negator, which the negation then turns: "help<TAB>0<TAB>1.7" makes "no help" negative.
    static let additions = #"""
l	0
charges comprises	0
charges incluses	0
hors charges	0
les charges	0
leak	-1.4
leaks	-1.4
leaking	-1.6
leaky	-1.4
leakage	-1.4
dripping	-1.0
mould	-1.8
mouldy	-1.9
mold	-1.8
moldy	-1.9
damp	-1.2
dampness	-1.3
broken	-2.1
broke down	-1.8
flooded	-2.2
flooding	-2.3
cockroach	-1.9
cockroaches	-2.1
roaches	-2.0
bedbugs	-2.3
bed bugs	-2.3
termites	-1.8
rats	-1.9
mice	-1.2
pests	-1.8
infestation	-2.2
no water	-2.0
no hot water	-1.9
no power	-2.0
no electricity	-2.0
no light	-1.5
no lights	-1.5
power cut	-1.8
power outage	-1.8
blackout	-1.8
blocked	-1.3
clogged	-1.4
overflowing	-1.6
burst	-1.6
cracked	-1.3
crack	-0.8
noisy	-1.3
too loud	-1.3
unbearable	-2.3
intolerable	-2.3
filthy	-2.2
infested	-2.0
overpriced	-1.5
nightmare	-2.3
sick of	-2.0
tired of	-1.6
unsafe	-1.8
unresponsive	-1.6
disrespectful	-2.0
stinks	-2.0
smelly	-1.7
not working	-1.8
doesn't work	-1.8
doesnt work	-1.8
isn't working	-1.8
does not work	-1.8
did not work	-1.6
didn't work	-1.6
didnt work	-1.6
won't work	-1.8
wont work	-1.8
will not work	-1.8
no longer works	-1.8
no longer working	-1.8
no longer worked	-1.8
won't open	-1.5
won't close	-1.5
won't lock	-1.6
won't flush	-1.6
won't turn on	-1.6
won't turn off	-1.6
stopped working	-1.9
still waiting	-1.6
still broken	-2.3
overcharged	-2.1
evicted	-2.4
eviction	-2.0
unacceptable	-2.5
ridiculous	-2.0
water everywhere	-2.2
gas leak	-2.5
smell gas	-2.0
smell of gas	-2.0
locked out	-1.8
burst pipe	-2.0
pipe burst	-2.0
urgent	-0.8
urgently	-0.8
help	0	1.7
please	0
pls	0
plz	0
kindly	0
dear	0
share	0
pay	0
number	0
lease agreement	0
tenancy agreement	0
rental agreement	0
fire extinguisher	0
fire extinguishers	0
fire exit	0
fire door	0
fire escape	0
no smoking	0
goutte	-1.0
gouttent	-1.0
free from	0
free on	0
free now	0
free today	0
free tomorrow	0
free next	0
free this	0
free until	0
free at	0
be free	0
is free	0
are free	0
still free	0
you free	0
any free	0
anything free	0
room free	0
rooms free	0
unit free	0
units free	0
flat free	0
flats free	0
studio free	0
studios free	0
apartment free	0
apartments free	0
house free	0
houses free	0
good morning	0
good afternoon	0
good evening	0
good day	0
hope you are well	0
hope you're well	0
hope all is well	0
kind regards	0
best regards	0
warm regards	0
sorry to bother	0
sorry to disturb	0
would like	0
i'd like	0
we'd like	0
id like	0
no hurry	0
no rush	0
no emergency	0
strong smell	-1.5
strong odour	-1.5
strong odor	-1.5
strong gas smell	-2.5
smoke	-1.5
sparks	-1.5
sparking	-1.5
flames	-1.5
burgled	-2.2
burglary	-2.2
break-in	-2.2
robbed	-2.4
nobody cares	-2.0
no one cares	-2.0
no one answers	-1.8
no one answered	-1.8
no one picks up	-1.8
no one picked up	-1.8
no one responds	-1.8
no one responded	-1.8
no one replies	-1.8
no one came	-1.5
no answer	-1.2
no response	-1.4
no reply	-1.2
no feedback	-1.0
still nothing	-1.6
what kind of service	-1.8
what kind of management	-1.8
is this a joke	-1.8
what a joke	-1.8
sick and tired	-2.2
had enough	-1.8
enough is enough	-2.0
fixed	1.6
sorted	1.4
all sorted	1.8
repaired	1.6
resolved	1.5
working again	1.8
works now	1.6
working now	1.6
all good	2.0
thank you	2.0
thanks a lot	2.3
cheers	1.6
appreciated	2.0
spotless	2.2
merci	2.0
merci beaucoup	2.6
nul	-2.0
nulle	-2.0
super	2.3
génial	2.8
genial	2.8
parfait	2.5
parfaite	2.5
bien	1.3
très bien	2.2
bon	1.2
bonne	1.2
mauvais	-2.0
mauvaise	-2.0
content	1.8
contente	1.8
contents	1.8
heureux	2.2
heureuse	2.2
satisfait	1.8
satisfaite	1.8
déçu	-2.0
décue	-2.0
déçue	-2.0
decu	-2.0
decue	-2.0
fâché	-2.2
fache	-2.2
énervé	-2.0
enerve	-2.0
énervée	-2.0
problème	-1.2
probleme	-1.2
problèmes	-1.3
panne	-1.6
en panne	-1.8
cassé	-1.8
cassée	-1.8
fuite	-1.5
fuit	-1.4
moisissure	-1.8
cafards	-2.1
sympa	1.8
bravo	2.2
dommage	-1.3
inacceptable	-2.5
inquiet	-1.5
inquiète	-1.5
malheureusement	-1.2
horrible	-2.5
catastrophe	-2.6
honteux	-2.2
honteuse	-2.2
une honte	-2.2
la honte	-2.0
insupportable	-2.3
insupportables	-2.3
intolérable	-2.3
inadmissible	-2.4
scandaleux	-2.4
scandale	-2.2
lamentable	-2.3
pénible	-1.8
penible	-1.8
marre	-2.0
j'en ai marre	-2.3
on en a marre	-2.3
ras le bol	-2.2
ras-le-bol	-2.2
bruyant	-1.5
bruyants	-1.5
bruit	-1.0
dégoûtant	-2.3
degoutant	-2.3
furieux	-2.5
furieuse	-2.5
en colère	-2.2
colère	-2.0
pire	-2.2
n'importe quoi	-1.8
toujours rien	-1.6
personne ne répond	-1.8
personne ne repond	-1.8
c'est quoi ce service	-1.8
asante	2.0
asanteni	2.0
asante sana	2.6
nzuri	2.0
vizuri	1.8
poa	1.5
safi	1.8
mbaya	-2.0
si nzuri	-1.9
si mbaya	1.0
vibaya	-1.8
tatizo	-1.3
matatizo	-1.4
shida	-1.3
imeharibika	-1.9
imevunjika	-1.8
inavuja	-1.6
hasira	-2.0
kelele	-1.3
tumechoka	-1.8
nimechoshwa	-2.0
tumechoshwa	-2.0
sijaridhika	-1.8
hatujaridhika	-1.8
sijafurahi	-1.8
hatujafurahi	-1.8
tumekasirika	-2.3
kero	-1.5
usumbufu	-1.5
inasumbua	-1.5
wanasumbua	-1.5
inakera	-1.8
inaudhi	-1.8
mbovu	-2.0
chafu	-1.8
uchafu	-1.8
aibu	-2.0
haikubaliki	-2.3
si sawa	-1.5
hakuna anayepokea	-1.8
hampokei	-1.6
hamjibu	-1.6
nimekasirika	-2.3
nimechoka	-1.5
furaha	2.2
nimefurahi	2.2
hongera	2.2
karibu	1.0
mende	-1.9
panya	-1.4
matata	-1.2
haifanyi kazi	-1.8
hakuna maji	-2.0
hakuna umeme	-2.0
imetengenezwa	1.6
murakoze	2.0
urakoze	2.0
murakoze cyane	2.6
byiza	2.0
ni byiza	2.0
neza	1.5
meza	1.8
mwiza	1.8
mbi	-2.0
nabi	-1.8
ikibazo	-1.1
ibibazo	-1.2
yapfuye	-1.7
byapfuye	-1.7
birababaje	-2.1
birambabaje	-2.1
biratubabaje	-2.1
ndababaye	-2.0
turababaye	-2.0
basakuza	-1.3
barasakuza	-1.3
urusaku	-1.2
ntidusinzira	-1.5
sinsinzira	-1.5
ndarambiwe	-1.8
turarambiwe	-1.8
narambiwe	-1.8
twarambiwe	-1.8
ntibyemewe	-2.2
ntikora	-1.7
agahomamunwa	-2.3
birakabije	-1.8
umwanda	-1.8
nishimye	2.0
sinishimye	-2.0
ntawitaba	-1.8
ntimwitaba	-1.6
ntimusubiza	-1.6
ndishimye	2.2
nishimiye	2.1
ntibikora	-1.7
ntabwo bikora	-1.8
nta mazi	-2.0
nta muriro	-2.0
byakemutse	1.6
shukran	2.0
shukran kteer	2.5
mashallah	2.2
mashaallah	2.2
masha'allah	2.2
mashalla	2.2
alhamdulillah	1.5
hamdulillah	1.5
hamdella	1.5
mumtaz	2.5
momtaz	2.5
mnee7	1.8
mni7	1.8
mnih	1.8
kwayes	1.8
kwayyes	1.8
kwayis	1.8
helw	1.8
7elw	1.8
7ilw	1.8
zift	-2.0
zeft	-2.0
we7sh	-2.0
we7sha	-2.0
wi7esh	-2.0
ma2bool	1.0
mesh ma2bool	-2.3
mish ma2bool	-2.3
msh ma2bool	-2.3
mosh ma2bool	-2.3
mesh ma2boul	-2.3
mish ma2boul	-2.3
ma2boul	1.0
maqbool	1.0
zah2an	-1.8
zah2ana	-1.8
zah2anin	-1.8
zahqan	-1.8
mez3ej	-1.8
miz3ij	-1.8
mez3eje	-1.8
mez3jin	-1.8
ta3bet	-1.5
2araf	-2.0
3ayb	-2.0
ma 7ada birod	-1.8
ma fi rad	-1.5
mafi rad	-1.5
khara	-2.5
za3lan	-1.8
zaalan	-1.8
mabsout	2.0
mabsoot	2.0
mochkil	-1.2
mouchkil	-1.2
mochkila	-1.2
mushkila	-1.2
moshkila	-1.2
machakil	-1.3
mashakel	-1.3
khayb	-1.8
khayba	-1.8
khaiba	-1.8
mzyan	1.8
mezyan	1.8
mzyana	1.8
zwin	1.8
zwina	1.8
3afye	1.5
shukrun	2.0
شكرا	2.0
شكراً	2.0
ممتاز	2.5
ممتازة	2.5
جميل	2.0
جميلة	2.0
رائع	2.8
حلو	1.8
الحمدلله	1.5
الحمد لله	1.5
ماشاءالله	2.2
ما شاء الله	2.2
سعيد	2.2
مبسوط	2.0
سيء	-2.0
سيئين	-2.0
مزعج	-1.8
مزعجة	-1.8
مزعجه	-1.8
مزعجين	-1.8
إزعاج	-1.5
مقبول	1.0
مو مقبول	-2.3
مش مقبول	-2.3
غير مقبول	-2.3
مش معقول	-1.8
مو معقول	-1.8
زفت	-2.0
زهقت	-1.8
زهقنا	-1.8
طفشت	-1.8
طفشنا	-1.8
تعبنا	-1.5
قرف	-2.0
قرفان	-2.0
وسخ	-1.8
وسخة	-1.8
عيب	-2.0
معصب	-2.0
ما حدا بيرد	-1.8
محدا بيرد	-1.8
محدش بيرد	-1.8
ما في رد	-1.5
سيئ	-2.0
سيئة	-2.0
مشكلة	-1.2
مكسور	-1.8
مكسورة	-1.8
تسرب	-1.5
زعلان	-1.8
غاضب	-2.2
للأسف	-1.2
لا يعمل	-1.8
خربان	-1.8
عطلان	-1.7
block	0
blocks	0
charges	0
service charge	0
service charges	0
free after	0
free all	0
free in the	0
free any	0
free weekend	0
when free	0
if free	0
im free	0
i'm free	0
i am free	0
am free	0
niko free	0
uko free	0
free kesho	0
free leo	0
giving notice	0
give notice	0
gave notice	0
be like	0
is like	0
looks like	0
seems like	0
loud music	-1.5
blasting music	-1.6
cant sleep	-1.8
can not sleep	-1.8
stinking	-2.0
mécontent	-2.0
mécontente	-2.0
mecontent	-2.0
mecontente	-2.0
ne marche plus	-1.4
marche plus	-1.4
ne marche pas	-1.3
marche pas	-1.3
ne fonctionne plus	-1.4
fonctionne plus	-1.4
ne fonctionne pas	-1.3
fonctionne pas	-1.3
mjeuri	-2.0
wajeuri	-2.0
matusi	-2.0
ametukana	-2.2
amewatukana	-2.2
ananitukana	-2.2
haielewi	-1.0
haelewi	-1.0
wehsha	-2.0
wehesh	-2.0
we7esh	-2.0
ryiza	1.8
keza	1.8
cyiza	1.8
nziza	1.8
rwiza	1.8
heza	1.8
apologies	-0.3
forgive me	-0.3
late	-0.8
pay late	-1.2
paying late	-1.2
will be late	-1.0
money is tight	-1.5
short of money	-1.5
can't pay	-1.5
cant pay	-1.5
cannot pay	-1.5
unable to pay	-1.5
couldn't pay	-1.5
financial difficulties	-1.8
hard times	-1.2
why was i charged	-2.5
why am i charged	-2.5
why am i being charged	-2.5
why did you charge	-2.5
why have i been charged	-2.5
charged twice	-1.8
double charged	-1.8
hidden charges	-1.5
désolée	-0.3
desolee	-0.3
retard	-1.0
en retard	-1.0
difficultés financières	-1.8
pas d'argent	-1.5
fauché	-1.8
pas sérieux	-1.8
pas serieux	-1.8
c'est pas sérieux	-2.0
c'est pas serieux	-2.0
réparé	1.6
repare	1.6
réparée	1.6
nettoyé	1.0
nettoye	1.0
nettoyée	1.0
propre	1.2
jamais nettoyé	-1.8
jamais nettoyée	-1.8
jamais réparé	-1.8
jamais propre	-1.8
rien n'est fait	-1.8
rien n'est réparé	-1.8
rien n'a été fait	-1.8
pas normal	-1.5
c'est pas normal	-1.8
abusé	-1.8
abusif	-1.8
injuste	-2.0
arnaque	-2.3
négligence	-1.8
negligence	-1.8
saleté	-1.8
crasseux	-2.0
dégueulasse	-2.3
punaises	-2.0
ignoré	-1.5
ignorée	-1.5
nimechelewa	-0.8
hamjarekebisha	-1.6
hawajarekebisha	-1.6
kuchelewa	-0.8
imechelewa	-0.8
umechelewa	-0.8
mshahara bado	-1.0
sina pesa	-1.5
hali ngumu	-1.5
nashukuru	2.0
tunashukuru	2.0
shukrani	2.0
mumbabarire	-0.3
imbabazi	-0.3
nzatinda	-0.8
natinze	-0.8
gutinda	-0.8
byatinze	-0.8
nta mafaranga	-1.5
gusakuza	-1.3
bavuza induru	-1.5
ntitubasha gusinzira	-1.8
sinabashije gusinzira	-1.8
ntitwasinziriye	-1.8
byacitse	-1.5
rwacitse	-1.5
cyacitse	-1.5
yacitse	-1.5
byangiritse	-1.7
cyangiritse	-1.7
yangiritse	-1.7
rwangiritse	-1.7
yarapfuye	-1.7
ryapfuye	-1.7
rwapfuye	-1.7
cyapfuye	-1.7
byarapfuye	-1.7
yanduye	-1.8
handuye	-1.8
byanduye	-1.8
hasa nabi	-1.8
umunuko	-1.8
biranuka	-1.7
haranuka	-1.7
amazi ntayo	-1.8
bibi	-2.0
ntibikwiye	-1.8
biteye isoni	-2.0
akarengane	-2.0
ndahangayitse	-1.8
twahangayitse	-1.8
umutekano muke	-1.8
twibwe	-2.2
banyibye	-2.2
ntibishimishije	-1.8
ryacitse	-1.5
zacitse	-1.5
bwacitse	-1.5
hacitse	-1.5
twacitse	-1.5
ryangiritse	-1.7
zangiritse	-1.7
bwangiritse	-1.7
hangiritse	-1.7
twangiritse	-1.7
zapfuye	-1.7
bwapfuye	-1.7
hapfuye	-1.7
twapfuye	-1.7
ryanduye	-1.8
zanduye	-1.8
bwanduye	-1.8
cyanduye	-1.8
rwanduye	-1.8
twanduye	-1.8
machi m9bol	-2.3
machi maqbol	-2.3
machi ma9bol	-2.3
mkhser	-1.7
mkhesser	-1.7
mkhsra	-1.7
khasra	-1.7
tkhser	-1.7
tkhsser	-1.7
m3fen	-2.0
m3fna	-2.0
mwessekh	-1.8
mwsekh	-1.8
wsekh	-1.8
ma jawbnich	-1.5
ma jawb	-1.5
7ta wa7ed ma	-1.8
tta wa7ed ma	-1.8
sda3	-1.3
3yit	-1.8
3yina	-1.8
7chouma	-2.0
hchouma	-2.0
ma3jbnich	-1.8
ma 3jbnich	-1.8
m9ale9	-2.0
mqelleq	-2.0
ma khdamch	-1.7
makhdamch	-1.7
ma kaykhdemch	-1.7
smhli	-0.3
sma7li	-0.3
m3tel	-0.8
ma 3ndich flous	-1.5
مخسر	-1.7
ماشي مقبول	-2.3
حشومة	-2.0
عييت	-1.8
موسخ	-1.8
آسف	-0.3
اسف	-0.3
متأخر	-0.8
تأخير	-0.8
ما عندي فلوس	-1.5
fit	0
free	0
accept	0
accepts	0
emergency line	0
emergency number	0
emergency hotline	0
emergency contact	0
emergency exit	0
snapped	-1.5
busted	-1.5
spoilt	-1.5
don spoil	-1.8
e don spoil	-1.8
not cooling	-1.5
hot air	-1.2
like an oven	-1.6
like a sauna	-1.4
comme un four	-1.6
sewage	-1.5
sewer	-0.8
égout	-0.8
for nothing	-1.5
pour rien	-1.3
ku busa	-1.3
never came	-1.6
never showed	-1.6
never showed up	-1.6
didn't come	-1.4
didnt come	-1.4
did not come	-1.4
hasn't come	-1.4
hasnt come	-1.4
has not come	-1.4
didn't show up	-1.5
no show	-1.3
nobody come	-1.6
nobody answer	-1.6
person no dey answer	-1.6
no one dey answer	-1.6
personne n'est venu	-1.6
personne ne vient	-1.6
personne n'a répondu	-1.6
personne n'a repondu	-1.6
toujours personne	-1.6
hakuna aliyekuja	-1.6
hakuna anayekuja	-1.6
hakuna aliyejibu	-1.6
hakuna anayepokea simu	-1.6
fundi hajaja	-1.4
ntawunyitaba	-1.8
ntawunsubiza	-1.8
ntawaje	-1.6
ntawuza	-1.6
nta muntu witaba	-1.8
nta muntu waje	-1.6
ma ja 7ta wa7ed	-1.6
ma jani 7ta wa7ed	-1.6
7ta wa7ed ma jawb	-1.8
ما حد رد	-1.8
محد رد	-1.8
لا أحد يرد	-1.8
ماحدش رد	-1.8
محدش جه	-1.6
ما حدا إجا	-1.6
negligent	-1.8
négligent	-1.8
négligents	-1.8
négligente	-1.8
negligents	-1.8
ihmal	-2.0
إهمال	-2.0
اهمال	-2.0
تهاون	-1.8
مهمل	-1.8
مهملين	-1.8
uzembe	-1.8
wazembe	-1.8
mzembe	-1.8
uburangare	-1.8
ubunebwe	-1.6
too expensive	-1.5
too pricey	-1.5
too much	-0.8
too high	-1.0
cost too much	-1.5
too cost	-1.5
e too cost	-1.5
dey cost well well	-1.3
trop cher	-1.5
trop chère	-1.5
trop chere	-1.5
trop élevé	-1.2
trop eleve	-1.2
c'est cher	-1.0
ghali	-1.0
ghali sana	-1.5
ghali bzaf	-1.5
ghalya	-1.0
ghalia	-1.0
ghalya bzaf	-1.5
birahenze	-1.2
birahenze cyane	-1.5
bihenze	-1.0
غالي	-1.2
غالية	-1.2
غاليه	-1.2
bloqué	-1.2
bloquée	-1.2
bloque	-1.2
bloquee	-1.2
peux pas sortir	-1.5
peux pas entrer	-1.5
peut pas sortir	-1.5
can't go out	-1.5
cant go out	-1.5
cannot go out	-1.5
can't get out	-1.5
cannot get out	-1.5
dripping again	-1.3
kayqter	-1.0
kay9ter	-1.0
katqter	-1.0
kat9ter	-1.0
kaynqet	-1.0
katnqet	-1.0
kaysil	-0.8
katsil	-0.8
kat9tar	-1.0
inadondoka	-1.0
yanadondoka	-1.0
linadondoka	-1.0
biratonyanga	-1.0
aratonyanga	-1.0
ينقط	-1.0
بينقط	-1.0
تنقط	-1.0
كيقطر	-1.0
كتقطر	-1.0
webale	2.0
webaale	2.0
weebale	2.0
medaase	2.0
meda wo ase	2.0
ngiyabonga	2.0
ngiyabonga kakhulu	2.3
siyabonga	2.0
enkosi	2.0
dankie	2.0
dankie tog	2.0
baie dankie	2.3
tank you	1.9
tanks o	1.9
tanks well	1.9
tanks sah	1.9
tanks ma	1.9
tanks boss	1.9
tanks plenty	1.9
akwaaba	1.5
samahani	0
pole	0
no vex	0
abeg no vex	0
bit late	0
small late	0
little late	0
a few days late	0
nitachelewa	0
nitachelewa kidogo	0
désolé	0
desole	0
3atlan	-1.5
3atlana	-1.5
3otl	-1.2
ma7adesh byrod	-1.5
mafish 7ad byrod	-1.5
mafeesh 7ad byrod	-1.5
mahadesh byrod	-1.5
a bit late	0
a little late	0
daylight robbery	-2.0
merci de	0
merci de votre	2.0
merci de vos	2.0
merci de ta	2.0
merci de tes	2.0
merci du	2.0
merci d'avance	0.8
as agreed	0
as discussed	0
comme convenu	0
chokran	2.0
choukran	2.0
chokrane	2.0
shokran	2.0
chokran bzaf	2.5
choukran bzaf	2.5
شكرا بزاف	2.5
يعطيك الصحة	2.0
يعطيك الصحه	2.0
يعطيك العافية	2.0
يعطيك العافيه	2.0
يعطيكم العافية	2.0
الله يعطيك العافية	2.2
ya3tik sa7a	2.0
ya3tik essa7a	2.0
ya3tik el3afia	2.0
3aychek	1.8
3aishek	1.8
3ayshek	1.8
يعيشك	1.8
عيشك	1.8
barak allahu fik	2.0
baraka allahu fik	2.0
بارك الله فيك	2.0
الله يبارك فيك	2.0
جزاك الله خير	2.2
جزاك الله خيرا	2.2
jazakallah	2.2
jazak allah	2.2
jërëjëf	2.0
jerejef	2.0
jerrejef	2.0
jëréjëf	2.0
dalu	1.8
daalu	1.8
e se	1.8
e seun	1.8
e se gan	2.2
o se	1.8
na gode	1.8
nagode	1.8
wahala	-1.5
i can't sleep	-1.5
can't sleep	-1.5
cannot sleep	-1.5
can't sleep at night	-1.6
impossible de dormir	-1.5
je n'arrive pas à dormir	-1.5
on ne dort plus	-1.5
siwezi kulala	-1.5
hatuwezi kulala	-1.5
sinshobora gusinzira	-1.5
ntidushobora gusinzira	-1.5
ما نقدرش نرقد	-1.5
ما نجمش نرقد	-1.5
مانجمش نرقد	-1.5
مش قادر أنام	-1.5
مش قادر انام	-1.5
ما قدرت أنام	-1.5
ما قدرت انام	-1.5
ma nnajamch nor9od	-1.5
manajamch norked	-1.5
ma n9darch nra9ed	-1.5
ma n9derch n3es	-1.5
ضجة	-1.3
ضجيج	-1.4
دوشة	-1.3
ازعاج	-1.5
l7ess	-0.8
el 7ess	-0.8
iracyava	-1.2
biracyava	-1.2
iracyameneka	-1.3
biracyameneka	-1.3
ntibirakorwa	-1.2
ntiyakozwe	-1.2
bado inavuja	-1.7
bado yanavuja	-1.7
yanavuja	-1.6
haijatengenezwa	-1.3
haijarekebishwa	-1.3
fuit toujours	-1.6
fuit encore	-1.6
coule toujours	-1.3
toujours en panne	-1.7
encore en panne	-1.7
mazal kayqter	-1.4
mazal taysil	-1.4
mazel ya9ter	-1.4
مازال يقطر	-1.4
مازال ينقط	-1.4
ما زال ينقط	-1.4
لسه بينقط	-1.4
لسا بينقط	-1.4
ما تصلحش	-1.3
ما اتصلحش	-1.3
ما تصلحتش	-1.3
e still dey leak	-1.6
still dey leak	-1.6
no dey work	-1.5
e no dey work	-1.5
tout	0
dire	0
tard	0
douche	0
want	0
wanted	0
reach	0
reached	0
allow	0
fresh	0
sorry	0
be sorry	-1.5
wrong number	0
wrong chat	0
wrong person	0
wrong group	0
wrong conversation	0
mauvais numéro	0
mauvais numero	0
trompé de numéro	0
trompé de conversation	0
nimekosea namba	0
غلطت بالرقم	0
غلط بالرقم	0
big issue	-1.5
major issue	-1.5
serious issue	-1.8
real issue	-1.3
third time	-1.3
3rd time	-1.3
fourth time	-1.5
4th time	-1.5
fifth time	-1.7
again and again	-1.5
how many times	-1.5
so many times	-1.3
troisième fois	-1.3
troisieme fois	-1.3
encore une fois	-0.8
mara ya tatu	-1.3
mara ngapi	-1.3
mara ya nne	-1.5
mara ya tano	-1.7
hakuna anayejali	-2.0
hakuna anayejibu	-1.8
للمرة الثالثة	-1.3
تالت مرة	-1.3
talet marra	-1.3
tal2et marra	-1.3
theft	-2.0
c'est du vol	-2.5
du vol	-2.0
wizi	-2.0
ni wizi	-2.3
can't bathe	-1.5
cannot bathe	-1.5
can't shower	-1.5
cannot shower	-1.5
haven't bathed	-1.5
havent bathed	-1.5
have not bathed	-1.5
haven't showered	-1.5
pas se laver	-1.5
pas pu se laver	-1.5
sans se laver	-1.3
hawajaoga	-1.5
hatujaoga	-1.5
sijaoga	-1.5
hatuwezi kuoga	-1.5
hawawezi kuoga	-1.5
ما تحممنا	-1.5
ما قدرنا نتحمم	-1.5
ma t7ammamna	-1.5
ma 2dirna net7ammam	-1.5
basukoli te	-1.5
tosukoli te	-1.5
ma 7ada 3am yjewib	-1.5
ma 7ada byrod	-1.5
ma 7ada ija	-1.5
ma ija	-1.3
ma ijet	-1.3
ma ajet	-1.3
ma7ada byrod	-1.5
ma a7ad rad	-1.5
ma 7ad rad	-1.5
ma 3am yechte8el	-1.5
mesh 3am yechte8el	-1.5
ma 3am ye2ta3	-1.0
natotela	2.0
twatotela	2.0
natotela mukwai	2.2
ndatenda	2.0
tatenda	2.0
ndinotenda	2.0
mazvita	2.0
maita basa	2.0
zikomo	2.0
zikomo kwambiri	2.3
matondo	2.0
matondo mingi	2.3
matondo mpenza	2.3
አመሰግናለሁ	2.0
እናመሰግናለን	2.0
amesegnalehu	2.0
amesegenalehu	2.0
ameseginalehu	2.0
ashkorak	2.0
ashkurak	2.0
ashkrk	2.0
ashkorkom	2.0
mashkoor	2.0
mashkour	2.0
mashkoorin	2.0
mashkourin	2.0
مشكور	2.0
مشكورة	2.0
مشكورين	2.0
yislamo	2.0
yeslamo	2.0
يسلمو	2.0
teslam	1.8
tislam	1.8
jazakallah khair	2.2
jazak allah khair	2.2
jazakallahu khairan	2.2
جزاكم الله خيرا	2.2
جزاكم الله خير	2.2
ya3tik el 3afye	2.0
ya3tik el 3afia	2.0
ya3teek el 3afye	2.0
ya3tikon el 3afye	2.0
ke a leboga	2.0
re a leboga	2.0
leboga	2.0
ke itumetse	2.0
re itumetse	2.0
re e ratile	2.0
ke e ratile	2.0
dirile sentle	1.8
misaotra	2.0
misaotra betsaka	2.3
misaotra indrindra	2.3
mersi	2.0
mersi boukou	2.3
barka	2.0
barka wusgo	2.3
barika	2.0
i ni ce	2.0
a ni ce	2.0
i ni ce kosebe	2.3
saha	2.0
sa7a	2.0
yaatik saha	2.2
yaatik sa7a	2.2
ya3tik saha	2.2
y3tik sa7a	2.2
صحة	1.5
صحيت	1.8
mer9i	2.0
mer9i bzaf	2.3
merci bzaf	2.3
mamnoun	2.0
mamnoon	2.0
mamnounak	2.0
ممنون	2.0
ممنونك	2.0
ndasangalala	2.0
tasangalala	2.0
kontan	1.8
bien kontan	2.0
ou bien	0
bien mais	0
bonne soirée	0
bonne soiree	0
bonne journée	0
bonne journee	0
bonne nuit	0
bon weekend	0
bon week-end	0
pris en charge	0
prise en charge	0
tayeb mnee7	0
tamam mnee7	0
burglar bars	0
burglar bar	0
burglar proofing	0
burglar proof	0
burglar alarm	0
senyegile	-1.8
e senyegile	-1.8
robegile	-1.8
dutla	-1.4
e a dutla	-1.4
bothata	-1.3
mathata	-1.5
modumo	-1.0
tshwenya	-1.5
ba tshwenya	-1.5
ga ba reetse	-1.5
ba ganne	-1.3
ga ba a tla	-1.5
ga ba ise ba tle	-1.5
ga se sentle	-1.5
ga go a siama	-1.5
e tura thata	-1.5
ke lapile	-1.5
re lapile	-1.5
yawonongeka	-1.8
wawonongeka	-1.8
zawonongeka	-1.8
chawonongeka	-1.8
waonongeka	-1.8
ukuchucha	-1.4
akuchucha	-1.4
kuchucha	-1.4
likudontha	-1.4
waphulika	-2.0
wasweka	-1.8
yathyoka	-1.8
chathyoledwa	-1.8
athyola	-1.8
phokoso	-1.2
vuto	-1.3
mavuto	-1.5
sakubwera	-1.3
sanabwere	-1.5
sanabwerebe	-1.5
sizili bwino	-1.5
sizabwino	-1.5
ndatopa	-1.5
tatopa	-1.5
palibe chomwe chachitika	-1.5
akuba	-2.0
mbava	-2.0
sichikutseka	-1.5
simba	-1.8
efa simba	-1.8
mbola tsy tonga	-1.5
tsy mandeha	-1.5
tsy miasa	-1.5
mitete	-1.2
olana	-1.3
tabataba	-1.2
mitabataba	-1.3
maloto	-1.8
sosotra	-2.0
tezitra	-2.2
tsy rariny	-2.0
lafo loatra	-1.8
tsy misy rano	-2.0
tsy misy jiro	-2.0
maty ny jiro	-2.0
tapaka ny jiro	-2.0
tsy mihidy	-1.5
finn kase	-1.8
kase	-1.5
pe koule	-1.2
pena dilo	-2.0
pena kouran	-2.0
tapaz	-1.2
pa normal	-1.5
personn pa	-1.5
pa pe fer nanye	-1.8
fatige	-1.5
nou fatige	-1.8
degoute	-2.0
tro ser	-1.5
ankor pa finn vini	-1.5
pankor vini	-1.5
a tinyena	-1.8
a ma nyi	-1.5
ji te	-2.0
kuran te	-2.0
koom ka be	-2.0
والو	-1.2
walou	-1.0
walo	-1.0
نفس المشكلة	-1.5
نفس المشكل	-1.5
nafs el moshkle	-1.5
nafs el mouchkil	-1.5
nafs lmochkil	-1.5
ظلم	-2.3
zolm	-2.3
مش عدل	-1.8
مو عدل	-1.8
mesh ma32ool	-2.0
ma7ada ettasal	-1.5
ma 7ada ettasal	-1.5
ما حدا اتصل	-1.5
ما حدا رد	-1.5
محد اتصل	-1.5
lessa ma 7ada	-1.5
لسا ما حدا	-1.5
لسه ما حدا	-1.5
mazal ma jaw	-1.5
ما زال ما جاو	-1.5
مازال ما جاو	-1.5
ma jaw	-1.3
ما جاو	-1.3
ما جاش	-1.3
ma jach	-1.3
ما اجا حدا	-1.5
ما في نقطة	-2.0
ولا نقطة	-1.8
wala no2ta	-1.8
ma fi no2ta	-2.0
hata goutte	-1.8
pas une goutte	-1.8
الما صفرا	-1.5
الما صفر	-1.5
المي صفرا	-1.5
الماي اصفر	-1.5
lma sfer	-1.5
lma sfra	-1.5
el mayy safra	-1.5
el mai asfar	-1.5
water is yellow	-1.5
yellow water	-1.5
comes out yellow	-1.5
coming out yellow	-1.5
eau jaune	-1.5
iz3aj	-1.8
الحس	-1.0
صداع	-1.5
t3ebna	-1.8
عيينا	-1.8
zha2na	-1.8
بزاف علينا	-1.5
bzaf 3lina	-1.5
ما يعرف والو	-1.5
ma ya3ref walou	-1.5
ما يبرد	-1.5
ma yebarrid	-1.5
ma ybarred	-1.5
rattling	-1.2
rattles	-1.2
started rattling	-1.3
started to rattle	-1.3
no warning	-1.5
with no notice	-1.5
without notice	-1.3
without any notice	-1.5
sans prévenir	-1.3
sans prevenir	-1.3
did not show up	-1.5
didnt show up	-1.5
never turned up	-1.8
didn't turn up	-1.5
n'est pas venu	-1.3
n'est jamais venu	-1.8
still hasn't come	-1.3
still has not come	-1.3
still haven't received	-1.3
still not received	-1.3
toujours pas reçu	-1.3
toujours pas recu	-1.3
ما نقدروش نرقدو	-1.5
ما قدرناش نرقدو	-1.5
ما قدرنا ننام	-1.5
ما عم نقدر نام	-1.5
ما نمنا	-1.5
ma 2dirna nnam	-1.5
ma nimna	-1.5
ma n9drouch nr9dou	-1.5
يعيطو	-1.0
صوت عالي	-1.0
طول الليل	-0.5
"""#

    /// Acknowledgments: neutral when they agree, opening a clause ("ok, when does he come?",
    /// "fine by me") or in a clause naming a time ("tomorrow 3pm ok", "Saturday is fine");
    /// VADER's valence elsewhere ("the repair looks ok").
    static let acknowledgments = #"""
ok
okay
fine
alright
cool
poa
bon
"""#

    /// Words naming a time or a day: an acknowledgment in their clause agrees to a slot
    /// ("Saturday is fine", "kesho saa nne sawa"), it does not praise.
    static let slotWords = #"""
today
tomorrow
tonight
tmrw
tmr
morning
afternoon
evening
noon
weekend
am
pm
monday
tuesday
wednesday
thursday
friday
saturday
sunday
mon
tue
tues
wed
thu
thur
thurs
fri
sat
sun
time
date
slot
o'clock
oclock
demain
aujourd'hui
matin
soir
lundi
mardi
mercredi
jeudi
vendredi
samedi
dimanche
heure
heures
kesho
leo
asubuhi
jioni
mchana
saa
ejo
ejobundi
gitondo
nimugoroba
ghedda
ghda
ghadda
lyoum
bukra
bokra
lsbah
l3chiya
غدا
بكرة
بكره
اليوم
الصباح
المساء
الساعة
"""#

    /// Degree words: word<TAB>kind. "+" raises and "-" lowers the next sentiment word's
    /// strength (VADER's boosters and dampeners, with their ±0.293); "+>" and "->" do the same
    /// to the word before them (Swahili "nzuri sana", Kinyarwanda "byiza cyane", Arabic "جدا").
    static let degreeWords = #"""
absolutely	+
amazingly	+
awfully	+
completely	+
considerable	+
considerably	+
decidedly	+
deeply	+
effing	+
enormous	+
enormously	+
entirely	+
especially	+
exceptional	+
exceptionally	+
extreme	+
extremely	+
fabulously	+
flipping	+
flippin	+
frackin	+
fracking	+
fricking	+
frickin	+
frigging	+
friggin	+
fully	+
fuckin	+
fucking	+
fuggin	+
fugging	+
greatly	+
hella	+
highly	+
hugely	+
incredible	+
incredibly	+
intensely	+
major	+
majorly	+
more	+
most	+
particularly	+
purely	+
quite	+
really	+
remarkably	+
so	+
substantially	+
thoroughly	+
total	+
totally	+
tremendous	+
tremendously	+
uber	+
unbelievably	+
unusually	+
utter	+
utterly	+
very	+
almost	-
barely	-
hardly	-
just enough	-
kind of	-
kinda	-
kindof	-
kind-of	-
less	-
little	-
marginal	-
marginally	-
occasional	-
occasionally	-
partly	-
scarce	-
scarcely	-
slight	-
slightly	-
somewhat	-
sort of	-
sorta	-
sortof	-
sort-of	-
a bit	-
a little	-
très	+
tres	+
trop	+
vraiment	+
tellement	+
beaucoup	+
assez	-
un peu	-
plutôt	-
sana	+>
kabisa	+>
kidogo	->
cyane	+>
rwose	+>
gake	->
ktir	+
kteer	+
ktiir	+
awi	+>
awy	+>
jiddan	+>
جدا	+>
جداً	+>
كتير	+
كثير	+>
nnyo	+>
paa	+>
kakhulu	+>
baie	+
"""#

    /// Words that negate the sentiment word up to three words after them (VADER's list plus
    /// French, Swahili, Kinyarwanda and Arabic negators). Several negators in one window negate
    /// once, so French "ne … pas" is one negation. Words containing "n't" negate too.
    static let negators = #"""
aint
arent
cannot
cant
couldnt
darent
didnt
doesnt
dont
hadnt
hasnt
havent
isnt
mightnt
mustnt
neither
neednt
never
none
nope
nor
not
nothing
nowhere
oughtnt
shant
shouldnt
uhuh
uh-uh
wasnt
werent
without
wont
wouldnt
rarely
seldom
despite
no
pas
jamais
rien
aucun
aucune
sans
sio
hakuna
hapana
bila
ntabwo
nta
mish
mesh
msh
mush
mosh
mafi
laa
مش
ما
مو
ليس
لا
بدون
غير
haifanyi
haufanyi
hazifanyi
haifungi
haufungi
hazifungi
haifunguki
haiwaki
hajaja
hawajaja
ntirufunga
ntirukora
ntikora
ntiyaje
ntibaje
ntiyakoze
ntibyakozwe
"""#

    /// Contrast words: the clause after the first of them weighs 1.5, the one before 0.5.
    static let contrastWords = #"""
but
however
mais
cependant
lakini
ila
ariko
walakin
لكن
بس
"""#

    /// Urgency cues: phrase<TAB>weight in [0, 1]<TAB>kind. Urgency = 1 − Π(1 − weight) over the
    /// distinct cues found, so one strong cue is enough and several weak ones add up. Kinds:
    /// none, a situation (lends a negative valence to a message with no sentiment word for it:
    /// "smoke"); word, an urgency word (after a negator, "not urgent", "hakuna haraka", it calms
    /// instead); speed, a word asking for speed (negated it calms; with no situation in the
    /// message it weighs half); request, a plea for help; calm, a statement that it can wait
    /// (weight: how much it calms); context, a circumstance that makes a situation worse (a baby,
    /// the night, freezing weather, an oxygen machine in a power cut), counted only beside a
    /// situation; now, a word that presses a
    /// problem ("now", "daba", "maintenant"), counted beside a situation or in a negative message
    /// ("still dripping, now!!"), never in a plan ("I'm home now"); trade, a repairer sent for
    /// (weight 0: "plumber", "fundi", "سباك"), beside which a word asking for speed is a plea about
    /// a problem ("SEND PLUMBER NOW NOW"), not a preference. Pidgin doubles a word to press it
    /// ("now now", "sharp sharp": at once). A calm message drops the
    /// words, requests, circumstances and emphasis and weakens the situations by its calm. A weight of 0 silences a phrase ("maji ya moto" is hot water).
    static let urgencyCues = #"""
asap	0.6	speed
a.s.a.p	0.6	speed
as soon as possible	0.6	speed
urgent	0.7	word
urgently	0.7	word
urgence	0.8	word
d'urgence	0.8	word
emergency	0.8	word
immediately	0.6	speed
right now	0.5	speed
right away	0.5	speed
straight away	0.5	speed
hurry	0.4	speed
rush	0.3	speed
no rush	0.6	calm
take your time	0.6	calm
whenever you can	0.6	calm
whenever possible	0.5	calm
when you can	0.4	calm
when you have time	0.5	calm
when you get a	0.5	calm
it can wait	0.6	calm
can wait	0.5	calm
no pressure	0.5	calm
water everywhere	0.8
water is everywhere	0.8
water all over	0.7
water coming through	0.7
water is coming through	0.7
water comes through	0.7
water coming in	0.6
water is coming in	0.6
water pouring in	0.7
leaking through	0.6
flooding	0.8
flooded	0.7
flood	0.6
fire	0.9
on fire	0.95
fire extinguisher	0
fire extinguishers	0
fire exit	0
fire door	0
fire alarm	0.4
flames	0.9
smoke	0.7
smoky	0.5
smoking	0.5
no smoking	0
smoke alarm	0.3
smoke alarms	0.3
smoke detector	0.3
smoke detectors	0.3
short circuit	0.6
gas leak	0.9
leaking gas	0.9
smell gas	0.8
smell of gas	0.8
smells of gas	0.8
no power	0.6
no electricity	0.6
power cut	0.5
power outage	0.5
blackout	0.5
no water	0.5
no running water	0.5
no hot water	0.3
locked out	0.7
cant get in	0.6
can't get into	0.6
burst pipe	0.8
pipe burst	0.8
sparks	0.7
sparking	0.7
electric shock	0.8
electrocuted	0.9
help	0.3	request
please help	0.45	request
help me	0.4	request
help us	0.4	request
sos	0.8	request
danger	0.7
dangerous	0.6
injured	0.7
break-in	0.8
break in	0.7
broke in	0.8
broke into	0.8
broken into	0.8
burglary	0.8
burgled	0.8
burglar	0.8
burglars	0.8
intruder	0.8
robbed	0.7
thief	0.6
thieves	0.7
stolen	0.4
collapsed	0.7
heatwave	0.2
heat wave	0.2
too hot	0.2
so hot	0.2
very hot	0.2
haraka	0.6	speed
upesi	0.5	speed
dharura	0.8	word
sasa hivi	0.5	speed
si dharura	0.7	calm
si jambo la dharura	0.7	calm
si jambo la haraka	0.7	calm
sina haraka	0.6	calm
hatuna haraka	0.6	calm
moshi	0.6
mafuriko	0.8
maji kila mahali	0.8
hakuna maji	0.5
maji hakuna	0.5
maji hayapo	0.5
hakuna umeme	0.6
umeme hakuna	0.6
hakuna stima	0.6
stima hakuna	0.6
kuna moto	0.9
moto umewaka	0.9
moto unawaka	0.9
imeshika moto	0.9
inashika moto	0.9
moto mkubwa	0.9
moto umezuka	0.9
moto umeanza	0.9
moto jikoni	0.9
moto nyumbani	0.9
moto chumbani	0.9
inaungua	0.7
imeungua	0.6
maji ya moto	0
hakuna maji ya moto	0.3
cheche	0.7
wezi	0.8
mwizi	0.7
wameiba	0.7
nimefungiwa nje	0.7
joto kali	0.2
msaada	0.4	request
vite	0.5	speed
tout de suite	0.5	speed
immédiatement	0.6	speed
immediatement	0.6	speed
pressé	0.4	speed
pressée	0.4	speed
rien d'urgent	0.7	calm
quand vous pouvez	0.5	calm
quand vous aurez	0.5	calm
prenez votre temps	0.6	calm
ça peut attendre	0.6	calm
ca peut attendre	0.6	calm
incendie	0.9
en feu	0.95
au feu	0.95
pris feu	0.9
prend feu	0.9
fumée	0.7
fumee	0.7
étincelles	0.7
etincelles	0.7
court-circuit	0.6
fuite de gaz	0.9
sent le gaz	0.9
inondation	0.8
inondé	0.7
inonde	0.7
inondée	0.7
dégât des eaux	0.7
degat des eaux	0.7
cambriolage	0.8
cambriolé	0.8
cambriole	0.8
cambriolés	0.8
voleurs	0.7
canicule	0.2
trop chaud	0.2
au secours	0.8	request
pas d'eau	0.5
plus d'eau	0.5
pas d'électricité	0.6
pas d'electricite	0.6
plus d'électricité	0.6
plus d'electricite	0.6
pas de courant	0.6
plus de courant	0.6
coupure	0.4
byihutirwa	0.7	word
kwihuta	0.4	speed
byihuse	0.4	speed
ntibyihutirwa	0.7	calm
vuba	0.5	speed
vuba vuba	0.6	speed
nta mazi	0.5
nta muriro	0.6
inkongi	0.9
umwotsi	0.7
umwuzure	0.8
abajura	0.8
umujura	0.7
nafungiwe hanze	0.7
ubushyuhe	0.2
mudufashe	0.5	request
ubutabazi	0.8	word
عاجل	0.7	word
بسرعة	0.5	speed
طوارئ	0.8	word
فورا	0.6	speed
فوراً	0.6	speed
مستعجل	0.5	word
مستعجلة	0.5	word
ضروري	0.3	word
على راحتك	0.6	calm
على راحتكم	0.6	calm
حريق	0.9
دخان	0.7
شرارة	0.7
فيضان	0.8
غرقانة	0.7
غرقان	0.7
حرامي	0.8
حرامية	0.8
سرقة	0.7
تسرب غاز	0.9
ما في مية	0.5
مافي مية	0.5
ما في ماء	0.5
ما في كهرباء	0.6
مافي كهرباء	0.6
ma fi kahraba	0.6
mafi kahraba	0.6
ma fi maya	0.5
mafi maya	0.5
ma fi may	0.5
mafi may	0.5
الحر	0.2
حر شديد	0.2
ساعدوني	0.5	request
3ajel	0.7	word
bsor3a	0.5	speed
bi sor3a	0.5	speed
mesta3gel	0.5	word
mista3gel	0.5	word
mesta3jel	0.5	word
darouri	0.3	word
daroori	0.3	word
darori	0.3	word
3ala ra7tak	0.6	calm
3ala ra7tkon	0.6	calm
3la ra7tak	0.6	calm
7ari2	0.9
7ari2a	0.9
7ariqa	0.9
dokhan	0.7
d5an	0.7
dukhan	0.7
7arami	0.8
7aramiye	0.8
7aramiyye	0.8
no heating	0.4
no heat	0.4
heating is off	0.4
heating not working	0.4
pas de chauffage	0.4
plus de chauffage	0.4
hakuna joto	0.4
your help	0
the help	0
msaada wako	0
msaada wenu	0
kwa msaada	0
baby	0.35	context
babies	0.35	context
newborn	0.4	context
infant	0.35	context
toddler	0.3	context
kids	0.25	context
children	0.25	context
child	0.25	context
elderly	0.3	context
pregnant	0.3	context
disabled	0.3	context
wheelchair	0.3	context
asthma	0.3	context
night	0.2	context
tonight	0.2	context
in the dark	0.2	context
midnight	0.2	context
freezing	0.35	context
degrees	0.3	context
extreme heat	0.3	context
bébé	0.35	context
bebe	0.35	context
nourrisson	0.4	context
enfants	0.25	context
nuit	0.2	context
glacial	0.35	context
il gèle	0.35	context
mtoto	0.3	context
watoto	0.25	context
mtoto mchanga	0.4	context
usiku	0.2	context
baridi kali	0.35	context
umwana	0.3	context
abana	0.25	context
uruhinja	0.4	context
nijoro	0.2	context
ubukonje	0.35	context
طفل	0.3	context
أطفال	0.25	context
اطفال	0.25	context
رضيع	0.4	context
بالليل	0.2	context
في الليل	0.2	context
برد شديد	0.35	context
drari	0.25	context
wlad	0.25	context
f lil	0.2	context
emergency line	0
emergency number	0
emergency hotline	0
emergency contact	0
emergency contacts	0
emergency exit	0
emergency lights	0
numéro d'urgence	0
numero d'urgence	0
as a precaution	0.7	calm
par précaution	0.7	calm
par precaution	0.7	calm
kwa tahadhari	0.7	calm
just in case	0.5	calm
to be safe	0.5	calm
pour être sûr	0.5	calm
can't be locked	0.5
cannot be locked	0.5
cant be locked	0.5
won't lock	0.5
wont lock	0.5
doesn't lock	0.5
doesnt lock	0.5
does not lock	0.5
ne ferme plus	0.5
ne se ferme plus	0.5
ne ferme plus à clé	0.5
effraction	0.8
robbers	0.8
robbery	0.8
armed robbers	0.9
wamevunja	0.7
bamennye	0.7
sr9o	0.7
tsra9na	0.8
chffar	0.7
chfara	0.7
سطو	0.8
like an oven	0.25
comme un four	0.25
no light	0.4
light no dey	0.5
water no dey	0.5
current no dey	0.5
no current	0.5
don take light	0.5
dem take light	0.5
gaaw	0.5	speed
gaawal	0.5	speed
gaawleen	0.5	speed
ndimbal	0.3	request
xale	0.25	context
xale yi	0.25	context
guddi	0.2	context
small kids	0.3	context
little ones	0.3	context
going away	0.25	context
away tomorrow	0.25	context
travelling	0.25	context
traveling	0.25	context
je pars	0.25	context
en voyage	0.25	context
nasafiri	0.25	context
nitasafiri	0.25	context
ngiye mu rugendo	0.25	context
nsafer	0.25	context
مسافر	0.25	context
light fitting	0.3	context
light fixture	0.3	context
socket	0.3	context
sockets	0.3	context
fuse box	0.3	context
wiring	0.3	context
now	0.2	now
now now	0.6	speed
sharp sharp	0.5	speed
quick quick	0.5	speed
abeg	0.3	request
biko	0.3	request
plumber	0	trade
plumbers	0	trade
electrician	0	trade
technician	0	trade
fundi	0	trade
plombier	0	trade
électricien	0	trade
electricien	0	trade
technicien	0	trade
سباك	0	trade
السباك	0	trade
كهربائي	0	trade
الكهربائي	0	trade
فني	0	trade
الفني	0	trade
plombi	0	trade
kids outside	0.5
children outside	0.5
kids are outside	0.5
children are outside	0.5
les enfants dehors	0.5
enfants dehors	0.5
الأولاد برا	0.5
الاولاد برا	0.5
الأطفال برا	0.5
الاطفال برا	0.5
الأولاد برة	0.5
الاولاد بره	0.5
الأولاد في الشارع	0.5
الأطفال في الخارج	0.5
الاطفال في الخارج	0.5
الأولاد	0.25	context
الاولاد	0.25	context
ولادي	0.25	context
عيالي	0.25	context
الصغار	0.25	context
أطفال صغار	0.3	context
اطفال صغار	0.3	context
rn	0.2	now
maintenant	0.2	now
sasa	0.2	now
sahii	0.2	now
ubu	0.2	now
nonaha	0.2	now
daba	0.2	now
db	0.2	now
légi	0.2	now
leegi	0.2	now
دابا	0.2	now
هلق	0.2	now
هلأ	0.2	now
الآن	0.2	now
الان	0.2	now
دلوقتي	0.2	now
daylight robbery	0
locked in	0.7
we are locked in	0.7
stuck outside	0.5
stranded	0.5
stranded outside	0.5
can't get in	0.5
cannot get in	0.5
lose everything	0.5
lose all the stock	0.5
lose the stock	0.5
lose our stock	0.5
lose all our stock	0.5
stock will spoil	0.5
food will spoil	0.4
tout perdre	0.5
tutapoteza kila kitu	0.5
tutapoteza mzigo	0.5
before tonight	0.4	speed
by tonight	0.35	speed
before tomorrow	0.3	speed
come today	0.3	speed
come now	0.5	speed
kuja leo	0.3	speed
kam today	0.3	speed
مفيش مية	0.5
مفيش ميه	0.5
مافيش مية	0.5
مفيش كهربا	0.6
مفيش نور	0.5
mafish maya	0.5
mafeesh maya	0.5
mafish kahraba	0.6
mafeesh kahraba	0.6
mafish nour	0.5
because i'm late	0.5	calm
because i am late	0.5	calm
because we are late	0.5	calm
because we're late	0.5	calm
because of late rent	0.5	calm
over late rent	0.5	calm
for late rent	0.5	calm
because of the arrears	0.5	calm
because of arrears	0.5	calm
because i didn't pay	0.5	calm
because i haven't paid	0.5	calm
parce que je suis en retard	0.5	calm
kwa sababu nimechelewa	0.5	calm
arrears	0.5	calm
we owe	0.5	calm
i owe	0.5	calm
late with rent	0.5	calm
late with the rent	0.5	calm
rent was late	0.5	calm
rent is late	0.5	calm
unpaid rent	0.5	calm
loyer impayé	0.5	calm
deni la kodi	0.5	calm
quickly	0.5	speed
as quickly as possible	0.6	speed
as fast as possible	0.6	speed
do it fast	0.5	speed
come fast	0.5	speed
fast please	0.4	speed
please fast	0.4	speed
be quick	0.4	speed
noki	0.4	speed
noki noki	0.6	speed
mbangu	0.4	speed
mbangu mbangu	0.6	speed
3al sari3	0.5	speed
3al sare3	0.5	speed
عالسريع	0.5	speed
بأسرع وقت	0.6	speed
b asra3 wa2t	0.6	speed
mwamsanga	0.5	speed
nokukurumidza	0.5	speed
kurumidzai	0.5	speed
bwangu	0.4	speed
bwangu bwangu	0.6	speed
ቶሎ	0.5	speed
ቶሎ ቶሎ	0.6	speed
send someone	0	trade
send somebody	0	trade
envoyez quelqu'un	0	trade
envoyer quelqu'un	0	trade
tuma mtu	0	trade
tinda moto	0	trade
bótinda moto	0	trade
botinda moto	0	trade
mekanisyen	0	trade
mécanicien	0	trade
fanni	0	trade
sabbak	0	trade
ابعتولي حدا	0	trade
ابعثوا أحد	0	trade
oxygen	0.5	context
oxygène	0.5	context
oxygene	0.5	context
أكسجين	0.5	context
الأكسجين	0.5	context
الاكسجين	0.5	context
oksijeni	0.5	context
dialysis	0.5	context
dialyse	0.5	context
ventilator	0.5	context
nebulizer	0.4	context
nebuliser	0.4	context
nébuliseur	0.4	context
insulin	0.4	context
insuline	0.4	context
medical equipment	0.4	context
medical machine	0.4	context
appareil médical	0.4	context
sick	0.25	context
malade	0.25	context
mgonjwa	0.25	context
مريض	0.25	context
مريضة	0.25	context
mareed	0.25	context
molili	0.2	context
butu	0.2	context
bel 3atme	0.2	context
بالعتمة	0.2	context
water is all over	0.7
water was all over	0.7
water on the floor	0.4
may 3al ard	0.4
mayye 3al ard	0.4
mayy 3al ard	0.4
المي على الأرض	0.4
المية على الأرض	0.4
الماء على الأرض	0.4
المياه على الأرض	0.4
l'eau par terre	0.4
maji sakafuni	0.4
maji yamejaa	0.6
mai etondi	0.6
mai ezali kosopana	0.6
soaked	0.5
soaking wet	0.5
drenched	0.5
everything is wet	0.5
living room is wet	0.5
bedroom is wet	0.5
whole room is wet	0.5
whole flat is wet	0.5
tout est mouillé	0.5
tout est trempé	0.5
food is going bad	0.4
food going bad	0.4
food will go bad	0.4
food is spoiling	0.4
food spoiling	0.4
food will rot	0.4
va pourrir	0.4
vont pourrir	0.4
va se gâter	0.4
vont se gâter	0.4
va se gater	0.4
vont se gater	0.4
va s'abîmer	0.35
vont s'abîmer	0.35
ekobeba	0.35
chakula kitaharibika	0.4
chakula kinaharibika	0.4
vyakula vitaharibika	0.4
vyakula vinaharibika	0.4
الأكل رح يخرب	0.4
الاكل رح يخرب	0.4
الأكل بيخرب	0.4
الأكل بيفسد	0.4
الاكل بيفسد	0.4
el akel rah yekhrab	0.4
el akel 3am yekhrab	0.4
el akl 3am yekhrab	0.4
sans courant	0.6
sans électricité	0.6
sans electricite	0.6
sans eau	0.5
sans lumière	0.4
sans lumiere	0.4
without power	0.6
without electricity	0.6
without water	0.5
without light	0.4
bila stima	0.6
bila umeme	0.6
bila maji	0.5
courant ezali te	0.6
courant eza te	0.6
kura ezali te	0.6
kura eza te	0.6
mai ezali te	0.5
mai eza te	0.5
mai ezali koya te	0.5
mai ebimaka te	0.5
mwinda ezali te	0.4
tozali na courant te	0.6
tozali na kura te	0.6
tozali na mai te	0.5
hapana magetsi	0.6
magetsi hapana	0.6
hapana mvura	0.5
palibe magetsi	0.6
magetsi palibe	0.6
palibe madzi	0.5
madzi palibe	0.5
tapali amalaiti	0.6
tapali amenshi	0.5
መብራት የለም	0.6
መብራት ጠፍቷል	0.6
ውሃ የለም	0.5
slow leak	0.4	calm
slowly leaking	0.4	calm
leaking slowly	0.4	calm
small leak	0.4	calm
tiny leak	0.4	calm
minor leak	0.4	calm
slight leak	0.4	calm
petite fuite	0.4	calm
légère fuite	0.4	calm
burglar bars	0
burglar bar	0
burglar proofing	0
burglar proof	0
burglar alarm	0
ka bonako	0.5	speed
msanga	0.4	speed
haingana	0.5	speed
malaky	0.5	speed
vitman	0.5	speed
joona	0.5	speed
بالزربة	0.5	speed
bezzerba	0.5	speed
b zerba	0.5	speed
dghya	0.5	speed
دغيا	0.5	speed
على السريع	0.5	speed
tshoganyetso	0.8	word
mwadzidzidzi	0.7	word
maika	0.6	word
irzans	0.8	word
thusang	0.4	request
re thuse	0.4	request
thandizani	0.4	request
chonde thandizani	0.45	request
vonjeo	0.4	request
vonjeo izahay	0.45	request
ed nou	0.4	request
ed mwa	0.4	request
an deme	0.4	request
عاونوني	0.5	request
3awnouni	0.5	request
sa3dooni	0.5	request
sa3douna	0.5	request
ساعدونا	0.5	request
lesea	0.35	context
khanda	0.35	context
zazakely	0.4	context
zaza	0.3	context
بيبي	0.35	context
الرضيع	0.4	context
bana	0.25	context
ana anga	0.25	context
ankizy	0.25	context
zanfan	0.25	context
denmisenw	0.25	context
atfal	0.25	context
3ayali	0.25	context
nkoko	0.3	context
mokgalabe	0.3	context
mokgekolo	0.3	context
agogo	0.3	context
bebenitoa	0.3	context
granmer	0.3	context
grandmother	0.3	context
grandma	0.3	context
grandfather	0.3	context
grandpa	0.3	context
elderly mother	0.3	context
elderly father	0.3	context
is ill	0.25	context
mrida	0.3	context
mrid	0.3	context
marid	0.3	context
مريضه	0.3	context
كبير بالعمر	0.3	context
كبيرة بالعمر	0.3	context
كبير بالسن	0.3	context
كبيرة بالسن	0.3	context
كبير في السن	0.3	context
كبيرة في السن	0.3	context
مسن	0.3	context
مسنة	0.3	context
عيان	0.3	context
عيانة	0.3	context
3ayan	0.3	context
3ayana	0.3	context
odwala	0.3	context
akudwala	0.3	context
marary	0.3	context
malad	0.25	context
o a lwala	0.3	context
bosigo	0.2	context
alina	0.2	context
lanwit	0.2	context
su fe	0.2	context
fi lil	0.2	context
bil leil	0.2	context
bel lel	0.2	context
minuit	0.2	context
alone	0.25	context
seule	0.3	context
ke le nosi	0.3	context
ke nosi	0.3	context
ndili ndekha	0.3	context
ndekha	0.3	context
irery	0.3	context
tousel	0.3	context
وحدي	0.3	context
لوحدي	0.3	context
بوحدي	0.3	context
وحدها	0.3	context
wa7di	0.3	context
lwa7di	0.3	context
wahdi	0.3	context
wa7dha	0.3	context
maizina	0.2	context
dans le noir	0.2	context
fenwar	0.2	context
lefifi	0.2	context
ظلام	0.2	context
الظلمة	0.2	context
dlam	0.2	context
cyclone	0.3	context
ga go na metsi	0.5
metsi ga a tswe	0.5
metsi ga a yo	0.5
madzi sakubwera	0.5
madzi kulibe	0.5
kulibe madzi	0.5
tsy misy rano	0.5
tsy mandeha ny rano	0.5
pena dilo	0.5
pa ena dilo	0.5
pena delo	0.5
ji te	0.5
ji te yen	0.5
koom ka be	0.5
ما في نقطة	0.5
ما في مي	0.5
مافي مي	0.5
ما في ميه	0.5
ما فيه ماي	0.5
ولا نقطة	0.5
الخزان فاضي	0.5
الخزان فارغ	0.5
el tank fadi	0.5
khazan fadi	0.5
el khazan fadi	0.5
ma fi mai	0.5
mafi mai	0.5
ma fi mayy	0.5
hata goutte	0.5
pas une goutte	0.5
pas une goutte d'eau	0.5
motlakase o timile	0.6
ga go na motlakase	0.6
motlakase ga o yo	0.6
magetsi azima	0.6
magetsi anazima	0.6
kulibe magetsi	0.6
tsy misy jiro	0.6
maty ny jiro	0.6
tapaka ny jiro	0.6
tsy misy herinaratra	0.6
pena kouran	0.6
pa ena kouran	0.6
kouran finn koupe	0.6
kuran te	0.6
kuran tigera	0.6
morwalela	0.8
metsi a tletse	0.7
kusefukira	0.7
madzi ali paliponse	0.8
madzi paliponse	0.8
tondra-drano	0.8
tondra drano	0.8
safo-drano	0.8
feno rano	0.7
dilo partou	0.8
inondasion	0.8
الما في كل بلاصة	0.8
lma f kol blasa	0.8
المي بكل مكان	0.8
el mayy bkol makan	0.8
waphulika	0.7
mpope waphulika	0.8
finn pete	0.6
fantsona vaky	0.8
vaky ny fantsona	0.8
akuba	0.8
mbava	0.7
athyola chitseko	0.8
magodu	0.8
legodu	0.7
mpangalatra	0.8
jiolahy	0.8
nisy nangalatra	0.8
volor	0.8
سرقونا	0.8
sr9ouna	0.8
sichikutseka	0.5
sichikiya	0.5
ga le notlelege	0.5
ga e notlelege	0.5
ga le tswale	0.5
tsy mihidy	0.5
tapaka ny hidy	0.5
pa pe ferme	0.5
lasiri finn kase	0.5
lasiri kase	0.5
ma yetsekkerch	0.5
ما يتسكرش	0.5
ما بيسكر	0.5
ما بتسكر	0.5
ما ينقفل	0.5
ما يتقفل	0.5
ما عندنا ما	0.5
ma3andna ma	0.5
ma3andnach lma	0.5
ma kaynch lma	0.5
ما كاينش الما	0.5
"""#

    /// Situations the words of which may be apart: weight<TAB>valence<TAB>things<TAB>states (each
    /// "|"-separated). The rule holds when a thing and one of its states are at most five words
    /// apart in one clause, in either order ("the power is out", "stima imepotea", "el maya
    /// ma2to3a"); a state ending in "!" counts only right after a negator ("the water is not
    /// coming"), one ending in ">" only after its thing ("the power is out", not "found out the
    /// power"). Its weight is an urgency cue's (0: sentiment only), named by the words from the
    /// first to the last; its valence goes to the state (to the thing after a negator) when
    /// neither has one. Words of another urgency cue ("no water", "gas leak") are not reused.
    static let urgencySituations = #"""
0.6	-2.0	power|power's|electricity|electrics|stima|umeme|umuriro|muriro|amashanyarazi|courant|électricité|l'électricité|d'électricité|electricite|l'electricite|d'electricite|kahraba|kahrba|kahraba2|كهرباء|كهربا|الكهربا|edl	out>|off>|cut|gone>|down>|failed|outage|tripped|imepotea|umepotea|imekatika|umekatika|imekatwa|umekatwa|imeenda|wabuze|yabuze|warabuze|wagiye|yagiye|ntuboneka|ntiboneka|coupé|coupée|coupe|coupee|coupure|panne|ma2to3a|ma2tou3a|ma2to3|ma2tou3|maqtou3a|mat2ou3a|mat2oo3a|انقطعت|انقطع|طافية|طافيه|tafye|مقطوعة|مقطوعه|مقطوع|قاطعة|قاطعه|قاطع|ra7et|raa7et|راحت|haipo|haupo|working!|work!|coming!|dey!|ekatami|ekatamaki|ekatani|ekufi|ekufaki|have!|has!|ijet!|ajet!|marche!|fonctionne!|revient!|kosala!
0.4	-1.5	lights|lighting	out>|off>|gone>|down>|failed
0.5	-2.0	water|water's|maji|amazi|mazi|eau|l'eau|d'eau|maya|mayya|mayye|مية|ميه|مياه|ماء|الماي|المي	off>|cut|gone>|imekatika|yamekatika|yamekatwa|imekatwa|hayatoki|haitoki|hayaji|yabuze|byabuze|yagiye|ntaza|ntaboneka|ntibiboneka|coupé|coupée|coupe|coupee|coupure|ma2to3a|ma2tou3a|ma2to3|ma2tou3|maqtou3a|mat2ou3a|mat2oo3a|انقطعت|انقطع|مقطوعة|مقطوعه|مقطوع|قاطعة|قاطعه|قاطع|ra7et|راحت|hayapo|haipo|coming!|running!|working!|flowing!|come!|run!|dey!|ekatami|have!|has!
0.9	-2.5	gas|gaz|gesi|ghaz|غاز	smell|smells|smelling|smelt|odour|odor|leak|leaking|leaks|leakage|stink|stinks|stench|whiff|odeur|fuite|fuit|harufu|inanuka|inavuja|impumuro|iranuka|ريحة|ريحه|رائحة|رائحه|ri7a|ri7et|ri7it|re7t|ri7t|riha|تسرب|تسريب
0.7	-2.0	smell|smells|smelling|odour|odor|odeur|harufu|impumuro|ريحة|ريحه|رائحة|ri7a|ri7et	burning|burnt|burned|brûlé|brule|brûle|kuungua|inaungua|شياط|محروق|حريق|ma7rou2
0.6	-1.8	ceiling|roof|plafond|plafon|toit|dari|paa|igisenge|gisenge|سقف|saqf|sa2f|sqef|ssqef|lsqef|ssaqf	dripping|leaking|leaks|leak|drips|drip|collapsing|caving|sagging|falling|fell|collapsed|down>|fuit|fuite|goutte|coule|inavuja|linavuja|inadondoka|irava|ينقط|بينقط|بنقط|تسريب|بيسرب|btnaqet|bin2at|kayqter|kay9ter|katqter|kat9ter|kaynqet|katnqet|biratonyanga|aratonyanga|ينقط|تنقط|كيقطر|كتقطر|ava|arava|kuva|ari kuva|aratemba|atemba|tombe|coulent|ruisselle|dégouline|degouline|suinte|wàcc|wacc|tuuru
0.7	-2.0	water|maji|amazi|eau|l'eau|d'eau|maya|mayya|ndox|مية|مياه|ماء	pouring|gushing|spraying|spurting|streaming|everywhere|partout|yanafurika|inafurika|yuzuye|huzuye|ruisselle|jaillit|gicle|wàcc|wacc|tuuru|tuur|sotti
0.8	-2.0	geyser|geysers|pipe|pipes|tuyau|tuyaux|canalisation|bomba|mabomba|itiyo|amatiyo|ماسورة|مواسير|بربيش|tiyo|fantsona|mpope|paip|masoura|ma2soura|ma2sura|canalisations	burst|bursted|exploded|split|éclaté|eclate|pété|pete|imepasuka|limepasuka|yamepasuka|yaturitse|yaraturitse|انفجرت|انفجر|فقعت|faq3et|inf2ajaret|cracked|busted|bust|fa2set|fa2aset|epasuki
0.45	-1.8	generator|generators|genset|moteur|génératrice|generatrice|générateur|generateur|groupe|jenereta|مولد|المولد|موتور|الموتور|ishtirak|ichtirak	off>|down>|failed|dead|died|stopped|broke|broken|panne|wa2ef|wa2if|wa2fe|ta3es|ta3san|m3attal|m3atal|3atlan|kharban|5erban|mkhareb|m2atta3|ekufi|ekufaki|ebukani|imekufa|imeharibika|haifanyi|yapfuye|واقف|معطل|عطلان|خربان|طافي|مقطوع|working!|work!|start!|starting!|démarre!|demarre!|marche!|fonctionne!|kosala!
0.7	-1.8	locked|locking	out>
0.6	-1.8	lift|lifts|elevator|elevators|ascenseur|l'ascenseur|ascenseurs|lifti|المصعد|مصعد|الأسانسير|الاسانسير|asanser|l'asanser	grinding|grinds|grind|shaking|shakes|shook|jerking|jerks|jolting|dropped|dropping|dropping|unsafe|dangerous|scary|stuck|trapped|bloqué|bloque|bloquée|coincé|coince|secoue|grince|dangereux|imekwama|yahagaze|يهتز|بيهتز|عالق|عالقين|محبوس|محبوسين|خطير|خطر
0.4	-1.5	باب|الباب|البوابة|بوابة|الباب الرئيسي|bab|lbab|el bab	مقفول|مقفولة|مقفوله|مقفل|مسكر|مسكّر|مسكرة|مسكره|msakkar|m9foul|mqfoul|ma9foul|m9efel
0.35	-1.8	heating|radiator|radiators|boiler|chauffage|chaudière|chaudiere|radiateur|radiateurs|تدفئة|التدفئة|شوفاج|الشوفاج|الشوفاش|shofaj|chofaj|chauffaj|el shofaj	out>|off>|broken|broke|dead|died|stopped|failed|panne|cassé|cassée|imeharibika|haifanyi|ntikora|yapfuye|عطلان|معطل|خربان|طافي|طافية|طافيه|واقف|wa2ef|tafi|tafye|mtaffi|working!|work!
0.5	-1.8	lock|locks|serrure|kufuli|ingufuri|قفل|2efl|padlock|deadbolt|cylinder|serrures|cadenas|lqfel|القفل	broken|broke|jammed|cassée|cassé|imevunjika|imeharibika|yapfuye|مكسور|مكسورة|maksour|maksoura|snapped|snap|busted|damaged|forced|spoilt|spoiled|faulty|forcée|forcee|forcé|abîmée|abimee|imevunjwa|imeharibiwa|yangiritse|yacitse|yarapfuye|mkhsra|mkhser|tkhsser|مكسر|خربان|معطل|انكسر|working!|work!
0.5	-1.8	door|doors|gate|house|porte|portail|maison|mlango|geti|nyumba|urugi|inzu|باب|bab|flat|apartment|appartement|appart|room|chambre|unit|home|chumba|dar|sha2a|شقة|الشقة|البيت|shop|store|office|duka|boutique|magasin|bureau|ofisi	close!|haufungi|haifungi|ntifunga|lock!|ferme!|funga!|fungwa!|ifunga!|يتسكر|يقفل|forced|kicked|smashed|forcée|forcee|fracturée|fracturee|défoncée|defoncee|imevunjwa
0.6	-1.8	key|keys|clé|cle|clés|cles|clef|clefs|ufunguo|funguo|urufunguzo|imfunguzo|مفتاح|مفاتيح|miftah|mofta7|mifta7	lost|stuck|snapped|broke|perdu|perdue|perdues|perdus|coincée|coincé|cassée|imepotea|zimepotea|nimepoteza|yatakaye|zatakaye|ضاع|ضاعوا|ضايع|انكسر|da3|da3o|day3
0.35	-1.5	ac|a/c|aircon|air-con|conditioner|conditioning|clim|climatisation|climatiseur|kiyoyozi|مكيف|تكييف|mkayef|mkayyef|mukayef|takyif	broken|broke|dead|died|stopped|leaking|panne|cassée|cassé|imeharibika|imekufa|haifanyi|yapfuye|yarapfuye|ntikora|خربان|خربانة|خربانه|عطلان|عطلانة|معطل|واقف|5erban|kherban|khirban|5arban|3atlan|ma3tal|working!|work!|cooling!|cool!|hot>|cooling!|cool!
0.5	-2.0	water|water's|maji|amazi|eau|l'eau|d'eau|maya|mayya|lma|lmaa|ndox|مية|مياه|ماء|الما	dripping>|leaking>|seeping|entering|enters|through>|rentre|rentrent|s'infiltre|infiltre|coule>|yanaingia|inaingia|yaingia|yinjira|arinjira|kwinjira|yinjiye|kaydkhol|katdkhol|dakhla|dakhel|داخل|دخلت|تدخل|كتدخل|يدخل|بيدخل|يفوت|بتفوت|kayqter|kay9ter|katqter|kat9ter|kaynqet|katnqet|yanadondoka|inadondoka|aratonyanga|ينقط|تنقط|كيقطر|كتقطر|يقطر|تقطر|بيقطر|بتقطر|y9ter|yqter|t9ter|tqter
0.6	-2.0	sewage|sewer|sewers|drain|drains|toilet|toilets|wc|égout|égouts|egout|egouts|fosse|choo|vyoo|ubwiherero|umusarane|toilette|toilettes|مجاري|المجاري|الصرف|بالوعة|البالوعة|lmjari	backing|backed|coming>|overflowing|overflowed|overflows|bubbling|refoule|refoulent|déborde|deborde|débordent|debordent|remonte|remontent|inafurika|imefurika|kinafurika|kimefurika|yanarudi|biraruka|birarenga|kaytl3|tal3a|طافح|طافحة|يطفح|فاض|فايض|طالع|طالعة
0.6	-2.0	do|dou|ddo|daw|ddaw|trisiti|trisinti|lma|lmaa|l'ma|ndox|kuraŋ|kurang|courant|الضو|الما	tfa|tfat|tafi|tafya|mqto3|mqtou3|m9to3|m9tou3|maqto3|t9te3|tqte3|t9ta3|mat9to3|kaynch|kaynach|kaynsh|makaynch|makaynach|makaynsh|makaynash|amul|dagg|ماكاينش|مكاينش|طافي|طفا|تقطع|تقطعات
0	-1.5	pay|paying|paid|pays|payer|paie|payons|lipa|tunalipa|nalipa|nimelipa|tumelipa|twishyura|nishyura|ndishyura|nkhalas|kankhalsou|ndfa3|ندفع|بندفع|دفعنا	bure|ubusa|jdwa|فاضي|الفاضي
0	-1.5	called|calling|phoned|texted|messaged|emailed|asked|reminded|appelé|appele|écrit|ecrit|relancé|relance|nimepiga|tumepiga|nimeuliza|nahamagaye|twahamagaye|ndahamagaye|nabajije|اتصلت|اتصلنا|سألت|et9alt|ettasalt|ta9alt|sa2alt	times|fois|mara|inshuro|مرات|marrat|marat
0	-1.5	heat|chaleur|joto|froid|cold|noise|bruit|kelele|smell|odeur	work!|sleep!|breathe!|travailler!|dormir!|respirer!|kufanya!|kulala!|kazi!
0	-1.8	nobody|personne|personn|ntawe|محدا|محدش|محد	answers|answered|answer|picks|picked|responds|responded|replies|replied|came|comes|showed|cares|répond|repond|décroche|decroche|rappelle|witaba|usubiza|waje|بيرد|يرد|رد|جاء|اجا|come|answer|pick|respond|reply|show|unyitaba|unsubiza|witabye|wasubije|uza|reponn|vini|ini
"""#

    /// Negators that follow the word they negate, for the situation rules' negated states:
    /// French "ne … pas" / "ne … plus" ("le groupe ne démarre pas", "ça ne marche plus") and
    /// Lingala "te" ("moteur ezali kosala te").
    static let postNegators = #"""
pas
plus
te
"""#

    /// Words that cancel a situation rule around them: "switch off the power", "I've turned the
    /// electrics off" (the tenant's own precaution), "the water bill",
    /// "the water heater is off" (no hot water is not an outage).
    static let situationBlockers = #"""
turn
turning
turned
switch
switching
switched
shut
shutting
isolated
bill
bills
invoice
facture
heater
heaters
meter
meters
"""#

    /// Emoji the ranking does not have (newer than 2015) or rates against how tenants use them:
    /// code point (hex)<TAB>valence already on the lexicon's scale (before the emoji weight).
    static let emojiAdditions = #"""
1F92C	-3.0
1F644	-1.5
1F926	-1.5
1F937	-0.3
1F97A	-0.8
1F970	3.0
1F929	2.6
1F917	2.0
1F914	-0.3
1F975	-1.0
1F976	-1.0
1F92E	-2.5
1F922	-2.2
1F605	0
1F622	-1.6
1F62D	-1.8
1F494	-2.2
274C	-1.5
1F61F	-1.2
1F61E	-1.2
1F614	-0.8
1F625	-1.0
1F630	-1.2
1F628	-1.2
1F613	-0.8
1F44B	0
1F431	0
1F408	0
1F436	0
1F415	0
"""#
}

extension SentimentData {
    /// Sarcasm cues, written for Parley: word or phrase (up to four words)<TAB>role. Roles:
    /// marker (sarcastic by itself: "thanks for nothing", "yeah right"); mock (an emoji of mock
    /// cheer or eye-rolling: with a positive word, sarcastic); interjection (a positive word
    /// opening the message: "Great," "oh wonderful,"); opener (what may come before it: "oh",
    /// "just"); trouble ("again", "another", "as usual"); problem (a state that is a problem
    /// without a negative valence: "off", "out"); lover ("love", "enjoy") and tedium ("waiting",
    /// "chasing"): "love waiting 3 weeks"; lovehow ("love how", "love it when"): with a problem
    /// after it.
    static let sarcasmCues = #"""
thanks for nothing	marker
thank you for nothing	marker
thx for nothing	marker
merci pour rien	marker
yeah right	marker
yea right	marker
ya right	marker
yeah sure	marker
oh sure	marker
just what i needed	marker
just what we needed	marker
exactly what i needed	marker
surprise surprise	marker
what a surprise	marker
big surprise	marker
how convenient	marker
🙃	mock
🙄	mock
😒	mock
🤡	mock
great	interjection
wonderful	interjection
fantastic	interjection
perfect	interjection
lovely	interjection
brilliant	interjection
awesome	interjection
nice	interjection
super	interjection
fabulous	interjection
marvelous	interjection
marvellous	interjection
terrific	interjection
excellent	interjection
splendid	interjection
superb	interjection
amazing	interjection
cool	interjection
sweet	interjection
yay	interjection
hooray	interjection
génial	interjection
genial	interjection
parfait	interjection
magnifique	interjection
formidable	interjection
bravo	interjection
safi	interjection
oh	opener
ooh	opener
ohh	opener
ah	opener
ahh	opener
well	opener
wow	opener
gee	opener
just	opener
so	opener
how	opener
really	opener
ouais	opener
again	trouble
another	trouble
encore	trouble
tena	trouble
as usual	trouble
as always	trouble
once again	trouble
yet again	trouble
once more	trouble
comme d'habitude	trouble
comme toujours	trouble
kama kawaida	trouble
off	problem
out	problem
down	problem
dead	problem
stuck	problem
blocked	problem
flooded	problem
flooding	problem
dripping	problem
outage	problem
cut	problem
coupé	problem
coupée	problem
love	lover
loved	lover
loving	lover
enjoy	lover
enjoying	lover
adore	lover
j'adore	lover
waiting	tedium
chasing	tedium
begging	tedium
reminding	tedium
calling	tedium
texting	tedium
repeating	tedium
explaining	tedium
sitting	tedium
attendre	tedium
being ignored	tedium
being ghosted	tedium
love how	lovehow
love it when	lovehow
love that	lovehow
loving how	lovehow
nice of	lovehow
"""#
}
