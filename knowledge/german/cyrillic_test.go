// SPDX-License-Identifier: EUPL-1.2

package german

import "testing"

func TestFromCyrillicMeetsTheGermanWord(t *testing.T) {
	for in, want := range map[string]string{
		"Кіндергельд":     "kindergeld",
		"Анмельдунг":      "anmeldung",
		"Аусвайс":         "ausweis",
		"Штойер-ID":       "steuer-id",
		"Бюргерамт":       "buergeramt",
		"Штандесамт":      "standesamt",
		"Елтернгельд":     "elterngeld",
		"Кёльн":           "koeln",
		"Ja, Кіндергельд": "ja, kindergeld",
		"Юрист":           "jurist",
		"Wohngeld 2025":   "Wohngeld 2025",
	} {
		if got := FromCyrillic(in); got != want {
			t.Errorf("FromCyrillic(%q) = %q, want %q", in, got, want)
		}
	}
}
