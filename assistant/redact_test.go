// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRedact(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// e-mail
		{"email", "Schreiben Sie an max.mustermann@example.de bitte.", "Schreiben Sie an [E-MAIL] bitte."},
		{"email umlaut", "jörg.müller@beispiel-stadt.de", "[E-MAIL]"},
		{"email plus", "Kontakt: a+b_c%d@sub.mail.example.com.", "Kontakt: [E-MAIL]."},
		{"not email", "Treffen @ Rathaus", "Treffen @ Rathaus"},

		// phone numbers
		{"phone +49", "Rufen Sie +49 30 1234567 an", "Rufen Sie [TELEFON] an"},
		{"phone +49 (0)", "Tel. +49 (0)30 123 456 78", "Tel. [TELEFON]"},
		{"phone 0049", "0049 89 12345678", "[TELEFON]"},
		{"phone slash", "030/1234567", "[TELEFON]"},
		{"phone dash", "Handy: 0176-12345678.", "Handy: [TELEFON]."},
		{"phone spaces", "0176 123 456 78", "[TELEFON]"},
		{"phone with extension", "Telefon: 0123 456-100, E-Mail: x@y.de", "Telefon: [TELEFON], E-Mail: [E-MAIL]"},
		{"phone parens", "(030) 1234567", "[TELEFON]"},
		{"phone compact", "meine Nummer ist 01761234567", "meine Nummer ist [TELEFON]"},
		{"short number stays", "Zimmer 0123", "Zimmer 0123"},
		{"amount stays", "Das kostet 70,00 Euro", "Das kostet 70,00 Euro"},
		{"postcode stays", "12345 Musterstadt", "12345 Musterstadt"},
		{"ticket key stays", "Status von INC-00012345?", "Status von INC-00012345?"},
		{"time stays", "von 8:00 bis 12:30 Uhr", "von 8:00 bis 12:30 Uhr"},
		{"slash date stays", "BIOS 0.5.1 01/01/2011", "BIOS 0.5.1 01/01/2011"},
		{"decimal stays", "Faktor 0123456,5", "Faktor 0123456,5"},

		// IBAN
		{"iban de spaced", "IBAN: DE89 3704 0044 0532 0130 00, danke", "IBAN: [IBAN], danke"},
		{"iban de compact", "DE89370400440532013000", "[IBAN]"},
		{"iban lower case", "de89 3704 0044 0532 0130 00", "[IBAN]"},
		{"iban gb", "GB82 WEST 1234 5698 7654 32", "[IBAN]"},
		{"iban at", "AT61 1904 3002 3457 3201", "[IBAN]"},
		{"iban nl", "NL91ABNA0417164300", "[IBAN]"},
		{"iban ch", "CH93 0076 2011 6238 5295 7", "[IBAN]"},
		{"iban fr", "FR14 2004 1010 0505 0001 3M02 606", "[IBAN]"},
		{"iban followed by word", "DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX", "[IBAN] BIC COBADEFFXXX"},
		{"iban after failed candidate", "XY12 DE89 3704 0044 0532 0130 00", "XY12 [IBAN]"},
		// A mistyped IBAN is still someone's account (issue 20).
		{"iban bad checksum", "DE89370400440532013001", "[IBAN]"},
		{"iban bad length", "DE8937040044053201300", "DE8937040044053201300"},
		{"iban bad checksum spaced", "DE89 3704 0044 0532 0130 01", "[IBAN]"},

		// tax ID
		{"tax id", "Meine Steuer-ID ist 86095742719.", "Meine Steuer-ID ist [STEUER-ID]."},
		{"tax id spaced", "IdNr 86 095 742 719", "IdNr [STEUER-ID]"},
		{"tax id other", "47036892816", "[STEUER-ID]"},
		{"tax id digit three times", "11213456783", "[STEUER-ID]"},
		{"tax id bad check digit", "86095742718", "86095742718"},
		{"tax id all digits distinct", "12345678903", "12345678903"},
		{"tax id three adjacent", "11123456785", "11123456785"},
		{"tax id inside longer number", "860957427190", "860957427190"},

		// ID card and passport numbers
		{"id card", "Ausweisnummer L01X00T47", "Ausweisnummer [AUSWEISNR]"},
		{"id card with check digit", "T220001293", "[AUSWEISNR]"},
		{"passport with check digit", "Pass C01X00T478", "Pass [AUSWEISNR]"},
		{"id card lower case", "meine nummer ist lz6311t47", "meine nummer ist [AUSWEISNR]"},
		{"old id card digits with context", "Personalausweis 123456789", "Personalausweis [AUSWEISNR]"},
		{"nine digits without context", "Aktenzeichen 123456789", "Aktenzeichen 123456789"},
		{"words stay", "Krankmeldung Schwimmhalle Rechtsgrundlage", "Krankmeldung Schwimmhalle Rechtsgrundlage"},
		{"consonant word stays", "PFLICHTGRM", "PFLICHTGRM"},
		{"error code stays", "Fehler 0x80070005 beim Update", "Fehler 0x80070005 beim Update"},
		{"bad check digit with letter first", "T220001294", "T220001294"},

		// licence plates
		{"plate hyphen", "Mein Auto M-AB 1234 wurde abgeschleppt", "Mein Auto [KENNZEICHEN] wurde abgeschleppt"},
		{"plate e-car", "B AB 123E", "[KENNZEICHEN]"},
		{"plate known district", "HH XY 42 steht falsch", "[KENNZEICHEN] steht falsch"},
		{"plate context", "Kennzeichen XYZ A 99", "Kennzeichen [KENNZEICHEN]"},
		{"plate umlaut district", "GÖ-AB 12", "[KENNZEICHEN]"},
		{"printer stays", "Der Drucker HP LJ 4000 druckt nicht", "Der Drucker HP LJ 4000 druckt nicht"},
		{"licence stays", "Lizenz CC BY-SA 4.0", "Lizenz CC BY-SA 4.0"},

		// dates of birth
		{"geboren am", "Ich bin geboren am 12.03.1985 in Köln", "Ich bin geboren am [GEBURTSDATUM] in Köln"},
		{"geb.", "Max, geb. 1.3.85", "Max, geb. [GEBURTSDATUM]"},
		{"Geburtsdatum iso", "Geburtsdatum: 1985-03-12", "Geburtsdatum: [GEBURTSDATUM]"},
		{"Geburtsdatum month name", "Geburtsdatum 12. März 2016", "Geburtsdatum [GEBURTSDATUM]"},
		{"born english", "I was born on March 12, 1985.", "I was born on [GEBURTSDATUM]."},
		{"born english day first", "born 12 March 1985", "born [GEBURTSDATUM]"},
		{"old full date", "Am 03.11.1990 war ich dort", "Am [GEBURTSDATUM] war ich dort"},
		{"recent date stays", "Termin am 14.06.2026 um 8:30", "Termin am 14.06.2026 um 8:30"},
		{"2015 stays", "seit 01.01.2015", "seit 01.01.2015"},
		{"birthday of a child after 2015", "mein Kind, geboren am 02.02.2020", "mein Kind, geboren am [GEBURTSDATUM]"},
		{"not a date", "Version 1.2.2003", "Version 1.2.2003"},

		// IT helpdesk text stays
		{"hex error code", "Fehlercode 0x800704cf", "Fehlercode 0x800704cf"},
		{"windows version", "Windows 11 Version 23H2", "Windows 11 Version 23H2"},
		{"ip address", "IP 192.168.0.1, Port 8080", "IP 192.168.0.1, Port 8080"},
		{"serial number", "Laptop Seriennummer 5CD1234XYZ", "Laptop Seriennummer 5CD1234XYZ"},
		{"mac address", "MAC 00:1A:2B:3C:4D:5E", "MAC 00:1A:2B:3C:4D:5E"},
		{"guid", "GUID 123e4567-e89b-12d3-a456-426614174000", "GUID 123e4567-e89b-12d3-a456-426614174000"},
		{"file number", "Aktenzeichen 2026/0123456", "Aktenzeichen 2026/0123456"},
		{"isbn", "ISBN 978-3-16-148410-0", "ISBN 978-3-16-148410-0"},
		{"room", "Raum 2.041, Durchwahl 4711", "Raum 2.041, Durchwahl 4711"},
		{"host name", "Drucker PRT-0815-OG2", "Drucker PRT-0815-OG2"},

		// mixed and idempotent
		{"placeholders stay", "[E-MAIL] [TELEFON] [IBAN] [STEUER-ID] [AUSWEISNR] [KENNZEICHEN] [GEBURTSDATUM]", "[E-MAIL] [TELEFON] [IBAN] [STEUER-ID] [AUSWEISNR] [KENNZEICHEN] [GEBURTSDATUM]"},
		{"empty", "", ""},
		{"plain question", "Was kostet ein Reisepass für Personen ab 24 Jahren?", "Was kostet ein Reisepass für Personen ab 24 Jahren?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Redact(tt.in)
			if got != tt.want {
				t.Errorf("Redact(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if again := Redact(got); again != got {
				t.Errorf("Redact is not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func TestValidIBAN(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"DE89370400440532013000", true},
		{"DE89 3704 0044 0532 0130 00", true},
		{"de89370400440532013000", true},
		{"GB82WEST12345698765432", true},
		{"BE68539007547034", true},
		{"NO9386011117947", true},
		{"DE88370400440532013000", false}, // check digits
		{"DE8937040044053201300", false},  // too short for DE
		{"GB82WEST1234569876543", false},
		{"1234370400440532013000", false}, // no country
		{"DE89370400440532013000!", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := validIBAN(tt.in); got != tt.want {
			t.Errorf("validIBAN(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestValidTaxID(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"86095742719", true},
		{"86 095 742 719", true},
		{"47036892816", true},
		{"26594187352", true},
		{"11213456783", true},  // one digit three times, not adjacent
		{"86095742718", false}, // check digit
		{"06095742719", false}, // leading zero
		{"12345678903", false}, // no repeated digit
		{"11223456788", false}, // two repeated digits
		{"11123456785", false}, // three adjacent
		{"1111345678", false},  // too short
		{"8609574271a", false},
	}
	for _, tt := range tests {
		if got := validTaxID(tt.in); got != tt.want {
			t.Errorf("validTaxID(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestTaxIDCheckDigit(t *testing.T) {
	// 86095742719 is the sample tax ID the Bundeszentralamt für Steuern
	// uses in its documentation.
	if got := taxIDCheckDigit("8609574271"); got != 9 {
		t.Errorf("taxIDCheckDigit = %d, want 9", got)
	}
}

func TestIDCheckDigit(t *testing.T) {
	tests := []struct {
		serial string
		want   int
	}{
		{"T22000129", 3}, // specimen ID card 2010
		{"C01X00T47", 8}, // specimen passport
		{"L01X00T47", 1},
	}
	for _, tt := range tests {
		if got := idCheckDigit(tt.serial); got != tt.want {
			t.Errorf("idCheckDigit(%q) = %d, want %d", tt.serial, got, tt.want)
		}
	}
}

func FuzzRedact(f *testing.F) {
	for _, s := range []string{
		"geboren am 12.03.1985, IBAN DE89 3704 0044 0532 0130 00",
		"a@b.de +49 30 1234567 M-AB 1234 L01X00T47 86095742719",
		"[E-MAIL]@x.de",
		"00491234567890123456789",
		"Mein Name ist Erika Mustermann, Hauptstraße 5, 12345 Musterstadt, +49 (30) 1234 567",
		"Frau Dr. Müller-Lüdenscheidt von der Lindenweg 12a DE12 3704 0044",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Redact(s)
		if twice := Redact(once); twice != once {
			t.Errorf("not idempotent:\n in   %q\n once %q\n twice %q", s, once, twice)
		}
		if utf8.ValidString(s) && !utf8.ValidString(once) {
			t.Errorf("Redact(%q) produced invalid UTF-8 %q", s, once)
		}
		if strings.TrimSpace(s) == "" && once != s {
			t.Errorf("Redact changed blank input %q to %q", s, once)
		}
	})
}

func BenchmarkRedact(b *testing.B) {
	msg := "Guten Tag, ich bin geboren am 12.03.1985 und möchte meinen Reisepass verlängern. " +
		"Meine IBAN ist DE89 3704 0044 0532 0130 00, erreichbar unter 0176 12345678 oder max@example.de. " +
		"Was kostet das und wann hat das Bürgerbüro am Donnerstag geöffnet?"
	for b.Loop() {
		Redact(msg)
	}
}
