// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// engineCase is one question to the offline engine and what its answer
// must quote.
type engineCase struct {
	q     string
	aud   knowledge.Audience
	doc   string   // cited first
	facts []string // quoted
}

func askEngine(t *testing.T, a *assistant.Assistant, tests []engineCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			aud := tt.aud
			if aud == "" {
				aud = knowledge.Citizen
			}
			conv := &assistant.Conversation{ID: "t", Audience: aud, Channel: "test"}
			ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: tt.q})
			if err != nil {
				t.Fatal(err)
			}
			if len(ans.Sources) == 0 || ans.Sources[0].ID != tt.doc {
				t.Errorf("cited %v, want %s\n%s", sourceIDs(ans), tt.doc, ans.Text)
			}
			for _, f := range tt.facts {
				if !strings.Contains(ans.Text, f) {
					t.Errorf("answer lacks %q:\n%s", f, ans.Text)
				}
			}
			if l := lineTwice(ans.Text); l != "" {
				t.Errorf("answer quotes %q twice:\n%s", l, ans.Text)
			}
		})
	}
}

// lineTwice returns a sentence-long line the answer text holds twice, ""
// for none: a section is quoted once, however many facets its lines
// answer. (Table rows and links may repeat: a mail server's settings
// table has the same row for two protocols.)
func lineTwice(text string) string {
	seen := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if len(l) < 40 || strings.Contains(l, "|") || strings.Contains(l, "http") {
			continue
		}
		if seen[l] {
			return l
		}
		seen[l] = true
	}
	return ""
}

// TestEngineMechanismsOnTheBundledBase checks general mechanisms of
// understanding and extraction on the bundled base: a question word the
// facet's section leaves out is answered where the page says it; a
// statement of obligation asks for the requirements; "wann kommen die"
// asks for the processing time.
func TestEngineMechanismsOnTheBundledBase(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	askEngine(t, a, []engineCase{
		{q: "Was kostet ein Reisepass für ein Kind?", doc: "leistungen/reisepass", facts: []string{"37,50 Euro", "Kinderreisepass"}},
		{q: "Wir haben seit Samstag einen Welpen. Muss der angemeldet werden?", doc: "leistungen/hundesteuer", facts: []string{"3 Monate"}},
		// What to do now, asked after a story of what went wrong, asks
		// about the trouble the story tells: papers that have not come
		// are answered by when they are sent, and what the page offers
		// instead.
		{q: "wir haben letzte woche briefwahl beantragt aber die unterlagen sind nicht angekommen. was können wir jetzt tun?", doc: "leistungen/briefwahl", facts: []string{"Im Wahlamt können Sie sofort wählen"}},
		{q: "mein führungszeugnis ist nach drei wochen immer noch nicht da. wie geht es jetzt weiter?", doc: "leistungen/fuehrungszeugnis", facts: []string{"innerhalb von 2 Wochen"}},
		// A life event the asker dates something by has happened: its
		// own service (registering the marriage) is done, and the
		// paper named is the matter.
		{q: "nach der hochzeit möchte ich meinen reisepass auf den neuen namen ändern lassen, was brauche ich dafür", doc: "leistungen/reisepass"},
		{q: "nach unserer hochzeit heiße ich anders, brauche ich einen neuen ausweis", doc: "leistungen/personalausweis"},
		// When one may come asks the opening hours.
		{q: "wegen meinem perso, wann kann ich da kommen", doc: "leistungen/personalausweis", facts: []string{"Mittwoch geschlossen"}},
		// Stolen is lost to a thief, in English as in German.
		{q: "my ID card got stolen at the market, do I have to report it", doc: "leistungen/personalausweis-verlust"},
		// A car by its make or model is a vehicle, as a dog by its
		// breed is a dog.
		{q: "unser alter passat kommt zum verwerter, muss ich den abmelden", doc: "leistungen/fahrzeug-abmelden"},
		// "zusätzlich" names nothing: the fee charged "zusätzlich" for
		// sending an exchanged licence does not answer a trip's
		// additional one.
		{q: "roadtrip durch die usa im märz, brauch nen zusätzlichen führerschein. was kostet der?", doc: "leistungen/internationaler-fuehrerschein", facts: []string{"17,50 Euro"}},
		// A move abroad told with its time between the verb and the
		// destination, and spoken ("wir ziehn").
		{q: "wir ziehn im märz nach spanien", doc: "leistungen/wohnsitz-abmelden"},
		// Old furniture that has to go after a flat was cleared is
		// bulky waste.
		{q: "nach der wohnungsräumung stehen alte möbel im keller, die müssen bald weg. was kostet das?", doc: "leistungen/sperrmuell"},
		{q: "hallo ja äh wegen sperrmüll wenn ich den jetzt anmelde wann kommen die den dann holen", doc: "leistungen/sperrmuell", facts: []string{"3 Wochen"}},
		// Typos: a word with two letters swapped, a function word
		// misspelt.
		{q: "wo kan ich mein auto anmleden", doc: "leistungen/fahrzeug-zulassen"},
		// Someone acting for the asker; a separable verb split in the
		// source ("Sie holen ihn … ab").
		{q: "kann meine frau für mich den reisepass abholen", doc: "leistungen/reisepass", facts: []string{"Vollmacht"}},
		// A life event stated as a purpose names no service.
		{q: "ich brauche eine geburtsurkunde für meine hochzeit wie bekomme ich die", doc: "leistungen/geburtsurkunde"},
	})
}

// TestEngineOnTheSharedCorpus runs the same mechanisms over real public
// data the engine was not written for (../shared/corpus: service guides
// in another layout, federal statutes § by §, IT articles).
func TestEngineOnTheSharedCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(filepath.Join(dir, "laws-de")); err != nil {
		t.Skipf("shared corpus not found at %s: %v", dir, err)
	}
	var roots []knowledge.Root
	for _, r := range []string{"services-de", "laws-de", "it-kb"} {
		roots = append(roots, knowledge.Root{Name: r, FS: os.DirFS(filepath.Join(dir, r))})
	}
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: roots})
	if err != nil {
		t.Fatal(err)
	}
	a := mustBaseAssistant(t, kb)
	askEngine(t, a, []engineCase{
		// The paragraph that states the value asked for, not the first
		// that mentions the words.
		{q: "bis wann muss eine geburt beim standesamt gemeldet sein", doc: "PStG-BJNR012210007", facts: []string{"binnen einer Woche"}},
		{q: "ab wann muss man eigentlich einen personalausweis haben", doc: "PAuswG-BJNR134610009", facts: []string{"16 Jahre"}},
		// Two facets answered by overlapping lines of one section quote
		// the section once, its lines in reading order (lineTwice).
		{q: "zieh im märz nach kanada und meld mich hier ab. brauch ich die abmeldebestätigung danach eigentlich noch für irgendwas oder kann die weg", doc: "tramitit-de-germany/abmeldung_des_wohnsitzes", facts: []string{"Kopie Ihrer Abmeldebestätigung"}},
		{q: "hab mich vor zwölf tagen angemeldet und noch keinen brief mit meiner steuer id bekommen, ab wann sollte ich da nachhaken", doc: "tramitit-de-germany/lohnsteuerkarte_beantragen", facts: []string{"innerhalb von drei Wochen"}},
		{q: "hallo also wir bekommen im mai ein baby und äh für wie viele monate kann man eigentlich maximal elterngeld kriegen", doc: "tramitit-de-germany/elterngeld_beantragen", facts: []string{"bis zu 14 Monate"}},
		// A lead-in quotes the command it announces.
		{q: "I get a disk quota exceeded error. How do I see which quota is full?", aud: knowledge.Employee, doc: "csc-user-guide/support/faq/disk-quota-exceeded", facts: []string{"csc-workspaces"}},
		// Steps belong together.
		{q: "wie druck ich von meinem linux laptop aus", aud: knowledge.Employee, doc: "open-ost/_hsr/printing", facts: []string{"mobileprint.rj@ost.ch"}},
		// A feminine person noun meets the masculine one in the source.
		{q: "Ich bin Architektin und mache mich selbstständig – brauche ich eine Gewerbeanmeldung?", doc: "tramitit-de-germany/gewerbeanmeldung", facts: []string{"freiberuflich"}},
		// A condition answers a question why something fails.
		{q: "Das Adressbuch in Thunderbird findet niemanden. Woran liegt das?", aud: knowledge.Employee, doc: "open-ost/_app/thunderbird", facts: []string{"VPN"}},
		// Two words the page writes as one ("Service Desk" and
		// "servicedesk@…") on a page titled "Contact".
		{q: "How can I reach the service desk?", aud: knowledge.Employee, doc: "csc-user-guide/support/contact", facts: []string{"servicedesk@csc.fi"}},
		// A life event is the situation when the asker's own words name
		// the service.
		{q: "I moved to a new university. Can I keep my user account?", aud: knowledge.Employee, doc: "csc-user-guide/support/faq/how-to-change-organization"},
		// A zu-infinitive of a separable verb ("abzumelden").
		{q: "Kostet es etwas, mein Gewerbe abzumelden?", doc: "tramitit-de-germany/gewerbeabmeldung", facts: []string{"kostenlos"}},
		// Of a list longer than a screen, the items that answer stay.
		{q: "I just changed my password and now the login to Puhti fails. Why?", aud: knowledge.Employee, doc: "csc-user-guide/support/faq/i-cannot-login", facts: []string{"one hour"}},
		// Two facets, each answered by the unit stating its kind of value.
		{q: "kostet die gewerbeabmeldung was und wie lange dauert es", doc: "tramitit-de-germany/gewerbeabmeldung", facts: []string{"kostenlos", "einige Wochen"}},
	})
}
