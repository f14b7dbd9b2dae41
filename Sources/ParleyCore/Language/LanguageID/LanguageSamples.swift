// Training text for the language identifier, written for Parley (same licence as the project):
// everyday WhatsApp messages between tenants and property managers in each language, then
// everyday chat between friends and family (greetings, work, football, money, errands) in the
// short spelling people text in, several hundred words each. The identifier builds its
// character n-gram profiles and word lists from these at first use. Test sentences
// (Tests/ParleyCoreTests/LanguageIDTests.swift) are separate and must not be copied here.

enum LanguageSamples {
    static let english = #"""
Hello, I paid the rent for this month yesterday evening. Could you please confirm that you received it?
Good morning, the kitchen tap has been leaking since Monday and the water is dripping onto the floor.
Hi there, when will the plumber come to fix the toilet? It keeps running all night and we cannot sleep.
Thank you so much for sending someone so quickly, everything is working now.
The landlord said the deposit would be returned within two weeks but I am still waiting.
Is the apartment on the second floor still available? I would like to book a viewing this weekend.
We have no electricity in the whole building since this morning, is there a problem with the meter?
My neighbour is very noisy at night, there is loud music until three in the morning.
Please send me the bank details again, I want to pay by transfer instead of cash.
The lease ends next month and I would like to renew it for another year if possible.
There is mould on the bedroom wall and the window does not close properly.
Can I have a copy of the receipt for the last payment? I need it for my records.
Sorry for the late payment, I will send the rest of the money on Friday when I get my salary.
The gate remote is broken and we cannot get the car in or out of the compound.
How much is the service charge for the two bedroom flat? Does it include water and security?
I am moving out at the end of the month, when can we do the inspection?
The security guard was not at the gate last night and somebody stole a bicycle.
Could you ask the caretaker to clean the stairs? They have not been cleaned for a week.
The fridge that came with the house stopped working and all our food went bad.
We saw cockroaches in the bathroom again, can you send the pest control people?
Thanks for the quick reply, I will be at home after five so they can come then.
What time is the agent coming tomorrow? I have to go to work early.
Just to let you know, the new tenant in number four parked in my space again.
The roof is leaking when it rains and the ceiling in the living room is wet.
I have attached a photo of the damage so you can see how bad it is.
Please call me when you are free, I want to talk about the increase in rent.
Is it okay if we paint the children's room blue? We will pay for it ourselves.
The water pressure is very low in the shower and the hot water takes ages.
Happy new year! Wishing you and your family all the best.
The invoice says I owe two months but I paid March already, can you check again?
Our internet is down, is the router in the hallway working for everyone else?
I lost my keys, is there a spare set with the office? I am locked outside.
The house is lovely and clean, we are very happy here, thank you.
Do you allow pets? We have a small dog who is very quiet and friendly.
When is the rubbish collected? The bins are full and starting to smell.
I would like to know if the parking space is included in the rent or extra.
The lights in the corridor are not working and it is very dark at night.
Good evening, I transferred the money this afternoon, here is the reference number.
Can we meet at the property on Saturday morning to sign the contract?
Yes that works for me, see you then. Okay, no problem, I will wait for your call.
Hey, u ok? Havent heard from u in ages lol
Ok cool, c u at 7 then. Dont forget the charger
Sorry cant talk rn, im in a meeting. Will call u back
Thx for the lift yesterday, really appreciate it
Omg did u see that?? So funny haha
Where r u? Been waiting 20 mins already
Dunno yet, prob gonna stay home tonight and watch the match
Gonna be late, traffic is crazy. Sorry!!
Pls text me when u get home safe
Lol no way, thats not what i meant
Yeah sure, whatever works for u. Ur call
Tmr morning? Im free after 10
Wanna grab lunch later? My treat
Nvm, found it. It was in my bag the whole time
Good night dear, sleep well, talk tmr
Just got home, so tired. Going to bed now
Can u send me the pics from the party pls
Happy birthday bro! Have a good one and enjoy ur day
Ok lor, see u later then. Dont be late ah
My phone died, thats why i didnt reply. Whats up?
Hey. Hi! Bye. Bye bye, thanks. Noted. Got it. Sure thing. Yes please. No thanks. Done. Received, thank you.
Price? How much? Which one? Where? When? Any vacancies? Still available? Any news? Any update?
Confirmed. You have sent the payment, your confirmation code is below. New balance after the transaction.
Morning! Good evening. See you soon. Take care. Cool, great, perfect. Alright then. My bad, sorry.
Cheers mate, much appreciated. Brilliant, ta very much. Nice one, lovely stuff. Cheers for sorting the boiler, legend.
yo, u home? yo bro, the gate is open. yo what's up, nite nite, see ya tmrw
hiya! hiya mate, long time. hiya, all good here, ty for asking
ty 👍 ty so much, ty ty. thx mate, thx for the lift, ty for the help
gnite, nite all, sleep tight. nite x, ttyl, cya later, laters
yo, ty, nite
"""#

    static let french = #"""
Bonjour, j'ai payé le loyer de ce mois hier soir. Pouvez-vous confirmer que vous l'avez bien reçu ?
Bonsoir, le robinet de la cuisine fuit depuis lundi et l'eau coule par terre.
Salut, quand est-ce que le plombier va venir réparer les toilettes ? La chasse d'eau coule toute la nuit.
Merci beaucoup d'avoir envoyé quelqu'un si vite, tout fonctionne maintenant.
Le propriétaire a dit que la caution serait rendue dans deux semaines mais j'attends toujours.
Est-ce que l'appartement au deuxième étage est encore disponible ? Je voudrais le visiter ce week-end.
Nous n'avons plus d'électricité dans tout l'immeuble depuis ce matin, il y a un problème avec le compteur ?
Mon voisin fait beaucoup de bruit la nuit, la musique est très forte jusqu'à trois heures du matin.
Envoyez-moi encore les coordonnées bancaires s'il vous plaît, je veux payer par virement et pas en espèces.
Le bail se termine le mois prochain et je voudrais le renouveler pour une année de plus si possible.
Il y a de la moisissure sur le mur de la chambre et la fenêtre ne ferme pas bien.
Est-ce que je peux avoir une copie du reçu pour le dernier paiement ? J'en ai besoin pour mes papiers.
Désolé pour le retard de paiement, j'enverrai le reste de l'argent vendredi quand je recevrai mon salaire.
La télécommande du portail est cassée et on ne peut plus sortir la voiture de la cour.
Combien coûtent les charges pour l'appartement de deux chambres ? Est-ce que l'eau et le gardiennage sont compris ?
Je déménage à la fin du mois, quand est-ce qu'on peut faire l'état des lieux ?
Le gardien n'était pas au portail hier soir et quelqu'un a volé un vélo.
Pourriez-vous demander au concierge de nettoyer l'escalier ? Il n'a pas été nettoyé depuis une semaine.
Le frigo qui était dans la maison ne marche plus et toute notre nourriture est gâtée.
Nous avons encore vu des cafards dans la salle de bain, pouvez-vous envoyer les gens de la désinsectisation ?
Merci pour la réponse rapide, je serai à la maison après dix-sept heures donc ils peuvent venir à ce moment-là.
À quelle heure l'agent vient demain ? Je dois partir tôt au travail.
Juste pour vous dire, le nouveau locataire du numéro quatre s'est encore garé à ma place.
Le toit fuit quand il pleut et le plafond du salon est tout mouillé.
J'ai mis une photo des dégâts pour que vous voyiez à quel point c'est grave.
Appelez-moi quand vous êtes libre s'il vous plaît, je voudrais parler de l'augmentation du loyer.
Est-ce que c'est d'accord si on peint la chambre des enfants en bleu ? On paiera nous-mêmes.
La pression de l'eau est très faible dans la douche et l'eau chaude met longtemps à venir.
Bonne année ! Je vous souhaite le meilleur à vous et à votre famille.
La facture dit que je dois deux mois mais j'ai déjà payé mars, vous pouvez vérifier encore une fois ?
Notre connexion internet ne marche pas, est-ce que le routeur du couloir fonctionne pour les autres ?
J'ai perdu mes clés, est-ce qu'il y a un double au bureau ? Je suis bloqué dehors.
La maison est belle et propre, nous sommes très contents ici, merci.
Est-ce que vous acceptez les animaux ? Nous avons un petit chien très calme et gentil.
Quand est-ce qu'on ramasse les poubelles ? Elles sont pleines et commencent à sentir mauvais.
Je voudrais savoir si la place de parking est comprise dans le loyer ou en plus.
Les lumières du couloir ne marchent pas et il fait très noir la nuit.
Bonsoir, j'ai fait le virement cet après-midi, voici le numéro de référence.
On peut se voir au logement samedi matin pour signer le contrat ?
Oui ça me va, à bientôt. D'accord, pas de souci, j'attends votre appel.
Salut ça va ? Tu fais quoi ce soir ?
Je suis crevé, j'ai bossé toute la journée.
T'inquiète, c'est pas grave, on se voit demain.
Tu peux m'appeler quand t'as deux minutes ?
J'arrive dans dix minutes, je suis dans le bus.
Mdr t'es trop drôle, j'en peux plus !
Bon courage pour ton examen, tu vas gérer !
C'est trop cher, je vais pas acheter ça.
Il fait super chaud aujourd'hui, on va à la plage ?
Désolée j'ai pas vu ton message, mon téléphone était éteint.
Bisous, à plus tard ! Je t'aime fort.
Je sais pas encore, je te dis demain.
Le match était nul, on a perdu deux à zéro.
Ma mère est malade, je dois aller la voir ce week-end.
Ils ont dit qu'elle était déjà partie, mais personne ne sait où.
Ok, d'accord. Ok merci, à demain alors.
"""#

    static let swahili = #"""
Habari, nimelipa kodi ya mwezi huu jana jioni. Tafadhali thibitisha kama umepokea.
Ina parking? Nyumba ina maji na umeme, ina geti na mlinzi?
Habari za asubuhi, bomba la jikoni linavuja tangu Jumatatu na maji yanamwagika sakafuni.
Mambo, fundi bomba atakuja lini kutengeneza choo? Kinaendelea kutiririsha maji usiku kucha na hatulali.
Asante sana kwa kumtuma mtu haraka hivyo, kila kitu kinafanya kazi sasa.
Mwenye nyumba alisema amana itarudishwa ndani ya wiki mbili lakini bado ninasubiri.
Je, nyumba ya ghorofa ya pili bado ipo? Ningependa kuja kuiona wikendi hii.
Hatuna umeme katika jengo zima tangu asubuhi, kuna tatizo na mita?
Jirani yangu anapiga kelele sana usiku, muziki mkubwa mpaka saa tisa usiku.
Tafadhali nitumie tena maelezo ya benki, nataka kulipa kwa uhamisho badala ya pesa taslimu.
Mkataba unaisha mwezi ujao na ningependa kuuongeza kwa mwaka mwingine kama inawezekana.
Kuna ukungu kwenye ukuta wa chumba cha kulala na dirisha halifungi vizuri.
Naweza kupata nakala ya risiti ya malipo ya mwisho? Naihitaji kwa kumbukumbu zangu.
Samahani kwa kuchelewa kulipa, nitatuma pesa iliyobaki Ijumaa nikipata mshahara wangu.
Rimoti ya geti imeharibika na hatuwezi kuingiza wala kutoa gari kwenye uwanja.
Gharama za huduma kwa nyumba ya vyumba viwili ni kiasi gani? Inajumuisha maji na ulinzi?
Ninahama mwisho wa mwezi, tunaweza kufanya ukaguzi lini?
Mlinzi hakuwepo getini jana usiku na mtu ameiba baiskeli.
Unaweza kumwomba mtunzaji asafishe ngazi? Hazijasafishwa kwa wiki nzima.
Friji iliyokuja na nyumba imekufa na chakula chetu chote kimeharibika.
Tumeona mende bafuni tena, unaweza kutuma watu wa kuua wadudu?
Asante kwa kujibu haraka, nitakuwa nyumbani baada ya saa kumi na moja kwa hiyo wanaweza kuja wakati huo.
Wakala anakuja saa ngapi kesho? Lazima niende kazini mapema.
Nataka tu kukujulisha, mpangaji mpya wa namba nne ameegesha gari kwenye nafasi yangu tena.
Paa linavuja mvua ikinyesha na dari ya sebuleni imelowa.
Nimeambatisha picha ya uharibifu ili uone jinsi ulivyo mbaya.
Tafadhali nipigie ukiwa huru, nataka tuzungumze kuhusu kupanda kwa kodi.
Je, ni sawa tukipaka rangi ya bluu chumba cha watoto? Tutalipia wenyewe.
Maji yanatoka kwa nguvu ndogo sana bafuni na maji ya moto yanachelewa sana.
Heri ya mwaka mpya! Nakutakia wewe na familia yako kila la heri.
Ankara inasema nadaiwa miezi miwili lakini nimeshalipa Machi, unaweza kuangalia tena?
Intaneti yetu haifanyi kazi, je ruta iliyoko kwenye korido inafanya kazi kwa wengine?
Nimepoteza funguo zangu, kuna funguo za ziada ofisini? Nimefungiwa nje.
Nyumba ni nzuri na safi, tunafurahi sana hapa, asante.
Mnaruhusu wanyama? Tuna mbwa mdogo mtulivu sana na mpole.
Taka zinakusanywa lini? Mapipa yamejaa na yameanza kunuka.
Ningependa kujua kama nafasi ya kuegesha gari imejumuishwa kwenye kodi au ni ziada.
Taa za korido hazifanyi kazi na kuna giza sana usiku.
Habari za jioni, nimetuma pesa mchana huu, hii ndiyo namba ya kumbukumbu.
Tunaweza kukutana kwenye nyumba Jumamosi asubuhi kusaini mkataba?
Ndiyo, sawa kabisa, tutaonana. Sawa, hakuna shida, nitasubiri simu yako.
Mambo vipi rafiki? Poa sana, wewe je?
Nimechoka sana leo, kazi ilikuwa nyingi mno.
Umefika salama? Nipigie ukipata muda.
Samahani sikuona ujumbe wako, simu ilikuwa imezimika.
Mechi ya jana ilikuwa nzuri sana, Simba walishinda mabao mawili.
Bei ya vitu imepanda sana siku hizi, maisha ni magumu kweli.
Mama yangu anaumwa, nitaenda kumwona mwisho wa wiki.
Nitumie pesa kwa M-Pesa, nitakurudishia kesho bila shaka.
Hongera kwa kazi mpya! Mungu akubariki wewe na familia.
Tutaonana kanisani Jumapili, usikose.
Sijui bado, nitakwambia baadaye kidogo.
Hiyo ni kweli kabisa, watu wengi hawajui hilo.
Vijana wengi hawana ajira, serikali inapaswa kuwasaidia.
Asante kwa zawadi, ni nzuri mno.
Kesho nitakuwa na shughuli nyingi, labda keshokutwa.
Leo kuna mvua kubwa, barabara zote zimejaa maji.
Unaweza kunisaidia na bando? Nimeishiwa kabisa.
Tafadhali nijulishe kama mtakuja kwenye harusi yetu.
Niaje boss! Mambo vipi? Poa sana. Sasa msee, uko fiti? Shwari tu. Freshi barida. Safi kabisa.
Sawa, tuonane baadaye. Haya basi. Ndio, nimeelewa. Hapana asante. Karibu sana. Pole sana ndugu.
Ok sawa, nitakutumia. Ok asante.
"""#

    static let kinyarwanda = #"""
Muraho, nishyuye ubukode bw'ukwezi kwa none ejo nimugoroba. Mwanyemeza ko mwabubonye?
Mwaramutse, robine yo mu gikoni iva kuva ku wa mbere kandi amazi ameneka hasi.
Bite, umufundi w'amazi azaza ryari gukora ubwiherero? Amazi atemba ijoro ryose ntidusinzira.
Murakoze cyane kohereza umuntu vuba, ubu ibintu byose birakora neza.
Nyir'inzu yavuze ko ingwate izasubizwa mu byumweru bibiri ariko ndacyategereje.
Ese inzu yo mu igorofa rya kabiri iracyaboneka? Nifuza kuza kuyisura muri iyi wikendi.
Nta muriro dufite mu nyubako yose kuva mu gitondo, hari ikibazo kuri konteri?
Umuturanyi wanjye asakuza cyane nijoro, umuziki uranguruye kugeza saa cyenda z'ijoro.
Mwongere munyoherereze nimero ya konti ya banki, ndashaka kwishyura nkoresheje banki aho gutanga amafaranga mu ntoki.
Amasezerano arangira ukwezi gutaha kandi nifuza kuyongera undi mwaka niba bishoboka.
Hari uruhumbu ku rukuta rw'icyumba cyo kuraramo kandi idirishya ntirifunga neza.
Nshobora kubona kopi y'inyemezabwishyu y'ubwishyu buheruka? Ndayikeneye mu nyandiko zanjye.
Mumbabarire gutinda kwishyura, nzohereza amafaranga asigaye ku wa gatanu nimbona umushahara.
Remote y'igipangu yapfuye kandi ntidushobora kwinjiza cyangwa gusohora imodoka.
Amafaranga ya serivisi y'inzu y'ibyumba bibiri ni angahe? Harimo amazi n'umuzamu?
Ndimuka mu mpera z'ukwezi, ni ryari dushobora gukora igenzura?
Umuzamu ntiyari ku gipangu ejo nijoro kandi umuntu yibye igare.
Mwasaba umukozi gukora isuku ku ngazi? Ntizimaze icyumweru zikorerwa isuku.
Firigo twasanze mu nzu yapfuye kandi ibiryo byacu byose byangiritse.
Twongeye kubona inyenzi mu bwogero, mwakohereza abantu bica udukoko?
Murakoze gusubiza vuba, nzaba ndi mu rugo nyuma ya saa kumi n'imwe bityo bashobora kuza icyo gihe.
Umukomisiyoneri araza ryari ejo? Ngomba kujya ku kazi kare.
Ndabamenyesha gusa ko umupangayi mushya wa nimero ya kane yongeye guparika mu mwanya wanjye.
Igisenge kiva iyo imvura iguye kandi plafond yo mu ruganiriro yatose.
Nomekeyeho ifoto y'ibyangiritse kugira ngo mubone uko bimeze nabi.
Muzampamagare nimuboneka, ndashaka ko tuvugana ku izamuka ry'ubukode.
Ese nta kibazo turamutse dusize irangi ry'ubururu mu cyumba cy'abana? Tuzabyishyura ubwacu.
Amazi aza ari make cyane muri douche kandi amazi ashyushye atinda cyane.
Umwaka mushya muhire! Mbifurije mwe n'umuryango wanyu ibyiza byose.
Fagitire ivuga ko mfitiye amezi abiri ariko nishyuye Werurwe, mwakongera mukareba?
Interineti yacu ntikora, ese router iri muri koridoro irakora ku bandi?
Nataye imfunguzo zanjye, hari izindi ziri ku biro? Nasigaye hanze.
Inzu ni nziza kandi irasukuye, tunezerewe cyane hano, murakoze.
Ese mwemera amatungo? Dufite akabwa gato gatuje cyane kandi keza.
Imyanda itwarwa ryari? Ingunguru zuzuye kandi zatangiye kunuka.
Nifuza kumenya niba aho guparika imodoka biri mu bukode cyangwa byishyurwa ukwabyo.
Amatara yo muri koridoro ntiyaka kandi hijimye cyane nijoro.
Mwiriwe, nohereje amafaranga muri iki gicamunsi, dore nimero y'ubwishyu.
Dushobora guhurira ku nzu ku wa gatandatu mu gitondo tugasinya amasezerano?
Yego, ni byiza, tuzabonana. Ntakibazo, nzategereza telefoni yanyu.
Amakuru yawe? Ni meza, nawe se?
Ndananiwe cyane uyu munsi, akazi kari kenshi.
Wageze amahoro? Umpamagare nubona akanya.
Mbabarira sinabonye ubutumwa bwawe, telefoni yari yazimye.
Umukino w'ejo wari mwiza cyane, Rayon yatsinze ibitego bibiri.
Ibiciro byazamutse cyane muri iyi minsi, ubuzima burahenze koko.
Mama arwaye, nzajya kumusura mu mpera z'icyumweru.
Nyoherereza amafaranga kuri MoMo, nzayagusubiza ejo nta kabuza.
Ndagushimiye ku kazi gashya! Imana iguhe umugisha wowe n'umuryango.
Tuzahurira mu rusengero ku cyumweru, ntuzabure.
Sindabimenya, nzakubwira nyuma gato.
Ni byo koko, abantu benshi ntibabizi.
Urubyiruko rwinshi nta kazi rufite, leta ikwiye kurufasha.
Murakoze ku mpano, ni nziza cyane.
Ejo nzaba mfite akazi kenshi, wenda ejobundi.
Uyu munsi imvura yaguye cyane, imihanda yose yuzuye amazi.
Wamfasha kugura interineti? Nashize burundu.
Ariko se ubundi kuki utambwiye mbere? Ntabwo ari byiza.
None se uzaza ryari? Turagutegereje hano.
Yego rwose, ndabyumva neza kbsa.
Ok ni byiza, murakoze. Ok ndabyumva.
"""#

    /// Arabic written in Latin letters ("Arabizi"), Levantine and Egyptian, then Maghrebi (Moroccan,
    /// Tunisian, Algerian: "ch" for sh, 9 for qaf), with the usual digits for sounds Latin lacks
    /// (2 hamza, 3 ain, 5 kha, 7 ha, 9 sad or qaf).
    static let arabizi = #"""
Marhaba, dafa3t el ejar la hal shahr mbare7 bel lel. Mumkin t2akedli enno wselak?
Sabah el kheir, el 7anafiye bel matbakh 3am tnazzel mayy men yom el tanein w el mayy 3al ard.
Ahlan, emta el sabbak rah yeji ysalle7 el twalet? 3am ydall yshar6ef kel el lel w ma 3am nnam.
Shukran ktir 3ala enno ba3atet 7ada bsor3a, halla2 kel shi 3am yeshteghel mnee7.
Sa7eb el bet 2al enno el ta2min byerja3 bi jem3tein bas ana ba3dni natrou.
Salam, el sha22a bel tabe2 el tene ba3da fadye? Baddi ejje shoufa hal wikend.
Ma 3anna kahraba bel binaye kella men el sob7, fi mushkle bel 3addad?
Jari 3am y3mel dajje ktir bel lel, musi2a 3alye la el sa3a tlete el sob7.
Please eb3atli kamen marra ma3lumat el bank, baddi edfa3 ta7wil badal cash.
El 3a2ed byekhlas el shahr el jeye w baddi jadedo sene kamen eza mumkin.
Fi rtoube 3al 7et bi ohdet el nom w el shebbek ma 3am ysakker mnee7.
Fini ekhod nuskha men el wasl taba3 akher daf3a? Baddi yeh lal awra2 taba3i.
Sorry 3al ta25ir bel daf3, rah eb3at ba2i el masari yom el jem3a lamma ekhod el ma3ash.
El remote taba3 el bawabe kharban w ma fina nfawwet aw ntalle3 el siyyara.
Addeh el service charge la sha22a fiya ghereftein nom? Mashmoul el mayy wel 7ares?
Ana rah ezal bi akher el shahr, emta fina na3mel el kashf?
El natour ma kan 3al bawabe mbare7 bel lel w 7ada sara2 bisiklet.
Fik t2oul lal natour ynaddef el daraj? Sarlo jem3a ma tnaddaf.
El berrad li kan bel bet wa2af w kel el akl kharab.
Shefna sarasir bel 7ammam kamen marra, fik tb3at nas el mobidat?
Merci 3al rad el sari3, rah kun bel bet ba3d el sa3a khamse fa byo2dro yijo wa2ta.
Ayya sa3a el wakil jeye bokra? Lazem rou7 3al shoghl bakkir.
Bas 7abbet 2ollak, el mosta2jer el jdid bi ra2am arba3a 7att siyarto b ma7alle kamen marra.
El sa2f 3am ynazzel lamma tshatti w el sa2f bel salon kello mballal.
7atet sura lal kharab ta tshouf addeh el wade3 3atel.
Please de22ele lamma tkoun fadi, baddi e7kik 3an ziyadet el ejar.
Fina nodhon ghorfet el wlad azra2? Ne7na mnedfa3 7a2o.
Daght el mayy da3if ktir bel doush w el mayy el s5ne btet2akhar ktir.
Kel sene w enta salem! Btmannalak w la 3ayltak kel el kheir.
El fatura bet2oul enno 3layye shahrein bas ana dafa3t azar, fik tetna22a2 kamen marra?
El internet 3anna maktou3, el router bel mamarr shaghal 3and el ba2yin?
Dayya3t el mafatee7, fi nuskha tanye bel maktab? Ana msakkar 3alayye barra.
El bet 7elw w ndif, ne7na mabsoutin ktir hon, shukran.
Btesma7o bel 7ayawanat? 3anna kalb zghir hedi ktir w latif.
Emta byelemmo el zbele? El tanakat malyanin w bada2o yfou7o.
Baddi a3ref eza mawkaf el siyyara mashmoul bel ejar aw 3ala 7ada.
El daw bel mamarr ma 3am ydawwi w el denye 3atme ktir bel lel.
Masa el kheir, 7awwalt el masari ba3d el dohr, hayda ra2am el marja3.
Fina netla2a bel bet yom el sabt el sob7 ta nwa22e3 el 3a2ed?
Akid, mashi el 7al, mnshoufak. Tayyeb, ma fi mushkle, bestanna telefonak.
Ezayak ya basha, ana 3ayez a3raf el ego2ar kam el shahr da? Wallahi el sha22a 7elwa awi.
Inshallah bokra el sob7 hab3at el felous. Yalla habibi, kifak? Mnee7 el 7amdella.
Salam khoya, labas 3lik? Kolchi mzyan f dar?
Wach nta f dar daba? Bghit nji n3tik lflouss dyal lkra.
Ana mashi 3arf chno ndir, 9oli ila kan chi haja.
Safi ghadi nsifet lik lwra9a ghedda f sbah inchallah.
Ma 3ndich lwe9t lyoum, nchoufek ghedda f l9ahwa.
Bzaf 3lia had chi, lah ykhlik 3awni chwiya.
Kifach dert had lkhedma? Rah zwina bezzaf, tbarkellah 3lik.
Chkoun li kan m3ak f tomobil? Ma 3reftouch.
Wakha a sahbi, daba nchouf m3a moul dar o nrd 3lik.
Chniya a7welek? Labes? Barcha wa9t ma tla9ina.
Taw nji, stanna chwaya, ena fi thneya.
Mouch normal el ghla, kol chay ghla fi bledna.
Ya3tik sa7a 3al khedma, behi barcha.
Ken t7eb, nemchiw ghodwa lel bhar m3a jme3a.
Chbik ma tjawebch 3al telifoun? Kallamtek 3 marrat.
Rani jay f triq, stenna chwiya khouya.
Wesh rak dayer? Ga3 labas f dar?
Nta wech t9oul? Ana ma fhemt walou.
Hhhh wallah ghir ndah9o m3ak, matz3fch.
Lah yr7am waldik, 3awni f hadik lmas2ala.
Ana mesh fahem 7aga, momken tefahemni tani?
Tab khalas, hakalemak ba3d ma akhlas el shoghl.
Enta fein delwa2ty? Ana mestanik odam el bet.
Shu 3am ta3mel halla2? Baddak netla2a bokra?
Ok tamam, ma3lesh. Ok shokran.
"""#

    /// Arabic script. The identifier recognizes Arabic by its script; this text gives the
    /// Arabic word list used when a message mixes scripts.
    static let arabic = #"""
مرحبا، دفعت الإيجار لهذا الشهر أمس في المساء. هل يمكنك أن تؤكد أنك استلمته؟
صباح الخير، حنفية المطبخ تسرب الماء منذ يوم الاثنين والماء على الأرض.
متى سيأتي السباك لإصلاح المرحاض؟ الماء يجري طوال الليل ولا نستطيع النوم.
شكرا جزيلا على إرسال شخص بسرعة، كل شيء يعمل الآن.
قال صاحب البيت إن التأمين سيعاد خلال أسبوعين لكنني ما زلت أنتظر.
هل الشقة في الطابق الثاني ما زالت متاحة؟ أريد أن أراها في نهاية هذا الأسبوع.
لا توجد كهرباء في المبنى كله منذ الصباح، هل هناك مشكلة في العداد؟
جاري يسبب إزعاجا كبيرا في الليل والموسيقى عالية حتى الساعة الثالثة صباحا.
أرسل لي تفاصيل الحساب البنكي مرة أخرى من فضلك، أريد الدفع بالتحويل بدلا من النقد.
ينتهي العقد الشهر القادم وأود تجديده لسنة أخرى إذا أمكن.
يوجد عفن على جدار غرفة النوم والنافذة لا تغلق جيدا.
هل يمكنني الحصول على نسخة من إيصال الدفعة الأخيرة؟ أحتاجها لأوراقي.
آسف على التأخير في الدفع، سأرسل باقي المبلغ يوم الجمعة عندما أستلم راتبي.
البيت جميل ونظيف ونحن سعداء جدا هنا، شكرا لكم.
"""#

    /// Bantu languages of the region the identifier does not support, read so that their
    /// messages come back "und" rather than as Swahili or Kinyarwanda, their kin: Lingala (with
    /// the French words Kinshasa mixes in), Nyanja/Chichewa, Shona and Bemba.
    static let unsupportedBantu = #"""
Mbote na bino nyonso, bozali malamu? Nazali malamu, matondo. Yo ozali ndenge nini?
Tata, courant ekatami lisusu na ndako na biso, tozali na molili banda butu.
Mai ezali koya te banda lobi na ntongo, bana basukoli te.
Nakoya kofuta loyer na mokolo ya mitano ya sanza oyo.
Nafuti mbongo ya ndako na M-Pesa, tala téléphone na yo.
Bokoki kotinda moto abongisa robinet? Ezali kosopa mai na cuisine.
Nalingi kotala ndako ya bashambre mibale na Lingwala to na Kintambo.
Ndako oyo ezali na mai mpe courant? Ntalo na yango ezali boni na sanza?
Tokokende na zando lelo na mpokwa, osengeli komema mbongo.
Mwana na ngai azali maladi, tokei na lopitalo sikoyo.
Mosala ezali makasi mingi lelo, nakozonga na ndako butu.
Olingi kolia nini na midi? Nakosomba mbisi na loso.
Nazali na nzela, nakokoma nsima ya miniti zomi.
Okomi na ndako? Benga ngai soki okomi, nazali kozela.
Tokutana lobi na ntongo na biro ya mokolo ya ndako.
Mokolo ya ndako alobi akoya kotala mur oyo ekweaki.
Bato ya pembeni bazali kobeta miziki butu mobimba, tokoki kolala te.
Porte ya libanda ekangamaka te, serrure ebukani mpe tozali na kobanga.
Soki okoki, yaka lelo, tozali kozela yo uta ntongo.
Nasengi bolimbisi, nakozala na retard moke mpo na loyer.
Ezali malamu, nayoki yo. Tokosolola lisusu na pokwa.
Nzambe apambola yo, matondo mingi mpo na lisalisi na yo.
Equipe na biso elongi lobi, esengo mingi na mboka mobimba!
Nini esalemi? Bayei te kobongisa, tozali kaka kozela.
Kende malamu ndeko, tokomonana mokolo mosusu.
Nalobaki na yo ete nakofuta na sanza ya sambo, kobosana te.
Bana bazali na kelasi, nakozonga na ndako na nsima ya mosala.
Moteur ya building ekufi, biloko nyonso na frigo ekobeba.
Mbote mpangi, sango nini? Ozali wapi sikoyo?
Nakoki koya kotala appartement mokolo ya mibale na ntongo?
Moni a bambo, muli bwanji? Ndili bwino, zikomo. Kaya inu a mayi?
Madzi sakubwera kuyambira dzulo m'mawa ndipo ana sanasambe.
Magetsi azima kuno, chonde tumizani munthu akonze mwamsanga.
Ndalipira lendi lero kudzera pa Airtel Money, onani foni yanu.
Ndikufuna kuona nyumba ya zipinda ziwiri pafupi ndi tawuni.
Kodi nyumba iyi idakalipo? Ndalama zingati pa mwezi uliwonse?
Ndikubwera mawa m'mawa, tionana ku ofesi.
Mpope wa m'khitchini ukuchucha madzi, pansi ponse pali madzi.
Chitseko sichikutseka bwino, loko yathyoka usiku.
Zikomo kwambiri chifukwa cha thandizo lanu, Mulungu akudalitseni.
Ana ali ku sukulu, ine ndipita kumsika tsopano.
Ndatopa kwambiri lero, ntchito inali yambiri ku ofesi.
Mukupita kuti? Ndikudikirani pano pa geti.
Ndiyimbireni foni mukafika, ndili pafupi.
Ine sindikudziwa, ndifunsa mwini nyumba mawa.
Tsalani bwino, tidzalankhulana mawa madzulo.
Mvula inagwa kwambiri usiku, denga likudontha m'chipinda chogona.
Ndikufuna kusamuka kumapeto kwa mwezi uno, ndipatseni chikalata.
Chonde nditumizireni umboni wa malipiro a mwezi watha.
Mhoro, makadii? Ndiripo, makadiiwo. Mangwanani baba, maswera sei?
Mvura haisi kuuya kubva nezuro, vana havana kugeza.
Magetsi abva kubva nezuro manheru, chikafu chiri mufiriji chava kuora.
Ndabhadhara rendi nhasi neEcoCash, ndapota tarisai.
Ndinoda kuona imba ine makamuri maviri pedyo neguta.
Imba iyi ichiripo here? Imarii pamwedzi?
Ndiri kuuya mangwana mangwanani, tichaonana kuhofisi.
Pombi yekukicheni iri kudonha mvura, pasi pese pane mvura.
Musuwo hauvhariki zvakanaka, kiyi yatyoka usiku.
Ndatenda zvikuru nerubatsiro rwenyu, Mwari vakuropafadzei.
Vana vari kuchikoro, ini ndiri kuenda kumusika izvozvi.
Ndaneta zvikuru nhasi, basa rakanga rakawanda.
Muri kuenda kupi? Ndakakumirirai pano pagedhi.
Ndifonerei kana masvika, ndiri pedyo.
Handizivi, ndichabvunza muridzi weimba mangwana.
Chisarai zvakanaka, tichataura mangwana manheru.
Mvura yanaya zvakanyanya usiku, denga riri kudonha mumba yekurara.
Ndinoda kubuda mumba kupera kwemwedzi uno, ndipei gwaro.
Ndapota nditumirei humbowo hwemubhadharo wemwedzi wapfuura.
Ndeipi shamwari, wakadii? Ndiri right, ndiri kuuya.
Mwashibukeni mukwai, mulishani? Ndi bwino, natotela. Nga imwe?
Amenshi tayaleisa ukutula mailo, abana tabasamba.
Amalaiti yalitimfiwa, napapata tumeni umuntu alungike.
Nalipila indalama sha ng'anda lelo pa Airtel Money.
Ndefwaya ukumona ing'anda iya ma rooms yabili.
Ing'anda iyi ilicili? Mutengo nishani pa mweshi?
Ndeisa mailo ulucelo, tukamonana ku ofesi.
Ninshi mulecita? Nalikwete umulimo uwingi lelo.
Shalenipo mukwai, tukalanshanya mailo.
Napapata, ntumineni icipepala ca ndalama nalipila.
"""#

    /// More languages the identifier does not name, in a lane of their own that the identifier
    /// folds into the Bantu one word by word (so neither dilutes the other's n-grams):
    /// Setswana, Malagasy, Bambara, Mooré, more Chichewa (its ndi-/mu-/ku- lines look Swahili)
    /// and Mauritian Kreol (French-based, but no French: "mo", "finn", "ena", "pe"). Written
    /// for Parley as tenants write them, with the French and English words they mix in.
    static let unsupportedOther = #"""
Dumela rra, le tsogile jang? Ke tsogile sentle, ke a leboga mma.
Metsi ga a tswe fa gae go tswa maabane, bana ga ba a tlhapa.
Motlakase o timile mo ntlong ya rona, tsweetswee romelang mongwe ka bonako.
Ke duetse rente gompieno ka Orange Money, tlhola founu ya gago.
Ke batla go bona ntlo e e nang le diphaposi tse pedi gaufi le toropo.
A ntlo e sa ntse e le teng? Ke bokae ka kgwedi?
Ke tla tla kamoso mo mosong, re tla kopana kwa ofising.
Pompi ya kitšhine e a dutla, metsi a tletse fa fatshe.
Lebati ga le tswale sentle, senotlolo se robegile bosigo.
Re a leboga thata ka thuso ya lona, Modimo a le segofatse.
Ke kae kwa o leng teng? Ke go emetse fa kgorong.
Ntletsetse fa o goroga, ke gaufi thata.
Tsamaya sentle, re tla bua kamoso maitseboa.
Ke batla go tswa mo ntlong kwa bofelong jwa kgwedi e, mpheng lekwalo.
Ba ntse ba tshwenya ka modumo bosigo jotlhe, ga re kgone go robala.
Ke ba boleletse gabedi, ba ganne, a o ka bua le bona?
Salam, manao ahoana ianareo? Tsara be aho, misaotra betsaka.
Tsy misy rano ato an-trano hatramin'ny omaly maraina, tsy afaka nandro ny ankizy.
Maty ny jiro eto amin'ny trano, mba alefaso haingana ny mpanamboatra.
Efa nandoa ny hofan-trano aho androany tamin'ny Mvola, jereo ny findainao.
Mitady trano misy efitra roa akaiky ny tanàna aho.
Mbola misy ve ilay trano? Ohatrinona isam-bolana?
Ho avy rahampitso maraina aho, hihaona any amin'ny birao isika.
Mitete ny fantson-drano ao an-dakozia, feno rano ny tany.
Tsy mihidy tsara ny varavarana, tapaka ny hidy omaly alina.
Misaotra indrindra tamin'ny fanampianareo, Andriamanitra anie hitahy anareo.
Aiza ianao izao? Miandry anao eto am-bavahady aho.
Antsoy aho rehefa tonga ianao, efa akaiky aho.
Veloma e, mandra-pihaona rahampitso hariva.
Te hiala amin'ny trano aho amin'ny faran'ny volana, omeo taratasy aho.
Mitabataba be ny mpifanolobodirindrina isan'alina, tsy mahita tory izahay.
I ni sogoma, i ka kene wa? Tooro te, i ni ce kosɛbɛ.
Ji tɛ so kɔnɔ kabini kunu sogoma, denmisɛnw ma se ka ko.
Kuran tigɛra an ka so la, aw ye mɔgɔ ci joona.
Ne ye so sara sara bi ni Orange Money ye, i ka telefɔni lajɛ.
Ne b'a fɛ ka so dɔ ye min bulon ye fila ye dugu kɔnɔ.
So in be yen hali bi wa? A songo ye joli ye kalo o kalo?
Ne bena na sini sogoma, an bena bɛn biro la.
Ji bɛ bɔn kabini sogoma, dugukolo bɛɛ jiginna ji la.
Da tɛ datugu ka ɲɛ, a kɔnɔ tigɛra su fɛ.
I ni ce kosebe, Ala ka baraka don i ka baara la.
I bɛ min? Ne b'i makɔnɔna da la yan.
I ni wula, k'an bɛn sini.
Ne yibeoogo, y laafi? Laafi bala, barka wusgo.
Koom ka be yiri pʊgẽ ye, kamba pa tõe n sɩɩs ye.
M yaoa yiri ligdi rũndã ne Orange Money, gese fo telefõne.
M data n ges yiri sẽn tar sãmbs a yiibu.
Wend na kõ-y barka, yaa sõma wusgo.
Y be be? M gũuda foom zĩig ka.
Wend na kõt laafi, d na n kelg taab beoogo.
Moni, mwadzuka bwanji? Ndadzuka bwino, kaya inu?
Mukhoza kubwera lero masana kudzakonza mpope?
Ndikufuna kudziwa mtengo wa nyumba ya zipinda zitatu ku Area 47.
Kuli madzi ambiri m'khitchini, mpope waphulika usiku.
Ndili ndekha ndi ana, chitseko chathyoledwa ndipo sichikutseka.
Mwininyumba akuti akweza lendi mwezi wamawa, ndikufuna kulankhula naye.
Ndilipira lendi Lachisanu, ndipepeseni chifukwa cha kuchedwa.
Muli kuti? Ndafika ku geti, ndilowere mbali iti?
Ndikupemphani kalata ya ku banki yosonyeza kuti ndimakhala kuno.
Bonzour, kouma ou ete? Mo bien, mersi boukou.
Pena dilo depi yer gramatin, zanfan pa finn kapav benye.
Kouran finn koupe dan lakaz, silvouple avoy enn dimounn vit.
Mo finn pey lwaye zordi par Juice, get ou telefonn.
Mo pe rod enn lakaz de lasam pre ar lavil.
Lakaz la ankor disponib? Komie sa kout par mwa?
Mo pou vini demin gramatin, nou zwenn dan biro.
Tiyo lakwizinn pe koule, dilo partou lor later.
Laport pa pe ferme byen, lasiri finn kase yer swar.
Mersi boukou pou ou led, Bondie beni ou.
Kot ou ete aster? Mo pe atann ou kot baryer.
Sonn mwa kan ou arive, mo pa lwin.
Salam, nou koze demin aswar.
Mo pe kit lakaz la lafin mwa, donn mwa enn let.
Vwazin pe fer tapaz tou le swar ziska 3er, nou pa pe kapav dormi.
Mo finn dir zot de fwa, zot pa pe fer nanye, eski ou kapav koz ar zot?
"""#
}
