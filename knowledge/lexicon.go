// SPDX-License-Identifier: EUPL-1.2

package knowledge

import "strings"

// builtinSynonyms is German administrative vocabulary as people say it
// versus as town halls write it. One rule per line: "a, b, c" makes the
// terms equivalent; "a => b, c" adds b and c to a query that says a (and
// not the other way round). Terms are analysed like text, so case, umlauts
// and inflection do not matter to the search. A capital letter marks a
// noun that looks like a verb ("Lappen", "Wagen"; see colloquial). Roots
// add their own rules in synonyms.txt.
const builtinSynonyms = `
perso, persoausweis => personalausweis
ausweis => personalausweis
personalausweis, personalausweisdokument
pass => reisepass
pin => geheimnummer
kinderpass => kinderreisepass
ummelden, ummeldung, umziehen, umzug => wohnsitz anmelden, anmeldung wohnung
anmelden wohnung => wohnsitz anmelden
ziehe, zieht, ziehen, zuziehen => umzug, wohnsitz anmelden
wegziehen, ziehe weg => umzug, wohnsitz abmelden
abmelden wohnung => wohnsitz abmelden
kfz, auto, pkw, Wagen => fahrzeug, kraftfahrzeug
roller, motorroller, moped, mofa, motorrad => fahrzeug, kraftfahrzeug
wohnmobil, Wohnwagen, anhaenger => fahrzeug
vw, volkswagen, opel, bmw, audi, mercedes, skoda, fiat, ford, toyota, renault, peugeot, citroen, hyundai, kia, dacia, mazda, nissan, volvo, tesla, porsche, Passat, octavia, corsa, astra, fiesta, touran, tiguan, clio, twingo, yaris, zafira, sprinter, trabi, Trabant => auto, fahrzeug, kraftfahrzeug
vespa => roller, fahrzeug, kraftfahrzeug
Welpe, Welpen, dackel, pudel, mops, labrador, terrier, retriever, beagle, chihuahua, dogge, collie, pinscher, schnauzer, rottweiler, husky => hund
nummernschild, Autokennzeichen => kennzeichen
fuehrerschein, Lappen, fs => fahrerlaubnis
fs => fuehrerschein
Knoellchen, strafzettel, Parkticket, protokoll => verwarnungsgeld
bussgeld, bussgeldbescheid => bussgeld, verwarnungsgeld
Hochzeit, heiraten, trauung => eheschliessung
standesamtlich heiraten => eheschliessung
hundemarke => hundesteuer
hund anmelden => hundesteuer
muell, abfall
muellgebuehr, Muellgebuehren => abfallgebuehr, abfallgebuehren
kurtaxe => kurabgabe
angelschein => fischereischein
grabstein => grabmal
muellabfuhr, abfallabholung
sperrmuell, sperrgut
gez, rundfunkgebuehr => rundfunkbeitrag
kita, Kindergarten, krippe => kindertagesstaette, kinderbetreuung
hartz, hartz4, stuetze => buergergeld
bafoeg => ausbildungsfoerderung
gewerbeschein => gewerbeanmeldung
Sommerfest, Strassenfest, Stadtteilfest, Vereinsfest, Dorffest, strassenparty, Flohmarkt => veranstaltung
gewerbe anmelden => gewerbeanmeldung
geburtsschein => geburtsurkunde
meldezettel => meldebescheinigung
polizeiliches fuehrungszeugnis => fuehrungszeugnis
einbuergern, deutscher werden, Staatsbuergerschaft => einbuergerung
aufenthaltstitel, visum verlaengern => aufenthaltserlaubnis
wohngeld, mietzuschuss
parkausweis, anwohnerparkausweis, bewohnerparkausweis
buergeramt, buergerbuero, einwohnermeldeamt, meldebehoerde
rathaus, stadtverwaltung
gebuehr, kosten, preis
kostet, kostenpflichtig => kosten, gebuehr
dauert => dauer, bearbeitungsdauer
verloren, verlust, abhanden
gestohlen, diebstahl, geklaut
kaputt, defekt, geht nicht, funktioniert nicht => stoerung
passwort, kennwort
laptop, notebook
rechner, computer, pc
drucker, druckgeraet
wlan, wifi
email, e-mail, mail
handy, mobiltelefon, smartphone
bildschirm, monitor
homeoffice, telearbeit, mobiles arbeiten
erreichen, erreiche, erreicht, erreichbar => kontakt
`

// Colloquial returns the built-in rules that lead from a word people say to
// the one word town halls write for it ("perso" → "personalausweis",
// "lappen" → "fahrerlaubnis"): the one-way rules of builtinSynonyms whose
// two sides are single words and whose word said is no verb, by the word
// said. Callers get a new map.
func Colloquial() map[string][]string {
	return colloquial(false)
}

// ColloquialHeads is Colloquial with the words that look like verbs too:
// as the last part of a compound a word is a noun ("Dienstwagen" is a
// Dienstfahrzeug, whatever "wagen" may mean alone).
func ColloquialHeads() map[string][]string {
	return colloquial(true)
}

func colloquial(verbs bool) map[string][]string {
	out := map[string][]string{}
	listed := map[string]bool{} // every word of the rules, to tell "ziehe" (with "ziehen") from "Kurtaxe"
	for _, w := range strings.FieldsFunc(strings.ToLower(builtinSynonyms), func(r rune) bool { return r < 'a' || r > 'z' }) {
		listed[w] = true
	}
	for _, line := range strings.Split(builtinSynonyms, "\n") {
		lhs, rhs, ok := strings.Cut(line, "=>")
		if !ok {
			continue
		}
		var to []string
		for _, t := range splitList(rhs) {
			if !strings.Contains(t, " ") {
				to = append(to, strings.ToLower(t))
			}
		}
		for _, from := range splitList(lhs) {
			noun := from != strings.ToLower(from) // capitalised: a noun, whatever its ending
			from = strings.ToLower(from)
			if !strings.Contains(from, " ") && len(to) > 0 && (verbs || noun || !verbForm(from, listed)) {
				out[from] = append(out[from], to...)
			}
		}
	}
	return out
}

// verbForm reports whether a word of builtinSynonyms looks like a verb
// ("heiraten", "zieht", "dauert"): a verb says what happens, not which
// thing is meant ("geheiratet" is no application to marry). A word in
// "-e" is a verb's first person only when the rules list the verb too
// ("ziehe" beside "ziehen"); otherwise it is a noun ("Kurtaxe",
// "Hundemarke", "Krippe").
func verbForm(w string, listed map[string]bool) bool {
	for _, end := range []string{"en", "rn", "ln", "t"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return strings.HasSuffix(w, "e") && (listed[w+"n"] || listed[strings.TrimSuffix(w, "e")+"en"])
}

// englishGlossary translates administrative terms of English questions into
// the German words of the sources. Same syntax as builtinSynonyms; only
// "=>" rules make sense here. It is applied to every query, so German text
// that happens to contain one of the English words just gains a few terms.
const englishGlossary = `
passport, passports => reisepass
id card, identity card, national id, id => personalausweis
children passport, child passport => kinderreisepass
register address, registration of address, register my address, address registration => wohnsitz anmelden, anmeldung
move, moving, moved, relocation => umzug
deregister => abmelden
fee, fees, cost, costs, price, charge, charges => kosten, gebuehr
how much => kosten
documents, papers, paperwork => unterlagen
requirements, requirement, prerequisites, eligibility, eligible => voraussetzungen
appointment, appointments, book => termin
opening hours, office hours, open => oeffnungszeiten
processing time, how long => bearbeitungsdauer, dauer
deadline, deadlines => fristen
apply, application => beantragen, antrag
renew, renewal, extend => verlaengern
lost, lose => verlust, verloren
stolen => gestohlen, diebstahl
driving licence, driving license, drivers license, driver's license => fahrerlaubnis, fuehrerschein
car, vehicle, register car, car registration, vehicle registration => fahrzeug, zulassung
license plate, number plate => kennzeichen
parking ticket, parking fine, fine => verwarnungsgeld
birth certificate => geburtsurkunde
marriage, marry, wedding, get married => eheschliessung
dog, dog tax => hundesteuer, hund
bulky waste => sperrmuell
waste, garbage, rubbish, trash => abfall, muell
tax => steuer
business registration, register business, trade license => gewerbeanmeldung, gewerbe
residence permit => aufenthaltserlaubnis
citizenship, naturalisation, naturalization => einbuergerung
certificate of good conduct, police clearance => fuehrungszeugnis
housing benefit => wohngeld
child benefit => kindergeld
daycare, kindergarten => kinderbetreuung, kita
lost property, lost and found => fundbuero, fundsache
town hall, city hall => rathaus
christmas eve => heiligabend, 24 dezember, weihnachten
new year's eve, new years eve => silvester, 31 dezember
christmas => weihnachten, heiligabend
closed => geschlossen
holiday, holidays, public holiday => feiertag, feiertage
residence permit => aufenthaltserlaubnis, aufenthaltstitel
postal vote, absentee ballot, vote by mail => briefwahl
election, vote => wahl
library card => bibliotheksausweis
death, died => sterbefall, sterbeurkunde
certified copy, certification => beglaubigung
parking permit, resident parking => bewohnerparkausweis
building permit => baugenehmigung
certificate of registration, registration certificate, registration cert, proof of address, proof of registration => meldebescheinigung
citizens office, citizen office => buergerbuero
photo, picture => foto, passfoto
child, children, kid, kids => kind, kinder
password => passwort, kennwort
reset => zuruecksetzen
printer => drucker
laptop => notebook
network, wifi => netzwerk, wlan
access => zugang, zugriff
account => konto, benutzerkonto
outage, not working, broken, down => stoerung, ausfall
email => e-mail
phone => telefon
reach, get in touch, contact => contact, kontakt
let me in, let in, get in, sign in, log in, log on => login, anmelden
`

// germanGlossary gives the English words of IT documentation for the
// German words employees ask with, for knowledge roots whose articles are
// written in English (a data centre's user guide) while the staff ask in
// German. Same syntax as englishGlossary. Its words are general computing
// vocabulary, no product's name. A translation counts only when the index
// holds it (ruleSet.known): a root in German alone searches as before.
const germanGlossary = `
schluessel, ssh-schluessel => key, keys
oeffentlicher schluessel => public key
privater schluessel => private key
passwort, kennwort => password
hochladen, hochgeladen, lade hoch, upload => upload
herunterladen, runterladen, heruntergeladen, runtergeladen => download
datei, dateien => file, files
ordner, verzeichnis, verzeichnisse, unterordner => directory, folder
berechtigung, berechtigungen, zugriffsrechte, dateirechte => permission, permissions, access
zugriff, zugang => access
lesen, lesezugriff => read
schreiben, schreibzugriff => write
nur lesen, schreibgeschuetzt => read-only
loeschen, geloescht => delete, deleted, remove
wiederherstellen, wiederhergestellt, zurueckholen => restore, recover
speicherplatz, speicher => storage, disk, quota
kontingent, quote => quota
ueberschritten, vollgelaufen => exceeded, full
projekt, projekte => project
projektleiter, projektleiterin, projektverantwortlich => project manager
abrechnung, verrechnet, abgerechnet => billing, billed
rechenzeit => computing time, billing units
konto, benutzerkonto, nutzerkonto, account => account, user account
gast, gaeste, gastwissenschaftler, gastwissenschaftlerin, besucher => visitor, guest
kollege, kollegin, kollegen => colleague, member
anlegen, angelegt => create
schliessen, geschlossen => close, closed
aendern, geaendert, aenderung => change
fehler, fehlermeldung => error
warteschlange => queue
datenbank => database
verschluesselt, verschluesselung => encrypted, encryption
oeffentlich => public
teilen, freigeben => share
befehl, kommandozeile => command, command line
neustart, neu starten => restart, reboot
startet nicht, bootet nicht, faehrt nicht hoch => boot, start
absturz, stuerzt ab, abgestuerzt => crash
personenbezogene daten, personendaten => personal data
sensible daten, sensibel => sensitive data, sensitive
sicherung, backup => backup
postausgangsserver, postausgang => outgoing, smtp
posteingang => incoming, imap
mailadresse, e-mail-adresse, emailadresse => email address
kurs, schulung => course, training
bildschirm, monitor => display, screen
drucker, drucken => printer, print
netzwerk => network
pruefen, ueberpruefen, pruefe, nachsehen, nachschauen => check, verify
richtig, richtige, richtigen, korrekt => correct, right
falsch, falsche, falschen => wrong, incorrect
nachtraeglich, spaeter => later, afterwards, any time
bearbeiten => edit
verbindung => connection, connect
verbinden => connect
einloggen, eingeloggt => login, log in
ausloggen, ausgeloggt => log out
gesperrt, sperre => locked, blocked
abgelaufen, ablaufen, laeuft ab => expired, expire, expires
ueberschreiben => overwrite
beschreibung => description
hinzufuegen, hinzugefuegt => add, added
entfernen, entfernt => remove
einstellung, einstellungen => settings, configuration
anleitung => instructions, guide
bricht ab, abgebrochen => fails, aborted
haengt, haengen => stuck, hangs, pending
langsam => slow
`
